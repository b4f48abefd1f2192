/* dossier-sources-private.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-sources.h"

G_BEGIN_DECLS

/* Inside an open transaction: the id of the source named @name (white
 * space trimmed), created with @kind when new. 0 with @error on failure. */
gint64 dossier_sources_ensure_id (DossierDatabase    *db,
                                  const char         *name,
                                  DossierSourceKind   kind,
                                  GError            **error);

G_END_DECLS
