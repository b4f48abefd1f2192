/* dossier-extract.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dossier-metadata.h"

G_BEGIN_DECLS

/* The formats import understands, by file name ending:
 * .txt/.text → "txt", .md/.markdown → "markdown", .html/.htm/.xhtml → "html".
 * Returns NULL for anything else. */
const char *dossier_extract_format_for_name (const char       *filename);

/* Turns a file's bytes into a normalised body (dossier_text_normalize())
 * and the metadata the file states (front matter, <meta> tags) or that
 * dossier_metadata_guess() finds in the text. @filename is only used for
 * its ending (and as a last-resort title). Fails with DOSSIER_TEXT_ERROR
 * and a reason a person can read. */
gboolean    dossier_extract                 (const char       *filename,
                                             const guint8     *data,
                                             gsize             length,
                                             char            **body,
                                             DossierMetadata **metadata,
                                             const char      **format,
                                             GError          **error);

G_END_DECLS
