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

/* The corpus as a list: live search over titles and text, sort by date,
 * title or outlet (the "sort" property: "date", "title", "outlet", kept in
 * the "document-sort" setting; action documents.sort), filter by outlet.
 * Emits "document-activated" (gint64 document id) when a document is
 * chosen, by click, keyboard or dossier_document_list_select(); the first
 * document is chosen on first load so the reader is never blank.
 * Actions: documents.sort (s), documents.clear-filters. */
void   dossier_document_list_set_database    (DossierDocumentList *self,
                                              DossierDatabase     *database);
/* Focuses the search field and selects its text (Ctrl+Shift+F). */
void   dossier_document_list_focus_search    (DossierDocumentList *self);
/* Selects @document_id, clearing the search and outlet filter first if
 * they hide it, scrolls to it and emits "document-activated". FALSE when
 * no such document is listed. */
gboolean dossier_document_list_select        (DossierDocumentList *self,
                                              gint64               document_id);
/* The selected document's id, or 0. */
gint64 dossier_document_list_get_selected_id (DossierDocumentList *self);

G_END_DECLS
