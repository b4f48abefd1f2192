/* dossier-color-swatch.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_COLOR_SWATCH (dossier_color_swatch_get_type ())

G_DECLARE_FINAL_TYPE (DossierColorSwatch, dossier_color_swatch, DOSSIER, COLOR_SWATCH, GtkWidget)

/* A round dot of a theme's colour. Properties: color ("#rrggbb"; an
 * unparsable colour draws an empty ring), selected (draws a ring around
 * the dot, for the current choice in a palette). */
GtkWidget  *dossier_color_swatch_new          (const char         *color);
const char *dossier_color_swatch_get_color    (DossierColorSwatch *self);
void        dossier_color_swatch_set_color    (DossierColorSwatch *self,
                                               const char         *color);
gboolean    dossier_color_swatch_get_selected (DossierColorSwatch *self);
void        dossier_color_swatch_set_selected (DossierColorSwatch *self,
                                               gboolean            selected);

G_END_DECLS
