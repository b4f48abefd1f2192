/* dossier-document-row.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DOCUMENT_ROW (dossier_document_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierDocumentRow, dossier_document_row, DOSSIER, DOCUMENT_ROW, GtkWidget)

/* One row of the document list: the title (two lines at most), the
 * outlet and date, and the number of claims. It follows the document's
 * properties, so edits and new claims show at once. */
GtkWidget       *dossier_document_row_new          (void);
DossierDocument *dossier_document_row_get_document (DossierDocumentRow *self);
void             dossier_document_row_set_document (DossierDocumentRow *self,
                                                    DossierDocument    *document);

/* "Gulf Ledger · May 2, 2025", either part alone, or "No outlet or date". */
char            *dossier_document_row_format_byline (const char        *outlet,
                                                     const char        *published);

G_END_DECLS
