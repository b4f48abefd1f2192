/* dossier-completion-entry.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_COMPLETION_ENTRY (dossier_completion_entry_get_type ())

G_DECLARE_FINAL_TYPE (DossierCompletionEntry, dossier_completion_entry, DOSSIER, COMPLETION_ENTRY, GtkEntry)

/* An entry that suggests names as you type (case-insensitive, names
 * that start with the text first) in a popover under it. Down and Up
 * pick a suggestion, Enter or a click takes it, Escape closes the
 * popover. Enter emits "commit" (const char *text: the suggestion taken,
 * or the text as typed, trimmed). Without a picked suggestion Enter
 * keeps what was typed, so a new name can be entered. */
GtkWidget *dossier_completion_entry_new            (void);
void       dossier_completion_entry_set_candidates (DossierCompletionEntry *self,
                                                    const char * const     *names);
/* Sets the text without suggesting anything. */
void       dossier_completion_entry_set_text       (DossierCompletionEntry *self,
                                                    const char             *text);
/* The suggestions showing now (for tests and accessibility checks). */
GListModel *dossier_completion_entry_get_suggestions (DossierCompletionEntry *self);
gboolean   dossier_completion_entry_get_popup_visible (DossierCompletionEntry *self);

G_END_DECLS
