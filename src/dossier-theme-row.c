/* dossier-theme-row.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-theme-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-color-swatch.h"
#include "dossier-name-editor.h"
#include "dossier-theme-row.h"

struct _DossierThemeRow
{
  GtkListBoxRow       parent_instance;

  DossierTheme       *theme;
  GtkWidget          *palette_grid;   /* in the palette, once built */

  /* Template widgets */
  GtkMenuButton      *color_button;
  DossierColorSwatch *swatch;
  GMenuModel         *row_menu;
  DossierNameEditor  *name_editor;
  GtkMenuButton      *menu_button;
};

G_DEFINE_FINAL_TYPE (DossierThemeRow, dossier_theme_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_THEME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
dossier_theme_row_new (DossierTheme *theme)
{
  g_return_val_if_fail (DOSSIER_IS_THEME (theme), NULL);

  return g_object_new (DOSSIER_TYPE_THEME_ROW, "theme", theme, NULL);
}

DossierTheme *
dossier_theme_row_get_theme (DossierThemeRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME_ROW (self), NULL);

  return self->theme;
}

gint64
dossier_theme_row_get_id (DossierThemeRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME_ROW (self), 0);

  return self->theme != NULL ? dossier_theme_get_id (self->theme) : 0;
}

gboolean
dossier_theme_row_is_renaming (DossierThemeRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME_ROW (self), FALSE);

  return dossier_name_editor_get_editing (self->name_editor);
}

static void
update_palette (DossierThemeRow *self)
{
  const char *color = dossier_theme_get_color (self->theme);

  if (self->palette_grid == NULL)
    return;

  for (GtkWidget *button = gtk_widget_get_first_child (self->palette_grid);
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GtkWidget *swatch = gtk_button_get_child (GTK_BUTTON (button));

      if (DOSSIER_IS_COLOR_SWATCH (swatch))
        dossier_color_swatch_set_selected (DOSSIER_COLOR_SWATCH (swatch),
                                           g_ascii_strcasecmp (dossier_color_swatch_get_color (DOSSIER_COLOR_SWATCH (swatch)),
                                                               color != NULL ? color : "") == 0);
    }
}

static void
update (DossierThemeRow *self)
{
  const char *name = dossier_theme_get_name (self->theme);
  guint count = dossier_theme_get_claim_count (self->theme);
  g_autofree char *count_text = NULL;
  g_autofree char *color_label = NULL;
  g_autofree char *menu_label = NULL;

  dossier_name_editor_set_name (self->name_editor, name);
  dossier_color_swatch_set_color (self->swatch, dossier_theme_get_color (self->theme));
  update_palette (self);

  if (count == 0)
    count_text = g_strdup (_("No claims"));
  else
    count_text = g_strdup_printf (ngettext ("%u claim", "%u claims", count), count);
  dossier_name_editor_set_caption (self->name_editor, count_text);

  /* Translators: accessible label of the colour button of a theme */
  color_label = g_strdup_printf (_("Color of “%s”"), name);
  /* Translators: accessible label of the menu button of a theme */
  menu_label = g_strdup_printf (_("Actions for “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->color_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, color_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count_text,
                                  -1);
}

void
dossier_theme_row_set_theme (DossierThemeRow *self,
                             DossierTheme    *theme)
{
  gboolean changed;

  g_return_if_fail (DOSSIER_IS_THEME_ROW (self));
  g_return_if_fail (DOSSIER_IS_THEME (theme));

  changed = g_set_object (&self->theme, theme);
  update (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

/* The popovers are built when first opened: a list of many themes then
 * shows quickly. */

static void
create_palette (GtkMenuButton *button,
                gpointer       user_data)
{
  DossierThemeRow *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;

  builder = gtk_builder_new_from_resource ("/io/github/dossier/Dossier/dossier-theme-palette.ui");
  gtk_menu_button_set_popover (button, GTK_WIDGET (gtk_builder_get_object (builder, "palette_popover")));
  self->palette_grid = GTK_WIDGET (gtk_builder_get_object (builder, "palette_grid"));
  update_palette (self);
}

static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  DossierThemeRow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->row_menu);
}

void
dossier_theme_row_popup_menu (DossierThemeRow *self)
{
  g_return_if_fail (DOSSIER_IS_THEME_ROW (self));

  gtk_menu_button_popup (self->menu_button);
}

/* Renaming in place */

void
dossier_theme_row_start_rename (DossierThemeRow *self)
{
  g_return_if_fail (DOSSIER_IS_THEME_ROW (self));

  dossier_name_editor_start (self->name_editor);
}

static void
on_name_editor_rename (DossierThemeRow *self,
                       const char      *name)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "themes.rename", "(xs)",
                              dossier_theme_get_id (self->theme), name);
}

static void
on_name_editor_editing_changed (DossierThemeRow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.cancel-rename",
                                 dossier_name_editor_get_editing (self->name_editor));
}

/* Actions */

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  dossier_theme_row_start_rename (DOSSIER_THEME_ROW (widget));
}

static void
cancel_rename_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  dossier_name_editor_finish (DOSSIER_THEME_ROW (widget)->name_editor, FALSE);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DossierThemeRow *self = DOSSIER_THEME_ROW (widget);

  gtk_widget_activate_action (widget, "themes.merge", "x", dossier_theme_get_id (self->theme));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierThemeRow *self = DOSSIER_THEME_ROW (widget);

  gtk_widget_activate_action (widget, "themes.delete", "x", dossier_theme_get_id (self->theme));
}

static void
set_color_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierThemeRow *self = DOSSIER_THEME_ROW (widget);

  gtk_menu_button_popdown (self->color_button);
  gtk_widget_activate_action (widget, "themes.set-color", "(xs)",
                              dossier_theme_get_id (self->theme),
                              g_variant_get_string (parameter, NULL));
}

static void
on_color_chooser_response (GtkDialog       *dialog,
                           int              response,
                           DossierThemeRow *self)
{
  if (response == GTK_RESPONSE_OK)
    {
      GdkRGBA rgba;
      g_autofree char *color = NULL;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      G_GNUC_END_IGNORE_DEPRECATIONS

      color = g_strdup_printf ("#%02x%02x%02x",
                               (guint)CLAMP (rgba.red * 255 + 0.5, 0, 255),
                               (guint)CLAMP (rgba.green * 255 + 0.5, 0, 255),
                               (guint)CLAMP (rgba.blue * 255 + 0.5, 0, 255));
      gtk_widget_activate_action (GTK_WIDGET (self), "themes.set-color", "(xs)",
                                  dossier_theme_get_id (self->theme), color);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
choose_color_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierThemeRow *self = DOSSIER_THEME_ROW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *title = NULL;
  GtkWidget *dialog;
  GdkRGBA rgba;

  gtk_menu_button_popdown (self->color_button);

  /* Translators: title of the colour chooser of a theme */
  title = g_strdup_printf (_("Color of “%s”"), dossier_theme_get_name (self->theme));

  /* GtkColorChooserDialog is the colour chooser of GTK 4.8. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_color_chooser_dialog_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  if (gdk_rgba_parse (&rgba, dossier_theme_get_color (self->theme)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_color_chooser_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
dossier_theme_row_dispose (GObject *object)
{
  DossierThemeRow *self = (DossierThemeRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_THEME_ROW);
  self->palette_grid = NULL;
  g_clear_object (&self->theme);

  G_OBJECT_CLASS (dossier_theme_row_parent_class)->dispose (object);
}

static void
dossier_theme_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierThemeRow *self = DOSSIER_THEME_ROW (object);

  switch (prop_id)
    {
    case PROP_THEME:
      g_value_set_object (value, self->theme);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_theme_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DossierThemeRow *self = DOSSIER_THEME_ROW (object);

  switch (prop_id)
    {
    case PROP_THEME:
      dossier_theme_row_set_theme (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_theme_row_class_init (DossierThemeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_theme_row_dispose;
  object_class->get_property = dossier_theme_row_get_property;
  object_class->set_property = dossier_theme_row_set_property;

  properties[PROP_THEME] =
    g_param_spec_object ("theme", NULL, NULL,
                         DOSSIER_TYPE_THEME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_COLOR_SWATCH);
  g_type_ensure (DOSSIER_TYPE_NAME_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-theme-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierThemeRow, color_button);
  gtk_widget_class_bind_template_child (widget_class, DossierThemeRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, DossierThemeRow, row_menu);
  gtk_widget_class_bind_template_child (widget_class, DossierThemeRow, name_editor);
  gtk_widget_class_bind_template_child (widget_class, DossierThemeRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_editor_rename);
  gtk_widget_class_bind_template_callback (widget_class, on_name_editor_editing_changed);

  gtk_widget_class_install_action (widget_class, "row.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "row.cancel-rename", NULL, cancel_rename_action);
  gtk_widget_class_install_action (widget_class, "row.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "row.set-color", "s", set_color_action);
  gtk_widget_class_install_action (widget_class, "row.choose-color", NULL, choose_color_action);

  /* Key bindings of the row itself (F2 is what file managers use to
   * rename); window and application shortcuts live in the accelerator
   * table of DossierApplication. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "row.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "row.cancel-rename", NULL);
}

static void
dossier_theme_row_init (DossierThemeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.cancel-rename", FALSE);

  gtk_menu_button_set_create_popup_func (self->color_button, create_palette, self, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
}
