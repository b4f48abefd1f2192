/* test-search-match.c — where in a document a search hit is
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-utils.h"

/* The text at the match, or NULL without one. */
static char *
match (const char *query,
       const char *body)
{
  guint start = G_MAXUINT, end = G_MAXUINT;
  const char *from, *to;

  if (!dossier_search_match_first (query, body, &start, &end))
    return NULL;

  g_assert_cmpuint (start, <, end);
  g_assert_cmpuint (end, <=, g_utf8_strlen (body, -1));
  from = g_utf8_offset_to_pointer (body, start);
  to = g_utf8_offset_to_pointer (body, end);

  return g_strndup (from, to - from);
}

#define assert_match(query, body, expected)                        \
  G_STMT_START {                                                   \
    g_autofree char *found_ = match ((query), (body));             \
    g_assert_cmpstr (found_, ==, (expected));                      \
  } G_STMT_END

static void
test_words (void)
{
  const char *body = "Analyst Diego Marroquín said the water deliveries lag. "
                     "Marroquin said it again; WATER was the word.";

  /* Case and accents do not matter; the first occurrence wins. */
  assert_match ("marroquin", body, "Marroquín");
  assert_match ("MARROQUÍN", body, "Marroquín");
  assert_match ("water", body, "water");
  /* Every word of an AND query is looked for: the first to show. */
  assert_match ("deliveries Diego", body, "Diego");
  assert_match ("again OR lag", body, "lag");
  /* A word is a whole word, not a piece of one. */
  assert_match ("deliver", body, NULL);
  assert_match ("zeppelin", body, NULL);
}

static void
test_phrases_and_prefixes (void)
{
  const char *body = "Sofía Núñez called the threat “a tax on drought”. "
                     "Officials said a tax, on\ndrought, was unfair; interdiction failed.";

  assert_match ("\"tax on drought\"", body, "tax on drought");
  /* A phrase is consecutive words, whatever punctuation lies between. */
  assert_match ("\"threat a tax\"", body, "threat “a tax");
  assert_match ("\"said a tax on drought\"", body, "said a tax, on\ndrought");
  assert_match ("\"drought tax\"", body, NULL);
  assert_match ("interdict*", body, "interdiction");
  assert_match ("\"sofia nu\"*", body, "Sofía Núñez");
  assert_match ("nu*", body, "Núñez");
}

static void
test_offsets_are_code_points (void)
{
  const char *body = "Ñandú — “Ñoño” 日本語 的 water";
  guint start = 0, end = 0;

  g_assert_true (dossier_search_match_first ("water", body, &start, &end));
  g_assert_cmpuint (start, ==, g_utf8_strlen (body, -1) - 5);
  g_assert_cmpuint (end, ==, g_utf8_strlen (body, -1));

  /* Decomposed accents are part of the word, as the tokenizer has it. */
  assert_match ("nunez", "Called Nu\xcc\x81n\xcc\x83" "ez today", "Nu\xcc\x81n\xcc\x83" "ez");
  assert_match ("u.s.", "Talks with the U.S. team", "U.S");
}

static void
test_nothing_to_find (void)
{
  guint start = 7, end = 7;

  /* Nothing searchable in the query, or nothing in the body. */
  g_assert_false (dossier_search_match_first ("\"(", "Some text", &start, &end));
  g_assert_false (dossier_search_match_first ("", "Some text", &start, &end));
  g_assert_false (dossier_search_match_first ("text", "", &start, &end));
  g_assert_cmpuint (start, ==, 7);
  g_assert_cmpuint (end, ==, 7);

  /* Hostile queries are read as words, like the search reads them. */
  assert_match ("\"foo AND (", "Foo and bar", "Foo and");
  assert_match ("title:foo", "The title foo", "title foo");
  assert_match ("NEAR(foo bar)", "near foo bar", "near foo");
  assert_match ("^foo -bar", "foo bar", "foo");
}

/* Every document the full-text search finds is located by
 * dossier_search_match_first() in its body or its title; and with a
 * single phrase, it finds nothing in those the search leaves out. */
static void
test_agrees_with_fts (void)
{
  static const char *words[] = {
    "water", "treaty", "tariff", "tariffs", "border", "drought", "Núñez", "Nuñez",
    "Marroquín", "cartel", "interdiction", "interdicted", "río", "Bravo", "levee",
    "sovereignty", "U.S.", "México", "cooperation", "aquifer", "1944", "deliveries",
  };
  static const char *queries[] = {
    "water", "nunez", "Núñez", "marroquin", "interdict*", "\"rio bravo\"", "\"water treaty\"",
    "tariff", "tariff*", "mexico", "u.s.", "\"u s\"", "1944", "sover*", "\"cartel interdiction\"",
    "río", "aquifer levee", "drought OR cartel", "\"foo AND (", "deliveries bravo",
  };
  g_autofree char *dir = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&dir);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1944);
  g_autoptr(GHashTable) bodies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("doc-%02u.txt", i);
      g_autofree char *body = NULL;
      g_autoptr(DossierDocument) document = NULL;
      gint64 id;

      g_string_append_printf (text, "Report %u on %s and %s\n\n", i,
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      for (guint j = 0; j < 40; j++)
        g_string_append_printf (text, "%s%s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                j % 9 == 8 ? ".\n" : (j % 4 == 3 ? ", " : " "));

      id = test_import_text (db, dir, name, text->str);
      body = dossier_documents_get_body (db, id, NULL);
      document = dossier_documents_get (db, id, NULL);
      g_hash_table_insert (bodies, g_memdup2 (&id, sizeof id), g_steal_pointer (&body));
      g_hash_table_insert (titles, g_memdup2 (&id, sizeof id), g_strdup (dossier_document_get_title (document)));
    }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(GPtrArray) claims = NULL;
      g_autoptr(GHashTable) found = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GError) error = NULL;
      g_autofree char *fts = dossier_search_build_query (queries[q]);
      gboolean single_phrase = strchr (queries[q], ' ') == NULL || queries[q][0] == '"';
      guint located = 0;

      g_assert_true (dossier_search (db, queries[q], 1000, NULL, NULL, &documents, &claims, &error));
      g_assert_no_error (error);

      for (guint i = 0; i < documents->len; i++)
        {
          DossierDocumentHit *hit = g_ptr_array_index (documents, i);
          guint start, end;

          g_hash_table_add (found, &hit->id);
          if (dossier_search_match_first (queries[q], g_hash_table_lookup (bodies, &hit->id), &start, &end) ||
              dossier_search_match_first (queries[q], g_hash_table_lookup (titles, &hit->id), &start, &end))
            located++;
          else
            g_error ("“%s” (%s) finds document %" G_GINT64_FORMAT " but not where", queries[q], fts, hit->id);
        }

      if (single_phrase)
        {
          g_hash_table_iter_init (&iter, bodies);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              guint start, end;

              if (!g_hash_table_contains (found, key) &&
                  dossier_search_match_first (queries[q], value, &start, &end))
                g_error ("“%s” (%s) matches document %" G_GINT64_FORMAT " that the search does not find",
                         queries[q], fts, *(gint64 *)key);
            }
        }

      g_test_message ("%-24s %u documents, all located", queries[q], located);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/search-match/words", test_words);
  g_test_add_func ("/search-match/phrases-and-prefixes", test_phrases_and_prefixes);
  g_test_add_func ("/search-match/offsets-are-code-points", test_offsets_are_code_points);
  g_test_add_func ("/search-match/nothing-to-find", test_nothing_to_find);
  g_test_add_func ("/search-match/agrees-with-fts", test_agrees_with_fts);

  return g_test_run ();
}
