/* dossier-markdown.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-database.h"

G_BEGIN_DECLS

/* Export options; all off is the default ({ 0 } or NULL). */
typedef struct
{
  gboolean include_notes;   /* each claim's note, after its quote */
  gboolean include_themes;  /* "*Themes: A, B*" after each quote */
  gboolean front_matter;    /* YAML front matter: title, date (the brief's
                             * last change, YYYY-MM-DD), summary */
} DossierMarkdownOptions;

/* Renders a brief as CommonMark with Pandoc/GFM footnotes (DESIGN.md §5):
 * "# Title", the summary, "## Heading" for headings, free text and
 * commentary as the user wrote them, each claim as one blockquote whose
 * text a CommonMark renderer shows verbatim, with an attribution line and
 * one footnote per cited document, numbered in order of first use.
 * The same brief and options always give the same bytes. */
char *dossier_brief_render_markdown (DossierDatabase               *db,
                                     gint64                         brief_id,
                                     const DossierMarkdownOptions  *options,
                                     GError                       **error);

/* Appends @text so that CommonMark shows it verbatim. With @line_prefix
 * (e.g. "> ") a multi-line text is written as lines of that prefix: one
 * "\n" becomes a hard line break, a blank line a paragraph break within
 * the same container. Without, newlines become spaces and the text is
 * trimmed of white space, Unicode's included (for titles and names on
 * one line). Line breaks at the very start or end of @text are dropped
 * (a blockquote cannot show them). */
void  dossier_markdown_append_escaped (GString    *out,
                                       const char *text,
                                       const char *line_prefix);

G_END_DECLS
