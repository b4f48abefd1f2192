/* dossier-application.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_APPLICATION (dossier_application_get_type ())

G_DECLARE_FINAL_TYPE (DossierApplication, dossier_application, DOSSIER, APPLICATION, AdwApplication)

DossierApplication *dossier_application_new          (void);
/* Opens the database windows work on, once: @path, else $DOSSIER_DB,
 * else the default path. activate calls it; tests call it with a path. */
gboolean            dossier_application_open_database (DossierApplication  *self,
                                                       const char          *path,
                                                       GError             **error);
/* The database every window works on; NULL until it is open. */
DossierDatabase    *dossier_application_get_database (DossierApplication *self);
GSettings          *dossier_application_get_settings (DossierApplication *self);
/* Where the bundled sample corpus lives ($DOSSIER_SAMPLE_CORPUS, else the
 * installed copy). */
const char         *dossier_application_get_sample_corpus_dir (DossierApplication *self);

G_END_DECLS
