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

G_END_DECLS
