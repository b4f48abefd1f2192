/* test-database.c — opening, pragmas, migrations, refusals, check
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "dossier-database-private.h"
#include "test-utils.h"

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static int
pragma_int (DossierDatabase *db,
            const char      *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (dossier_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
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
test_open_default_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dossier_database_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "dossier", "dossier.db", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(DossierDatabase) db = NULL;
  sqlite3_stmt *stmt = NULL;
  GStatBuf st;

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  db = dossier_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_database_get_path (db), ==, path);

  /* Private: the folder 0700, the file 0600. */
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, DOSSIER_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (db, "PRAGMA busy_timeout"), >=, 1000);

  g_assert_cmpint (sqlite3_prepare_v2 (dossier_database_get_handle (db), "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
}

static void
test_reopen_keeps_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&dir);
  g_autoptr(DossierDatabase) again = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  gint64 id;

  id = test_import_text (db, dir, "a.txt", "A headline\n\nSome body text about water.");
  path = g_strdup (dossier_database_get_path (db));
  g_clear_object (&db);

  again = dossier_database_open (path, &error);
  g_assert_no_error (error);
  documents = dossier_documents_list (again, DOSSIER_DOCUMENT_SORT_TITLE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpint (dossier_document_get_id (g_ptr_array_index (documents, 0)), ==, id);
}

/* A database left at schema 1 (before full-text search) gains the search
 * indexes over the rows it already holds when opened. */
static void
test_migration_upgrades_older (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(DossierDatabase) old = NULL;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  old = dossier_database_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (old, "PRAGMA user_version"), ==, 1);
  g_assert_true (dossier_database_exec (old,
                                        "INSERT INTO documents (id, uuid, title, format, sha256, length, imported) "
                                        "  VALUES (1, 'u1', 'Aguas compartidas', 'txt', 'h1', 26, '2025-01-01T00:00:00Z');"
                                        "INSERT INTO document_bodies VALUES (1, 'El tratado de 1944 obliga.');"
                                        "INSERT INTO claims (uuid, document_id, start, \"end\", quote, created, updated) "
                                        "  VALUES ('c1', 1, 3, 10, 'tratado', 'now', 'now');",
                                        &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  db = dossier_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, DOSSIER_SCHEMA_VERSION);

  dossier_search (db, "tratado", 10, "[", "]", &documents, &claims, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpuint (claims->len, ==, 1);

  dossier_database_check (db, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(DossierDatabase) db = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  db = dossier_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "test.db"));
  g_test_message ("refused: %s", error->message);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDatabase) db = dossier_database_open (path, &error);
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                                          DOSSIER_SCHEMA_VERSION + 1);

  g_assert_no_error (error);
  g_clear_object (&db);
  raw_exec (path, sql);

  assert_refused_untouched (path, DOSSIER_DATABASE_ERROR_NEWER_SCHEMA);
}

static void
test_corrupt_file_refused (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = NULL;
  guint8 noise[8192];
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);

  path = test_write_file (dir, "test.db", (const char *)noise, sizeof noise);
  assert_refused_untouched (path, DOSSIER_DATABASE_ERROR_CORRUPT);
}

static void
test_foreign_database_refused (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);

  raw_exec (path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);"
                  "INSERT INTO invoices VALUES (1, 9.5);");

  assert_refused_untouched (path, DOSSIER_DATABASE_ERROR_CORRUPT);
}

static void
test_folder_as_database_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autoptr(DossierDatabase) db = dossier_database_open (dir, &error);

  g_assert_null (db);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_OPEN);
}

static void
test_nested_transactions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (NULL);
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(DossierTheme) water = NULL;
  g_autoptr(DossierTheme) tariffs = NULL;

  g_assert_true (dossier_database_begin (db, &error));
  water = dossier_themes_ensure (db, "Water", &error);
  g_assert_nonnull (water);
  g_assert_true (dossier_database_begin (db, &error));
  tariffs = dossier_themes_ensure (db, "Tariffs", &error);
  g_assert_nonnull (tariffs);
  dossier_database_rollback (db);               /* drops Tariffs only */
  g_assert_true (dossier_database_commit (db, &error));
  g_assert_no_error (error);

  themes = dossier_themes_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (themes->len, ==, 1);
  g_assert_cmpstr (dossier_theme_get_name (g_ptr_array_index (themes, 0)), ==, "Water");
}

static void
test_check_finds_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&dir);
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 document;

  document = test_import_text (db, dir, "a.txt", "Title line\n\nThe delivery fell short by a third.");
  claim = dossier_claims_create_from_quote (db, document, "fell short", 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  dossier_database_check (db, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Tamper with the quote behind the core's back: check must notice. */
  g_assert_true (dossier_database_exec (db, "UPDATE claims SET quote = 'fell sharply'", &error));
  dossier_database_check (db, &after, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (after, 0), "quote differs"));
}

/* Checkpoints run on a thread of their own, and a writer that never
 * pauses (an import) still keeps the WAL bounded: 1,200 commits of about
 * 10 pages each must not leave a WAL of 12,000 frames, and everything
 * committed is there after closing. */
static void
test_wal_stays_bounded (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  DossierDatabase *db = test_open_database (&dir);
  guint64 largest_wal = 0;
  GStatBuf st;

  path = g_build_filename (dir, "test.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);

  g_assert_true (dossier_database_exec (db, "CREATE TABLE filler (x BLOB)", NULL));
  for (guint i = 0; i < 1200; i++)
    {
      g_assert_true (dossier_database_exec (db,
                                            "BEGIN;"
                                            "INSERT INTO filler SELECT randomblob(4000)"
                                            "  FROM (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
                                            "        UNION ALL SELECT 4 UNION ALL SELECT 5"
                                            "        UNION ALL SELECT 6 UNION ALL SELECT 7"
                                            "        UNION ALL SELECT 8);"
                                            "COMMIT;", NULL));
      if (g_stat (wal, &st) == 0)
        largest_wal = MAX (largest_wal, (guint64) st.st_size);
    }

  g_test_message ("largest WAL: %" G_GUINT64_FORMAT " KB", largest_wal / 1024);
  /* 4,000 frames of 4 KB, plus slack for a checkpoint that was busy;
   * without the inline checkpoint the WAL reaches 48 MB. */
  g_assert_cmpuint (largest_wal, <, 32 * 1024 * 1024);
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM filler"), ==, 9600);
  g_object_unref (db);

  db = dossier_database_open (path, NULL);
  g_assert_nonnull (db);
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM filler"), ==, 9600);
  g_object_unref (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/database/open-default-path", test_open_default_path);
  g_test_add_func ("/database/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/database/migration/upgrades-older", test_migration_upgrades_older);
  g_test_add_func ("/database/refuse/newer-schema", test_newer_schema_refused);
  g_test_add_func ("/database/refuse/corrupt-file", test_corrupt_file_refused);
  g_test_add_func ("/database/refuse/foreign-database", test_foreign_database_refused);
  g_test_add_func ("/database/refuse/folder", test_folder_as_database_refused);
  g_test_add_func ("/database/nested-transactions", test_nested_transactions);
  g_test_add_func ("/database/check-finds-problems", test_check_finds_problems);
  g_test_add_func ("/database/wal-stays-bounded", test_wal_stays_bounded);

  return g_test_run ();
}
