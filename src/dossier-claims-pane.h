/* dossier-claims-pane.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CLAIMS_PANE (dossier_claims_pane_get_type ())

G_DECLARE_FINAL_TYPE (DossierClaimsPane, dossier_claims_pane, DOSSIER, CLAIMS_PANE, GtkWidget)

/* The claims of the current document as cards, or all claims of the
 * corpus filtered by theme, speaker, outlet and text; and the editor of
 * the selected claim (Enter, a double click or a card's edit button;
 * Escape or Back returns). Emits "claim-selected" (gint64 claim id) when
 * the user selects a card. Actions: claims.delete (the claim in the
 * editor, else the selected one; with a toast to undo), claims.edit,
 * claims.back. */
void dossier_claims_pane_set_database    (DossierClaimsPane *self,
                                          DossierDatabase   *database);
void dossier_claims_pane_set_document_id (DossierClaimsPane *self,
                                          gint64             document_id);
/* Selects the claim's card; with @edit, opens its editor. While the
 * editor is open, it moves to the claim. Does not emit "claim-selected". */
void dossier_claims_pane_select_claim    (DossierClaimsPane *self,
                                          gint64             claim_id,
                                          gboolean           edit);
/* "All Claims" (filtered) rather than "This Document". */
gboolean    dossier_claims_pane_get_show_all       (DossierClaimsPane *self);
void        dossier_claims_pane_set_show_all       (DossierClaimsPane *self,
                                                    gboolean           show_all);
/* The selected card's claim id, 0 if none. */
gint64      dossier_claims_pane_get_selected_claim (DossierClaimsPane *self);
/* The DossierClaims listed now, in order. */
GListModel *dossier_claims_pane_get_claims         (DossierClaimsPane *self);

G_END_DECLS
