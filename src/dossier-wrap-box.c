/* dossier-wrap-box.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-wrap-box"

#include "config.h"

#include "dossier-wrap-box.h"

struct _DossierWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
};

G_DEFINE_FINAL_TYPE (DossierWrapBox, dossier_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Places the visible children in lines no wider than @width (a child
 * wider than that gets a line of its own, shrunk down to its minimum),
 * allocating them when @allocate; returns the height used. */
static int
layout_children (DossierWrapBox *self,
                 int             width,
                 gboolean        allocate)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_width, nat_width, min_height, nat_height, child_width;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
      child_width = MAX (min_width, MIN (nat_width, width));
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, &min_height, &nat_height, NULL, NULL);

      if (x > 0 && x + child_width > width)
        {
          y += line_height + self->spacing;
          x = 0;
          line_height = 0;
        }

      if (allocate)
        {
          GtkAllocation area = {
            .x = rtl ? width - x - child_width : x,
            .y = y,
            .width = child_width,
            .height = nat_height,
          };

          gtk_widget_size_allocate (child, &area, -1);
        }

      x += child_width + self->spacing;
      line_height = MAX (line_height, nat_height);
    }

  return y + line_height;
}

static GtkSizeRequestMode
dossier_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dossier_wrap_box_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  DossierWrapBox *self = DOSSIER_WRAP_BOX (widget);
  int min = 0, nat = 0, count = 0;

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    {
      min = nat = layout_children (self, for_size, FALSE);
    }
  else
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          /* Across: all in one line; down: one line's height. */
          nat = orientation == GTK_ORIENTATION_HORIZONTAL ? nat + child_nat : MAX (nat, child_nat);
          count++;
        }

      if (orientation == GTK_ORIENTATION_HORIZONTAL && count > 1)
        nat += (count - 1) * self->spacing;
    }

  *minimum = min;
  *natural = MAX (min, nat);
  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static void
dossier_wrap_box_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  layout_children (DOSSIER_WRAP_BOX (widget), width, TRUE);
}

GtkWidget *
dossier_wrap_box_new (int spacing)
{
  return g_object_new (DOSSIER_TYPE_WRAP_BOX, "spacing", spacing, NULL);
}

void
dossier_wrap_box_append (DossierWrapBox *self,
                         GtkWidget      *child)
{
  g_return_if_fail (DOSSIER_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
dossier_wrap_box_remove_all (DossierWrapBox *self)
{
  GtkWidget *child;

  g_return_if_fail (DOSSIER_IS_WRAP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
}

int
dossier_wrap_box_get_spacing (DossierWrapBox *self)
{
  g_return_val_if_fail (DOSSIER_IS_WRAP_BOX (self), 0);

  return self->spacing;
}

void
dossier_wrap_box_set_spacing (DossierWrapBox *self,
                              int             spacing)
{
  g_return_if_fail (DOSSIER_IS_WRAP_BOX (self));

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

static void
dossier_wrap_box_dispose (GObject *object)
{
  dossier_wrap_box_remove_all (DOSSIER_WRAP_BOX (object));

  G_OBJECT_CLASS (dossier_wrap_box_parent_class)->dispose (object);
}

static void
dossier_wrap_box_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierWrapBox *self = DOSSIER_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_wrap_box_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierWrapBox *self = DOSSIER_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      dossier_wrap_box_set_spacing (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_wrap_box_class_init (DossierWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_wrap_box_dispose;
  object_class->get_property = dossier_wrap_box_get_property;
  object_class->set_property = dossier_wrap_box_set_property;

  widget_class->get_request_mode = dossier_wrap_box_get_request_mode;
  widget_class->measure = dossier_wrap_box_measure;
  widget_class->size_allocate = dossier_wrap_box_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_wrap_box_init (DossierWrapBox *self)
{
}
