/* dossier-themes-private.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-themes.h"

G_BEGIN_DECLS

/* Inside an open transaction: the id of the theme named @name (white
 * space trimmed), created with the next palette colour when new. */
gint64 dossier_themes_ensure_id (DossierDatabase  *db,
                                 const char       *name,
                                 GError          **error);
/* 0 without error when there is no such theme. */
gint64 dossier_themes_lookup_id (DossierDatabase  *db,
                                 const char       *name,
                                 GError          **error);

G_END_DECLS
