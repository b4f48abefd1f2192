/* dossier-manifest.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "dossier-metadata.h"

G_BEGIN_DECLS

/* corpus.json beside imported files: metadata per file name that wins over
 * guesses. Accepted shapes:
 *   {"files": {"a.txt": {"title", "outlet", "author", "date", "url"}}}
 *   {"a.txt": {…}}
 *   [{"file": "a.txt", "title": …}, …]   ("path" is accepted for "file")
 * Fields of the wrong type are ignored, entry by entry. */
#define DOSSIER_MANIFEST_NAME "corpus.json"

#define DOSSIER_MANIFEST_ERROR (dossier_manifest_error_quark ())

typedef enum
{
  DOSSIER_MANIFEST_ERROR_INVALID,  /* not JSON, or not an object or array */
} DossierManifestError;

GQuark dossier_manifest_error_quark (void);

#define DOSSIER_TYPE_MANIFEST (dossier_manifest_get_type ())

G_DECLARE_FINAL_TYPE (DossierManifest, dossier_manifest, DOSSIER, MANIFEST, GObject)

DossierManifest       *dossier_manifest_load           (const char      *path,
                                                        GError         **error);
/* The same from @length bytes in memory; @display names them in error
 * messages (e.g. the file's display name). */
DossierManifest       *dossier_manifest_load_from_data (const char      *contents,
                                                        gsize            length,
                                                        const char      *display,
                                                        GError         **error);
/* @name is a file name relative to the manifest's folder. */
const DossierMetadata *dossier_manifest_lookup         (DossierManifest *self,
                                                        const char      *name);
/* The file names the manifest has entries for, sorted by bytes. */
GStrv                  dossier_manifest_dup_names      (DossierManifest *self);

G_END_DECLS
