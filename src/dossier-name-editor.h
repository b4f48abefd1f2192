/* dossier-name-editor.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_NAME_EDITOR (dossier_name_editor_get_type ())

G_DECLARE_FINAL_TYPE (DossierNameEditor, dossier_name_editor, DOSSIER, NAME_EDITOR, GtkWidget)

/* A name renamed in place, as the Themes and Sources windows' rows show
 * it: the name over a dim caption, or an entry while renaming. Enter and
 * leaving the entry save, dossier_name_editor_finish (FALSE) (the row's
 * Escape) cancels; either way the keyboard goes to the nearest focusable
 * ancestor (the row). Saving a changed name shows it at once and emits
 * "rename" with it, stripped; the owner puts the old name back with
 * dossier_name_editor_set_name() if the rename fails.
 *
 * Properties: name, caption, entry-label (the entry's accessible label),
 * editing (read-only). */
GtkWidget  *dossier_name_editor_new             (void);
const char *dossier_name_editor_get_name        (DossierNameEditor *self);
/* Shows @name; a name being typed is left alone. */
void        dossier_name_editor_set_name        (DossierNameEditor *self,
                                                 const char        *name);
const char *dossier_name_editor_get_caption     (DossierNameEditor *self);
void        dossier_name_editor_set_caption     (DossierNameEditor *self,
                                                 const char        *caption);
const char *dossier_name_editor_get_entry_label (DossierNameEditor *self);
void        dossier_name_editor_set_entry_label (DossierNameEditor *self,
                                                 const char        *entry_label);
gboolean    dossier_name_editor_get_editing     (DossierNameEditor *self);
/* Shows the entry with the name, all selected, and focuses it. */
void        dossier_name_editor_start           (DossierNameEditor *self);
/* Back to the label; with @commit, a changed name is saved. */
void        dossier_name_editor_finish          (DossierNameEditor *self,
                                                 gboolean           commit);

G_END_DECLS
