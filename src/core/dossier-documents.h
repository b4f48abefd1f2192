/* dossier-documents.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-database.h"
#include "dossier-document.h"
#include "dossier-metadata.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_DOCUMENT_SORT_DATE,    /* newest first, undated last */
  DOSSIER_DOCUMENT_SORT_TITLE,
  DOSSIER_DOCUMENT_SORT_OUTLET,
} DossierDocumentSort;

/* Whether the corpus holds any document; cheap at any size. */
gboolean         dossier_documents_exist    (DossierDatabase        *db);

/* Array of DossierDocument, without bodies. */
GPtrArray       *dossier_documents_list     (DossierDatabase        *db,
                                             DossierDocumentSort     sort,
                                             GError                **error);
DossierDocument *dossier_documents_get      (DossierDatabase        *db,
                                             gint64                  id,
                                             GError                **error);
char            *dossier_documents_get_body (DossierDatabase        *db,
                                             gint64                  id,
                                             GError                **error);

/* Changes each field @changes sets; an empty string clears it. The outlet
 * is a source of kind outlet, created when new. published must be a real
 * date as YYYY-MM-DD. One transaction. */
gboolean         dossier_documents_update   (DossierDatabase        *db,
                                             gint64                  id,
                                             const DossierMetadata  *changes,
                                             GError                **error);
gboolean         dossier_documents_delete   (DossierDatabase        *db,
                                             gint64                  id,
                                             GError                **error);

/* For lists of any size (DossierDocumentModel): only the ids of the
 * documents, in @sort order, optionally only those whose outlet is
 * @outlet_id (0: any) and those the full-text @text finds in title or
 * body (NULL, "" or nothing searchable: any; the words as
 * dossier_search() reads them, accent-insensitive). Sets @ids to a
 * GArray of gint64. */
gboolean         dossier_documents_list_ids (DossierDatabase        *db,
                                             DossierDocumentSort     sort,
                                             gint64                  outlet_id,
                                             const char             *text,
                                             GArray                **ids,
                                             GError                **error);
/* The documents with these ids, without bodies, in the order of @ids;
 * an id without a document is skipped. One query per 100 ids. */
GPtrArray       *dossier_documents_get_many (DossierDatabase        *db,
                                             const gint64           *ids,
                                             guint                   n_ids,
                                             GError                **error);
/* The sources that published at least one document, by name, as
 * DossierSource (their counts are not computed: left 0). */
GPtrArray       *dossier_documents_list_outlets (DossierDatabase    *db,
                                                 GError            **error);
/* Ids only grow: the highest id now (0 when none), and later how many
 * documents have a higher one and the lowest of those (0 when none),
 * tell what an import added even when it was cancelled. */
gint64           dossier_documents_get_last_id  (DossierDatabase    *db,
                                                 GError            **error);
guint            dossier_documents_count_after  (DossierDatabase    *db,
                                                 gint64              after_id,
                                                 gint64             *first_id,
                                                 GError            **error);

G_END_DECLS
