/* dossier-themes-window.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_THEMES_WINDOW (dossier_themes_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierThemesWindow, dossier_themes_window, DOSSIER, THEMES_WINDOW, AdwWindow)

/* The Themes window: every theme with its colour and claim count; new,
 * rename, recolour, merge and delete. Follows DossierDatabase::changed.
 *
 * Actions (prefix "themes."): new; rename (xs: id, name); set-color (xs:
 * id, "#rrggbb"); merge (x: id; asks which theme to merge into, then
 * merges); delete (x: id; asks for confirmation, then deletes). */
DossierThemesWindow *dossier_themes_window_new          (GtkWindow           *parent,
                                                         DossierDatabase     *database);
DossierDatabase     *dossier_themes_window_get_database (DossierThemesWindow *self);

G_END_DECLS
