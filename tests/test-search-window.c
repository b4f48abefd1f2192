/* test-search-window.c — search everywhere (Ctrl+K), under Xvfb
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "dossier-claims-pane.h"
#include "dossier-document-list.h"
#include "dossier-reader.h"
#include "dossier-search-row.h"
#include "dossier-search-window.h"
#include "ui-test-utils.h"

/* More reports than the window shows (50), so that the limit matters. */
#define N_REPORTS 64

typedef struct
{
  char                *dir;
  char                *db_path;
  DossierApplication  *app;
  DossierWindow       *window;
  DossierDatabase     *db;
  DossierReader       *reader;
  DossierClaimsPane   *claims_pane;
  DossierDocumentList *document_list;
  gint64               canal;       /* the long document, "Zanjón" deep inside */
  gint64               hostile;     /* markup in its title and text */
  gint64               note_claim;  /* the only place "Ocotillo" is */
} Fixture;

static const char *places[] = {
  "Ciudad Juárez", "Ojinaga", "Piedras Negras", "Nuevo Laredo", "Reynosa", "Matamoros",
  "El Paso", "Presidio", "Del Río", "Laredo", "McAllen", "Brownsville",
};

static const char *words[] = {
  "water", "treaty", "tariff", "tariffs", "border", "drought", "Núñez", "Nuñez", "Marroquín",
  "cartel", "interdiction", "interdicted", "Río", "Bravo", "levee", "sovereignty", "México",
  "Mexico", "cooperation", "aquifer", "1944", "deliveries", "reservoir", "cycle", "minute",
  "farmers", "pecan", "cotton", "canal", "pumping", "permits", "hearing", "senators", "debt",
  "the", "of", "and", "a", "in", "on", "said", "would", "not", "before", "after", "with",
};

/* Front matter and text, written by the test (never the seed corpus). */
static void
write_markdown (const char *dir,
                const char *name,
                const char *title,
                const char *outlet,
                const char *date,
                const char *body)
{
  g_autoptr(GString) text = g_string_new ("---\n");

  g_string_append_printf (text, "title: '%s'\n", title);
  if (outlet != NULL)
    g_string_append_printf (text, "outlet: %s\n", outlet);
  if (date != NULL)
    g_string_append_printf (text, "date: %s\n", date);
  g_string_append_printf (text, "---\n\n%s\n", body);
  g_free (test_write_file (dir, name, text->str, -1));
}

/* The first sentence of report @i: a claim quotes it. */
static char *
report_lead (guint i)
{
  return g_strdup_printf ("Officials in %s said the water deliveries of cycle %u would not wait for rain.",
                          places[i % G_N_ELEMENTS (places)], 30 + i);
}

static void
write_corpus (const char *corpus)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1944);
  g_autoptr(GString) canal = g_string_new (NULL);

  for (guint i = 0; i < N_REPORTS; i++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *lead = report_lead (i);
      g_autofree char *name = g_strdup_printf ("report-%02u.md", i);
      g_autofree char *title = g_strdup_printf ("Field report %u from %s", i + 1, places[i % G_N_ELEMENTS (places)]);
      g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", 1 + i % 12, 1 + i % 28);

      g_string_append_printf (body, "%s\n\n", lead);
      if (i % 4 == 0)
        g_string_append (body, "The Río Bravo ran low that week.\n\n");
      for (guint j = 0; j < 90; j++)
        {
          const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

          g_string_append (body, word);
          g_string_append (body, j % 15 == 14 ? ".\n\n" : (j % 6 == 5 ? ", " : " "));
        }
      g_string_append (body, "End of report.");

      write_markdown (corpus, name, title, i % 3 == 0 ? "Gulf Ledger" : "Valley Courier", date, body->str);
    }

  /* A long document whose one rare word is far down. */
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (canal, "Paragraph %u of the ledger lists gates, culverts and the hours "
                                   "each lateral ran during the dry months.\n\n", i + 1);
  g_string_append (canal, "At the last gate the crew found the old Zanjón de la Viuda, dry since May.\n\n");
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (canal, "Closing note %u on the ledger.\n\n", i + 1);
  write_markdown (corpus, "canal-ledger.md", "The canal ledger", "Valley Courier", "2024-10-01", canal->str);

  /* Markup where a title and text would be dangerous if read as markup. */
  write_markdown (corpus, "hostile.md", "Levees & <i>dams</i> <b>", "Gulf Ledger", "2025-02-02",
                  "Engineers wrote \"<b>not bold</b>\" & <span>tags</span> beside the levees of the delta.");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *corpus = NULL;
  const char *paths[2] = { NULL, NULL };

  if (!ui_test_have_display)
    return;

  fixture->dir = test_make_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "ui.db", NULL);

  /* The corpus goes in through the core before the window opens. */
  if (g_strcmp0 (data, "sample") == 0)
    corpus = g_strdup (g_getenv ("DOSSIER_SAMPLE_CORPUS"));
  else
    {
      corpus = g_build_filename (fixture->dir, "corpus", NULL);
      write_corpus (corpus);
    }
  paths[0] = corpus;

  db = dossier_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  report = dossier_import (db, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->failed, ==, 0);

  documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_TITLE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      DossierDocument *document = g_ptr_array_index (documents, i);
      const char *title = dossier_document_get_title (document);
      gint64 id = dossier_document_get_id (document);
      g_autoptr(DossierClaim) claim = NULL;
      guint n;

      if (g_str_equal (title, "The canal ledger"))
        fixture->canal = id;
      else if (g_str_has_prefix (title, "Levees &"))
        fixture->hostile = id;
      else if (sscanf (title, "Field report %u", &n) == 1 && n % 5 == 1)
        {
          /* Every fifth report's lead is a claim; one has a rare note. */
          g_autofree char *lead = report_lead (n - 1);

          claim = dossier_claims_create_from_quote (db, id, lead, 1, NULL, "A senior official",
                                                    n == 11 ? "Compare with the Ocotillo memo" : "Water lead",
                                                    &error);
          g_assert_no_error (error);
          if (n == 11)
            fixture->note_claim = dossier_claim_get_id (claim);
        }
      else if (g_str_has_prefix (title, "Border City Freezes"))
        {
          claim = dossier_claims_create_from_quote (db, id, "We share one aquifer and two sets of rules", 1,
                                                    NULL, "Andrés Villalobos", "The aquifer as a shared asset",
                                                    &error);
          g_assert_no_error (error);
        }
    }
  g_clear_object (&db);

  fixture->window = ui_test_open_window (&fixture->app, fixture->db_path);
  fixture->db = dossier_window_get_database (fixture->window);
  fixture->reader = ui_test_child (fixture->window, DOSSIER_TYPE_WINDOW, "reader");
  fixture->claims_pane = ui_test_child (fixture->window, DOSSIER_TYPE_WINDOW, "claims_pane");
  fixture->document_list = ui_test_child (fixture->window, DOSSIER_TYPE_WINDOW, "document_list");
  ui_test_iterate (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    ui_test_close_window (fixture->app, fixture->window);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Helpers */

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* Ctrl+K: the action its accelerator runs. */
static DossierSearchWindow *
open_search (Fixture *fixture)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "win.search");
  DossierSearchWindow *search;

  g_assert_cmpstr (accels[0], ==, "<Control>k");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  ui_test_iterate (100);

  search = find_toplevel (DOSSIER_TYPE_SEARCH_WINDOW);
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (search)));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (search)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (search)) == GTK_WINDOW (fixture->window));

  return search;
}

static GtkEditable *
search_entry (DossierSearchWindow *search)
{
  return ui_test_child (search, DOSSIER_TYPE_SEARCH_WINDOW, "search_entry");
}

static gboolean
focus_within (gpointer window,
              gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
press_key (gpointer widget,
           guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

typedef struct
{
  DossierSearchWindow *search;
  const char          *text;
} ShownWait;

static gboolean
results_shown (gpointer data)
{
  ShownWait *wait = data;

  return g_strcmp0 (dossier_search_window_get_shown_text (wait->search), wait->text) == 0;
}

/* Types @text into the search field as a person would: replacing what
 * is there, then one character at a time with pauses around the
 * search delay (150 ms), so that searches start while typing goes on.
 * Returns once the results for all of it show. */
static void
type_query (DossierSearchWindow *search,
            const char          *text,
            gboolean             char_by_char)
{
  GtkEditable *entry = search_entry (search);
  gint64 begin;
  ShownWait wait = { search, text };

  if (!char_by_char)
    gtk_editable_set_text (entry, text);
  else
    {
      guint n = 0;

      gtk_editable_set_text (entry, "");
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
        {
          int position = g_utf8_strlen (gtk_editable_get_text (entry), -1);

          gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
          ui_test_iterate (n % 3 == 2 ? 180 : 40);
        }
      g_assert_cmpstr (gtk_editable_get_text (entry), ==, text);
    }

  begin = g_get_monotonic_time ();
  if (!ui_test_wait_until (results_shown, &wait, 20000))
    g_error ("no results shown for “%s” (shown: “%s”)", text, dossier_search_window_get_shown_text (search));
  g_test_message ("“%s”: shown %.0f ms after the last key", text, (g_get_monotonic_time () - begin) / 1000.0);
}

static GtkListBoxRow *
result_row (DossierSearchWindow *search,
            guint                index)
{
  GtkListBox *list = ui_test_child (search, DOSSIER_TYPE_SEARCH_WINDOW, "list_box");

  return gtk_list_box_get_row_at_index (list, index);
}

static const char *
shown_page (DossierSearchWindow *search)
{
  return gtk_stack_get_visible_child_name (ui_test_child (search, DOSSIER_TYPE_SEARCH_WINDOW, "stack"));
}

/* The text a GtkLabel inside @widget shows, for the first label whose
 * text contains @part; NULL if none. */
static const char *
find_label_text (GtkWidget  *widget,
                 const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *text = find_label_text (child, part);

      if (text != NULL)
        return text;
    }

  return NULL;
}

/* What `dossier-cli --json search` prints for @query, as a parsed
 * object. */
static JsonObject *
cli_search (Fixture    *fixture,
            const char *query)
{
  const char *cli = g_getenv ("DOSSIER_CLI");
  const char *argv[] = { cli, "--db", fixture->db_path, "--json", "search", "--limit", "50", query, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("dossier-cli search “%s” failed: %s", query, err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The snippet without its marks and with white space squeezed: what a
 * row's snippet label shows. */
static char *
plain_snippet (const char *snippet,
               const char *mark)
{
  g_auto(GStrv) parts = g_strsplit (snippet, mark, -1);
  g_autofree char *joined = g_strjoinv ("", parts);
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *p = joined; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (plain->len > 0 && plain->str[plain->len - 1] != ' ')
            g_string_append_c (plain, ' ');
        }
      else
        g_string_append_unichar (plain, c);
    }

  return g_strstrip (g_string_free (g_steal_pointer (&plain), FALSE));
}

/* The window shows the CLI's results, in the CLI's order: documents
 * first, then claims, with the same titles and snippets. */
static void
assert_same_as_cli (Fixture             *fixture,
                    DossierSearchWindow *search,
                    const char          *query,
                    guint               *n_results)
{
  g_autoptr(JsonObject) expected = cli_search (fixture, query);
  JsonArray *documents = json_object_get_array_member (expected, "documents");
  JsonArray *claims = json_object_get_array_member (expected, "claims");
  guint n_documents = json_array_get_length (documents);
  guint n_claims = json_array_get_length (claims);
  guint shown = 0;

  while (result_row (search, shown) != NULL)
    shown++;

  if (shown != n_documents + n_claims)
    g_error ("“%s”: the window shows %u results, the CLI %u documents and %u claims",
             query, shown, n_documents, n_claims);
  g_assert_cmpstr (shown_page (search), ==, shown > 0 ? "results" : "message");

  for (guint i = 0; i < shown; i++)
    {
      DossierSearchRow *row = DOSSIER_SEARCH_ROW (result_row (search, i));
      gboolean is_document = i < n_documents;
      JsonObject *hit = json_array_get_object_element (is_document ? documents : claims,
                                                       is_document ? i : i - n_documents);
      GtkLabel *snippet_label = ui_test_child (row, DOSSIER_TYPE_SEARCH_ROW, "snippet_label");
      g_autofree char *snippet = plain_snippet (json_object_get_string_member (hit, "snippet"), "**");

      g_assert_cmpint (dossier_search_row_get_kind (row), ==,
                       is_document ? DOSSIER_SEARCH_RESULT_DOCUMENT : DOSSIER_SEARCH_RESULT_CLAIM);
      if (dossier_search_row_get_id (row) != json_object_get_int_member (hit, "id"))
        g_error ("“%s”: result %u is %s %" G_GINT64_FORMAT " in the window, %" G_GINT64_FORMAT " in the CLI",
                 query, i, is_document ? "document" : "claim", dossier_search_row_get_id (row),
                 json_object_get_int_member (hit, "id"));
      GtkLabel *title_label = ui_test_child (row, DOSSIER_TYPE_SEARCH_ROW, "title_label");

      if (is_document)
        {
          g_assert_cmpstr (gtk_label_get_text (snippet_label), ==, snippet);
          g_assert_cmpstr (gtk_label_get_text (title_label), ==, json_object_get_string_member (hit, "title"));
        }
      else
        {
          /* A snippet of the whole quote is the row's title; one of the
           * note follows "Note:". */
          g_autofree char *quoted = g_strdup_printf ("“%s”", snippet);
          g_autofree char *note = g_strdup_printf ("Note: %s", snippet);

          if (g_strcmp0 (gtk_label_get_text (title_label), quoted) != 0 &&
              g_strcmp0 (gtk_label_get_text (snippet_label), snippet) != 0 &&
              g_strcmp0 (gtk_label_get_text (snippet_label), note) != 0)
            g_error ("“%s”: claim %" G_GINT64_FORMAT " shows “%s” and “%s”, not the snippet “%s”", query,
                     dossier_search_row_get_id (row), gtk_label_get_text (title_label),
                     gtk_label_get_text (snippet_label), snippet);
          g_assert_cmpint (dossier_search_row_get_document_id (row), ==, json_object_get_int_member (hit, "document"));
        }
    }

  g_test_message ("“%s”: %u documents, %u claims, as the CLI", query, n_documents, n_claims);
  *n_results = shown;
}

/* Tests */

static void
test_same_as_cli (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct {
    const char *query;
    gboolean    char_by_char;
    int         expect;   /* -2: any, -1: some results, 0: none, 100: more than 50, else exactly */
  } queries[] = {
    { "water", FALSE, 100 },                   /* 50 documents and 50 claims or fewer */
    { "report", FALSE, -1 },                   /* more reports than the limit */
    { "Núñez", FALSE, -1 },
    { "nunez", TRUE, -1 },                     /* typed, unaccented */
    { "Marroquín", FALSE, -1 },
    { "marroquin", FALSE, -1 },
    { "\"rio bravo\"", TRUE, -1 },
    { "\"water deliveries\"", FALSE, 100 },
    { "interdict*", FALSE, -1 },
    { "tariff OR levee", FALSE, -1 },
    { "México", FALSE, -1 },
    { "sovereignty water 1944", FALSE, -1 },
    { "zanjon", FALSE, 1 },
    { "ocotillo", FALSE, 1 },
    { "levees", FALSE, 1 },
    { "zeppelin", FALSE, 0 },
    { "\"foo AND (", FALSE, 0 },
    { "NEAR(water drought)", FALSE, -2 },
    { "title:water", FALSE, -2 },
    { "\"(", FALSE, 0 },
    { "***", FALSE, 0 },
  };
  DossierSearchWindow *search;

  UI_TEST_REQUIRE_DISPLAY ();

  search = open_search (fixture);
  g_assert_cmpstr (shown_page (search), ==, "start");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      guint n = 0;

      type_query (search, queries[i].query, queries[i].char_by_char);
      assert_same_as_cli (fixture, search, queries[i].query, &n);

      if (queries[i].expect == -2)
        continue;
      if (queries[i].expect == -1)
        g_assert_cmpuint (n, >, 0);
      else if (queries[i].expect == 100)
        g_assert_cmpuint (n, >, 50);
      else
        g_assert_cmpuint (n, ==, queries[i].expect);
    }

  /* Emptied: the explanation again. */
  type_query (search, "", FALSE);
  g_assert_cmpstr (shown_page (search), ==, "start");
  g_assert_null (result_row (search, 0));
}

/* Ctrl+K, a word, Down, Enter: the document opens at the word, which is
 * selected and on screen. */
static gboolean
selection_on_screen (gpointer data)
{
  Fixture *fixture = data;
  GtkTextView *view = ui_test_child (fixture->reader, DOSSIER_TYPE_READER, "text_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, location;
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &start, &location);

  return visible.height > 0 && location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

static void
assert_selection (Fixture *fixture,
                  guint    start,
                  guint    end)
{
  GtkTextView *view = ui_test_child (fixture->reader, DOSSIER_TYPE_READER, "text_view");
  GtkTextIter start_iter, end_iter;

  g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (view), &start_iter, &end_iter));
  g_assert_cmpuint (gtk_text_iter_get_offset (&start_iter), ==, start);
  g_assert_cmpuint (gtk_text_iter_get_offset (&end_iter), ==, end);
  if (!ui_test_wait_until (selection_on_screen, fixture, 5000))
    {
      GdkRectangle visible, location;

      gtk_text_view_get_visible_rect (view, &visible);
      gtk_text_view_get_iter_location (view, &start_iter, &location);
      g_error ("the selection at %u (y %d–%d) is not on screen (y %d–%d)", start,
               location.y, location.y + location.height, visible.y, visible.y + visible.height);
    }
}

static void
test_open_document (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkTextView *view = ui_test_child (fixture->reader, DOSSIER_TYPE_READER, "text_view");
  AdwViewStack *view_stack = ui_test_child (fixture->window, DOSSIER_TYPE_WINDOW, "view_stack");
  g_autofree char *body = NULL;
  g_autofree char *selected = NULL;
  DossierSearchWindow *search;
  GtkListBoxRow *row;
  GtkTextIter start, end;
  guint n = 0;

  UI_TEST_REQUIRE_DISPLAY ();

  /* From the Briefs page: a result brings the Corpus back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-briefs", NULL));
  ui_test_iterate (50);

  search = open_search (fixture);
  g_assert_true (focus_within (search, search_entry (search)));
  type_query (search, "zanjon", FALSE);
  assert_same_as_cli (fixture, search, "zanjon", &n);
  g_assert_cmpuint (n, ==, 1);

  /* Down moves into the results; Up from the first goes back. */
  g_assert_true (press_key (search_entry (search), GDK_KEY_Down));
  ui_test_iterate (50);
  row = result_row (search, 0);
  g_assert_true (focus_within (search, row));
  g_assert_true (gtk_widget_keynav_failed (GTK_WIDGET (gtk_widget_get_parent (GTK_WIDGET (row))), GTK_DIR_UP));
  g_assert_true (focus_within (search, search_entry (search)));
  g_assert_true (press_key (search_entry (search), GDK_KEY_Down));
  ui_test_iterate (50);
  g_assert_true (focus_within (search, row));

  /* Typing there goes on in the search field (its key capture), which
   * takes the focus back. */
  {
    GtkEditable *entry = search_entry (search);
    int position = g_utf8_strlen (gtk_editable_get_text (entry), -1);

    gtk_editable_insert_text (entry, "*", -1, &position);
    g_assert_true (focus_within (search, entry));
    type_query (search, "zanjon*", FALSE);
    g_assert_cmpint (dossier_search_row_get_id (DOSSIER_SEARCH_ROW (result_row (search, 0))), ==, fixture->canal);
    g_assert_true (press_key (entry, GDK_KEY_Down));
    ui_test_iterate (50);
    row = result_row (search, 0);
    g_assert_true (focus_within (search, row));
  }

  /* Enter on the row. */
  g_signal_emit_by_name (row, "activate");
  ui_test_iterate (100);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (search)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "corpus");
  g_assert_cmpint (dossier_reader_get_document_id (fixture->reader), ==, fixture->canal);
  g_assert_cmpint (dossier_document_list_get_selected_id (fixture->document_list), ==, fixture->canal);
  g_assert_true (focus_within (fixture->window, view));

  /* The word is selected, found accent-insensitively, far down, and
   * scrolled to. */
  g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (view), &start, &end));
  selected = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (selected, ==, "Zanjón");
  body = dossier_documents_get_body (fixture->db, fixture->canal, NULL);
  g_assert_cmpuint (gtk_text_iter_get_offset (&start), ==,
                    g_utf8_pointer_to_offset (body, strstr (body, "Zanjón")));
  g_assert_cmpuint (gtk_text_iter_get_offset (&start), >, 3000);
  assert_selection (fixture, gtk_text_iter_get_offset (&start), gtk_text_iter_get_offset (&end));

  /* Ctrl+K again: the last search, its text selected to type over. */
  search = open_search (fixture);
  g_assert_cmpstr (gtk_editable_get_text (search_entry (search)), ==, "zanjon*");
  g_assert_true (focus_within (search, search_entry (search)));

  /* Escape closes; so does Ctrl+W (window.close). */
  g_signal_emit_by_name (search_entry (search), "stop-search");
  ui_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (search)));
  search = open_search (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (search), "window.close", NULL));
  ui_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (search)));
}

static gboolean
window_hidden (gpointer window)
{
  return !gtk_widget_get_visible (window);
}

/* A phrase typed and opened with Enter at once, before any result came:
 * the reader shows the phrase, far down, not the first of its words. */
static void
test_open_phrase_with_enter (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *phrase = "\"the last gate\"";
  g_autofree char *body = NULL;
  DossierSearchWindow *search;
  guint start, end;

  UI_TEST_REQUIRE_DISPLAY ();

  search = open_search (fixture);
  gtk_editable_set_text (search_entry (search), phrase);
  g_signal_emit_by_name (search_entry (search), "activate");
  g_assert_true (ui_test_wait_until (window_hidden, search, 20000));
  g_assert_cmpstr (dossier_search_window_get_shown_text (search), ==, phrase);

  g_assert_cmpint (dossier_reader_get_document_id (fixture->reader), ==, fixture->canal);
  body = dossier_documents_get_body (fixture->db, fixture->canal, NULL);
  g_assert_true (dossier_search_match_first (phrase, body, &start, &end));
  g_assert_cmpuint (start, ==, g_utf8_pointer_to_offset (body, strstr (body, "the last gate")));
  assert_selection (fixture, start, end);
}

/* A claim found by a word of its note: its document opens, its card is
 * selected, and the reader shows its quote selected. */
static void
test_open_claim (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DossierClaim) claim = NULL;
  DossierSearchWindow *search;
  DossierSearchRow *row;
  guint n = 0;

  UI_TEST_REQUIRE_DISPLAY ();

  claim = dossier_claims_get (fixture->db, fixture->note_claim, NULL);
  g_assert_nonnull (claim);
  /* Another document is open. */
  g_assert_true (dossier_document_list_select (fixture->document_list, fixture->canal));
  ui_test_iterate (50);

  search = open_search (fixture);
  type_query (search, "Ocotillo", FALSE);
  assert_same_as_cli (fixture, search, "Ocotillo", &n);
  g_assert_cmpuint (n, ==, 1);
  row = DOSSIER_SEARCH_ROW (result_row (search, 0));
  g_assert_cmpint (dossier_search_row_get_kind (row), ==, DOSSIER_SEARCH_RESULT_CLAIM);
  g_assert_cmpint (dossier_search_row_get_id (row), ==, fixture->note_claim);
  /* The row: the quote, its document's title, and the note. */
  g_assert_nonnull (find_label_text (GTK_WIDGET (row), "“Officials in"));
  g_assert_nonnull (find_label_text (GTK_WIDGET (row), "Field report 11"));
  g_assert_nonnull (find_label_text (GTK_WIDGET (row), "Note: Compare with the Ocotillo memo"));

  /* Enter in the search field opens the first result. */
  g_signal_emit_by_name (search_entry (search), "activate");
  ui_test_iterate (100);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (search)));
  g_assert_cmpint (dossier_reader_get_document_id (fixture->reader), ==, dossier_claim_get_document_id (claim));
  g_assert_cmpint (dossier_document_list_get_selected_id (fixture->document_list), ==,
                   dossier_claim_get_document_id (claim));
  g_assert_cmpint (dossier_claims_pane_get_selected_claim (fixture->claims_pane), ==, fixture->note_claim);
  assert_selection (fixture, dossier_claim_get_start (claim), dossier_claim_get_end (claim));

  /* With All Claims filtered so as to hide it, the claim still shows. */
  dossier_claims_pane_set_show_all (fixture->claims_pane, TRUE);
  gtk_editable_set_text (ui_test_child (fixture->claims_pane, DOSSIER_TYPE_CLAIMS_PANE, "search_entry"), "zeppelin");
  ui_test_iterate (400);
  search = open_search (fixture);
  g_signal_emit_by_name (search_entry (search), "activate");
  g_assert_true (ui_test_wait_until (window_hidden, search, 20000));
  g_assert_cmpint (dossier_claims_pane_get_selected_claim (fixture->claims_pane), ==, fixture->note_claim);
  assert_selection (fixture, dossier_claim_get_start (claim), dossier_claim_get_end (claim));
}

/* Markup in titles, texts and queries is shown as typed, never read;
 * an error of the core shows as a message. */
static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  static const char *queries[] = {
    "\"foo AND (", "<b>bold</b> & \"(", "NEAR(", ")", "\"", "\"\"", "OR", "AND OR NOT", "^*",
    "col:*", "\\", "'", "' OR 1=1 --", "“curly”", "e\xcc\x81", "\xf0\x9f\x92\xa7 water",
  };
  AdwStatusPage *message_page;
  DossierSearchWindow *search;
  DossierSearchRow *row;
  GtkLabel *title_label, *snippet_label;
  sqlite3 *handle = NULL;
  char *message = NULL;
  guint n = 0;

  UI_TEST_REQUIRE_DISPLAY ();

  search = open_search (fixture);
  message_page = ui_test_child (search, DOSSIER_TYPE_SEARCH_WINDOW, "message_page");

  /* Titles and snippets hold what the documents hold. */
  type_query (search, "levees", FALSE);
  assert_same_as_cli (fixture, search, "levees", &n);
  row = DOSSIER_SEARCH_ROW (result_row (search, 0));
  g_assert_cmpint (dossier_search_row_get_id (row), ==, fixture->hostile);
  title_label = ui_test_child (row, DOSSIER_TYPE_SEARCH_ROW, "title_label");
  snippet_label = ui_test_child (row, DOSSIER_TYPE_SEARCH_ROW, "snippet_label");
  g_assert_cmpstr (gtk_label_get_text (title_label), ==, "Levees & <i>dams</i> <b>");
  /* The snippet is of the title here; the matched word is bold. */
  g_assert_cmpstr (gtk_label_get_text (snippet_label), ==, "Levees & <i>dams</i> <b>");
  g_assert_cmpstr (gtk_label_get_label (snippet_label), ==, "<b>Levees</b> &amp; &lt;i&gt;dams&lt;/i&gt; &lt;b&gt;");

  /* A snippet of the text. */
  type_query (search, "delta", FALSE);
  assert_same_as_cli (fixture, search, "delta", &n);
  g_assert_cmpuint (n, ==, 1);
  row = DOSSIER_SEARCH_ROW (result_row (search, 0));
  snippet_label = ui_test_child (row, DOSSIER_TYPE_SEARCH_ROW, "snippet_label");
  g_assert_nonnull (strstr (gtk_label_get_text (snippet_label), "\"<b>not bold</b>\" & <span>tags</span>"));
  g_assert_nonnull (strstr (gtk_label_get_label (snippet_label), "<b>delta</b>"));

  /* Whatever is typed: results, No Results or Nothing to Search For, as
   * the CLI has it. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      type_query (search, queries[i], FALSE);
      assert_same_as_cli (fixture, search, queries[i], &n);
      if (n == 0)
        g_assert_cmpstr (shown_page (search), ==, "message");
    }

  /* What was typed shows as typed in the message. */
  type_query (search, "<b>bold</b> zeppelin", FALSE);
  g_assert_cmpstr (adw_status_page_get_title (message_page), ==, "No Results");
  g_assert_nonnull (find_label_text (GTK_WIDGET (message_page), "“<b>bold</b> zeppelin”"));

  /* The search index gone (a damaged database): a message, not a crash. */
  g_assert_cmpint (sqlite3_open (fixture->db_path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DROP TABLE documents_fts; DROP TABLE claims_fts;", NULL, NULL, &message),
                   ==, SQLITE_OK);
  sqlite3_close (handle);

  type_query (search, "<i>water</i>", FALSE);
  g_assert_cmpstr (shown_page (search), ==, "message");
  g_assert_cmpstr (adw_status_page_get_title (message_page), ==, "Cannot Search");
  g_assert_null (result_row (search, 0));
  g_assert_nonnull (find_label_text (GTK_WIDGET (message_page), "<i>water</i>"));
  g_assert_nonnull (find_label_text (GTK_WIDGET (message_page), "documents_fts"));
  g_test_message ("error shown: %s", adw_status_page_get_description (message_page));
}

/* The sample corpus a new user sees: a picture to look at. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = g_build_filename (builddir != NULL ? builddir : g_get_tmp_dir (), "search-window.png", NULL);
  DossierSearchWindow *search;
  guint n = 0;

  UI_TEST_REQUIRE_DISPLAY ();

  if (g_getenv ("DOSSIER_SAMPLE_CORPUS") == NULL)
    {
      g_test_skip ("DOSSIER_SAMPLE_CORPUS is not set");
      return;
    }

  search = open_search (fixture);
  type_query (search, "aquifer OR treaty", TRUE);
  assert_same_as_cli (fixture, search, "aquifer OR treaty", &n);
  g_assert_cmpuint (n, >, 1);
  ui_test_iterate (300);
  ui_test_save_screenshot (search, path);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/search-window/same-as-cli", Fixture, NULL, fixture_set_up, test_same_as_cli, fixture_tear_down);
  g_test_add ("/search-window/open-document", Fixture, NULL, fixture_set_up, test_open_document, fixture_tear_down);
  g_test_add ("/search-window/open-phrase-with-enter", Fixture, NULL, fixture_set_up, test_open_phrase_with_enter,
              fixture_tear_down);
  g_test_add ("/search-window/open-claim", Fixture, NULL, fixture_set_up, test_open_claim, fixture_tear_down);
  g_test_add ("/search-window/hostile", Fixture, NULL, fixture_set_up, test_hostile, fixture_tear_down);
  g_test_add ("/search-window/screenshot", Fixture, "sample", fixture_set_up, test_screenshot, fixture_tear_down);

  return g_test_run ();
}
