/* dossier-database-private.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "dossier-database.h"

G_BEGIN_DECLS

/* Opens and migrates only up to @version: lets tests build an older
 * database and check that opening it normally upgrades it. */
DossierDatabase *dossier_database_open_at_version (const char       *path,
                                                   int               version,
                                                   GError          **error);
sqlite3         *dossier_database_get_handle      (DossierDatabase  *self);
/* A read-only second connection to the same file, opened on first use, or
 * NULL; for splitting one read across two threads. */
sqlite3         *dossier_database_get_reader      (DossierDatabase  *self);

/* A cached prepared statement, reset and with bindings cleared. Do not
 * hold it across a call that may use the same SQL. */
sqlite3_stmt    *dossier_database_prepare         (DossierDatabase  *self,
                                                   const char       *sql,
                                                   GError          **error);
gboolean         dossier_database_exec            (DossierDatabase  *self,
                                                   const char       *sql,
                                                   GError          **error);
/* Steps a statement that returns no rows and resets it. */
gboolean         dossier_database_step_done       (DossierDatabase  *self,
                                                   sqlite3_stmt     *stmt,
                                                   GError          **error);
/* Sets @error from the connection's last error; always returns FALSE. */
gboolean         dossier_database_fail            (DossierDatabase  *self,
                                                   int               rc,
                                                   GError          **error);

/* Builds one object from the current row of a statement. */
typedef gpointer (*DossierRowFunc) (sqlite3_stmt *stmt);

/* Steps @stmt to the end, one object per row, and resets it. The array
 * unrefs its objects. NULL with @error when stepping fails. */
GPtrArray       *dossier_database_collect         (DossierDatabase  *self,
                                                   sqlite3_stmt     *stmt,
                                                   DossierRowFunc    row_func,
                                                   GError          **error);
/* The object of the single row @stmt selects for @id, or NULL with
 * DOSSIER_DATABASE_ERROR_NOT_FOUND ("No @what with id @id"). */
gpointer         dossier_database_fetch_one       (DossierDatabase  *self,
                                                   sqlite3_stmt     *stmt,
                                                   DossierRowFunc    row_func,
                                                   const char       *what,
                                                   gint64            id,
                                                   GError          **error);
/* The integer in the first column of the first row of @stmt: 0 when there
 * is no row, -1 with @error when stepping fails. Resets @stmt. */
gint64           dossier_database_lookup_id       (DossierDatabase  *self,
                                                   sqlite3_stmt     *stmt,
                                                   GError          **error);

/* Column helpers: NULL for SQL NULL. */
char            *dossier_sql_column_dup           (sqlite3_stmt     *stmt,
                                                   int               column);
void             dossier_sql_bind_text            (sqlite3_stmt     *stmt,
                                                   int               index,
                                                   const char       *text);

char            *dossier_database_now             (void);

/* A theme or source name as typed, trimmed; fails with
 * DOSSIER_DATABASE_ERROR_INVALID when empty, too long or not one line.
 * @what names the thing in the message ("theme", "speaker"…). */
char            *dossier_database_clean_name      (const char       *name,
                                                   const char       *what,
                                                   GError          **error);

G_END_DECLS
