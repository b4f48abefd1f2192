/* dossier-documents.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-documents"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dossier-anchor.h"
#include "dossier-database-private.h"
#include "dossier-documents-private.h"
#include "dossier-sources-private.h"

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

  /* NULL leaves a field alone, "" clears it. */
  if (changes->title != NULL)
    {
      title = g_strstrip (g_strdup (changes->title));
      if (title[0] == '\0')
        return invalid (error, "A document's title cannot be empty");
      if (!g_utf8_validate (title, -1, NULL))
        return invalid (error, "The title must be valid UTF-8 text");
    }

  if (changes->author != NULL)
    author = g_strstrip (g_strdup (changes->author));
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
