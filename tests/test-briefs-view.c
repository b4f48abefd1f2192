/* test-briefs-view.c — the Briefs view of the window, under Xvfb
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dossier-briefs-view.h"
#include "dossier-claim-editor.h"
#include "dossier-claims-pane.h"
#include "dossier-document-list.h"
#include "ui-test-utils.h"

/* Written for these tests. */
static const char *levee_text =
  "---\ntitle: Levee repairs fall behind\noutlet: River Weekly\ndate: 2025-05-02\n---\n\n"
  "Engineers said two of the five levee sections will not be ready before the storm season. "
  "“We are *racing* the calendar,” said district chief Helena Fuentes. "
  "The county board voted to double the levee budget next year.\n";

static const char *aquifer_text =
  "---\ntitle: Aquifer permits frozen\noutlet: Hemisphere Review\ndate: 2025-06-10\n---\n\n"
  "The state froze new well permits for the Hueco aquifer pending a study. "
  "“Nobody drills until we know what is down there,” the water commissioner said.\n";

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A label in @widget whose text holds @needle. */
static GtkWidget *
find_label_text (GtkWidget  *widget,
                 const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_text (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
nth_row (GtkListBox *list,
         int         n)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, n);

  g_assert_nonnull (row);

  return GTK_WIDGET (row);
}

static gint64
row_id_of (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "dossier-brief-item-id");

  g_assert_nonnull (id);

  return *id;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* What a drop of @payload on @widget does. */
static gboolean
drop_on (GtkWidget  *widget,
         const char *payload)
{
  GtkDropTarget *target = drop_target_of (widget);
  GValue value = G_VALUE_INIT;
  gboolean done = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, payload);
  g_signal_emit_by_name (target, "drop", &value, 1.0, 1.0, &done);
  g_value_unset (&value);

  return done;
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(char **)data != NULL;
}

static void
test_compose_and_export (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autofree char *cli = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(DossierClaim) racing = NULL;
  g_autoptr(DossierClaim) drills = NULL;
  DossierMarkdownOptions options = { TRUE, TRUE, FALSE };
  const char *water[] = { "Water", NULL };
  DossierApplication *app;
  DossierWindow *window;
  DossierDatabase *db;
  DossierBriefsView *view;
  AdwViewStack *view_stack;
  GtkListBox *item_list, *picker_list;
  GtkEntry *title_entry;
  GtkTextView *summary_view, *commentary;
  GtkEntry *picker_search;
  gint64 levee, aquifer, brief_id, racing_item;
  gsize length;

  UI_TEST_REQUIRE_DISPLAY ();

  dir = test_make_dir ();
  db_path = g_build_filename (dir, "briefs.db", NULL);
  window = ui_test_open_window (&app, db_path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  db = dossier_window_get_database (window);

  levee = test_import_text (db, dir, "levee.md", levee_text);
  aquifer = test_import_text (db, dir, "aquifer.md", aquifer_text);
  racing = dossier_claims_create_from_quote (db, levee, "“We are *racing* the calendar,”", 1, NULL,
                                             "Helena Fuentes", "Said twice.", &error);
  g_assert_no_error (error);
  drills = dossier_claims_create_from_quote (db, aquifer, "“Nobody drills until we know what is down there,”", 1,
                                             water, "Water commissioner", NULL, &error);
  g_assert_no_error (error);

  view = ui_test_child (window, DOSSIER_TYPE_WINDOW, "briefs_view");
  view_stack = ui_test_child (window, DOSSIER_TYPE_WINDOW, "view_stack");
  item_list = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "item_list");
  picker_list = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "picker_list");
  picker_search = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "picker_search");
  title_entry = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "title_entry");
  summary_view = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "summary_view");

  /* The switcher's page, as Alt+2 gives it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-briefs", NULL));
  ui_test_iterate (100);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "briefs");

  /* A new brief, its title and summary typed in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "briefs.new", NULL));
  brief_id = dossier_briefs_view_get_brief_id (view);
  g_assert_cmpint (brief_id, >, 0);
  gtk_editable_set_text (GTK_EDITABLE (title_entry), "Water outlook");
  set_text_view (summary_view, "Where the river and the aquifer stand.");
  brief = dossier_briefs_get (db, brief_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_brief_get_title (brief), ==, "Water outlook");
  g_assert_cmpstr (dossier_brief_get_summary (brief), ==, "Where the river and the aquifer stand.");

  /* A section, then two claims from the picker: they go in the section. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "briefs.add-section", NULL));
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (nth_row (item_list, 0), GTK_TYPE_ENTRY)), "Supply");
  ui_test_iterate (50);
  g_assert_cmpuint (count_rows (picker_list), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (picker_search), "drills");
  ui_test_iterate (400);
  g_assert_cmpuint (count_rows (picker_list), ==, 1);
  g_signal_emit_by_name (picker_list, "row-activated", nth_row (picker_list, 0));
  gtk_editable_set_text (GTK_EDITABLE (picker_search), "");
  ui_test_iterate (400);
  g_assert_cmpuint (count_rows (picker_list), ==, 2);
  /* By document, then position: the levee's claim comes first. */
  g_signal_emit_by_name (picker_list, "row-activated", nth_row (picker_list, 0));
  ui_test_iterate (50);
  g_assert_cmpuint (count_rows (item_list), ==, 3);

  items = dossier_briefs_get_items (db, brief_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpint (dossier_brief_item_get_kind (items->pdata[0]), ==, DOSSIER_BRIEF_ITEM_HEADING);
  g_assert_cmpstr (dossier_brief_item_get_text (items->pdata[0]), ==, "Supply");
  g_assert_cmpint (dossier_brief_item_get_claim_id (items->pdata[1]), ==, dossier_claim_get_id (drills));
  g_assert_cmpint (dossier_brief_item_get_claim_id (items->pdata[2]), ==, dossier_claim_get_id (racing));
  racing_item = dossier_brief_item_get_id (items->pdata[2]);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Commentary typed into the claim's row. */
  commentary = GTK_TEXT_VIEW (find_descendant (nth_row (item_list, 2), GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (commentary);
  set_text_view (commentary, "The calendar is the risk.");

  /* Alt+Up on the focused item moves it up, and the focus stays with it. */
  gtk_widget_grab_focus (GTK_WIDGET (commentary));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "briefs.move-item-up", NULL));
  ui_test_iterate (50);
  items = dossier_briefs_get_items (db, brief_id, &error);
  g_assert_cmpint (dossier_brief_item_get_id (items->pdata[1]), ==, racing_item);
  g_assert_cmpstr (dossier_brief_item_get_text (items->pdata[1]), ==, "The calendar is the risk.");
  g_clear_pointer (&items, g_ptr_array_unref);
  commentary = GTK_TEXT_VIEW (find_descendant (nth_row (item_list, 1), GTK_TYPE_TEXT_VIEW));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (commentary)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "briefs.move-item-down", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "briefs.move-item-up", NULL));
  ui_test_iterate (50);

  /* The keys: Alt+Up and Alt+Down on the view run those actions. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
    gboolean up = FALSE, down = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
            g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

            up |= g_str_equal (trigger, "<Alt>Up") && g_str_equal (action, "action(briefs.move-item-up)");
            down |= g_str_equal (trigger, "<Alt>Down") && g_str_equal (action, "action(briefs.move-item-down)");
          }
      }
    g_assert_true (up);
    g_assert_true (down);
  }

  /* Remove the claim, then Undo (the toast's action): it comes back in
   * its place, with its commentary. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "briefs.remove-item", "x", racing_item));
  ui_test_iterate (50);
  g_assert_cmpuint (count_rows (item_list), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "briefs.undo", "u", 1));
  ui_test_iterate (50);
  g_assert_cmpuint (count_rows (item_list), ==, 3);
  items = dossier_briefs_get_items (db, brief_id, &error);
  g_assert_cmpint (dossier_brief_item_get_claim_id (items->pdata[1]), ==, dossier_claim_get_id (racing));
  g_assert_cmpstr (dossier_brief_item_get_text (items->pdata[1]), ==, "The calendar is the risk.");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Drag and drop: the claim's row onto the heading's moves it first; a
   * claim of the picker dropped on the list goes at the end. */
  {
    g_autofree char *payload = NULL;
    gint64 moved = row_id_of (nth_row (item_list, 1));

    payload = g_strdup_printf ("item:%" G_GINT64_FORMAT, moved);
    g_assert_true (drop_on (nth_row (item_list, 0), payload));
    ui_test_iterate (50);
    items = dossier_briefs_get_items (db, brief_id, &error);
    g_assert_cmpint (dossier_brief_item_get_id (items->pdata[0]), ==, moved);
    g_clear_pointer (&items, g_ptr_array_unref);
    g_assert_true (drop_on (nth_row (item_list, 1), payload));
    ui_test_iterate (50);
    items = dossier_briefs_get_items (db, brief_id, &error);
    g_assert_cmpint (dossier_brief_item_get_id (items->pdata[1]), ==, moved);
    g_assert_cmpint (dossier_brief_item_get_kind (items->pdata[0]), ==, DOSSIER_BRIEF_ITEM_HEADING);
    g_clear_pointer (&items, g_ptr_array_unref);
  }

  /* Export with notes and themes, as the toggles set them. */
  g_settings_set_boolean (dossier_application_get_settings (app), "export-include-notes", TRUE);
  g_settings_set_boolean (dossier_application_get_settings (app), "export-include-themes", TRUE);
  ui_test_iterate (300);
  out_path = g_build_filename (dir, "Water outlook.md", NULL);
  out_file = g_file_new_for_path (out_path);
  g_assert_true (dossier_briefs_view_export_to_file (view, out_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &written, &length, &error));
  expected = dossier_brief_render_markdown (db, brief_id, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_nonnull (strstr (written, "# Water outlook"));
  g_assert_nonnull (strstr (written, "The calendar is the risk."));

  /* The command line gives the same bytes. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, brief_id);
    const char *argv[] = { g_getenv ("DOSSIER_CLI"), "--db", db_path, "brief", "export", id, "--notes", "--themes", NULL };
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &cli, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpstr (cli, ==, written);
  }

  /* The preview shows the same text. */
  {
    GtkTextView *preview = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "preview_view");
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (preview);
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, written);
  }

  /* Copy as Markdown puts the same text on the clipboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "briefs.copy-markdown", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL, on_clipboard_text, &copied);
  g_assert_true (ui_test_wait_until (is_set, &copied, 5000));
  g_assert_cmpstr (copied, ==, written);

  /* A look at it. */
  {
    GtkStack *side_stack = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "side_stack");
    const char *shot = g_getenv ("DOSSIER_TEST_SCREENSHOT_DIR");

    if (shot != NULL)
      {
        g_autofree char *path = g_build_filename (shot, "briefs-claims.png", NULL);

        ui_test_iterate (300);
        ui_test_save_screenshot (window, path);
        gtk_stack_set_visible_child_name (side_stack, "preview");
        ui_test_iterate (300);
        g_free (path);
        path = g_build_filename (shot, "briefs-preview.png", NULL);
        ui_test_save_screenshot (window, path);
      }
  }

  /* Delete the brief, then Undo puts it back with its items. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "briefs.delete", NULL));
  ui_test_iterate (50);
  g_assert_cmpint (dossier_briefs_view_get_brief_id (view), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "briefs.undo", "u", 2));
  ui_test_iterate (50);
  g_assert_cmpint (dossier_briefs_view_get_brief_id (view), >, 0);
  items = dossier_briefs_get_items (db, dossier_briefs_view_get_brief_id (view), &error);
  g_assert_cmpuint (items->len, ==, 3);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_object (&brief);
  brief = dossier_briefs_get (db, dossier_briefs_view_get_brief_id (view), &error);
  g_assert_cmpstr (dossier_brief_get_title (brief), ==, "Water outlook");

  ui_test_close_window (app, window);
}

/* Add to Brief from the claim editor: a menu of the briefs and New Brief. */
static void
test_add_to_brief (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(DossierBrief) memo = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) briefs = NULL;
  DossierApplication *app;
  DossierWindow *window;
  DossierDatabase *db;
  DossierClaimsPane *pane;
  DossierClaimEditor *editor;
  GtkMenuButton *button;
  GMenuModel *menu;
  gint64 levee;

  UI_TEST_REQUIRE_DISPLAY ();

  dir = test_make_dir ();
  db_path = g_build_filename (dir, "add.db", NULL);
  window = ui_test_open_window (&app, db_path);
  db = dossier_window_get_database (window);
  levee = test_import_text (db, dir, "levee.md", levee_text);
  claim = dossier_claims_create_from_quote (db, levee, "“We are *racing* the calendar,”", 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  memo = dossier_briefs_create (db, "Q3 memo", NULL, &error);
  g_assert_no_error (error);
  ui_test_iterate (100);

  pane = ui_test_child (window, DOSSIER_TYPE_WINDOW, "claims_pane");
  editor = ui_test_child (pane, DOSSIER_TYPE_CLAIMS_PANE, "editor");
  button = ui_test_child (editor, DOSSIER_TYPE_CLAIM_EDITOR, "add_to_brief_button");
  dossier_document_list_select (ui_test_child (window, DOSSIER_TYPE_WINDOW, "document_list"), levee);
  ui_test_iterate (100);
  dossier_claims_pane_select_claim (pane, dossier_claim_get_id (claim), TRUE);
  ui_test_iterate (100);
  g_assert_cmpint (dossier_claim_editor_get_claim_id (editor), ==, dossier_claim_get_id (claim));

  /* The menu lists the brief, then New Brief. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  /* A popover needs the window placed on a monitor: give Xvfb time. */
  ui_test_iterate (500);
  gtk_menu_button_popup (button);
  ui_test_iterate (100);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_cmpint (g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION)), ==, 1);
  gtk_menu_button_popdown (button);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "claim.add-to-brief", "x",
                                             dossier_brief_get_id (memo)));
  items = dossier_briefs_get_items (db, dossier_brief_get_id (memo), &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (dossier_brief_item_get_claim_id (items->pdata[0]), ==, dossier_claim_get_id (claim));

  /* New Brief makes one, with the claim in it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "claim.add-to-brief", "x", (gint64)0));
  briefs = dossier_briefs_list (db, &error);
  g_assert_cmpuint (briefs->len, ==, 2);
  ui_test_iterate (50);

  ui_test_close_window (app, window);
}

/* The briefs, their items and the picker are read when the Briefs page
 * first shows, not at start-up behind the Corpus page. */
static void
test_loaded_when_shown (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(DossierBrief) memo = NULL;
  g_autoptr(DossierBriefItem) item = NULL;
  DossierApplication *app;
  DossierWindow *window;
  DossierBriefsView *view;
  GtkListBox *item_list, *picker_list, *brief_list;
  gint64 levee;

  UI_TEST_REQUIRE_DISPLAY ();

  dir = test_make_dir ();
  db_path = g_build_filename (dir, "lazy.db", NULL);
  {
    g_autoptr(DossierDatabase) db = dossier_database_open (db_path, &error);

    g_assert_no_error (error);
    levee = test_import_text (db, dir, "levee.md", levee_text);
    claim = dossier_claims_create_from_quote (db, levee, "“We are *racing* the calendar,”", 1, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    memo = dossier_briefs_create (db, "Q3 memo", NULL, &error);
    g_assert_no_error (error);
    item = dossier_briefs_add_claim (db, dossier_brief_get_id (memo), dossier_claim_get_id (claim), NULL, NULL, &error);
    g_assert_no_error (error);
  }

  window = ui_test_open_window (&app, db_path);
  view = ui_test_child (window, DOSSIER_TYPE_WINDOW, "briefs_view");
  brief_list = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "brief_list");
  item_list = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "item_list");
  picker_list = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "picker_list");
  ui_test_iterate (200);

  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpuint (count_rows (brief_list), ==, 0);
  g_assert_cmpuint (count_rows (item_list), ==, 0);
  g_assert_cmpuint (count_rows (picker_list), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-briefs", NULL));
  ui_test_iterate (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpuint (count_rows (brief_list), ==, 1);
  g_assert_cmpuint (count_rows (item_list), ==, 1);
  g_assert_cmpuint (count_rows (picker_list), ==, 1);
  g_assert_cmpint (dossier_briefs_view_get_brief_id (view), ==, dossier_brief_get_id (memo));

  ui_test_close_window (app, window);
}

/* The rows of @list, each with a reference. */
static GPtrArray *
rows_of (GtkListBox *list)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < count_rows (list); i++)
    g_ptr_array_add (rows, g_object_ref (nth_row (list, i)));

  return rows;
}

/* Rows are kept while their items show the same: a claim saved elsewhere
 * or an item moved does not make the brief's rows anew (500 of them took
 * 5 s), and a row being typed in keeps its text. */
static void
test_rows_kept (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(DossierBrief) memo = NULL;
  DossierApplication *app;
  DossierWindow *window;
  DossierDatabase *db;
  DossierBriefsView *view;
  GtkListBox *item_list;
  gint64 levee, aquifer, racing = 0, budget = 0, note = 0;

  UI_TEST_REQUIRE_DISPLAY ();

  dir = test_make_dir ();
  db_path = g_build_filename (dir, "kept.db", NULL);
  {
    g_autoptr(DossierDatabase) setup = dossier_database_open (db_path, &error);
    g_autoptr(DossierClaim) c1 = NULL, c2 = NULL, c3 = NULL;
    g_autoptr(DossierBriefItem) i1 = NULL, i2 = NULL, i3 = NULL, i4 = NULL, i5 = NULL;
    gint64 id;

    g_assert_no_error (error);
    levee = test_import_text (setup, dir, "levee.md", levee_text);
    aquifer = test_import_text (setup, dir, "aquifer.md", aquifer_text);
    c1 = dossier_claims_create_from_quote (setup, levee, "“We are *racing* the calendar,”", 1, NULL, "Helena Fuentes", NULL, &error);
    c2 = dossier_claims_create_from_quote (setup, levee, "The county board voted to double the levee budget next year.", 1,
                                           NULL, NULL, NULL, &error);
    c3 = dossier_claims_create_from_quote (setup, aquifer, "The state froze new well permits", 1, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    memo = dossier_briefs_create (setup, "Q3 memo", NULL, &error);
    id = dossier_brief_get_id (memo);
    i1 = dossier_briefs_add_heading (setup, id, "Levees", &error);
    i2 = dossier_briefs_add_claim (setup, id, dossier_claim_get_id (c1), NULL, NULL, &error);
    i3 = dossier_briefs_add_claim (setup, id, dossier_claim_get_id (c2), "Doubling is new.", NULL, &error);
    i4 = dossier_briefs_add_text (setup, id, "A closing note.", NULL, &error);
    i5 = dossier_briefs_add_claim (setup, id, dossier_claim_get_id (c3), NULL, NULL, &error);
    g_assert_no_error (error);
    racing = dossier_claim_get_id (c1);
    budget = dossier_brief_item_get_id (i3);
    note = dossier_brief_item_get_id (i4);
    (void) i5;
  }

  window = ui_test_open_window (&app, db_path);
  db = dossier_window_get_database (window);
  view = ui_test_child (window, DOSSIER_TYPE_WINDOW, "briefs_view");
  item_list = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "item_list");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-briefs", NULL));
  ui_test_iterate (100);
  before = rows_of (item_list);
  g_assert_cmpuint (before->len, ==, 5);

  /* A claim saved in another document: the same rows. */
  {
    g_autoptr(DossierClaim) other = dossier_claims_create_from_quote (db, aquifer, "Nobody drills", 1, NULL, NULL,
                                                                      NULL, &error);

    g_assert_no_error (error);
  }
  ui_test_iterate (50);
  after = rows_of (item_list);
  g_assert_cmpuint (after->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_true (after->pdata[i] == before->pdata[i]);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* The closing note moved to the top: the same rows, in the new order. */
  g_assert_true (dossier_briefs_move_item (db, note, 0, &error));
  ui_test_iterate (50);
  after = rows_of (item_list);
  g_assert_cmpuint (after->len, ==, 5);
  g_assert_true (after->pdata[0] == before->pdata[3]);
  g_assert_true (after->pdata[1] == before->pdata[0]);
  g_assert_true (after->pdata[2] == before->pdata[1]);
  g_assert_true (after->pdata[3] == before->pdata[2]);
  g_assert_true (after->pdata[4] == before->pdata[4]);
  g_assert_cmpint (row_id_of (after->pdata[0]), ==, note);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* A cited claim's speaker changed: its row alone is made anew, with the
   * new attribution. */
  {
    g_autoptr(DossierClaim) edited = dossier_claims_edit (db, racing, NULL, NULL, "Helena Fuentes Ríos", NULL, &error);

    g_assert_no_error (error);
  }
  ui_test_iterate (50);
  after = rows_of (item_list);
  g_assert_cmpuint (after->len, ==, 5);
  g_assert_true (after->pdata[0] == before->pdata[3]);
  g_assert_true (after->pdata[1] == before->pdata[0]);
  g_assert_true (after->pdata[2] != before->pdata[1]);
  g_assert_true (after->pdata[3] == before->pdata[2]);
  g_assert_true (after->pdata[4] == before->pdata[4]);
  g_assert_nonnull (find_label_text (after->pdata[2], "Helena Fuentes Ríos"));
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Commentary typed into a row is saved, and the row stays. */
  {
    GtkWidget *row = before->pdata[2];
    GtkTextView *commentary = g_object_get_data (G_OBJECT (row), "dossier-brief-item-editable");
    g_autoptr(GPtrArray) items = NULL;

    g_assert_cmpint (row_id_of (row), ==, budget);
    set_text_view (commentary, "Doubling is new, and not yet funded.");
    ui_test_iterate (50);
    items = dossier_briefs_get_items (db, dossier_brief_get_id (memo), &error);
    g_assert_cmpstr (dossier_brief_item_get_text (items->pdata[3]), ==, "Doubling is new, and not yet funded.");
    after = rows_of (item_list);
    g_assert_true (after->pdata[3] == row);
    g_clear_pointer (&after, g_ptr_array_unref);
  }

  /* Claims edited while the Corpus view shows: the hidden rows are brought
   * up to date when the Briefs view shows again, not at each edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-corpus", NULL));
  ui_test_iterate (100);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  {
    g_autoptr(DossierClaim) edited = dossier_claims_edit (db, racing, NULL, NULL, "Helena F. Ríos", NULL, &error);

    g_assert_no_error (error);
  }
  ui_test_iterate (50);
  g_clear_pointer (&before, g_ptr_array_unref);
  before = rows_of (item_list);
  g_assert_null (find_label_text (before->pdata[2], "Helena F. Ríos"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-briefs", NULL));
  ui_test_iterate (100);
  after = rows_of (item_list);
  g_assert_nonnull (find_label_text (after->pdata[2], "Helena F. Ríos"));
  g_assert_true (after->pdata[0] == before->pdata[0]);
  g_assert_true (after->pdata[2] != before->pdata[2]);

  ui_test_close_window (app, window);
}

typedef struct
{
  GtkListBox *list;
  guint       n;
} RowsWait;

static gboolean
rows_complete (gpointer data)
{
  RowsWait *wait = data;

  return count_rows (wait->list) == wait->n;
}

/* A long brief shows its first rows at once and the rest soon after, in
 * the order of its items, whatever changes meanwhile. */
static void
test_long_brief (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(DossierBrief) memo = NULL;
  DossierApplication *app;
  DossierWindow *window;
  DossierDatabase *db;
  DossierBriefsView *view;
  GtkListBox *item_list;
  RowsWait wait;
  guint first;

  UI_TEST_REQUIRE_DISPLAY ();

  dir = test_make_dir ();
  db_path = g_build_filename (dir, "long.db", NULL);
  {
    g_autoptr(DossierDatabase) setup = dossier_database_open (db_path, &error);
    gint64 levee;

    g_assert_no_error (error);
    levee = test_import_text (setup, dir, "levee.md", levee_text);
    memo = dossier_briefs_create (setup, "Long memo", NULL, &error);
    for (guint i = 0; i < 60; i++)
      {
        g_autoptr(DossierBriefItem) item = NULL;

        if (i % 3 == 0)
          {
            g_autoptr(DossierClaim) claim = dossier_claims_create_from_quote (setup, levee, "Engineers said", 1, NULL,
                                                                              NULL, NULL, &error);

            item = dossier_briefs_add_claim (setup, dossier_brief_get_id (memo), dossier_claim_get_id (claim),
                                             NULL, NULL, &error);
          }
        else
          {
            g_autofree char *text = g_strdup_printf ("Paragraph %u of the memo.", i);

            item = dossier_briefs_add_text (setup, dossier_brief_get_id (memo), text, NULL, &error);
          }
        g_assert_no_error (error);
      }
  }

  window = ui_test_open_window (&app, db_path);
  db = dossier_window_get_database (window);
  view = ui_test_child (window, DOSSIER_TYPE_WINDOW, "briefs_view");
  item_list = ui_test_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "item_list");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-briefs", NULL));
  first = count_rows (item_list);
  g_test_message ("%u of 60 rows at once", first);
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <, 60);

  /* An item moved while the rows are still coming. */
  items = dossier_briefs_get_items (db, dossier_brief_get_id (memo), &error);
  g_assert_true (dossier_briefs_move_item (db, dossier_brief_item_get_id (items->pdata[59]), 0, &error));
  g_clear_pointer (&items, g_ptr_array_unref);

  wait = (RowsWait) { item_list, 60 };
  g_assert_true (ui_test_wait_until (rows_complete, &wait, 20000));
  items = dossier_briefs_get_items (db, dossier_brief_get_id (memo), &error);
  for (guint i = 0; i < 60; i++)
    g_assert_cmpint (row_id_of (nth_row (item_list, i)), ==, dossier_brief_item_get_id (items->pdata[i]));

  ui_test_close_window (app, window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/briefs-view/compose-and-export", test_compose_and_export);
  g_test_add_func ("/briefs-view/add-to-brief", test_add_to_brief);
  g_test_add_func ("/briefs-view/loaded-when-shown", test_loaded_when_shown);
  g_test_add_func ("/briefs-view/rows-kept", test_rows_kept);
  g_test_add_func ("/briefs-view/long-brief", test_long_brief);

  return g_test_run ();
}
