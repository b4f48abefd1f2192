/* dossier-briefs.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-brief.h"
#include "dossier-brief-item.h"
#include "dossier-database.h"

G_BEGIN_DECLS

/* Briefs: a title, a summary and ordered items (section headings, claims
 * with the user's commentary, free text). Every operation is one
 * transaction and emits DossierDatabase::changed with
 * DOSSIER_CHANGE_BRIEFS after it commits; every change to a brief's items
 * also updates the brief's "updated" time. Item positions are dense:
 * 0 … n-1 in the order the brief shows them.
 *
 * Deleting a claim used in a brief: dossier_claims_delete() refuses with
 * DOSSIER_DATABASE_ERROR_IN_USE and a message naming the briefs ("Claim 12
 * is used in the briefs “Water outlook” and “Q3 memo”: remove it from them
 * first"), so a brief never silently loses a quote it cites. The schema
 * backs this up (brief_items.claim_id … ON DELETE RESTRICT), so deleting
 * a document whose claims a brief cites fails too, for now with SQLite's
 * own "FOREIGN KEY constraint failed" rather than a message naming the
 * briefs. */

/* Array of DossierBrief, by title (case-insensitive), then id. */
GPtrArray        *dossier_briefs_list        (DossierDatabase  *db,
                                              GError          **error);
DossierBrief     *dossier_briefs_get         (DossierDatabase  *db,
                                              gint64            id,
                                              GError          **error);
/* Array of DossierBriefItem by position; claim items carry their
 * DossierClaim. */
GPtrArray        *dossier_briefs_get_items   (DossierDatabase  *db,
                                              gint64            brief_id,
                                              GError          **error);

/* @title: one line, not empty (trimmed); @summary may be NULL. */
DossierBrief     *dossier_briefs_create      (DossierDatabase  *db,
                                              const char       *title,
                                              const char       *summary,
                                              GError          **error);
gboolean          dossier_briefs_set_title   (DossierDatabase  *db,
                                              gint64            id,
                                              const char       *title,
                                              GError          **error);
/* @summary NULL or "" clears it. */
gboolean          dossier_briefs_set_summary (DossierDatabase  *db,
                                              gint64            id,
                                              const char       *summary,
                                              GError          **error);
/* A copy of the brief and its items, with new uuids; @title NULL gives
 * "TITLE (copy)". */
DossierBrief     *dossier_briefs_duplicate   (DossierDatabase  *db,
                                              gint64            id,
                                              const char       *title,
                                              GError          **error);
/* Deletes the brief and its items; the claims stay. */
gboolean          dossier_briefs_delete      (DossierDatabase  *db,
                                              gint64            id,
                                              GError          **error);

/* Adding items. With @section NULL the item goes at the end of the brief;
 * otherwise at the end of that section: just before the next heading
 * after the first heading whose text is @section (trimmed, compared
 * case-insensitively), DOSSIER_DATABASE_ERROR_NOT_FOUND when there is no
 * such heading. A heading is one line, not empty; free text not empty;
 * @commentary may be NULL. */
DossierBriefItem *dossier_briefs_add_heading (DossierDatabase  *db,
                                              gint64            brief_id,
                                              const char       *heading,
                                              GError          **error);
DossierBriefItem *dossier_briefs_add_claim   (DossierDatabase  *db,
                                              gint64            brief_id,
                                              gint64            claim_id,
                                              const char       *commentary,
                                              const char       *section,
                                              GError          **error);
DossierBriefItem *dossier_briefs_add_text    (DossierDatabase  *db,
                                              gint64            brief_id,
                                              const char       *text,
                                              const char       *section,
                                              GError          **error);

/* Moves an item to @position (0-based, in the brief's current order, at
 * most n-1) and renumbers the brief densely. */
gboolean          dossier_briefs_move_item   (DossierDatabase  *db,
                                              gint64            item_id,
                                              guint             position,
                                              GError          **error);
/* Sets a heading's text, a free text, or a claim item's commentary (""
 * clears the commentary). */
gboolean          dossier_briefs_set_item_text (DossierDatabase *db,
                                              gint64            item_id,
                                              const char       *text,
                                              GError          **error);
/* Removes an item and renumbers the rest. */
gboolean          dossier_briefs_remove_item (DossierDatabase  *db,
                                              gint64            item_id,
                                              GError          **error);

G_END_DECLS
