/* dossier-source-row.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-source-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-name-editor.h"
#include "dossier-source-row.h"

struct _DossierSourceRow
{
  GtkWidget          parent_instance;

  DossierSource     *source;
  gboolean           updating;

  /* Template widgets */
  DossierNameEditor *name_editor;
  GtkDropDown       *kind_drop_down;
  GtkMenuButton     *menu_button;
  GMenuModel        *row_menu;
};

G_DEFINE_FINAL_TYPE (DossierSourceRow, dossier_source_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the kind drop-down's items in the template. */
static const DossierSourceKind kinds[] = {
  DOSSIER_SOURCE_KIND_PERSON,
  DOSSIER_SOURCE_KIND_OUTLET,
  DOSSIER_SOURCE_KIND_ORGANIZATION,
  DOSSIER_SOURCE_KIND_GOVERNMENT,
  DOSSIER_SOURCE_KIND_OTHER,
};

GtkWidget *
dossier_source_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_SOURCE_ROW, NULL);
}

DossierSource *
dossier_source_row_get_source (DossierSourceRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ROW (self), NULL);

  return self->source;
}

gint64
dossier_source_row_get_id (DossierSourceRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ROW (self), 0);

  return self->source != NULL ? dossier_source_get_id (self->source) : 0;
}

gboolean
dossier_source_row_is_renaming (DossierSourceRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ROW (self), FALSE);

  return dossier_name_editor_get_editing (self->name_editor);
}

static char *
format_counts (DossierSource *source)
{
  guint documents = dossier_source_get_document_count (source);
  guint claims = dossier_source_get_claim_count (source);
  g_autofree char *documents_text = NULL;
  g_autofree char *claims_text = NULL;

  if (claims == 0)
    claims_text = g_strdup (_("No claims"));
  else
    claims_text = g_strdup_printf (ngettext ("%u claim", "%u claims", claims), claims);

  if (documents == 0)
    return g_steal_pointer (&claims_text);

  documents_text = g_strdup_printf (ngettext ("%u document", "%u documents", documents), documents);

  /* Translators: a source's counts, as in "3 documents · 12 claims" */
  return g_strdup_printf (_("%s · %s"), documents_text, claims_text);
}

static void
update (DossierSourceRow *self)
{
  const char *name = dossier_source_get_name (self->source);
  DossierSourceKind kind = dossier_source_get_kind (self->source);
  g_autofree char *counts = format_counts (self->source);
  g_autofree char *kind_label = NULL;
  g_autofree char *menu_label = NULL;

  dossier_name_editor_set_name (self->name_editor, name);
  dossier_name_editor_set_caption (self->name_editor, counts);

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      gtk_drop_down_set_selected (self->kind_drop_down, i);
  self->updating = FALSE;

  /* Translators: accessible label of the kind drop-down of a source */
  kind_label = g_strdup_printf (_("Kind of “%s”"), name);
  /* Translators: accessible label of the menu button of a source */
  menu_label = g_strdup_printf (_("Actions for “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kind_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, counts,
                                  -1);
}

void
dossier_source_row_set_source (DossierSourceRow *self,
                               DossierSource    *source)
{
  gboolean changed;

  g_return_if_fail (DOSSIER_IS_SOURCE_ROW (self));
  g_return_if_fail (source == NULL || DOSSIER_IS_SOURCE (source));

  /* The list recycles rows: a row shown for another source drops what
   * was under way for the previous one. */
  if (self->source != NULL && (source == NULL || dossier_source_get_id (source) != dossier_source_get_id (self->source)))
    {
      dossier_name_editor_finish (self->name_editor, FALSE);
      gtk_menu_button_popdown (self->menu_button);
    }

  changed = g_set_object (&self->source, source);
  if (source != NULL)
    update (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

static void
on_kind_selected (DossierSourceRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_drop_down);

  if (self->updating || self->source == NULL || selected >= G_N_ELEMENTS (kinds))
    return;

  if (kinds[selected] == dossier_source_get_kind (self->source))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "sources.set-kind", "(xs)",
                              dossier_source_get_id (self->source),
                              dossier_source_kind_to_string (kinds[selected]));
}

/* The menu is built when first opened: long lists then show quickly. */
static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  DossierSourceRow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->row_menu);
}

void
dossier_source_row_popup_menu (DossierSourceRow *self)
{
  g_return_if_fail (DOSSIER_IS_SOURCE_ROW (self));

  if (self->source != NULL)
    gtk_menu_button_popup (self->menu_button);
}

/* Renaming in place */

void
dossier_source_row_start_rename (DossierSourceRow *self)
{
  g_return_if_fail (DOSSIER_IS_SOURCE_ROW (self));

  if (self->source != NULL)
    dossier_name_editor_start (self->name_editor);
}

static void
on_name_editor_rename (DossierSourceRow *self,
                       const char       *name)
{
  g_assert (self->source != NULL);

  gtk_widget_activate_action (GTK_WIDGET (self), "sources.rename", "(xs)",
                              dossier_source_get_id (self->source), name);
}

static void
on_name_editor_editing_changed (DossierSourceRow *self)
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
  dossier_source_row_start_rename (DOSSIER_SOURCE_ROW (widget));
}

static void
cancel_rename_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  dossier_name_editor_finish (DOSSIER_SOURCE_ROW (widget)->name_editor, FALSE);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DossierSourceRow *self = DOSSIER_SOURCE_ROW (widget);

  if (self->source != NULL)
    gtk_widget_activate_action (widget, "sources.merge", "x", dossier_source_get_id (self->source));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierSourceRow *self = DOSSIER_SOURCE_ROW (widget);

  if (self->source != NULL)
    gtk_widget_activate_action (widget, "sources.delete", "x", dossier_source_get_id (self->source));
}

/* GObject */

static void
dossier_source_row_dispose (GObject *object)
{
  DossierSourceRow *self = (DossierSourceRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SOURCE_ROW);
  /* Template children without an id are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (dossier_source_row_parent_class)->dispose (object);
}

static void
dossier_source_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierSourceRow *self = DOSSIER_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_source_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierSourceRow *self = DOSSIER_SOURCE_ROW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      dossier_source_row_set_source (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_source_row_class_init (DossierSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_source_row_dispose;
  object_class->get_property = dossier_source_row_get_property;
  object_class->set_property = dossier_source_row_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL,
                         DOSSIER_TYPE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_NAME_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSourceRow, name_editor);
  gtk_widget_class_bind_template_child (widget_class, DossierSourceRow, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, DossierSourceRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DossierSourceRow, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_name_editor_rename);
  gtk_widget_class_bind_template_callback (widget_class, on_name_editor_editing_changed);

  gtk_widget_class_install_action (widget_class, "row.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "row.cancel-rename", NULL, cancel_rename_action);
  gtk_widget_class_install_action (widget_class, "row.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);

  /* Escape while renaming; F2 is the Sources window's, since the list's
   * row around this widget holds the focus. Application shortcuts live
   * in the accelerator table of DossierApplication. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "row.cancel-rename", NULL);
}

static void
dossier_source_row_init (DossierSourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.cancel-rename", FALSE);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
}
