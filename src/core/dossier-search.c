/* dossier-search.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search"

#include "config.h"

#include <string.h>

#include "dossier-database-private.h"
#include "dossier-search-private.h"

/* Words the unicode61 tokenizer would index: at least one letter or digit. */
static gboolean
has_token (const char *text,
           gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        return TRUE;
    }

  return FALSE;
}

/* Appends @text as an FTS5 string, which FTS5 always reads as a phrase of
 * plain words: a double quote inside is written twice. */
static void
append_phrase (GString    *query,
               const char *text,
               gsize       length,
               gboolean    prefix)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');

  g_string_append_c (query, '"');
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, text[i]);
    }
  g_string_append_c (query, '"');

  if (prefix)
    g_string_append_c (query, '*');
}

/**
 * dossier_search_build_query:
 * @text: what a person typed
 *
 * Every word becomes an FTS5 string, so no character a person types can
 * be read as FTS5 syntax (NEAR, column filters, ^, parentheses…).
 * "Quoted text" stays one phrase, a trailing * makes a prefix search and
 * a bare OR between two words is kept as OR; everything else is AND.
 */
char *
dossier_search_build_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  gboolean pending_or = FALSE;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  p = text;
  while (*p != '\0')
    {
      const char *start;
      gsize length;
      gboolean prefix = FALSE;
      gboolean quoted = FALSE;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      if (*p == '"')
        {
          const char *close;

          start = p + 1;
          close = strchr (start, '"');
          length = close != NULL ? (gsize)(close - start) : strlen (start);
          p = close != NULL ? close + 1 : start + length;
          quoted = TRUE;
        }
      else
        {
          start = p;
          while (*p != '\0' && *p != '"' && !g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          length = p - start;
        }

      if (!quoted && length == 2 && memcmp (start, "OR", 2) == 0)
        {
          pending_or = query->len > 0;
          continue;
        }

      if (!quoted && length == 3 && memcmp (start, "AND", 3) == 0)
        continue;

      if (*p == '*' || (length > 0 && start[length - 1] == '*'))
        {
          prefix = TRUE;
          while (length > 0 && start[length - 1] == '*')
            length--;
          while (*p == '*')
            p++;
        }

      if (!has_token (start, length))
        continue;

      if (pending_or)
        g_string_append (query, " OR");
      pending_or = FALSE;

      append_phrase (query, start, length, prefix);
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static void
document_hit_free (gpointer data)
{
  DossierDocumentHit *hit = data;

  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

static void
claim_hit_free (gpointer data)
{
  DossierClaimHit *hit = data;

  g_free (hit->quote);
  g_free (hit->snippet);
  g_free (hit);
}

/* Checks how stepping ended; FTS5 rejecting a query is the user's
 * problem (INVALID), anything else the database's. */
static gboolean
finish_query (DossierDatabase  *db,
              sqlite3_stmt     *stmt,
              int               rc,
              const char       *text,
              GError          **error)
{
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  if ((rc & 0xff) == SQLITE_ERROR)
    g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                 "Cannot search for “%s”: %s", text,
                 sqlite3_errmsg (dossier_database_get_handle (db)));
  else
    dossier_database_fail (db, rc, error);

  sqlite3_reset (stmt);

  return FALSE;
}

/* A ranked match before its snippet is made. */
typedef struct
{
  gint64 id;
  double rank;
} RankedMatch;

/* Ranks by bm25 and keeps the best @limit of the matches with ids in
 * [@first_id, @last_id]. bm25 needs only the corpus-wide statistics, so
 * ranks from disjoint id ranges compare as they are.
 *
 * Ordering by bm25() rather than by FTS5's `rank` column matters: FTS5
 * sorts every match itself for ORDER BY rank, while here SQLite keeps
 * only the best @limit in its sorter. Snippets are not made here: they
 * would be made for every match. */
static int
rank_matches (sqlite3    *handle,
              const char *query,
              gint64      first_id,
              gint64      last_id,
              guint       limit,
              GArray     *matches)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT rowid, bm25(documents_fts) AS r FROM documents_fts "
                           "WHERE documents_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
                           "ORDER BY r, rowid LIMIT ?4",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  dossier_sql_bind_text (stmt, 1, query);
  sqlite3_bind_int64 (stmt, 2, first_id);
  sqlite3_bind_int64 (stmt, 3, last_id);
  sqlite3_bind_int64 (stmt, 4, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RankedMatch match = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };

      g_array_append_val (matches, match);
    }

  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

typedef struct
{
  sqlite3    *handle;
  const char *query;
  gint64      first_id;
  gint64      last_id;
  guint       limit;
  GArray     *matches;
  int         rc;
} RankJob;

static gpointer
rank_job_run (gpointer data)
{
  RankJob *job = data;

  job->rc = rank_matches (job->handle, job->query, job->first_id, job->last_id,
                          job->limit, job->matches);

  return NULL;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const RankedMatch *x = a;
  const RankedMatch *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* Below this many documents one thread ranks fast enough. */
static gint64 split_from_documents = 20000;

void
dossier_search_set_split_from (gint64 documents)
{
  split_from_documents = documents;
}

/* The best @limit document matches, best first (rank, then id). On a big
 * corpus, ranking a common word costs about a microsecond per matching
 * document, so the ids are split in two halves ranked at once: this
 * thread on the main connection, a helper thread on the read-only second
 * one. Inside an open transaction the helper would not see its writes, so
 * then one thread does it all. */
static gboolean
best_document_matches (DossierDatabase  *db,
                       const char       *query,
                       const char       *text,
                       guint             limit,
                       GArray          **out_matches,
                       GError          **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (RankedMatch));
  sqlite3 *handle = dossier_database_get_handle (db);
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt;
  gint64 last_id;
  int rc;

  if (!(stmt = dossier_database_prepare (db, "SELECT max(id) FROM documents", error)))
    return FALSE;
  last_id = dossier_database_lookup_id (db, stmt, NULL);

  if (last_id >= split_from_documents && sqlite3_get_autocommit (handle))
    reader = dossier_database_get_reader (db);

  if (reader != NULL)
    {
      g_autoptr(GArray) upper = g_array_new (FALSE, FALSE, sizeof (RankedMatch));
      RankJob job = { reader, query, last_id / 2 + 1, G_MAXINT64, limit, upper, SQLITE_OK };
      GThread *thread = g_thread_new ("dossier-rank", rank_job_run, &job);

      rc = rank_matches (handle, query, G_MININT64, last_id / 2, limit, matches);
      g_thread_join (thread);

      if (rc == SQLITE_OK && job.rc != SQLITE_OK)
        {
          /* The helper's error, reported from the main connection. */
          rc = rank_matches (handle, query, job.first_id, job.last_id, limit, upper);
        }

      g_array_append_vals (matches, upper->data, upper->len);
      g_array_sort (matches, compare_matches);
      if (matches->len > limit)
        g_array_set_size (matches, limit);
    }
  else
    {
      rc = rank_matches (handle, query, G_MININT64, G_MAXINT64, limit, matches);
    }

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_ERROR)
        g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID,
                     "Cannot search for “%s”: %s", text, sqlite3_errmsg (handle));
      else
        dossier_database_fail (db, rc, error);
      return FALSE;
    }

  *out_matches = g_steal_pointer (&matches);

  return TRUE;
}

/* Titles and snippets of @matches, in their order. One pass over the
 * matches between the lowest and the highest id, making snippets only
 * for the chosen ones: looking each up by id would expand a prefix query
 * once per document. */
static gboolean
describe_document_matches (DossierDatabase  *db,
                           const char       *query,
                           const char       *text,
                           GArray           *matches,
                           const char       *open_mark,
                           const char       *close_mark,
                           GPtrArray        *hits,
                           GError          **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) ids = g_string_new ("[");
  gint64 first_id = G_MAXINT64;
  gint64 last_id = G_MININT64;
  sqlite3_stmt *stmt;
  int rc;

  if (matches->len == 0)
    return TRUE;

  for (guint i = 0; i < matches->len; i++)
    {
      RankedMatch *match = &g_array_index (matches, RankedMatch, i);
      DossierDocumentHit *hit = g_new0 (DossierDocumentHit, 1);

      hit->id = match->id;
      hit->rank = match->rank;
      g_ptr_array_add (hits, hit);
      g_hash_table_insert (by_id, &hit->id, hit);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", match->id);
      first_id = MIN (first_id, match->id);
      last_id = MAX (last_id, match->id);
    }
  g_string_append_c (ids, ']');

  /* CROSS JOIN keeps documents_fts the outer loop; the unary + keeps the
   * id list a filter instead of one FTS5 lookup per id. */
  if (!(stmt = dossier_database_prepare (db,
                                         "SELECT f.rowid, d.title,"
                                         "  snippet(documents_fts, -1, ?2, ?3, '…', 16) "
                                         "FROM documents_fts AS f CROSS JOIN documents AS d "
                                         "WHERE documents_fts MATCH ?1 AND f.rowid BETWEEN ?4 AND ?5"
                                         "  AND +f.rowid IN (SELECT value FROM json_each(?6))"
                                         "  AND d.id = f.rowid",
                                         error)))
    return FALSE;

  dossier_sql_bind_text (stmt, 1, query);
  dossier_sql_bind_text (stmt, 2, open_mark);
  dossier_sql_bind_text (stmt, 3, close_mark);
  sqlite3_bind_int64 (stmt, 4, first_id);
  sqlite3_bind_int64 (stmt, 5, last_id);
  dossier_sql_bind_text (stmt, 6, ids->str);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      DossierDocumentHit *hit = g_hash_table_lookup (by_id, &id);

      if (hit == NULL || hit->title != NULL)
        continue;

      hit->title = dossier_sql_column_dup (stmt, 1);
      hit->snippet = dossier_sql_column_dup (stmt, 2);
    }

  if (!finish_query (db, stmt, rc, text, error))
    return FALSE;

  /* A document deleted between the two statements has no title: drop it. */
  for (guint i = hits->len; i > 0; i--)
    {
      DossierDocumentHit *hit = g_ptr_array_index (hits, i - 1);

      if (hit->title == NULL)
        g_ptr_array_remove_index (hits, i - 1);
    }

  return TRUE;
}

gboolean
dossier_search (DossierDatabase  *db,
                const char       *text,
                guint             limit,
                const char       *open_mark,
                const char       *close_mark,
                GPtrArray       **documents,
                GPtrArray       **claims,
                GError          **error)
{
  g_autoptr(GPtrArray) document_hits = g_ptr_array_new_with_free_func (document_hit_free);
  g_autoptr(GPtrArray) claim_hits = g_ptr_array_new_with_free_func (claim_hit_free);
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (documents != NULL, FALSE);
  g_return_val_if_fail (claims != NULL, FALSE);

  if (open_mark == NULL)
    open_mark = "";
  if (close_mark == NULL)
    close_mark = "";

  query = dossier_search_build_query (text);

  if (query != NULL && limit > 0)
    {
      g_autoptr(GArray) matches = NULL;

      if (!best_document_matches (db, query, text, limit, &matches, error) ||
          !describe_document_matches (db, query, text, matches, open_mark, close_mark,
                                      document_hits, error))
        return FALSE;

      /* Claims are few next to documents: FTS5 ranks them in the CTE. */
      if (!(stmt = dossier_database_prepare (db,
                                             "WITH hits AS ("
                                             "  SELECT rowid AS id, rank,"
                                             "    snippet(claims_fts, -1, ?2, ?3, '…', 16) AS snippet"
                                             "  FROM claims_fts WHERE claims_fts MATCH ?1"
                                             "  ORDER BY rank LIMIT ?4) "
                                             "SELECT hits.id, c.document_id, c.quote, hits.snippet, hits.rank "
                                             "FROM hits JOIN claims c ON c.id = hits.id "
                                             "ORDER BY hits.rank, hits.id",
                                             error)))
        return FALSE;

      dossier_sql_bind_text (stmt, 1, query);
      dossier_sql_bind_text (stmt, 2, open_mark);
      dossier_sql_bind_text (stmt, 3, close_mark);
      sqlite3_bind_int64 (stmt, 4, limit);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          DossierClaimHit *hit = g_new0 (DossierClaimHit, 1);

          hit->id = sqlite3_column_int64 (stmt, 0);
          hit->document_id = sqlite3_column_int64 (stmt, 1);
          hit->quote = dossier_sql_column_dup (stmt, 2);
          hit->snippet = dossier_sql_column_dup (stmt, 3);
          hit->rank = sqlite3_column_double (stmt, 4);
          g_ptr_array_add (claim_hits, hit);
        }

      if (!finish_query (db, stmt, rc, text, error))
        return FALSE;
    }

  *documents = g_steal_pointer (&document_hits);
  *claims = g_steal_pointer (&claim_hits);

  return TRUE;
}
