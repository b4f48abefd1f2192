/* dossier-themes.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-themes"

#include "config.h"

#include <string.h>

#include "dossier-database-private.h"
#include "dossier-themes-private.h"

/* Light tones of the GNOME palette: dark text stays readable on them, and
 * the reader lowers their opacity in dark mode. */
static const char *palette[] = {
  "#99c1f1", /* blue */
  "#8ff0a4", /* green */
  "#f9f06b", /* yellow */
  "#ffbe6f", /* orange */
  "#f66151", /* red */
  "#dc8add", /* purple */
  "#cdab8f", /* brown */
  "#c0bfbc", /* grey */
};

#define THEME_COLUMNS \
  "t.id, t.uuid, t.name, t.color, t.parent_id, t.description, " \
  "(SELECT count(*) FROM claim_themes ct WHERE ct.theme_id = t.id) "

static gpointer
theme_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (DOSSIER_TYPE_THEME,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", (const char *)sqlite3_column_text (stmt, 1),
                       "name", (const char *)sqlite3_column_text (stmt, 2),
                       "color", (const char *)sqlite3_column_text (stmt, 3),
                       "parent-id", sqlite3_column_int64 (stmt, 4),
                       "description", (const char *)sqlite3_column_text (stmt, 5),
                       "claim-count", (guint)sqlite3_column_int64 (stmt, 6),
                       NULL);
}

GPtrArray *
dossier_themes_list (DossierDatabase  *db,
                     GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT " THEME_COLUMNS "FROM themes t "
                                         "ORDER BY t.name COLLATE NOCASE",
                                         error)))
    return NULL;

  return dossier_database_collect (db, stmt, theme_from_row, error);
}

static DossierTheme *
get_by_id (DossierDatabase  *db,
           gint64            id,
           GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = dossier_database_prepare (db, "SELECT " THEME_COLUMNS "FROM themes t WHERE t.id = ?", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  return dossier_database_fetch_one (db, stmt, theme_from_row, "theme", id, error);
}

gint64
dossier_themes_lookup_id (DossierDatabase  *db,
                          const char       *name,
                          GError          **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = dossier_database_prepare (db, "SELECT id FROM themes WHERE name = trim(?)", error)))
    return -1;
  dossier_sql_bind_text (stmt, 1, name);

  return dossier_database_lookup_id (db, stmt, error);
}

DossierTheme *
dossier_themes_find (DossierDatabase  *db,
                     const char       *name,
                     GError          **error)
{
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(clean = dossier_database_clean_name (name, "theme", error)))
    return NULL;

  id = dossier_themes_lookup_id (db, clean, error);
  if (id < 0)
    return NULL;
  if (id == 0)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                   "No theme named “%s”", clean);
      return NULL;
    }

  return get_by_id (db, id, error);
}

static const char *
next_color (DossierDatabase  *db,
            GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  /* The themes table holds tens of rows, not thousands. */
  if (!(stmt = dossier_database_prepare (db, "SELECT count(*) FROM themes", error)))
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return palette[count % G_N_ELEMENTS (palette)];
}

gint64
dossier_themes_ensure_id (DossierDatabase  *db,
                          const char       *name,
                          GError          **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  const char *color;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(clean = dossier_database_clean_name (name, "theme", error)))
    return 0;

  id = dossier_themes_lookup_id (db, clean, error);
  if (id != 0)
    return id > 0 ? id : 0;

  if (!(color = next_color (db, error)))
    return 0;

  if (!(stmt = dossier_database_prepare (db,
                                         "INSERT INTO themes (uuid, name, color, created) VALUES (?, ?, ?, ?)",
                                         error)))
    return 0;

  uuid = g_uuid_string_random ();
  now = dossier_database_now ();
  dossier_sql_bind_text (stmt, 1, uuid);
  dossier_sql_bind_text (stmt, 2, clean);
  dossier_sql_bind_text (stmt, 3, color);
  dossier_sql_bind_text (stmt, 4, now);

  if (!dossier_database_step_done (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (dossier_database_get_handle (db));
}

DossierTheme *
dossier_themes_ensure (DossierDatabase  *db,
                       const char       *name,
                       GError          **error)
{
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!dossier_database_begin (db, error))
    return NULL;

  if (!(id = dossier_themes_ensure_id (db, name, error)))
    {
      dossier_database_rollback (db);
      return NULL;
    }

  /* A failed commit has rolled back already. */
  if (!dossier_database_commit (db, error))
    return NULL;

  dossier_database_emit_changed (db, DOSSIER_CHANGE_THEMES, 0);

  return get_by_id (db, id, error);
}

static gboolean
change_theme (DossierDatabase  *db,
              gint64            id,
              sqlite3_stmt     *stmt,
              GError          **error)
{
  if (!dossier_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (dossier_database_get_handle (db)) == 0)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                   "No theme with id %" G_GINT64_FORMAT, id);
      return FALSE;
    }

  dossier_database_emit_changed (db, DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_CLAIMS, 0);

  return TRUE;
}

gboolean
dossier_themes_rename (DossierDatabase  *db,
                       gint64            id,
                       const char       *name,
                       GError          **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  gint64 existing;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!(clean = dossier_database_clean_name (name, "theme", error)))
    return FALSE;

  existing = dossier_themes_lookup_id (db, clean, error);
  if (existing < 0)
    return FALSE;
  if (existing != 0 && existing != id)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_EXISTS,
                   "A theme named “%s” already exists: merge the two instead", clean);
      return FALSE;
    }

  if (!(stmt = dossier_database_prepare (db, "UPDATE themes SET name = ? WHERE id = ?", error)))
    return FALSE;
  dossier_sql_bind_text (stmt, 1, clean);
  sqlite3_bind_int64 (stmt, 2, id);

  return change_theme (db, id, stmt, error);
}

static gboolean
is_hex_color (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

gboolean
dossier_themes_set_color (DossierDatabase  *db,
                          gint64            id,
                          const char       *color,
                          GError          **error)
{
  g_autofree char *lower = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!is_hex_color (color))
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                   "“%s” is not a colour: use #RRGGBB, for example #99c1f1",
                   color != NULL ? color : "");
      return FALSE;
    }

  lower = g_ascii_strdown (color, -1);

  if (!(stmt = dossier_database_prepare (db, "UPDATE themes SET color = ? WHERE id = ?", error)))
    return FALSE;
  dossier_sql_bind_text (stmt, 1, lower);
  sqlite3_bind_int64 (stmt, 2, id);

  return change_theme (db, id, stmt, error);
}

gboolean
dossier_themes_merge (DossierDatabase  *db,
                      gint64            from,
                      gint64            into,
                      GError          **error)
{
  g_autoptr(DossierTheme) target = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (from == into)
    {
      g_set_error_literal (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                           "Cannot merge a theme into itself");
      return FALSE;
    }

  if (!(target = get_by_id (db, into, error)))
    return FALSE;

  if (!dossier_database_begin (db, error))
    return FALSE;

  /* A claim tagged with both keeps one tag, in the earlier position. */
  if (!(stmt = dossier_database_prepare (db,
                                         "INSERT OR IGNORE INTO claim_themes (claim_id, theme_id, position) "
                                         "SELECT claim_id, ?2, position FROM claim_themes WHERE theme_id = ?1",
                                         error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, into);
  if (!dossier_database_step_done (db, stmt, error))
    goto failed;

  if (!(stmt = dossier_database_prepare (db, "UPDATE themes SET parent_id = ?2 WHERE parent_id = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, into);
  if (!dossier_database_step_done (db, stmt, error))
    goto failed;

  if (!(stmt = dossier_database_prepare (db, "DELETE FROM themes WHERE id = ?", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, from);
  if (!change_theme (db, from, stmt, error))
    goto failed;

  if (!dossier_database_commit (db, error))
    return FALSE;

  dossier_database_emit_changed (db, DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_CLAIMS, 0);

  return TRUE;

failed:
  dossier_database_rollback (db);
  return FALSE;
}

gboolean
dossier_themes_delete (DossierDatabase  *db,
                       gint64            id,
                       GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  /* Claims keep their other themes (claim_themes rows cascade). */
  if (!(stmt = dossier_database_prepare (db, "DELETE FROM themes WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return change_theme (db, id, stmt, error);
}
