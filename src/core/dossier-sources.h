/* dossier-sources.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-database.h"
#include "dossier-source.h"

G_BEGIN_DECLS

/* Array of DossierSource by name, with claim and document counts. */
GPtrArray     *dossier_sources_list     (DossierDatabase    *db,
                                         GError            **error);
/* The same without the counts (they read 0), for lists of names: costs
 * the number of sources, where counting reads every document. */
GPtrArray     *dossier_sources_list_names (DossierDatabase  *db,
                                         GError            **error);
DossierSource *dossier_sources_find     (DossierDatabase    *db,
                                         const char         *name,
                                         GError            **error);
/* Finds or creates; @kind is used only when creating. */
DossierSource *dossier_sources_ensure   (DossierDatabase    *db,
                                         const char         *name,
                                         DossierSourceKind   kind,
                                         GError            **error);
gboolean       dossier_sources_rename   (DossierDatabase    *db,
                                         gint64              id,
                                         const char         *name,
                                         GError            **error);
gboolean       dossier_sources_set_kind (DossierDatabase    *db,
                                         gint64              id,
                                         DossierSourceKind   kind,
                                         GError            **error);
/* Claims spoken by and documents published by @from move to @into. */
gboolean       dossier_sources_merge    (DossierDatabase    *db,
                                         gint64              from,
                                         gint64              into,
                                         GError            **error);
gboolean       dossier_sources_delete   (DossierDatabase    *db,
                                         gint64              id,
                                         GError            **error);

G_END_DECLS
