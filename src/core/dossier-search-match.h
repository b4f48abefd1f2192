/* dossier-search-match.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a search hit is in a document. FTS5 says which documents match
 * but, with external content, not where: this finds the first place in
 * @body that matches what a person typed (@text, read as
 * dossier_search_build_query() reads it), with the tokenizer's rules —
 * words of letters and digits, case and accents ignored, "phrases" as
 * consecutive words, prefix* on a phrase's last word. The first match to
 * end wins. Sets @start and @end to code point offsets into @body (end
 * exclusive, DESIGN §3) and returns TRUE; FALSE when nothing in @body
 * matches (the hit was in the title) or nothing in @text is searchable. */
gboolean dossier_search_match_first (const char *text,
                                     const char *body,
                                     guint      *start,
                                     guint      *end);

G_END_DECLS
