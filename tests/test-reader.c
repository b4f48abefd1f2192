/* test-reader.c — the reader on a real database, under Xvfb
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dossier-metadata-dialog.h"
#include "dossier-reader.h"
#include "ui-test-utils.h"

/* Accents, an emoji with a skin tone (two code points, four UTF-16 units,
 * eight bytes) and curly quotes come before the passages the tests
 * highlight, so code points, bytes and UTF-16 units all differ. */
static const char *fixture =
  "Levée repairs fall behind schedule\n"
  "By Tomás Ibarra\n"
  "\n"
  "Café owners in Ciudad Juárez 👋🏽 told the council “we’re ready” — naïvely, some said.\n"
  "\n"
  "Engineers said two of the five levee sections will not be ready before the storm season. "
  "“We are racing the calendar,” said district chief Helena Fuentes. The LEVEE budget doubled.\n";

typedef struct
{
  char               *dir;
  DossierApplication *app;
  DossierWindow      *window;
  DossierDatabase    *db;
  DossierReader      *reader;
  GtkTextView        *text_view;
  GtkTextBuffer      *buffer;
  gint64              document;
  char               *body;
  gint64              created;
  guint               n_created;
  gint64              activated;
} Fixture;

static void
on_claim_created (DossierReader *reader,
                  gint64         claim_id,
                  Fixture       *f)
{
  f->created = claim_id;
  f->n_created++;
}

static void
on_claim_activated (DossierReader *reader,
                    gint64         claim_id,
                    Fixture       *f)
{
  f->activated = claim_id;
}

static void
show_document (Fixture *f,
               gint64   document)
{
  g_autoptr(GError) error = NULL;

  f->document = document;
  g_clear_pointer (&f->body, g_free);
  f->body = dossier_documents_get_body (f->db, document, &error);
  g_assert_no_error (error);

  dossier_reader_set_document_id (f->reader, document);
  ui_test_iterate (100);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db_path = NULL;

  if (!ui_test_have_display)
    return;

  f->dir = test_make_dir ();
  db_path = g_build_filename (f->dir, "reader.db", NULL);
  f->window = ui_test_open_window (&f->app, db_path);
  f->db = dossier_window_get_database (f->window);
  f->reader = ui_test_child (f->window, DOSSIER_TYPE_WINDOW, "reader");
  f->text_view = ui_test_child (f->reader, DOSSIER_TYPE_READER, "text_view");
  f->buffer = gtk_text_view_get_buffer (f->text_view);
  g_signal_connect (f->reader, "claim-created", G_CALLBACK (on_claim_created), f);
  g_signal_connect (f->reader, "claim-activated", G_CALLBACK (on_claim_activated), f);

  show_document (f, test_import_text (f->db, f->dir, "levee.txt", fixture));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!ui_test_have_display)
    return;

  g_signal_handlers_disconnect_by_data (f->reader, f);
  ui_test_close_window (f->app, f->window);
  g_free (f->body);
  g_free (f->dir);
}

/* The code point offset of the @occurrence-th (1-based) @needle in @text. */
static guint
offset_of (const char *text,
           const char *needle,
           guint       occurrence)
{
  const char *p = text;

  for (guint i = 0; i < occurrence; i++)
    {
      if (i > 0)
        p++;
      p = strstr (p, needle);
      g_assert_nonnull (p);
    }

  return g_utf8_pointer_to_offset (text, p);
}

static void
select_offsets (Fixture *f,
                guint    start,
                guint    end)
{
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (f->buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (f->buffer, &end_iter, end);
  gtk_text_buffer_select_range (f->buffer, &start_iter, &end_iter);
}

static guint
count_claims (Fixture *f)
{
  DossierClaimFilter filter = { .document_id = f->document };
  g_autoptr(GPtrArray) claims = dossier_claims_list (f->db, &filter, NULL);

  g_assert_nonnull (claims);

  return claims->len;
}

static void
count_highlight_tag (GtkTextTag *tag,
                     gpointer    data)
{
  g_autofree char *name = NULL;

  g_object_get (tag, "name", &name, NULL);
  if (name != NULL && g_str_has_prefix (name, "highlight-"))
    (*(guint *)data)++;
}

static guint
count_highlight_tags (Fixture *f)
{
  guint n = 0;

  gtk_text_tag_table_foreach (gtk_text_buffer_get_tag_table (f->buffer), count_highlight_tag, &n);

  return n;
}

static gboolean
has_tag_at (Fixture    *f,
            const char *name,
            guint       offset)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (f->buffer), name);
  GtkTextIter iter;

  if (tag == NULL)
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (f->buffer, &iter, offset);

  return gtk_text_iter_has_tag (&iter, tag);
}

static DossierClaim *
create_claim (Fixture    *f,
              const char *quote,
              guint       occurrence,
              const char *theme)
{
  g_autoptr(GError) error = NULL;
  const char *themes[] = { theme, NULL };
  guint start = offset_of (f->body, quote, occurrence);
  DossierClaim *claim = dossier_claims_create (f->db, f->document, start, start + g_utf8_strlen (quote, -1),
                                               theme != NULL ? themes : NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (claim);
  ui_test_iterate (20);

  return claim;
}

static void
test_highlight_selection (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  const char *target = "the five levee sections";
  const char *p;
  guint start, end;

  UI_TEST_REQUIRE_DISPLAY ();

  /* Code points, bytes and UTF-16 units differ before the target. */
  p = strstr (f->body, target);
  g_assert_nonnull (p);
  start = g_utf8_pointer_to_offset (f->body, p);
  end = start + g_utf8_strlen (target, -1);
  g_assert_cmpuint (start, !=, (guint)(p - f->body));
  {
    glong utf16_units = 0;
    g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (f->body, p - f->body, NULL, &utf16_units, NULL);

    g_assert_cmpuint (start, !=, (guint)utf16_units);
  }

  /* Nothing selected: nothing to highlight. */
  select_offsets (f, start, start);
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.highlight", NULL);
  g_assert_cmpuint (f->n_created, ==, 0);
  g_assert_cmpuint (count_claims (f), ==, 0);

  /* The selection, with a space on each side that is trimmed. */
  select_offsets (f, start - 1, end + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.highlight", NULL));
  ui_test_iterate (50);

  g_assert_cmpuint (f->n_created, ==, 1);
  g_assert_cmpint (f->created, !=, 0);
  claim = dossier_claims_get (f->db, f->created, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_claim_get_document_id (claim), ==, f->document);
  g_assert_cmpuint (dossier_claim_get_start (claim), ==, start);
  g_assert_cmpuint (dossier_claim_get_end (claim), ==, end);
  g_assert_cmpstr (dossier_claim_get_quote (claim), ==, target);
  g_assert_cmpuint (count_claims (f), ==, 1);

  /* Drawn at once, in the neutral colour (no theme yet). */
  g_assert_true (has_tag_at (f, "highlight-#c0bfbc", start));
  g_assert_true (has_tag_at (f, "highlight-#c0bfbc", end - 1));
  g_assert_false (has_tag_at (f, "highlight-#c0bfbc", end));

  /* The same passage again shows the claim there is. */
  select_offsets (f, start, end);
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.highlight", NULL);
  ui_test_iterate (20);
  g_assert_cmpuint (f->n_created, ==, 1);
  g_assert_cmpint (f->activated, ==, f->created);
  g_assert_cmpuint (count_claims (f), ==, 1);

  /* Only white space: a toast, no claim, the selection kept. */
  start = offset_of (f->body, "\n\n", 1);
  select_offsets (f, start, start + 2);
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.highlight", NULL);
  ui_test_iterate (20);
  g_assert_cmpuint (f->n_created, ==, 1);
  g_assert_cmpuint (count_claims (f), ==, 1);
  g_assert_true (gtk_text_buffer_get_has_selection (f->buffer));

  /* A quote with curly quotes and an apostrophe. */
  start = offset_of (f->body, "“we’re ready”", 1);
  select_offsets (f, start, start + 13);
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.highlight", NULL);
  ui_test_iterate (20);
  g_assert_cmpuint (f->n_created, ==, 2);
  g_clear_object (&claim);
  claim = dossier_claims_get (f->db, f->created, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_claim_get_quote (claim), ==, "“we’re ready”");
  g_assert_cmpuint (dossier_claim_get_start (claim), ==, start);
}

static void
test_tags_per_colour (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DossierTheme) levees = NULL;
  g_autoptr(DossierTheme) budget = NULL;
  g_autoptr(DossierTheme) people = NULL;
  g_autoptr(DossierClaim) a = NULL;
  g_autoptr(DossierClaim) b = NULL;
  g_autoptr(DossierClaim) c = NULL;
  g_autoptr(DossierClaim) outer = NULL;
  g_autoptr(DossierClaim) inner = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextTag *tag;
  GdkRGBA *light = NULL;
  GdkRGBA *dark = NULL;
  guint overlap_start, overlap_end;

  UI_TEST_REQUIRE_DISPLAY ();

  levees = dossier_themes_ensure (f->db, "Levees", &error);
  g_assert_no_error (error);
  budget = dossier_themes_ensure (f->db, "Budget", &error);
  g_assert_no_error (error);
  people = dossier_themes_ensure (f->db, "People", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_themes_set_color (f->db, dossier_theme_get_id (levees), "#99C1F1", &error));
  g_assert_true (dossier_themes_set_color (f->db, dossier_theme_get_id (budget), "#99c1f1", &error));
  g_assert_true (dossier_themes_set_color (f->db, dossier_theme_get_id (people), "#f66151", &error));
  g_assert_no_error (error);

  a = create_claim (f, "Engineers said", 1, "Levees");
  b = create_claim (f, "The LEVEE budget doubled", 1, "Budget");
  c = create_claim (f, "district chief Helena Fuentes", 1, "People");

  /* Three claims, two colours: two tags. */
  g_assert_cmpuint (count_highlight_tags (f), ==, 2);
  g_assert_true (has_tag_at (f, "highlight-#99c1f1", dossier_claim_get_start (a)));
  g_assert_true (has_tag_at (f, "highlight-#99c1f1", dossier_claim_get_start (b)));
  g_assert_true (has_tag_at (f, "highlight-#f66151", dossier_claim_get_start (c)));
  g_assert_false (has_tag_at (f, "overlap", dossier_claim_get_start (c)));

  /* A theme's new colour redraws at once; the unused colour goes. */
  g_assert_true (dossier_themes_set_color (f->db, dossier_theme_get_id (people), "#8ff0a4", &error));
  g_assert_no_error (error);
  ui_test_iterate (20);
  g_assert_true (has_tag_at (f, "highlight-#8ff0a4", dossier_claim_get_start (c)));
  g_assert_null (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (f->buffer), "highlight-#f66151"));
  g_assert_cmpuint (count_highlight_tags (f), ==, 2);

  /* Overlapping claims: the overlap is marked, and a click picks the
   * innermost claim. */
  outer = create_claim (f, "“We are racing the calendar,” said district", 1, NULL);
  inner = create_claim (f, "racing the calendar", 1, "People");
  overlap_start = dossier_claim_get_start (inner);
  overlap_end = dossier_claim_get_end (inner);
  g_assert_true (has_tag_at (f, "overlap", overlap_start));
  g_assert_true (has_tag_at (f, "overlap", overlap_end - 1));
  g_assert_false (has_tag_at (f, "overlap", overlap_start - 1));
  g_assert_false (has_tag_at (f, "overlap", overlap_end));
  /* "district" is both in the outer claim and in claim c. */
  g_assert_true (has_tag_at (f, "overlap", offset_of (f->body, "district", 1)));
  g_assert_false (has_tag_at (f, "overlap", dossier_claim_get_start (outer)));

  /* Each stretch shows the colour of its innermost claim, the one a
   * click there opens. */
  g_assert_true (has_tag_at (f, "highlight-#8ff0a4", overlap_start));
  g_assert_false (has_tag_at (f, "highlight-#c0bfbc", overlap_start));
  g_assert_true (has_tag_at (f, "highlight-#c0bfbc", overlap_start - 1));
  g_assert_true (has_tag_at (f, "highlight-#c0bfbc", overlap_end));
  g_assert_true (has_tag_at (f, "highlight-#8ff0a4", offset_of (f->body, "district", 1)));
  g_assert_false (has_tag_at (f, "highlight-#c0bfbc", offset_of (f->body, "district", 1)));

  g_assert_cmpint (dossier_reader_get_claim_at_offset (f->reader, overlap_start), ==, dossier_claim_get_id (inner));
  g_assert_cmpint (dossier_reader_get_claim_at_offset (f->reader, overlap_end - 1), ==, dossier_claim_get_id (inner));
  g_assert_cmpint (dossier_reader_get_claim_at_offset (f->reader, dossier_claim_get_start (outer)), ==,
                   dossier_claim_get_id (outer));
  g_assert_cmpint (dossier_reader_get_claim_at_offset (f->reader, overlap_end + 1), ==, dossier_claim_get_id (outer));
  g_assert_cmpint (dossier_reader_get_claim_at_offset (f->reader, offset_of (f->body, "district", 1)), ==,
                   dossier_claim_get_id (c));
  g_assert_cmpint (dossier_reader_get_claim_at_offset (f->reader, dossier_claim_get_end (a)), ==, 0);
  g_assert_cmpint (dossier_reader_get_claim_at_offset (f->reader, 0), ==, 0);

  /* A deleted claim is no longer drawn or clickable. */
  g_assert_true (dossier_claims_delete (f->db, dossier_claim_get_id (inner), &error));
  g_assert_no_error (error);
  ui_test_iterate (20);
  g_assert_false (has_tag_at (f, "overlap", overlap_start));
  g_assert_cmpint (dossier_reader_get_claim_at_offset (f->reader, overlap_start), ==, dossier_claim_get_id (outer));

  /* Dark mode tints the highlights again, more softly. */
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (f->buffer), "highlight-#99c1f1");
  g_object_get (tag, "background-rgba", &light, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_iterate (50);
  g_object_get (tag, "background-rgba", &dark, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  ui_test_iterate (50);
  g_assert_cmpfloat (dark->alpha, <, light->alpha);
  g_assert_cmpfloat_with_epsilon (dark->red, light->red, 0.001);
  gdk_rgba_free (light);
  gdk_rgba_free (dark);
}

static void
test_redraw_keeps_scroll (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("A long report\n\n");
  g_autoptr(DossierClaim) claim = NULL;
  GtkScrolledWindow *scroller;
  GtkAdjustment *vadjustment;
  double value;

  UI_TEST_REQUIRE_DISPLAY ();

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "Paragraph %u of the report, in which the committee weighs the levee budget.\n", i);
  show_document (f, test_import_text (f->db, f->dir, "long.txt", text->str));
  ui_test_iterate (300);

  scroller = ui_test_child (f->reader, DOSSIER_TYPE_READER, "scroller");
  vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment) * 3);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  ui_test_iterate (200);
  value = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (value, >, 0);

  claim = create_claim (f, "Paragraph 7 of the report", 1, "Budget");
  ui_test_iterate (200);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadjustment), value, 1.0);
  g_assert_true (has_tag_at (f, "highlight-#99c1f1", dossier_claim_get_start (claim)));
}

static DossierMetadataDialog *
find_metadata_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DOSSIER_IS_METADATA_DIALOG (window))
        return DOSSIER_METADATA_DIALOG (window);
    }

  return NULL;
}

static void
set_row (DossierMetadataDialog *dialog,
         const char            *name,
         const char            *text)
{
  gtk_editable_set_text (ui_test_child (dialog, DOSSIER_TYPE_METADATA_DIALOG, name), text);
}

static void
test_metadata_dialog (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  DossierMetadataDialog *dialog;
  GtkWidget *date_row;
  GtkLabel *error_label;
  GtkLabel *title_label;
  GtkLabel *byline_label;

  UI_TEST_REQUIRE_DISPLAY ();

  g_assert_null (find_metadata_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.edit-metadata", NULL));
  ui_test_iterate (50);
  dialog = find_metadata_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (dossier_metadata_dialog_get_document_id (dialog), ==, f->document);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (gtk_editable_get_text (ui_test_child (dialog, DOSSIER_TYPE_METADATA_DIALOG, "title_row")), ==,
                   "Levée repairs fall behind schedule");

  /* A date that does not exist: an error beside it, the dialog stays. */
  set_row (dialog, "title_row", "Levee repairs: “behind schedule”");
  set_row (dialog, "outlet_row", "Río Bravo Ledger");
  set_row (dialog, "author_row", "Tomás Ibarra");
  set_row (dialog, "date_row", "2025-02-30");
  set_row (dialog, "url_row", "https://example.org/levee?a=1&b=<2>");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "metadata.save", NULL);
  ui_test_iterate (50);
  g_assert_true (find_metadata_dialog () == dialog);
  date_row = ui_test_child (dialog, DOSSIER_TYPE_METADATA_DIALOG, "date_row");
  error_label = ui_test_child (dialog, DOSSIER_TYPE_METADATA_DIALOG, "error_label");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "YYYY-MM-DD"));
  document = dossier_documents_get (f->db, f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Levée repairs fall behind schedule");
  g_clear_object (&document);

  /* Not a date at all, then one written out. */
  set_row (dialog, "date_row", "soon");
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "metadata.save", NULL);
  ui_test_iterate (20);
  g_assert_true (find_metadata_dialog () == dialog);
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));

  set_row (dialog, "date_row", "September 9, 2025");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "metadata.save", NULL);
  ui_test_iterate (50);
  g_assert_null (find_metadata_dialog ());

  document = dossier_documents_get (f->db, f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Levee repairs: “behind schedule”");
  g_assert_cmpstr (dossier_document_get_outlet (document), ==, "Río Bravo Ledger");
  g_assert_cmpstr (dossier_document_get_author (document), ==, "Tomás Ibarra");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2025-09-09");
  g_assert_cmpstr (dossier_document_get_url (document), ==, "https://example.org/levee?a=1&b=<2>");
  g_clear_object (&document);

  /* The reader's header follows, and the text stays. */
  title_label = ui_test_child (f->reader, DOSSIER_TYPE_READER, "title_label");
  byline_label = ui_test_child (f->reader, DOSSIER_TYPE_READER, "byline_label");
  g_assert_cmpstr (gtk_label_get_label (title_label), ==, "Levee repairs: “behind schedule”");
  g_assert_nonnull (strstr (gtk_label_get_label (byline_label), "Río Bravo Ledger"));
  g_assert_nonnull (strstr (gtk_label_get_label (byline_label), "Tomás Ibarra"));
  g_assert_nonnull (strstr (gtk_label_get_label (byline_label), "2025"));
  /* The address is a link, its markup escaped. */
  {
    GtkLabel *url_label = ui_test_child (f->reader, DOSSIER_TYPE_READER, "url_label");

    g_assert_cmpstr (gtk_label_get_text (url_label), ==, "https://example.org/levee?a=1&b=<2>");
    g_assert_nonnull (strstr (gtk_label_get_label (url_label), "<a href=\"https://example.org/levee?a=1&amp;b=&lt;2&gt;\">"));
  }
  g_assert_cmpint (gtk_text_buffer_get_char_count (f->buffer), ==, g_utf8_strlen (f->body, -1));

  /* Emptied fields clear; an empty title is refused. */
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.edit-metadata", NULL);
  ui_test_iterate (50);
  dialog = find_metadata_dialog ();
  g_assert_nonnull (dialog);
  set_row (dialog, "title_row", "  ");
  set_row (dialog, "author_row", "");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "metadata.save", NULL);
  ui_test_iterate (20);
  g_assert_true (find_metadata_dialog () == dialog);
  g_assert_true (gtk_widget_has_css_class (ui_test_child (dialog, DOSSIER_TYPE_METADATA_DIALOG, "title_row"), "error"));
  set_row (dialog, "title_row", "Levee repairs");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "metadata.save", NULL);
  ui_test_iterate (50);
  g_assert_null (find_metadata_dialog ());
  document = dossier_documents_get (f->db, f->document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Levee repairs");
  g_assert_null (dossier_document_get_author (document));
  g_assert_cmpstr (dossier_document_get_outlet (document), ==, "Río Bravo Ledger");
  g_clear_object (&document);

  /* Cancel leaves everything as it was. */
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.edit-metadata", NULL);
  ui_test_iterate (50);
  dialog = find_metadata_dialog ();
  set_row (dialog, "title_row", "Something else");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ui_test_iterate (50);
  g_assert_null (find_metadata_dialog ());
  document = dossier_documents_get (f->db, f->document, &error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Levee repairs");
}

typedef struct
{
  GtkLabel   *label;
  const char *expected;
} LabelWait;

static gboolean
label_is (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (gtk_label_get_label (wait->label), wait->expected) == 0;
}

static void
assert_selection (Fixture *f,
                  guint    start,
                  guint    length)
{
  GtkTextIter start_iter, end_iter;

  g_assert_true (gtk_text_buffer_get_selection_bounds (f->buffer, &start_iter, &end_iter));
  g_assert_cmpuint (gtk_text_iter_get_offset (&start_iter), ==, start);
  g_assert_cmpuint (gtk_text_iter_get_offset (&end_iter), ==, start + length);
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  GtkSearchBar *bar = ui_test_child (f->reader, DOSSIER_TYPE_READER, "search_bar");
  GtkEditable *entry;
  LabelWait wait;

  UI_TEST_REQUIRE_DISPLAY ();

  entry = ui_test_child (f->reader, DOSSIER_TYPE_READER, "search_entry");
  wait.label = ui_test_child (f->reader, DOSSIER_TYPE_READER, "match_label");

  g_assert_false (gtk_search_bar_get_search_mode (bar));
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.find", NULL);
  ui_test_iterate (20);
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  /* Case and accents do not matter: Levée, levee, LEVEE. */
  gtk_editable_set_text (entry, "levee");
  wait.expected = "1 of 3";
  g_assert_true (ui_test_wait_until (label_is, &wait, 2000));
  assert_selection (f, offset_of (f->body, "Levée", 1), 5);
  g_assert_true (has_tag_at (f, "search-match", offset_of (f->body, "LEVEE", 1)));

  g_assert_true (has_tag_at (f, "search-match-current", offset_of (f->body, "Levée", 1)));

  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.find-next", NULL);
  g_assert_cmpstr (gtk_label_get_label (wait.label), ==, "2 of 3");
  assert_selection (f, offset_of (f->body, "levee sections", 1), 5);
  g_assert_true (has_tag_at (f, "search-match-current", offset_of (f->body, "levee sections", 1)));
  g_assert_false (has_tag_at (f, "search-match-current", offset_of (f->body, "Levée", 1)));
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.find-previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.find-previous", NULL);
  g_assert_cmpstr (gtk_label_get_label (wait.label), ==, "3 of 3");
  assert_selection (f, offset_of (f->body, "LEVEE", 1), 5);

  /* Typewriter quotes find typographic ones. */
  gtk_editable_set_text (entry, "we're ready\"");
  wait.expected = "1 of 1";
  g_assert_true (ui_test_wait_until (label_is, &wait, 2000));
  assert_selection (f, offset_of (f->body, "we’re ready”", 1), 12);

  gtk_editable_set_text (entry, "caldera");
  wait.expected = "No matches";
  g_assert_true (ui_test_wait_until (label_is, &wait, 2000));
  g_assert_false (has_tag_at (f, "search-match", offset_of (f->body, "LEVEE", 1)));

  /* Find a phrase, close the bar, highlight it: the keyboard's way. */
  gtk_editable_set_text (entry, "racing the calendar");
  wait.expected = "1 of 1";
  g_assert_true (ui_test_wait_until (label_is, &wait, 2000));
  gtk_search_bar_set_search_mode (bar, FALSE);
  ui_test_iterate (20);
  g_assert_false (has_tag_at (f, "search-match", offset_of (f->body, "racing", 1)));
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.highlight", NULL);
  ui_test_iterate (20);
  g_assert_cmpuint (f->n_created, ==, 1);
  g_assert_cmpuint (count_claims (f), ==, 1);
}

static void
test_long_line (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("");
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;
  gint64 begin, loaded;
  const char *newline;
  guint offset;

  UI_TEST_REQUIRE_DISPLAY ();

  /* A megabyte in one line, as scraped text sometimes is. */
  for (guint i = 0; text->len < 1024 * 1024; i++)
    g_string_append_printf (text, "Sentence %u of a report that never breaks its lines, señor. ", i);
  g_string_append (text, "The end.");

  begin = g_get_monotonic_time ();
  show_document (f, test_import_text (f->db, f->dir, "long-line.txt", text->str));
  loaded = g_get_monotonic_time ();
  g_test_message ("1 MB single line: imported and shown in %.0f ms", (loaded - begin) / 1000.0);

  g_assert_cmpint (gtk_text_buffer_get_char_count (f->buffer), ==, g_utf8_strlen (f->body, -1));
  g_assert_cmpint (gtk_text_buffer_get_line_count (f->buffer), >, 100);

  /* A selection across a place where the text view broke the line: the
   * claim still holds the body's text, with its space. */
  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  shown = gtk_text_buffer_get_text (f->buffer, &start, &end, TRUE);
  newline = strchr (shown, '\n');
  g_assert_nonnull (newline);
  offset = g_utf8_pointer_to_offset (shown, newline);
  select_offsets (f, offset - 8, offset + 8);
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.highlight", NULL);
  ui_test_iterate (50);
  g_assert_cmpuint (f->n_created, ==, 1);
  claim = dossier_claims_get (f->db, f->created, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strchr (dossier_claim_get_quote (claim), ' '));
  g_assert_null (strchr (dossier_claim_get_quote (claim), '\n'));
  g_clear_object (&claim);

  /* The end of the text can be revealed and highlighted. */
  claim = create_claim (f, "The end.", 1, NULL);
  dossier_reader_reveal_claim (f->reader, dossier_claim_get_id (claim));
  ui_test_iterate (300);
  assert_selection (f, dossier_claim_get_start (claim), 8);
  g_assert_true (has_tag_at (f, "highlight-#c0bfbc", dossier_claim_get_start (claim)));
  g_test_message ("1 MB single line: usable after %.0f ms", (g_get_monotonic_time () - begin) / 1000.0);
}

/* Without a single space (text in Chinese, or encoded data) the view
 * inserts its own line breaks; claims and finds still use body offsets. */
static void
test_long_line_without_spaces (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("");
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slice = NULL;
  GtkEditable *entry;
  LabelWait wait;
  gint64 begin;
  guint start;

  UI_TEST_REQUIRE_DISPLAY ();

  for (guint i = 0; text->len < 1024 * 1024; i++)
    g_string_append_printf (text, "堤防工事は遅れている第%u区間。", i);
  g_string_append (text, "終わり。");

  begin = g_get_monotonic_time ();
  show_document (f, test_import_text (f->db, f->dir, "no-spaces.txt", text->str));
  g_test_message ("1 MB without spaces: imported and shown in %.0f ms", (g_get_monotonic_time () - begin) / 1000.0);
  g_assert_cmpint (gtk_text_buffer_get_line_count (f->buffer), >, 50);
  g_assert_cmpint (gtk_text_buffer_get_char_count (f->buffer), >, g_utf8_strlen (f->body, -1));

  /* A selection across an inserted break makes a claim of the body's
   * text at the body's offsets. */
  start = 5000 - 10;
  {
    GtkTextIter start_iter, end_iter;
    g_autofree char *shown = NULL;
    const char *newline;

    gtk_text_buffer_get_bounds (f->buffer, &start_iter, &end_iter);
    shown = gtk_text_buffer_get_text (f->buffer, &start_iter, &end_iter, TRUE);
    newline = strchr (shown, '\n');
    g_assert_nonnull (newline);
    start = g_utf8_pointer_to_offset (shown, newline) - 6;
    select_offsets (f, start, start + 13);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.highlight", NULL);
  ui_test_iterate (50);
  g_assert_cmpuint (f->n_created, ==, 1);
  claim = dossier_claims_get (f->db, f->created, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_claim_get_start (claim), ==, start);
  g_assert_cmpuint (dossier_claim_get_end (claim), ==, start + 12);
  slice = g_utf8_substring (f->body, start, start + 12);
  g_assert_cmpstr (dossier_claim_get_quote (claim), ==, slice);
  g_assert_null (strchr (dossier_claim_get_quote (claim), '\n'));
  g_assert_cmpint (dossier_reader_get_claim_at_offset (f->reader, start + 11), ==, f->created);
  g_assert_cmpint (dossier_reader_get_claim_at_offset (f->reader, start + 12), ==, 0);

  /* Find counts body matches and selects them where they are. */
  gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.find", NULL);
  entry = ui_test_child (f->reader, DOSSIER_TYPE_READER, "search_entry");
  wait.label = ui_test_child (f->reader, DOSSIER_TYPE_READER, "match_label");
  gtk_editable_set_text (entry, "終わり");
  wait.expected = "1 of 1";
  g_assert_true (ui_test_wait_until (label_is, &wait, 5000));
  {
    GtkTextIter start_iter, end_iter;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (f->buffer, &start_iter, &end_iter));
    selected = gtk_text_iter_get_text (&start_iter, &end_iter);
    g_assert_cmpstr (selected, ==, "終わり");
  }
}

/* The keys of the accelerator table reach the reader's actions wherever
 * the focus is in the window. */
static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GListModel) controllers = NULL;
  GtkShortcutController *shortcuts = NULL;
  struct { const char *action; const char *trigger; gboolean found; } expected[] = {
    { "reader.highlight", "<Control>h", FALSE },
    { "reader.find", "<Control>f", FALSE },
    { "reader.find-next", "<Control>g", FALSE },
    { "reader.find-previous", "<Shift><Control>g", FALSE },
    { "reader.edit-metadata", "<Control>e", FALSE },
  };

  UI_TEST_REQUIRE_DISPLAY ();

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->reader));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
    }
  g_assert_nonnull (shortcuts);
  g_assert_cmpint (gtk_shortcut_controller_get_scope (shortcuts), ==, GTK_SHORTCUT_SCOPE_GLOBAL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), i);
      GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

      g_assert_true (GTK_IS_NAMED_ACTION (action));
      for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
        if (g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), expected[j].action) &&
            g_str_equal (trigger, expected[j].trigger))
          expected[j].found = TRUE;
    }

  for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
    {
      if (!expected[j].found)
        g_test_message ("no %s for %s", expected[j].trigger, expected[j].action);
      g_assert_true (expected[j].found);
    }
}

/* DESIGN §10: a 1 MB document with 1,000 claims opens in about 100 ms
 * (asserted loosely here: test machines vary). */
static void
test_big_document (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("A big report\n\n");
  g_autoptr(GError) error = NULL;
  const char *themes[] = { NULL, NULL };
  const char *names[] = { "Levees", "Budget", "People", "Storms", "Permits" };
  gint64 document, begin, elapsed;

  UI_TEST_REQUIRE_DISPLAY ();

  for (guint i = 0; text->len < 1024 * 1024; i++)
    g_string_append_printf (text, "Paragraph %06u: the committee weighs the levee budget, “again”, "
                            "and the engineers say the work is late by some weeks.\n", i);
  document = test_import_text (f->db, f->dir, "big.txt", text->str);

  /* The claims go in while the reader shows another document. */
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(DossierClaim) claim = NULL;
      guint start = 100 + i * 1000;

      themes[0] = names[i % G_N_ELEMENTS (names)];
      claim = dossier_claims_create (f->db, document, start, start + 40, i % 6 ? themes : NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  begin = g_get_monotonic_time ();
  dossier_reader_set_document_id (f->reader, document);
  elapsed = g_get_monotonic_time () - begin;
  g_test_message ("1 MB, 1,000 claims: shown in %.1f ms", elapsed / 1000.0);
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);

  f->document = document;
  g_clear_pointer (&f->body, g_free);
  f->body = dossier_documents_get_body (f->db, document, NULL);
  g_assert_cmpuint (count_highlight_tags (f), ==, G_N_ELEMENTS (names) + 1);

  begin = g_get_monotonic_time ();
  ui_test_iterate (200);
  g_test_message ("1 MB, 1,000 claims: first frames within %.1f ms", (g_get_monotonic_time () - begin) / 1000.0);

  /* A new claim redraws them all. */
  begin = g_get_monotonic_time ();
  g_object_unref (create_claim (f, "Paragraph 000003", 1, "Levees"));
  g_test_message ("1 MB, 1,001 claims: redrawn in %.1f ms", (g_get_monotonic_time () - begin) / 1000.0);
}

static void
test_no_document (Fixture       *f,
                  gconstpointer  data)
{
  GtkStack *stack;

  UI_TEST_REQUIRE_DISPLAY ();

  stack = ui_test_child (f->reader, DOSSIER_TYPE_READER, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "document");

  dossier_reader_set_document_id (f->reader, 0);
  ui_test_iterate (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->reader), "reader.edit-metadata", NULL) &&
                  find_metadata_dialog () != NULL);

  /* A deleted document leaves the reader empty. */
  show_document (f, f->document);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "document");
  g_assert_true (dossier_documents_delete (f->db, f->document, NULL));
  ui_test_iterate (20);
  g_assert_cmpint (dossier_reader_get_document_id (f->reader), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

/* Highlights in several theme colours on the seed corpus (or the fixture
 * when the seeds are absent), light and dark, saved for a person to see. */
static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  const char *seeds = g_getenv ("DOSSIER_SEED_CORPUS");
  const char *out = g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : f->dir;
  g_autofree char *light = g_build_filename (out, "reader.png", NULL);
  g_autofree char *dark = g_build_filename (out, "reader-dark.png", NULL);
  g_autoptr(GError) error = NULL;
  struct { const char *quote; const char *theme; } claims[] = {
    { "Security dominated the agenda.", "Security" },
    { "the United States threatened to impose a 30 percent tariff on Mexican exports", "Tariffs" },
    { "Rubio made his third trip to Latin America", "Diplomacy" },
    { "Trump has paired these threats with economic pressure, mostly in the form of tariffs.", "Sovereignty" },
    { "economic pressure", "Tariffs" },
    { "Mexico secured a 90-day pause in July to negotiate", NULL },
  };
  gint64 document = 0;

  UI_TEST_REQUIRE_DISPLAY ();

  if (seeds != NULL && g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      const char *paths[] = { seeds, NULL };
      g_autoptr(DossierImportReport) report = dossier_import (f->db, paths, NULL, NULL, NULL, &error);
      g_autoptr(GPtrArray) documents = NULL;

      g_assert_no_error (error);
      documents = dossier_documents_list (f->db, DOSSIER_DOCUMENT_SORT_TITLE, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < documents->len; i++)
        if (g_str_has_prefix (dossier_document_get_title (g_ptr_array_index (documents, i)), "Critical Questions"))
          document = dossier_document_get_id (g_ptr_array_index (documents, i));
    }

  if (document != 0)
    show_document (f, document);
  else
    {
      claims[0].quote = "Engineers said two of the five levee sections";
      claims[1].quote = "“We are racing the calendar,”";
      claims[2].quote = "Café owners in Ciudad Juárez";
      claims[3].quote = "The LEVEE budget doubled.";
      claims[4].quote = "budget";
      claims[5].quote = "told the council";
    }

  for (guint i = 0; i < G_N_ELEMENTS (claims); i++)
    if (strstr (f->body, claims[i].quote) != NULL)
      g_object_unref (create_claim (f, claims[i].quote, 1, claims[i].theme));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_paned_set_position (ui_test_child (f->window, DOSSIER_TYPE_WINDOW, "inner_paned"), 600);
  ui_test_iterate (500);
  ui_test_save_screenshot (f->window, light);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_iterate (500);
  ui_test_save_screenshot (f->window, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  ui_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/reader/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("highlight-selection", test_highlight_selection);
  ADD ("tags-per-colour", test_tags_per_colour);
  ADD ("redraw-keeps-scroll", test_redraw_keeps_scroll);
  ADD ("metadata-dialog", test_metadata_dialog);
  ADD ("find", test_find);
  ADD ("long-line", test_long_line);
  ADD ("long-line-without-spaces", test_long_line_without_spaces);
  ADD ("big-document", test_big_document);
  ADD ("shortcuts", test_shortcuts);
  ADD ("no-document", test_no_document);
  ADD ("screenshot", test_screenshot);

#undef ADD

  return g_test_run ();
}
