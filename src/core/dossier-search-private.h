/* dossier-search-private.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-search.h"

G_BEGIN_DECLS

/* From how many documents (by highest id) search ranks on two threads;
 * 20,000 by default. Tests lower it to run the split on a small corpus. */
void dossier_search_set_split_from (gint64 documents);

G_END_DECLS
