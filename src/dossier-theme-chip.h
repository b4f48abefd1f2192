/* dossier-theme-chip.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_THEME_CHIP (dossier_theme_chip_get_type ())

G_DECLARE_FINAL_TYPE (DossierThemeChip, dossier_theme_chip, DOSSIER, THEME_CHIP, GtkWidget)

/* A small rounded label tinted with a theme's colour; with "removable",
 * a × button (and Delete or BackSpace on it) emits "remove". All chips
 * share one style provider with a class per colour, never one per chip.
 * Properties: name, color ("#rrggbb" or NULL), removable. */
GtkWidget  *dossier_theme_chip_new           (const char       *name,
                                              const char       *color,
                                              gboolean          removable);
const char *dossier_theme_chip_get_name      (DossierThemeChip *self);
void        dossier_theme_chip_set_name      (DossierThemeChip *self,
                                              const char       *name);
const char *dossier_theme_chip_get_color     (DossierThemeChip *self);
void        dossier_theme_chip_set_color     (DossierThemeChip *self,
                                              const char       *color);
gboolean    dossier_theme_chip_get_removable (DossierThemeChip *self);
void        dossier_theme_chip_set_removable (DossierThemeChip *self,
                                              gboolean          removable);

G_END_DECLS
