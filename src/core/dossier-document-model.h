/* dossier-document-model.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-database.h"
#include "dossier-documents.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DOCUMENT_SORT (dossier_document_sort_get_type ())
#define DOSSIER_TYPE_DOCUMENT_MODEL (dossier_document_model_get_type ())

G_DECLARE_FINAL_TYPE (DossierDocumentModel, dossier_document_model, DOSSIER, DOCUMENT_MODEL, GObject)

/* DossierDocumentSort as a GEnum; the nicks are "date", "title" and
 * "outlet", as in the "document-sort" setting. */
GType                 dossier_document_sort_get_type        (void) G_GNUC_CONST;

/* A GListModel of the DossierDocuments of a database, sorted and
 * optionally filtered by outlet and by full-text search. It stays quick at
 * 100,000 documents: a refresh loads only the ordered ids, and documents
 * are made when asked for, a page of about 100 per query; bodies are
 * never loaded. It follows DossierDatabase::changed: documents added,
 * removed or edited give one "items-changed" that covers only what moved,
 * and documents already handed out are updated in place (title, outlet,
 * date, claim count…), so views bound to their properties stay current.
 * Properties: database (construct-only), sort, outlet-id (0: any outlet),
 * text (NULL: no search), n-items (read-only). Signal: "items-changing"
 * (position, removed, added), just before each "items-changed", while the
 * old items are still there. */
DossierDocumentModel *dossier_document_model_new             (DossierDatabase      *database);
DossierDatabase      *dossier_document_model_get_database    (DossierDocumentModel *self);
DossierDocumentSort   dossier_document_model_get_sort        (DossierDocumentModel *self);
void                  dossier_document_model_set_sort        (DossierDocumentModel *self,
                                                              DossierDocumentSort   sort);
gint64                dossier_document_model_get_outlet_id   (DossierDocumentModel *self);
void                  dossier_document_model_set_outlet_id   (DossierDocumentModel *self,
                                                              gint64                outlet_id);
const char           *dossier_document_model_get_text        (DossierDocumentModel *self);
/* What a person typed in a search field; NULL or "" searches nothing. */
void                  dossier_document_model_set_text        (DossierDocumentModel *self,
                                                              const char           *text);
/* Whether an outlet or a text filter is set. */
gboolean              dossier_document_model_get_filtered    (DossierDocumentModel *self);
gboolean              dossier_document_model_get_replacing   (DossierDocumentModel *self);

/* The id of the document at @position without making the object; 0 past
 * the end. */
gint64                dossier_document_model_get_document_id (DossierDocumentModel *self,
                                                              guint                 position);
/* The position of @document_id, or G_MAXUINT when it is not listed. */
guint                 dossier_document_model_find            (DossierDocumentModel *self,
                                                              gint64                document_id);
/* Reloads the ids now; done by itself on changes of this database, so
 * needed only after another connection wrote. */
gboolean              dossier_document_model_refresh         (DossierDocumentModel *self,
                                                              GError              **error);

G_END_DECLS
