/* dossier-sources.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-sources"

#include "config.h"

#include "dossier-database-private.h"
#include "dossier-sources-private.h"

#define SOURCE_COLUMNS \
  "s.id, s.uuid, s.name, s.kind, " \
  "(SELECT count(*) FROM claims c WHERE c.speaker_id = s.id) " \
  "  + (SELECT coalesce(sum(d.claim_count), 0) FROM documents d WHERE d.outlet_id = s.id), " \
  "(SELECT count(*) FROM documents d WHERE d.outlet_id = s.id) "

static gpointer
source_from_row (sqlite3_stmt *stmt)
{
  DossierSourceKind kind = DOSSIER_SOURCE_KIND_OTHER;

  dossier_source_kind_from_string ((const char *)sqlite3_column_text (stmt, 3), &kind);

  return g_object_new (DOSSIER_TYPE_SOURCE,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", (const char *)sqlite3_column_text (stmt, 1),
                       "name", (const char *)sqlite3_column_text (stmt, 2),
                       "kind", kind,
                       "claim-count", (guint)sqlite3_column_int64 (stmt, 4),
                       "document-count", (guint)sqlite3_column_int64 (stmt, 5),
                       NULL);
}

GPtrArray *
dossier_sources_list (DossierDatabase  *db,
                      GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT " SOURCE_COLUMNS "FROM sources s "
                                         "ORDER BY s.name COLLATE NOCASE",
                                         error)))
    return NULL;

  return dossier_database_collect (db, stmt, source_from_row, error);
}

static gpointer
uncounted_source_from_row (sqlite3_stmt *stmt)
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
dossier_sources_list_names (DossierDatabase  *db,
                            GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT s.id, s.uuid, s.name, s.kind FROM sources s "
                                         "ORDER BY s.name COLLATE NOCASE",
                                         error)))
    return NULL;

  return dossier_database_collect (db, stmt, uncounted_source_from_row, error);
}

static DossierSource *
get_by_id (DossierDatabase  *db,
           gint64            id,
           GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = dossier_database_prepare (db, "SELECT " SOURCE_COLUMNS "FROM sources s WHERE s.id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  return dossier_database_fetch_one (db, stmt, source_from_row, "source", id, error);
}

static gint64
lookup_id (DossierDatabase  *db,
           const char       *name,
           GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = dossier_database_prepare (db, "SELECT id FROM sources WHERE name = ?", error)))
    return -1;
  dossier_sql_bind_text (stmt, 1, name);

  return dossier_database_lookup_id (db, stmt, error);
}

DossierSource *
dossier_sources_find (DossierDatabase  *db,
                      const char       *name,
                      GError          **error)
{
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(clean = dossier_database_clean_name (name, "source", error)))
    return NULL;

  id = lookup_id (db, clean, error);
  if (id < 0)
    return NULL;
  if (id == 0)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                   "No source named “%s”", clean);
      return NULL;
    }

  return get_by_id (db, id, error);
}

gint64
dossier_sources_ensure_id (DossierDatabase    *db,
                           const char         *name,
                           DossierSourceKind   kind,
                           GError            **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(clean = dossier_database_clean_name (name, "source", error)))
    return 0;

  id = lookup_id (db, clean, error);
  if (id != 0)
    return id > 0 ? id : 0;

  if (!(stmt = dossier_database_prepare (db,
                                         "INSERT INTO sources (uuid, name, kind, created) VALUES (?, ?, ?, ?)",
                                         error)))
    return 0;

  uuid = g_uuid_string_random ();
  now = dossier_database_now ();
  dossier_sql_bind_text (stmt, 1, uuid);
  dossier_sql_bind_text (stmt, 2, clean);
  dossier_sql_bind_text (stmt, 3, dossier_source_kind_to_string (kind));
  dossier_sql_bind_text (stmt, 4, now);

  if (!dossier_database_step_done (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (dossier_database_get_handle (db));
}

DossierSource *
dossier_sources_ensure (DossierDatabase    *db,
                        const char         *name,
                        DossierSourceKind   kind,
                        GError            **error)
{
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!dossier_database_begin (db, error))
    return NULL;

  if (!(id = dossier_sources_ensure_id (db, name, kind, error)))
    {
      dossier_database_rollback (db);
      return NULL;
    }

  /* A failed commit has rolled back already. */
  if (!dossier_database_commit (db, error))
    return NULL;

  dossier_database_emit_changed (db, DOSSIER_CHANGE_SOURCES, 0);

  return get_by_id (db, id, error);
}

/* Runs one statement that changes the source @id, in its own transaction,
 * failing with NOT_FOUND when no row changed. */
static gboolean
change_source (DossierDatabase  *db,
               gint64            id,
               sqlite3_stmt     *stmt,
               GError          **error)
{
  int changes;

  if (!dossier_database_step_done (db, stmt, error))
    return FALSE;

  changes = sqlite3_changes (dossier_database_get_handle (db));
  if (changes == 0)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                   "No source with id %" G_GINT64_FORMAT, id);
      return FALSE;
    }

  dossier_database_emit_changed (db, DOSSIER_CHANGE_SOURCES | DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_DOCUMENTS, 0);

  return TRUE;
}

gboolean
dossier_sources_rename (DossierDatabase  *db,
                        gint64            id,
                        const char       *name,
                        GError          **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 existing;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!(clean = dossier_database_clean_name (name, "source", error)))
    return FALSE;

  existing = lookup_id (db, clean, error);
  if (existing < 0)
    return FALSE;
  if (existing != 0 && existing != id)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_EXISTS,
                   "A source named “%s” already exists: merge the two instead", clean);
      return FALSE;
    }

  if (!(stmt = dossier_database_prepare (db, "UPDATE sources SET name = ? WHERE id = ?", error)))
    return FALSE;
  dossier_sql_bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, id);

  return change_source (db, id, stmt, error);
}

gboolean
dossier_sources_set_kind (DossierDatabase    *db,
                          gint64              id,
                          DossierSourceKind   kind,
                          GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!(stmt = dossier_database_prepare (db, "UPDATE sources SET kind = ? WHERE id = ?", error)))
    return FALSE;
  dossier_sql_bind_text (stmt, 1, dossier_source_kind_to_string (kind));
  sqlite3_bind_int64 (stmt, 2, id);

  return change_source (db, id, stmt, error);
}

gboolean
dossier_sources_merge (DossierDatabase  *db,
                       gint64            from,
                       gint64            into,
                       GError          **error)
{
  static const char *moves[] = {
    "UPDATE claims SET speaker_id = ?2 WHERE speaker_id = ?1",
    "UPDATE documents SET outlet_id = ?2 WHERE outlet_id = ?1",
  };
  g_autoptr(DossierSource) target = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (from == into)
    {
      g_set_error_literal (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                           "Cannot merge a source into itself");
      return FALSE;
    }

  if (!(target = get_by_id (db, into, error)))
    return FALSE;

  if (!dossier_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      if (!(stmt = dossier_database_prepare (db, moves[i], error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, into);
      if (!dossier_database_step_done (db, stmt, error))
        goto failed;
    }

  if (!(stmt = dossier_database_prepare (db, "DELETE FROM sources WHERE id = ?", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, from);
  if (!change_source (db, from, stmt, error))
    goto failed;

  if (!dossier_database_commit (db, error))
    return FALSE;

  dossier_database_emit_changed (db, DOSSIER_CHANGE_SOURCES | DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_DOCUMENTS, 0);

  return TRUE;

failed:
  dossier_database_rollback (db);
  return FALSE;
}

gboolean
dossier_sources_delete (DossierDatabase  *db,
                        gint64            id,
                        GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  /* Claims lose their speaker and documents their outlet (ON DELETE SET NULL). */
  if (!(stmt = dossier_database_prepare (db, "DELETE FROM sources WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return change_source (db, id, stmt, error);
}
