/* test-claims-pane.c — the claims pane and the claim editor, under Xvfb
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dossier-claim-card.h"
#include "dossier-claim-editor.h"
#include "dossier-claims-pane.h"
#include "dossier-completion-entry.h"
#include "dossier-document-list.h"
#include "dossier-theme-chip.h"
#include "ui-test-utils.h"

/* Written for these tests. */
static const char *levee_text =
  "Levee repairs fall behind schedule\n"
  "By Tomás Ibarra\n"
  "\n"
  "Engineers said two of the five levee sections will not be ready before the storm season. "
  "“We are racing the calendar,” said district chief Helena Fuentes. "
  "The county board voted to double the levee budget next year. "
  "Residents near the river asked for sandbags by June.\n";

static const char *aquifer_text =
  "---\ntitle: Aquifer permits frozen\noutlet: Hemisphere Review\ndate: 2025-06-10\n---\n\n"
  "The state froze new well permits for the Hueco aquifer pending a study. "
  "“Nobody drills until we know what is down there,” the water commissioner said.\n";

static const char *empty_text =
  "Bridge inspection calendar\n"
  "\n"
  "Inspections resume in the spring.\n";

typedef struct
{
  char               *dir;
  DossierApplication *app;
  DossierWindow      *window;
  DossierDatabase    *db;
  DossierClaimsPane  *pane;
  DossierClaimEditor *editor;
  GtkStack           *stack;
  gint64              levee;
  gint64              aquifer;
  gint64              empty;
  gint64              racing;     /* “We are racing the calendar,” — no themes */
  gint64              budget;     /* Water, Budget; Helena Fuentes */
  gint64              sandbags;   /* Budget */
  gint64              drills;     /* Water; the aquifer document */
  gint64              selected;
  guint               n_selected;
} Fixture;

static void
on_claim_selected (DossierClaimsPane *pane,
                   gint64             claim_id,
                   Fixture           *f)
{
  f->selected = claim_id;
  f->n_selected++;
}

static gint64
add_claim (Fixture            *f,
           gint64              document,
           const char         *quote,
           const char * const *themes,
           const char         *speaker,
           const char         *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) claim = NULL;

  claim = dossier_claims_create_from_quote (f->db, document, quote, 1, themes, speaker, note, &error);
  g_assert_no_error (error);

  return dossier_claim_get_id (claim);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db_path = NULL;
  const char *water_budget[] = { "Water", "Budget", NULL };
  const char *budget[] = { "Budget", NULL };
  const char *water[] = { "Water", NULL };

  if (!ui_test_have_display)
    return;

  f->dir = test_make_dir ();
  db_path = g_build_filename (f->dir, "pane.db", NULL);
  f->window = ui_test_open_window (&f->app, db_path);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  f->db = dossier_window_get_database (f->window);
  f->pane = ui_test_child (f->window, DOSSIER_TYPE_WINDOW, "claims_pane");
  f->editor = ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "editor");
  f->stack = ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "stack");
  g_signal_connect (f->pane, "claim-selected", G_CALLBACK (on_claim_selected), f);

  f->levee = test_import_text (f->db, f->dir, "levee.txt", levee_text);
  f->aquifer = test_import_text (f->db, f->dir, "aquifer.md", aquifer_text);
  f->empty = test_import_text (f->db, f->dir, "bridge.txt", empty_text);

  f->racing = add_claim (f, f->levee, "“We are racing the calendar,”", NULL, NULL, NULL);
  f->budget = add_claim (f, f->levee, "The county board voted to double the levee budget next year.",
                         water_budget, "Helena Fuentes", "Doubling is new.\nSecond line of the note.");
  f->sandbags = add_claim (f, f->levee, "Residents near the river asked for sandbags by June.",
                           budget, NULL, NULL);
  f->drills = add_claim (f, f->aquifer, "“Nobody drills until we know what is down there,”",
                         water, "Water commissioner", "Freeze until the study.");
  ui_test_iterate (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!ui_test_have_display)
    return;

  if (f->window != NULL)
    {
      g_signal_handlers_disconnect_by_data (f->pane, f);
      ui_test_close_window (f->app, f->window);
    }
  g_free (f->dir);
}

static void
open_document (Fixture *f,
               gint64   document)
{
  DossierDocumentList *list = ui_test_child (f->window, DOSSIER_TYPE_WINDOW, "document_list");

  g_assert_true (dossier_document_list_select (list, document));
  ui_test_iterate (150);
}

static guint
n_claims (Fixture *f)
{
  return g_list_model_get_n_items (dossier_claims_pane_get_claims (f->pane));
}

static gint64
claim_at (Fixture *f,
          guint    position)
{
  g_autoptr(DossierClaim) claim = g_list_model_get_item (dossier_claims_pane_get_claims (f->pane), position);

  return claim != NULL ? dossier_claim_get_id (claim) : 0;
}

/* The cards the list view shows now. */
static guint
n_cards (Fixture *f)
{
  GtkWidget *list_view = ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "list_view");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);

      if (DOSSIER_IS_CLAIM_CARD (card) && gtk_widget_get_mapped (card) &&
          dossier_claim_card_get_claim (DOSSIER_CLAIM_CARD (card)) != NULL)
        n++;
    }

  return n;
}

static const char *
content_page (Fixture *f)
{
  GtkStack *content = ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "content_stack");

  return gtk_stack_get_visible_child_name (content);
}

static gboolean
popup_visible (gpointer entry)
{
  return dossier_completion_entry_get_popup_visible (entry);
}

/* Types @text into @entry and presses Enter. */
static void
enter_text (gpointer    entry,
            const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  ui_test_iterate (20);
  g_signal_emit_by_name (entry, "activate");
  ui_test_iterate (20);
}

static DossierClaim *
get_claim (Fixture *f,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  DossierClaim *claim = dossier_claims_get (f->db, id, &error);

  g_assert_no_error (error);

  return claim;
}

static void
assert_themes (DossierClaim *claim,
               const char   *first,
               ...)
{
  const char * const *themes = dossier_claim_get_themes (claim);
  const char *name = first;
  guint i = 0;
  va_list args;

  va_start (args, first);
  for (; name != NULL; name = va_arg (args, const char *), i++)
    g_assert_cmpstr (themes[i], ==, name);
  va_end (args);

  g_assert_null (themes[i]);
}

static GtkWidget *
find_chip (DossierClaimEditor *editor,
           const char         *name)
{
  GtkWidget *box = ui_test_child (editor, DOSSIER_TYPE_CLAIM_EDITOR, "theme_box");

  for (GtkWidget *chip = gtk_widget_get_first_child (box); chip != NULL; chip = gtk_widget_get_next_sibling (chip))
    if (DOSSIER_IS_THEME_CHIP (chip) && g_strcmp0 (dossier_theme_chip_get_name (DOSSIER_THEME_CHIP (chip)), name) == 0)
      return chip;

  return NULL;
}

static guint
n_chips (DossierClaimEditor *editor)
{
  GtkWidget *box = ui_test_child (editor, DOSSIER_TYPE_CLAIM_EDITOR, "theme_box");
  guint n = 0;

  for (GtkWidget *chip = gtk_widget_get_first_child (box); chip != NULL; chip = gtk_widget_get_next_sibling (chip))
    n++;

  return n;
}

/* The first button under @widget, depth first, whose label is @label
 * (any button with NULL). */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
      (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  DossierDatabase *db;
  gint64           id;
  const char      *note;
} NoteWait;

static gboolean
note_saved (gpointer data)
{
  NoteWait *wait = data;
  g_autoptr(DossierClaim) claim = dossier_claims_get (wait->db, wait->id, NULL);

  return claim != NULL && g_strcmp0 (dossier_claim_get_note (claim), wait->note) == 0;
}

static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *png = g_build_filename (builddir != NULL ? builddir : f->dir, name, NULL);

  ui_test_iterate (400);
  ui_test_save_screenshot (f->window, png);
}

/* This Document: a card per claim, in document order; the empty states. */
static void
test_document_cards (Fixture       *f,
                     gconstpointer  data)
{
  UI_TEST_REQUIRE_DISPLAY ();

  dossier_claims_pane_set_document_id (f->pane, 0);
  g_assert_cmpstr (content_page (f), ==, "no-document");
  g_assert_cmpuint (n_claims (f), ==, 0);

  open_document (f, f->levee);
  g_assert_cmpuint (n_claims (f), ==, 3);
  g_assert_cmpint (claim_at (f, 0), ==, f->racing);
  g_assert_cmpint (claim_at (f, 1), ==, f->budget);
  g_assert_cmpint (claim_at (f, 2), ==, f->sandbags);
  g_assert_cmpuint (n_cards (f), ==, 3);
  g_assert_cmpstr (content_page (f), ==, "cards");
  save_screenshot (f, "claims-pane.png");

  open_document (f, f->aquifer);
  g_assert_cmpuint (n_claims (f), ==, 1);
  g_assert_cmpint (claim_at (f, 0), ==, f->drills);

  open_document (f, f->empty);
  g_assert_cmpuint (n_claims (f), ==, 0);
  g_assert_cmpstr (content_page (f), ==, "empty");

  /* A claim made elsewhere (the reader, the command line) shows up. */
  open_document (f, f->levee);
  add_claim (f, f->levee, "Engineers said two of the five levee sections", NULL, NULL, NULL);
  ui_test_iterate (50);
  g_assert_cmpuint (n_claims (f), ==, 4);
}

/* Selecting a card tells the window; reloads keep the selection; the
 * window's selections do not echo back. */
static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  GtkGridView *list_view;
  GtkSelectionModel *model;
  g_autoptr(DossierClaim) edited = NULL;
  g_autoptr(GError) error = NULL;

  UI_TEST_REQUIRE_DISPLAY ();

  open_document (f, f->levee);
  list_view = ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "list_view");
  model = gtk_grid_view_get_model (list_view);

  gtk_selection_model_select_item (model, 1, TRUE);
  ui_test_iterate (20);
  g_assert_cmpint (f->selected, ==, f->budget);
  g_assert_cmpuint (f->n_selected, ==, 1);
  g_assert_cmpint (dossier_claims_pane_get_selected_claim (f->pane), ==, f->budget);

  /* An edit elsewhere reloads the list; the selection stays. */
  edited = dossier_claims_edit (f->db, f->sandbags, NULL, NULL, NULL, "Edited elsewhere", &error);
  g_assert_no_error (error);
  ui_test_iterate (20);
  g_assert_cmpint (dossier_claims_pane_get_selected_claim (f->pane), ==, f->budget);
  g_assert_true (gtk_selection_model_is_selected (model, 1));

  /* From the reader: selected quietly. */
  dossier_claims_pane_select_claim (f->pane, f->racing, FALSE);
  ui_test_iterate (20);
  g_assert_true (gtk_selection_model_is_selected (model, 0));
  g_assert_cmpuint (f->n_selected, ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "list");
}

/* The editor: themes through the entry (an existing one typed in another
 * case, a new one), the speaker, the note, a chip's × button; then
 * delete and undo. */
static void
test_editor_delete_undo (Fixture       *f,
                         gconstpointer  data)
{
  DossierCompletionEntry *theme_entry = ui_test_child (f->editor, DOSSIER_TYPE_CLAIM_EDITOR, "theme_entry");
  DossierCompletionEntry *speaker_entry = ui_test_child (f->editor, DOSSIER_TYPE_CLAIM_EDITOR, "speaker_entry");
  GtkTextView *note_view = ui_test_child (f->editor, DOSSIER_TYPE_CLAIM_EDITOR, "note_view");
  NoteWait wait = { f->db, 0, "Ask the engineers which sections slip." };
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(DossierClaim) gone = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *suggestions;
  GtkWidget *chip, *button, *undo;
  gint64 id;

  UI_TEST_REQUIRE_DISPLAY ();

  open_document (f, f->levee);
  id = f->racing;
  wait.id = id;

  dossier_claims_pane_select_claim (f->pane, id, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "editor");
  g_assert_cmpint (dossier_claim_editor_get_claim_id (f->editor), ==, id);
  g_assert_cmpuint (n_chips (f->editor), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (ui_test_child (f->editor, DOSSIER_TYPE_CLAIM_EDITOR, "delete_button")));
  /* Opened to tag: the theme entry has the focus. */
  g_assert_nonnull (gtk_widget_get_focus_child (GTK_WIDGET (theme_entry)));

  /* Suggestions: existing themes, those starting with the text first.
   * Typed at once, while the editor still slides in, they wait for it to
   * rest: a popover placed against the sliding entry could point off the
   * screen (a GTK critical). */
  g_assert_true (gtk_stack_get_transition_running (f->stack));
  gtk_editable_set_text (GTK_EDITABLE (theme_entry), "wa");
  suggestions = dossier_completion_entry_get_suggestions (theme_entry);
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), ==, 1);
  g_assert_false (dossier_completion_entry_get_popup_visible (theme_entry));
  g_assert_true (ui_test_wait_until (popup_visible, theme_entry, 10000));
  g_assert_false (gtk_stack_get_transition_running (f->stack));
  gtk_editable_set_text (GTK_EDITABLE (theme_entry), "t");
  ui_test_iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (suggestions), ==, 2);
  {
    g_autoptr(GtkStringObject) first = g_list_model_get_item (suggestions, 0);

    /* “Budget” holds a t, “Water” does too, but neither starts with it:
     * by name. */
    g_assert_cmpstr (gtk_string_object_get_string (first), ==, "Budget");
  }
  gtk_editable_set_text (GTK_EDITABLE (theme_entry), "w");
  ui_test_iterate (20);
  {
    g_autoptr(GtkStringObject) first = g_list_model_get_item (suggestions, 0);

    g_assert_cmpstr (gtk_string_object_get_string (first), ==, "Water");
  }

  /* An existing theme in another case, then a new one. */
  enter_text (theme_entry, "water");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (theme_entry)), ==, "");
  g_assert_false (dossier_completion_entry_get_popup_visible (theme_entry));
  enter_text (theme_entry, "Levee Funding");
  g_assert_cmpuint (n_chips (f->editor), ==, 2);
  g_assert_nonnull (find_chip (f->editor, "Water"));
  g_assert_cmpstr (dossier_theme_chip_get_color (DOSSIER_THEME_CHIP (find_chip (f->editor, "Water"))), ==, "#99c1f1");
  g_assert_true (gtk_widget_has_css_class (find_chip (f->editor, "Water"), "theme-color-99c1f1"));

  /* The speaker: a new name creates a person. */
  enter_text (speaker_entry, "  Helena Fuentes ");

  /* The note saves itself after a pause. */
  gtk_widget_grab_focus (GTK_WIDGET (note_view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note_view), wait.note, -1);
  g_assert_true (ui_test_wait_until (note_saved, &wait, 5000));

  claim = get_claim (f, id);
  assert_themes (claim, "Water", "Levee Funding", NULL);
  g_assert_cmpstr (dossier_claim_get_speaker (claim), ==, "Helena Fuentes");
  g_assert_cmpstr (dossier_claim_get_note (claim), ==, wait.note);
  g_clear_object (&claim);

  /* The card follows. */
  g_assert_cmpuint (n_claims (f), ==, 3);
  {
    g_autoptr(DossierClaim) listed = g_list_model_get_item (dossier_claims_pane_get_claims (f->pane), 0);

    assert_themes (listed, "Water", "Levee Funding", NULL);
  }

  save_screenshot (f, "claim-editor.png");

  /* The × of a chip removes its theme. */
  chip = find_chip (f->editor, "Water");
  g_assert_nonnull (chip);
  button = find_button (chip, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ui_test_iterate (20);
  claim = get_claim (f, id);
  assert_themes (claim, "Levee Funding", NULL);
  g_clear_object (&claim);
  g_assert_cmpuint (n_chips (f->editor), ==, 1);
  enter_text (theme_entry, "Budget");
  claim = get_claim (f, id);
  assert_themes (claim, "Levee Funding", "Budget", NULL);
  g_clear_object (&claim);

  /* A note typed just before deleting is in what Undo brings back. */
  wait.note = "Ask the engineers which sections slip, and when.";
  gtk_widget_grab_focus (GTK_WIDGET (note_view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note_view), wait.note, -1);

  /* Delete: gone from the database, back to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "claims.delete", NULL));
  ui_test_iterate (50);
  gone = dossier_claims_get (f->db, id, &error);
  g_assert_null (gone);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "list");
  g_assert_cmpuint (n_claims (f), ==, 2);

  /* Undo, through the toast's own button. */
  undo = find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ui_test_iterate (50);

  claim = get_claim (f, id);
  g_assert_cmpint (dossier_claim_get_id (claim), ==, id);
  assert_themes (claim, "Levee Funding", "Budget", NULL);
  g_assert_cmpstr (dossier_claim_get_speaker (claim), ==, "Helena Fuentes");
  g_assert_cmpstr (dossier_claim_get_note (claim), ==, wait.note);
  g_assert_cmpuint (n_claims (f), ==, 3);
  g_assert_cmpint (claim_at (f, 0), ==, id);
  g_assert_cmpint (dossier_claims_pane_get_selected_claim (f->pane), ==, id);
}

/* Delete from the list acts on the selected card; deletes in a row
 * share one toast whose Undo brings them all back. */
static void
test_delete_from_list (Fixture       *f,
                       gconstpointer  data)
{
  GtkSelectionModel *model;
  GtkWidget *undo;
  g_autoptr(DossierClaim) budget = NULL;
  g_autoptr(DossierClaim) sandbags = NULL;

  UI_TEST_REQUIRE_DISPLAY ();

  open_document (f, f->levee);
  model = gtk_grid_view_get_model (GTK_GRID_VIEW (ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "list_view")));

  /* Nothing selected: nothing to delete. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->pane), "claims.delete", NULL) &&
                  n_claims (f) != 3);
  g_assert_cmpuint (n_claims (f), ==, 3);

  gtk_selection_model_select_item (model, 1, TRUE);
  ui_test_iterate (20);
  gtk_widget_activate_action (GTK_WIDGET (f->pane), "claims.delete", NULL);
  ui_test_iterate (20);
  g_assert_cmpuint (n_claims (f), ==, 2);
  /* The next card takes its place. */
  g_assert_cmpint (dossier_claims_pane_get_selected_claim (f->pane), ==, f->sandbags);

  gtk_widget_activate_action (GTK_WIDGET (f->pane), "claims.delete", NULL);
  ui_test_iterate (20);
  g_assert_cmpuint (n_claims (f), ==, 1);

  undo = find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ui_test_iterate (50);
  g_assert_cmpuint (n_claims (f), ==, 3);

  budget = get_claim (f, f->budget);
  assert_themes (budget, "Water", "Budget", NULL);
  g_assert_cmpstr (dossier_claim_get_speaker (budget), ==, "Helena Fuentes");
  g_assert_cmpstr (dossier_claim_get_note (budget), ==, "Doubling is new.\nSecond line of the note.");
  sandbags = get_claim (f, f->sandbags);
  assert_themes (sandbags, "Budget", NULL);
}

static guint
dropdown_position (GtkDropDown *dropdown,
                   const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        return i;
    }

  g_assert_not_reached ();
}

static gboolean
n_claims_is (gpointer data)
{
  Fixture *f = data;

  return n_claims (f) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->pane), "expected"));
}

static void
wait_for_n_claims (Fixture *f,
                   guint    expected)
{
  g_object_set_data (G_OBJECT (f->pane), "expected", GUINT_TO_POINTER (expected));
  g_assert_true (ui_test_wait_until (n_claims_is, f, 3000));
}

/* All Claims: every document, filtered by theme, speaker, outlet, text. */
static void
test_all_claims_filters (Fixture       *f,
                         gconstpointer  data)
{
  GtkToggleButton *all_toggle = ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "all_toggle");
  GtkDropDown *theme = ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "theme_dropdown");
  GtkDropDown *speaker = ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "speaker_dropdown");
  GtkDropDown *outlet = ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "outlet_dropdown");
  GtkEditable *search = ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "search_entry");

  UI_TEST_REQUIRE_DISPLAY ();

  open_document (f, f->levee);
  gtk_toggle_button_set_active (all_toggle, TRUE);
  ui_test_iterate (50);
  g_assert_true (dossier_claims_pane_get_show_all (f->pane));
  g_assert_cmpuint (n_claims (f), ==, 4);

  gtk_drop_down_set_selected (theme, dropdown_position (theme, "Water"));
  ui_test_iterate (20);
  g_assert_cmpuint (n_claims (f), ==, 2);
  g_assert_cmpint (claim_at (f, 0), ==, f->budget);
  g_assert_cmpint (claim_at (f, 1), ==, f->drills);
  save_screenshot (f, "claims-pane-all.png");

  /* A new theme shows up in the filter; the choice stays. */
  {
    const char *themes[] = { "Water", "Rivers", NULL };

    add_claim (f, f->levee, "Residents near the river", themes, NULL, NULL);
    ui_test_iterate (20);
    g_assert_cmpuint (dropdown_position (theme, "Rivers"), >, 0);
    g_assert_cmpuint (gtk_drop_down_get_selected (theme), ==, dropdown_position (theme, "Water"));
    g_assert_cmpuint (n_claims (f), ==, 3);
  }

  gtk_drop_down_set_selected (theme, dropdown_position (theme, "Budget"));
  ui_test_iterate (20);
  g_assert_cmpuint (n_claims (f), ==, 2);

  gtk_drop_down_set_selected (speaker, dropdown_position (speaker, "Helena Fuentes"));
  ui_test_iterate (20);
  g_assert_cmpuint (n_claims (f), ==, 1);
  g_assert_cmpint (claim_at (f, 0), ==, f->budget);

  gtk_drop_down_set_selected (theme, 0);
  gtk_drop_down_set_selected (speaker, 0);
  gtk_drop_down_set_selected (outlet, dropdown_position (outlet, "Hemisphere Review"));
  ui_test_iterate (20);
  g_assert_cmpuint (n_claims (f), ==, 1);
  g_assert_cmpint (claim_at (f, 0), ==, f->drills);
  gtk_drop_down_set_selected (outlet, 0);
  ui_test_iterate (20);
  g_assert_cmpuint (n_claims (f), ==, 5);

  /* Text matches quotes and notes. */
  gtk_editable_set_text (search, "study");          /* a note */
  wait_for_n_claims (f, 1);
  g_assert_cmpint (claim_at (f, 0), ==, f->drills);
  gtk_editable_set_text (search, "sandbags");       /* a quote */
  wait_for_n_claims (f, 1);
  g_assert_cmpint (claim_at (f, 0), ==, f->sandbags);
  gtk_editable_set_text (search, "zeppelin");
  wait_for_n_claims (f, 0);
  g_assert_cmpstr (content_page (f), ==, "no-match");
  gtk_editable_set_text (search, "");
  wait_for_n_claims (f, 5);

  /* Back to the document. */
  dossier_claims_pane_set_show_all (f->pane, FALSE);
  ui_test_iterate (20);
  g_assert_cmpuint (n_claims (f), ==, 4);
}

/* Ids past 32 bits go through the list and the editor whole. */
static void
test_large_ids (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierClaim) original = get_claim (f, f->sandbags);
  g_autoptr(DossierClaim) snapshot = NULL;
  g_autoptr(DossierClaim) restored = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 big = G_GINT64_CONSTANT (5000000003);
  g_autofree char *uuid = g_uuid_string_random ();

  UI_TEST_REQUIRE_DISPLAY ();

  snapshot = g_object_new (DOSSIER_TYPE_CLAIM,
                           "id", big,
                           "uuid", uuid,
                           "document-id", f->levee,
                           "start", dossier_claim_get_start (original),
                           "end", dossier_claim_get_end (original),
                           "quote", dossier_claim_get_quote (original),
                           "note", "Big id",
                           NULL);
  restored = dossier_claims_restore (f->db, snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_claim_get_id (restored), ==, big);

  open_document (f, f->levee);
  g_assert_cmpuint (n_claims (f), ==, 4);
  dossier_claims_pane_select_claim (f->pane, big, TRUE);
  ui_test_iterate (20);
  g_assert_cmpint (dossier_claims_pane_get_selected_claim (f->pane), ==, big);
  g_assert_cmpint (dossier_claim_editor_get_claim_id (f->editor), ==, big);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "editor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "claims.back", NULL));
  ui_test_iterate (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "list");
  g_assert_cmpint (dossier_claims_pane_get_selected_claim (f->pane), ==, big);
}

/* Closing the window mid-sentence loses nothing: leaving the editor
 * saves the speaker and the note still being typed. */
static void
test_close_saves (Fixture       *f,
                  gconstpointer  data)
{
  DossierCompletionEntry *speaker_entry = ui_test_child (f->editor, DOSSIER_TYPE_CLAIM_EDITOR, "speaker_entry");
  GtkTextView *note_view = ui_test_child (f->editor, DOSSIER_TYPE_CLAIM_EDITOR, "note_view");
  g_autofree char *db_path = g_build_filename (f->dir, "pane.db", NULL);
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  UI_TEST_REQUIRE_DISPLAY ();

  open_document (f, f->levee);
  dossier_claims_pane_select_claim (f->pane, f->sandbags, TRUE);
  ui_test_iterate (20);

  /* Typed, never confirmed with Enter. */
  gtk_widget_grab_focus (GTK_WIDGET (speaker_entry));
  gtk_editable_set_text (GTK_EDITABLE (speaker_entry), "River Residents Association");
  gtk_widget_grab_focus (GTK_WIDGET (note_view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note_view), "Typed just before closing", -1);

  g_signal_handlers_disconnect_by_data (f->pane, f);
  ui_test_close_window (f->app, f->window);
  f->window = NULL;

  db = dossier_database_open (db_path, &error);
  g_assert_no_error (error);
  claim = dossier_claims_get (db, f->sandbags, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_claim_get_speaker (claim), ==, "River Residents Association");
  g_assert_cmpstr (dossier_claim_get_note (claim), ==, "Typed just before closing");
}

static gboolean
list_view_has_model (gpointer data)
{
  return gtk_grid_view_get_model (GTK_GRID_VIEW (data)) != NULL;
}

static guint
count_cards (GtkWidget *widget)
{
  guint n = DOSSIER_IS_CLAIM_CARD (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_cards (child);

  return n;
}

static gboolean
list_view_has_cards (gpointer data)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (data)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (DOSSIER_IS_CLAIM_CARD (gtk_widget_get_first_child (row)) && gtk_widget_get_mapped (row))
      return TRUE;

  return FALSE;
}

/* A document with many claims: the pane knows them all at once (its
 * model, the selection), while its view gets them, and makes its cards,
 * only after the frame that shows the document is painted; and then only
 * for the cards in sight. */
static void
test_many_claims_after_paint (Fixture       *f,
                              gconstpointer  data)
{
  GtkGridView *list_view = ui_test_child (f->pane, DOSSIER_TYPE_CLAIMS_PANE, "list_view");
  g_autoptr(GString) text = g_string_new ("Long hearing\n\n");
  g_autoptr(GError) error = NULL;
  gint64 hearing, last = 0;

  for (guint i = 0; i < 80; i++)
    g_string_append_printf (text, "Witness %u said the levee held at mile %u. ", i, i);
  hearing = test_import_text (f->db, f->dir, "hearing.txt", text->str);
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *quote = g_strdup_printf ("Witness %u said the levee held at mile %u.", i, i);

      last = add_claim (f, hearing, quote, NULL, NULL, NULL);
    }

  open_document (f, f->levee);
  g_assert_true (ui_test_wait_until (list_view_has_model, list_view, 5000));

  dossier_claims_pane_set_document_id (f->pane, hearing);
  g_assert_cmpuint (n_claims (f), ==, 80);
  g_assert_null (gtk_grid_view_get_model (list_view));
  dossier_claims_pane_select_claim (f->pane, last, FALSE);
  g_assert_cmpint (dossier_claims_pane_get_selected_claim (f->pane), ==, last);

  g_assert_true (ui_test_wait_until (list_view_has_model, list_view, 5000));
  g_assert_true (ui_test_wait_until (list_view_has_cards, list_view, 5000));
  g_assert_cmpint (dossier_claims_pane_get_selected_claim (f->pane), ==, last);

  /* Cards for what is on screen and a few more, not one for each of the
   * 80 claims (GTK 4.8's list view made up to 200). */
  ui_test_iterate (50);
  g_test_message ("%u cards made for 80 claims", count_cards (GTK_WIDGET (list_view)));
  g_assert_cmpuint (count_cards (GTK_WIDGET (list_view)), <=, 40);

  /* A document with few claims gets its cards at once. */
  dossier_claims_pane_set_document_id (f->pane, f->levee);
  g_assert_nonnull (gtk_grid_view_get_model (list_view));
  g_assert_cmpuint (n_claims (f), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/claims-pane/document-cards", test_document_cards);
  ADD ("/claims-pane/selection", test_selection);
  ADD ("/claims-pane/editor-delete-undo", test_editor_delete_undo);
  ADD ("/claims-pane/delete-from-list", test_delete_from_list);
  ADD ("/claims-pane/all-claims-filters", test_all_claims_filters);
  ADD ("/claims-pane/large-ids", test_large_ids);
  ADD ("/claims-pane/close-saves", test_close_saves);
  ADD ("/claims-pane/many-claims-after-paint", test_many_claims_after_paint);

#undef ADD

  return g_test_run ();
}
