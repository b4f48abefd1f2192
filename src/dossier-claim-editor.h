/* dossier-claim-editor.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CLAIM_EDITOR (dossier_claim_editor_get_type ())

G_DECLARE_FINAL_TYPE (DossierClaimEditor, dossier_claim_editor, DOSSIER, CLAIM_EDITOR, GtkWidget)

/* Edits one claim: its themes (chips with ×, an entry that suggests
 * existing themes and creates new ones on Enter), its speaker (suggests
 * sources; a new name creates a person; empty clears) and its note
 * (saved after a short pause and when the focus leaves). Every change is
 * one dossier_claims_edit() call; errors show as toasts. Follows
 * DossierDatabase::changed; when the claim is deleted, "claim-id" drops
 * to 0. Its back and delete buttons use the claims.back and
 * claims.delete actions of the DossierClaimsPane that holds it.
 * Property: claim-id (int64, read-only). */
void          dossier_claim_editor_set_database  (DossierClaimEditor *self,
                                                  DossierDatabase    *database);
/* Saves what is pending for the current claim first. */
void          dossier_claim_editor_set_claim_id  (DossierClaimEditor *self,
                                                  gint64              claim_id);
gint64        dossier_claim_editor_get_claim_id  (DossierClaimEditor *self);
DossierClaim *dossier_claim_editor_get_claim     (DossierClaimEditor *self);
/* Saves a speaker or note still being typed; FALSE when that failed
 * (the error was shown). */
gboolean      dossier_claim_editor_save          (DossierClaimEditor *self);
void          dossier_claim_editor_focus_themes  (DossierClaimEditor *self);

G_END_DECLS
