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
#include "dossier-search.h"

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
      /* MATCH runs alone in the CTE, so ranking and LIMIT happen inside
       * FTS5 before any join. */
      if (!(stmt = dossier_database_prepare (db,
                                             "WITH hits AS ("
                                             "  SELECT rowid AS id, rank,"
                                             "    snippet(documents_fts, -1, ?2, ?3, '…', 16) AS snippet"
                                             "  FROM documents_fts WHERE documents_fts MATCH ?1"
                                             "  ORDER BY rank LIMIT ?4) "
                                             "SELECT hits.id, d.title, hits.snippet, hits.rank "
                                             "FROM hits JOIN documents d ON d.id = hits.id "
                                             "ORDER BY hits.rank, hits.id",
                                             error)))
        return FALSE;

      dossier_sql_bind_text (stmt, 1, query);
      dossier_sql_bind_text (stmt, 2, open_mark);
      dossier_sql_bind_text (stmt, 3, close_mark);
      sqlite3_bind_int64 (stmt, 4, limit);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          DossierDocumentHit *hit = g_new0 (DossierDocumentHit, 1);

          hit->id = sqlite3_column_int64 (stmt, 0);
          hit->title = dossier_sql_column_dup (stmt, 1);
          hit->snippet = dossier_sql_column_dup (stmt, 2);
          hit->rank = sqlite3_column_double (stmt, 3);
          g_ptr_array_add (document_hits, hit);
        }

      if (!finish_query (db, stmt, rc, text, error))
        return FALSE;

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
