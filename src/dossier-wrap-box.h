/* dossier-wrap-box.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_WRAP_BOX (dossier_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (DossierWrapBox, dossier_wrap_box, DOSSIER, WRAP_BOX, GtkWidget)

/* Lays its children out in a row that wraps onto as many lines as the
 * width needs (theme chips). Lighter than GtkFlowBox: no wrapper per
 * child, so focus goes straight to what the children hold.
 * Property: spacing (between children and between lines). */
GtkWidget *dossier_wrap_box_new         (int             spacing);
void       dossier_wrap_box_append      (DossierWrapBox *self,
                                         GtkWidget      *child);
void       dossier_wrap_box_remove_all  (DossierWrapBox *self);
int        dossier_wrap_box_get_spacing (DossierWrapBox *self);
void       dossier_wrap_box_set_spacing (DossierWrapBox *self,
                                         int             spacing);

G_END_DECLS
