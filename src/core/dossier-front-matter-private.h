/* dossier-front-matter-private.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dossier-metadata.h"

G_BEGIN_DECLS

/* Splits YAML front matter off the start of @text (UTF-8, newlines as
 * "\n"): a first line "---", then YAML, then a line "---" or "...".
 *
 * Returns a pointer into @text where the body starts and sets @metadata
 * to what the front matter states (title; outlet, source, publisher,
 * site; author or authors, a string or a list; date or published; url,
 * link, canonical), or to NULL. Front matter that is not a YAML mapping,
 * is not valid YAML or is never closed is not front matter: @text is
 * returned as it is and @metadata set to NULL, so nothing is lost. */
const char *dossier_front_matter_parse (const char       *text,
                                        DossierMetadata **metadata);

G_END_DECLS
