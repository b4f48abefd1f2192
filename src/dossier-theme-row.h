/* dossier-theme-row.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_THEME_ROW (dossier_theme_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierThemeRow, dossier_theme_row, DOSSIER, THEME_ROW, GtkListBoxRow)

/* One theme in the Themes window: colour, name (renamed in place), claim
 * count and a menu. The row only shows; what the user asks for goes to
 * the window's actions: themes.rename (xs), themes.set-color (xs),
 * themes.merge (x), themes.delete (x), with the theme's id first. */
GtkWidget    *dossier_theme_row_new          (DossierTheme    *theme);
DossierTheme *dossier_theme_row_get_theme    (DossierThemeRow *self);
/* Shows @theme (the same theme, as the database now has it). The name
 * being typed, if any, is left alone. */
void          dossier_theme_row_set_theme    (DossierThemeRow *self,
                                              DossierTheme    *theme);
gint64        dossier_theme_row_get_id       (DossierThemeRow *self);
void          dossier_theme_row_start_rename (DossierThemeRow *self);
gboolean      dossier_theme_row_is_renaming  (DossierThemeRow *self);
/* Opens the row's menu (Rename, Merge Into…, Delete…). */
void          dossier_theme_row_popup_menu   (DossierThemeRow *self);

G_END_DECLS
