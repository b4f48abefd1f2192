/* test-privacy.c — user-only database files, atomic exports
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The database, its -wal and -shm files and the folders made for it are
 * the user's alone, whatever the umask; an export replaces the old file in
 * one step (written beside it, then renamed over it). That Dossier makes
 * no network access is checked by check-no-network.sh and, for hostile
 * pages, by test-hostile-input. */

#include "config.h"

#include <locale.h>
#include <sys/stat.h>

#include "dossier-database-private.h"
#include "fault-test-utils.h"
#include "test-utils.h"

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

static void
test_database_modes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *outer = g_build_filename (dir, "data", NULL);
  g_autofree char *inner = g_build_filename (outer, "dossier", NULL);
  g_autofree char *path = g_build_filename (inner, "dossier.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(DossierDatabase) db = NULL;
  mode_t old_umask;

  /* A umask that hides nothing: the modes come from Dossier. */
  old_umask = umask (0);
  db = dossier_database_open (path, &error);
  g_assert_no_error (error);
  test_import_text (db, dir, "a.txt", "Private notes\n\nA document, so the WAL holds something.");
  umask (old_umask);

  g_assert_cmpuint (mode_of (outer), ==, 0700);
  g_assert_cmpuint (mode_of (inner), ==, 0700);
  g_assert_cmpuint (mode_of (path), ==, 0600);
  g_assert_cmpuint (mode_of (wal), ==, 0600);
  g_assert_cmpuint (mode_of (shm), ==, 0600);
  g_test_message ("folders %o, database %o, -wal %o, -shm %o (umask 0)",
                  mode_of (inner), mode_of (path), mode_of (wal), mode_of (shm));

  g_clear_object (&db);
  fault_remove_recursively (dir);
}

static void
test_export_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "dossier.db", NULL);
  g_autofree char *out_dir = g_build_filename (dir, "exports", NULL);
  g_autofree char *output = NULL;
  g_autofree char *witness = g_build_filename (out_dir, "witness.md", NULL);
  g_autofree char *written = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(CliResult) brief = NULL;
  g_autoptr(CliResult) export = NULL;
  g_autoptr(GDir) listing = NULL;
  GStatBuf before, after;
  const char *name;
  guint entries = 0;

  brief = run_cli ("--db", db_path, "brief", "new", "Reservoir memo", NULL);
  g_assert_cmpint (brief->status, ==, 0);

  /* An older export, with a second name for the same file. */
  output = test_write_file (out_dir, "memo.md", "OLD EXPORT\n", -1);
  g_assert_cmpint (link (output, witness), ==, 0);
  g_assert_cmpint (g_stat (output, &before), ==, 0);

  export = run_cli ("--db", db_path, "brief", "export", "1", "--output", output, NULL);
  g_assert_cmpint (export->status, ==, 0);
  g_assert_cmpint (g_stat (output, &after), ==, 0);

  g_assert_true (g_file_get_contents (output, &written, NULL, &error));
  g_assert_true (g_str_has_prefix (written, "# Reservoir memo\n"));

  /* Not written in place: the old file is untouched under its other
   * name, and the new one is another file renamed over the first. */
  g_assert_true (g_file_get_contents (witness, &kept, NULL, &error));
  g_assert_cmpstr (kept, ==, "OLD EXPORT\n");
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);

  /* And no temporary file is left behind. */
  listing = g_dir_open (out_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_equal (name, "memo.md") || g_str_equal (name, "witness.md"));
      entries++;
    }
  g_assert_cmpuint (entries, ==, 2);

  fault_remove_recursively (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/privacy/database-modes", test_database_modes);
  g_test_add_func ("/privacy/export-atomic", test_export_atomic);

  return g_test_run ();
}
