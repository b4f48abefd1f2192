/* dossier-theme-chip.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-theme-chip"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dossier-theme-chip.h"

struct _DossierThemeChip
{
  GtkWidget  parent_instance;

  char      *name;
  char      *color;
  char      *color_class;
  gboolean   removable;

  GtkLabel  *label;
  GtkButton *remove_button;
};

G_DEFINE_FINAL_TYPE (DossierThemeChip, dossier_theme_chip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COLOR,
  PROP_REMOVABLE,
  N_PROPS
};

enum {
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One provider for every chip of the process, holding a rule per colour
 * seen so far: theme colours are few (a palette of eight, plus the ones
 * users pick), chips are many. */
static GtkCssProvider *color_provider;
static GHashTable *color_classes;   /* "rrggbb" → class name */

/* "#RRGGBB" → "rrggbb", or NULL when @color is not one. */
static char *
normalize_color (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return NULL;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return NULL;

  return g_ascii_strdown (color + 1, -1);
}

static void
append_rule (GString    *css,
             const char *hex,
             const char *class_name)
{
  guint r, g, b, brightness;

  sscanf (hex, "%02x%02x%02x", &r, &g, &b);
  /* Perceived brightness (ITU-R BT.601 weights), 0–255. */
  brightness = (r * 299 + g * 587 + b * 114) / 1000;

  /* The palette's light tones take dark text in light and dark mode
   * alike; a dark colour a user picked takes light text. */
  g_string_append_printf (css,
                          "themechip.%s { background-color: #%s; color: %s; }\n",
                          class_name, hex,
                          brightness > 110 ? "rgba(0, 0, 0, 0.8)" : "rgba(255, 255, 255, 0.95)");
}

/* The class that tints a chip @color, adding its rule when new. */
static const char *
ensure_color_class (const char *color)
{
  g_autofree char *hex = normalize_color (color);
  g_autoptr(GString) css = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *class_name;
  GdkDisplay *display;

  if (hex == NULL)
    return NULL;

  if (color_classes == NULL)
    color_classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if ((class_name = g_hash_table_lookup (color_classes, hex)))
    return class_name;

  if (color_provider == NULL)
    {
      if (!(display = gdk_display_get_default ()))
        return NULL;

      /* Above the application's style.css, whose plain chip rule would
       * otherwise win whenever it was loaded after this provider. */
      color_provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (color_provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }

  class_name = g_strdup_printf ("theme-color-%s", hex);
  g_hash_table_insert (color_classes, g_strdup (hex), (char *)class_name);

  css = g_string_new (NULL);
  g_hash_table_iter_init (&iter, color_classes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    append_rule (css, key, value);
  gtk_css_provider_load_from_data (color_provider, css->str, css->len);

  return class_name;
}

static void
update_accessible (DossierThemeChip *self)
{
  g_autofree char *label = NULL;

  /* Translators: the accessible name of the × button on a theme chip */
  label = g_strdup_printf (_("Remove Theme “%s”"), self->name != NULL ? self->name : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
on_remove_clicked (DossierThemeChip *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static gboolean
on_remove_key_pressed (DossierThemeChip      *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((state & gtk_accelerator_get_default_mod_mask ()) == 0 &&
      (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete || keyval == GDK_KEY_BackSpace))
    {
      g_signal_emit (self, signals[REMOVE], 0);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

GtkWidget *
dossier_theme_chip_new (const char *name,
                        const char *color,
                        gboolean    removable)
{
  return g_object_new (DOSSIER_TYPE_THEME_CHIP,
                       "name", name,
                       "color", color,
                       "removable", removable,
                       NULL);
}

const char *
dossier_theme_chip_get_name (DossierThemeChip *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME_CHIP (self), NULL);

  return self->name;
}

void
dossier_theme_chip_set_name (DossierThemeChip *self,
                             const char       *name)
{
  g_return_if_fail (DOSSIER_IS_THEME_CHIP (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  gtk_label_set_label (self->label, name != NULL ? name : "");
  update_accessible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
dossier_theme_chip_get_color (DossierThemeChip *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME_CHIP (self), NULL);

  return self->color;
}

void
dossier_theme_chip_set_color (DossierThemeChip *self,
                              const char       *color)
{
  const char *class_name;

  g_return_if_fail (DOSSIER_IS_THEME_CHIP (self));

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);

  if (self->color_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->color_class);
  g_clear_pointer (&self->color_class, g_free);

  if ((class_name = ensure_color_class (color)))
    {
      self->color_class = g_strdup (class_name);
      gtk_widget_add_css_class (GTK_WIDGET (self), class_name);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

gboolean
dossier_theme_chip_get_removable (DossierThemeChip *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME_CHIP (self), FALSE);

  return self->removable;
}

void
dossier_theme_chip_set_removable (DossierThemeChip *self,
                                  gboolean          removable)
{
  g_return_if_fail (DOSSIER_IS_THEME_CHIP (self));

  removable = !!removable;
  if (self->removable == removable)
    return;

  self->removable = removable;
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), removable);
  if (removable)
    gtk_widget_add_css_class (GTK_WIDGET (self), "removable");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "removable");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOVABLE]);
}

static void
dossier_theme_chip_dispose (GObject *object)
{
  DossierThemeChip *self = (DossierThemeChip *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_theme_chip_parent_class)->dispose (object);
}

static void
dossier_theme_chip_finalize (GObject *object)
{
  DossierThemeChip *self = (DossierThemeChip *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->color_class, g_free);

  G_OBJECT_CLASS (dossier_theme_chip_parent_class)->finalize (object);
}

static void
dossier_theme_chip_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierThemeChip *self = DOSSIER_THEME_CHIP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_REMOVABLE:
      g_value_set_boolean (value, self->removable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_theme_chip_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierThemeChip *self = DOSSIER_THEME_CHIP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      dossier_theme_chip_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      dossier_theme_chip_set_color (self, g_value_get_string (value));
      break;

    case PROP_REMOVABLE:
      dossier_theme_chip_set_removable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_theme_chip_class_init (DossierThemeChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_theme_chip_dispose;
  object_class->finalize = dossier_theme_chip_finalize;
  object_class->get_property = dossier_theme_chip_get_property;
  object_class->set_property = dossier_theme_chip_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMOVABLE] =
    g_param_spec_boolean ("removable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "themechip");
}

static void
dossier_theme_chip_init (DossierThemeChip *self)
{
  GtkEventController *keys;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 2);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->label, 28);
  gtk_label_set_single_line_mode (self->label, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->label), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));

  self->remove_button = GTK_BUTTON (gtk_button_new_from_icon_name ("window-close-symbolic"));
  gtk_widget_set_valign (GTK_WIDGET (self->remove_button), GTK_ALIGN_CENTER);
  /* Hidden first: a tooltip set on a visible widget asks the X server
   * where the pointer is, a round trip for each of the hundreds of chips
   * a long list of claims makes. */
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), _("Remove Theme"));
  gtk_widget_add_css_class (GTK_WIDGET (self->remove_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->remove_button), "circular");
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self);
  gtk_widget_set_parent (GTK_WIDGET (self->remove_button), GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_remove_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->remove_button), keys);

  update_accessible (self);
}
