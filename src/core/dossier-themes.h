/* dossier-themes.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-database.h"
#include "dossier-theme.h"

G_BEGIN_DECLS

/* Array of DossierTheme by name, with claim counts. */
GPtrArray    *dossier_themes_list      (DossierDatabase  *db,
                                        GError          **error);
/* Case-insensitive; DOSSIER_DATABASE_ERROR_NOT_FOUND when absent. */
DossierTheme *dossier_themes_find      (DossierDatabase  *db,
                                        const char       *name,
                                        GError          **error);
/* Finds or creates; a new theme takes the next colour of the palette. */
DossierTheme *dossier_themes_ensure    (DossierDatabase  *db,
                                        const char       *name,
                                        GError          **error);
gboolean      dossier_themes_rename    (DossierDatabase  *db,
                                        gint64            id,
                                        const char       *name,
                                        GError          **error);
/* @color is "#rrggbb" (case-insensitive). */
gboolean      dossier_themes_set_color (DossierDatabase  *db,
                                        gint64            id,
                                        const char       *color,
                                        GError          **error);
/* Every claim tagged @from is tagged @into instead; @from is deleted. */
gboolean      dossier_themes_merge     (DossierDatabase  *db,
                                        gint64            from,
                                        gint64            into,
                                        GError          **error);
gboolean      dossier_themes_delete    (DossierDatabase  *db,
                                        gint64            id,
                                        GError          **error);

G_END_DECLS
