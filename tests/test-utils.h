/* test-utils.h — helpers shared by the core test programs
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dossier-core.h"

/* Removes @path and everything under it, folders made read-only by a
 * test included. */
static inline void
test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* The folders test_make_dir() made, and the process that made them. */
static GPtrArray *test_dirs;
static pid_t test_dirs_pid;

/* At exit: a test program that ends normally leaves nothing in the
 * temporary directory. One that fails aborts without running this, and
 * its folders stay there to be looked at. */
static inline void
test_remove_dirs (void)
{
  if (test_dirs == NULL || getpid () != test_dirs_pid)
    return;

  for (guint i = 0; i < test_dirs->len; i++)
    test_remove_tree (g_ptr_array_index (test_dirs, i));
  g_clear_pointer (&test_dirs, g_ptr_array_unref);
}

/* A fresh folder in the temporary directory, removed at exit. */
static inline char *
test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dossier-test-XXXXXX", &error);

  g_assert_no_error (error);

  if (test_dirs == NULL)
    {
      test_dirs = g_ptr_array_new_with_free_func (g_free);
      test_dirs_pid = getpid ();
      atexit (test_remove_dirs);
    }
  g_ptr_array_add (test_dirs, g_strdup (dir));

  return dir;
}

/* Writes @length bytes (-1: a string) to @dir/@name, creating folders. */
static inline char *
test_write_file (const char *dir,
                 const char *name,
                 const char *contents,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/* A new database file in a new folder. */
static inline DossierDatabase *
test_open_database (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  DossierDatabase *db = dossier_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);

  if (dir_out != NULL)
    *dir_out = g_steal_pointer (&dir);

  return db;
}

/* Imports one file written from @contents and returns its document id. */
static inline gint64
test_import_text (DossierDatabase *db,
                  const char      *dir,
                  const char      *name,
                  const char      *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_write_file (dir, name, contents, -1);
  const char *paths[] = { path, NULL };
  g_autoptr(DossierImportReport) report = dossier_import (db, paths, NULL, NULL, NULL, &error);
  DossierImportResult *result;

  g_assert_no_error (error);
  g_assert_cmpuint (report->results->len, ==, 1);
  result = g_ptr_array_index (report->results, 0);
  g_assert_cmpstr (result->error, ==, NULL);
  g_assert_cmpint (result->status, ==, DOSSIER_IMPORT_IMPORTED);

  return result->document;
}
