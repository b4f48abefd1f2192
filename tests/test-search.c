/* test-search.c — full-text search over documents and claims
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-utils.h"

#include <sqlite3.h>

#include "dossier-search-private.h"

typedef struct
{
  char            *dir;
  DossierDatabase *db;
  gint64           treaty;
  gint64           tariffs;
  gint64           border;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) claim = NULL;

  fixture->db = test_open_database (&fixture->dir);
  fixture->treaty = test_import_text (fixture->db, fixture->dir, "treaty.txt",
                                      "The 1944 treaty deadline\n\n"
                                      "Analyst Diego Marroquín said the water deliveries lag behind "
                                      "the five-year cycle. Interdiction of shipments was not discussed.");
  fixture->tariffs = test_import_text (fixture->db, fixture->dir, "tariffs.txt",
                                       "Tariff threats over water debt\n\n"
                                       "Officials in Chihuahua warned that tariffs would not make rain fall. "
                                       "Sofía Núñez called the threat “a tax on drought”.");
  fixture->border = test_import_text (fixture->db, fixture->dir, "border.txt",
                                      "Border cooperation report\n\n"
                                      "Inspections at the crossings doubled, and interdicted fentanyl "
                                      "seizures rose. Nothing about rivers here.");

  claim = dossier_claims_create_from_quote (fixture->db, fixture->tariffs, "a tax on drought", 1, NULL,
                                            "Sofía Núñez", "Memorable framing for the summary", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->dir, g_free);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* Runs a search and returns the ids of the documents found, in
 * ascending order, as a string like "1,3" for easy comparison. */
static char *
search_documents (Fixture    *fixture,
                  const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (dossier_search (fixture->db, query, 50, "[", "]", &documents, &claims, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < documents->len; i++)
    {
      DossierDocumentHit *hit = g_ptr_array_index (documents, i);
      g_array_append_val (sorted, hit->id);
    }
  g_array_sort (sorted, compare_ids);

  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (sorted, gint64, i));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
test_accent_insensitive (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *plain = search_documents (fixture, "marroquin");
  g_autofree char *accented = search_documents (fixture, "Marroquín");
  g_autofree char *sofia = search_documents (fixture, "sofia nunez");
  g_autofree char *expected_treaty = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->treaty);
  g_autofree char *expected_tariffs = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->tariffs);

  g_assert_cmpstr (plain, ==, expected_treaty);
  g_assert_cmpstr (accented, ==, expected_treaty);
  g_assert_cmpstr (sofia, ==, expected_tariffs);
}

static void
test_query_forms (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *treaty = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->treaty);
  g_autofree char *border = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->border);
  g_autofree char *prefix = search_documents (fixture, "interdict*");
  g_autofree char *word = search_documents (fixture, "interdiction");
  g_autofree char *phrase = search_documents (fixture, "\"water deliveries\"");
  g_autofree char *words_apart = search_documents (fixture, "\"deliveries water\"");
  g_autofree char *both = search_documents (fixture, "water tariffs");
  g_autofree char *either = search_documents (fixture, "Marroquín OR fentanyl");
  g_autofree char *title_only = search_documents (fixture, "cooperation report");
  g_autofree char *none = search_documents (fixture, "zeppelin");

  /* Each document matched once; the order of ids is by rank, so compare sets. */
  g_assert_nonnull (strstr (prefix, treaty));
  g_assert_nonnull (strstr (prefix, border));
  g_assert_cmpstr (word, ==, treaty);
  g_assert_cmpstr (phrase, ==, treaty);
  g_assert_cmpstr (words_apart, ==, "");
  g_assert_cmpuint (strlen (both), >, 0);
  g_assert_null (strstr (both, border));
  g_assert_nonnull (strstr (either, treaty));
  g_assert_nonnull (strstr (either, border));
  g_assert_cmpstr (title_only, ==, border);
  g_assert_cmpstr (none, ==, "");
}

static void
test_snippets_and_claims (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  DossierDocumentHit *document;
  DossierClaimHit *claim;

  g_assert_true (dossier_search (fixture->db, "drought", 10, "<b>", "</b>", &documents, &claims, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  document = g_ptr_array_index (documents, 0);
  g_assert_cmpint (document->id, ==, fixture->tariffs);
  g_assert_cmpstr (document->title, ==, "Tariff threats over water debt");
  g_assert_nonnull (strstr (document->snippet, "<b>drought</b>"));

  g_assert_cmpuint (claims->len, ==, 1);
  claim = g_ptr_array_index (claims, 0);
  g_assert_cmpint (claim->document_id, ==, fixture->tariffs);
  g_assert_cmpstr (claim->quote, ==, "a tax on drought");

  /* Notes are searched too. */
  g_clear_pointer (&documents, g_ptr_array_unref);
  g_clear_pointer (&claims, g_ptr_array_unref);
  g_assert_true (dossier_search (fixture->db, "memorable", 10, NULL, NULL, &documents, &claims, &error));
  g_assert_cmpuint (documents->len, ==, 0);
  g_assert_cmpuint (claims->len, ==, 1);
}

static void
test_index_follows_edits (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  DossierMetadata retitle = { .title = (char *)"Aqueduct politics" };
  DossierMetadata retitle_again = { .title = (char *)"Canal politics" };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->treaty);

  /* Titles are indexed apart from the body: a new title is found, and a
   * replaced one no longer is. */
  before = search_documents (fixture, "aqueduct");
  g_assert_cmpstr (before, ==, "");
  g_assert_true (dossier_documents_update (fixture->db, fixture->treaty, &retitle, &error));
  after = search_documents (fixture, "aqueduct");
  g_assert_cmpstr (after, ==, expected);
  g_assert_true (dossier_documents_update (fixture->db, fixture->treaty, &retitle_again, &error));
  replaced = search_documents (fixture, "aqueduct");
  g_assert_cmpstr (replaced, ==, "");

  g_assert_true (dossier_documents_delete (fixture->db, fixture->treaty, &error));
  deleted = search_documents (fixture, "marroquin");
  g_assert_cmpstr (deleted, ==, "");

  g_assert_true (dossier_database_check (fixture->db, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_build_query (void)
{
  struct { const char *input; const char *output; } cases[] = {
    { "water", "\"water\"" },
    { "  water   debt ", "\"water\" \"debt\"" },
    { "interdict*", "\"interdict\"*" },
    { "\"water debt\" treaty", "\"water debt\" \"treaty\"" },
    { "a OR b", "\"a\" OR \"b\"" },
    { "OR a", "\"a\"" },
    { "a OR", "\"a\"" },
    { "a AND b", "\"a\" \"b\"" },
    { "NEAR(a b)", "\"NEAR(a\" \"b)\"" },
    { "title:water", "\"title:water\"" },
    { "^start -minus", "\"^start\" \"-minus\"" },
    { "\"unclosed phrase", "\"unclosed phrase\"" },
    { "!!! ??? ***", NULL },
    { "\"\"", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = dossier_search_build_query (cases[i].input);
      g_assert_cmpstr (query, ==, cases[i].output);
    }
}

/* Whatever a person types, search answers: results or none, never an
 * error and never a crash. */
static void
test_hostile_queries (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *pieces[] = {
    "\"", "'", "*", "(", ")", "-", "+", "^", ":", "{", "}", "[", "]", "NEAR", "NEAR(",
    "AND", "OR", "NOT", "and", "\\", "/", "%", "_", "“", "”", "—", ",", ".", " ", "  ",
    "water", "marroquín", "é", "😀", "\t", "\n", "0", "1944", "title:", "body:", "col*",
    "\x01", "NEAR/2", "\"\"", "*\"", ";", "--", "/*", "?", "&", "|", "<", ">",
  };
  GRand *rand = g_rand_new_with_seed (20261122);

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(GString) query = g_string_new (NULL);
      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(GPtrArray) claims = NULL;
      g_autoptr(GError) error = NULL;
      guint n = g_rand_int_range (rand, 1, 8);

      for (guint j = 0; j < n; j++)
        g_string_append (query, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      if (!dossier_search (fixture->db, query->str, 20, "[", "]", &documents, &claims, &error))
        g_error ("search for “%s” failed: %s", query->str, error->message);
    }

  g_rand_free (rand);
}

/* On a big corpus search ranks the lower and upper halves of the ids on
 * two threads and merges them. The merged list must be exactly what
 * FTS5's own ORDER BY rank gives on the whole table: same documents, same
 * order, for every kind of query and for limits that cut through ties. */
static void
test_split_ranking (void)
{
  static const char *words[] = {
    "water", "treaty", "drought", "river", "tariff", "border", "deliveries", "aquifer",
    "Núñez", "Marroquín", "farmers", "reservoir", "said", "minister", "canal", "harvest",
  };
  static const char *queries[] = {
    "water", "said", "treaty drought", "\"water treaty\"", "tre*", "Nunez", "núñez OR canal",
    "aquifer reservoir harvest", "river", "zzz-not-there",
  };
  static const guint limits[] = { 1, 3, 7, 50, 500 };
  g_autofree char *dir = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&dir);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  GRand *rand = g_rand_new_with_seed (5150);
  sqlite3 *reference = NULL;
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < 240; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("doc-%03u.txt", i);
      guint n = g_rand_int_range (rand, 5, 60);

      g_string_append_printf (text, "Report %u\n\n", i);
      for (guint j = 0; j < n; j++)
        g_string_append_printf (text, "%s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      test_import_text (db, dir, name, text->str);
    }
  g_rand_free (rand);

  dossier_search_set_split_from (1);

  g_assert_cmpint (sqlite3_open_v2 (path, &reference, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (reference,
                                       "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1 "
                                       "ORDER BY rank, rowid LIMIT ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
      {
        g_autofree char *fts = dossier_search_build_query (queries[q]);
        g_autoptr(GPtrArray) documents = NULL;
        g_autoptr(GPtrArray) claims = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GString) expected = g_string_new (NULL);
        g_autoptr(GString) found = g_string_new (NULL);

        sqlite3_reset (stmt);
        sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int (stmt, 2, limits[l]);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_string_append_printf (expected, "%lld ", (long long)sqlite3_column_int64 (stmt, 0));

        g_assert_true (dossier_search (db, queries[q], limits[l], "[", "]", &documents, &claims, &error));
        g_assert_no_error (error);
        for (guint i = 0; i < documents->len; i++)
          {
            DossierDocumentHit *hit = g_ptr_array_index (documents, i);

            g_string_append_printf (found, "%lld ", (long long)hit->id);
            g_assert_nonnull (hit->title);
            g_assert_nonnull (strstr (hit->snippet, "["));
            if (i > 0)
              g_assert_cmpfloat (((DossierDocumentHit *)g_ptr_array_index (documents, i - 1))->rank,
                                 <=, hit->rank);
          }

        g_test_message ("“%s” limit %u: %u documents", queries[q], limits[l], documents->len);
        g_assert_cmpstr (found->str, ==, expected->str);
      }

  sqlite3_finalize (stmt);
  sqlite3_close (reference);
  dossier_search_set_split_from (20000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/search/accent-insensitive", test_accent_insensitive);
  ADD ("/search/query-forms", test_query_forms);
  ADD ("/search/snippets-and-claims", test_snippets_and_claims);
  ADD ("/search/index-follows-edits", test_index_follows_edits);
  ADD ("/search/hostile-queries", test_hostile_queries);
  g_test_add_func ("/search/build-query", test_build_query);
  g_test_add_func ("/search/split-ranking", test_split_ranking);

#undef ADD

  return g_test_run ();
}
