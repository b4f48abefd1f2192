/* dossier-sources-window.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SOURCES_WINDOW (dossier_sources_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierSourcesWindow, dossier_sources_window, DOSSIER, SOURCES_WINDOW, AdwWindow)

/* The Sources window: every speaker and outlet with its kind and counts;
 * search, rename, change the kind, merge duplicates, delete. Follows
 * DossierDatabase::changed.
 *
 * Actions (prefix "sources."): find (shows and focuses the search entry);
 * rename (xs: id, name); set-kind (xs: id, "person", "outlet",
 * "organization", "government" or "other"); merge (x: id; asks which
 * source to merge into, then merges); delete (x: id; asks, then deletes). */
DossierSourcesWindow *dossier_sources_window_new          (GtkWindow            *parent,
                                                           DossierDatabase      *database);
DossierDatabase      *dossier_sources_window_get_database (DossierSourcesWindow *self);

G_END_DECLS
