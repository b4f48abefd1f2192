/* dossier-html-private.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dossier-metadata.h"

G_BEGIN_DECLS

/* The readable text of an HTML page, with libxml2's HTML parser (never
 * fetching anything): the text of <article> or <main> when one holds most
 * of the page, else of <body>; script, style, navigation, forms, footers
 * and the like dropped; entities decoded; block elements separated by
 * "\n\n", <br> by "\n"; other white space collapsed. Not yet normalised.
 *
 * Fills the fields of @metadata that are still NULL from <title>, Open
 * Graph and <meta> tags, <link rel="canonical"> and <time datetime>.
 *
 * The bytes are decoded as dossier_text_decode() does, except that a
 * <meta charset> is believed over uchardet when the page is not UTF-8.
 * Fails with DOSSIER_TEXT_ERROR when the bytes are not text. */
char *dossier_html_extract (const guint8     *data,
                            gsize             length,
                            DossierMetadata  *metadata,
                            GError          **error);

G_END_DECLS
