/* dossier-database.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "dossier-anchor.h"
#include "dossier-database-private.h"

/* "Doss": marks the file as ours, so --db pointed at another program's
 * SQLite file is refused instead of being filled with our tables. */
#define DOSSIER_APPLICATION_ID 0x446f7373

/* How long a write waits for another program's transaction to end before
 * giving up with DOSSIER_DATABASE_ERROR_BUSY. DOSSIER_BUSY_TIMEOUT_MS
 * shortens it for tests of a locked database; it is not a user setting. */
#define BUSY_TIMEOUT_MS 5000
#define BUSY_TIMEOUT_ENV "DOSSIER_BUSY_TIMEOUT_MS"

struct _DossierDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  sqlite3    *reader;       /* read-only second connection, lazily opened */
  gboolean    reader_failed;
  GThreadPool *checkpointer;     /* one thread that checkpoints the WAL */
  sqlite3     *checkpoint_handle; /* that thread's own connection */
  gint         checkpoint_queued; /* atomic: a checkpoint is on its way */
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       depth;        /* open transactions: BEGIN, then SAVEPOINTs */
  int         busy_timeout; /* ms */
};

G_DEFINE_FINAL_TYPE (DossierDatabase, dossier_database, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (dossier-database-error-quark, dossier_database_error)

/* Each migration takes the schema from version (index) to (index + 1) and
 * runs inside the single transaction that dossier_database_open() opens.
 * Never edit a released step: add a new one. */
static const char *migrations[] = {
  /* 0 → 1: the tables. Bodies live apart from document metadata so that
   * listing documents never pages them in. */
  "CREATE TABLE sources ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),"
  "  kind TEXT NOT NULL DEFAULT 'other'"
  "    CHECK (kind IN ('person', 'outlet', 'organization', 'government', 'other')),"
  "  created TEXT NOT NULL"
  ");"
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  outlet_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,"
  "  author TEXT,"
  "  published TEXT,"
  "  url TEXT,"
  "  origin TEXT,"
  "  format TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL UNIQUE,"
  "  length INTEGER NOT NULL,"
  "  claim_count INTEGER NOT NULL DEFAULT 0,"
  "  imported TEXT NOT NULL"
  ");"
  "CREATE INDEX documents_outlet ON documents (outlet_id);"
  "CREATE INDEX documents_published ON documents (published);"
  "CREATE INDEX documents_title ON documents (title COLLATE NOCASE);"
  "CREATE TABLE document_bodies ("
  "  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  body TEXT NOT NULL"
  ");"
  "CREATE TABLE themes ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),"
  "  color TEXT NOT NULL,"
  "  parent_id INTEGER REFERENCES themes (id) ON DELETE SET NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL"
  ");"
  "CREATE TABLE claims ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL CHECK (start >= 0),"
  "  \"end\" INTEGER NOT NULL CHECK (\"end\" > start),"
  "  quote TEXT NOT NULL,"
  "  prefix TEXT NOT NULL DEFAULT '',"
  "  suffix TEXT NOT NULL DEFAULT '',"
  "  speaker_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE INDEX claims_document ON claims (document_id, start);"
  "CREATE INDEX claims_speaker ON claims (speaker_id);"
  "CREATE TABLE claim_themes ("
  "  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,"
  "  theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (claim_id, theme_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX claim_themes_theme ON claim_themes (theme_id);"
  "CREATE TABLE briefs ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE TABLE brief_items ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  brief_id INTEGER NOT NULL REFERENCES briefs (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('heading', 'claim', 'text')),"
  "  claim_id INTEGER REFERENCES claims (id) ON DELETE RESTRICT,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  CHECK ((kind = 'claim') = (claim_id IS NOT NULL))"
  ");"
  "CREATE INDEX brief_items_brief ON brief_items (brief_id, position);"
  "CREATE INDEX brief_items_claim ON brief_items (claim_id);"
  /* Claim counts kept current by the database, so lists never count(*). */
  "CREATE TRIGGER claims_count_insert AFTER INSERT ON claims BEGIN"
  "  UPDATE documents SET claim_count = claim_count + 1 WHERE id = new.document_id;"
  "END;"
  "CREATE TRIGGER claims_count_delete AFTER DELETE ON claims BEGIN"
  "  UPDATE documents SET claim_count = claim_count - 1 WHERE id = old.document_id;"
  "END;",

  /* 1 → 2: full-text search over documents (title, body) and claims
   * (quote, note), external content kept in sync by triggers. */
  "CREATE VIEW documents_fts_content AS"
  "  SELECT d.id AS id, d.title AS title, b.body AS body"
  "  FROM documents d JOIN document_bodies b ON b.document_id = d.id;"
  "CREATE VIRTUAL TABLE documents_fts USING fts5 ("
  "  title, body,"
  "  content = 'documents_fts_content', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', detail = full"
  ");"
  "CREATE TRIGGER documents_fts_insert AFTER INSERT ON document_bodies BEGIN"
  "  INSERT INTO documents_fts (rowid, title, body)"
  "    SELECT new.document_id, title, new.body FROM documents WHERE id = new.document_id;"
  "END;"
  "CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, title, body)"
  "    SELECT 'delete', old.id, old.title, body FROM document_bodies WHERE document_id = old.id;"
  "END;"
  "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title ON documents"
  "  WHEN old.title IS NOT new.title BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, title, body)"
  "    SELECT 'delete', old.id, old.title, body FROM document_bodies WHERE document_id = old.id;"
  "  INSERT INTO documents_fts (rowid, title, body)"
  "    SELECT new.id, new.title, body FROM document_bodies WHERE document_id = new.id;"
  "END;"
  "CREATE VIRTUAL TABLE claims_fts USING fts5 ("
  "  quote, note,"
  "  content = 'claims', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', detail = full"
  ");"
  "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN"
  "  INSERT INTO claims_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);"
  "END;"
  "CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN"
  "  INSERT INTO claims_fts (claims_fts, rowid, quote, note) VALUES ('delete', old.id, old.quote, old.note);"
  "END;"
  "CREATE TRIGGER claims_fts_update AFTER UPDATE OF quote, note ON claims BEGIN"
  "  INSERT INTO claims_fts (claims_fts, rowid, quote, note) VALUES ('delete', old.id, old.quote, old.note);"
  "  INSERT INTO claims_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);"
  "END;"
  "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');"
  "INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');",

  /* 2 → 3: indexes in the orders the document list shows (see
   * dossier_documents_list_ids), so that listing 100,000 documents by
   * date or by outlet scans an index instead of sorting every row
   * (by date: 105 ms → 8 ms). The outlet index leads with outlet_id, so
   * it replaces the plain one. */
  "CREATE INDEX documents_date_order ON documents"
  "  (published IS NULL, published DESC, title COLLATE NOCASE);"
  "CREATE INDEX documents_outlet_order ON documents"
  "  (outlet_id, published IS NULL, published DESC);"
  "DROP INDEX documents_outlet;",

  /* 3 → 4: the documents' full-text row is written by
   * dossier_documents_insert() itself, not by a trigger on
   * document_bodies. With the trigger every insert was a two-table
   * statement, so SQLite opened a statement savepoint, and FTS5 (3.40)
   * writes its pending index to disk at every savepoint: one tiny segment
   * per document, a third of the import time. */
  "DROP TRIGGER documents_fts_insert;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == DOSSIER_SCHEMA_VERSION);

static void
dossier_database_finalize (GObject *object)
{
  DossierDatabase *self = (DossierDatabase *)object;

  /* Let a checkpoint under way finish before closing. */
  if (self->checkpointer != NULL)
    g_thread_pool_free (g_steal_pointer (&self->checkpointer), FALSE, TRUE);
  g_clear_pointer (&self->checkpoint_handle, sqlite3_close_v2);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->reader, sqlite3_close_v2);
  if (self->handle != NULL)
    {
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (dossier_database_parent_class)->finalize (object);
}

static void
dossier_database_class_init (DossierDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_database_finalize;

  /**
   * DossierDatabase::changed:
   * @what: the #DossierChange flags of what changed
   * @document_id: the document concerned, or 0
   *
   * Emitted after an operation of the core committed a change.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);
}

void
dossier_database_emit_changed (DossierDatabase *self,
                               DossierChange    what,
                               gint64           document_id)
{
  g_return_if_fail (DOSSIER_IS_DATABASE (self));

  /* Inside an open transaction nothing is visible to others yet; the
   * operation that commits the outermost transaction reports it. */
  if (self->depth > 0)
    return;

  g_signal_emit (self, signals[CHANGED], 0, (guint)what, document_id);
}

/* SQLite counts every allocation under one global mutex unless told not
 * to, which serialises threads that search at once (search ranks on two).
 * Only possible before SQLite's first use in the process; harmless after. */
static void
configure_sqlite_once (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      if (sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
        g_debug ("SQLite was already in use: memory statistics stay on");
      g_once_init_leave (&configured, 1);
    }
}

/**
 * dossier_database_get_reader:
 *
 * A second connection to the same file, read-only, for work that one
 * operation splits across two threads (search ranks half of the matches
 * on it). It sees what was committed, not the open transaction of @self.
 * NULL when it cannot be opened; the caller then does the work alone.
 * One user at a time, like @self.
 */
sqlite3 *
dossier_database_get_reader (DossierDatabase *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), NULL);

  if (self->reader == NULL && !self->reader_failed)
    {
      int rc = sqlite3_open_v2 (self->path, &self->reader,
                                SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                                NULL);

      if (rc != SQLITE_OK)
        {
          g_debug ("No second connection to %s: %s", self->path, sqlite3_errstr (rc));
          g_clear_pointer (&self->reader, sqlite3_close_v2);
          self->reader_failed = TRUE;
          return NULL;
        }

      sqlite3_busy_timeout (self->reader, BUSY_TIMEOUT_MS);
    }

  return self->reader;
}

/* WAL frames after which a commit asks the checkpointer thread for a
 * checkpoint (SQLite's own default for its automatic ones), and after
 * which the commit checkpoints itself: the WAL only starts over when a
 * checkpoint has caught up before the next write, which a busy writer
 * (an import) never lets the thread do. */
#define CHECKPOINT_FROM_FRAMES 1000
#define CHECKPOINT_INLINE_FROM_FRAMES 4000

static void
checkpoint_in_thread (gpointer data,
                      gpointer user_data)
{
  DossierDatabase *self = user_data;
  int rc;

  if (self->checkpoint_handle == NULL)
    {
      rc = sqlite3_open_v2 (self->path, &self->checkpoint_handle,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                            NULL);
      if (rc != SQLITE_OK)
        g_clear_pointer (&self->checkpoint_handle, sqlite3_close_v2);
    }

  /* PASSIVE: copies what no reader still needs and never waits; what is
   * left is copied next time. A failure here loses nothing: the frames
   * stay in the WAL, which is as durable as the database file. */
  if (self->checkpoint_handle != NULL)
    {
      rc = sqlite3_wal_checkpoint_v2 (self->checkpoint_handle, "main",
                                      SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      if (rc != SQLITE_OK)
        g_debug ("Checkpoint of %s: %s", self->path, sqlite3_errstr (rc));
    }

  g_atomic_int_set (&self->checkpoint_queued, 0);
}

/* Called by SQLite after each commit of the main connection. Instead of
 * SQLite's automatic checkpoint, which copies up to 4 MB and syncs twice
 * inside the commit that crosses the threshold (the slowest claim saves),
 * the copy happens on the checkpointer thread while work goes on. Only a
 * WAL that keeps growing is checkpointed here, and by then the thread has
 * copied most of it. */
static int
on_wal_commit (void       *user_data,
               sqlite3    *handle,
               const char *database,
               int         frames)
{
  DossierDatabase *self = user_data;

  if (frames >= CHECKPOINT_INLINE_FROM_FRAMES)
    sqlite3_wal_checkpoint_v2 (handle, database, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  else if (frames >= CHECKPOINT_FROM_FRAMES &&
           g_atomic_int_compare_and_exchange (&self->checkpoint_queued, 0, 1))
    g_thread_pool_push (self->checkpointer, self, NULL);

  return SQLITE_OK;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
dossier_database_init (DossierDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

static int
error_code_for_result (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DOSSIER_DATABASE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return DOSSIER_DATABASE_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return DOSSIER_DATABASE_ERROR_FULL;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DOSSIER_DATABASE_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
      return DOSSIER_DATABASE_ERROR_OPEN;
    case SQLITE_CONSTRAINT:
      return DOSSIER_DATABASE_ERROR_INVALID;
    default:
      return DOSSIER_DATABASE_ERROR_FAILED;
    }
}

static gboolean
fail_with (sqlite3     *handle,
           const char  *path,
           int          busy_timeout,
           int          rc,
           GError     **error)
{
  int code = error_code_for_result (rc);
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  g_autofree char *display = g_filename_display_name (path);

  switch (code)
    {
    case DOSSIER_DATABASE_ERROR_BUSY:
      g_set_error (error, DOSSIER_DATABASE_ERROR, code,
                   "Database %s is in use by another program, which kept it locked "
                   "longer than Dossier waits (%.1f s). "
                   "Close the other program or try again when it has finished.",
                   display, busy_timeout / 1000.0);
      break;
    case DOSSIER_DATABASE_ERROR_READ_ONLY:
      g_set_error (error, DOSSIER_DATABASE_ERROR, code,
                   "Database %s cannot be written (read-only file or folder): %s",
                   display, detail);
      break;
    case DOSSIER_DATABASE_ERROR_FULL:
      g_set_error (error, DOSSIER_DATABASE_ERROR, code,
                   "Disk full while writing %s: nothing of the unfinished change was kept",
                   display);
      break;
    case DOSSIER_DATABASE_ERROR_CORRUPT:
      g_set_error (error, DOSSIER_DATABASE_ERROR, code,
                   "%s is not a Dossier database or is damaged: %s",
                   display, detail);
      break;
    case DOSSIER_DATABASE_ERROR_OPEN:
      {
        int saved = handle != NULL ? sqlite3_system_errno (handle) : 0;

        g_set_error (error, DOSSIER_DATABASE_ERROR, code,
                     "Cannot open the database %s: %s",
                     display, saved != 0 ? g_strerror (saved) : detail);
      }
      break;
    default:
      g_set_error (error, DOSSIER_DATABASE_ERROR, code, "%s", detail);
      break;
    }

  return FALSE;
}

gboolean
dossier_database_fail (DossierDatabase  *self,
                       int               rc,
                       GError          **error)
{
  g_assert (DOSSIER_IS_DATABASE (self));

  return fail_with (self->handle, self->path, self->busy_timeout, rc, error);
}

sqlite3 *
dossier_database_get_handle (DossierDatabase *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), NULL);

  return self->handle;
}

const char *
dossier_database_get_path (DossierDatabase *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3_stmt *
dossier_database_prepare (DossierDatabase  *self,
                          const char       *sql,
                          GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (DOSSIER_IS_DATABASE (self));
  g_assert (sql != NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      dossier_database_fail (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
dossier_database_exec (DossierDatabase  *self,
                       const char       *sql,
                       GError          **error)
{
  int rc;

  g_assert (DOSSIER_IS_DATABASE (self));

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return dossier_database_fail (self, rc, error);

  return TRUE;
}

gboolean
dossier_database_step_done (DossierDatabase  *self,
                            sqlite3_stmt     *stmt,
                            GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      dossier_database_fail (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);

  return TRUE;
}

GPtrArray *
dossier_database_collect (DossierDatabase  *self,
                          sqlite3_stmt     *stmt,
                          DossierRowFunc    row_func,
                          GError          **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_assert (DOSSIER_IS_DATABASE (self));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (objects, row_func (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      dossier_database_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&objects);
}

gpointer
dossier_database_fetch_one (DossierDatabase  *self,
                            sqlite3_stmt     *stmt,
                            DossierRowFunc    row_func,
                            const char       *what,
                            gint64            id,
                            GError          **error)
{
  gpointer object = NULL;
  int rc;

  g_assert (DOSSIER_IS_DATABASE (self));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    object = row_func (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                 "No %s with id %" G_GINT64_FORMAT, what, id);
  else
    dossier_database_fail (self, rc, error);
  sqlite3_reset (stmt);

  return object;
}

gint64
dossier_database_lookup_id (DossierDatabase  *self,
                            sqlite3_stmt     *stmt,
                            GError          **error)
{
  gint64 id = 0;
  int rc;

  g_assert (DOSSIER_IS_DATABASE (self));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      dossier_database_fail (self, rc, error);
      id = -1;
    }
  sqlite3_reset (stmt);

  return id;
}

char *
dossier_sql_column_dup (sqlite3_stmt *stmt,
                        int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *)text) : NULL;
}

void
dossier_sql_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
dossier_database_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
dossier_database_begin (DossierDatabase  *self,
                        GError          **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), FALSE);

  /* IMMEDIATE takes the write lock now, so a busy database fails here
   * (after the busy timeout) instead of half-way through a change. */
  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT nested_%u", self->depth);

  if (!dossier_database_exec (self, sql, error))
    return FALSE;

  self->depth++;

  return TRUE;
}

gboolean
dossier_database_commit (DossierDatabase  *self,
                         GError          **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE nested_%u", self->depth - 1);

  if (!dossier_database_exec (self, sql, error))
    {
      dossier_database_rollback (self);
      return FALSE;
    }

  self->depth--;

  return TRUE;
}

void
dossier_database_rollback (DossierDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (DOSSIER_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      /* After some errors (SQLITE_FULL, SQLITE_IOERR) SQLite has already
       * rolled back; ROLLBACK then fails harmlessly. */
      if (!sqlite3_get_autocommit (self->handle))
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
    }
  else
    {
      sql = g_strdup_printf ("ROLLBACK TO nested_%u; RELEASE nested_%u",
                             self->depth - 1, self->depth - 1);
      sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
    }

  self->depth--;
}

char *
dossier_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "dossier", "dossier.db", NULL);
}

static gboolean
query_int (sqlite3     *handle,
           const char  *sql,
           int         *value,
           int         *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;

  return rc == SQLITE_OK;
}

static int
busy_timeout (void)
{
  const char *text = g_getenv (BUSY_TIMEOUT_ENV);
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, 10 * 60 * 1000, &value, NULL))
    return (int) value;

  return BUSY_TIMEOUT_MS;
}

/* Creates the file (user-only) before SQLite does, so that the -wal and
 * -shm files, which SQLite creates with the main file's mode, are private
 * too. The folder is created 0700. */
static gboolean
prepare_path (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display_dir = g_filename_display_name (dir);

      g_set_error (error, DOSSIER_DATABASE_ERROR,
                   saved == EACCES || saved == EROFS ? DOSSIER_DATABASE_ERROR_READ_ONLY
                                                     : DOSSIER_DATABASE_ERROR_OPEN,
                   "Cannot create the folder %s: %s", display_dir, g_strerror (saved));
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_OPEN,
                       "%s is a folder, not a database file", display);
          return FALSE;
        }
      return TRUE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == EEXIST)
        return TRUE;

      g_set_error (error, DOSSIER_DATABASE_ERROR,
                   saved == EACCES || saved == EROFS ? DOSSIER_DATABASE_ERROR_READ_ONLY
                                                     : DOSSIER_DATABASE_ERROR_OPEN,
                   "Cannot create the database %s: %s", display, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  return TRUE;
}

static gboolean
migrate (DossierDatabase  *self,
         int               from,
         int               to,
         GError          **error)
{
  g_autofree char *set_version = NULL;

  if (from >= to)
    return TRUE;

  if (!dossier_database_begin (self, error))
    return FALSE;

  for (int version = from; version < to; version++)
    {
      if (!dossier_database_exec (self, migrations[version], error))
        {
          g_prefix_error (error, "Cannot upgrade the database to version %d: ", version + 1);
          dossier_database_rollback (self);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d;"
                                 "PRAGMA application_id = %d;",
                                 to, DOSSIER_APPLICATION_ID);
  if (!dossier_database_exec (self, set_version, error) ||
      !dossier_database_commit (self, error))
    {
      if (self->depth > 0)
        dossier_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}

DossierDatabase *
dossier_database_open_at_version (const char  *path,
                                  int          version,
                                  GError     **error)
{
  g_autoptr(DossierDatabase) self = NULL;
  g_autofree char *display = NULL;
  int rc;
  int current = 0;
  int application_id = 0;
  int tables = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= DOSSIER_SCHEMA_VERSION, NULL);

  display = g_filename_display_name (path);

  if (!prepare_path (path, error))
    return NULL;

  configure_sqlite_once ();

  self = g_object_new (DOSSIER_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  self->busy_timeout = busy_timeout ();

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      fail_with (self->handle, path, self->busy_timeout, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, self->busy_timeout);

  /* SQLite falls back to read-only when the file cannot be written. Say
   * so before the first read: reading a WAL database would leave -wal and
   * -shm files beside a file we then refuse. */
  if (sqlite3_db_readonly (self->handle, "main") == 1)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_READ_ONLY,
                   "Database %s is read-only: check the permissions of the file and its folder",
                   display);
      return NULL;
    }

  /* Read before writing anything: a database from a newer Dossier, or a
   * file that is not ours, must be left byte for byte as it was. */
  if (!query_int (self->handle, "PRAGMA user_version", &current, &rc) ||
      !query_int (self->handle, "PRAGMA application_id", &application_id, &rc) ||
      !query_int (self->handle, "SELECT count(*) FROM sqlite_schema", &tables, &rc))
    {
      fail_with (self->handle, path, self->busy_timeout, rc, error);
      return NULL;
    }

  if (current > DOSSIER_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NEWER_SCHEMA,
                   "Database %s was written by a newer version of Dossier "
                   "(schema %d; this version knows up to %d). It was left untouched: "
                   "update Dossier to open it.",
                   display, current, DOSSIER_SCHEMA_VERSION);
      return NULL;
    }

  if (application_id != DOSSIER_APPLICATION_ID && (tables > 0 || current > 0))
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_CORRUPT,
                   "%s is an SQLite database of another program, not a Dossier database. "
                   "It was left untouched.", display);
      return NULL;
    }

  if (!dossier_database_exec (self,
                              "PRAGMA foreign_keys = ON;"
                              "PRAGMA journal_mode = WAL;"
                              "PRAGMA synchronous = NORMAL;"
                              "PRAGMA temp_store = MEMORY;"
                              /* 16 MB of pages instead of 2: an import
                               * batch and a search's posting lists stay
                               * in memory instead of being read back. */
                              "PRAGMA cache_size = -16384;",
                              error))
    return NULL;

  if (!migrate (self, current, version, error))
    return NULL;

  self->checkpointer = g_thread_pool_new (checkpoint_in_thread, self, 1, FALSE, NULL);
  sqlite3_wal_hook (self->handle, on_wal_commit, self);

  return g_steal_pointer (&self);
}

/**
 * dossier_database_open:
 * @path: the database file; created (user-only, in a 0700 folder) if missing
 *
 * Opens a Dossier database and upgrades its schema in one transaction.
 * A database from a newer Dossier, a damaged file, or another program's
 * database is refused with a clear message and left untouched.
 */
DossierDatabase *
dossier_database_open (const char  *path,
                       GError     **error)
{
  return dossier_database_open_at_version (path, DOSSIER_SCHEMA_VERSION, error);
}

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
check_rows (DossierDatabase  *self,
            const char       *sql,
            GPtrArray        *problems,
            const char       *what,
            GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = dossier_database_prepare (self, sql, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (text, "ok") != 0)
        add_problem (problems, "%s: %s", what, text != NULL ? text : "");
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return dossier_database_fail (self, rc, error);

  return TRUE;
}

static gboolean
check_fts (DossierDatabase  *self,
           const char       *table,
           GPtrArray        *problems)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('integrity-check', 1)",
                                          table, table);
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    add_problem (problems, "full-text index %s does not match its content: %s",
                 table, sqlite3_errmsg (self->handle));

  return TRUE;
}

static gboolean
check_claims (DossierDatabase  *self,
              GPtrArray        *problems,
              GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 body_document = 0;
  g_autofree char *body = NULL;
  int rc;

  /* Ordered by document so each body is read once. */
  if (!(stmt = dossier_database_prepare (self,
                                         "SELECT c.id, c.document_id, c.start, c.\"end\", c.quote, b.body "
                                         "FROM claims c JOIN document_bodies b ON b.document_id = c.document_id "
                                         "ORDER BY c.document_id, c.start",
                                         error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 claim = sqlite3_column_int64 (stmt, 0);
      gint64 document = sqlite3_column_int64 (stmt, 1);
      gint64 start = sqlite3_column_int64 (stmt, 2);
      gint64 end = sqlite3_column_int64 (stmt, 3);
      const char *quote = (const char *)sqlite3_column_text (stmt, 4);
      g_autofree char *slice = NULL;

      if (document != body_document)
        {
          g_free (body);
          body = dossier_sql_column_dup (stmt, 5);
          body_document = document;
        }

      if (start >= 0 && end <= G_MAXUINT)
        slice = dossier_anchor_slice (body, (guint)start, (guint)end);

      if (slice == NULL)
        add_problem (problems, "claim %" G_GINT64_FORMAT ": range %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT
                     " lies outside document %" G_GINT64_FORMAT,
                     claim, start, end, document);
      else if (g_strcmp0 (slice, quote) != 0)
        add_problem (problems, "claim %" G_GINT64_FORMAT ": quote differs from document %" G_GINT64_FORMAT
                     " at %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                     claim, document, start, end);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return dossier_database_fail (self, rc, error);

  if (!(stmt = dossier_database_prepare (self,
                                         "SELECT d.id, d.claim_count, "
                                         "  (SELECT count(*) FROM claims c WHERE c.document_id = d.id) "
                                         "FROM documents d "
                                         "WHERE d.claim_count != (SELECT count(*) FROM claims c WHERE c.document_id = d.id)",
                                         error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_problem (problems, "document %" G_GINT64_FORMAT ": claim count says %d, there are %d",
                 (gint64)sqlite3_column_int64 (stmt, 0),
                 sqlite3_column_int (stmt, 1),
                 sqlite3_column_int (stmt, 2));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return dossier_database_fail (self, rc, error);

  return TRUE;
}

/**
 * dossier_database_check:
 * @problems: (out): one line of text per problem found
 *
 * Verifies the file (integrity_check), foreign keys, the full-text indexes,
 * the claim counts, and that every claim's quote still equals the document
 * text at its offsets. Returns FALSE with @error only when the check itself
 * cannot run; an empty @problems means the database is sound.
 */
gboolean
dossier_database_check (DossierDatabase  *self,
                        GPtrArray       **problems,
                        GError          **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!check_rows (self, "PRAGMA integrity_check", found, "integrity", error))
    return FALSE;

  if (!(stmt = dossier_database_prepare (self, "PRAGMA foreign_key_check", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_problem (found, "table %s, row %" G_GINT64_FORMAT ": refers to a missing row of %s",
                 (const char *)sqlite3_column_text (stmt, 0),
                 (gint64)sqlite3_column_int64 (stmt, 1),
                 (const char *)sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dossier_database_fail (self, rc, error);

  check_fts (self, "documents_fts", found);
  check_fts (self, "claims_fts", found);

  if (!check_claims (self, found, error))
    return FALSE;

  *problems = g_steal_pointer (&found);

  return TRUE;
}

#define NAME_MAX_LENGTH 200

char *
dossier_database_clean_name (const char  *name,
                             const char  *what,
                             GError     **error)
{
  g_autofree char *clean = NULL;

  g_assert (what != NULL);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                   "A %s name must be valid UTF-8 text", what);
      return NULL;
    }

  clean = g_strstrip (g_strdup (name));

  if (clean[0] == '\0')
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                   "A %s name cannot be empty", what);
      return NULL;
    }

  if (g_utf8_strlen (clean, -1) > NAME_MAX_LENGTH)
    {
      g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                   "A %s name can be at most %d characters long", what, NAME_MAX_LENGTH);
      return NULL;
    }

  for (const char *p = clean; *p; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                       "A %s name must be a single line of text", what);
          return NULL;
        }
    }

  return g_steal_pointer (&clean);
}
