/* dossier-briefs.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-briefs"

#include "config.h"

#include <string.h>

#include "dossier-briefs.h"
#include "dossier-claims.h"
#include "dossier-database-private.h"

#define TITLE_MAX_LENGTH 500

#define BRIEF_COLUMNS "id, uuid, title, summary, created, updated "
#define ITEM_COLUMNS "id, uuid, brief_id, position, kind, claim_id, text "

static gpointer
brief_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (DOSSIER_TYPE_BRIEF,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", (const char *)sqlite3_column_text (stmt, 1),
                       "title", (const char *)sqlite3_column_text (stmt, 2),
                       "summary", (const char *)sqlite3_column_text (stmt, 3),
                       "created", (const char *)sqlite3_column_text (stmt, 4),
                       "updated", (const char *)sqlite3_column_text (stmt, 5),
                       NULL);
}

static gboolean
not_found (GError     **error,
           const char  *what,
           gint64       id)
{
  g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
               "No %s with id %" G_GINT64_FORMAT, what, id);
  return FALSE;
}

/* A title or heading: valid UTF-8, trimmed, not empty, one line. */
static char *
clean_line (const char  *text,
            const char  *what,
            GError     **error)
{
  g_autofree char *clean = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                   "A %s must be valid UTF-8 text", what);
      return NULL;
    }

  clean = g_strstrip (g_strdup (text));

  if (clean[0] == '\0')
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                   "A %s cannot be empty", what);
      return NULL;
    }

  if (g_utf8_strlen (clean, -1) > TITLE_MAX_LENGTH)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                   "A %s can be at most %d characters long", what, TITLE_MAX_LENGTH);
      return NULL;
    }

  for (const char *p = clean; *p; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                       "A %s must be a single line of text", what);
          return NULL;
        }
    }

  return g_steal_pointer (&clean);
}

/* Free text or commentary: valid UTF-8, kept as written. */
static gboolean
check_text (const char  *text,
            const char  *what,
            gboolean     may_be_empty,
            GError     **error)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                   "A %s must be valid UTF-8 text", what);
      return FALSE;
    }

  if (!may_be_empty)
    {
      const char *p = text;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        {
          g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                       "A %s cannot be empty", what);
          return FALSE;
        }
    }

  return TRUE;
}

GPtrArray *
dossier_briefs_list (DossierDatabase  *db,
                     GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT " BRIEF_COLUMNS "FROM briefs "
                                         "ORDER BY title COLLATE NOCASE, id",
                                         error)))
    return NULL;

  return dossier_database_collect (db, stmt, brief_from_row, error);
}

DossierBrief *
dossier_briefs_get (DossierDatabase  *db,
                    gint64            id,
                    GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(stmt = dossier_database_prepare (db, "SELECT " BRIEF_COLUMNS "FROM briefs WHERE id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  return dossier_database_fetch_one (db, stmt, brief_from_row, "brief", id, error);
}

typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  brief_id;
  guint   position;
  int     kind;
  gint64  claim_id;
  char   *text;
} ItemRow;

static void
item_row_clear (gpointer data)
{
  ItemRow *row = data;

  g_free (row->uuid);
  g_free (row->text);
}

/* Steps @stmt (ITEM_COLUMNS) to the end into an array of ItemRow. */
static GArray *
collect_item_rows (DossierDatabase  *db,
                   sqlite3_stmt     *stmt,
                   GError          **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (ItemRow));
  int rc;

  g_array_set_clear_func (rows, item_row_clear);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ItemRow row = { 0 };
      DossierBriefItemKind kind = DOSSIER_BRIEF_ITEM_TEXT;

      dossier_brief_item_kind_from_string ((const char *)sqlite3_column_text (stmt, 4), &kind);
      row.id = sqlite3_column_int64 (stmt, 0);
      row.uuid = dossier_sql_column_dup (stmt, 1);
      row.brief_id = sqlite3_column_int64 (stmt, 2);
      row.position = (guint) sqlite3_column_int64 (stmt, 3);
      row.kind = kind;
      row.claim_id = sqlite3_column_int64 (stmt, 5);
      row.text = dossier_sql_column_dup (stmt, 6);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      dossier_database_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static DossierBriefItem *
item_from_row (DossierDatabase  *db,
               const ItemRow    *row,
               GError          **error)
{
  g_autoptr(DossierClaim) claim = NULL;

  if (row->kind == DOSSIER_BRIEF_ITEM_CLAIM &&
      !(claim = dossier_claims_get (db, row->claim_id, error)))
    return NULL;

  return g_object_new (DOSSIER_TYPE_BRIEF_ITEM,
                       "id", row->id,
                       "uuid", row->uuid,
                       "brief-id", row->brief_id,
                       "position", row->position,
                       "kind", row->kind,
                       "claim-id", row->claim_id,
                       "text", row->text,
                       "claim", claim,
                       NULL);
}

GPtrArray *
dossier_briefs_get_items (DossierDatabase  *db,
                          gint64            brief_id,
                          GError          **error)
{
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(brief = dossier_briefs_get (db, brief_id, error)))
    return NULL;

  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT " ITEM_COLUMNS "FROM brief_items "
                                         "WHERE brief_id = ? ORDER BY position, id",
                                         error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brief_id);

  if (!(rows = collect_item_rows (db, stmt, error)))
    return NULL;

  items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      DossierBriefItem *item = item_from_row (db, &g_array_index (rows, ItemRow, i), error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

static DossierBriefItem *
get_item (DossierDatabase  *db,
          gint64            item_id,
          GError          **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;

  if (!(stmt = dossier_database_prepare (db, "SELECT " ITEM_COLUMNS "FROM brief_items WHERE id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);

  if (!(rows = collect_item_rows (db, stmt, error)))
    return NULL;
  if (rows->len == 0)
    {
      not_found (error, "brief item", item_id);
      return NULL;
    }

  return item_from_row (db, &g_array_index (rows, ItemRow, 0), error);
}

/* Inside a transaction: sets the brief's updated time; NOT_FOUND when
 * there is no such brief. */
static gboolean
touch_brief (DossierDatabase  *db,
             gint64            brief_id,
             GError          **error)
{
  g_autofree char *now = dossier_database_now ();
  sqlite3_stmt *stmt;

  if (!(stmt = dossier_database_prepare (db, "UPDATE briefs SET updated = ? WHERE id = ?", error)))
    return FALSE;
  dossier_sql_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, brief_id);

  if (!dossier_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (dossier_database_get_handle (db)) == 0)
    return not_found (error, "brief", brief_id);

  return TRUE;
}

static gboolean
finish (DossierDatabase  *db,
        gboolean          ok,
        GError          **error)
{
  if (!ok)
    {
      dossier_database_rollback (db);
      return FALSE;
    }

  /* A failed commit has rolled back already. */
  if (!dossier_database_commit (db, error))
    return FALSE;

  dossier_database_emit_changed (db, DOSSIER_CHANGE_BRIEFS, 0);

  return TRUE;
}

static gint64
insert_brief (DossierDatabase  *db,
              const char       *title,
              const char       *summary,
              GError          **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = dossier_database_now ();
  sqlite3_stmt *stmt;

  if (!(stmt = dossier_database_prepare (db,
                                         "INSERT INTO briefs (uuid, title, summary, created, updated) "
                                         "VALUES (?, ?, ?, ?, ?)",
                                         error)))
    return 0;
  dossier_sql_bind_text (stmt, 1, uuid);
  dossier_sql_bind_text (stmt, 2, title);
  dossier_sql_bind_text (stmt, 3, summary != NULL ? summary : "");
  dossier_sql_bind_text (stmt, 4, now);
  dossier_sql_bind_text (stmt, 5, now);

  if (!dossier_database_step_done (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (dossier_database_get_handle (db));
}

DossierBrief *
dossier_briefs_create (DossierDatabase  *db,
                       const char       *title,
                       const char       *summary,
                       GError          **error)
{
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(clean = clean_line (title, "brief title", error)))
    return NULL;
  if (summary != NULL && !check_text (summary, "summary", TRUE, error))
    return NULL;

  if (!dossier_database_begin (db, error))
    return NULL;

  id = insert_brief (db, clean, summary, error);
  if (!finish (db, id != 0, error))
    return NULL;

  return dossier_briefs_get (db, id, error);
}

static gboolean
update_brief (DossierDatabase  *db,
              gint64            id,
              const char       *sql,
              const char       *value,
              GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!dossier_database_begin (db, error))
    return FALSE;

  ok = (stmt = dossier_database_prepare (db, sql, error)) != NULL;
  if (ok)
    {
      dossier_sql_bind_text (stmt, 1, value);
      sqlite3_bind_int64 (stmt, 2, id);
      ok = dossier_database_step_done (db, stmt, error) &&
           touch_brief (db, id, error);
    }

  return finish (db, ok, error);
}

gboolean
dossier_briefs_set_title (DossierDatabase  *db,
                          gint64            id,
                          const char       *title,
                          GError          **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!(clean = clean_line (title, "brief title", error)))
    return FALSE;

  return update_brief (db, id, "UPDATE briefs SET title = ? WHERE id = ?", clean, error);
}

gboolean
dossier_briefs_set_summary (DossierDatabase  *db,
                            gint64            id,
                            const char       *summary,
                            GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (summary == NULL)
    summary = "";
  if (!check_text (summary, "summary", TRUE, error))
    return FALSE;

  return update_brief (db, id, "UPDATE briefs SET summary = ? WHERE id = ?", summary, error);
}

static gboolean
insert_item_row (DossierDatabase       *db,
                 gint64                 brief_id,
                 guint                  position,
                 DossierBriefItemKind   kind,
                 gint64                 claim_id,
                 const char            *text,
                 GError               **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  if (!(stmt = dossier_database_prepare (db,
                                         "INSERT INTO brief_items (uuid, brief_id, position, kind, claim_id, text) "
                                         "VALUES (?, ?, ?, ?, ?, ?)",
                                         error)))
    return FALSE;
  dossier_sql_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, brief_id);
  sqlite3_bind_int64 (stmt, 3, position);
  dossier_sql_bind_text (stmt, 4, dossier_brief_item_kind_to_string (kind));
  if (claim_id > 0)
    sqlite3_bind_int64 (stmt, 5, claim_id);
  else
    sqlite3_bind_null (stmt, 5);
  dossier_sql_bind_text (stmt, 6, text != NULL ? text : "");

  return dossier_database_step_done (db, stmt, error);
}

DossierBrief *
dossier_briefs_duplicate (DossierDatabase  *db,
                          gint64            id,
                          const char       *title,
                          GError          **error)
{
  g_autoptr(DossierBrief) original = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 copy_id;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(original = dossier_briefs_get (db, id, error)))
    return NULL;

  if (title != NULL)
    clean = clean_line (title, "brief title", error);
  else
    clean = g_strdup_printf ("%s (copy)", dossier_brief_get_title (original));
  if (clean == NULL)
    return NULL;

  if (!dossier_database_begin (db, error))
    return NULL;

  ok = (copy_id = insert_brief (db, clean, dossier_brief_get_summary (original), error)) != 0 &&
       (stmt = dossier_database_prepare (db,
                                         "SELECT " ITEM_COLUMNS "FROM brief_items "
                                         "WHERE brief_id = ? ORDER BY position, id",
                                         error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = (rows = collect_item_rows (db, stmt, error)) != NULL;
    }

  for (guint i = 0; ok && i < rows->len; i++)
    {
      const ItemRow *row = &g_array_index (rows, ItemRow, i);

      ok = insert_item_row (db, copy_id, i, row->kind, row->claim_id, row->text, error);
    }

  if (!finish (db, ok, error))
    return NULL;

  return dossier_briefs_get (db, copy_id, error);
}

gboolean
dossier_briefs_delete (DossierDatabase  *db,
                       gint64            id,
                       GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!dossier_database_begin (db, error))
    return FALSE;

  ok = (stmt = dossier_database_prepare (db, "DELETE FROM briefs WHERE id = ?", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = dossier_database_step_done (db, stmt, error);
    }
  if (ok && sqlite3_changes (dossier_database_get_handle (db)) == 0)
    ok = not_found (error, "brief", id);

  return finish (db, ok, error);
}

/* Inside a transaction: the number of items of a brief, or -1. */
static gint64
count_items (DossierDatabase  *db,
             gint64            brief_id,
             GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = dossier_database_prepare (db, "SELECT count(*) FROM brief_items WHERE brief_id = ?", error)))
    return -1;
  sqlite3_bind_int64 (stmt, 1, brief_id);

  return dossier_database_lookup_id (db, stmt, error);
}

/* Inside a transaction: where a new item goes, -1 on error. */
static gint64
insertion_position (DossierDatabase  *db,
                    gint64            brief_id,
                    const char       *section,
                    GError          **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  gboolean in_section = FALSE;

  if (section == NULL)
    return count_items (db, brief_id, error);

  if (!(clean = clean_line (section, "section heading", error)))
    return -1;
  folded = g_utf8_casefold (clean, -1);

  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT " ITEM_COLUMNS "FROM brief_items "
                                         "WHERE brief_id = ? ORDER BY position, id",
                                         error)))
    return -1;
  sqlite3_bind_int64 (stmt, 1, brief_id);
  if (!(rows = collect_item_rows (db, stmt, error)))
    return -1;

  for (guint i = 0; i < rows->len; i++)
    {
      const ItemRow *row = &g_array_index (rows, ItemRow, i);

      if (row->kind != DOSSIER_BRIEF_ITEM_HEADING)
        continue;

      if (in_section)
        return i;
      else
        {
          g_autofree char *heading = g_strstrip (g_strdup (row->text));
          g_autofree char *heading_folded = g_utf8_casefold (heading, -1);

          in_section = strcmp (heading_folded, folded) == 0;
        }
    }

  if (in_section)
    return rows->len;

  g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
               "Brief %" G_GINT64_FORMAT " has no section “%s”", brief_id, clean);
  return -1;
}

static DossierBriefItem *
add_item (DossierDatabase       *db,
          gint64                 brief_id,
          DossierBriefItemKind   kind,
          gint64                 claim_id,
          const char            *text,
          const char            *section,
          GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 position = -1;
  gint64 item_id = 0;
  gboolean ok;

  if (!dossier_database_begin (db, error))
    return NULL;

  ok = touch_brief (db, brief_id, error);

  if (ok && kind == DOSSIER_BRIEF_ITEM_CLAIM)
    {
      ok = (stmt = dossier_database_prepare (db, "SELECT id FROM claims WHERE id = ?", error)) != NULL;
      if (ok)
        {
          gint64 found;

          sqlite3_bind_int64 (stmt, 1, claim_id);
          found = dossier_database_lookup_id (db, stmt, error);
          ok = found > 0 || (found == 0 && not_found (error, "claim", claim_id));
        }
    }

  if (ok)
    ok = (position = insertion_position (db, brief_id, section, error)) >= 0;

  if (ok)
    ok = (stmt = dossier_database_prepare (db,
                                           "UPDATE brief_items SET position = position + 1 "
                                           "WHERE brief_id = ? AND position >= ?",
                                           error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, brief_id);
      sqlite3_bind_int64 (stmt, 2, position);
      ok = dossier_database_step_done (db, stmt, error) &&
           insert_item_row (db, brief_id, (guint) position, kind, claim_id, text, error);
    }
  if (ok)
    item_id = sqlite3_last_insert_rowid (dossier_database_get_handle (db));

  if (!finish (db, ok, error))
    return NULL;

  return get_item (db, item_id, error);
}

DossierBriefItem *
dossier_briefs_add_heading (DossierDatabase  *db,
                            gint64            brief_id,
                            const char       *heading,
                            GError          **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(clean = clean_line (heading, "section heading", error)))
    return NULL;

  return add_item (db, brief_id, DOSSIER_BRIEF_ITEM_HEADING, 0, clean, NULL, error);
}

DossierBriefItem *
dossier_briefs_add_claim (DossierDatabase  *db,
                          gint64            brief_id,
                          gint64            claim_id,
                          const char       *commentary,
                          const char       *section,
                          GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (commentary == NULL)
    commentary = "";
  if (!check_text (commentary, "commentary", TRUE, error))
    return NULL;

  return add_item (db, brief_id, DOSSIER_BRIEF_ITEM_CLAIM, claim_id, commentary, section, error);
}

DossierBriefItem *
dossier_briefs_add_text (DossierDatabase  *db,
                         gint64            brief_id,
                         const char       *text,
                         const char       *section,
                         GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!check_text (text, "text", FALSE, error))
    return NULL;

  return add_item (db, brief_id, DOSSIER_BRIEF_ITEM_TEXT, 0, text, section, error);
}

/* Inside a transaction: writes positions 0 … n-1 in the order of @ids. */
static gboolean
write_positions (DossierDatabase  *db,
                 GArray           *ids,
                 GError          **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < ids->len; i++)
    {
      if (!(stmt = dossier_database_prepare (db,
                                             "UPDATE brief_items SET position = ? "
                                             "WHERE id = ? AND position IS NOT ?",
                                             error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 3, i);
      if (!dossier_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Inside a transaction: the ids of a brief's items in order. */
static GArray *
item_ids (DossierDatabase  *db,
          gint64            brief_id,
          GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT id FROM brief_items WHERE brief_id = ? ORDER BY position, id",
                                         error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brief_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      dossier_database_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

gboolean
dossier_briefs_move_item (DossierDatabase  *db,
                          gint64            item_id,
                          guint             position,
                          GError          **error)
{
  g_autoptr(DossierBriefItem) item = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 brief_id;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!(item = get_item (db, item_id, error)))
    return FALSE;
  brief_id = dossier_brief_item_get_brief_id (item);

  if (!dossier_database_begin (db, error))
    return FALSE;

  ok = (ids = item_ids (db, brief_id, error)) != NULL;
  if (ok && position >= ids->len)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                   "Position %u is past the end of the brief (%u items)", position, ids->len);
      ok = FALSE;
    }

  if (ok)
    {
      for (guint i = 0; i < ids->len; i++)
        {
          if (g_array_index (ids, gint64, i) == item_id)
            {
              g_array_remove_index (ids, i);
              break;
            }
        }
      g_array_insert_val (ids, position, item_id);
      ok = write_positions (db, ids, error) && touch_brief (db, brief_id, error);
    }

  return finish (db, ok, error);
}

gboolean
dossier_briefs_set_item_text (DossierDatabase  *db,
                              gint64            item_id,
                              const char       *text,
                              GError          **error)
{
  g_autoptr(DossierBriefItem) item = NULL;
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!(item = get_item (db, item_id, error)))
    return FALSE;

  switch (dossier_brief_item_get_kind (item))
    {
    case DOSSIER_BRIEF_ITEM_HEADING:
      clean = clean_line (text, "section heading", error);
      break;

    case DOSSIER_BRIEF_ITEM_CLAIM:
      if (check_text (text != NULL ? text : "", "commentary", TRUE, error))
        clean = g_strdup (text != NULL ? text : "");
      break;

    case DOSSIER_BRIEF_ITEM_TEXT:
    default:
      if (check_text (text, "text", FALSE, error))
        clean = g_strdup (text);
      break;
    }
  if (clean == NULL)
    return FALSE;

  if (!dossier_database_begin (db, error))
    return FALSE;

  ok = (stmt = dossier_database_prepare (db, "UPDATE brief_items SET text = ? WHERE id = ?", error)) != NULL;
  if (ok)
    {
      dossier_sql_bind_text (stmt, 1, clean);
      sqlite3_bind_int64 (stmt, 2, item_id);
      ok = dossier_database_step_done (db, stmt, error) &&
           touch_brief (db, dossier_brief_item_get_brief_id (item), error);
    }

  return finish (db, ok, error);
}

gboolean
dossier_briefs_remove_item (DossierDatabase  *db,
                            gint64            item_id,
                            GError          **error)
{
  g_autoptr(DossierBriefItem) item = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  gint64 brief_id;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!(item = get_item (db, item_id, error)))
    return FALSE;
  brief_id = dossier_brief_item_get_brief_id (item);

  if (!dossier_database_begin (db, error))
    return FALSE;

  ok = (stmt = dossier_database_prepare (db, "DELETE FROM brief_items WHERE id = ?", error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, item_id);
      ok = dossier_database_step_done (db, stmt, error) &&
           (ids = item_ids (db, brief_id, error)) != NULL &&
           write_positions (db, ids, error) &&
           touch_brief (db, brief_id, error);
    }

  return finish (db, ok, error);
}
