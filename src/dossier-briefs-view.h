/* dossier-briefs-view.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_BRIEFS_VIEW (dossier_briefs_view_get_type ())

G_DECLARE_FINAL_TYPE (DossierBriefsView, dossier_briefs_view, DOSSIER, BRIEFS_VIEW, GtkWidget)

/* The Briefs page: the list of briefs, the composer of the selected one,
 * a claim picker and a live Markdown preview. Actions (group "briefs"):
 * new, duplicate, delete, add-section, add-text, add-claim (int64 claim
 * id), move-item-up, move-item-down (the focused item), remove-item
 * (int64 item id), undo (uint32 serial, from a toast), export,
 * copy-markdown. */
void      dossier_briefs_view_set_database  (DossierBriefsView  *self,
                                             DossierDatabase    *database);
/* The export-include-notes, export-include-themes and export-front-matter
 * keys drive the export options. */
void      dossier_briefs_view_set_settings  (DossierBriefsView  *self,
                                             GSettings          *settings);
gint64    dossier_briefs_view_get_brief_id  (DossierBriefsView  *self);
void      dossier_briefs_view_select_brief  (DossierBriefsView  *self,
                                             gint64              brief_id);
/* The selected brief's Markdown with the options of the settings. */
char     *dossier_briefs_view_render        (DossierBriefsView  *self,
                                             GError            **error);
/* What Export… does once a file is chosen: writes the Markdown
 * atomically (a temporary file, then a rename). */
gboolean  dossier_briefs_view_export_to_file (DossierBriefsView *self,
                                              GFile             *file,
                                              GError           **error);

G_END_DECLS
