/* dossier-brief.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_BRIEF (dossier_brief_get_type ())

G_DECLARE_FINAL_TYPE (DossierBrief, dossier_brief, DOSSIER, BRIEF, GObject)

/* Properties: id (int64), uuid, title, summary (never NULL), created,
 * updated (ISO 8601 UTC). Items arrive with the briefs work (issue 4). */
gint64      dossier_brief_get_id      (DossierBrief *self);
const char *dossier_brief_get_uuid    (DossierBrief *self);
const char *dossier_brief_get_title   (DossierBrief *self);
void        dossier_brief_set_title   (DossierBrief *self,
                                       const char   *title);
const char *dossier_brief_get_summary (DossierBrief *self);
void        dossier_brief_set_summary (DossierBrief *self,
                                       const char   *summary);
const char *dossier_brief_get_created (DossierBrief *self);
const char *dossier_brief_get_updated (DossierBrief *self);

G_END_DECLS
