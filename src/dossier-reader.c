/* dossier-reader.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-reader.h"

struct _DossierReader
{
  GtkWidget        parent_instance;

  DossierDatabase *database;
  gint64           document_id;

  GtkLabel        *title_label;
  GtkLabel        *byline_label;
  GtkTextView     *text_view;
};

G_DEFINE_FINAL_TYPE (DossierReader, dossier_reader, GTK_TYPE_WIDGET)

enum {
  CLAIM_ACTIVATED,
  CLAIM_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
load_document (DossierReader *self)
{
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  if (self->database == NULL || self->document_id == 0 ||
      !(document = dossier_documents_get (self->database, self->document_id, &error)) ||
      !(body = dossier_documents_get_body (self->database, self->document_id, &error)))
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->byline_label, "");
      gtk_text_buffer_set_text (buffer, "", 0);
      return;
    }

  gtk_label_set_label (self->title_label, dossier_document_get_title (document));
  gtk_label_set_label (self->byline_label, dossier_document_get_outlet (document) != NULL
                                           ? dossier_document_get_outlet (document) : "");
  gtk_text_buffer_set_text (buffer, body, -1);
}

void
dossier_reader_set_database (DossierReader   *self,
                             DossierDatabase *database)
{
  g_return_if_fail (DOSSIER_IS_READER (self));
  g_return_if_fail (DOSSIER_IS_DATABASE (database));
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);
}

void
dossier_reader_set_document_id (DossierReader *self,
                                gint64         document_id)
{
  g_return_if_fail (DOSSIER_IS_READER (self));

  self->document_id = document_id;
  load_document (self);
}

gint64
dossier_reader_get_document_id (DossierReader *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER (self), 0);

  return self->document_id;
}

void
dossier_reader_reveal_claim (DossierReader *self,
                             gint64         claim_id)
{
  g_autoptr(DossierClaim) claim = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (DOSSIER_IS_READER (self));

  if (self->database == NULL || !(claim = dossier_claims_get (self->database, claim_id, NULL)))
    return;

  if (dossier_claim_get_document_id (claim) != self->document_id)
    dossier_reader_set_document_id (self, dossier_claim_get_document_id (claim));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, dossier_claim_get_start (claim));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, dossier_claim_get_end (claim));
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (self->text_view, &start, 0.1, FALSE, 0, 0);
}

static void
dossier_reader_dispose (GObject *object)
{
  DossierReader *self = (DossierReader *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_READER);
  /* Template children without an id are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (dossier_reader_parent_class)->dispose (object);
}

static void
dossier_reader_class_init (DossierReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_reader_dispose;

  signals[CLAIM_ACTIVATED] =
    g_signal_new ("claim-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CLAIM_CREATED] =
    g_signal_new ("claim-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, byline_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, text_view);
  gtk_widget_class_set_css_name (widget_class, "reader");
}

static void
dossier_reader_init (DossierReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
