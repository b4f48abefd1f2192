/* dossier-search-window.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_WINDOW (dossier_search_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierSearchWindow, dossier_search_window, DOSSIER, SEARCH_WINDOW, AdwWindow)

/* Search everywhere (Ctrl+K): documents and claims at once, as
 * dossier_search() ranks them (the same results, in the same order, as
 * `dossier-cli search`), with the matched words in bold. Typing searches
 * as you go, off the main thread on a connection of its own; Down moves
 * into the results, Enter opens one, Escape closes. Opening a result
 * hides the window and emits "document-activated" (gint64 document id,
 * string: the text searched) or "claim-activated" (gint64 claim id).
 * Closing only hides it: the next search starts from the last one. */
DossierSearchWindow *dossier_search_window_new            (GtkWindow           *parent,
                                                           DossierDatabase     *database);
/* Shows the window with the search field focused and its text selected. */
void                 dossier_search_window_present_search (DossierSearchWindow *self);
/* The text whose results (or message) are shown, or NULL before the
 * first search. */
const char          *dossier_search_window_get_shown_text (DossierSearchWindow *self);

G_END_DECLS
