/* test-document-list.c — the document list and import in the window, under Xvfb
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dossier-document-list.h"
#include "dossier-document-row.h"
#include "dossier-reader.h"
#include "ui-test-utils.h"

typedef struct
{
  char                *dir;
  char                *corpus;
  DossierApplication  *app;
  DossierWindow       *window;
  DossierDatabase     *db;
  DossierDocumentList *list;
  DossierReader       *reader;
  GtkGridView         *list_view;
  GtkSearchEntry      *search_entry;
} Fixture;

static void
write_markdown (const char *dir,
                const char *name,
                const char *title,
                const char *outlet,
                const char *date,
                const char *body)
{
  g_autoptr(GString) text = g_string_new ("---\n");

  g_string_append_printf (text, "title: %s\n", title);
  if (outlet != NULL)
    g_string_append_printf (text, "outlet: %s\n", outlet);
  if (date != NULL)
    g_string_append_printf (text, "date: %s\n", date);
  g_string_append_printf (text, "---\n\n%s\n", body);
  g_free (test_write_file (dir, name, text->str, -1));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db_path = NULL;

  if (!ui_test_have_display)
    return;

  fixture->dir = test_make_dir ();
  db_path = g_build_filename (fixture->dir, "ui.db", NULL);
  fixture->corpus = g_build_filename (fixture->dir, "corpus", NULL);

  write_markdown (fixture->corpus, "levee.md", "Levee repairs fall behind schedule", "Gulf Ledger", "2025-05-02",
                  "Engineers said two of the five levee sections will not be ready before the storm season.");
  write_markdown (fixture->corpus, "aquifer.md", "Aquifer permits frozen", "Hemisphere Review", "2025-06-10",
                  "The state froze new well permits pending a study led by hydrologist Sofía Núñez.");
  write_markdown (fixture->corpus, "tariffs.md", "Tariff threats over water debt", "Gulf Ledger", "2024-11-30",
                  "Officials warned that tariffs would not make rain fall.");
  write_markdown (fixture->corpus, "canal.md", "canal dredging approved", "Valley Courier", "2025-03-03",
                  "The district approved dredging of the main canal after a dry winter.");
  write_markdown (fixture->corpus, "notes.md", "Briefing notes", NULL, NULL,
                  "Loose notes for the Tuesday briefing, without outlet or date.");

  /* The sort is a setting: every test starts from the default. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_settings_reset (settings, "document-sort");
  }

  fixture->window = ui_test_open_window (&fixture->app, db_path);
  fixture->db = dossier_window_get_database (fixture->window);
  fixture->list = ui_test_child (fixture->window, DOSSIER_TYPE_WINDOW, "document_list");
  fixture->reader = ui_test_child (fixture->window, DOSSIER_TYPE_WINDOW, "reader");
  fixture->list_view = ui_test_child (fixture->list, DOSSIER_TYPE_DOCUMENT_LIST, "list_view");
  fixture->search_entry = ui_test_child (fixture->list, DOSSIER_TYPE_DOCUMENT_LIST, "search_entry");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    ui_test_close_window (fixture->app, fixture->window);
  g_clear_pointer (&fixture->corpus, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Toasts */

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_label (child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *wait = data;

  return find_label (ui_test_child (wait->fixture->window, DOSSIER_TYPE_WINDOW, "toast_overlay"), wait->text);
}

#define assert_toast(fixture, expected)                                         \
  G_STMT_START {                                                                \
    ToastWait wait_ = { (fixture), (expected) };                                \
    if (!ui_test_wait_until (toast_shown, &wait_, 15000))                       \
      g_error ("no toast “%s”", (expected));                                    \
  } G_STMT_END

static gboolean
import_finished (gpointer data)
{
  Fixture *fixture = data;
  GtkRevealer *revealer = ui_test_child (fixture->window, DOSSIER_TYPE_WINDOW, "import_revealer");

  return !gtk_revealer_get_reveal_child (revealer);
}

static GListModel *list_model (Fixture *fixture);

/* The list shows every document (it follows an import in an idle). */
static gboolean
list_complete (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) documents = dossier_documents_list (fixture->db, DOSSIER_DOCUMENT_SORT_DATE, NULL);

  return g_list_model_get_n_items (list_model (fixture)) == documents->len;
}

static void
import_corpus (Fixture    *fixture,
               const char *expected_toast)
{
  const char *paths[] = { fixture->corpus, NULL };

  dossier_window_import (fixture->window, paths);
  g_assert_true (ui_test_wait_until (import_finished, fixture, 15000));
  assert_toast (fixture, expected_toast);
  g_assert_true (ui_test_wait_until (list_complete, fixture, 5000));
  ui_test_iterate (50);
}

typedef struct
{
  Fixture *fixture;
  gint64   id;
} ReaderWait;

static gboolean
reader_shows (gpointer data)
{
  ReaderWait *wait = data;

  return dossier_reader_get_document_id (wait->fixture->reader) == wait->id;
}

/* The document opened after an import opens in an idle of its own. */
#define assert_reader_shows(fixture, expected)                                  \
  G_STMT_START {                                                                \
    ReaderWait wait_ = { (fixture), (expected) };                               \
    ui_test_wait_until (reader_shows, &wait_, 5000);                            \
    g_assert_cmpint (dossier_reader_get_document_id ((fixture)->reader), ==, (expected)); \
  } G_STMT_END

/* The list */

static GListModel *
list_model (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_grid_view_get_model (fixture->list_view));
}

static char *
listed_titles (Fixture *fixture)
{
  GListModel *model = list_model (fixture);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (model, i);

      g_string_append_printf (titles, "%s%s", i ? "|" : "", dossier_document_get_title (document));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static gint64
document_titled (Fixture    *fixture,
                 const char *title)
{
  g_autoptr(GPtrArray) documents = dossier_documents_list (fixture->db, DOSSIER_DOCUMENT_SORT_TITLE, NULL);

  for (guint i = 0; i < documents->len; i++)
    if (g_strcmp0 (dossier_document_get_title (g_ptr_array_index (documents, i)), title) == 0)
      return dossier_document_get_id (g_ptr_array_index (documents, i));

  g_error ("no document “%s”", title);
}

static void
search (Fixture    *fixture,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->search_entry), text);
  /* search-changed comes 150 ms later */
  ui_test_iterate (400);
}

static void
choose_outlet (Fixture    *fixture,
               const char *name)
{
  GtkDropDown *dropdown = ui_test_child (fixture->list, DOSSIER_TYPE_DOCUMENT_LIST, "outlet_dropdown");
  GListModel *outlets = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (outlets); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (outlets), i), name) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        ui_test_iterate (50);
        return;
      }

  g_error ("no outlet “%s” in the drop-down", name);
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (ui_test_child (fixture->list, DOSSIER_TYPE_DOCUMENT_LIST, "stack"));
}

static gboolean
focus_within (Fixture   *fixture,
              gpointer   widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

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

static void
test_browse (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *titles = NULL;
  g_autoptr(GPtrArray) by_id = NULL;
  GtkSelectionModel *selection;
  gint64 aquifer, canal, levee;

  UI_TEST_REQUIRE_DISPLAY ();

  import_corpus (fixture, "5 imported, 0 duplicates, 0 failed");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 5);
  aquifer = document_titled (fixture, "Aquifer permits frozen");
  canal = document_titled (fixture, "canal dredging approved");
  levee = document_titled (fixture, "Levee repairs fall behind schedule");

  /* The first document imported is open, and selected in the list. */
  by_id = dossier_documents_list (fixture->db, DOSSIER_DOCUMENT_SORT_DATE, NULL);
  {
    gint64 first = G_MAXINT64;

    for (guint i = 0; i < by_id->len; i++)
      first = MIN (first, dossier_document_get_id (g_ptr_array_index (by_id, i)));
    assert_reader_shows (fixture, first);
    g_assert_cmpint (dossier_document_list_get_selected_id (fixture->list), ==, first);
  }

  /* Newest first, undated last; then by title, ignoring case, which is
   * remembered. */
  titles = listed_titles (fixture);
  g_assert_cmpstr (titles, ==, "Aquifer permits frozen|Levee repairs fall behind schedule|"
                               "canal dredging approved|Tariff threats over water debt|Briefing notes");
  g_clear_pointer (&titles, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "documents.sort", "s", "title"));
  ui_test_iterate (50);
  titles = listed_titles (fixture);
  g_assert_cmpstr (titles, ==, "Aquifer permits frozen|Briefing notes|canal dredging approved|"
                               "Levee repairs fall behind schedule|Tariff threats over water debt");
  g_clear_pointer (&titles, g_free);
  {
    g_autofree char *sort = g_settings_get_string (dossier_application_get_settings (fixture->app), "document-sort");
    g_assert_cmpstr (sort, ==, "title");
  }

  /* Selecting a row opens it in the reader, as a click does. */
  selection = gtk_grid_view_get_model (fixture->list_view);
  gtk_selection_model_select_item (selection, 2, TRUE);
  ui_test_iterate (50);
  g_assert_cmpint (dossier_reader_get_document_id (fixture->reader), ==, canal);

  /* The outlet filter narrows the list; the open document stays open. */
  choose_outlet (fixture, "Gulf Ledger");
  titles = listed_titles (fixture);
  g_assert_cmpstr (titles, ==, "Levee repairs fall behind schedule|Tariff threats over water debt");
  g_clear_pointer (&titles, g_free);
  g_assert_cmpint (dossier_reader_get_document_id (fixture->reader), ==, canal);
  choose_outlet (fixture, "All Outlets");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 5);
  /* …and is selected again when it is listed again. */
  g_assert_cmpint (dossier_document_list_get_selected_id (fixture->list), ==, canal);

  /* Search reads the bodies, without accents. */
  search (fixture, "nunez");
  titles = listed_titles (fixture);
  g_assert_cmpstr (titles, ==, "Aquifer permits frozen");
  g_clear_pointer (&titles, g_free);
  g_assert_cmpstr (visible_page (fixture), ==, "list");

  /* Enter opens the first result. */
  g_signal_emit_by_name (fixture->search_entry, "activate");
  ui_test_iterate (50);
  g_assert_cmpint (dossier_reader_get_document_id (fixture->reader), ==, aquifer);

  /* Nothing found: the empty state, and Clear Filters. */
  search (fixture, "zeppelin");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "documents.clear-filters", NULL));
  ui_test_iterate (50);
  g_assert_cmpstr (visible_page (fixture), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->search_entry)), ==, "");

  /* Selecting a document hidden by a search clears the search. */
  search (fixture, "levee");
  g_assert_true (dossier_document_list_select (fixture->list, aquifer));
  ui_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 5);
  g_assert_true (dossier_document_list_select (fixture->list, levee));
  ui_test_iterate (50);
  g_assert_cmpint (dossier_reader_get_document_id (fixture->reader), ==, levee);
  g_assert_false (dossier_document_list_select (fixture->list, 4242));

  /* The open document stays selected when a sort moves it, and when an
   * edit elsewhere moves it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "documents.sort", "s", "date"));
  ui_test_iterate (50);
  g_assert_cmpint (dossier_document_list_get_selected_id (fixture->list), ==, levee);
  {
    g_autoptr(DossierMetadata) changes = dossier_metadata_new ();
    g_autoptr(GError) error = NULL;

    changes->published = g_strdup ("2020-01-01");
    g_assert_true (dossier_documents_update (fixture->db, levee, changes, &error));
    g_assert_no_error (error);
  }
  ui_test_iterate (50);
  titles = listed_titles (fixture);
  g_assert_cmpstr (titles, ==, "Aquifer permits frozen|canal dredging approved|Tariff threats over water debt|"
                               "Levee repairs fall behind schedule|Briefing notes");
  g_clear_pointer (&titles, g_free);
  g_assert_cmpint (dossier_document_list_get_selected_id (fixture->list), ==, levee);
  g_assert_cmpint (dossier_reader_get_document_id (fixture->reader), ==, levee);

  /* Deleted, its neighbour opens in its place. */
  g_assert_true (dossier_documents_delete (fixture->db, levee, NULL));
  ui_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 4);
  g_assert_cmpint (dossier_document_list_get_selected_id (fixture->list), ==, document_titled (fixture, "Briefing notes"));
  g_assert_cmpint (dossier_reader_get_document_id (fixture->reader), ==, document_titled (fixture, "Briefing notes"));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  UI_TEST_REQUIRE_DISPLAY ();

  import_corpus (fixture, "5 imported, 0 duplicates, 0 failed");

  /* Ctrl+Shift+F */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search-documents", NULL));
  ui_test_iterate (50);
  g_assert_true (focus_within (fixture, fixture->search_entry));

  /* Down moves into the list, onto the open document. */
  search (fixture, "permits OR levee");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 2);
  g_assert_true (press_key (fixture->search_entry, GDK_KEY_Down));
  ui_test_iterate (100);
  g_assert_true (focus_within (fixture, fixture->list_view));
  g_assert_cmpint (dossier_reader_get_document_id (fixture->reader), ==,
                   dossier_document_list_get_selected_id (fixture->list));
  g_assert_cmpint (dossier_document_list_get_selected_id (fixture->list), !=, 0);

  /* Up from the first row goes back to the search. */
  gtk_selection_model_select_item (gtk_grid_view_get_model (fixture->list_view), 0, TRUE);
  g_assert_true (press_key (fixture->list_view, GDK_KEY_Up));
  ui_test_iterate (50);
  g_assert_true (focus_within (fixture, fixture->search_entry));

  /* Escape clears the search. */
  g_signal_emit_by_name (fixture->search_entry, "stop-search");
  ui_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 5);
}

static void
test_reimport_and_failures (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *broken = NULL;
  GtkWidget *details = NULL;
  GList *toplevels;
  AdwMessageDialog *dialog = NULL;
  gint64 canal;
  g_autofree char *png = NULL;

  UI_TEST_REQUIRE_DISPLAY ();

  import_corpus (fixture, "5 imported, 0 duplicates, 0 failed");

  /* Again: nothing new; the first of the duplicates is open. */
  import_corpus (fixture, "0 imported, 5 duplicates, 0 failed");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 5);

  /* One new file, one that is not text: the toast offers the reasons. */
  write_markdown (fixture->corpus, "new.md", "Dam talks resume", "Valley Courier", "2025-07-01",
                  "Negotiators met again on the dam.");
  broken = test_write_file (fixture->corpus, "broken.txt", "PK\x03\x04\0\0\0binary\0\0", 14);
  import_corpus (fixture, "1 imported, 5 duplicates, 1 failed");

  /* The new document is open. */
  assert_reader_shows (fixture, document_titled (fixture, "Dam talks resume"));
  canal = document_titled (fixture, "canal dredging approved");
  g_assert_cmpint (canal, !=, 0);

  /* Details lists each failure with its reason. */
  {
    GtkWidget *overlay = ui_test_child (fixture->window, DOSSIER_TYPE_WINDOW, "toast_overlay");
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, overlay);
    while (stack->len > 0 && details == NULL)
      {
        GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Details") == 0)
          details = widget;
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
    g_ptr_array_unref (stack);
  }
  g_assert_nonnull (details);
  g_signal_emit_by_name (details, "clicked");
  ui_test_iterate (200);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_assert_true (find_label (GTK_WIDGET (dialog), "broken.txt"));

  png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : fixture->dir,
                          "import-failures.png", NULL);
  ui_test_save_screenshot (dialog, png);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_second_import_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *paths[] = { NULL, NULL };

  UI_TEST_REQUIRE_DISPLAY ();

  paths[0] = fixture->corpus;
  dossier_window_import (fixture->window, paths);
  dossier_window_import (fixture->window, paths);
  assert_toast (fixture, "An import is already running: wait for it or cancel it");
  g_assert_true (ui_test_wait_until (import_finished, fixture, 15000));
  assert_toast (fixture, "5 imported, 0 duplicates, 0 failed");
}

static gboolean
progress_started (gpointer data)
{
  Fixture *fixture = data;
  GtkLabel *label = ui_test_child (fixture->window, DOSSIER_TYPE_WINDOW, "import_label");

  return g_str_has_prefix (gtk_label_get_label (label), "Importing ");
}

static void
write_notes (const char *dir,
             guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("note-%04u.txt", i);
      g_autofree char *text = g_strdup_printf ("Field note %u\n\nObserved the canal at gauge %u.\n", i, i * 7);

      g_free (test_write_file (dir, name, text, -1));
    }
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *big = g_build_filename (fixture->dir, "big", NULL);
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *expected = NULL;
  const char *paths[] = { big, NULL };

  UI_TEST_REQUIRE_DISPLAY ();

  write_notes (big, 4000);

  dossier_window_import (fixture->window, paths);
  g_assert_true (ui_test_wait_until (progress_started, fixture, 15000));
  g_signal_emit_by_name (ui_test_child (fixture->window, DOSSIER_TYPE_WINDOW, "import_cancel_button"), "clicked");
  g_assert_true (ui_test_wait_until (import_finished, fixture, 15000));

  /* What was committed stays, and the toast says how much. */
  kept = dossier_documents_list (fixture->db, DOSSIER_DOCUMENT_SORT_DATE, NULL);
  g_assert_cmpuint (kept->len, <, 4000);
  if (kept->len == 0)
    expected = g_strdup ("Import cancelled: nothing was imported");
  else if (kept->len == 1)
    expected = g_strdup ("Import cancelled: the document imported before is kept");
  else
    expected = g_strdup_printf ("Import cancelled: the %u documents imported before are kept", kept->len);
  assert_toast (fixture, expected);
  ui_test_iterate (100);
  g_test_message ("cancelled with %u of 4000 kept", kept->len);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, kept->len);
}

/* Row widgets of the list, and the lowest and highest position of a
 * document they show. */
static guint
count_rows (GtkWidget *widget,
            GListModel *model,
            guint      *first,
            guint      *last)
{
  guint n = 0;

  if (DOSSIER_IS_DOCUMENT_ROW (widget))
    {
      DossierDocument *document = dossier_document_row_get_document (DOSSIER_DOCUMENT_ROW (widget));

      for (guint i = 0; document != NULL && i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DossierDocument) listed = g_list_model_get_item (model, i);

          if (dossier_document_get_id (listed) == dossier_document_get_id (document))
            {
              *first = MIN (*first, i);
              *last = MAX (*last, i);
              break;
            }
        }

      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, model, first, last);

  return n;
}

static guint
rows_made (Fixture *fixture,
           guint   *first,
           guint   *last)
{
  *first = G_MAXUINT;
  *last = 0;

  return count_rows (GTK_WIDGET (fixture->list_view), list_model (fixture), first, last);
}

static gboolean
last_row_made (gpointer data)
{
  Fixture *fixture = data;
  guint first, last;

  rows_made (fixture, &first, &last);

  return last == g_list_model_get_n_items (list_model (fixture)) - 1;
}

/* A long list makes rows for what is on screen and a few more, however
 * long it is and wherever it is scrolled: GTK 4.8's list view made 200
 * rows around the top one, and made, bound and measured them all at each
 * sort or filter, the bulk of the time the list took with 100,000
 * documents (build-aux/bench). */
static void
test_rows_for_what_is_seen (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *paths[] = { fixture->corpus, NULL };
  guint made, first, last, n;

  UI_TEST_REQUIRE_DISPLAY ();

  write_notes (fixture->corpus, 300);
  dossier_window_import (fixture->window, paths);
  g_assert_true (ui_test_wait_until (import_finished, fixture, 15000));
  assert_toast (fixture, "305 imported, 0 duplicates, 0 failed");
  g_assert_true (ui_test_wait_until (list_complete, fixture, 5000));
  ui_test_iterate (100);
  n = g_list_model_get_n_items (list_model (fixture));
  g_assert_cmpuint (n, ==, 305);

  made = rows_made (fixture, &first, &last);
  g_test_message ("%u rows made for %u documents, positions %u to %u", made, n, first, last);
  g_assert_cmpuint (made, >=, 8);
  g_assert_cmpuint (made, <=, 40);
  g_assert_cmpuint (first, ==, 0);

  /* Sorted again: still as few rows, from the top of the new order. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "documents.sort", "s", "title"));
  ui_test_iterate (100);
  made = rows_made (fixture, &first, &last);
  g_test_message ("after sorting: %u rows, positions %u to %u", made, first, last);
  g_assert_cmpuint (made, <=, 40);
  g_assert_cmpuint (first, ==, 0);

  /* Chosen at the end of the list: its last rows. */
  {
    g_autoptr(DossierDocument) at_end = g_list_model_get_item (list_model (fixture), n - 1);

    g_assert_true (dossier_document_list_select (fixture->list, dossier_document_get_id (at_end)));
    g_assert_true (ui_test_wait_until (last_row_made, fixture, 5000));
    ui_test_iterate (50);
    made = rows_made (fixture, &first, &last);
    g_test_message ("at the end: %u rows, positions %u to %u", made, first, last);
    g_assert_cmpuint (made, <=, 40);
    g_assert_cmpuint (last, ==, n - 1);
    g_assert_cmpint (dossier_reader_get_document_id (fixture->reader), ==, dossier_document_get_id (at_end));
  }
}

static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GFile) folder = NULL;
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  UI_TEST_REQUIRE_DISPLAY ();

  /* A folder dropped on the window is imported, as GTK delivers it. */
  folder = g_file_new_for_path (fixture->corpus);
  files = g_slist_append (files, folder);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_slist_free (files);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }
  g_value_unset (&value);

  g_assert_true (dropped);
  g_assert_true (ui_test_wait_until (import_finished, fixture, 15000));
  assert_toast (fixture, "5 imported, 0 duplicates, 0 failed");
  ui_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 5);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) claim = NULL;
  g_autofree char *png = NULL;

  UI_TEST_REQUIRE_DISPLAY ();

  import_corpus (fixture, "5 imported, 0 duplicates, 0 failed");
  claim = dossier_claims_create_from_quote (fixture->db, document_titled (fixture, "Tariff threats over water debt"),
                                            "tariffs would not make rain fall", 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ui_test_iterate (300);

  png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : fixture->dir,
                          "document-list.png", NULL);
  ui_test_save_screenshot (fixture->window, png);

  /* The progress bar of a longer import (when it is not over already). */
  {
    g_autofree char *big = g_build_filename (fixture->dir, "big", NULL);
    const char *paths[] = { big, NULL };

    write_notes (big, 8000);
    dossier_window_import (fixture->window, paths);
    g_assert_true (ui_test_wait_until (progress_started, fixture, 15000));
    ui_test_iterate (150);
    g_free (png);
    png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : fixture->dir,
                            "import-progress.png", NULL);
    ui_test_save_screenshot (fixture->window, png);
    /* The rest of the import is not what this test looks at. */
    g_signal_emit_by_name (ui_test_child (fixture->window, DOSSIER_TYPE_WINDOW, "import_cancel_button"), "clicked");
    g_assert_true (ui_test_wait_until (import_finished, fixture, 15000));
    ui_test_iterate (100);
  }

  search (fixture, "zeppelin");
  ui_test_iterate (300);
  g_free (png);
  png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : fixture->dir,
                          "document-list-empty.png", NULL);
  ui_test_save_screenshot (fixture->window, png);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/document-list/browse", Fixture, NULL, fixture_set_up, test_browse, fixture_tear_down);
  g_test_add ("/document-list/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/document-list/reimport-and-failures", Fixture, NULL, fixture_set_up, test_reimport_and_failures,
              fixture_tear_down);
  g_test_add ("/document-list/second-import-refused", Fixture, NULL, fixture_set_up, test_second_import_refused,
              fixture_tear_down);
  g_test_add ("/document-list/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/document-list/rows-for-what-is-seen", Fixture, NULL, fixture_set_up, test_rows_for_what_is_seen,
              fixture_tear_down);
  g_test_add ("/document-list/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/document-list/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);

  return g_test_run ();
}
