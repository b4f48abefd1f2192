/* bench-core.c — in-process timings of the core for build-aux/bench
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: build-aux/bench runs it on a generated database so that the
 * figures exclude process start-up. Every mode prints one line per timed
 * call, "KEY MILLISECONDS [DETAILS]", then "rss_kb N" (this process's peak
 * resident set size); the script computes the percentiles.
 *
 *   bench-core version
 *       prints "sqlite VERSION" (the library the core links).
 *   bench-core search DB [LIMIT] < QUERIES
 *       one query a line; "search MS N_DOCUMENTS N_CLAIMS QUERY" for each,
 *       with dossier_search() as the app calls it (top LIMIT, default 50,
 *       with snippets).
 *   bench-core claims DB N SEED < NOTES
 *       creates N claims on random documents (notes taken from stdin in
 *       turn), then edits each (a theme added, a word added to the note):
 *       "create MS" and "edit MS".
 *   bench-core brief DB N RUNS SEED
 *       creates N claims on distinct documents and a brief citing them
 *       (untimed), then renders it as Markdown RUNS times: "render MS BYTES".
 *   bench-core claims-in DB DOC N SEED
 *       creates N claims spread evenly over document DOC, in one
 *       transaction, each with one of eight themes (eight colours in the
 *       reader), for the app's "open a document with 1,000 claims":
 *       "claims-in MS N_CREATED".
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <sqlite3.h>

#include "dossier-core.h"

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
print_rss (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) == 0)
    printf ("rss_kb %ld\n", usage.ru_maxrss);
}

static DossierDatabase *
open_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  DossierDatabase *db = dossier_database_open (path, &error);

  if (db == NULL)
    {
      g_printerr ("bench-core: %s: %s\n", path, error->message);
      exit (1);
    }

  return db;
}

/* Lines of stdin, without their newlines; empty lines skipped. */
static GPtrArray *
read_lines (void)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  char buffer[4096];

  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    {
      g_strchomp (buffer);
      if (buffer[0] != '\0')
        g_ptr_array_add (lines, g_strdup (buffer));
    }

  return lines;
}

/* A document that exists, picked at random; @body and @length describe it. */
static gint64
random_document (DossierDatabase  *db,
                 GRand            *rand,
                 gint64            last_id,
                 char            **body,
                 glong            *length)
{
  for (guint attempt = 0; attempt < 1000; attempt++)
    {
      gint64 id = 1 + (gint64) (g_rand_double (rand) * last_id);
      g_autoptr(GError) error = NULL;
      char *text;

      if (id > last_id)
        id = last_id;
      if ((text = dossier_documents_get_body (db, id, &error)) == NULL)
        continue;
      *length = g_utf8_strlen (text, -1);
      if (*length < 200)
        {
          g_free (text);
          continue;
        }
      *body = text;
      return id;
    }

  g_printerr ("bench-core: no documents with text in the database\n");
  exit (1);
}

/* Creates a claim of 40–200 characters somewhere in a random document. */
static DossierClaim *
create_random_claim (DossierDatabase     *db,
                     GRand               *rand,
                     gint64               last_id,
                     const char * const  *themes,
                     const char          *note,
                     double              *ms)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *body = NULL;
      g_autoptr(GError) error = NULL;
      glong length = 0;
      gint64 id = random_document (db, rand, last_id, &body, &length);
      guint span = g_rand_int_range (rand, 40, 200);
      guint start = g_rand_int_range (rand, 0, (gint32) MAX (1, length - span));
      gint64 begin = g_get_monotonic_time ();
      DossierClaim *claim;

      claim = dossier_claims_create (db, id, start, start + span, themes, "Sofía Ramírez Núñez", note, &error);
      if (ms != NULL)
        *ms = elapsed_ms (begin);
      if (claim != NULL)
        return claim;
      if (!g_error_matches (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID))
        {
          g_printerr ("bench-core: creating a claim: %s\n", error->message);
          exit (1);
        }
    }

  g_printerr ("bench-core: could not place a claim\n");
  exit (1);
}

static gint64
last_document_id (DossierDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 last_id = dossier_documents_get_last_id (db, &error);

  if (last_id <= 0)
    {
      g_printerr ("bench-core: the database has no documents%s%s\n",
                  error ? ": " : "", error ? error->message : "");
      exit (1);
    }

  return last_id;
}

static int
run_search (const char *path,
            guint       limit)
{
  g_autoptr(DossierDatabase) db = open_database (path);
  g_autoptr(GPtrArray) queries = read_lines ();

  for (guint i = 0; i < queries->len; i++)
    {
      const char *query = g_ptr_array_index (queries, i);
      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(GPtrArray) claims = NULL;
      g_autoptr(GError) error = NULL;
      gint64 begin = g_get_monotonic_time ();
      gboolean ok;
      double ms;

      ok = dossier_search (db, query, limit, "<b>", "</b>", &documents, &claims, &error);
      ms = elapsed_ms (begin);
      if (ok)
        printf ("search %.3f %u %u %s\n", ms, documents->len, claims->len, query);
      else
        printf ("search-error %.3f %s: %s\n", ms, query, error->message);
    }

  print_rss ();

  return 0;
}

static int
run_claims (const char *path,
            guint       n,
            guint32     seed)
{
  g_autoptr(DossierDatabase) db = open_database (path);
  g_autoptr(GPtrArray) notes = read_lines ();
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const char *themes[] = { "Water", "Treaty", NULL };
  const char *add_themes[] = { "Follow-up", NULL };
  gint64 last_id = last_document_id (db);

  for (guint i = 0; i < n; i++)
    {
      const char *note = notes->len > 0 ? g_ptr_array_index (notes, i % notes->len) : NULL;
      double ms = 0;
      DossierClaim *claim = create_random_claim (db, rand, last_id, themes, note, &ms);

      printf ("create %.3f\n", ms);
      g_ptr_array_add (claims, claim);
    }

  for (guint i = 0; i < claims->len; i++)
    {
      DossierClaim *claim = g_ptr_array_index (claims, i);
      g_autoptr(DossierClaim) edited = NULL;
      g_autoptr(GError) error = NULL;
      const char *old_note = notes->len > 0 ? g_ptr_array_index (notes, i % notes->len) : "";
      g_autofree char *note = g_strdup_printf ("%s Rechecked (%u).", old_note, i);
      gint64 begin = g_get_monotonic_time ();

      edited = dossier_claims_edit (db, dossier_claim_get_id (claim), add_themes, NULL, NULL, note, &error);
      printf ("edit %.3f\n", elapsed_ms (begin));
      if (edited == NULL)
        {
          g_printerr ("bench-core: editing a claim: %s\n", error->message);
          return 1;
        }
    }

  print_rss ();

  return 0;
}

static int
run_brief (const char *path,
           guint       n,
           guint       runs,
           guint32     seed)
{
  g_autoptr(DossierDatabase) db = open_database (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(GError) error = NULL;
  DossierMarkdownOptions options = { TRUE, TRUE, TRUE };
  const char *themes[] = { "Drought", NULL };
  gint64 last_id = last_document_id (db);
  gint64 brief_id;

  if (!dossier_database_begin (db, &error) ||
      !(brief = dossier_briefs_create (db, "Benchmark brief", "Five hundred claims.", &error)))
    {
      g_printerr ("bench-core: creating the brief: %s\n", error->message);
      return 1;
    }
  brief_id = dossier_brief_get_id (brief);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierClaim) claim = NULL;
      g_autoptr(DossierBriefItem) item = NULL;
      g_autofree char *note = g_strdup_printf ("Claim %u of the benchmark brief.", i);
      g_autofree char *section = g_strdup_printf ("Section %u", i / 50 + 1);

      if (i % 50 == 0 &&
          !(item = dossier_briefs_add_heading (db, brief_id, section, &error)))
        break;
      g_clear_object (&item);
      claim = create_random_claim (db, rand, last_id, themes, note, NULL);
      if (!(item = dossier_briefs_add_claim (db, brief_id, dossier_claim_get_id (claim),
                                             i % 3 == 0 ? "Worth quoting in full." : NULL,
                                             NULL, &error)))
        break;
    }

  if (error != NULL || !dossier_database_commit (db, &error))
    {
      g_printerr ("bench-core: filling the brief: %s\n", error->message);
      dossier_database_rollback (db);
      return 1;
    }

  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *markdown = NULL;
      gint64 begin = g_get_monotonic_time ();

      markdown = dossier_brief_render_markdown (db, brief_id, &options, &error);
      if (markdown == NULL)
        {
          g_printerr ("bench-core: rendering the brief: %s\n", error->message);
          return 1;
        }
      printf ("render %.3f %zu\n", elapsed_ms (begin), strlen (markdown));
    }

  print_rss ();

  return 0;
}

static int
run_claims_in (const char *path,
               gint64      document_id,
               guint       n,
               guint32     seed)
{
  g_autoptr(DossierDatabase) db = open_database (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  static const char *theme_names[] = { "Water", "Treaty", "Drought", "Trade",
                                       "Border", "Farming", "Courts", "Budget" };
  gint64 begin = g_get_monotonic_time ();
  glong length;
  guint step, created = 0;

  if (!(body = dossier_documents_get_body (db, document_id, &error)))
    {
      g_printerr ("bench-core: document %" G_GINT64_FORMAT ": %s\n", document_id, error->message);
      return 1;
    }
  length = g_utf8_strlen (body, -1);
  step = n > 0 ? (guint) (length / n) : 0;
  if (step < 250)
    {
      g_printerr ("bench-core: document %" G_GINT64_FORMAT " is too short for %u claims\n", document_id, n);
      return 1;
    }

  if (!dossier_database_begin (db, &error))
    {
      g_printerr ("bench-core: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < n; i++)
    {
      const char *themes[] = { theme_names[i % G_N_ELEMENTS (theme_names)], NULL };
      guint start = i * step + g_rand_int_range (rand, 0, (gint32) (step - 220));
      guint span = g_rand_int_range (rand, 40, 200);
      g_autoptr(DossierClaim) claim = NULL;

      claim = dossier_claims_create (db, document_id, start, start + span, themes,
                                     "Sofía Ramírez Núñez", i % 3 == 0 ? "Check the figure." : NULL, &error);
      if (claim == NULL)
        {
          g_printerr ("bench-core: creating a claim: %s\n", error->message);
          dossier_database_rollback (db);
          return 1;
        }
      created++;
    }

  if (!dossier_database_commit (db, &error))
    {
      g_printerr ("bench-core: %s\n", error->message);
      dossier_database_rollback (db);
      return 1;
    }

  printf ("claims-in %.3f %u\n", elapsed_ms (begin), created);
  print_rss ();

  return 0;
}

static int
usage (void)
{
  g_printerr ("usage: bench-core version\n"
              "       bench-core search DB [LIMIT] < QUERIES\n"
              "       bench-core claims DB N SEED < NOTES\n"
              "       bench-core brief DB N RUNS SEED\n"
              "       bench-core claims-in DB DOC N SEED\n");
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 2 && g_str_equal (argv[1], "version"))
    {
      printf ("sqlite %s\n", sqlite3_libversion ());
      return 0;
    }
  if (argc >= 3 && argc <= 4 && g_str_equal (argv[1], "search"))
    return run_search (argv[2], argc == 4 ? (guint) atoi (argv[3]) : 50);
  if (argc == 5 && g_str_equal (argv[1], "claims"))
    return run_claims (argv[2], (guint) atoi (argv[3]), (guint32) strtoul (argv[4], NULL, 10));
  if (argc == 6 && g_str_equal (argv[1], "brief"))
    return run_brief (argv[2], (guint) atoi (argv[3]), (guint) atoi (argv[4]),
                      (guint32) strtoul (argv[5], NULL, 10));
  if (argc == 6 && g_str_equal (argv[1], "claims-in"))
    return run_claims_in (argv[2], g_ascii_strtoll (argv[3], NULL, 10), (guint) atoi (argv[4]),
                          (guint32) strtoul (argv[5], NULL, 10));

  return usage ();
}
