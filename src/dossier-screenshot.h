/* dossier-screenshot.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Saves what @native (a window, a dialog or a popover) shows into a PNG
 * file at @path, for tests and headless demos.
 *
 * GTK keeps what a widget last drew only until something asks it to draw
 * again, so a picture taken at an arbitrary moment may be empty. This
 * waits for the next frame @native paints (asking for one), and for it to
 * be mapped first when it is not yet, and saves that frame. Fails when
 * @native is not visible or is hidden before it was drawn. */
void     dossier_screenshot_save_async  (GtkWidget            *native,
                                         const char           *path,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean dossier_screenshot_save_finish (GtkWidget            *native,
                                         GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
