/* dossier-name-editor.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-name-editor"

#include "config.h"

#include "dossier-name-editor.h"

struct _DossierNameEditor
{
  GtkWidget  parent_instance;

  char      *name;
  char      *entry_label;

  /* Template widgets */
  GtkStack  *stack;
  GtkLabel  *name_label;
  GtkLabel  *caption_label;
  GtkEntry  *entry;
};

G_DEFINE_FINAL_TYPE (DossierNameEditor, dossier_name_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CAPTION,
  PROP_ENTRY_LABEL,
  PROP_EDITING,
  N_PROPS
};

enum {
  RENAME,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
dossier_name_editor_new (void)
{
  return g_object_new (DOSSIER_TYPE_NAME_EDITOR, NULL);
}

const char *
dossier_name_editor_get_name (DossierNameEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_NAME_EDITOR (self), NULL);

  return self->name;
}

void
dossier_name_editor_set_name (DossierNameEditor *self,
                              const char        *name)
{
  g_return_if_fail (DOSSIER_IS_NAME_EDITOR (self));

  /* Always shown again: a failed rename puts the same name back. */
  gtk_label_set_label (self->name_label, name);
  /* The whole name, when the row is too narrow for it. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), name);

  if (g_strcmp0 (name, self->name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
dossier_name_editor_get_caption (DossierNameEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_NAME_EDITOR (self), NULL);

  return gtk_label_get_label (self->caption_label);
}

void
dossier_name_editor_set_caption (DossierNameEditor *self,
                                 const char        *caption)
{
  g_return_if_fail (DOSSIER_IS_NAME_EDITOR (self));

  if (g_strcmp0 (caption, gtk_label_get_label (self->caption_label)) == 0)
    return;

  gtk_label_set_label (self->caption_label, caption);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

const char *
dossier_name_editor_get_entry_label (DossierNameEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_NAME_EDITOR (self), NULL);

  return self->entry_label;
}

void
dossier_name_editor_set_entry_label (DossierNameEditor *self,
                                     const char        *entry_label)
{
  g_return_if_fail (DOSSIER_IS_NAME_EDITOR (self));

  if (g_strcmp0 (entry_label, self->entry_label) == 0)
    return;

  g_free (self->entry_label);
  self->entry_label = g_strdup (entry_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY_LABEL]);
}

gboolean
dossier_name_editor_get_editing (DossierNameEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_NAME_EDITOR (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") == 0;
}

static void
set_editing (DossierNameEditor *self,
             gboolean           editing)
{
  gtk_stack_set_visible_child_name (self->stack, editing ? "edit" : "show");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

void
dossier_name_editor_start (DossierNameEditor *self)
{
  g_return_if_fail (DOSSIER_IS_NAME_EDITOR (self));

  if (dossier_name_editor_get_editing (self))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), self->name != NULL ? self->name : "");
  set_editing (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
dossier_name_editor_finish (DossierNameEditor *self,
                            gboolean           commit)
{
  g_autofree char *name = NULL;
  gboolean had_focus;

  g_return_if_fail (DOSSIER_IS_NAME_EDITOR (self));

  if (!dossier_name_editor_get_editing (self))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->entry)) != NULL;
  set_editing (self, FALSE);

  /* Keep the keyboard on the row (the nearest focusable ancestor: a list
   * box row, or the list view's row around the owner) rather than losing
   * it with the entry. */
  if (had_focus)
    {
      GtkWidget *ancestor = gtk_widget_get_parent (GTK_WIDGET (self));

      while (ancestor != NULL && !gtk_widget_get_focusable (ancestor))
        ancestor = gtk_widget_get_parent (ancestor);

      if (ancestor != NULL)
        gtk_widget_grab_focus (ancestor);
    }

  if (!commit || g_strcmp0 (name, self->name) == 0)
    return;

  /* Shown at once; the owner puts the old name back if the rename fails. */
  gtk_label_set_label (self->name_label, name);
  g_signal_emit (self, signals[RENAME], 0, name);
}

static void
on_entry_activate (DossierNameEditor *self)
{
  dossier_name_editor_finish (self, TRUE);
}

static void
on_entry_focus_leave (DossierNameEditor *self)
{
  dossier_name_editor_finish (self, TRUE);
}

/* GObject */

static void
dossier_name_editor_dispose (GObject *object)
{
  DossierNameEditor *self = (DossierNameEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_NAME_EDITOR);

  G_OBJECT_CLASS (dossier_name_editor_parent_class)->dispose (object);
}

static void
dossier_name_editor_finalize (GObject *object)
{
  DossierNameEditor *self = (DossierNameEditor *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->entry_label, g_free);

  G_OBJECT_CLASS (dossier_name_editor_parent_class)->finalize (object);
}

static void
dossier_name_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierNameEditor *self = DOSSIER_NAME_EDITOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, dossier_name_editor_get_name (self));
      break;

    case PROP_CAPTION:
      g_value_set_string (value, dossier_name_editor_get_caption (self));
      break;

    case PROP_ENTRY_LABEL:
      g_value_set_string (value, dossier_name_editor_get_entry_label (self));
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, dossier_name_editor_get_editing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_name_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierNameEditor *self = DOSSIER_NAME_EDITOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      dossier_name_editor_set_name (self, g_value_get_string (value));
      break;

    case PROP_CAPTION:
      dossier_name_editor_set_caption (self, g_value_get_string (value));
      break;

    case PROP_ENTRY_LABEL:
      dossier_name_editor_set_entry_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_name_editor_class_init (DossierNameEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_name_editor_dispose;
  object_class->finalize = dossier_name_editor_finalize;
  object_class->get_property = dossier_name_editor_get_property;
  object_class->set_property = dossier_name_editor_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRY_LABEL] =
    g_param_spec_string ("entry-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierNameEditor::rename:
   * @name: the new name, stripped, not empty unless typed so
   *
   * A changed name was saved (Enter, or the entry lost the focus).
   */
  signals[RENAME] =
    g_signal_new ("rename",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-name-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierNameEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierNameEditor, name_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNameEditor, caption_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNameEditor, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_focus_leave);
}

static void
dossier_name_editor_init (DossierNameEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
