/* dossier-documents.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-documents"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-anchor.h"
#include "dossier-database-private.h"
#include "dossier-documents-private.h"
#include "dossier-search.h"
#include "dossier-sources-private.h"
#include "dossier-text.h"

#define DOCUMENT_COLUMNS \
  "d.id, d.uuid, d.title, s.name, d.outlet_id, d.author, d.published, d.url, " \
  "d.origin, d.format, d.sha256, d.length, d.claim_count, d.imported " \
  "FROM documents d LEFT JOIN sources s ON s.id = d.outlet_id "

static DossierDocument *
document_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (DOSSIER_TYPE_DOCUMENT,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", (const char *)sqlite3_column_text (stmt, 1),
                       "title", (const char *)sqlite3_column_text (stmt, 2),
                       "outlet", (const char *)sqlite3_column_text (stmt, 3),
                       "outlet-id", sqlite3_column_int64 (stmt, 4),
                       "author", (const char *)sqlite3_column_text (stmt, 5),
                       "published", (const char *)sqlite3_column_text (stmt, 6),
                       "url", (const char *)sqlite3_column_text (stmt, 7),
                       "origin", (const char *)sqlite3_column_text (stmt, 8),
                       "format", (const char *)sqlite3_column_text (stmt, 9),
                       "sha256", (const char *)sqlite3_column_text (stmt, 10),
                       "length", (guint)sqlite3_column_int64 (stmt, 11),
                       "claim-count", (guint)sqlite3_column_int64 (stmt, 12),
                       "imported", (const char *)sqlite3_column_text (stmt, 13),
                       NULL);
}

gboolean
dossier_documents_exist (DossierDatabase *db)
{
  sqlite3_stmt *stmt;
  gboolean exist = FALSE;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!(stmt = dossier_database_prepare (db, "SELECT EXISTS (SELECT 1 FROM documents)", NULL)))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    exist = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return exist;
}

GPtrArray *
dossier_documents_list (DossierDatabase      *db,
                        DossierDocumentSort   sort,
                        GError              **error)
{
  static const char *by_date =
    "SELECT " DOCUMENT_COLUMNS
    "ORDER BY d.published IS NULL, d.published DESC, d.title COLLATE NOCASE, d.id";
  static const char *by_title =
    "SELECT " DOCUMENT_COLUMNS
    "ORDER BY d.title COLLATE NOCASE, d.id";
  static const char *by_outlet =
    "SELECT " DOCUMENT_COLUMNS
    "ORDER BY s.name IS NULL, s.name COLLATE NOCASE, d.published IS NULL, d.published DESC, d.id";
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  switch (sort)
    {
    case DOSSIER_DOCUMENT_SORT_TITLE:
      sql = by_title;
      break;
    case DOSSIER_DOCUMENT_SORT_OUTLET:
      sql = by_outlet;
      break;
    case DOSSIER_DOCUMENT_SORT_DATE:
    default:
      sql = by_date;
      break;
    }

  if (!(stmt = dossier_database_prepare (db, sql, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (documents, document_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      dossier_database_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&documents);
}

static void
set_not_found (GError **error,
               gint64   id)
{
  g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
               "No document with id %" G_GINT64_FORMAT, id);
}

DossierDocument *
dossier_documents_get (DossierDatabase  *db,
                       gint64            id,
                       GError          **error)
{
  DossierDocument *document = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(stmt = dossier_database_prepare (db, "SELECT " DOCUMENT_COLUMNS "WHERE d.id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    document = document_from_row (stmt);
  else if (rc == SQLITE_DONE)
    set_not_found (error, id);
  else
    dossier_database_fail (db, rc, error);
  sqlite3_reset (stmt);

  return document;
}

char *
dossier_documents_get_body (DossierDatabase  *db,
                            gint64            id,
                            GError          **error)
{
  char *body = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(stmt = dossier_database_prepare (db, "SELECT body FROM document_bodies WHERE document_id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    body = dossier_sql_column_dup (stmt, 0);
  else if (rc == SQLITE_DONE)
    set_not_found (error, id);
  else
    dossier_database_fail (db, rc, error);
  sqlite3_reset (stmt);

  return body;
}

gint64
dossier_documents_find_by_hash (DossierDatabase  *db,
                                const char       *sha256,
                                GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_assert (DOSSIER_IS_DATABASE (db));
  g_assert (sha256 != NULL);

  if (!(stmt = dossier_database_prepare (db, "SELECT id FROM documents WHERE sha256 = ?", error)))
    return -1;

  dossier_sql_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      dossier_database_fail (db, rc, error);
      id = -1;
    }
  sqlite3_reset (stmt);

  return id;
}

gboolean
dossier_documents_is_iso_date (const char *date)
{
  int year, month, day;
  char end;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  if (sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

static char *
non_empty_or_null (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));

  return copy[0] != '\0' ? g_steal_pointer (&copy) : NULL;
}

gint64
dossier_documents_insert (DossierDatabase        *db,
                          const DossierMetadata  *metadata,
                          const char             *body,
                          const char             *sha256,
                          const char             *origin,
                          const char             *format,
                          GError                **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = dossier_database_now ();
  g_autofree char *title = non_empty_or_null (metadata->title);
  g_autofree char *outlet = non_empty_or_null (metadata->outlet);
  g_autofree char *published = NULL;
  sqlite3_stmt *stmt;
  gint64 outlet_id = 0;
  gint64 id;

  g_assert (DOSSIER_IS_DATABASE (db));
  g_assert (body != NULL);
  g_assert (sha256 != NULL);
  g_assert (format != NULL);

  if (title == NULL)
    title = g_strdup ("Untitled document");

  if (dossier_documents_is_iso_date (metadata->published))
    published = g_strdup (metadata->published);

  if (outlet != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      /* An outlet name we cannot use (too long, several lines) is dropped
       * rather than failing the whole file. */
      outlet_id = dossier_sources_ensure_id (db, outlet, DOSSIER_SOURCE_KIND_OUTLET, &local_error);
      if (outlet_id == 0 && !g_error_matches (local_error, DOSSIER_DATABASE_ERROR,
                                              DOSSIER_DATABASE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return 0;
        }
    }

  if (!(stmt = dossier_database_prepare (db,
                                         "INSERT INTO documents (uuid, title, outlet_id, author, published, url, "
                                         "  origin, format, sha256, length, imported) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                         error)))
    return 0;

  dossier_sql_bind_text (stmt, 1, uuid);
  dossier_sql_bind_text (stmt, 2, title);
  if (outlet_id != 0)
    sqlite3_bind_int64 (stmt, 3, outlet_id);
  else
    sqlite3_bind_null (stmt, 3);
  dossier_sql_bind_text (stmt, 4, metadata->author);
  dossier_sql_bind_text (stmt, 5, published);
  dossier_sql_bind_text (stmt, 6, metadata->url);
  dossier_sql_bind_text (stmt, 7, origin);
  dossier_sql_bind_text (stmt, 8, format);
  dossier_sql_bind_text (stmt, 9, sha256);
  sqlite3_bind_int64 (stmt, 10, dossier_anchor_length (body));
  dossier_sql_bind_text (stmt, 11, now);

  if (!dossier_database_step_done (db, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (dossier_database_get_handle (db));

  if (!(stmt = dossier_database_prepare (db,
                                         "INSERT INTO document_bodies (document_id, body) VALUES (?, ?)",
                                         error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, id);
  dossier_sql_bind_text (stmt, 2, body);

  if (!dossier_database_step_done (db, stmt, error))
    return 0;

  /* One row into the index, in a statement of its own (schema 4 has no
   * insert trigger): FTS5 then keeps the batch's terms in memory until
   * the transaction commits instead of flushing them per document. */
  if (!(stmt = dossier_database_prepare (db,
                                         "INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)",
                                         error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, id);
  dossier_sql_bind_text (stmt, 2, title);
  dossier_sql_bind_text (stmt, 3, body);

  if (!dossier_database_step_done (db, stmt, error))
    return 0;

  return id;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
dossier_documents_update (DossierDatabase        *db,
                          gint64                  id,
                          const DossierMetadata  *changes,
                          GError                **error)
{
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *published = NULL;
  g_autofree char *url = NULL;
  sqlite3_stmt *stmt;
  gint64 outlet_id = 0;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  /* NULL leaves a field alone, "" clears it. The title and the author
   * are one line each, cleaned as import cleans them: any white space
   * (no-break and em spaces, line breaks) trimmed and runs of it made
   * one space, NFC. */
  if (changes->title != NULL)
    {
      if (!g_utf8_validate (changes->title, -1, NULL))
        return invalid (error, "The title must be valid UTF-8 text");
      title = dossier_text_squeeze (changes->title);
      if (title == NULL)
        return invalid (error, "A document's title cannot be empty");
    }

  if (changes->author != NULL)
    {
      if (!g_utf8_validate (changes->author, -1, NULL))
        return invalid (error, "The author must be valid UTF-8 text");
      author = dossier_text_squeeze (changes->author);
      if (author == NULL)
        author = g_strdup ("");
    }
  if (changes->url != NULL)
    url = g_strstrip (g_strdup (changes->url));
  if (changes->published != NULL)
    {
      published = g_strstrip (g_strdup (changes->published));
      if (published[0] != '\0' && !dossier_documents_is_iso_date (published))
        {
          g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                       "“%s” is not a date: use YYYY-MM-DD, for example 2025-09-09",
                       published);
          return FALSE;
        }
    }

  if (!dossier_database_begin (db, error))
    return FALSE;

  if (changes->outlet != NULL && changes->outlet[0] != '\0')
    {
      outlet_id = dossier_sources_ensure_id (db, changes->outlet, DOSSIER_SOURCE_KIND_OUTLET, error);
      if (outlet_id == 0)
        goto failed;
    }

  if (!(stmt = dossier_database_prepare (db,
                                         "UPDATE documents SET "
                                         "  title = coalesce(?2, title),"
                                         "  author = CASE WHEN ?3 IS NULL THEN author ELSE nullif(?3, '') END,"
                                         "  published = CASE WHEN ?4 IS NULL THEN published ELSE nullif(?4, '') END,"
                                         "  url = CASE WHEN ?5 IS NULL THEN url ELSE nullif(?5, '') END,"
                                         "  outlet_id = CASE WHEN ?6 THEN nullif(?7, 0) ELSE outlet_id END "
                                         "WHERE id = ?1",
                                         error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  dossier_sql_bind_text (stmt, 2, title);
  dossier_sql_bind_text (stmt, 3, author);
  dossier_sql_bind_text (stmt, 4, published);
  dossier_sql_bind_text (stmt, 5, url);
  sqlite3_bind_int (stmt, 6, changes->outlet != NULL);
  sqlite3_bind_int64 (stmt, 7, outlet_id);

  if (!dossier_database_step_done (db, stmt, error))
    goto failed;

  if (sqlite3_changes (dossier_database_get_handle (db)) == 0)
    {
      set_not_found (error, id);
      goto failed;
    }

  if (!dossier_database_commit (db, error))
    return FALSE;

  dossier_database_emit_changed (db, DOSSIER_CHANGE_DOCUMENTS | DOSSIER_CHANGE_SOURCES, id);

  return TRUE;

failed:
  dossier_database_rollback (db);
  return FALSE;
}

gboolean
dossier_documents_delete (DossierDatabase  *db,
                          gint64            id,
                          GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  /* The body, claims and their theme links cascade; the full-text entry
   * goes through a trigger. */
  if (!(stmt = dossier_database_prepare (db, "DELETE FROM documents WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  if (!dossier_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (dossier_database_get_handle (db)) == 0)
    {
      set_not_found (error, id);
      return FALSE;
    }

  dossier_database_emit_changed (db, DOSSIER_CHANGE_DOCUMENTS | DOSSIER_CHANGE_CLAIMS, id);

  return TRUE;
}

/* dossier_documents_list_ids(): every statement is written out, so that
 * nothing is ever built from user text. The orders match
 * dossier_documents_list() and the indexes of schema 3, so listing all
 * documents scans an index instead of sorting 100,000 rows. */
#define IDS_ORDER_DATE \
  "ORDER BY d.published IS NULL, d.published DESC, d.title COLLATE NOCASE, d.id"
#define IDS_ORDER_TITLE \
  "ORDER BY d.title COLLATE NOCASE, d.id"
#define IDS_ORDER_OUTLET \
  "ORDER BY s.name IS NULL, s.name COLLATE NOCASE, d.published IS NULL, d.published DESC, d.id"
#define IDS_ORDER_WITHIN_OUTLET \
  "ORDER BY d.published IS NULL, d.published DESC, d.id"

/* [sort][by outlet]; ?2 is the outlet. By outlet, unfiltered, the
 * documents of named outlets come in the order of the sources' name index,
 * then those without an outlet (no_outlet_sql). */
static const char * const ordered_sql[3][2] = {
  [DOSSIER_DOCUMENT_SORT_DATE] = {
    "SELECT d.id FROM documents d " IDS_ORDER_DATE,
    "SELECT d.id FROM documents d WHERE d.outlet_id = ?2 " IDS_ORDER_DATE },
  [DOSSIER_DOCUMENT_SORT_TITLE] = {
    "SELECT d.id FROM documents d " IDS_ORDER_TITLE,
    "SELECT d.id FROM documents d WHERE d.outlet_id = ?2 " IDS_ORDER_TITLE },
  [DOSSIER_DOCUMENT_SORT_OUTLET] = {
    "SELECT d.id FROM sources s JOIN documents d ON d.outlet_id = s.id "
    "ORDER BY s.name COLLATE NOCASE, d.published IS NULL, d.published DESC, d.id",
    "SELECT d.id FROM documents d WHERE d.outlet_id = ?2 " IDS_ORDER_WITHIN_OUTLET },
};
static const char *no_outlet_sql =
  "SELECT d.id FROM documents d WHERE d.outlet_id IS NULL " IDS_ORDER_WITHIN_OUTLET;

/* A search that finds few documents sorts just those: MATCH (?1) runs
 * alone in a materialised CTE, before any join or filter. */
#define IDS_HITS \
  "WITH hits AS MATERIALIZED (" \
  "  SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?1) " \
  "SELECT d.id FROM hits JOIN documents d ON d.id = hits.id "
static const char * const hits_sql[3][2] = {
  [DOSSIER_DOCUMENT_SORT_DATE] = {
    IDS_HITS IDS_ORDER_DATE,
    IDS_HITS "WHERE d.outlet_id = ?2 " IDS_ORDER_DATE },
  [DOSSIER_DOCUMENT_SORT_TITLE] = {
    IDS_HITS IDS_ORDER_TITLE,
    IDS_HITS "WHERE d.outlet_id = ?2 " IDS_ORDER_TITLE },
  [DOSSIER_DOCUMENT_SORT_OUTLET] = {
    IDS_HITS "LEFT JOIN sources s ON s.id = d.outlet_id " IDS_ORDER_OUTLET,
    IDS_HITS "WHERE d.outlet_id = ?2 " IDS_ORDER_WITHIN_OUTLET },
};
static const char *fts_sql =
  "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1";

/* Above this many hits, sorting them costs more than walking the whole
 * ordered index and keeping the hits (about 10 ms at 100,000 documents). */
#define FEW_HITS 2000

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* Steps @stmt (its parameters bound) to the end, appending the id in its
 * first column to @ids; with @only (sorted), only ids found in it. */
static gboolean
append_ids (DossierDatabase  *db,
            sqlite3_stmt     *stmt,
            const char       *text,
            GArray           *only,
            GArray           *ids,
            GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (only == NULL || bsearch (&id, only->data, only->len, sizeof (gint64), compare_ids) != NULL)
        g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  /* The query is built so that FTS5 accepts it; say which search failed
   * all the same. */
  if (text != NULL && (rc & 0xff) == SQLITE_ERROR)
    g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                 "Cannot search for “%s”: %s", text,
                 sqlite3_errmsg (dossier_database_get_handle (db)));
  else
    dossier_database_fail (db, rc, error);

  return FALSE;
}

static gboolean
run_ids (DossierDatabase  *db,
         const char       *sql,
         const char       *query,
         gint64            outlet_id,
         const char       *text,
         GArray           *only,
         GArray           *ids,
         GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = dossier_database_prepare (db, sql, error)))
    return FALSE;

  if (query != NULL)
    dossier_sql_bind_text (stmt, 1, query);
  if (outlet_id != 0)
    sqlite3_bind_int64 (stmt, 2, outlet_id);

  return append_ids (db, stmt, text, only, ids, error);
}

gboolean
dossier_documents_list_ids (DossierDatabase      *db,
                            DossierDocumentSort   sort,
                            gint64                outlet_id,
                            const char           *text,
                            GArray              **ids,
                            GError              **error)
{
  g_autoptr(GArray) result = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autofree char *query = NULL;
  gboolean by_outlet = outlet_id != 0;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (outlet_id >= 0, FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if ((guint)sort >= G_N_ELEMENTS (ordered_sql))
    sort = DOSSIER_DOCUMENT_SORT_DATE;

  if (text != NULL)
    query = dossier_search_build_query (text);

  result = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (query != NULL)
    {
      hits = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (!run_ids (db, fts_sql, query, 0, text, NULL, hits, error))
        return FALSE;

      if (hits->len == 0)
        {
          *ids = g_steal_pointer (&result);
          return TRUE;
        }

      if (hits->len <= FEW_HITS)
        {
          if (!run_ids (db, hits_sql[sort][by_outlet], query, outlet_id, text, NULL, result, error))
            return FALSE;
          *ids = g_steal_pointer (&result);
          return TRUE;
        }

      g_array_sort (hits, compare_ids);
    }

  if (!run_ids (db, ordered_sql[sort][by_outlet], NULL, outlet_id, text, hits, result, error))
    return FALSE;
  if (sort == DOSSIER_DOCUMENT_SORT_OUTLET && !by_outlet &&
      !run_ids (db, no_outlet_sql, NULL, 0, text, hits, result, error))
    return FALSE;

  *ids = g_steal_pointer (&result);

  return TRUE;
}

#define GET_MANY_CHUNK 100
#define Q10 "?,?,?,?,?,?,?,?,?,?"

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

GPtrArray *
dossier_documents_get_many (DossierDatabase  *db,
                            const gint64     *ids,
                            guint             n_ids,
                            GError          **error)
{
  /* Unbound placeholders are NULL and match nothing. */
  static const char *sql =
    "SELECT " DOCUMENT_COLUMNS
    "WHERE d.id IN (" Q10 "," Q10 "," Q10 "," Q10 "," Q10 ","
                      Q10 "," Q10 "," Q10 "," Q10 "," Q10 ")";
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GHashTable) positions = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  /* Where each id goes in the result (the first place, if repeated). */
  positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = n_ids; i > 0; i--)
    g_hash_table_insert (positions, (gpointer)&ids[i - 1], GUINT_TO_POINTER (i - 1));

  slots = g_ptr_array_new_full (n_ids, unref_if_set);
  g_ptr_array_set_size (slots, n_ids);

  for (guint start = 0; start < n_ids; start += GET_MANY_CHUNK)
    {
      guint end = MIN (n_ids, start + GET_MANY_CHUNK);
      sqlite3_stmt *stmt;
      int rc;

      if (!(stmt = dossier_database_prepare (db, sql, error)))
        return NULL;

      for (guint i = start; i < end; i++)
        sqlite3_bind_int64 (stmt, i - start + 1, ids[i]);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          gpointer position;

          if (g_hash_table_lookup_extended (positions, &id, NULL, &position) &&
              g_ptr_array_index (slots, GPOINTER_TO_UINT (position)) == NULL)
            g_ptr_array_index (slots, GPOINTER_TO_UINT (position)) = document_from_row (stmt);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          dossier_database_fail (db, rc, error);
          return NULL;
        }
    }

  documents = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < slots->len; i++)
    if (g_ptr_array_index (slots, i) != NULL)
      g_ptr_array_add (documents, g_steal_pointer (&g_ptr_array_index (slots, i)));

  return g_steal_pointer (&documents);
}

static gpointer
outlet_from_row (sqlite3_stmt *stmt)
{
  DossierSourceKind kind = DOSSIER_SOURCE_KIND_OTHER;

  dossier_source_kind_from_string ((const char *)sqlite3_column_text (stmt, 3), &kind);

  return g_object_new (DOSSIER_TYPE_SOURCE,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", (const char *)sqlite3_column_text (stmt, 1),
                       "name", (const char *)sqlite3_column_text (stmt, 2),
                       "kind", kind,
                       NULL);
}

GPtrArray *
dossier_documents_list_outlets (DossierDatabase  *db,
                                GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  /* EXISTS stops at the first document through the outlet index, so this
   * costs the number of sources, not of documents. */
  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT s.id, s.uuid, s.name, s.kind FROM sources s "
                                         "WHERE EXISTS (SELECT 1 FROM documents d WHERE d.outlet_id = s.id) "
                                         "ORDER BY s.name COLLATE NOCASE, s.id",
                                         error)))
    return NULL;

  return dossier_database_collect (db, stmt, outlet_from_row, error);
}

gint64
dossier_documents_get_last_id (DossierDatabase  *db,
                               GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), -1);

  if (!(stmt = dossier_database_prepare (db, "SELECT coalesce(max(id), 0) FROM documents", error)))
    return -1;

  return dossier_database_lookup_id (db, stmt, error);
}

guint
dossier_documents_count_after (DossierDatabase  *db,
                               gint64            after_id,
                               gint64           *first_id,
                               GError          **error)
{
  sqlite3_stmt *stmt;
  guint count = 0;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), 0);

  if (first_id != NULL)
    *first_id = 0;

  /* A range of the primary key: only the new rows are read. */
  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT count(*), coalesce(min(id), 0) FROM documents WHERE id > ?",
                                         error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, after_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      count = (guint)sqlite3_column_int64 (stmt, 0);
      if (first_id != NULL)
        *first_id = sqlite3_column_int64 (stmt, 1);
    }
  else
    dossier_database_fail (db, rc, error);
  sqlite3_reset (stmt);

  return count;
}
