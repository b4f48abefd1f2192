/* test-database-faults.c — damaged, read-only, locked and full databases
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each fault is met through the core API and through the real dossier-cli
 * (exit 1, one line on stderr), and a file Dossier refuses is left byte
 * for byte as it was. tests/test-database.c already covers the core side of
 * random bytes, a newer schema and another program's database; here they
 * go through the command line.
 *
 * Disk full is tested twice: always, with a wrapper VFS registered as
 * SQLite's default in this process that fails writes with SQLITE_FULL
 * past a quota (what the unix VFS returns on ENOSPC); and, where the test
 * may mount file systems, for real on a small tmpfs with dossier-cli. */

#define _GNU_SOURCE  /* unshare() */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <sched.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include <json-glib/json-glib.h>

#include "dossier-database-private.h"
#include "fault-test-utils.h"
#include "test-utils.h"

/* A VFS that runs out of space */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;  /* the unix VFS's file, allocated right after */
} QuotaFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs quota_vfs;
static gint64 quota_left = -1;  /* bytes that may still be written; -1: no limit */
static guint quota_refusals;

#define REAL(file) (((QuotaFile *) (file))->real)

static int
quota_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
quota_read (sqlite3_file  *file,
            void          *buffer,
            int            amount,
            sqlite3_int64  offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
quota_write (sqlite3_file  *file,
             const void    *buffer,
             int            amount,
             sqlite3_int64  offset)
{
  if (quota_left >= 0)
    {
      if (amount > quota_left)
        {
          /* The disk is full from now on. */
          quota_left = 0;
          quota_refusals++;
          return SQLITE_FULL;
        }
      quota_left -= amount;
    }

  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
quota_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
quota_sync (sqlite3_file *file,
            int           flags)
{
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
quota_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
quota_lock (sqlite3_file *file,
            int           level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
quota_unlock (sqlite3_file *file,
              int           level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
quota_check_reserved_lock (sqlite3_file *file,
                           int          *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
quota_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
quota_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
quota_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
quota_shm_map (sqlite3_file  *file,
               int            page,
               int            page_size,
               int            extend,
               void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, page_size, extend, out);
}

static int
quota_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
quota_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
quota_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
quota_fetch (sqlite3_file   *file,
             sqlite3_int64   offset,
             int             amount,
             void          **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
quota_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *page)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, page);
}

static const sqlite3_io_methods quota_io_methods = {
  3,
  quota_close,
  quota_read,
  quota_write,
  quota_truncate,
  quota_sync,
  quota_file_size,
  quota_lock,
  quota_unlock,
  quota_check_reserved_lock,
  quota_file_control,
  quota_sector_size,
  quota_device_characteristics,
  quota_shm_map,
  quota_shm_lock,
  quota_shm_barrier,
  quota_shm_unmap,
  quota_fetch,
  quota_unfetch,
};

static int
quota_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  QuotaFile *quota = (QuotaFile *) file;
  int rc;

  quota->real = (sqlite3_file *) (quota + 1);
  rc = real_vfs->xOpen (real_vfs, name, quota->real, flags, out_flags);

  /* SQLite closes a file whose methods are set, even after an error. */
  if (quota->real->pMethods != NULL)
    {
      g_assert_cmpint (quota->real->pMethods->iVersion, >=, 3);
      quota->base.pMethods = &quota_io_methods;
    }
  else
    quota->base.pMethods = NULL;

  return rc;
}

static void
quota_vfs_register (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);

  quota_vfs = *real_vfs;
  quota_vfs.zName = "dossier-test-quota";
  quota_vfs.szOsFile = sizeof (QuotaFile) + real_vfs->szOsFile;
  quota_vfs.pNext = NULL;
  quota_vfs.xOpen = quota_open;

  g_assert_cmpint (sqlite3_vfs_register (&quota_vfs, 1), ==, SQLITE_OK);
  g_assert_true (sqlite3_vfs_find (NULL) == &quota_vfs);
}

/* Sets how many more bytes may be written; -1 lifts the limit. */
static void
quota_set (gint64 bytes)
{
  quota_left = bytes;
  quota_refusals = 0;
}

/* Fixtures written for these tests */

static char *
bulletin_text (guint i)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "Bulletin %u on river deliveries\n\n", i);
  for (guint j = 0; j < 60; j++)
    g_string_append_printf (text, "%sgauge%u reads %u", j > 0 ? " " : "", (i * 7 + j) % 997, (i + j) % 13);
  g_string_append (text, ".");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* @n bulletins of about 1 KB, named so they import in number order. */
static char *
make_bulletins (guint n)
{
  char *dir = test_make_dir ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%05u.txt", i);
      g_autofree char *text = bulletin_text (i);

      g_free (test_write_file (dir, name, text, -1));
    }

  return dir;
}

/* A database with a few documents, closed, so that everything is in the
 * main file (the WAL is checkpointed and removed at close). */
static char *
make_database (const char *dir,
               const char *name,
               guint       n_documents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *corpus = make_bulletins (n_documents);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(DossierDatabase) db = dossier_database_open (path, &error);
  g_autoptr(DossierImportReport) report = NULL;
  const char *paths[] = { corpus, NULL };
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_no_error (error);
  report = dossier_import (db, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, n_documents);
  g_clear_object (&db);
  fault_remove_recursively (corpus);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  return path;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
assert_no_sidecars (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* The core refuses to open @path with @code and a message naming it. */
static void
assert_api_refuses (const char *path,
                    int         code,
                    const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDatabase) db = NULL;
  g_autofree char *name = g_path_get_basename (path);

  db = dossier_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  if (expected != NULL && strstr (error->message, expected) == NULL)
    g_error ("“%s” not in “%s”", expected, error->message);
  g_test_message ("core: %s", error->message);
}

/* The command line refuses it too: a listing and an import. */
static void
assert_cli_refuses (const char *path,
                    const char *expected)
{
  g_autofree char *corpus = make_bulletins (1);
  g_autoptr(CliResult) listing = run_cli ("--db", path, "documents", NULL);
  g_autoptr(CliResult) import = run_cli ("--db", path, "import", corpus, NULL);

  assert_cli_one_line_failure (listing, expected);
  g_assert_cmpstr (listing->out, ==, "");
  assert_cli_one_line_failure (import, expected);
  fault_remove_recursively (corpus);
}

/* Damaged and foreign files */

typedef enum
{
  DAMAGE_RANDOM_BYTES,
  DAMAGE_TRUNCATED_HALF,
  DAMAGE_TRUNCATED_HEADER,
  DAMAGE_TRUNCATED_LAST_PAGE,
  DAMAGE_NEWER_SCHEMA,
  DAMAGE_FOREIGN,
} Damage;

static void
test_refused_untouched (gconstpointer data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  int code = DOSSIER_DATABASE_ERROR_CORRUPT;
  const char *expected = "is not a Dossier database or is damaged";
  gboolean api_covered_elsewhere = FALSE;

  switch (damage)
    {
    case DAMAGE_RANDOM_BYTES:
      {
        guint8 noise[16384];
        g_autoptr(GRand) rand = g_rand_new_with_seed (7);

        for (guint i = 0; i < sizeof noise; i++)
          noise[i] = g_rand_int_range (rand, 0, 256);
        path = test_write_file (dir, "noise.db", (const char *) noise, sizeof noise);
        api_covered_elsewhere = TRUE;  /* /database/refuse/corrupt-file */
      }
      break;

    case DAMAGE_TRUNCATED_HALF:
    case DAMAGE_TRUNCATED_HEADER:
    case DAMAGE_TRUNCATED_LAST_PAGE:
      {
        g_autofree char *whole = make_database (dir, "whole.db", 40);
        g_autoptr(GBytes) bytes = fault_read_bytes (whole);
        gsize size = g_bytes_get_size (bytes);
        const guint8 *header = g_bytes_get_data (bytes, NULL);
        gsize page_size = (header[16] << 8 | header[17]) == 1 ? 65536 : (header[16] << 8 | header[17]);
        gsize keep;

        g_assert_cmpuint (size / page_size, >=, 8);
        if (damage == DAMAGE_TRUNCATED_HALF)
          keep = size / 2;
        else if (damage == DAMAGE_TRUNCATED_HEADER)
          keep = 100;
        else
          keep = size - page_size;
        path = test_write_file (dir, "truncated.db", (const char *) header, keep);
        g_test_message ("a real database of %" G_GSIZE_FORMAT " bytes cut to %" G_GSIZE_FORMAT, size, keep);
      }
      break;

    case DAMAGE_NEWER_SCHEMA:
      {
        g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                                                DOSSIER_SCHEMA_VERSION + 1);

        path = make_database (dir, "newer.db", 3);
        raw_exec (path, sql);
        code = DOSSIER_DATABASE_ERROR_NEWER_SCHEMA;
        expected = "written by a newer version of Dossier";
        api_covered_elsewhere = TRUE;  /* /database/refuse/newer-schema */
      }
      break;

    case DAMAGE_FOREIGN:
      path = g_build_filename (dir, "invoices.db", NULL);
      raw_exec (path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);"
                      "INSERT INTO invoices VALUES (1, 9.5);");
      expected = "of another program";
      api_covered_elsewhere = TRUE;  /* /database/refuse/foreign-database */
      break;

    default:
      g_assert_not_reached ();
    }

  before = fault_read_bytes (path);

  if (!api_covered_elsewhere)
    {
      assert_api_refuses (path, code, expected);
      fault_assert_same_bytes (before, path);
      assert_no_sidecars (path);
    }

  assert_cli_refuses (path, expected);
  fault_assert_same_bytes (before, path);
  assert_no_sidecars (path);

  fault_remove_recursively (dir);
}

/* Pages in the middle of a real database overwritten with noise: the
 * header is sound, so it opens; check finds the damage, and nothing
 * writes to the file. */
static void
test_damaged_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = make_database (dir, "damaged.db", 40);
  g_autoptr(GBytes) whole = fault_read_bytes (path);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CliResult) check = NULL;
  gsize size = g_bytes_get_size (whole);
  gsize page_size = 4096;

  g_byte_array_append (bytes, g_bytes_get_data (whole, NULL), size);
  g_assert_cmpuint (size / page_size, >=, 8);
  for (gsize page = size / page_size / 2; page < size / page_size / 2 + 3; page++)
    for (gsize i = 0; i < page_size; i++)
      bytes->data[page * page_size + i] = g_rand_int_range (rand, 0, 256);
  g_file_set_contents (path, (const char *) bytes->data, bytes->len, &error);
  g_assert_no_error (error);
  before = fault_read_bytes (path);

  db = dossier_database_open (path, &error);
  if (db == NULL)
    {
      g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_CORRUPT);
      g_test_message ("core: refused at open: %s", error->message);
    }
  else if (!dossier_database_check (db, &problems, &error))
    {
      g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "damaged.db"));
      g_test_message ("core: check stopped: %s", error->message);
    }
  else
    {
      g_assert_cmpuint (problems->len, >, 0);
      g_test_message ("core: check found %u problems, the first: %s",
                      problems->len, (const char *) g_ptr_array_index (problems, 0));
    }
  g_clear_object (&db);
  g_clear_error (&error);
  fault_assert_same_bytes (before, path);

  check = run_cli ("--db", path, "check", NULL);
  g_assert_cmpint (check->status, ==, 1);
  g_test_message ("dossier-cli check -> exit 1: %s%s", check->out, check->err);
  fault_assert_same_bytes (before, path);

  fault_remove_recursively (dir);
}

/* Read-only file and folder: as "nobody" when the test runs as root */

static char *
read_only_scenario (gpointer   data,
                    char     **report)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = make_database (dir, "private.db", 3);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(GBytes) before = fault_read_bytes (path);

  /* Root ignores permissions; "nobody" cannot give up its own. */
  g_assert_cmpint (geteuid (), !=, 0);

  /* A read-only file in a writable folder. */
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  assert_api_refuses (path, DOSSIER_DATABASE_ERROR_READ_ONLY, "read-only");
  fault_assert_same_bytes (before, path);
  assert_no_sidecars (path);
  assert_cli_refuses (path, "read-only");
  fault_assert_same_bytes (before, path);
  assert_no_sidecars (path);

  /* A writable file in a read-only folder: SQLite cannot make its -wal
   * and -shm files beside it. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  assert_api_refuses (path, DOSSIER_DATABASE_ERROR_READ_ONLY, "read-only");
  fault_assert_same_bytes (before, path);
  assert_no_sidecars (path);
  assert_cli_refuses (path, "read-only");
  fault_assert_same_bytes (before, path);

  /* A new database in a read-only folder. */
  assert_api_refuses (fresh, DOSSIER_DATABASE_ERROR_READ_ONLY, "Permission denied");
  assert_cli_refuses (fresh, "Permission denied");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  fault_remove_recursively (dir);

  return NULL;
}

static void
test_read_only (void)
{
  run_test_in_child (read_only_scenario, NULL, TRUE);
}

/* Locked by another process */

typedef struct
{
  pid_t pid;
  int   release;  /* closing it lets the holder finish */
} Locker;

/* Another process opens @path, runs @sql (which takes a lock) and holds
 * the lock until locker_stop(). */
static Locker
locker_start (const char *path,
              const char *sql)
{
  int ready[2], release[2];
  Locker locker;
  char byte;

  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (release), ==, 0);
  fflush (stdout);

  locker.pid = fork ();
  g_assert_cmpint (locker.pid, >=, 0);

  if (locker.pid == 0)
    {
      sqlite3 *handle = NULL;

      close (ready[0]);
      close (release[1]);
      if (sqlite3_open (path, &handle) != SQLITE_OK ||
          sqlite3_exec (handle, sql, NULL, NULL, NULL) != SQLITE_OK)
        _exit (2);
      if (write (ready[1], "r", 1) != 1)
        _exit (3);
      while (read (release[0], &byte, 1) > 0)
        ;
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (handle);
      _exit (0);
    }

  close (ready[1]);
  close (release[0]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);
  locker.release = release[1];

  return locker;
}

static void
locker_stop (Locker *locker)
{
  int status = 0;

  close (locker->release);
  g_assert_cmpint (waitpid (locker->pid, &status, 0), ==, locker->pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

#define TEST_BUSY_TIMEOUT_MS 300

static void
test_locked_default_timeout (void)
{
  g_autoptr(DossierDatabase) db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Five seconds, unless a test asks for less. */
  g_unsetenv ("DOSSIER_BUSY_TIMEOUT_MS");
  db = test_open_database (NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (dossier_database_get_handle (db), "PRAGMA busy_timeout", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 5000);
  sqlite3_finalize (stmt);
}

/* Another program is writing: reading works, a change waits for the busy
 * timeout and then fails with a message that says what happened. */
static void
test_locked_by_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = make_database (dir, "busy.db", 2);
  g_autofree char *corpus = make_bulletins (3);
  g_autoptr(GBytes) before = fault_read_bytes (path);
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(CliResult) listing = NULL;
  g_autoptr(CliResult) import = NULL;
  const char *paths[] = { corpus, NULL };
  Locker locker;
  gint64 begin;

  g_setenv ("DOSSIER_BUSY_TIMEOUT_MS", G_STRINGIFY (TEST_BUSY_TIMEOUT_MS), TRUE);
  locker = locker_start (path, "BEGIN IMMEDIATE; DELETE FROM briefs;");

  db = dossier_database_open (path, &error);
  g_assert_no_error (error);
  documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_TITLE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);

  begin = g_get_monotonic_time ();
  report = dossier_import (db, paths, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_BUSY);
  /* It waited (a lower bound only: the machine may be slow). */
  g_assert_cmpint (g_get_monotonic_time () - begin, >=, (TEST_BUSY_TIMEOUT_MS - 50) * 1000);
  g_assert_nonnull (strstr (error->message, "busy.db is in use by another program"));
  g_assert_nonnull (strstr (error->message, "0.3 s"));
  g_assert_nonnull (strstr (error->message, "before any file was kept"));
  g_test_message ("core: %s", error->message);
  g_clear_object (&db);

  listing = run_cli ("--db", path, "documents", NULL);
  g_assert_cmpint (listing->status, ==, 0);
  import = run_cli ("--db", path, "import", corpus, NULL);
  assert_cli_one_line_failure (import, "in use by another program");

  locker_stop (&locker);
  fault_assert_same_bytes (before, path);

  /* Once the other program is done, the import goes through. */
  g_clear_pointer (&import, cli_result_free);
  import = run_cli ("--db", path, "import", corpus, NULL);
  g_assert_cmpint (import->status, ==, 0);

  g_unsetenv ("DOSSIER_BUSY_TIMEOUT_MS");
  fault_remove_recursively (corpus);
  fault_remove_recursively (dir);
}

/* Another program holds the database exclusively: even reading waits,
 * then opening fails. */
static void
test_locked_exclusively (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = make_database (dir, "held.db", 2);
  g_autoptr(GBytes) before = fault_read_bytes (path);
  Locker locker;

  g_setenv ("DOSSIER_BUSY_TIMEOUT_MS", G_STRINGIFY (TEST_BUSY_TIMEOUT_MS), TRUE);
  locker = locker_start (path, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; DELETE FROM briefs;");

  assert_api_refuses (path, DOSSIER_DATABASE_ERROR_BUSY, "in use by another program");
  assert_cli_refuses (path, "in use by another program");

  locker_stop (&locker);
  fault_assert_same_bytes (before, path);
  g_unsetenv ("DOSSIER_BUSY_TIMEOUT_MS");
  fault_remove_recursively (dir);
}

/* Disk full, by injection */

#define N_BULLETINS 800
#define FULL_AFTER 600   /* files; the first batch of 500 is committed by then */

typedef struct
{
  guint  after;
  gint64 quota;
} FillDisk;

static void
fill_disk_on_progress (guint       done,
                       guint       total,
                       const char *display_path,
                       gpointer    user_data)
{
  FillDisk *fill = user_data;

  if (done == fill->after)
    quota_set (fill->quota);
}

static guint
count_documents (DossierDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_TITLE, &error);

  g_assert_no_error (error);

  return documents->len;
}

/* Every document is a whole bulletin, and they are bulletins 0 to n - 1. */
static void
assert_whole_bulletins (DossierDatabase *db,
                        guint            n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_TITLE, &error);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, n);

  for (guint i = 0; i < documents->len; i++)
    {
      DossierDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *body = dossier_documents_get_body (db, dossier_document_get_id (document), &error);
      guint number;
      g_autofree char *expected = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (sscanf (dossier_document_get_title (document), "Bulletin %u", &number), ==, 1);
      g_assert_cmpuint (number, <, n);
      g_assert_true (g_hash_table_add (seen, GUINT_TO_POINTER (number + 1)));
      expected = bulletin_text (number);
      g_assert_cmpstr (body, ==, expected);
    }
}

/* What another process sees in the file: check passes, and @n documents. */
static void
assert_cli_sees (const char *path,
                 guint       n)
{
  g_autoptr(CliResult) check = run_cli ("--db", path, "check", NULL);
  g_autoptr(CliResult) listing = run_cli ("--db", path, "--json", "documents", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (check->status, ==, 0);
  g_assert_cmpstr (check->err, ==, "");
  g_assert_cmpint (listing->status, ==, 0);
  json_parser_load_from_data (parser, listing->out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, n);
}

static void
test_disk_full_during_import (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *corpus = make_bulletins (N_BULLETINS);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&dir);
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *paths[] = { corpus, NULL };
  FillDisk fill = { FULL_AFTER, GPOINTER_TO_INT (data) };

  path = g_strdup (dossier_database_get_path (db));

  report = dossier_import (db, paths, fill_disk_on_progress, &fill, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_FULL);
  g_assert_cmpuint (quota_refusals, >, 0);
  g_assert_nonnull (strstr (error->message, "Import stopped (500 files imported before are kept)"));
  g_assert_nonnull (strstr (error->message, "Disk full while writing"));
  g_test_message ("core, %" G_GINT64_FORMAT " bytes left when the disk filled: %s",
                  fill.quota, error->message);
  g_clear_error (&error);

  /* The disk is still full. The first batch is there, whole, for this
   * connection and for another process. */
  assert_whole_bulletins (db, 500);
  assert_cli_sees (path, 500);

  /* Space again: the same connection goes on, and importing again adds
   * exactly what was missing. */
  quota_set (-1);
  report = dossier_import (db, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, N_BULLETINS - 500);
  g_assert_cmpuint (report->duplicates, ==, 500);
  g_assert_true (dossier_database_check (db, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  assert_whole_bulletins (db, N_BULLETINS);

  g_clear_object (&db);
  fault_remove_recursively (corpus);
  fault_remove_recursively (dir);
}

/* Full before the import starts: nothing is added, what was there stays. */
static void
test_disk_full_from_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *corpus = make_bulletins (20);
  g_autofree char *dir = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&dir);
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *paths[] = { corpus, NULL };

  test_import_text (db, dir, "Bulletin 9999.txt", "Bulletin 9999 kept from before\n\nIt was there first.");

  quota_set (0);
  report = dossier_import (db, paths, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "Import stopped before any file was kept: Disk full"));
  g_test_message ("core: %s", error->message);
  g_clear_error (&error);

  g_assert_cmpuint (count_documents (db), ==, 1);
  assert_cli_sees (dossier_database_get_path (db), 1);

  quota_set (-1);
  g_assert_true (dossier_database_check (db, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_object (&db);
  fault_remove_recursively (corpus);
  fault_remove_recursively (dir);
}

/* A claim saved on a full disk fails as a whole; with space it saves. */
static void
test_disk_full_claim (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&dir);
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  gint64 document;
  const char *themes[] = { "Water", NULL };

  document = test_import_text (db, dir, "a.txt", "Reservoir report\n\nThe reservoirs stand at a third of capacity.");

  quota_set (0);
  claim = dossier_claims_create_from_quote (db, document, "a third of capacity", 1, themes, "An engineer", NULL, &error);
  g_assert_null (claim);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_FULL);
  g_test_message ("core: %s", error->message);
  g_clear_error (&error);

  claims = dossier_claims_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claims->len, ==, 0);
  g_clear_pointer (&claims, g_ptr_array_unref);

  quota_set (-1);
  claim = dossier_claims_create_from_quote (db, document, "a third of capacity", 1, themes, "An engineer", NULL, &error);
  g_assert_no_error (error);
  claims = dossier_claims_list (db, NULL, &error);
  g_assert_cmpuint (claims->len, ==, 1);

  g_clear_object (&db);
  fault_remove_recursively (dir);
}

/* A commit that fails on a full disk has rolled back already: creating a
 * theme, a source or a brief must then fail cleanly, without rolling back
 * a second time (a critical, fatal in tests, or the outer transaction of
 * a nested one), and work once there is space. */
static void
test_disk_full_names_and_briefs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&dir);
  g_autoptr(DossierTheme) theme = NULL;
  g_autoptr(DossierSource) source = NULL;
  g_autoptr(DossierBrief) brief = NULL;

  quota_set (0);
  theme = dossier_themes_ensure (db, "Water", &error);
  g_assert_null (theme);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_FULL);
  g_clear_error (&error);

  source = dossier_sources_ensure (db, "An engineer", DOSSIER_SOURCE_KIND_PERSON, &error);
  g_assert_null (source);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_FULL);
  g_clear_error (&error);

  brief = dossier_briefs_create (db, "Water outlook", NULL, &error);
  g_assert_null (brief);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_FULL);
  g_clear_error (&error);

  quota_set (-1);
  theme = dossier_themes_ensure (db, "Water", &error);
  g_assert_no_error (error);
  source = dossier_sources_ensure (db, "An engineer", DOSSIER_SOURCE_KIND_PERSON, &error);
  g_assert_no_error (error);
  brief = dossier_briefs_create (db, "Water outlook", NULL, &error);
  g_assert_no_error (error);

  g_clear_object (&db);
  fault_remove_recursively (dir);
}

/* Disk full, for real: a 3 MB tmpfs, and bulletins that take about 2 MB
 * per batch of 500 */

#define N_TMPFS_BULLETINS 1500

static char *
tmpfs_scenario (gpointer   data,
                char     **report)
{
  const char *corpus = data;
  g_autofree char *mount_point = test_make_dir ();
  g_autofree char *path = g_build_filename (mount_point, "full.db", NULL);
  g_autoptr(CliResult) import = NULL;
  g_autoptr(CliResult) again = NULL;
  guint kept = 0;
  const char *found;

  /* A mount namespace of our own: the mount disappears with this process
   * whatever happens. */
  if (unshare (CLONE_NEWNS) != 0)
    return g_strdup_printf ("cannot make a mount namespace (%s): size-limited file system not tested; "
                            "/database-faults/disk-full/* inject the same failure", g_strerror (errno));
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", mount_point, "tmpfs", MS_NOSUID | MS_NODEV, "size=3m,mode=0700") != 0)
    return g_strdup_printf ("cannot mount a tmpfs (%s): size-limited file system not tested; "
                            "/database-faults/disk-full/* inject the same failure", g_strerror (errno));

  import = run_cli ("--db", path, "import", corpus, NULL);
  assert_cli_one_line_failure (import, "Disk full while writing");
  found = strstr (import->err, "Import stopped (");
  g_assert_nonnull (found);
  g_assert_cmpint (sscanf (found, "Import stopped (%u files imported before are kept)", &kept), ==, 1);
  g_assert_cmpuint (kept, >=, 500);
  g_assert_cmpuint (kept % 500, ==, 0);

  /* With the disk still full: the committed batches are there and sound. */
  assert_cli_sees (path, kept);

  /* More space: importing again completes, with no duplicates added. */
  g_assert_cmpint (mount (NULL, mount_point, NULL, MS_REMOUNT | MS_NOSUID | MS_NODEV, "size=64m"), ==, 0);
  again = run_cli ("--db", path, "--json", "import", corpus, NULL);
  g_assert_cmpint (again->status, ==, 0);
  g_assert_nonnull (strstr (again->out, "\"duplicates\" : "));
  assert_cli_sees (path, N_TMPFS_BULLETINS);

  umount2 (mount_point, MNT_DETACH);
  g_rmdir (mount_point);

  return NULL;
}

static void
test_disk_full_tmpfs (void)
{
  g_autofree char *corpus = make_bulletins (N_TMPFS_BULLETINS);

  run_test_in_child (tmpfs_scenario, corpus, FALSE);
  fault_remove_recursively (corpus);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  quota_vfs_register ();

  g_test_add_data_func ("/database-faults/refuse/random-bytes", GINT_TO_POINTER (DAMAGE_RANDOM_BYTES), test_refused_untouched);
  g_test_add_data_func ("/database-faults/refuse/truncated-half", GINT_TO_POINTER (DAMAGE_TRUNCATED_HALF), test_refused_untouched);
  g_test_add_data_func ("/database-faults/refuse/truncated-to-header", GINT_TO_POINTER (DAMAGE_TRUNCATED_HEADER), test_refused_untouched);
  g_test_add_data_func ("/database-faults/refuse/truncated-last-page", GINT_TO_POINTER (DAMAGE_TRUNCATED_LAST_PAGE), test_refused_untouched);
  g_test_add_data_func ("/database-faults/refuse/newer-schema", GINT_TO_POINTER (DAMAGE_NEWER_SCHEMA), test_refused_untouched);
  g_test_add_data_func ("/database-faults/refuse/foreign", GINT_TO_POINTER (DAMAGE_FOREIGN), test_refused_untouched);
  g_test_add_func ("/database-faults/damaged-pages", test_damaged_pages);
  g_test_add_func ("/database-faults/read-only", test_read_only);
  g_test_add_func ("/database-faults/locked/default-timeout", test_locked_default_timeout);
  g_test_add_func ("/database-faults/locked/by-writer", test_locked_by_writer);
  g_test_add_func ("/database-faults/locked/exclusively", test_locked_exclusively);
  g_test_add_data_func ("/database-faults/disk-full/at-commit", GINT_TO_POINTER (0), test_disk_full_during_import);
  g_test_add_data_func ("/database-faults/disk-full/torn-commit", GINT_TO_POINTER (64 * 1024), test_disk_full_during_import);
  g_test_add_func ("/database-faults/disk-full/from-start", test_disk_full_from_start);
  g_test_add_func ("/database-faults/disk-full/claim", test_disk_full_claim);
  g_test_add_func ("/database-faults/disk-full/names-and-briefs", test_disk_full_names_and_briefs);
  g_test_add_func ("/database-faults/disk-full/tmpfs", test_disk_full_tmpfs);

  return g_test_run ();
}
