/* dossier-document-list.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-document-list"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-document-list.h"

struct _DossierDocumentList
{
  GtkWidget           parent_instance;

  DossierDatabase    *database;
  GListStore         *documents;
  GtkSingleSelection *selection;

  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (DossierDocumentList, dossier_document_list, GTK_TYPE_WIDGET)

enum {
  DOCUMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
reload (DossierDocumentList *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;

  documents = dossier_documents_list (self->database, DOSSIER_DOCUMENT_SORT_DATE, &error);
  if (documents == NULL)
    {
      g_warning ("Cannot list documents: %s", error->message);
      return;
    }

  g_list_store_splice (self->documents, 0, g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                       documents->pdata, documents->len);
}

static void
on_database_changed (DossierDocumentList *self,
                     guint                what,
                     gint64               document_id)
{
  if (what & (DOSSIER_CHANGE_DOCUMENTS | DOSSIER_CHANGE_CLAIMS))
    reload (self);
}

static void
on_search_changed (DossierDocumentList *self)
{
}

static void
on_selection_changed (DossierDocumentList *self)
{
  DossierDocument *document = gtk_single_selection_get_selected_item (self->selection);

  if (document != NULL)
    g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, dossier_document_get_id (document));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  DossierDocument *document = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), dossier_document_get_title (document));
}

void
dossier_document_list_set_database (DossierDocumentList *self,
                                    DossierDatabase     *database)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_LIST (self));
  g_return_if_fail (DOSSIER_IS_DATABASE (database));
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);
  reload (self);
}

void
dossier_document_list_focus_search (DossierDocumentList *self)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
dossier_document_list_select (DossierDocumentList *self,
                              gint64               document_id)
{
  guint n;

  g_return_if_fail (DOSSIER_IS_DOCUMENT_LIST (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (dossier_document_get_id (document) == document_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
dossier_document_list_dispose (GObject *object)
{
  DossierDocumentList *self = (DossierDocumentList *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DOCUMENT_LIST);
  /* Template children without an id are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->documents);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (dossier_document_list_parent_class)->dispose (object);
}

static void
dossier_document_list_class_init (DossierDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_document_list_dispose;

  signals[DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_set_css_name (widget_class, "documentlist");
}

static void
dossier_document_list_init (DossierDocumentList *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->documents = g_list_store_new (DOSSIER_TYPE_DOCUMENT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->documents)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}
