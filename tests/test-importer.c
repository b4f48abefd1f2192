/* test-importer.c — importing files and folders into a real database
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <unistd.h>

#include "test-utils.h"

static const char *article_txt =
  "Skip to content\n"
  "Menu\n"
  "Delivery shortfall widens on the Rio Grande\n"
  "By Marta Quiroga\n"
  "Published March 3, 2025\n"
  "Engineers at the basin commission said deliveries stand at 61 percent of the "
  "five-year target. “We cannot send water the reservoirs do not hold,” said "
  "commissioner Adrián Ortega.\n";

static const char *article_md =
  "---\n"
  "title: Drought and the treaty ledger\n"
  "outlet: Hemisphere Review\n"
  "author: Colin Baptiste\n"
  "date: 2025-04-02\n"
  "url: https://example.org/ledger\n"
  "---\n"
  "\n"
  "The ledger runs in five-year cycles, and the current one closes in October.\n";

static const char *article_html =
  "<!DOCTYPE html><html><head><title>Border inspections double</title>"
  "<meta property=\"og:site_name\" content=\"The Borderlands Ledger\">"
  "<script>var tracking = 'do not import me';</script></head>"
  "<body><nav><a href=\"/\">Home</a></nav><article><h1>Border inspections double</h1>"
  "<p>Inspections at the Laredo crossing doubled in June &amp; July.</p></article></body></html>";

static DossierImportReport *
import_paths (DossierDatabase     *db,
              const char * const  *paths)
{
  g_autoptr(GError) error = NULL;
  DossierImportReport *report = dossier_import (db, paths, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

static DossierImportResult *
result_for (DossierImportReport *report,
            const char          *suffix)
{
  for (guint i = 0; i < report->results->len; i++)
    {
      DossierImportResult *result = g_ptr_array_index (report->results, i);

      if (g_str_has_suffix (result->path, suffix))
        return result;
    }

  g_error ("no result for %s", suffix);
  return NULL;
}

static char *
make_corpus (void)
{
  char *dir = test_make_dir ();

  g_free (test_write_file (dir, "a.txt", article_txt, -1));
  g_free (test_write_file (dir, "sub/b.md", article_md, -1));
  g_free (test_write_file (dir, "sub/deeper/c.html", article_html, -1));
  g_free (test_write_file (dir, ".hidden.txt", "Hidden files are not imported.", -1));
  g_free (test_write_file (dir, "photo.png", "\x89PNG\r\n\x1a\n", 8));
  g_free (test_write_file (dir, "sub/.git/config.txt", "Not a document either.", -1));

  return dir;
}

static void
test_folder_recursive (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_corpus ();
  g_autoptr(DossierDatabase) db = test_open_database (NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(DossierImportReport) report = import_paths (db, paths);
  g_autoptr(DossierDocument) txt = NULL;
  g_autoptr(DossierDocument) md = NULL;
  g_autoptr(DossierDocument) html = NULL;
  g_autofree char *html_body = NULL;

  g_assert_cmpuint (report->imported, ==, 3);
  g_assert_cmpuint (report->duplicates, ==, 0);
  g_assert_cmpuint (report->failed, ==, 0);
  g_assert_cmpuint (report->results->len, ==, 3);

  /* Folders are walked in name order, so imports are repeatable. */
  g_assert_true (g_str_has_suffix (((DossierImportResult *)g_ptr_array_index (report->results, 0))->path, "a.txt"));
  g_assert_true (g_str_has_suffix (((DossierImportResult *)g_ptr_array_index (report->results, 2))->path, "c.html"));

  txt = dossier_documents_get (db, result_for (report, "a.txt")->document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_document_get_title (txt), ==, "Delivery shortfall widens on the Rio Grande");
  g_assert_cmpstr (dossier_document_get_author (txt), ==, "Marta Quiroga");
  g_assert_cmpstr (dossier_document_get_published (txt), ==, "2025-03-03");
  g_assert_cmpstr (dossier_document_get_format (txt), ==, "txt");
  g_assert_true (g_path_is_absolute (dossier_document_get_origin (txt)));
  g_assert_cmpuint (strlen (dossier_document_get_sha256 (txt)), ==, 64);

  md = dossier_documents_get (db, result_for (report, "b.md")->document, &error);
  g_assert_cmpstr (dossier_document_get_title (md), ==, "Drought and the treaty ledger");
  g_assert_cmpstr (dossier_document_get_outlet (md), ==, "Hemisphere Review");
  g_assert_cmpstr (dossier_document_get_published (md), ==, "2025-04-02");
  g_assert_cmpstr (dossier_document_get_url (md), ==, "https://example.org/ledger");
  g_assert_cmpstr (dossier_document_get_format (md), ==, "markdown");

  html = dossier_documents_get (db, result_for (report, "c.html")->document, &error);
  g_assert_cmpstr (dossier_document_get_title (html), ==, "Border inspections double");
  g_assert_cmpstr (dossier_document_get_outlet (html), ==, "The Borderlands Ledger");
  html_body = dossier_documents_get_body (db, dossier_document_get_id (html), &error);
  g_assert_nonnull (strstr (html_body, "June & July"));
  g_assert_null (strstr (html_body, "tracking"));
  g_assert_null (strstr (html_body, "Home"));
}

static void
test_duplicates (void)
{
  g_autofree char *dir = make_corpus ();
  g_autofree char *copies = test_make_dir ();
  g_autoptr(GString) crlf = g_string_new (article_txt);
  g_autoptr(DossierDatabase) db = test_open_database (NULL);
  const char *paths[] = { dir, NULL };
  const char *copy_paths[] = { copies, NULL };
  g_autoptr(DossierImportReport) first = import_paths (db, paths);
  g_autoptr(DossierImportReport) second = import_paths (db, paths);
  g_autoptr(DossierImportReport) third = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  g_assert_cmpuint (second->imported, ==, 0);
  g_assert_cmpuint (second->duplicates, ==, 3);
  g_assert_cmpuint (second->failed, ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      DossierImportResult *a = g_ptr_array_index (first->results, i);
      DossierImportResult *b = g_ptr_array_index (second->results, i);

      g_assert_cmpint (b->status, ==, DOSSIER_IMPORT_DUPLICATE);
      g_assert_cmpint (b->document, ==, a->document);
    }

  /* The same text with Windows line endings, under another name, and twice
   * in one import: the normalised body is what counts. */
  g_string_replace (crlf, "\n", "\r\n", 0);
  g_free (test_write_file (copies, "copy-crlf.txt", crlf->str, -1));
  g_free (test_write_file (copies, "new-1.txt", "Fresh headline\n\nA story nobody imported yet.", -1));
  g_free (test_write_file (copies, "new-2.txt", "Fresh headline\n\nA story nobody imported yet.\n\n\n", -1));
  third = import_paths (db, copy_paths);
  g_assert_cmpuint (third->imported, ==, 1);
  g_assert_cmpuint (third->duplicates, ==, 2);
  g_assert_cmpint (result_for (third, "copy-crlf.txt")->document, ==, result_for (first, "a.txt")->document);

  documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_TITLE, NULL);
  g_assert_cmpuint (documents->len, ==, 4);
}

static void
assert_failed (DossierImportReport *report,
               const char          *suffix)
{
  DossierImportResult *result = result_for (report, suffix);

  g_assert_cmpint (result->status, ==, DOSSIER_IMPORT_FAILED);
  g_assert_cmpint (result->document, ==, 0);
  g_assert_nonnull (result->error);
  g_assert_cmpuint (strlen (result->error), >, 5);
  g_assert_true (g_utf8_validate (result->display_path, -1, NULL));
  g_test_message ("%s: %s", suffix, result->error);
}

static void
test_bad_files (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *loop = g_build_filename (dir, "sub", "loop", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-file.txt", NULL);
  g_autofree char *pdf = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (NULL);
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  const char *paths[4] = { dir, NULL, NULL, NULL };

  g_free (test_write_file (dir, "empty.txt", "", 0));
  g_free (test_write_file (dir, "blank.md", "   \n\n\t\n", -1));
  g_free (test_write_file (dir, "binary.txt", "ELF\0\0\0\x02\x01\0binary\0data", 20));
  g_free (test_write_file (dir, "good.txt", "A good headline\n\nGood text survives its neighbours.", -1));
  g_free (test_write_file (dir, "sub/also-good.html", "<p>Also fine: a paragraph of text.</p>", -1));
  g_assert_cmpint (symlink ("..", loop), ==, 0);
  g_assert_cmpint (symlink ("nowhere.txt", dangling), ==, 0);
  pdf = test_write_file (dir, "../report.pdf", "%PDF-1.7", -1);
  paths[1] = pdf;
  paths[2] = missing;

  report = import_paths (db, paths);

  g_assert_cmpuint (report->imported, ==, 2);
  g_assert_cmpuint (report->duplicates, ==, 0);
  assert_failed (report, "empty.txt");
  assert_failed (report, "blank.md");
  assert_failed (report, "binary.txt");
  assert_failed (report, "loop");
  assert_failed (report, "dangling.txt");
  assert_failed (report, "report.pdf");
  assert_failed (report, "no-such-file.txt");
  g_assert_cmpuint (report->failed, ==, 7);
  g_assert_nonnull (strstr (result_for (report, "loop")->error, "loop"));
  g_assert_nonnull (strstr (result_for (report, "binary.txt")->error, "NUL"));

  documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_TITLE, NULL);
  g_assert_cmpuint (documents->len, ==, 2);
}

static void
run_unreadable_scenario (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *locked = test_write_file (dir, "locked.txt", "Secret headline\n\nYou cannot read this.", -1);
  g_autoptr(DossierDatabase) db = test_open_database (NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(DossierImportReport) report = NULL;

  g_free (test_write_file (dir, "open.txt", "Open headline\n\nAnyone can read this.", -1));
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);

  report = import_paths (db, paths);
  g_assert_cmpuint (report->imported, ==, 1);
  assert_failed (report, "locked.txt");
  g_assert_nonnull (strstr (result_for (report, "locked.txt")->error, "ermission"));
}

/* root reads everything, so as root the scenario runs in a child that has
 * given up its privileges. */
static void
test_unreadable_file (void)
{
  if (geteuid () != 0)
    {
      run_unreadable_scenario ();
      return;
    }

  if (g_test_subprocess ())
    {
      /* "nobody"; test_make_dir() works in the system's temporary folder,
       * which anyone may write to. */
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
      run_unreadable_scenario ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_manifest (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *broken = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(DossierDocument) listed = NULL;
  g_autoptr(DossierDocument) nested = NULL;
  g_autoptr(DossierDocument) unlisted = NULL;

  g_free (test_write_file (dir, "a.txt", article_txt, -1));
  g_free (test_write_file (dir, "more/d.txt", "Guessed headline\n\nNested text with a manifest entry.", -1));
  g_free (test_write_file (dir, "more/e.txt", "Unlisted headline\n\nNo entry for this one.", -1));
  g_free (test_write_file (dir, "corpus.json",
                           "{\"files\": {"
                           "  \"a.txt\": {\"title\": \"Manifest title\", \"outlet\": \"Gaceta del Norte\","
                           "              \"date\": \"2025-03-04\", \"url\": \"https://example.com/a\"},"
                           "  \"more/d.txt\": {\"author\": \"Ana Ruiz\", \"title\": 42}"
                           "}}", -1));
  broken = test_write_file (dir, "other/corpus.json", "{ not json", -1);
  g_free (test_write_file (dir, "other/f.txt", "Other headline\n\nA file beside a broken manifest.", -1));

  report = import_paths (db, paths);
  g_assert_cmpuint (report->imported, ==, 4);
  assert_failed (report, "other/corpus.json");
  g_assert_cmpuint (report->failed, ==, 1);

  listed = dossier_documents_get (db, result_for (report, "/a.txt")->document, &error);
  g_assert_cmpstr (dossier_document_get_title (listed), ==, "Manifest title");
  g_assert_cmpstr (dossier_document_get_outlet (listed), ==, "Gaceta del Norte");
  g_assert_cmpstr (dossier_document_get_published (listed), ==, "2025-03-04");
  g_assert_cmpstr (dossier_document_get_url (listed), ==, "https://example.com/a");
  g_assert_cmpstr (dossier_document_get_author (listed), ==, "Marta Quiroga");

  /* A field of the wrong type is ignored; the rest of the entry applies. */
  nested = dossier_documents_get (db, result_for (report, "d.txt")->document, &error);
  g_assert_cmpstr (dossier_document_get_author (nested), ==, "Ana Ruiz");
  g_assert_cmpstr (dossier_document_get_title (nested), ==, "Guessed headline");

  unlisted = dossier_documents_get (db, result_for (report, "e.txt")->document, &error);
  g_assert_cmpstr (dossier_document_get_title (unlisted), ==, "Unlisted headline");
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint         last_done;
  guint         total;
  guint         cancel_after;
} Progress;

static void
on_progress (guint       done,
             guint       total,
             const char *display_path,
             gpointer    user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, ==, progress->last_done + 1);
  g_assert_true (g_utf8_validate (display_path, -1, NULL));
  progress->calls++;
  progress->last_done = done;
  progress->total = total;

  if (progress->cancel_after != 0 && done == progress->cancel_after)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autoptr(DossierDatabase) db = test_open_database (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  const char *paths[] = { dir, NULL };
  Progress progress = { .cancellable = cancellable, .cancel_after = 2 };

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%u.txt", i);
      g_autofree char *text = g_strdup_printf ("Headline %u\n\nBody of document %u.", i, i);
      g_free (test_write_file (dir, name, text, -1));
    }

  report = dossier_import (db, paths, on_progress, &progress, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 2);
  g_assert_cmpuint (progress.total, ==, 5);

  /* What was imported before the cancel is kept. */
  documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_TITLE, NULL);
  g_assert_cmpuint (documents->len, ==, 2);

  /* And importing again picks up the rest. */
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  progress = (Progress) { .cancellable = cancellable };
  report = dossier_import (db, paths, on_progress, &progress, cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 3);
  g_assert_cmpuint (report->duplicates, ==, 2);
  g_assert_cmpuint (progress.calls, ==, 5);
}

static void
test_many_files_in_batches (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autoptr(DossierDatabase) db = test_open_database (NULL);
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *paths[] = { dir, NULL };

  for (guint i = 0; i < 1100; i++)
    {
      g_autofree char *name = g_strdup_printf ("%04u.txt", i);
      g_autofree char *text = g_strdup_printf ("Bulletin number %u\n\nWater deliveries in week %u were %u percent of target.",
                                               i, i, (i * 37) % 100);
      g_free (test_write_file (dir, name, text, -1));
    }

  report = import_paths (db, paths);
  g_assert_cmpuint (report->imported, ==, 1100);

  documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_DATE, &error);
  g_assert_cmpuint (documents->len, ==, 1100);

  g_assert_true (dossier_database_check (db, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* dossier_import_full() reports each batch right after its commit: at
 * that moment another connection sees exactly the documents passed so
 * far, and before it none of the open batch. */
typedef struct
{
  sqlite3 *other;       /* a second connection to the same file */
  guint    calls;
  guint    next_first;
  guint    seen_mid_batch;
} Committed;

static guint
count_documents (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM documents", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

static void
on_committed (const DossierImportReport *report,
              guint                      first,
              guint                      n_results,
              gpointer                   user_data)
{
  Committed *committed = user_data;

  g_assert_cmpuint (first, ==, committed->next_first);
  g_assert_cmpuint (n_results, >, 0);
  g_assert_cmpuint (first + n_results, ==, report->results->len);
  g_assert_cmpuint (count_documents (committed->other), ==, first + n_results);
  committed->next_first = first + n_results;
  committed->calls++;
}

static void
on_progress_mid_batch (guint       done,
                       guint       total,
                       const char *display_path,
                       gpointer    user_data)
{
  Committed *committed = user_data;

  /* Half-way through the second batch only the first is visible. */
  if (done == 750)
    committed->seen_mid_batch = count_documents (committed->other);
}

static void
test_committed_batches (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&db_dir);
  g_autoptr(DossierImportReport) report = NULL;
  const char *paths[] = { dir, NULL };
  Committed committed = { NULL };

  for (guint i = 0; i < 1100; i++)
    {
      g_autofree char *name = g_strdup_printf ("%04u.txt", i);
      g_autofree char *text = g_strdup_printf ("Gauge reading %u\n\nThe gauge at station %u read %u centimetres.",
                                               i, i, (i * 53) % 400);
      g_free (test_write_file (dir, name, text, -1));
    }

  db_path = g_build_filename (db_dir, "test.db", NULL);
  g_assert_cmpint (sqlite3_open_v2 (db_path, &committed.other, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  report = dossier_import_full (db, paths, on_progress_mid_batch, on_committed, &committed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 1100);
  /* 500 + 500 + 100 */
  g_assert_cmpuint (committed.calls, ==, 3);
  g_assert_cmpuint (committed.next_first, ==, 1100);
  g_assert_cmpuint (committed.seen_mid_batch, ==, 500);

  sqlite3_close (committed.other);
}

static void
test_awkward_file_names (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(DossierDatabase) db = test_open_database (NULL);
  g_autoptr(DossierImportReport) report = NULL;
  const char *paths[] = { dir, NULL };

  g_free (test_write_file (dir, "bad-\xff\xfe-name.txt", "Odd name one\n\nThe name is not UTF-8.", -1));
  g_free (test_write_file (dir, "line\nbreak.txt", "Odd name two\n\nThe name holds a newline.", -1));

  report = import_paths (db, paths);
  g_assert_cmpuint (report->imported, ==, 2);
  for (guint i = 0; i < report->results->len; i++)
    {
      DossierImportResult *result = g_ptr_array_index (report->results, i);
      g_assert_true (g_utf8_validate (result->display_path, -1, NULL));
    }
}

/* dossier_import_async(): progress and the release of its data happen on
 * the caller's thread, also for a caller that iterates its main context
 * by hand and sleeps in between, as the UI tests do. (From a worker,
 * g_main_context_invoke() would run them there whenever the context was
 * free: GTK calls on the worker, next to the main thread.) */
typedef struct
{
  GThread             *caller;
  guint                calls;
  guint                calls_elsewhere;
  gboolean             freed;
  gboolean             freed_elsewhere;
  gboolean             done;
  DossierImportReport *report;
  GError              *error;
} AsyncImport;

static void
on_async_progress (guint       done,
                   guint       total,
                   const char *display_path,
                   gpointer    user_data)
{
  AsyncImport *import = user_data;

  import->calls++;
  if (g_thread_self () != import->caller)
    import->calls_elsewhere++;
}

static void
on_async_progress_data_freed (gpointer user_data)
{
  AsyncImport *import = user_data;

  import->freed = TRUE;
  import->freed_elsewhere = g_thread_self () != import->caller;
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncImport *import = user_data;

  import->report = dossier_import_finish (result, &import->error);
  import->done = TRUE;
}

static void
test_async_on_callers_thread (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *db_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&db_dir);
  const char *paths[] = { dir, NULL };
  AsyncImport import = { .caller = g_thread_self () };
  gint64 deadline;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("note-%03u.txt", i);
      g_autofree char *text = g_strdup_printf ("Field note %u\n\nThe gauge read %u.", i, i * 7);

      g_free (test_write_file (dir, name, text, -1));
    }
  db_path = g_strdup (dossier_database_get_path (db));

  dossier_import_async (db_path, paths, on_async_progress, &import, on_async_progress_data_freed,
                        NULL, on_async_done, &import);

  /* Mostly asleep, the context held by no one. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!(import.done && import.freed) && g_get_monotonic_time () < deadline)
    {
      g_usleep (2000);
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_true (import.done);
  g_assert_no_error (import.error);
  g_assert_nonnull (import.report);
  g_assert_cmpuint (import.report->imported, ==, 300);
  g_test_message ("%u progress calls", import.calls);
  g_assert_cmpuint (import.calls, >, 0);
  g_assert_cmpuint (import.calls_elsewhere, ==, 0);
  g_assert_true (import.freed);
  g_assert_false (import.freed_elsewhere);
  dossier_import_report_free (import.report);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/importer/folder-recursive", test_folder_recursive);
  g_test_add_func ("/importer/duplicates", test_duplicates);
  g_test_add_func ("/importer/bad-files", test_bad_files);
  g_test_add_func ("/importer/unreadable-file", test_unreadable_file);
  g_test_add_func ("/importer/manifest", test_manifest);
  g_test_add_func ("/importer/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/importer/many-files-in-batches", test_many_files_in_batches);
  g_test_add_func ("/importer/committed-batches", test_committed_batches);
  g_test_add_func ("/importer/awkward-file-names", test_awkward_file_names);
  g_test_add_func ("/importer/async-on-callers-thread", test_async_on_callers_thread);

  return g_test_run ();
}
