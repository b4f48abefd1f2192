/* dossier-merge-dialog.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-merge-dialog"

#include "config.h"

#include "dossier-merge-dialog.h"

struct _DossierMergeDialog
{
  AdwMessageDialog  parent_instance;

  GObject          *from;
  GObject          *into;            /* fixed target, or NULL: chosen in drop_down */
  GListModel       *candidates;      /* as given; copied into targets */
  GListStore       *targets;
  GtkExpression    *name_expression;
  char             *target_label;
  char             *reason;
  GtkDropDown      *drop_down;
};

G_DEFINE_FINAL_TYPE (DossierMergeDialog, dossier_merge_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_FROM,
  PROP_INTO,
  PROP_CANDIDATES,
  PROP_NAME_EXPRESSION,
  PROP_TARGET_LABEL,
  PROP_REASON,
  N_PROPS
};

enum {
  MERGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

DossierMergeDialog *
dossier_merge_dialog_new (GtkWindow     *parent,
                          GObject       *from,
                          GObject       *into,
                          GListModel    *candidates,
                          GtkExpression *name_expression,
                          const char    *target_label,
                          const char    *reason)
{
  DossierMergeDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_OBJECT (from), NULL);
  g_return_val_if_fail (into == NULL || G_IS_OBJECT (into), NULL);
  g_return_val_if_fail (into != NULL || G_IS_LIST_MODEL (candidates), NULL);

  self = g_object_new (DOSSIER_TYPE_MERGE_DIALOG,
                       "transient-for", parent,
                       "from", from,
                       "into", into,
                       "candidates", candidates,
                       "name-expression", name_expression,
                       "target-label", target_label,
                       "reason", reason,
                       NULL);
  g_clear_pointer (&name_expression, gtk_expression_unref);

  return self;
}

GObject *
dossier_merge_dialog_get_from (DossierMergeDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_MERGE_DIALOG (self), NULL);

  return self->from;
}

GObject *
dossier_merge_dialog_get_into (DossierMergeDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_MERGE_DIALOG (self), NULL);

  if (self->into != NULL)
    return self->into;

  return self->drop_down != NULL ? gtk_drop_down_get_selected_item (self->drop_down) : NULL;
}

void
dossier_merge_dialog_set_text (DossierMergeDialog *self,
                               const char         *heading,
                               const char         *consequence)
{
  g_return_if_fail (DOSSIER_IS_MERGE_DIALOG (self));

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  if (self->reason != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self), "%s%s\n\n%s", self->reason,
                                    g_str_has_suffix (self->reason, ".") ? "" : ".",
                                    consequence);
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), consequence);
}

static void
on_target_selected (DossierMergeDialog *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTO]);
}

static void
dossier_merge_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  DossierMergeDialog *self = DOSSIER_MERGE_DIALOG (dialog);
  GObject *into;

  if (g_strcmp0 (response, "merge") == 0 && (into = dossier_merge_dialog_get_into (self)))
    g_signal_emit (self, signals[MERGE], 0, self->from, into);

  if (ADW_MESSAGE_DIALOG_CLASS (dossier_merge_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (dossier_merge_dialog_parent_class)->response (dialog, response);
}

/* GObject */

static void
dossier_merge_dialog_constructed (GObject *object)
{
  DossierMergeDialog *self = (DossierMergeDialog *)object;
  guint n;

  G_OBJECT_CLASS (dossier_merge_dialog_parent_class)->constructed (object);

  if (self->into != NULL || self->candidates == NULL)
    return;

  /* A copy: the owner's list may change while the dialog is open. */
  self->targets = g_list_store_new (G_TYPE_OBJECT);
  n = g_list_model_get_n_items (self->candidates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->candidates, i);

      if (item != self->from)
        g_list_store_append (self->targets, item);
    }
  g_clear_object (&self->candidates);

  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->targets)),
                                                      self->name_expression != NULL
                                                      ? gtk_expression_ref (self->name_expression)
                                                      : NULL));
  gtk_drop_down_set_enable_search (self->drop_down, TRUE);
  if (self->target_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->target_label, -1);
  g_signal_connect_object (self->drop_down, "notify::selected", G_CALLBACK (on_target_selected),
                           self, G_CONNECT_SWAPPED);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (self->drop_down));
}

static void
dossier_merge_dialog_dispose (GObject *object)
{
  DossierMergeDialog *self = (DossierMergeDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_MERGE_DIALOG);
  self->drop_down = NULL;

  G_OBJECT_CLASS (dossier_merge_dialog_parent_class)->dispose (object);
}

static void
dossier_merge_dialog_finalize (GObject *object)
{
  DossierMergeDialog *self = (DossierMergeDialog *)object;

  g_clear_object (&self->from);
  g_clear_object (&self->into);
  g_clear_object (&self->candidates);
  g_clear_object (&self->targets);
  g_clear_pointer (&self->name_expression, gtk_expression_unref);
  g_clear_pointer (&self->target_label, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (dossier_merge_dialog_parent_class)->finalize (object);
}

static void
dossier_merge_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierMergeDialog *self = DOSSIER_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_object (value, self->from);
      break;

    case PROP_INTO:
      g_value_set_object (value, dossier_merge_dialog_get_into (self));
      break;

    case PROP_CANDIDATES:
      g_value_set_object (value, self->targets != NULL ? G_LIST_MODEL (self->targets) : self->candidates);
      break;

    case PROP_NAME_EXPRESSION:
      gtk_value_set_expression (value, self->name_expression);
      break;

    case PROP_TARGET_LABEL:
      g_value_set_string (value, self->target_label);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_merge_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierMergeDialog *self = DOSSIER_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FROM:
      self->from = g_value_dup_object (value);
      break;

    case PROP_INTO:
      self->into = g_value_dup_object (value);
      break;

    case PROP_CANDIDATES:
      self->candidates = g_value_dup_object (value);
      break;

    case PROP_NAME_EXPRESSION:
      self->name_expression = gtk_value_dup_expression (value);
      break;

    case PROP_TARGET_LABEL:
      self->target_label = g_value_dup_string (value);
      break;

    case PROP_REASON:
      self->reason = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_merge_dialog_class_init (DossierMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->constructed = dossier_merge_dialog_constructed;
  object_class->dispose = dossier_merge_dialog_dispose;
  object_class->finalize = dossier_merge_dialog_finalize;
  object_class->get_property = dossier_merge_dialog_get_property;
  object_class->set_property = dossier_merge_dialog_set_property;

  dialog_class->response = dossier_merge_dialog_response;

  properties[PROP_FROM] =
    g_param_spec_object ("from", NULL, NULL,
                         G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTO] =
    g_param_spec_object ("into", NULL, NULL,
                         G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANDIDATES] =
    g_param_spec_object ("candidates", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_EXPRESSION] =
    gtk_param_spec_expression ("name-expression", NULL, NULL,
                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_LABEL] =
    g_param_spec_string ("target-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierMergeDialog::merge:
   * @from: the item to merge
   * @into: the item to merge it into
   *
   * The user confirmed the merge (the dialog then closes).
   */
  signals[MERGE] =
    g_signal_new ("merge",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-merge-dialog.ui");
}

static void
dossier_merge_dialog_init (DossierMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
