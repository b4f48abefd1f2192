/* dossier-claims.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-claims"

#include "config.h"

#include "dossier-anchor.h"
#include "dossier-claims.h"
#include "dossier-database-private.h"
#include "dossier-documents.h"
#include "dossier-search.h"
#include "dossier-sources-private.h"
#include "dossier-themes-private.h"

/* Theme names never hold control characters (see
 * dossier_database_clean_name()), so U+001F can separate them. */
#define THEME_SEPARATOR "\x1f"

#define CLAIM_COLUMNS \
  "c.id, c.uuid, c.document_id, d.title, o.name, c.start, c.\"end\", c.quote, " \
  "c.prefix, c.suffix, sp.name, c.speaker_id, c.note, c.created, c.updated, " \
  "(SELECT group_concat(name, char(31)) FROM " \
  "  (SELECT t.name AS name FROM claim_themes ct JOIN themes t ON t.id = ct.theme_id " \
  "   WHERE ct.claim_id = c.id ORDER BY ct.position, t.name)) " \
  "FROM claims c " \
  "JOIN documents d ON d.id = c.document_id " \
  "LEFT JOIN sources o ON o.id = d.outlet_id " \
  "LEFT JOIN sources sp ON sp.id = c.speaker_id "

static DossierClaim *
claim_from_row (sqlite3_stmt *stmt)
{
  const char *themes_text = (const char *)sqlite3_column_text (stmt, 15);
  g_auto(GStrv) themes = NULL;

  if (themes_text != NULL)
    themes = g_strsplit (themes_text, THEME_SEPARATOR, -1);
  else
    themes = g_new0 (char *, 1);

  return g_object_new (DOSSIER_TYPE_CLAIM,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", (const char *)sqlite3_column_text (stmt, 1),
                       "document-id", sqlite3_column_int64 (stmt, 2),
                       "document-title", (const char *)sqlite3_column_text (stmt, 3),
                       "outlet", (const char *)sqlite3_column_text (stmt, 4),
                       "start", (guint)sqlite3_column_int64 (stmt, 5),
                       "end", (guint)sqlite3_column_int64 (stmt, 6),
                       "quote", (const char *)sqlite3_column_text (stmt, 7),
                       "prefix", (const char *)sqlite3_column_text (stmt, 8),
                       "suffix", (const char *)sqlite3_column_text (stmt, 9),
                       "speaker", (const char *)sqlite3_column_text (stmt, 10),
                       "speaker-id", sqlite3_column_int64 (stmt, 11),
                       "note", (const char *)sqlite3_column_text (stmt, 12),
                       "created", (const char *)sqlite3_column_text (stmt, 13),
                       "updated", (const char *)sqlite3_column_text (stmt, 14),
                       "themes", themes,
                       NULL);
}

static GPtrArray *
collect_claims (DossierDatabase  *db,
                sqlite3_stmt     *stmt,
                GError          **error)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (claims, claim_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      dossier_database_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&claims);
}

GPtrArray *
dossier_claims_list (DossierDatabase           *db,
                     const DossierClaimFilter  *filter,
                     GError                   **error)
{
  static const DossierClaimFilter everything = { 0 };
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (filter == NULL)
    filter = &everything;

  /* The reader asks for one document's claims on every open: give it a
   * statement that uses the (document_id, start) index. */
  if (filter->theme == NULL && filter->speaker == NULL &&
      filter->outlet == NULL && filter->text == NULL)
    {
      if (filter->document_id != 0)
        {
          if (!(stmt = dossier_database_prepare (db,
                                                 "SELECT " CLAIM_COLUMNS
                                                 "WHERE c.document_id = ? ORDER BY c.start, c.\"end\", c.id",
                                                 error)))
            return NULL;
          sqlite3_bind_int64 (stmt, 1, filter->document_id);
        }
      else if (!(stmt = dossier_database_prepare (db,
                                                  "SELECT " CLAIM_COLUMNS
                                                  "ORDER BY c.document_id, c.start, c.\"end\", c.id",
                                                  error)))
        return NULL;

      return collect_claims (db, stmt, error);
    }

  if (filter->text != NULL)
    {
      match = dossier_search_build_query (filter->text);
      /* Nothing searchable (only punctuation): nothing can match. */
      if (match == NULL)
        return g_ptr_array_new_with_free_func (g_object_unref);
    }

  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT " CLAIM_COLUMNS
                                         "WHERE (?1 = 0 OR c.document_id = ?1)"
                                         "  AND (?2 IS NULL OR EXISTS (SELECT 1 FROM claim_themes ct"
                                         "       JOIN themes t ON t.id = ct.theme_id"
                                         "       WHERE ct.claim_id = c.id AND t.name = trim(?2)))"
                                         "  AND (?3 IS NULL OR sp.name = trim(?3))"
                                         "  AND (?4 IS NULL OR o.name = trim(?4))"
                                         "  AND (?5 IS NULL OR c.id IN"
                                         "       (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?5)) "
                                         "ORDER BY c.document_id, c.start, c.\"end\", c.id",
                                         error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, filter->document_id);
  dossier_sql_bind_text (stmt, 2, filter->theme);
  dossier_sql_bind_text (stmt, 3, filter->speaker);
  dossier_sql_bind_text (stmt, 4, filter->outlet);
  dossier_sql_bind_text (stmt, 5, match);

  return collect_claims (db, stmt, error);
}

DossierClaim *
dossier_claims_get (DossierDatabase  *db,
                    gint64            id,
                    GError          **error)
{
  DossierClaim *claim = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(stmt = dossier_database_prepare (db, "SELECT " CLAIM_COLUMNS "WHERE c.id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    claim = claim_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                 "No claim with id %" G_GINT64_FORMAT, id);
  else
    dossier_database_fail (db, rc, error);
  sqlite3_reset (stmt);

  return claim;
}

static gboolean
add_theme (DossierDatabase  *db,
           gint64            claim,
           const char       *name,
           GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 theme;

  if (!(theme = dossier_themes_ensure_id (db, name, error)))
    return FALSE;

  if (!(stmt = dossier_database_prepare (db,
                                         "INSERT OR IGNORE INTO claim_themes (claim_id, theme_id, position) "
                                         "VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) "
                                         "                 FROM claim_themes WHERE claim_id = ?1))",
                                         error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, claim);
  sqlite3_bind_int64 (stmt, 2, theme);

  return dossier_database_step_done (db, stmt, error);
}

static gboolean
remove_theme (DossierDatabase  *db,
              gint64            claim,
              const char       *name,
              GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 theme;

  theme = dossier_themes_lookup_id (db, name, error);
  if (theme < 0)
    return FALSE;

  if (theme > 0)
    {
      if (!(stmt = dossier_database_prepare (db,
                                             "DELETE FROM claim_themes WHERE claim_id = ? AND theme_id = ?",
                                             error)))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, claim);
      sqlite3_bind_int64 (stmt, 2, theme);

      if (!dossier_database_step_done (db, stmt, error))
        return FALSE;
    }

  if (theme == 0 || sqlite3_changes (dossier_database_get_handle (db)) == 0)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                   "Claim %" G_GINT64_FORMAT " is not tagged “%s”", claim, name);
      return FALSE;
    }

  return TRUE;
}

/* Binds the speaker (parameter @index): NULL or blank clears it. */
static gboolean
bind_speaker (DossierDatabase  *db,
              sqlite3_stmt     *stmt,
              int               index,
              const char       *speaker,
              GError          **error)
{
  g_autofree char *trimmed = speaker != NULL ? g_strstrip (g_strdup (speaker)) : NULL;
  gint64 id;

  if (trimmed == NULL || trimmed[0] == '\0')
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }

  if (!(id = dossier_sources_ensure_id (db, trimmed, DOSSIER_SOURCE_KIND_PERSON, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, index, id);

  return TRUE;
}

static gboolean
check_note (const char  *note,
            GError     **error)
{
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error_literal (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                           "The note must be valid UTF-8 text");
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Inside a transaction: inserts the claim over [start, end) of @body. */
static gint64
insert_claim (DossierDatabase     *db,
              gint64               document_id,
              const char          *body,
              guint                start,
              guint                end,
              const char * const  *themes,
              const char          *speaker,
              const char          *note,
              GError             **error)
{
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (start >= end || !(quote = dossier_anchor_slice (body, start, end)))
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                   "Range %u–%u is not inside document %" G_GINT64_FORMAT " (it has %u characters)",
                   start, end, document_id, dossier_anchor_length (body));
      return 0;
    }

  if (is_blank (quote))
    {
      g_set_error_literal (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                           "The selected text is only white space");
      return 0;
    }

  if (!check_note (note, error))
    return 0;

  dossier_anchor_context (body, start, end, &prefix, &suffix);

  if (!(stmt = dossier_database_prepare (db,
                                         "INSERT INTO claims (uuid, document_id, start, \"end\", quote, prefix, suffix,"
                                         "  speaker_id, note, created, updated) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                         error)))
    return 0;

  uuid = g_uuid_string_random ();
  now = dossier_database_now ();
  dossier_sql_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, document_id);
  sqlite3_bind_int64 (stmt, 3, start);
  sqlite3_bind_int64 (stmt, 4, end);
  dossier_sql_bind_text (stmt, 5, quote);
  dossier_sql_bind_text (stmt, 6, prefix);
  dossier_sql_bind_text (stmt, 7, suffix);
  if (!bind_speaker (db, stmt, 8, speaker, error))
    return 0;
  dossier_sql_bind_text (stmt, 9, note != NULL ? note : "");
  dossier_sql_bind_text (stmt, 10, now);
  dossier_sql_bind_text (stmt, 11, now);

  if (!dossier_database_step_done (db, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (dossier_database_get_handle (db));

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    if (!add_theme (db, id, themes[i], error))
      return 0;

  return id;
}

/* Looks up the body and runs @find_range on it to decide where the claim
 * goes, then inserts it; all in one transaction. */
static DossierClaim *
create_claim (DossierDatabase     *db,
              gint64               document_id,
              const char          *quote,
              guint                occurrence,
              guint                start,
              guint                end,
              const char * const  *themes,
              const char          *speaker,
              const char          *note,
              GError             **error)
{
  g_autofree char *body = NULL;
  gint64 id;

  if (!dossier_database_begin (db, error))
    return NULL;

  if (!(body = dossier_documents_get_body (db, document_id, error)))
    goto failed;

  if (quote != NULL)
    {
      guint found;

      if (occurrence == 0)
        occurrence = 1;

      found = dossier_anchor_find (body, quote, occurrence, &start, &end);
      if (found == 0)
        {
          g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                       "The quote is not in document %" G_GINT64_FORMAT
                       " (quotation marks, apostrophes and dashes must match the document's: "
                       "“ ” ’ — are not \" ' -)",
                       document_id);
          goto failed;
        }
      if (occurrence > found)
        {
          g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                       "The quote occurs %u time%s in document %" G_GINT64_FORMAT
                       ", so there is no occurrence %u",
                       found, found == 1 ? "" : "s", document_id, occurrence);
          goto failed;
        }
    }

  if (!(id = insert_claim (db, document_id, body, start, end, themes, speaker, note, error)))
    goto failed;

  if (!dossier_database_commit (db, error))
    return NULL;

  dossier_database_emit_changed (db, DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_SOURCES,
                                 document_id);

  return dossier_claims_get (db, id, error);

failed:
  dossier_database_rollback (db);
  return NULL;
}

DossierClaim *
dossier_claims_create (DossierDatabase     *db,
                       gint64               document_id,
                       guint                start,
                       guint                end,
                       const char * const  *themes,
                       const char          *speaker,
                       const char          *note,
                       GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  return create_claim (db, document_id, NULL, 0, start, end, themes, speaker, note, error);
}

DossierClaim *
dossier_claims_create_from_quote (DossierDatabase     *db,
                                  gint64               document_id,
                                  const char          *quote,
                                  guint                occurrence,
                                  const char * const  *themes,
                                  const char          *speaker,
                                  const char          *note,
                                  GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  if (!g_utf8_validate (quote, -1, NULL))
    {
      g_set_error_literal (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                           "The quote must be valid UTF-8 text");
      return NULL;
    }

  return create_claim (db, document_id, quote, occurrence, 0, 0, themes, speaker, note, error);
}

DossierClaim *
dossier_claims_edit (DossierDatabase     *db,
                     gint64               id,
                     const char * const  *add_themes,
                     const char * const  *remove_themes,
                     const char          *speaker,
                     const char          *note,
                     GError             **error)
{
  g_autofree char *now = NULL;
  DossierClaim *claim;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!check_note (note, error))
    return NULL;

  if (!dossier_database_begin (db, error))
    return NULL;

  now = dossier_database_now ();
  if (!(stmt = dossier_database_prepare (db,
                                         "UPDATE claims SET "
                                         "  speaker_id = CASE WHEN ?2 THEN ?3 ELSE speaker_id END,"
                                         "  note = coalesce(?4, note),"
                                         "  updated = ?5 "
                                         "WHERE id = ?1",
                                         error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, speaker != NULL);
  if (!bind_speaker (db, stmt, 3, speaker, error))
    goto failed;
  dossier_sql_bind_text (stmt, 4, note);
  dossier_sql_bind_text (stmt, 5, now);

  if (!dossier_database_step_done (db, stmt, error))
    goto failed;

  if (sqlite3_changes (dossier_database_get_handle (db)) == 0)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                   "No claim with id %" G_GINT64_FORMAT, id);
      goto failed;
    }

  for (guint i = 0; remove_themes != NULL && remove_themes[i] != NULL; i++)
    if (!remove_theme (db, id, remove_themes[i], error))
      goto failed;

  for (guint i = 0; add_themes != NULL && add_themes[i] != NULL; i++)
    if (!add_theme (db, id, add_themes[i], error))
      goto failed;

  if (!dossier_database_commit (db, error))
    return NULL;

  claim = dossier_claims_get (db, id, error);
  if (claim != NULL)
    dossier_database_emit_changed (db, DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_SOURCES,
                                   dossier_claim_get_document_id (claim));

  return claim;

failed:
  dossier_database_rollback (db);
  return NULL;
}

/* FALSE with DOSSIER_DATABASE_ERROR_IN_USE, naming the briefs, when a
 * brief cites claim @id (see dossier-briefs.h). */
static gboolean
check_not_in_briefs (DossierDatabase  *db,
                     gint64            id,
                     GError          **error)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT b.title FROM briefs b "
                                         "WHERE b.id IN (SELECT brief_id FROM brief_items WHERE claim_id = ?) "
                                         "ORDER BY b.title COLLATE NOCASE, b.id",
                                         error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (titles, dossier_sql_column_dup (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return dossier_database_fail (db, rc, error);

  if (titles->len == 0)
    return TRUE;

  for (guint i = 0; i < titles->len; i++)
    {
      if (i > 0)
        g_string_append (names, i + 1 == titles->len ? " and " : ", ");
      g_string_append_printf (names, "“%s”", (const char *) g_ptr_array_index (titles, i));
    }

  if (titles->len == 1)
    g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_IN_USE,
                 "Claim %" G_GINT64_FORMAT " is used in the brief %s: remove it from the brief first",
                 id, names->str);
  else
    g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_IN_USE,
                 "Claim %" G_GINT64_FORMAT " is used in the briefs %s: remove it from them first",
                 id, names->str);

  return FALSE;
}

gboolean
dossier_claims_delete (DossierDatabase  *db,
                       gint64            id,
                       GError          **error)
{
  gint64 document_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!check_not_in_briefs (db, id, error))
    return FALSE;

  if (!(stmt = dossier_database_prepare (db, "DELETE FROM claims WHERE id = ? RETURNING document_id", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      document_id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return dossier_database_fail (db, rc, error);

  if (document_id == 0)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                   "No claim with id %" G_GINT64_FORMAT, id);
      return FALSE;
    }

  dossier_database_emit_changed (db, DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_SOURCES,
                                 document_id);

  return TRUE;
}

/* Inside a transaction: 1 when a claim has @uuid (or, with @uuid NULL,
 * @id), 0 when none, -1 on error. */
static int
claim_exists (DossierDatabase  *db,
              gint64            id,
              const char       *uuid,
              GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (uuid != NULL)
    stmt = dossier_database_prepare (db, "SELECT 1 FROM claims WHERE uuid = ?", error);
  else
    stmt = dossier_database_prepare (db, "SELECT 1 FROM claims WHERE id = ?", error);
  if (stmt == NULL)
    return -1;

  if (uuid != NULL)
    dossier_sql_bind_text (stmt, 1, uuid);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;

  dossier_database_fail (db, rc, error);
  return -1;
}

DossierClaim *
dossier_claims_restore (DossierDatabase  *db,
                        DossierClaim     *snapshot,
                        GError          **error)
{
  g_autofree char *body = NULL;
  g_autofree char *slice = NULL;
  g_autofree char *now = dossier_database_now ();
  const char * const *themes;
  gint64 id, document_id;
  sqlite3_stmt *stmt;
  int exists;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DOSSIER_IS_CLAIM (snapshot), NULL);

  id = dossier_claim_get_id (snapshot);
  document_id = dossier_claim_get_document_id (snapshot);

  if (id <= 0 || dossier_claim_get_uuid (snapshot) == NULL || dossier_claim_get_quote (snapshot) == NULL)
    {
      g_set_error_literal (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                           "The claim to restore has no id, uuid or quote");
      return NULL;
    }

  if (!check_note (dossier_claim_get_note (snapshot), error))
    return NULL;

  if (!dossier_database_begin (db, error))
    return NULL;

  exists = claim_exists (db, 0, dossier_claim_get_uuid (snapshot), error);
  if (exists < 0)
    goto failed;
  if (exists > 0)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_EXISTS,
                   "Claim %s already exists", dossier_claim_get_uuid (snapshot));
      goto failed;
    }

  /* SQLite hands the highest free rowid to the next insert: a claim
   * created since the delete may hold the old id. The claim keeps its
   * uuid and comes back under a new id rather than being lost. */
  exists = claim_exists (db, id, NULL, error);
  if (exists < 0)
    goto failed;
  if (exists > 0)
    id = 0;

  /* The body never changes, so the quote is still where it was, unless
   * the snapshot does not come from this database. */
  if (!(body = dossier_documents_get_body (db, document_id, NULL)))
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                   "The claim cannot be restored: its document (%" G_GINT64_FORMAT ") was deleted",
                   document_id);
      goto failed;
    }
  slice = dossier_anchor_slice (body, dossier_claim_get_start (snapshot), dossier_claim_get_end (snapshot));
  if (slice == NULL || g_strcmp0 (slice, dossier_claim_get_quote (snapshot)) != 0)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                   "The claim cannot be restored: document %" G_GINT64_FORMAT
                   " does not hold its quote at %u–%u",
                   document_id, dossier_claim_get_start (snapshot), dossier_claim_get_end (snapshot));
      goto failed;
    }

  if (!(stmt = dossier_database_prepare (db,
                                         "INSERT INTO claims (id, uuid, document_id, start, \"end\", quote, prefix,"
                                         "  suffix, speaker_id, note, created, updated) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                         error)))
    goto failed;

  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);
  dossier_sql_bind_text (stmt, 2, dossier_claim_get_uuid (snapshot));
  sqlite3_bind_int64 (stmt, 3, document_id);
  sqlite3_bind_int64 (stmt, 4, dossier_claim_get_start (snapshot));
  sqlite3_bind_int64 (stmt, 5, dossier_claim_get_end (snapshot));
  dossier_sql_bind_text (stmt, 6, dossier_claim_get_quote (snapshot));
  dossier_sql_bind_text (stmt, 7, dossier_claim_get_prefix (snapshot) != NULL ? dossier_claim_get_prefix (snapshot) : "");
  dossier_sql_bind_text (stmt, 8, dossier_claim_get_suffix (snapshot) != NULL ? dossier_claim_get_suffix (snapshot) : "");
  if (!bind_speaker (db, stmt, 9, dossier_claim_get_speaker (snapshot), error))
    goto failed;
  dossier_sql_bind_text (stmt, 10, dossier_claim_get_note (snapshot));
  dossier_sql_bind_text (stmt, 11, dossier_claim_get_created (snapshot) != NULL
                                   ? dossier_claim_get_created (snapshot) : now);
  dossier_sql_bind_text (stmt, 12, dossier_claim_get_updated (snapshot) != NULL
                                   ? dossier_claim_get_updated (snapshot) : now);

  if (!dossier_database_step_done (db, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (dossier_database_get_handle (db));

  themes = dossier_claim_get_themes (snapshot);
  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    if (!add_theme (db, id, themes[i], error))
      goto failed;

  if (!dossier_database_commit (db, error))
    return NULL;

  dossier_database_emit_changed (db, DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_SOURCES,
                                 document_id);

  return dossier_claims_get (db, id, error);

failed:
  dossier_database_rollback (db);
  return NULL;
}
