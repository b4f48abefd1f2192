/* dossier-claims-pane.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-claims-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-claims-pane.h"

struct _DossierClaimsPane
{
  GtkWidget        parent_instance;

  DossierDatabase *database;
  gint64           document_id;

  GtkListBox      *list_box;
};

G_DEFINE_FINAL_TYPE (DossierClaimsPane, dossier_claims_pane, GTK_TYPE_WIDGET)

enum {
  CLAIM_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
reload (DossierClaimsPane *self)
{
  DossierClaimFilter filter = { .document_id = self->document_id };
  g_autoptr(GPtrArray) claims = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);

  if (self->database == NULL || self->document_id == 0)
    return;

  if (!(claims = dossier_claims_list (self->database, &filter, NULL)))
    return;

  for (guint i = 0; i < claims->len; i++)
    {
      DossierClaim *claim = g_ptr_array_index (claims, i);
      GtkWidget *label = gtk_label_new (dossier_claim_get_quote (claim));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      g_object_set_data (G_OBJECT (label), "claim-id", GINT_TO_POINTER ((int)dossier_claim_get_id (claim)));
      gtk_list_box_append (self->list_box, label);
    }
}

static void
on_database_changed (DossierClaimsPane *self,
                     guint              what,
                     gint64             document_id)
{
  if ((what & DOSSIER_CHANGE_CLAIMS) && (document_id == 0 || document_id == self->document_id))
    reload (self);
}

static void
on_row_selected (DossierClaimsPane *self,
                 GtkListBoxRow     *row)
{
  if (row == NULL)
    return;

  g_signal_emit (self, signals[CLAIM_SELECTED], 0,
                 (gint64)GPOINTER_TO_INT (g_object_get_data (G_OBJECT (gtk_list_box_row_get_child (row)), "claim-id")));
}

void
dossier_claims_pane_set_database (DossierClaimsPane *self,
                                  DossierDatabase   *database)
{
  g_return_if_fail (DOSSIER_IS_CLAIMS_PANE (self));
  g_return_if_fail (DOSSIER_IS_DATABASE (database));
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);
}

void
dossier_claims_pane_set_document_id (DossierClaimsPane *self,
                                     gint64             document_id)
{
  g_return_if_fail (DOSSIER_IS_CLAIMS_PANE (self));

  self->document_id = document_id;
  reload (self);
}

void
dossier_claims_pane_select_claim (DossierClaimsPane *self,
                                  gint64             claim_id,
                                  gboolean           edit)
{
  g_return_if_fail (DOSSIER_IS_CLAIMS_PANE (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if ((gint64)GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "claim-id")) == claim_id)
        {
          gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
}

static void
dossier_claims_pane_dispose (GObject *object)
{
  DossierClaimsPane *self = (DossierClaimsPane *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_CLAIMS_PANE);
  /* Template children without an id are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (dossier_claims_pane_parent_class)->dispose (object);
}

static void
dossier_claims_pane_class_init (DossierClaimsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_claims_pane_dispose;

  signals[CLAIM_SELECTED] =
    g_signal_new ("claim-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-claims-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_set_css_name (widget_class, "claimspane");
}

static void
dossier_claims_pane_init (DossierClaimsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
