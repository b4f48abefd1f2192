/* dossier-bench-probe.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Timings of the real app for build-aux/bench; off (one getenv) unless
 * $DOSSIER_BENCH_REPORT names a file. See dossier-bench-probe.c. */
void dossier_bench_probe_attach (GtkApplication *application);

G_END_DECLS
