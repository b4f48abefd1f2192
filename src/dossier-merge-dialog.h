/* dossier-merge-dialog.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_MERGE_DIALOG (dossier_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DossierMergeDialog, dossier_merge_dialog, DOSSIER, MERGE_DIALOG, AdwMessageDialog)

/* Asks whether to merge one item (a theme, a source) into another:
 * into @into, or, when @into is NULL, into one the user picks from
 * @candidates in a searchable drop-down (@from, if among them, is left
 * out; the list is taken as it is now). @name_expression (owned by the
 * dialog) gives an item's name for the drop-down, @target_label is the drop-down's accessible
 * label, and @reason, if not NULL (a failed rename's message), leads the
 * body.
 *
 * The owner writes the text: on notify::into (the target chosen) it
 * calls dossier_merge_dialog_set_text(). The "merge" signal says the
 * user confirmed, with the item and its target. */
DossierMergeDialog *dossier_merge_dialog_new      (GtkWindow          *parent,
                                                   GObject            *from,
                                                   GObject            *into,
                                                   GListModel         *candidates,
                                                   GtkExpression      *name_expression,
                                                   const char         *target_label,
                                                   const char         *reason);
GObject            *dossier_merge_dialog_get_from (DossierMergeDialog *self);
/* The fixed target, or the one chosen; NULL if there is none. */
GObject            *dossier_merge_dialog_get_into (DossierMergeDialog *self);
/* Sets the heading, and the body: the reason, if any, then @consequence. */
void                dossier_merge_dialog_set_text (DossierMergeDialog *self,
                                                   const char         *heading,
                                                   const char         *consequence);

G_END_DECLS
