/* dossier-claim.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_CLAIM (dossier_claim_get_type ())

G_DECLARE_FINAL_TYPE (DossierClaim, dossier_claim, DOSSIER, CLAIM, GObject)

/* A highlighted passage of a document.
 * Properties: id (int64), uuid, document-id (int64), document-title,
 * outlet (the document's outlet name or NULL), start, end (uint: Unicode
 * code points into the document body, end exclusive), quote, prefix,
 * suffix (up to 32 code points around the quote), speaker (name or NULL),
 * speaker-id (int64, 0 if none), note (never NULL), themes (GStrv of
 * theme names, in the order they were added), created, updated
 * (ISO 8601 UTC). */
gint64              dossier_claim_get_id             (DossierClaim *self);
const char         *dossier_claim_get_uuid           (DossierClaim *self);
gint64              dossier_claim_get_document_id    (DossierClaim *self);
const char         *dossier_claim_get_document_title (DossierClaim *self);
const char         *dossier_claim_get_outlet         (DossierClaim *self);
guint               dossier_claim_get_start          (DossierClaim *self);
guint               dossier_claim_get_end            (DossierClaim *self);
const char         *dossier_claim_get_quote          (DossierClaim *self);
const char         *dossier_claim_get_prefix         (DossierClaim *self);
const char         *dossier_claim_get_suffix         (DossierClaim *self);
const char         *dossier_claim_get_speaker        (DossierClaim *self);
void                dossier_claim_set_speaker        (DossierClaim *self,
                                                      const char   *speaker);
gint64              dossier_claim_get_speaker_id     (DossierClaim *self);
const char         *dossier_claim_get_note           (DossierClaim *self);
void                dossier_claim_set_note           (DossierClaim *self,
                                                      const char   *note);
const char * const *dossier_claim_get_themes         (DossierClaim *self);
void                dossier_claim_set_themes         (DossierClaim *self,
                                                      const char * const *themes);
const char         *dossier_claim_get_created        (DossierClaim *self);
const char         *dossier_claim_get_updated        (DossierClaim *self);

G_END_DECLS
