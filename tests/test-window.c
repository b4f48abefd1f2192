/* test-window.c — the window on a real database, under Xvfb
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dossier-document-list.h"
#include "dossier-reader.h"
#include "ui-test-utils.h"

static char *
write_corpus (void)
{
  char *dir = test_make_dir ();

  g_free (test_write_file (dir, "levee.txt",
                           "Levee repairs fall behind schedule\n"
                           "By Tomás Ibarra\n"
                           "Published May 2, 2025\n"
                           "Engineers said two of the five levee sections will not be ready before "
                           "the storm season. “We are racing the calendar,” said district chief "
                           "Helena Fuentes.\n", -1));
  g_free (test_write_file (dir, "aquifer.md",
                           "---\ntitle: Aquifer permits frozen\noutlet: Hemisphere Review\ndate: 2025-06-10\n---\n\n"
                           "The state froze new well permits for the Hueco aquifer pending a study.\n", -1));
  return dir;
}

static gboolean
documents_exist (gpointer data)
{
  return dossier_documents_exist (data);
}

static void
test_welcome_then_import (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "ui.db", NULL);
  g_autofree char *corpus = write_corpus ();
  const char *paths[] = { corpus, NULL };
  DossierApplication *app;
  DossierWindow *window;
  DossierDatabase *db;
  GtkStack *stack;
  DossierReader *reader;
  DossierDocumentList *list;
  g_autoptr(GPtrArray) documents = NULL;

  UI_TEST_REQUIRE_DISPLAY ();

  window = ui_test_open_window (&app, db_path);
  db = dossier_window_get_database (window);
  stack = ui_test_child (window, DOSSIER_TYPE_WINDOW, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");

  dossier_window_import (window, paths);
  g_assert_true (ui_test_wait_until (documents_exist, db, 10000));
  ui_test_iterate (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "corpus");

  documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_TITLE, NULL);
  g_assert_cmpuint (documents->len, ==, 2);

  list = ui_test_child (window, DOSSIER_TYPE_WINDOW, "document_list");
  reader = ui_test_child (window, DOSSIER_TYPE_WINDOW, "reader");
  dossier_document_list_select (list, dossier_document_get_id (g_ptr_array_index (documents, 1)));
  ui_test_iterate (100);
  g_assert_cmpint (dossier_reader_get_document_id (reader), ==,
                   dossier_document_get_id (g_ptr_array_index (documents, 1)));

  ui_test_close_window (app, window);
}

static void
test_screenshot (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "ui.db", NULL);
  g_autofree char *corpus = write_corpus ();
  g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : dir,
                                           "window.png", NULL);
  const char *paths[] = { corpus, NULL };
  g_autoptr(GError) error = NULL;
  DossierApplication *app;
  DossierWindow *window;

  UI_TEST_REQUIRE_DISPLAY ();

  window = ui_test_open_window (&app, db_path);
  dossier_window_import (window, paths);
  g_assert_true (ui_test_wait_until (documents_exist, dossier_window_get_database (window), 10000));
  ui_test_iterate (500);

  g_assert_true (dossier_window_save_screenshot (window, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_test_message ("screenshot: %s", png);

  ui_test_close_window (app, window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/window/welcome-then-import", test_welcome_then_import);
  g_test_add_func ("/window/screenshot", test_screenshot);

  return g_test_run ();
}
