/* dossier-database.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema version this build writes; stored in PRAGMA user_version. */
#define DOSSIER_SCHEMA_VERSION 4

#define DOSSIER_DATABASE_ERROR (dossier_database_error_quark ())

typedef enum
{
  DOSSIER_DATABASE_ERROR_OPEN,          /* cannot open or create the file */
  DOSSIER_DATABASE_ERROR_NEWER_SCHEMA,  /* written by a newer Dossier; left untouched */
  DOSSIER_DATABASE_ERROR_CORRUPT,       /* not a database, or damaged */
  DOSSIER_DATABASE_ERROR_BUSY,          /* locked by another process past the busy timeout */
  DOSSIER_DATABASE_ERROR_READ_ONLY,     /* file or folder not writable */
  DOSSIER_DATABASE_ERROR_FULL,          /* disk full */
  DOSSIER_DATABASE_ERROR_NOT_FOUND,     /* no row with that id or name */
  DOSSIER_DATABASE_ERROR_INVALID,       /* bad argument from the user (empty name, bad range…) */
  DOSSIER_DATABASE_ERROR_EXISTS,        /* a unique name is taken */
  DOSSIER_DATABASE_ERROR_FAILED,        /* any other SQLite failure */
  DOSSIER_DATABASE_ERROR_IN_USE,        /* still used elsewhere (a claim cited in a brief) */
} DossierDatabaseError;

/* What a change touched, for DossierDatabase::changed. */
typedef enum
{
  DOSSIER_CHANGE_DOCUMENTS = 1 << 0,
  DOSSIER_CHANGE_CLAIMS    = 1 << 1,
  DOSSIER_CHANGE_THEMES    = 1 << 2,
  DOSSIER_CHANGE_SOURCES   = 1 << 3,
  DOSSIER_CHANGE_BRIEFS    = 1 << 4,
} DossierChange;

#define DOSSIER_TYPE_DATABASE (dossier_database_get_type ())

G_DECLARE_FINAL_TYPE (DossierDatabase, dossier_database, DOSSIER, DATABASE, GObject)

GQuark           dossier_database_error_quark  (void);
char            *dossier_database_default_path (void);
DossierDatabase *dossier_database_open         (const char       *path,
                                                GError          **error);
const char      *dossier_database_get_path     (DossierDatabase  *self);
gboolean         dossier_database_begin        (DossierDatabase  *self,
                                                GError          **error);
gboolean         dossier_database_commit       (DossierDatabase  *self,
                                                GError          **error);
void             dossier_database_rollback     (DossierDatabase  *self);
gboolean         dossier_database_check        (DossierDatabase  *self,
                                                GPtrArray       **problems,
                                                GError          **error);

/* Emits DossierDatabase::changed (guint what, gint64 document_id): the
 * core's operations call it after they commit, so views can follow edits
 * made anywhere. @document_id is the document concerned, or 0 for many or
 * none. Call only from the thread that owns the connection. */
void             dossier_database_emit_changed (DossierDatabase  *self,
                                                DossierChange     what,
                                                gint64            document_id);

G_END_DECLS
