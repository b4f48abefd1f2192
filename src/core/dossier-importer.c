/* dossier-importer.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-importer"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "dossier-database-private.h"
#include "dossier-documents-private.h"
#include "dossier-extract.h"
#include "dossier-importer.h"
#include "dossier-manifest.h"

/* Files above this size are refused before they are read: no briefing
 * source is this long, and it keeps memory bounded. */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

/* Documents per transaction: large enough that commits do not dominate,
 * small enough that a crash or a full disk loses little. */
#define BATCH_SIZE 500

/* One file to import, with the manifest entry that applies to it. */
typedef struct
{
  char                  *path;
  DossierManifest       *manifest;   /* nullable; owned */
  char                  *manifest_key;
  char                  *failure;    /* set when the walk already knows it fails */
} PendingFile;

static void
pending_file_free (gpointer data)
{
  PendingFile *file = data;

  g_free (file->path);
  g_clear_object (&file->manifest);
  g_free (file->manifest_key);
  g_free (file->failure);
  g_free (file);
}

typedef struct
{
  GPtrArray  *files;        /* of PendingFile */
  GHashTable *visited;      /* "dev:ino" of folders entered, against loops */
  GHashTable *manifests;    /* folder → DossierManifest, or a failure string */
} Walk;

static void
unref_manifest (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
result_free (gpointer data)
{
  DossierImportResult *result = data;

  g_free (result->path);
  g_free (result->display_path);
  g_free (result->error);
  g_free (result);
}

void
dossier_import_report_free (DossierImportReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->results, g_ptr_array_unref);
  g_free (report);
}

const char *
dossier_import_status_to_string (DossierImportStatus status)
{
  switch (status)
    {
    case DOSSIER_IMPORT_IMPORTED:
      return "imported";
    case DOSSIER_IMPORT_DUPLICATE:
      return "duplicate";
    case DOSSIER_IMPORT_FAILED:
    default:
      return "failed";
    }
}

char *
dossier_import_report_summary (const DossierImportReport *report)
{
  g_autofree char *imported = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *failed = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  /* Translators: part of an import summary, as in "42 imported, 3 duplicates, 1 failed" */
  imported = g_strdup_printf (ngettext ("%u imported", "%u imported", report->imported),
                              report->imported);
  /* Translators: part of an import summary, as in "42 imported, 3 duplicates, 1 failed" */
  duplicates = g_strdup_printf (ngettext ("%u duplicate", "%u duplicates", report->duplicates),
                                report->duplicates);
  /* Translators: part of an import summary, as in "42 imported, 3 duplicates, 1 failed" */
  failed = g_strdup_printf (ngettext ("%u failed", "%u failed", report->failed),
                            report->failed);

  /* Translators: an import summary from its three parts, as in "42 imported, 3 duplicates, 1 failed" */
  return g_strdup_printf (_("%s, %s, %s"), imported, duplicates, failed);
}

static void
add_failure (Walk       *walk,
             const char *path,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_failure (Walk       *walk,
             const char *path,
             const char *format,
             ...)
{
  PendingFile *file = g_new0 (PendingFile, 1);
  va_list args;

  file->path = g_strdup (path);
  va_start (args, format);
  file->failure = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (walk->files, file);
}

/* The manifest of @folder, loaded once; a broken one is reported once as
 * a failure of its own and then ignored. */
static DossierManifest *
manifest_for_folder (Walk       *walk,
                     const char *folder)
{
  g_autofree char *path = g_build_filename (folder, DOSSIER_MANIFEST_NAME, NULL);
  g_autoptr(GError) error = NULL;
  DossierManifest *manifest;
  gpointer value;

  if (g_hash_table_lookup_extended (walk->manifests, folder, NULL, &value))
    return value;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_hash_table_insert (walk->manifests, g_strdup (folder), NULL);
      return NULL;
    }

  manifest = dossier_manifest_load (path, &error);
  if (manifest == NULL)
    add_failure (walk, path, "%s is ignored: %s", DOSSIER_MANIFEST_NAME, error->message);

  g_hash_table_insert (walk->manifests, g_strdup (folder), manifest);

  return manifest;
}

static void
add_file (Walk            *walk,
          const char      *path,
          DossierManifest *manifest,
          const char      *manifest_key)
{
  PendingFile *file = g_new0 (PendingFile, 1);

  file->path = g_strdup (path);
  file->manifest = manifest != NULL ? g_object_ref (manifest) : NULL;
  file->manifest_key = g_strdup (manifest_key);

  g_ptr_array_add (walk->files, file);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Walks @folder depth first, in name order so imports are repeatable.
 * @manifest and @prefix come from the nearest folder above with a
 * corpus.json: its keys are paths relative to that folder. */
static void
walk_folder (Walk            *walk,
             const char      *folder,
             DossierManifest *inherited,
             const char      *prefix)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *display = g_filename_display_name (folder);
  g_autofree char *key = NULL;
  DossierManifest *manifest;
  const char *name;
  GStatBuf st;

  if (g_stat (folder, &st) != 0)
    {
      int saved = errno;
      add_failure (walk, folder, "%s", g_strerror (saved));
      return;
    }

  key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                         (guint64)st.st_dev, (guint64)st.st_ino);
  if (!g_hash_table_add (walk->visited, g_steal_pointer (&key)))
    {
      add_failure (walk, folder, "folder loop: this folder was already imported through another path");
      return;
    }

  if (!(dir = g_dir_open (folder, 0, &error)))
    {
      add_failure (walk, folder, "cannot read the folder: %s", error->message);
      return;
    }

  while ((name = g_dir_read_name (dir)))
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  manifest = manifest_for_folder (walk, folder);
  if (manifest != NULL)
    {
      inherited = manifest;
      prefix = "";
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *child_name = g_ptr_array_index (names, i);
      g_autofree char *child = g_build_filename (folder, child_name, NULL);
      g_autofree char *relative = prefix != NULL ? g_build_filename (prefix, child_name, NULL) : NULL;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        walk_folder (walk, child, inherited, relative);
      else if (strcmp (child_name, DOSSIER_MANIFEST_NAME) == 0)
        continue;
      else if (dossier_extract_format_for_name (child_name) != NULL)
        add_file (walk, child, inherited, relative);
      else if (!g_file_test (child, G_FILE_TEST_EXISTS))
        add_failure (walk, child, "broken symbolic link, or a link that leads back to itself");
      /* Anything else in a folder (images, PDFs, notes) is not ours: skip. */
    }
}

static void
walk_path (Walk       *walk,
           const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        add_failure (walk, path, "no such file or folder");
      else
        add_failure (walk, path, "%s", g_strerror (saved));
      return;
    }

  if (S_ISDIR (st.st_mode))
    {
      walk_folder (walk, path, NULL, NULL);
    }
  else
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *name = g_path_get_basename (path);

      add_file (walk, path, manifest_for_folder (walk, folder), name);
    }
}

static char *
read_and_extract (const char       *path,
                  char            **body,
                  DossierMetadata **metadata,
                  const char      **format,
                  GError          **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  GStatBuf st;
  gsize length;

  if (dossier_extract_format_for_name (name) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "not a file type Dossier imports (.txt, .md, .html)");
      return NULL;
    }

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      GStatBuf link;

      if (saved == ELOOP)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                             "symbolic link loop: the link leads back to itself");
      else if (saved == ENOENT && g_lstat (path, &link) == 0 && S_ISLNK (link.st_mode))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             "broken symbolic link: what it points to does not exist");
      else
        g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "not a regular file");
      return NULL;
    }

  if (st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "too large (%" G_GUINT64_FORMAT " MB; Dossier imports files up to %d MB)",
                   (guint64)st.st_size / (1024 * 1024), MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (!dossier_extract (name, (const guint8 *)contents, length, body, metadata, format, error))
    return NULL;

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, *body, -1);
}

static void
add_result (DossierImportReport *report,
            const char          *path,
            DossierImportStatus  status,
            gint64               document,
            const char          *message)
{
  DossierImportResult *result = g_new0 (DossierImportResult, 1);

  result->path = g_strdup (path);
  result->display_path = g_filename_display_name (path);
  result->status = status;
  result->document = document;
  result->error = g_strdup (message);
  g_ptr_array_add (report->results, result);

  switch (status)
    {
    case DOSSIER_IMPORT_IMPORTED:
      report->imported++;
      break;
    case DOSSIER_IMPORT_DUPLICATE:
      report->duplicates++;
      break;
    case DOSSIER_IMPORT_FAILED:
    default:
      report->failed++;
      break;
    }
}

/* Metadata read from files (a <title>, front matter, corpus.json) can be
 * of any length; a megabyte of title would stall every list that shows
 * it. Titles and authors are cut, an address too long to be real is
 * dropped (a cut one would lead elsewhere). */
#define MAX_TITLE_CHARS 500
#define MAX_AUTHOR_CHARS 500
#define MAX_URL_BYTES 4096

static void
cut_text (char  **text,
          glong   max_chars)
{
  g_autofree char *head = NULL;
  const char *p;
  glong chars = 0;

  if (*text == NULL || !g_utf8_validate (*text, -1, NULL))
    return;

  for (p = *text; *p != '\0' && chars < max_chars; p = g_utf8_next_char (p))
    chars++;

  if (*p == '\0')
    return;

  /* max_chars - 1 characters and an ellipsis. */
  p = g_utf8_prev_char (p);
  head = g_strchomp (g_strndup (*text, p - *text));
  g_free (*text);
  *text = g_strconcat (head, "…", NULL);
}

static void
limit_metadata (DossierMetadata *metadata)
{
  cut_text (&metadata->title, MAX_TITLE_CHARS);
  cut_text (&metadata->author, MAX_AUTHOR_CHARS);

  if (metadata->url != NULL && strlen (metadata->url) > MAX_URL_BYTES)
    g_clear_pointer (&metadata->url, g_free);
}

/* Imports one file inside the open batch. Problems with the file become a
 * failed result; FALSE only when the database itself failed. */
static gboolean
import_file (DossierDatabase     *db,
             PendingFile         *file,
             DossierImportReport *report,
             GError             **error)
{
  g_autoptr(DossierMetadata) metadata = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *origin = NULL;
  const char *format = NULL;
  gint64 existing;
  gint64 id;

  if (file->failure != NULL)
    {
      add_result (report, file->path, DOSSIER_IMPORT_FAILED, 0, file->failure);
      return TRUE;
    }

  if (!(sha256 = read_and_extract (file->path, &body, &metadata, &format, &file_error)))
    {
      add_result (report, file->path, DOSSIER_IMPORT_FAILED, 0, file_error->message);
      return TRUE;
    }

  existing = dossier_documents_find_by_hash (db, sha256, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      add_result (report, file->path, DOSSIER_IMPORT_DUPLICATE, existing, NULL);
      return TRUE;
    }

  if (file->manifest != NULL)
    {
      const DossierMetadata *given = dossier_manifest_lookup (file->manifest, file->manifest_key);

      if (given != NULL)
        dossier_metadata_override (metadata, given);
    }

  limit_metadata (metadata);

  origin = g_canonicalize_filename (file->path, NULL);
  if (!(id = dossier_documents_insert (db, metadata, body, sha256, origin, format, error)))
    return FALSE;

  add_result (report, file->path, DOSSIER_IMPORT_IMPORTED, id, NULL);

  return TRUE;
}

/* Passes the results committed since the last call to @committed. */
static void
report_committed (DossierImportReport    *report,
                  guint                  *settled,
                  DossierImportCommitted  committed,
                  gpointer                user_data)
{
  guint first = *settled;

  *settled = report->results->len;
  if (committed != NULL && *settled > first)
    committed (report, first, *settled - first, user_data);
}

DossierImportReport *
dossier_import (DossierDatabase        *db,
                const char * const     *paths,
                DossierImportProgress   progress,
                gpointer                user_data,
                GCancellable           *cancellable,
                GError                **error)
{
  return dossier_import_full (db, paths, progress, NULL, user_data, cancellable, error);
}

/**
 * dossier_import_full:
 *
 * See dossier-importer.h. The walk happens first so progress can report a
 * total; each batch of BATCH_SIZE documents is one transaction.
 */
DossierImportReport *
dossier_import_full (DossierDatabase        *db,
                     const char * const     *paths,
                     DossierImportProgress   progress,
                     DossierImportCommitted  committed,
                     gpointer                user_data,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  Walk walk;
  guint in_batch = 0;
  guint kept = 0;
  guint settled = 0;
  gboolean in_transaction = FALSE;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  report = g_new0 (DossierImportReport, 1);
  report->results = g_ptr_array_new_with_free_func (result_free);

  walk.files = g_ptr_array_new_with_free_func (pending_file_free);
  walk.visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk.manifests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_manifest);

  for (guint i = 0; paths[i] != NULL; i++)
    walk_path (&walk, paths[i]);

  for (guint i = 0; i < walk.files->len; i++)
    {
      PendingFile *file = g_ptr_array_index (walk.files, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        break;

      if (!in_transaction)
        {
          if (!dossier_database_begin (db, &local_error))
            break;
          in_transaction = TRUE;
        }

      if (!import_file (db, file, report, &local_error))
        break;

      if (++in_batch == BATCH_SIZE)
        {
          in_transaction = FALSE;
          in_batch = 0;
          if (!dossier_database_commit (db, &local_error))
            break;
          kept = report->imported;
          report_committed (report, &settled, committed, user_data);
        }

      if (progress != NULL)
        {
          DossierImportResult *last = g_ptr_array_index (report->results, report->results->len - 1);
          progress (i + 1, walk.files->len, last->display_path, user_data);
        }
    }

  /* What this batch imported before a cancel is kept, like earlier batches;
   * after a database error it is rolled back. */
  if (in_transaction)
    {
      if (local_error == NULL || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autoptr(GError) commit_error = NULL;

          if (dossier_database_commit (db, &commit_error))
            {
              kept = report->imported;
              report_committed (report, &settled, committed, user_data);
            }
          else if (local_error == NULL)
            local_error = g_steal_pointer (&commit_error);
        }
      else
        dossier_database_rollback (db);
    }

  g_ptr_array_unref (walk.files);
  g_hash_table_unref (walk.visited);
  g_hash_table_unref (walk.manifests);

  if (kept > 0)
    dossier_database_emit_changed (db, DOSSIER_CHANGE_DOCUMENTS | DOSSIER_CHANGE_SOURCES, 0);

  if (local_error != NULL)
    {
      if (kept > 0)
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                    "Import stopped (%u files imported before are kept): ",
                                    kept);
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                    "Import stopped before any file was kept: ");
      return NULL;
    }

  return g_steal_pointer (&report);
}

/* dossier_import_async(): the worker thread posts progress to the
 * caller's main context, dropping updates that come faster than the
 * screen can show them. */

#define PROGRESS_INTERVAL_USEC (40 * 1000)

typedef struct
{
  char                   *db_path;
  GStrv                   paths;
  DossierImportProgress   progress;
  gpointer                progress_data;
  GDestroyNotify          progress_data_free;
  GMainContext           *context;
  gint64                  last_post;
} ImportJob;

typedef struct
{
  ImportJob *job;   /* borrowed: the task keeps it alive until all posts ran */
  GTask     *task;  /* a reference, so the job outlives this post */
  guint      done;
  guint      total;
  char      *display_path;
} ProgressPost;

/* Runs @function later in @context, whichever thread this is.
 * g_main_context_invoke() is not that: from a thread without a
 * thread-default context, as a GTask worker is, it takes the global
 * default context for its own and runs @function at once, on the worker,
 * whenever no other thread holds that context at that moment, as between
 * two g_main_context_iteration() calls of a caller iterating by hand. */
static void
run_in_context (GMainContext   *context,
                GSourceFunc     function,
                gpointer        data,
                GDestroyNotify  notify)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, function, data, notify);
  g_source_set_static_name (source, "[dossier] import_async");
  g_source_attach (source, context);
}

typedef struct
{
  GDestroyNotify free_func;
  gpointer       data;
} DeferredFree;

static gboolean
deferred_free_cb (gpointer user_data)
{
  DeferredFree *deferred = user_data;

  deferred->free_func (deferred->data);
  g_free (deferred);

  return G_SOURCE_REMOVE;
}

/* The last reference to the task can go on the worker thread (when the
 * caller's callback ran before the thread let go of it), but the caller's
 * progress data is released in the caller's context: it is often a
 * widget, and the last reference to a window that closed meanwhile would
 * otherwise finalize it on the worker thread. */
static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  if (job->progress_data_free != NULL)
    {
      DeferredFree *deferred = g_new0 (DeferredFree, 1);

      deferred->free_func = job->progress_data_free;
      deferred->data = job->progress_data;
      if (g_main_context_is_owner (job->context))
        deferred_free_cb (deferred);
      else
        run_in_context (job->context, deferred_free_cb, deferred, NULL);
    }
  g_free (job->db_path);
  g_strfreev (job->paths);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressPost *post = data;

  post->job->progress (post->done, post->total, post->display_path, post->job->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_post_free (gpointer data)
{
  ProgressPost *post = data;

  g_object_unref (post->task);
  g_free (post->display_path);
  g_free (post);
}

static void
post_progress (guint        done,
               guint        total,
               const char  *display_path,
               gpointer     user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  gint64 now = g_get_monotonic_time ();
  ProgressPost *post;

  if (done < total && now - job->last_post < PROGRESS_INTERVAL_USEC)
    return;
  job->last_post = now;

  post = g_new0 (ProgressPost, 1);
  post->job = job;
  post->task = g_object_ref (task);
  post->done = done;
  post->total = total;
  post->display_path = g_strdup (display_path);

  run_in_context (job->context, deliver_progress, post, progress_post_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  DossierImportReport *report;

  if (!(db = dossier_database_open (job->db_path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report = dossier_import (db, (const char * const *)job->paths,
                           job->progress != NULL ? post_progress : NULL, task,
                           cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify)dossier_import_report_free);
}

void
dossier_import_async (const char             *db_path,
                      const char * const     *paths,
                      DossierImportProgress   progress,
                      gpointer                progress_data,
                      GDestroyNotify          progress_data_free,
                      GCancellable           *cancellable,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (paths != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (db_path);
  job->paths = g_strdupv ((char **)paths);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_data_free = progress_data_free;
  job->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_import_async);
  g_task_set_task_data (task, job, import_job_free);
  /* A cancelled import still reports what it kept: the thread decides. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

DossierImportReport *
dossier_import_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
