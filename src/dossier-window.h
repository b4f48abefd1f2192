/* dossier-window.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-application.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

DossierWindow   *dossier_window_new                  (DossierApplication  *application);
DossierDatabase *dossier_window_get_database         (DossierWindow       *self);
/* Imports files and folders off the main thread, with progress, Cancel,
 * and a toast that sums up the result. */
void             dossier_window_import               (DossierWindow       *self,
                                                      const char * const  *paths);
void             dossier_window_import_sample_corpus (DossierWindow       *self);
void             dossier_window_add_toast            (DossierWindow       *self,
                                                      AdwToast            *toast);

G_END_DECLS
