/* dossier-markdown-private.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-brief.h"
#include "dossier-brief-item.h"
#include "dossier-document.h"
#include "dossier-markdown.h"

G_BEGIN_DECLS

/* Returns a new reference to the document with @document_id, or NULL
 * with @error set. */
typedef DossierDocument *(*DossierMarkdownDocumentFunc) (gint64     document_id,
                                                         gpointer   user_data,
                                                         GError   **error);

/* The renderer behind dossier_brief_render_markdown(), on objects in
 * memory: @items are the brief's DossierBriefItems in order (claim items
 * hold their DossierClaim), and @get_document is called once for each
 * document a claim cites. Fails only when @get_document does. */
char *dossier_markdown_render (DossierBrief                  *brief,
                               GPtrArray                     *items,
                               DossierMarkdownDocumentFunc    get_document,
                               gpointer                       user_data,
                               const DossierMarkdownOptions  *options,
                               GError                       **error);

G_END_DECLS
