/* dossier-themes-window.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-themes-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-delete-dialog.h"
#include "dossier-merge-dialog.h"
#include "dossier-theme-row.h"
#include "dossier-themes-window.h"

struct _DossierThemesWindow
{
  AdwWindow         parent_instance;

  DossierDatabase  *database;
  GHashTable       *rows;           /* theme id (gint64 *) → DossierThemeRow (borrowed) */
  GListStore       *themes;         /* DossierTheme, as listed last */
  guint             reload_source;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkMenuButton    *new_button;
  GtkEntry         *new_entry;
  GtkButton        *create_button;
  GtkLabel         *new_error_label;
  GtkStack         *stack;
  GtkListBox       *list_box;
};

G_DEFINE_FINAL_TYPE (DossierThemesWindow, dossier_themes_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

DossierThemesWindow *
dossier_themes_window_new (GtkWindow       *parent,
                           DossierDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_DATABASE (database), NULL);

  return g_object_new (DOSSIER_TYPE_THEMES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "database", database,
                       NULL);
}

DossierDatabase *
dossier_themes_window_get_database (DossierThemesWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEMES_WINDOW (self), NULL);

  return self->database;
}

/* Toast titles are Pango markup: names and messages must not be. */
static void
show_toast (DossierThemesWindow *self,
            const char          *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static DossierThemeRow *
lookup_row (DossierThemesWindow *self,
            gint64               id)
{
  return g_hash_table_lookup (self->rows, &id);
}

static DossierTheme *
lookup_theme (DossierThemesWindow *self,
              gint64               id)
{
  DossierThemeRow *row = lookup_row (self, id);

  return row != NULL ? dossier_theme_row_get_theme (row) : NULL;
}

/* Listing */

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  guint pa = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), "position"));
  guint pb = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), "position"));

  return pa < pb ? -1 : pa > pb;
}

/* Brings the rows in line with the database, keeping the row widgets (and
 * so the keyboard focus and a name being typed) of themes that remain. */
static void
reload (DossierThemesWindow *self)
{
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->database == NULL)
    return;

  if (!(themes = dossier_themes_list (self->database, &error)))
    {
      show_toast (self, error->message);
      return;
    }

  seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < themes->len; i++)
    {
      DossierTheme *theme = g_ptr_array_index (themes, i);
      gint64 id = dossier_theme_get_id (theme);
      DossierThemeRow *row = lookup_row (self, id);

      if (row == NULL)
        {
          gint64 *key_id = g_new (gint64, 1);

          *key_id = id;
          row = DOSSIER_THEME_ROW (dossier_theme_row_new (theme));
          g_hash_table_insert (self->rows, key_id, row);
          gtk_list_box_append (self->list_box, GTK_WIDGET (row));
        }
      else
        dossier_theme_row_set_theme (row, theme);

      g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (i));
      gtk_widget_action_set_enabled (GTK_WIDGET (row), "row.merge", themes->len > 1);
      g_hash_table_add (seen, row);
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (seen, value))
        {
          gtk_list_box_remove (self->list_box, value);
          g_hash_table_iter_remove (&iter);
        }
    }

  gtk_list_box_invalidate_sort (self->list_box);

  g_list_store_splice (self->themes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->themes)),
                       themes->pdata, themes->len);

  gtk_stack_set_visible_child_name (self->stack, themes->len > 0 ? "list" : "empty");
}

static gboolean
reload_idle (gpointer user_data)
{
  DossierThemesWindow *self = user_data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

static void
on_database_changed (DossierThemesWindow *self,
                     guint                what,
                     gint64               document_id)
{
  /* Claim counts follow claims; coalesce a burst of changes. */
  if ((what & (DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_CLAIMS)) && self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle, self);
}

static void
on_row_activated (DossierThemesWindow *self,
                  GtkListBoxRow       *row)
{
  dossier_theme_row_start_rename (DOSSIER_THEME_ROW (row));
}

/* New theme */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DossierThemesWindow *self = DOSSIER_THEMES_WINDOW (widget);

  gtk_menu_button_popup (self->new_button);
}

static void
on_new_popover_show (DossierThemesWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->new_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->new_error_label), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_entry));
}

static void
on_new_entry_changed (DossierThemesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_entry))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), name[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->new_error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_entry), "error");
}

static void
show_new_error (DossierThemesWindow *self,
                const char          *message)
{
  gtk_label_set_label (self->new_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->new_error_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->new_entry), "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_entry));
}

static void
on_create_clicked (DossierThemesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_entry))));
  g_autoptr(DossierTheme) existing = NULL;
  g_autoptr(DossierTheme) theme = NULL;
  g_autoptr(GError) error = NULL;
  DossierThemeRow *row;

  if (name[0] == '\0')
    return;

  /* dossier_themes_ensure() would quietly return the theme that exists. */
  if ((existing = dossier_themes_find (self->database, name, NULL)))
    {
      g_autofree char *message = g_strdup_printf (_("A theme named “%s” already exists"),
                                                  dossier_theme_get_name (existing));

      show_new_error (self, message);
      return;
    }

  if (!(theme = dossier_themes_ensure (self->database, name, &error)))
    {
      show_new_error (self, error->message);
      return;
    }

  gtk_menu_button_popdown (self->new_button);

  reload (self);
  if ((row = lookup_row (self, dossier_theme_get_id (theme))))
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The row the keyboard goes to when the row of @id goes away: the next
 * one, else the previous one. */
static gint64
neighbour_id (DossierThemesWindow *self,
              gint64               id)
{
  DossierThemeRow *row = lookup_row (self, id);
  GtkListBoxRow *other;
  int index;

  if (row == NULL)
    return 0;

  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (!(other = gtk_list_box_get_row_at_index (self->list_box, index + 1)) && index > 0)
    other = gtk_list_box_get_row_at_index (self->list_box, index - 1);

  return other != NULL ? dossier_theme_row_get_id (DOSSIER_THEME_ROW (other)) : 0;
}

static void
focus_row (DossierThemesWindow *self,
           gint64               id)
{
  DossierThemeRow *row;

  /* Show the change now rather than on the next idle. */
  reload (self);
  if (id != 0 && (row = lookup_row (self, id)))
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Keys for the theme whose row has the focus */

static DossierThemeRow *
focused_row (DossierThemesWindow *self)
{
  for (GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (self)); widget != NULL; widget = gtk_widget_get_parent (widget))
    if (DOSSIER_IS_THEME_ROW (widget))
      return DOSSIER_THEME_ROW (widget);

  return NULL;
}

static void
menu_focused_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierThemeRow *row = focused_row (DOSSIER_THEMES_WINDOW (widget));

  if (row != NULL)
    dossier_theme_row_popup_menu (row);
}

static void
delete_focused_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierThemeRow *row = focused_row (DOSSIER_THEMES_WINDOW (widget));

  if (row != NULL && !dossier_theme_row_is_renaming (row))
    gtk_widget_activate_action (widget, "themes.delete", "x", dossier_theme_row_get_id (row));
}

/* Rename and colour */

static void merge_ask (DossierThemesWindow *self,
                       DossierTheme        *from,
                       DossierTheme        *into,
                       const char          *reason);

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierThemesWindow *self = DOSSIER_THEMES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *name;
  DossierThemeRow *row;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &name);

  if (dossier_themes_rename (self->database, id, name, &error))
    return;

  /* Put the name the database still has back in the row. */
  if ((row = lookup_row (self, id)))
    dossier_theme_row_set_theme (row, dossier_theme_row_get_theme (row));

  if (g_error_matches (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_EXISTS))
    {
      g_autoptr(DossierTheme) into = dossier_themes_find (self->database, name, NULL);
      DossierTheme *from = lookup_theme (self, id);

      if (from != NULL && into != NULL)
        {
          merge_ask (self, from, into, error->message);
          return;
        }
    }

  show_toast (self, error->message);
}

static void
set_color_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierThemesWindow *self = DOSSIER_THEMES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *color;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &color);

  if (!dossier_themes_set_color (self->database, id, color, &error))
    show_toast (self, error->message);
}

/* Merge */

static void
merge_update_text (DossierMergeDialog *dialog)
{
  DossierTheme *from = DOSSIER_THEME (dossier_merge_dialog_get_from (dialog));
  DossierTheme *into = DOSSIER_THEME (dossier_merge_dialog_get_into (dialog));
  const char *from_name = dossier_theme_get_name (from);
  guint count = dossier_theme_get_claim_count (from);
  g_autofree char *heading = NULL;
  g_autofree char *consequence = NULL;

  if (into == NULL)
    return;

  /* Translators: heading of the dialog that merges one theme into another */
  heading = g_strdup_printf (_("Merge “%s” into “%s”?"), from_name, dossier_theme_get_name (into));

  if (count == 0)
    /* Translators: the theme being merged has no claims */
    consequence = g_strdup_printf (_("It has no claims; only the theme “%s” is removed."), from_name);
  else
    consequence = g_strdup_printf (ngettext ("Its %u claim will be tagged “%s”.",
                                             "Its %u claims will be tagged “%s”.",
                                             count),
                                   count, dossier_theme_get_name (into));

  dossier_merge_dialog_set_text (dialog, heading, consequence);
}

static void
on_merge (DossierMergeDialog  *dialog,
          DossierTheme        *from,
          DossierTheme        *into,
          DossierThemesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from_name = g_strdup (dossier_theme_get_name (from));
  g_autofree char *into_name = g_strdup (dossier_theme_get_name (into));
  g_autofree char *message = NULL;

  if (!dossier_themes_merge (self->database, dossier_theme_get_id (from),
                             dossier_theme_get_id (into), &error))
    {
      show_toast (self, error->message);
      return;
    }

  focus_row (self, dossier_theme_get_id (into));

  /* Translators: a toast after merging two themes */
  message = g_strdup_printf (_("Merged “%s” into “%s”"), from_name, into_name);
  show_toast (self, message);
}

/* Asks whether to merge @from into @into, or into a theme the user picks
 * when @into is NULL; @reason (the failed rename's message) leads the text. */
static void
merge_ask (DossierThemesWindow *self,
           DossierTheme        *from,
           DossierTheme        *into,
           const char          *reason)
{
  DossierMergeDialog *dialog;

  if (into == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->themes)) < 2)
    {
      show_toast (self, _("There is no other theme to merge into"));
      return;
    }

  dialog = dossier_merge_dialog_new (GTK_WINDOW (self), G_OBJECT (from), G_OBJECT (into),
                                     G_LIST_MODEL (self->themes),
                                     gtk_property_expression_new (DOSSIER_TYPE_THEME, NULL, "name"),
                                     _("Theme to merge into"), reason);
  g_signal_connect (dialog, "notify::into", G_CALLBACK (merge_update_text), NULL);
  g_signal_connect_object (dialog, "merge", G_CALLBACK (on_merge), self, 0);
  merge_update_text (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DossierThemesWindow *self = DOSSIER_THEMES_WINDOW (widget);
  DossierTheme *from = lookup_theme (self, g_variant_get_int64 (parameter));

  if (from != NULL)
    merge_ask (self, from, NULL, NULL);
}

/* Delete */

static void
on_delete (DossierDeleteDialog *dialog,
           DossierTheme        *theme,
           DossierThemesWindow *self)
{
  gint64 neighbour;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  neighbour = neighbour_id (self, dossier_theme_get_id (theme));

  if (!dossier_themes_delete (self->database, dossier_theme_get_id (theme), &error))
    {
      show_toast (self, error->message);
      return;
    }

  focus_row (self, neighbour);

  /* Translators: a toast after deleting a theme */
  message = g_strdup_printf (_("Deleted “%s”"), dossier_theme_get_name (theme));
  show_toast (self, message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierThemesWindow *self = DOSSIER_THEMES_WINDOW (widget);
  DossierTheme *theme = lookup_theme (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  DossierDeleteDialog *dialog;
  guint count;

  if (theme == NULL)
    return;

  count = dossier_theme_get_claim_count (theme);
  /* Translators: heading of the dialog that deletes a theme */
  heading = g_strdup_printf (_("Delete “%s”?"), dossier_theme_get_name (theme));
  if (count == 0)
    body = g_strdup (_("No claims are tagged with it."));
  else
    body = g_strdup_printf (ngettext ("The theme is removed from %u claim. The claim itself stays, with its other themes.",
                                      "The theme is removed from %u claims. The claims themselves stay, with their other themes.",
                                      count),
                            count);

  dialog = dossier_delete_dialog_new (GTK_WINDOW (self), G_OBJECT (theme), heading, body);
  g_signal_connect_object (dialog, "delete", G_CALLBACK (on_delete), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
set_database (DossierThemesWindow *self,
              DossierDatabase     *database)
{
  g_assert (self->database == NULL);

  if (database == NULL)
    return;

  self->database = g_object_ref (database);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
dossier_themes_window_dispose (GObject *object)
{
  DossierThemesWindow *self = (DossierThemesWindow *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_THEMES_WINDOW);

  G_OBJECT_CLASS (dossier_themes_window_parent_class)->dispose (object);
}

static void
dossier_themes_window_finalize (GObject *object)
{
  DossierThemesWindow *self = (DossierThemesWindow *)object;

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->themes);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (dossier_themes_window_parent_class)->finalize (object);
}

static void
dossier_themes_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierThemesWindow *self = DOSSIER_THEMES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_themes_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierThemesWindow *self = DOSSIER_THEMES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_themes_window_class_init (DossierThemesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_themes_window_dispose;
  object_class->finalize = dossier_themes_window_finalize;
  object_class->get_property = dossier_themes_window_get_property;
  object_class->set_property = dossier_themes_window_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DOSSIER_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_THEME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-themes-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierThemesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierThemesWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, DossierThemesWindow, new_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierThemesWindow, create_button);
  gtk_widget_class_bind_template_child (widget_class, DossierThemesWindow, new_error_label);
  gtk_widget_class_bind_template_child (widget_class, DossierThemesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierThemesWindow, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_new_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_new_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);

  gtk_widget_class_install_action (widget_class, "themes.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "themes.rename", "(xs)", rename_action);
  gtk_widget_class_install_action (widget_class, "themes.set-color", "(xs)", set_color_action);
  gtk_widget_class_install_action (widget_class, "themes.merge", "x", merge_action);
  gtk_widget_class_install_action (widget_class, "themes.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "themes.menu-focused", NULL, menu_focused_action);
  gtk_widget_class_install_action (widget_class, "themes.delete-focused", NULL, delete_focused_action);

  /* Escape closes this helper window, as it does dialogs. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Keys for the theme whose row has the focus (F2, rename, is the
   * row's own): the Menu key or Shift+F10 open its menu, Delete asks to
   * delete it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "themes.menu-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "themes.menu-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "themes.delete-focused", NULL);
}

static void
dossier_themes_window_init (DossierThemesWindow *self)
{
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->themes = g_list_store_new (DOSSIER_TYPE_THEME);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_sort_func (self->list_box, sort_rows, NULL, NULL);
}
