/* dossier-search-row.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

/* What marks a match in the snippets the search window asks for: control
 * characters, which normalised text never holds (DESIGN §4). */
#define DOSSIER_SEARCH_MARK_OPEN  "\x01"
#define DOSSIER_SEARCH_MARK_CLOSE "\x02"

typedef enum
{
  DOSSIER_SEARCH_RESULT_DOCUMENT,
  DOSSIER_SEARCH_RESULT_CLAIM,
} DossierSearchResultKind;

#define DOSSIER_TYPE_SEARCH_ROW (dossier_search_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierSearchRow, dossier_search_row, DOSSIER, SEARCH_ROW, GtkListBoxRow)

/* One result of the search window: for a document its title, outlet and
 * date; for a claim the start of its quote and its document's title;
 * then the snippet with the matched words in bold. @document (the hit's
 * document, or the claim's) may be NULL. */
GtkWidget              *dossier_search_row_new_document     (const DossierDocumentHit *hit,
                                                             DossierDocument          *document);
GtkWidget              *dossier_search_row_new_claim        (const DossierClaimHit    *hit,
                                                             DossierDocument          *document);
DossierSearchResultKind dossier_search_row_get_kind         (DossierSearchRow         *self);
/* The document's or the claim's id. */
gint64                  dossier_search_row_get_id           (DossierSearchRow         *self);
/* The document's id, or the claim's document's. */
gint64                  dossier_search_row_get_document_id  (DossierSearchRow         *self);

/* Pango markup for a snippet whose matches are between
 * DOSSIER_SEARCH_MARK_OPEN and DOSSIER_SEARCH_MARK_CLOSE: the matches in
 * bold, everything else escaped (a title or a quote is never markup),
 * runs of white space as one space. */
char                   *dossier_search_row_snippet_markup   (const char               *snippet);

G_END_DECLS
