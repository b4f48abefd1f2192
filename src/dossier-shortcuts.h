/* dossier-shortcuts.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 resolves application accelerators on the window, where actions
 * installed on a child widget ("reader.highlight", "claims.delete") are
 * never found. Widgets that own such actions add shortcut controllers of
 * their own, and take their keys from the application's accelerator
 * table (see dossier-application.c), so that table stays the one place
 * keys are set.
 *
 * Adds to @controller one shortcut per accelerator @app gives
 * @action_name (or @fallback when the table has none), each running
 * @action; NULL @action means the named action @action_name itself.
 * Takes ownership of @action. */
void dossier_shortcuts_add_from_application (GtkShortcutController *controller,
                                             GtkApplication        *app,
                                             const char            *action_name,
                                             const char            *fallback,
                                             GtkShortcutAction     *action);

G_END_DECLS
