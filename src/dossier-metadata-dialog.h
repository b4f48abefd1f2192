/* dossier-metadata-dialog.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_METADATA_DIALOG (dossier_metadata_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DossierMetadataDialog, dossier_metadata_dialog, DOSSIER, METADATA_DIALOG, AdwWindow)

/* Edits a document's title, outlet, author, date and web address. Save
 * (the metadata.save action) checks the fields, shows what is wrong
 * beside them and stays open, or writes them in one transaction and
 * closes. Properties: database, document-id (construct-only). */
DossierMetadataDialog *dossier_metadata_dialog_new             (GtkWindow             *parent,
                                                                DossierDatabase       *database,
                                                                gint64                 document_id);
gint64                 dossier_metadata_dialog_get_document_id (DossierMetadataDialog *self);

G_END_DECLS
