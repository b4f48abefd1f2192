/* dossier-document-list.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DOCUMENT_LIST (dossier_document_list_get_type ())

G_DECLARE_FINAL_TYPE (DossierDocumentList, dossier_document_list, DOSSIER, DOCUMENT_LIST, GtkWidget)

/* The corpus as a list: search, sort, filter by outlet. Emits
 * "document-activated" (gint64 document id) when a document is chosen. */
void dossier_document_list_set_database (DossierDocumentList *self,
                                        DossierDatabase     *database);
void dossier_document_list_focus_search (DossierDocumentList *self);
/* Selects @document_id (if listed) and emits "document-activated". */
void dossier_document_list_select       (DossierDocumentList *self,
                                         gint64               document_id);

G_END_DECLS
