/* dossier-delete-dialog.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_DELETE_DIALOG (dossier_delete_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DossierDeleteDialog, dossier_delete_dialog, DOSSIER, DELETE_DIALOG, AdwMessageDialog)

/* Asks whether to delete @item (a theme, a source), with the owner's
 * @heading and @body; Cancel is the default. The "delete" signal says
 * the user confirmed, with the item. */
DossierDeleteDialog *dossier_delete_dialog_new      (GtkWindow           *parent,
                                                     GObject             *item,
                                                     const char          *heading,
                                                     const char          *body);
GObject             *dossier_delete_dialog_get_item (DossierDeleteDialog *self);

G_END_DECLS
