/* dossier-claims.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-claim.h"
#include "dossier-database.h"

G_BEGIN_DECLS

/* Every field optional (0 or NULL matches all); names match
 * case-insensitively; @text matches the quote and the note (full text). */
typedef struct
{
  gint64      document_id;
  const char *theme;
  const char *speaker;
  const char *outlet;
  const char *text;
} DossierClaimFilter;

/* Array of DossierClaim, by document then position. */
GPtrArray    *dossier_claims_list          (DossierDatabase           *db,
                                            const DossierClaimFilter  *filter,
                                            GError                   **error);
DossierClaim *dossier_claims_get           (DossierDatabase           *db,
                                            gint64                     id,
                                            GError                   **error);

/* Creates a claim over code points [start, end) of the document's body,
 * storing the exact quote, its prefix and suffix. Themes and the speaker
 * are created when new. One transaction. */
DossierClaim *dossier_claims_create        (DossierDatabase           *db,
                                            gint64                     document_id,
                                            guint                      start,
                                            guint                      end,
                                            const char * const        *themes,
                                            const char                *speaker,
                                            const char                *note,
                                            GError                   **error);

/* Same, finding the @occurrence-th (1-based) match of @quote in the body. */
DossierClaim *dossier_claims_create_from_quote (DossierDatabase       *db,
                                            gint64                     document_id,
                                            const char                *quote,
                                            guint                      occurrence,
                                            const char * const        *themes,
                                            const char                *speaker,
                                            const char                *note,
                                            GError                   **error);

/* Edits in one transaction: each non-NULL argument applies. @speaker ""
 * clears the speaker; @note "" clears the note. */
DossierClaim *dossier_claims_edit          (DossierDatabase           *db,
                                            gint64                     id,
                                            const char * const        *add_themes,
                                            const char * const        *remove_themes,
                                            const char                *speaker,
                                            const char                *note,
                                            GError                   **error);
/* Refuses with DOSSIER_DATABASE_ERROR_IN_USE, naming the briefs, when a
 * brief cites the claim: remove it from those briefs first. */
gboolean      dossier_claims_delete        (DossierDatabase           *db,
                                            gint64                     id,
                                            GError                   **error);

/* Undoes dossier_claims_delete(): puts @snapshot (the claim as
 * dossier_claims_get() returned it before the delete) back with the same
 * id, uuid, document, range, quote, prefix, suffix, note, created and
 * updated; the speaker and the themes (in their order) by name, recreated
 * when they were deleted meanwhile. One transaction. Should a claim
 * created since have taken the id, the claim comes back under a new id
 * (same uuid). DOSSIER_DATABASE_ERROR_EXISTS when a claim with that uuid
 * exists, DOSSIER_DATABASE_ERROR_NOT_FOUND when the document is gone. */
DossierClaim *dossier_claims_restore       (DossierDatabase           *db,
                                            DossierClaim              *snapshot,
                                            GError                   **error);

G_END_DECLS
