/* fault-test-utils.h — helpers for the fault and hostile-input tests
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <errno.h>
#include <grp.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

/* The uid and gid of "nobody" on Debian. */
#define NOBODY_ID 65534

static inline GBytes *
fault_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static inline void
fault_assert_same_bytes (GBytes     *before,
                         const char *path)
{
  g_autoptr(GBytes) after = fault_read_bytes (path);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_true (g_bytes_equal (before, after));
}

static inline void
fault_remove_recursively (const char *path)
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
          fault_remove_recursively (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* dossier-cli, run for real */

typedef struct
{
  int   status;  /* exit code, or -1 when it did not exit normally */
  char *out;
  char *err;
} CliResult;

static inline void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

/* Runs $DOSSIER_CLI with the arguments (NULL-terminated) in the test's
 * environment, in the C locale so messages are the untranslated ones. */
static inline CliResult *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  const char *cli = g_getenv ("DOSSIER_CLI");
  CliResult *result = g_new0 (CliResult, 1);
  const char *arg;
  va_list ap;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  result->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;

  return result;
}

/* DESIGN §6: a failure is exit 1 and one clear line on stderr. */
static inline void
assert_cli_one_line_failure (const CliResult *result,
                             const char      *expected)
{
  const char *newline = strchr (result->err, '\n');

  if (result->status != 1 || newline == NULL || newline[1] != '\0' ||
      !g_str_has_prefix (result->err, "dossier-cli: ") ||
      (expected != NULL && strstr (result->err, expected) == NULL))
    g_error ("expected exit 1 and one line holding “%s”; got %d, stderr “%s”",
             expected != NULL ? expected : "", result->status, result->err);

  g_assert_true (g_utf8_validate (result->err, -1, NULL));
  g_test_message ("dossier-cli -> exit %d: %.*s", result->status, (int) (newline - result->err), result->err);
}

/* Work in a child process */

/* Runs in the child. Returns NULL when done (optionally with a @report
 * for the parent), or why the scenario cannot run here. */
typedef char *(*ChildFunc) (gpointer   data,
                            char     **report);

/* Runs @func in a forked child, as "nobody" when @drop_root and the test
 * runs as root (root reads and writes whatever the permissions say, so
 * read-only and unreadable files need another user). The child's
 * assertions abort it and fail the test. Returns TRUE with the child's
 * report in @message, or FALSE with the reason it could not run. */
static inline gboolean
run_in_child (ChildFunc   func,
              gpointer    data,
              gboolean    drop_root,
              char      **message)
{
  int message_pipe[2];
  pid_t pid;
  int status = 0;
  g_autoptr(GString) received = g_string_new (NULL);
  char buffer[256];
  gssize n;

  g_assert_cmpint (pipe (message_pipe), ==, 0);
  fflush (stdout);
  fflush (stderr);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      g_autofree char *skip = NULL;
      g_autofree char *report = NULL;
      const char *text;

      close (message_pipe[0]);

      if (drop_root && geteuid () == 0)
        {
          if (setgroups (0, NULL) != 0 || setgid (NOBODY_ID) != 0 || setuid (NOBODY_ID) != 0)
            skip = g_strdup_printf ("cannot give up root to test as another user: %s", g_strerror (errno));
        }

      if (skip == NULL)
        skip = func (data, &report);

      text = skip != NULL ? skip : report != NULL ? report : "";
      if (write (message_pipe[1], text, strlen (text)) < 0)
        _exit (3);

      fflush (stdout);
      _exit (skip != NULL ? 77 : 0);
    }

  close (message_pipe[1]);
  while ((n = read (message_pipe[0], buffer, sizeof buffer)) > 0)
    g_string_append_len (received, buffer, n);
  close (message_pipe[0]);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  if (!WIFEXITED (status) || (WEXITSTATUS (status) != 0 && WEXITSTATUS (status) != 77))
    g_error ("the child process failed (wait status %d)", status);

  if (message != NULL)
    *message = g_strdup (received->str);

  return WEXITSTATUS (status) == 0;
}

/* The same, for a test that is all child: skipped when it cannot run. */
static inline void
run_test_in_child (ChildFunc func,
                   gpointer  data,
                   gboolean  drop_root)
{
  g_autofree char *message = NULL;

  if (!run_in_child (func, data, drop_root, &message))
    g_test_skip (message);
}
