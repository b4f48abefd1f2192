/* test-themes-sources.c — the Themes and Sources windows and the Keyboard
 * Shortcuts window, on a real database, under Xvfb
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dossier-color-swatch.h"
#include "dossier-name-editor.h"
#include "dossier-source-row.h"
#include "dossier-sources-window.h"
#include "dossier-theme-row.h"
#include "dossier-themes-window.h"
#include "ui-test-utils.h"

#define BODY \
  "Border talks resume\n\n" \
  "The president said the country will not accept foreign troops on its soil. " \
  "Officials said joint patrols would double by spring. " \
  "The envoy said tariffs on steel would stay until the talks end. " \
  "Shelters in the north reported twice as many arrivals as last year.\n"

typedef struct
{
  char               *dir;
  DossierApplication *app;
  DossierWindow      *window;
  DossierDatabase    *db;
  gint64              document;
  gint64              claims[4];
} Fixture;

static gint64
add_claim (Fixture            *fixture,
           const char         *quote,
           const char * const *themes,
           const char         *speaker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) claim = NULL;

  claim = dossier_claims_create_from_quote (fixture->db, fixture->document, quote, 1,
                                            themes, speaker, NULL, &error);
  g_assert_no_error (error);

  return dossier_claim_get_id (claim);
}

/* A window on a database with one document from "Hemisphere Review" and
 * four claims:
 *   0: Sovereignty, Security — Sheinbaum
 *   1: Security              — Claudia Sheinbaum
 *   2: Tariffs               — Marco Rubio
 *   3: Migration             — (no speaker) */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db_path = NULL;
  const char *sovereignty_security[] = { "Sovereignty", "Security", NULL };
  const char *security[] = { "Security", NULL };
  const char *tariffs[] = { "Tariffs", NULL };
  const char *migration[] = { "Migration", NULL };

  if (!ui_test_have_display)
    return;

  fixture->dir = test_make_dir ();
  db_path = g_build_filename (fixture->dir, "ui.db", NULL);
  fixture->window = ui_test_open_window (&fixture->app, db_path);
  fixture->db = dossier_window_get_database (fixture->window);

  if (data != NULL)
    return;

  fixture->document = test_import_text (fixture->db, fixture->dir, "talks.md",
                                        "---\ntitle: Border talks resume\noutlet: Hemisphere Review\n"
                                        "date: 2025-06-10\n---\n\n" BODY);
  fixture->claims[0] = add_claim (fixture, "will not accept foreign troops", sovereignty_security, "Sheinbaum");
  fixture->claims[1] = add_claim (fixture, "joint patrols would double", security, "Claudia Sheinbaum");
  fixture->claims[2] = add_claim (fixture, "tariffs on steel would stay", tariffs, "Marco Rubio");
  fixture->claims[3] = add_claim (fixture, "twice as many arrivals", migration, NULL);
  ui_test_iterate (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    ui_test_close_window (fixture->app, fixture->window);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Helpers */

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          g_assert_null (found);
          found = window;
        }
    }

  return found;
}

static guint
count_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        count++;
    }

  return count;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  AdwMessageDialog *dialog;

  ui_test_iterate (50);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);

  return dialog;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  /* What a click on the response's button does: the response, then the
   * dialog closes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate (100);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* Picks the item named @name in the drop-down a merge dialog shows. */
static void
choose_merge_target (AdwMessageDialog *dialog,
                     const char       *name)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_name = NULL;

      g_object_get (item, "name", &item_name, NULL);
      if (g_strcmp0 (item_name, name) == 0)
        {
          gtk_drop_down_set_selected (drop_down, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The rows of @list_box that show, in order. */
static GPtrArray *
visible_rows (GtkListBox *list_box)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      g_ptr_array_add (rows, child);

  return rows;
}

static DossierThemeRow *
theme_row (GtkListBox *list_box,
           const char *name)
{
  g_autoptr(GPtrArray) rows = visible_rows (list_box);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (dossier_theme_get_name (dossier_theme_row_get_theme (rows->pdata[i])), name) == 0)
      return rows->pdata[i];

  return NULL;
}

static void
collect_source_rows (GtkWidget *widget,
                     GPtrArray *rows)
{
  if (DOSSIER_IS_SOURCE_ROW (widget))
    {
      if (dossier_source_row_get_source (DOSSIER_SOURCE_ROW (widget)) != NULL && gtk_widget_get_mapped (widget))
        g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_source_rows (child, rows);
}

/* The rows the Sources window's list view shows, in order. */
static GPtrArray *
source_rows (GtkListView *list_view)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_source_rows (GTK_WIDGET (list_view), rows);

  return rows;
}

static DossierSourceRow *
source_row (GtkListView *list_view,
            const char  *name)
{
  g_autoptr(GPtrArray) rows = source_rows (list_view);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (dossier_source_get_name (dossier_source_row_get_source (rows->pdata[i])), name) == 0)
      return rows->pdata[i];

  return NULL;
}

/* A row's name, caption and name entry are in its DossierNameEditor. */
static gpointer
editor_child (gpointer    row,
              GType       type,
              const char *name)
{
  return ui_test_child (ui_test_child (row, type, "name_editor"), DOSSIER_TYPE_NAME_EDITOR, name);
}

static const char *
row_label (gpointer    row,
           GType       type,
           const char *name)
{
  if (type == DOSSIER_TYPE_THEME_ROW || type == DOSSIER_TYPE_SOURCE_ROW)
    return gtk_label_get_label (editor_child (row, type, name));

  return gtk_label_get_label (ui_test_child (row, type, name));
}

static const char *
row_text (gpointer row)
{
  return row_label (row, DOSSIER_TYPE_THEME_ROW, "name_label");
}

static gint64
theme_id (DossierDatabase *db,
          const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTheme) theme = dossier_themes_find (db, name, &error);

  if (theme == NULL)
    {
      g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
      return 0;
    }

  return dossier_theme_get_id (theme);
}

static char *
claim_themes (DossierDatabase *db,
              gint64           id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) claim = dossier_claims_get (db, id, &error);

  g_assert_no_error (error);

  return g_strjoinv (", ", (char **)dossier_claim_get_themes (claim));
}

/* Renders @window as it shows into G_TEST_BUILDDIR/@name, to look at. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = g_build_filename (builddir != NULL ? builddir : g_get_tmp_dir (), name, NULL);

  ui_test_iterate (300);
  ui_test_save_screenshot (window, path);
}

static DossierThemesWindow *
open_themes (Fixture *fixture)
{
  DossierThemesWindow *themes;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-themes", NULL));
  ui_test_iterate (200);
  themes = find_toplevel (DOSSIER_TYPE_THEMES_WINDOW);
  g_assert_nonnull (themes);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (themes)) == GTK_WINDOW (fixture->window));
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (themes)));

  return themes;
}

static DossierSourcesWindow *
open_sources (Fixture *fixture)
{
  DossierSourcesWindow *sources;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sources", NULL));
  ui_test_iterate (200);
  sources = find_toplevel (DOSSIER_TYPE_SOURCES_WINDOW);
  g_assert_nonnull (sources);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (sources)) == GTK_WINDOW (fixture->window));

  return sources;
}

/* Themes */

static gboolean
migration_counts_two (gpointer list_box)
{
  return g_strcmp0 (row_label (theme_row (list_box, "Migration"), DOSSIER_TYPE_THEME_ROW, "caption_label"),
                    "2 claims") == 0;
}

static void
test_themes_list (Fixture       *fixture,
                  gconstpointer  data)
{
  DossierThemesWindow *themes;
  GtkListBox *list_box;
  g_autoptr(GPtrArray) rows = NULL;
  const char *names[] = { "Migration", "Security", "Sovereignty", "Tariffs" };
  const char *counts[] = { "1 claim", "2 claims", "1 claim", "1 claim" };

  UI_TEST_REQUIRE_DISPLAY ();

  themes = open_themes (fixture);
  list_box = ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "list_box");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "stack")),
                   ==, "list");

  rows = visible_rows (list_box);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_cmpstr (row_text (rows->pdata[i]), ==, names[i]);
      g_assert_cmpstr (row_label (rows->pdata[i], DOSSIER_TYPE_THEME_ROW, "caption_label"), ==, counts[i]);
    }

  /* The action presents the same window again rather than a second one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-themes", NULL));
  ui_test_iterate (50);
  g_assert_cmpuint (count_toplevels (DOSSIER_TYPE_THEMES_WINDOW), ==, 1);

  /* A claim tagged elsewhere shows in the counts. */
  {
    const char *migration[] = { "Migration", NULL };
    g_autoptr(DossierClaim) claim = dossier_claims_edit (fixture->db, fixture->claims[1], migration,
                                                         NULL, NULL, NULL, NULL);

    g_assert_nonnull (claim);
    /* The window reloads in an idle. */
    ui_test_wait_until (migration_counts_two, list_box, 5000);
    g_assert_cmpstr (row_label (theme_row (list_box, "Migration"), DOSSIER_TYPE_THEME_ROW, "caption_label"),
                     ==, "2 claims");
  }

  save_screenshot (GTK_WIDGET (themes), "themes-window.png");

  /* Escape closes it. */
  gtk_window_close (GTK_WINDOW (themes));
  ui_test_iterate (100);
  g_assert_cmpuint (count_toplevels (DOSSIER_TYPE_THEMES_WINDOW), ==, 0);
}

static void
test_themes_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  DossierThemesWindow *themes;
  g_autoptr(DossierTheme) theme = NULL;
  GtkListBox *list_box;
  GtkStack *stack;
  g_autoptr(GPtrArray) rows = NULL;

  UI_TEST_REQUIRE_DISPLAY ();

  themes = open_themes (fixture);
  stack = ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  save_screenshot (GTK_WIDGET (themes), "themes-window-empty.png");

  /* New Theme: the popover's entry and Create button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (themes), "themes.new", NULL));
  ui_test_iterate (100);
  gtk_editable_set_text (ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "new_entry"), "  Water Rights ");
  g_signal_emit_by_name (ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "create_button"), "clicked");
  ui_test_iterate (100);

  theme = dossier_themes_find (fixture->db, "Water Rights", NULL);
  g_assert_nonnull (theme);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  list_box = ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "list_box");
  rows = visible_rows (list_box);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_label (rows->pdata[0], DOSSIER_TYPE_THEME_ROW, "caption_label"), ==, "No claims");

  /* A name that exists is refused with a message, not quietly reused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (themes), "themes.new", NULL));
  ui_test_iterate (100);
  gtk_editable_set_text (ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "new_entry"), "water rights");
  g_signal_emit_by_name (ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "create_button"), "clicked");
  ui_test_iterate (50);
  g_assert_true (gtk_widget_get_visible (ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "new_error_label")));
  g_assert_nonnull (strstr (row_label (themes, DOSSIER_TYPE_THEMES_WINDOW, "new_error_label"), "Water Rights"));
  save_screenshot (GTK_WIDGET (themes), "themes-window-new.png");
  save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "new_button"))),
                   "themes-new-popover.png");
}

static void
test_themes_rename (Fixture       *fixture,
                    gconstpointer  data)
{
  DossierThemesWindow *themes;
  GtkListBox *list_box;
  DossierThemeRow *row;
  GtkEditable *entry;
  AdwMessageDialog *dialog;
  gint64 tariffs;
  g_autoptr(GPtrArray) rows = NULL;

  UI_TEST_REQUIRE_DISPLAY ();

  themes = open_themes (fixture);
  list_box = ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "list_box");
  tariffs = theme_id (fixture->db, "Tariffs");

  /* F2's action, then type and press Enter in the row's entry. */
  row = theme_row (list_box, "Tariffs");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.rename", NULL));
  g_assert_true (dossier_theme_row_is_renaming (row));
  entry = editor_child (row, DOSSIER_TYPE_THEME_ROW, "entry");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Tariffs");
  gtk_editable_set_text (entry, "Trade");
  g_signal_emit_by_name (entry, "activate");
  ui_test_iterate (100);

  g_assert_false (dossier_theme_row_is_renaming (row));
  g_assert_cmpint (theme_id (fixture->db, "Trade"), ==, tariffs);
  g_assert_cmpint (theme_id (fixture->db, "Tariffs"), ==, 0);
  g_assert_cmpstr (row_text (row), ==, "Trade");
  /* The same row, now last in name order. */
  rows = visible_rows (list_box);
  g_assert_true (rows->pdata[rows->len - 1] == (gpointer)row);

  /* Escape (cancel) leaves the name alone. */
  dossier_theme_row_start_rename (row);
  gtk_editable_set_text (entry, "Commerce");
  save_screenshot (GTK_WIDGET (themes), "themes-window-rename.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.cancel-rename", NULL));
  ui_test_iterate (50);
  g_assert_cmpint (theme_id (fixture->db, "Commerce"), ==, 0);
  g_assert_cmpstr (row_text (row), ==, "Trade");

  /* A name another theme has: the core's message, and Merge offered. */
  dossier_theme_row_start_rename (row);
  gtk_editable_set_text (entry, "security");
  g_signal_emit_by_name (entry, "activate");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Merge “Trade” into “Security”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already exists"));
  g_assert_true (adw_message_dialog_has_response (dialog, "merge"));
  save_screenshot (GTK_WIDGET (dialog), "themes-rename-clash.png");
  respond (dialog, "cancel");
  g_assert_cmpint (theme_id (fixture->db, "Trade"), ==, tariffs);
  g_assert_cmpstr (row_text (row), ==, "Trade");

  /* An empty name is refused and the old one stays. */
  dossier_theme_row_start_rename (row);
  gtk_editable_set_text (entry, "   ");
  g_signal_emit_by_name (entry, "activate");
  ui_test_iterate (100);
  g_assert_cmpint (theme_id (fixture->db, "Trade"), ==, tariffs);
  g_assert_cmpstr (row_text (row), ==, "Trade");

  /* The clash again, this time merging. */
  dossier_theme_row_start_rename (row);
  gtk_editable_set_text (entry, "Security");
  g_signal_emit_by_name (entry, "activate");
  dialog = wait_for_dialog ();
  respond (dialog, "merge");
  g_assert_cmpint (theme_id (fixture->db, "Trade"), ==, 0);
  {
    g_autofree char *themes_of_2 = claim_themes (fixture->db, fixture->claims[2]);
    g_assert_cmpstr (themes_of_2, ==, "Security");
  }
  g_assert_null (theme_row (list_box, "Trade"));
}

static void
test_themes_color (Fixture       *fixture,
                   gconstpointer  data)
{
  DossierThemesWindow *themes;
  GtkListBox *list_box;
  DossierThemeRow *row;
  GtkWidget *grid;
  DossierColorSwatch *swatch;
  g_autoptr(DossierTheme) theme = NULL;
  gboolean clicked = FALSE;

  UI_TEST_REQUIRE_DISPLAY ();

  themes = open_themes (fixture);
  list_box = ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "list_box");
  row = theme_row (list_box, "Security");
  swatch = ui_test_child (row, DOSSIER_TYPE_THEME_ROW, "swatch");

  /* What the palette's buttons do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.set-color", "s", "#DC8ADD"));
  ui_test_iterate (100);
  theme = dossier_themes_find (fixture->db, "Security", NULL);
  g_assert_cmpstr (dossier_theme_get_color (theme), ==, "#dc8add");
  g_assert_cmpstr (dossier_color_swatch_get_color (swatch), ==, "#dc8add");

  /* A palette button itself, clicked. */
  gtk_menu_button_popup (ui_test_child (row, DOSSIER_TYPE_THEME_ROW, "color_button"));
  ui_test_iterate (300);
  grid = find_descendant (GTK_WIDGET (gtk_menu_button_get_popover (ui_test_child (row, DOSSIER_TYPE_THEME_ROW,
                                                                                   "color_button"))),
                          GTK_TYPE_GRID);
  g_assert_nonnull (grid);
  save_screenshot (GTK_WIDGET (gtk_widget_get_native (grid)), "themes-palette-popover.png");
  for (GtkWidget *button = gtk_widget_get_first_child (grid); button != NULL; button = gtk_widget_get_next_sibling (button))
    {
      DossierColorSwatch *dot = DOSSIER_COLOR_SWATCH (gtk_button_get_child (GTK_BUTTON (button)));

      if (g_strcmp0 (dossier_color_swatch_get_color (dot), "#dc8add") == 0)
        g_assert_true (dossier_color_swatch_get_selected (dot));
      else
        g_assert_false (dossier_color_swatch_get_selected (dot));

      if (!clicked && g_strcmp0 (dossier_color_swatch_get_color (dot), "#8ff0a4") == 0)
        {
          g_signal_emit_by_name (button, "clicked");
          clicked = TRUE;
        }
    }
  g_assert_true (clicked);
  ui_test_iterate (100);
  g_clear_object (&theme);
  theme = dossier_themes_find (fixture->db, "Security", NULL);
  g_assert_cmpstr (dossier_theme_get_color (theme), ==, "#8ff0a4");
  g_assert_cmpstr (dossier_color_swatch_get_color (swatch), ==, "#8ff0a4");

  /* Custom…: GTK's colour chooser, answered with OK. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.choose-color", NULL));
  ui_test_iterate (300);
  {
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    GtkColorChooserDialog *chooser = find_toplevel (GTK_TYPE_COLOR_CHOOSER_DIALOG);
    GdkRGBA rgba = { 0.2, 0.4, 0.6, 1.0 };

    g_assert_nonnull (chooser);
    save_screenshot (GTK_WIDGET (chooser), "themes-color-chooser.png");
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (chooser), &rgba);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_OK);
    G_GNUC_END_IGNORE_DEPRECATIONS
  }
  ui_test_iterate (100);
  g_assert_null (find_toplevel (GTK_TYPE_COLOR_CHOOSER_DIALOG));
  g_clear_object (&theme);
  theme = dossier_themes_find (fixture->db, "Security", NULL);
  g_assert_cmpstr (dossier_theme_get_color (theme), ==, "#336699");

  /* A bad colour is refused and nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (themes), "themes.set-color", "(xs)",
                                             dossier_theme_get_id (theme), "blue"));
  ui_test_iterate (50);
  g_clear_object (&theme);
  theme = dossier_themes_find (fixture->db, "Security", NULL);
  g_assert_cmpstr (dossier_theme_get_color (theme), ==, "#336699");
}

static void
test_themes_merge_delete (Fixture       *fixture,
                          gconstpointer  data)
{
  DossierThemesWindow *themes;
  GtkListBox *list_box;
  AdwMessageDialog *dialog;
  gint64 tariffs;
  g_autoptr(GPtrArray) claims = NULL;
  DossierClaimFilter filter = { .theme = "Tariffs" };
  g_autoptr(GPtrArray) rows = NULL;

  UI_TEST_REQUIRE_DISPLAY ();

  themes = open_themes (fixture);
  list_box = ui_test_child (themes, DOSSIER_TYPE_THEMES_WINDOW, "list_box");
  tariffs = theme_id (fixture->db, "Tariffs");

  /* Merge Into… on Sovereignty: choose Tariffs, confirm. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (theme_row (list_box, "Sovereignty")), "row.merge", NULL));
  dialog = wait_for_dialog ();
  choose_merge_target (dialog, "Tariffs");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Merge “Sovereignty” into “Tariffs”?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "Its 1 claim will be tagged “Tariffs”.");
  save_screenshot (GTK_WIDGET (dialog), "themes-merge-dialog.png");

  /* Cancel first: nothing happens. */
  respond (dialog, "cancel");
  g_assert_cmpint (theme_id (fixture->db, "Sovereignty"), !=, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (theme_row (list_box, "Sovereignty")), "row.merge", NULL));
  dialog = wait_for_dialog ();
  choose_merge_target (dialog, "Tariffs");
  respond (dialog, "merge");

  /* One theme holds both claims. */
  g_assert_cmpint (theme_id (fixture->db, "Sovereignty"), ==, 0);
  g_assert_cmpint (theme_id (fixture->db, "Tariffs"), ==, tariffs);
  claims = dossier_claims_list (fixture->db, &filter, NULL);
  g_assert_cmpuint (claims->len, ==, 2);
  {
    g_autofree char *themes_of_0 = claim_themes (fixture->db, fixture->claims[0]);
    g_assert_cmpstr (themes_of_0, ==, "Tariffs, Security");
  }
  g_assert_null (theme_row (list_box, "Sovereignty"));
  g_assert_cmpstr (row_label (theme_row (list_box, "Tariffs"), DOSSIER_TYPE_THEME_ROW, "caption_label"), ==, "2 claims");
  /* The keyboard lands on the theme merged into. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (themes)) == GTK_WIDGET (theme_row (list_box, "Tariffs")));

  /* Delete… Tariffs (the Delete key, on the focused row), confirmed:
   * claim 0 keeps Security. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (themes), "themes.delete-focused", NULL));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Tariffs”?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  save_screenshot (GTK_WIDGET (dialog), "themes-delete-dialog.png");
  respond (dialog, "delete");

  g_assert_cmpint (theme_id (fixture->db, "Tariffs"), ==, 0);
  {
    g_autofree char *themes_of_0 = claim_themes (fixture->db, fixture->claims[0]);
    g_autofree char *themes_of_2 = claim_themes (fixture->db, fixture->claims[2]);
    g_autoptr(DossierClaim) claim = dossier_claims_get (fixture->db, fixture->claims[2], NULL);

    g_assert_cmpstr (themes_of_0, ==, "Security");
    g_assert_cmpstr (themes_of_2, ==, "");
    g_assert_nonnull (claim);
  }

  rows = visible_rows (list_box);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row_text (rows->pdata[0]), ==, "Migration");
  g_assert_cmpstr (row_text (rows->pdata[1]), ==, "Security");
  /* Tariffs was last: the keyboard moves to the row before it. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (themes)) == rows->pdata[1]);
}

/* Sources */

static gboolean
renamed_row_shown (gpointer list_view)
{
  return source_row (list_view, "Claudia Sheinbaum Pardo") != NULL;
}

static void
test_sources (Fixture       *fixture,
              gconstpointer  data)
{
  DossierSourcesWindow *sources;
  GtkListView *list_view;
  GtkStack *stack;
  DossierSourceRow *row;
  AdwMessageDialog *dialog;
  g_autoptr(DossierSource) rubio = NULL;
  g_autoptr(DossierSource) claudia = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  DossierClaimFilter filter = { .speaker = "Claudia Sheinbaum" };
  GtkEditable *search;

  UI_TEST_REQUIRE_DISPLAY ();

  sources = open_sources (fixture);
  list_view = ui_test_child (sources, DOSSIER_TYPE_SOURCES_WINDOW, "list_view");
  stack = ui_test_child (sources, DOSSIER_TYPE_SOURCES_WINDOW, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  rows = source_rows (list_view);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (row_label (source_row (list_view, "Hemisphere Review"), DOSSIER_TYPE_SOURCE_ROW, "caption_label"),
                   ==, "1 document · 4 claims");
  g_assert_cmpstr (row_label (source_row (list_view, "Sheinbaum"), DOSSIER_TYPE_SOURCE_ROW, "caption_label"),
                   ==, "1 claim");
  gtk_drop_down_set_selected (ui_test_child (source_row (list_view, "Hemisphere Review"), DOSSIER_TYPE_SOURCE_ROW,
                                             "kind_drop_down"), 2);
  save_screenshot (GTK_WIDGET (sources), "sources-window.png");

  /* The kind, through the row's drop-down (Person, Outlet, Organization,
   * Government, Other). */
  row = source_row (list_view, "Marco Rubio");
  gtk_drop_down_set_selected (ui_test_child (row, DOSSIER_TYPE_SOURCE_ROW, "kind_drop_down"), 3);
  ui_test_iterate (100);
  rubio = dossier_sources_find (fixture->db, "Marco Rubio", NULL);
  g_assert_cmpint (dossier_source_get_kind (rubio), ==, DOSSIER_SOURCE_KIND_GOVERNMENT);
  g_assert_cmpuint (gtk_drop_down_get_selected (ui_test_child (row, DOSSIER_TYPE_SOURCE_ROW, "kind_drop_down")), ==, 3);

  /* Search by the start of any word, ignoring case. */
  search = ui_test_child (sources, DOSSIER_TYPE_SOURCES_WINDOW, "search_entry");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sources), "sources.find", NULL));
  gtk_editable_set_text (search, "sheinb");
  ui_test_iterate (400);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = source_rows (list_view);
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_editable_set_text (search, "nobody");
  ui_test_iterate (400);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");
  gtk_editable_set_text (search, "");
  ui_test_iterate (400);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* Merge Into…: "Sheinbaum" into "Claudia Sheinbaum" moves the claim. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (source_row (list_view, "Sheinbaum")), "row.merge", NULL));
  dialog = wait_for_dialog ();
  choose_merge_target (dialog, "Claudia Sheinbaum");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Merge “Sheinbaum” into “Claudia Sheinbaum”?");
  save_screenshot (GTK_WIDGET (dialog), "sources-merge-dialog.png");
  respond (dialog, "merge");

  g_assert_null (dossier_sources_find (fixture->db, "Sheinbaum", NULL));
  claims = dossier_claims_list (fixture->db, &filter, NULL);
  g_assert_cmpuint (claims->len, ==, 2);
  claudia = dossier_sources_find (fixture->db, "Claudia Sheinbaum", NULL);
  g_assert_cmpuint (dossier_source_get_claim_count (claudia), ==, 2);
  g_assert_null (source_row (list_view, "Sheinbaum"));
  g_assert_cmpstr (row_label (source_row (list_view, "Claudia Sheinbaum"), DOSSIER_TYPE_SOURCE_ROW, "caption_label"),
                   ==, "2 claims");

  /* The keyboard lands on the source merged into; F2 renames it there. */
  row = source_row (list_view, "Claudia Sheinbaum");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (sources)) == gtk_widget_get_parent (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sources), "sources.rename-focused", NULL));
  g_assert_true (dossier_source_row_is_renaming (row));
  gtk_editable_set_text (editor_child (row, DOSSIER_TYPE_SOURCE_ROW, "entry"), "Claudia Sheinbaum P");

  /* A change made elsewhere meanwhile leaves the name being typed alone. */
  g_assert_true (dossier_sources_set_kind (fixture->db, dossier_source_get_id (rubio), DOSSIER_SOURCE_KIND_OTHER, NULL));
  ui_test_iterate (400);
  g_assert_true (dossier_source_row_is_renaming (row));
  g_assert_cmpstr (gtk_editable_get_text (editor_child (row, DOSSIER_TYPE_SOURCE_ROW, "entry")), ==, "Claudia Sheinbaum P");
  gtk_editable_set_text (editor_child (row, DOSSIER_TYPE_SOURCE_ROW, "entry"), "Claudia Sheinbaum Pardo");
  g_signal_emit_by_name (editor_child (row, DOSSIER_TYPE_SOURCE_ROW, "entry"), "activate");
  /* The window retries a deferred reload every 250 ms: wait for it rather
   * than for a fixed time. */
  g_assert_true (ui_test_wait_until (renamed_row_shown, list_view, 5000));
  {
    g_autoptr(DossierClaim) claim = dossier_claims_get (fixture->db, fixture->claims[0], NULL);
    g_assert_cmpstr (dossier_claim_get_speaker (claim), ==, "Claudia Sheinbaum Pardo");
  }

  /* Delete… Marco Rubio, confirmed: his claim stays without a speaker. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (source_row (list_view, "Marco Rubio")), "row.delete", NULL));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Marco Rubio”?");
  respond (dialog, "delete");
  g_assert_null (dossier_sources_find (fixture->db, "Marco Rubio", NULL));
  {
    g_autoptr(DossierClaim) claim = dossier_claims_get (fixture->db, fixture->claims[2], NULL);

    g_assert_nonnull (claim);
    g_assert_cmpstr (dossier_claim_get_speaker (claim), ==, NULL);
  }
  g_assert_null (source_row (list_view, "Marco Rubio"));
}

/* Many sources: the list makes rows only for what shows, the search
 * shows from the start, and the keyboard follows a merge off screen. */
static void
test_sources_many (Fixture       *fixture,
                   gconstpointer  data)
{
  DossierSourcesWindow *sources;
  GtkListView *list_view;
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) rows = NULL;
  DossierSourceRow *row;

  UI_TEST_REQUIRE_DISPLAY ();

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Source %03u", i);
      g_autoptr(DossierSource) source = dossier_sources_ensure (fixture->db, name, DOSSIER_SOURCE_KIND_PERSON, NULL);

      g_assert_nonnull (source);
    }

  sources = open_sources (fixture);
  list_view = ui_test_child (sources, DOSSIER_TYPE_SOURCES_WINDOW, "list_view");
  g_assert_true (gtk_search_bar_get_search_mode (ui_test_child (sources, DOSSIER_TYPE_SOURCES_WINDOW, "search_bar")));
  rows = source_rows (list_view);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <, 100);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (source_row (list_view, "Source 000")), "row.merge", NULL));
  dialog = wait_for_dialog ();
  choose_merge_target (dialog, "Source 299");
  respond (dialog, "merge");
  ui_test_iterate (300);

  g_assert_null (dossier_sources_find (fixture->db, "Source 000", NULL));
  row = source_row (list_view, "Source 299");
  g_assert_nonnull (row);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (sources)) == gtk_widget_get_parent (GTK_WIDGET (row)));
  save_screenshot (GTK_WIDGET (sources), "sources-window-many.png");
}

static void
test_sources_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  DossierSourcesWindow *sources;

  UI_TEST_REQUIRE_DISPLAY ();

  sources = open_sources (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (ui_test_child (sources, DOSSIER_TYPE_SOURCES_WINDOW, "stack")),
                   ==, "empty");
  save_screenshot (GTK_WIDGET (sources), "sources-window-empty.png");
}

/* The Keyboard Shortcuts window */

static char *
normalize_accel (const char *accel)
{
  guint key;
  GdkModifierType mods;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));

  return gtk_accelerator_name (key, mods);
}

static void
collect_accels (GtkWidget  *widget,
                GHashTable *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) parts = NULL;

      g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
      g_assert_nonnull (accelerator);
      g_assert_nonnull (title);
      parts = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        g_hash_table_add (accels, normalize_accel (parts[i]));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_accels (child, accels);
}

static void
test_help_overlay (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = NULL;
  GtkWidget *overlay;

  UI_TEST_REQUIRE_DISPLAY ();

  builder = gtk_builder_new_from_resource ("/io/github/dossier/Dossier/gtk/help-overlay.ui");
  overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  collect_accels (overlay, shown);
  gtk_window_destroy (GTK_WINDOW (overlay));

  /* Every accelerator of the application's table is in the window. */
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (fixture->app));
  g_assert_cmpuint (g_strv_length (actions), >, 0);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          g_autofree char *accel = normalize_accel (accels[j]);

          if (!g_hash_table_contains (shown, accel))
            g_error ("%s (%s) is missing from ui/help-overlay.ui", accels[j], actions[i]);
        }
    }

  /* The Keyboard Shortcuts window opens from the main window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  ui_test_iterate (300);
  overlay = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (overlay);
  save_screenshot (overlay, "help-overlay.png");
  gtk_window_close (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/themes/list", Fixture, NULL, fixture_set_up, test_themes_list, fixture_tear_down);
  g_test_add ("/themes/empty-and-new", Fixture, "empty", fixture_set_up, test_themes_empty, fixture_tear_down);
  g_test_add ("/themes/rename", Fixture, NULL, fixture_set_up, test_themes_rename, fixture_tear_down);
  g_test_add ("/themes/color", Fixture, NULL, fixture_set_up, test_themes_color, fixture_tear_down);
  g_test_add ("/themes/merge-delete", Fixture, NULL, fixture_set_up, test_themes_merge_delete, fixture_tear_down);
  g_test_add ("/sources/edit", Fixture, NULL, fixture_set_up, test_sources, fixture_tear_down);
  g_test_add ("/sources/many", Fixture, "empty", fixture_set_up, test_sources_many, fixture_tear_down);
  g_test_add ("/sources/empty", Fixture, "empty", fixture_set_up, test_sources_empty, fixture_tear_down);
  g_test_add ("/help-overlay/in-sync", Fixture, "empty", fixture_set_up, test_help_overlay, fixture_tear_down);

  return g_test_run ();
}
