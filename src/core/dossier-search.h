/* dossier-search.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *title;
  char   *snippet;
  double  rank;     /* bm25: lower is better */
} DossierDocumentHit;

typedef struct
{
  gint64  id;
  gint64  document_id;
  char   *quote;
  char   *snippet;
  double  rank;
} DossierClaimHit;

/* Turns what a person typed into a safe FTS5 query: every word is searched
 * as a word (never as FTS5 syntax), "quoted phrases" stay phrases, a word
 * ending in * is a prefix, and OR between words is kept. Returns NULL when
 * nothing searchable is left. */
char     *dossier_search_build_query (const char  *text);

/* Full-text search of documents (title, body) and claims (quote, note),
 * each ranked by bm25, at most @limit of each. Snippets mark matches with
 * @open_mark and @close_mark. Accent-insensitive. Arrays hold
 * DossierDocumentHit and DossierClaimHit. */
gboolean  dossier_search             (DossierDatabase  *db,
                                      const char       *text,
                                      guint             limit,
                                      const char       *open_mark,
                                      const char       *close_mark,
                                      GPtrArray       **documents,
                                      GPtrArray       **claims,
                                      GError          **error);

G_END_DECLS
