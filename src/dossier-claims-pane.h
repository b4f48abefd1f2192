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
 * the selected claim. Emits "claim-selected" (gint64 claim id) when a
 * card is selected. */
void dossier_claims_pane_set_database    (DossierClaimsPane *self,
                                          DossierDatabase   *database);
void dossier_claims_pane_set_document_id (DossierClaimsPane *self,
                                          gint64             document_id);
/* Selects the claim's card; with @edit, opens its editor. */
void dossier_claims_pane_select_claim    (DossierClaimsPane *self,
                                          gint64             claim_id,
                                          gboolean           edit);

G_END_DECLS
