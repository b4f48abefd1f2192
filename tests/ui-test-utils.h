/* ui-test-utils.h — helpers for the test programs that drive the window
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-screenshot.h"
#include "dossier-window.h"
#include "test-utils.h"

static gboolean ui_test_have_display;

/* g_test_init(), then GTK if there is a display: gtk_test_init() would
 * abort without one, and UI tests must skip instead. */
static inline void
ui_test_init (int    *argc,
              char ***argv)
{
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *system_data_dirs = g_strdup (data_dirs != NULL && data_dirs[0] != '\0'
                                                ? data_dirs : "/usr/local/share:/usr/share");

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Isolation is for the user's files. Without the system's icon themes
   * and MIME database, GTK fails (a fatal warning) to load any symbolic
   * icon larger than 16 px, such as an AdwStatusPage's. */
  g_setenv ("XDG_DATA_DIRS", system_data_dirs, TRUE);
  ui_test_have_display = gtk_init_check ();
  if (ui_test_have_display)
    adw_init ();
}

#define UI_TEST_REQUIRE_DISPLAY()                                   \
  G_STMT_START {                                                    \
    if (!ui_test_have_display)                                      \
      {                                                             \
        g_test_skip ("no display: run under xvfb-run");             \
        return;                                                     \
      }                                                             \
  } G_STMT_END

/* Runs the main loop for @msec milliseconds, then on until nothing is
 * ready to run: whatever fell due meanwhile (an idle reload after a
 * change, a timeout) has run, however slowly the machine went. (One slow
 * iteration, a frame drawn on a loaded machine, can take all of @msec;
 * an iteration runs only the most urgent of the sources ready.) At most
 * 5 s more, for work that keeps rescheduling itself. */
static inline void
ui_test_iterate (guint msec)
{
  gint64 end = g_get_monotonic_time () + (gint64)msec * 1000;
  gint64 limit;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  limit = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < limit)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until @condition holds or @timeout_ms passes. */
static inline gboolean
ui_test_wait_until (gboolean (*condition) (gpointer data),
                    gpointer   data,
                    guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/* A registered, non-unique application on the database at @db_path, and
 * a window on it, presented. */
static inline DossierWindow *
ui_test_open_window (DossierApplication **app_out,
                     const char          *db_path)
{
  g_autoptr(GError) error = NULL;
  DossierApplication *app = dossier_application_new ();
  DossierWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_application_open_database (app, db_path, &error));
  g_assert_no_error (error);

  window = dossier_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate (50);

  *app_out = app;

  return window;
}

static inline void
ui_test_close_window (DossierApplication *app,
                      DossierWindow      *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate (20);
  g_object_unref (app);
}

/* A template child of @widget (an instance of @type), by its id. */
static inline gpointer
ui_test_child (gpointer    widget,
               GType       type,
               const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);

  return child;
}

typedef struct
{
  gboolean  done;
  GError   *error;
} ScreenshotWait;

static void
ui_test_screenshot_saved (GObject      *source,
                          GAsyncResult *result,
                          gpointer      data)
{
  ScreenshotWait *wait = data;

  dossier_screenshot_save_finish (GTK_WIDGET (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
ui_test_screenshot_done (gpointer data)
{
  return ((ScreenshotWait *)data)->done;
}

/* Saves what @native (a window, dialog or popover) shows into @path, once
 * it has painted its current state (see dossier-screenshot.h). A frame
 * comes within milliseconds; the minute is for a loaded machine. */
static inline void
ui_test_save_screenshot (gpointer    native,
                         const char *path)
{
  ScreenshotWait wait = { FALSE, NULL };

  dossier_screenshot_save_async (GTK_WIDGET (native), path, ui_test_screenshot_saved, &wait);
  if (!ui_test_wait_until (ui_test_screenshot_done, &wait, 60000))
    g_error ("%s: no frame painted in a minute", path);
  g_assert_no_error (wait.error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("screenshot: %s", path);
}
