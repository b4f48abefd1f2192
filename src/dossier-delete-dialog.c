/* dossier-delete-dialog.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-delete-dialog"

#include "config.h"

#include "dossier-delete-dialog.h"

struct _DossierDeleteDialog
{
  AdwMessageDialog  parent_instance;

  GObject          *item;
};

G_DEFINE_FINAL_TYPE (DossierDeleteDialog, dossier_delete_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

enum {
  DELETE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

DossierDeleteDialog *
dossier_delete_dialog_new (GtkWindow  *parent,
                           GObject    *item,
                           const char *heading,
                           const char *body)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  return g_object_new (DOSSIER_TYPE_DELETE_DIALOG,
                       "transient-for", parent,
                       "item", item,
                       "heading", heading,
                       "body", body,
                       NULL);
}

GObject *
dossier_delete_dialog_get_item (DossierDeleteDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_DELETE_DIALOG (self), NULL);

  return self->item;
}

static void
dossier_delete_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  DossierDeleteDialog *self = DOSSIER_DELETE_DIALOG (dialog);

  if (g_strcmp0 (response, "delete") == 0)
    g_signal_emit (self, signals[DELETE], 0, self->item);

  if (ADW_MESSAGE_DIALOG_CLASS (dossier_delete_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (dossier_delete_dialog_parent_class)->response (dialog, response);
}

/* GObject */

static void
dossier_delete_dialog_dispose (GObject *object)
{
  DossierDeleteDialog *self = (DossierDeleteDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DELETE_DIALOG);

  G_OBJECT_CLASS (dossier_delete_dialog_parent_class)->dispose (object);
}

static void
dossier_delete_dialog_finalize (GObject *object)
{
  DossierDeleteDialog *self = (DossierDeleteDialog *)object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (dossier_delete_dialog_parent_class)->finalize (object);
}

static void
dossier_delete_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierDeleteDialog *self = DOSSIER_DELETE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_delete_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierDeleteDialog *self = DOSSIER_DELETE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_delete_dialog_class_init (DossierDeleteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = dossier_delete_dialog_dispose;
  object_class->finalize = dossier_delete_dialog_finalize;
  object_class->get_property = dossier_delete_dialog_get_property;
  object_class->set_property = dossier_delete_dialog_set_property;

  dialog_class->response = dossier_delete_dialog_response;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierDeleteDialog::delete:
   * @item: the item to delete
   *
   * The user confirmed (the dialog then closes).
   */
  signals[DELETE] =
    g_signal_new ("delete",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-delete-dialog.ui");
}

static void
dossier_delete_dialog_init (DossierDeleteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
