/* dossier-theme.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_THEME (dossier_theme_get_type ())

G_DECLARE_FINAL_TYPE (DossierTheme, dossier_theme, DOSSIER, THEME, GObject)

/* Properties: id (int64), uuid, name, color ("#rrggbb"), parent-id (int64,
 * 0 if none), description, claim-count (uint). */
gint64      dossier_theme_get_id          (DossierTheme *self);
const char *dossier_theme_get_uuid        (DossierTheme *self);
const char *dossier_theme_get_name        (DossierTheme *self);
void        dossier_theme_set_name        (DossierTheme *self,
                                           const char   *name);
const char *dossier_theme_get_color       (DossierTheme *self);
void        dossier_theme_set_color       (DossierTheme *self,
                                           const char   *color);
gint64      dossier_theme_get_parent_id   (DossierTheme *self);
const char *dossier_theme_get_description (DossierTheme *self);
void        dossier_theme_set_description (DossierTheme *self,
                                           const char   *description);
guint       dossier_theme_get_claim_count (DossierTheme *self);

G_END_DECLS
