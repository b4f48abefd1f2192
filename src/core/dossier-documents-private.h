/* dossier-documents-private.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-documents.h"

G_BEGIN_DECLS

/* The document whose normalised body has this SHA-256: its id, 0 when
 * none, -1 with @error on failure. */
gint64 dossier_documents_find_by_hash (DossierDatabase        *db,
                                       const char             *sha256,
                                       GError                **error);

/* Inside an open transaction: stores a new document, its body and its
 * full-text entry (three statements). Returns the new id, or 0. */
gint64 dossier_documents_insert       (DossierDatabase        *db,
                                       const DossierMetadata  *metadata,
                                       const char             *body,
                                       const char             *sha256,
                                       const char             *origin,
                                       const char             *format,
                                       GError                **error);

/* TRUE when @date is a real calendar date written YYYY-MM-DD. */
gboolean dossier_documents_is_iso_date (const char            *date);

G_END_DECLS
