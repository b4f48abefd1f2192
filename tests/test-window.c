/* test-window.c — the window on a real database, under Xvfb
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "dossier-claim-editor.h"
#include "dossier-claims-pane.h"
#include "dossier-document-list.h"
#include "dossier-reader.h"
#include "ui-test-utils.h"

static char *
write_corpus (void)
{
  char *dir = test_make_dir ();

  g_free (test_write_file (dir, "levee.txt",
                           "Levee repairs fall behind schedule\n"
                           "By Tomás Ibarra\n"
                           "Published May 2, 2025\n"
                           "Engineers said two of the five levee sections will not be ready before "
                           "the storm season. “We are racing the calendar,” said district chief "
                           "Helena Fuentes.\n", -1));
  g_free (test_write_file (dir, "aquifer.md",
                           "---\ntitle: Aquifer permits frozen\noutlet: Hemisphere Review\ndate: 2025-06-10\n---\n\n"
                           "The state froze new well permits for the Hueco aquifer pending a study.\n", -1));
  return dir;
}

static gboolean
documents_exist (gpointer data)
{
  return dossier_documents_exist (data);
}

/* The import is over and its first document open. */
static gboolean
import_done_and_shown (gpointer data)
{
  GtkRevealer *progress = ui_test_child (data, DOSSIER_TYPE_WINDOW, "import_revealer");
  DossierReader *reader = ui_test_child (data, DOSSIER_TYPE_WINDOW, "reader");

  return !gtk_revealer_get_reveal_child (progress) && dossier_reader_get_document_id (reader) != 0;
}

static void
test_welcome_then_import (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "ui.db", NULL);
  g_autofree char *corpus = write_corpus ();
  const char *paths[] = { corpus, NULL };
  DossierApplication *app;
  DossierWindow *window;
  DossierDatabase *db;
  GtkStack *stack;
  DossierReader *reader;
  DossierDocumentList *list;
  g_autoptr(GPtrArray) documents = NULL;

  UI_TEST_REQUIRE_DISPLAY ();

  window = ui_test_open_window (&app, db_path);
  db = dossier_window_get_database (window);
  stack = ui_test_child (window, DOSSIER_TYPE_WINDOW, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");

  list = ui_test_child (window, DOSSIER_TYPE_WINDOW, "document_list");
  reader = ui_test_child (window, DOSSIER_TYPE_WINDOW, "reader");

  /* The documents are in the database before the window hears the
   * import is over; then it opens the first one, in an idle. Choosing
   * another before that would be undone. */
  dossier_window_import (window, paths);
  g_assert_true (ui_test_wait_until (import_done_and_shown, window, 10000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "corpus");

  documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_TITLE, NULL);
  g_assert_cmpuint (documents->len, ==, 2);

  dossier_document_list_select (list, dossier_document_get_id (g_ptr_array_index (documents, 1)));
  ui_test_iterate (100);
  g_assert_cmpint (dossier_reader_get_document_id (reader), ==,
                   dossier_document_get_id (g_ptr_array_index (documents, 1)));

  ui_test_close_window (app, window);
}

static void
test_screenshot (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "ui.db", NULL);
  g_autofree char *corpus = write_corpus ();
  g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : dir,
                                           "window.png", NULL);
  const char *paths[] = { corpus, NULL };
  DossierApplication *app;
  DossierWindow *window;

  UI_TEST_REQUIRE_DISPLAY ();

  window = ui_test_open_window (&app, db_path);
  dossier_window_import (window, paths);
  g_assert_true (ui_test_wait_until (documents_exist, dossier_window_get_database (window), 10000));
  ui_test_iterate (500);

  ui_test_save_screenshot (window, png);

  ui_test_close_window (app, window);
}

typedef struct
{
  DossierDatabase *db;
  guint            n;
} Count;

static gboolean
documents_are (gpointer data)
{
  Count *count = data;
  g_autoptr(GPtrArray) documents = dossier_documents_list (count->db, DOSSIER_DOCUMENT_SORT_TITLE, NULL);

  return documents != NULL && documents->len == count->n;
}

static gboolean
claims_are (gpointer data)
{
  Count *count = data;
  g_autoptr(GPtrArray) claims = dossier_claims_list (count->db, NULL, NULL);

  return claims != NULL && claims->len == count->n;
}

static gboolean
note_saved (gpointer data)
{
  DossierDatabase *db = data;
  g_autoptr(GPtrArray) claims = dossier_claims_list (db, NULL, NULL);

  return claims != NULL && claims->len == 1 &&
         g_strcmp0 (dossier_claim_get_note (g_ptr_array_index (claims, 0)), "Her red line on strikes") == 0;
}

static void
enter_text (gpointer    entry,
            const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  ui_test_iterate (20);
  g_signal_emit_by_name (entry, "activate");
  ui_test_iterate (50);
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

/* What a staffer does with the real seed corpus (issue 3): highlight
 * Sheinbaum's red line in the CSIS Q&A through the window, tag it, name
 * the speaker, write a note, find it among All Claims filtered by theme;
 * and dossier-cli lists the same claim at the same offsets. The seed
 * text is read from ../shared, never copied here. */
static void
test_seed_corpus_flow (void)
{
  const char *seeds = g_getenv ("DOSSIER_SEED_CORPUS");
  const char *quote = "Under no circumstance will we accept interventions, interference, "
                      "or any other act from abroad";
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "seed.db", NULL);
  g_autofree char *body = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *paths[] = { seeds, NULL };
  DossierApplication *app;
  DossierWindow *window;
  DossierDatabase *db;
  DossierReader *reader;
  DossierClaimsPane *pane;
  DossierClaimEditor *editor;
  DossierClaim *claim;
  GtkTextBuffer *buffer;
  GtkTextIter start_iter, end_iter;
  GtkDropDown *theme_dropdown;
  GListModel *listed;
  JsonArray *array;
  JsonObject *object;
  gint64 csis = 0;
  guint start, end;
  int status;
  const char *cli_argv[9];
  Count count;

  UI_TEST_REQUIRE_DISPLAY ();
  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the seed corpus (../shared/corpus/seeds) is not here");
      return;
    }

  window = ui_test_open_window (&app, db_path);
  db = dossier_window_get_database (window);
  dossier_window_import (window, paths);
  count = (Count) { db, 5 };
  g_assert_true (ui_test_wait_until (documents_are, &count, 20000));
  ui_test_iterate (300);

  documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_TITLE, NULL);
  for (guint i = 0; i < documents->len; i++)
    {
      DossierDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *name = g_path_get_basename (dossier_document_get_origin (document));

      if (g_str_has_prefix (name, "003_"))
        csis = dossier_document_get_id (document);
    }
  g_assert_cmpint (csis, !=, 0);

  /* Open it, select the quote in the reader, Ctrl+H's action. */
  g_assert_true (dossier_document_list_select (ui_test_child (window, DOSSIER_TYPE_WINDOW, "document_list"), csis));
  ui_test_iterate (200);
  reader = ui_test_child (window, DOSSIER_TYPE_WINDOW, "reader");
  g_assert_cmpint (dossier_reader_get_document_id (reader), ==, csis);

  body = dossier_documents_get_body (db, csis, NULL);
  g_assert_nonnull (strstr (body, quote));
  start = g_utf8_pointer_to_offset (body, strstr (body, quote));
  end = start + g_utf8_strlen (quote, -1);

  buffer = gtk_text_view_get_buffer (ui_test_child (reader, DOSSIER_TYPE_READER, "text_view"));
  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
  ui_test_iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.highlight", NULL));
  count = (Count) { db, 1 };
  g_assert_true (ui_test_wait_until (claims_are, &count, 5000));
  ui_test_iterate (200);

  /* The editor opened for it: theme, speaker, note through its widgets. */
  pane = ui_test_child (window, DOSSIER_TYPE_WINDOW, "claims_pane");
  editor = ui_test_child (pane, DOSSIER_TYPE_CLAIMS_PANE, "editor");
  enter_text (ui_test_child (editor, DOSSIER_TYPE_CLAIM_EDITOR, "theme_entry"), "Sovereignty");
  enter_text (ui_test_child (editor, DOSSIER_TYPE_CLAIM_EDITOR, "speaker_entry"), "Claudia Sheinbaum");
  {
    GtkTextView *note_view = ui_test_child (editor, DOSSIER_TYPE_CLAIM_EDITOR, "note_view");

    gtk_widget_grab_focus (GTK_WIDGET (note_view));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (note_view), "Her red line on strikes", -1);
  }
  g_assert_true (ui_test_wait_until (note_saved, db, 5000));

  claims = dossier_claims_list (db, NULL, NULL);
  claim = g_ptr_array_index (claims, 0);
  g_assert_cmpuint (dossier_claim_get_start (claim), ==, start);
  g_assert_cmpuint (dossier_claim_get_end (claim), ==, end);
  g_assert_cmpstr (dossier_claim_get_quote (claim), ==, quote);
  g_assert_cmpstr (dossier_claim_get_speaker (claim), ==, "Claudia Sheinbaum");
  g_assert_cmpstr (dossier_claim_get_themes (claim)[0], ==, "Sovereignty");

  /* All Claims, filtered by Sovereignty, lists it. */
  gtk_toggle_button_set_active (ui_test_child (pane, DOSSIER_TYPE_CLAIMS_PANE, "all_toggle"), TRUE);
  ui_test_iterate (100);
  theme_dropdown = ui_test_child (pane, DOSSIER_TYPE_CLAIMS_PANE, "theme_dropdown");
  gtk_drop_down_set_selected (theme_dropdown, dropdown_position (theme_dropdown, "Sovereignty"));
  ui_test_iterate (100);
  listed = dossier_claims_pane_get_claims (pane);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  {
    g_autoptr(DossierClaim) card = g_list_model_get_item (listed, 0);
    g_assert_cmpint (dossier_claim_get_id (card), ==, dossier_claim_get_id (claim));
  }

  /* Choosing the card of a claim in another document opens that document. */
  {
    DossierDocumentList *list = ui_test_child (window, DOSSIER_TYPE_WINDOW, "document_list");
    gint64 other = dossier_document_get_id (g_ptr_array_index (documents, 0)) != csis
                   ? dossier_document_get_id (g_ptr_array_index (documents, 0))
                   : dossier_document_get_id (g_ptr_array_index (documents, 1));

    g_assert_true (dossier_document_list_select (list, other));
    ui_test_iterate (200);
    g_assert_cmpint (dossier_reader_get_document_id (reader), ==, other);
    g_signal_emit_by_name (pane, "claim-selected", dossier_claim_get_id (claim));
    ui_test_iterate (200);
    g_assert_cmpint (dossier_reader_get_document_id (reader), ==, csis);
  }

  /* And the command line sees the same claim at the same offsets. */
  cli_argv[0] = g_getenv ("DOSSIER_CLI");
  cli_argv[1] = "--db";
  cli_argv[2] = db_path;
  cli_argv[3] = "--json";
  cli_argv[4] = "claim";
  cli_argv[5] = "list";
  cli_argv[6] = "--theme";
  cli_argv[7] = "Sovereignty";
  cli_argv[8] = NULL;
  g_assert_nonnull (cli_argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **)cli_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, dossier_claim_get_id (claim));
  g_assert_cmpint (json_object_get_int_member (object, "start"), ==, start);
  g_assert_cmpint (json_object_get_int_member (object, "end"), ==, end);
  g_assert_cmpstr (json_object_get_string_member (object, "speaker"), ==, "Claudia Sheinbaum");
  g_assert_cmpstr (json_object_get_string_member (object, "note"), ==, "Her red line on strikes");

  ui_test_close_window (app, window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/window/welcome-then-import", test_welcome_then_import);
  g_test_add_func ("/window/screenshot", test_screenshot);
  g_test_add_func ("/window/seed-corpus-flow", test_seed_corpus_flow);

  return g_test_run ();
}
