/* dossier-anchor.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Claims are anchored to a document body twice over, as in the W3C Web
 * Annotation model: a TextPositionSelector (start and end in Unicode code
 * points, end exclusive) and a TextQuoteSelector (the exact text with up to
 * DOSSIER_ANCHOR_CONTEXT code points before and after it). */
#define DOSSIER_ANCHOR_CONTEXT 32

/* Number of code points in @text. */
guint     dossier_anchor_length  (const char  *text);

/* The text between code points @start and @end, or NULL when the range
 * is not inside @text. */
char     *dossier_anchor_slice   (const char  *text,
                                  guint        start,
                                  guint        end);

/* Finds the @occurrence-th (1-based) match of @quote in @body. @quote is
 * normalised as bodies are (dossier_text_normalize()), so line endings and
 * composed characters match; curly quotes and dashes must match what the
 * body holds. Returns the number of matches found in all (0 if none);
 * sets @start and @end only when the requested occurrence exists. */
guint     dossier_anchor_find    (const char  *body,
                                  const char  *quote,
                                  guint        occurrence,
                                  guint       *start,
                                  guint       *end);

/* The up-to-32-code-point prefix and suffix around [start, end). */
void      dossier_anchor_context (const char  *body,
                                  guint        start,
                                  guint        end,
                                  char       **prefix,
                                  char       **suffix);

G_END_DECLS
