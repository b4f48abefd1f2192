/* dossier-claim-card.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CLAIM_CARD (dossier_claim_card_get_type ())

G_DECLARE_FINAL_TYPE (DossierClaimCard, dossier_claim_card, DOSSIER, CLAIM_CARD, GtkWidget)

/* One claim in the claims pane: the quote (up to six lines), its themes
 * as chips, the note's first line, the speaker and, when asked, the
 * document. Emits "edit-requested" when its edit button is clicked. */
GtkWidget    *dossier_claim_card_new               (void);
/* @theme_colors maps casefolded theme names to "#rrggbb"; may be NULL.
 * The card follows changes of @claim's properties. */
void          dossier_claim_card_set_claim         (DossierClaimCard *self,
                                                    DossierClaim     *claim,
                                                    GHashTable       *theme_colors);
DossierClaim *dossier_claim_card_get_claim         (DossierClaimCard *self);
void          dossier_claim_card_set_show_document (DossierClaimCard *self,
                                                    gboolean          show_document);

G_END_DECLS
