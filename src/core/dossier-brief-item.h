/* dossier-brief-item.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-claim.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_BRIEF_ITEM_HEADING,  /* text: the section heading */
  DOSSIER_BRIEF_ITEM_CLAIM,    /* claim-id, claim; text: commentary ("" for none) */
  DOSSIER_BRIEF_ITEM_TEXT,     /* text: free text, Markdown as the user wrote it */
} DossierBriefItemKind;

const char *dossier_brief_item_kind_to_string   (DossierBriefItemKind  kind);
gboolean    dossier_brief_item_kind_from_string (const char           *text,
                                                 DossierBriefItemKind *kind);

#define DOSSIER_TYPE_BRIEF_ITEM (dossier_brief_item_get_type ())

G_DECLARE_FINAL_TYPE (DossierBriefItem, dossier_brief_item, DOSSIER, BRIEF_ITEM, GObject)

/* One item of a brief, as dossier_briefs_get_items() returns it.
 * Properties: id, brief-id, claim-id (int64; claim-id 0 unless a claim
 * item), uuid, position (uint, 0-based, dense within the brief), kind
 * (int, a DossierBriefItemKind), text (never NULL), claim (the
 * DossierClaim of a claim item, with its quote, speaker, document title,
 * outlet, note and themes; NULL otherwise). */
gint64                dossier_brief_item_get_id       (DossierBriefItem *self);
const char           *dossier_brief_item_get_uuid     (DossierBriefItem *self);
gint64                dossier_brief_item_get_brief_id (DossierBriefItem *self);
guint                 dossier_brief_item_get_position (DossierBriefItem *self);
DossierBriefItemKind  dossier_brief_item_get_kind     (DossierBriefItem *self);
gint64                dossier_brief_item_get_claim_id (DossierBriefItem *self);
const char           *dossier_brief_item_get_text     (DossierBriefItem *self);
DossierClaim         *dossier_brief_item_get_claim    (DossierBriefItem *self);

G_END_DECLS
