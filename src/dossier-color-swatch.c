/* dossier-color-swatch.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-color-swatch"

#include "config.h"

#include "dossier-color-swatch.h"

#define DEFAULT_SIZE 16

struct _DossierColorSwatch
{
  GtkWidget  parent_instance;

  char      *color;
  GdkRGBA    rgba;
  gboolean   valid;
  gboolean   selected;
};

G_DEFINE_FINAL_TYPE (DossierColorSwatch, dossier_color_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
dossier_color_swatch_new (const char *color)
{
  return g_object_new (DOSSIER_TYPE_COLOR_SWATCH, "color", color, NULL);
}

const char *
dossier_color_swatch_get_color (DossierColorSwatch *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLOR_SWATCH (self), NULL);

  return self->color;
}

void
dossier_color_swatch_set_color (DossierColorSwatch *self,
                                const char         *color)
{
  g_return_if_fail (DOSSIER_IS_COLOR_SWATCH (self));

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);
  self->valid = color != NULL && gdk_rgba_parse (&self->rgba, color);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

gboolean
dossier_color_swatch_get_selected (DossierColorSwatch *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLOR_SWATCH (self), FALSE);

  return self->selected;
}

void
dossier_color_swatch_set_selected (DossierColorSwatch *self,
                                   gboolean            selected)
{
  g_return_if_fail (DOSSIER_IS_COLOR_SWATCH (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
dossier_color_swatch_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = *natural = DEFAULT_SIZE;
}

static void
append_ring (GtkSnapshot          *snapshot,
             const graphene_rect_t *bounds,
             float                  width,
             const GdkRGBA         *color)
{
  GskRoundedRect outline;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, bounds, bounds->size.width / 2);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
dossier_color_swatch_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  DossierColorSwatch *self = DOSSIER_COLOR_SWATCH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float size = MIN (width, height);
  graphene_rect_t bounds;
  GskRoundedRect dot;
  GdkRGBA fg, edge;

  if (size <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  bounds = GRAPHENE_RECT_INIT ((width - size) / 2, (height - size) / 2, size, size);

  if (self->selected)
    {
      /* A ring in the text colour, a gap, then the dot. */
      append_ring (snapshot, &bounds, 2, &fg);
      graphene_rect_inset (&bounds, 4, 4);
    }

  if (self->valid)
    {
      gsk_rounded_rect_init_from_rect (&dot, &bounds, bounds.size.width / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &self->rgba, &bounds);
      gtk_snapshot_pop (snapshot);
    }

  /* A faint edge keeps light colours visible on light backgrounds and
   * dark ones on dark backgrounds. */
  edge = fg;
  edge.alpha *= self->valid ? 0.2f : 0.5f;
  append_ring (snapshot, &bounds, 1, &edge);
}

static void
dossier_color_swatch_finalize (GObject *object)
{
  DossierColorSwatch *self = (DossierColorSwatch *)object;

  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (dossier_color_swatch_parent_class)->finalize (object);
}

static void
dossier_color_swatch_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierColorSwatch *self = DOSSIER_COLOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_color_swatch_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierColorSwatch *self = DOSSIER_COLOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      dossier_color_swatch_set_color (self, g_value_get_string (value));
      break;

    case PROP_SELECTED:
      dossier_color_swatch_set_selected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_color_swatch_class_init (DossierColorSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dossier_color_swatch_finalize;
  object_class->get_property = dossier_color_swatch_get_property;
  object_class->set_property = dossier_color_swatch_set_property;

  widget_class->measure = dossier_color_swatch_measure;
  widget_class->snapshot = dossier_color_swatch_snapshot;

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "colorswatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
dossier_color_swatch_init (DossierColorSwatch *self)
{
}
