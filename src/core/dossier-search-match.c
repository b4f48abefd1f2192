/* dossier-search-match.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search"

#include "config.h"

#include <string.h>

#include "dossier-search.h"
#include "dossier-search-match.h"

/* The rules of FTS5's unicode61 tokenizer with remove_diacritics 2, as
 * the index uses them (DESIGN §3): a word starts with a letter, a digit
 * or a private-use character, goes on through those and combining marks,
 * and is compared lower-cased with its accents removed. */
static gboolean
is_word_start (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);

  switch (g_unichar_type (c))
    {
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_word_char (gunichar c)
{
  return is_word_start (c) || (c >= 0x80 && g_unichar_ismark (c));
}

static void
append_folded (GString  *out,
               gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gboolean marks = TRUE;
  gsize n;

  if (c < 0x80)
    {
      g_string_append_c (out, g_ascii_tolower (c));
      return;
    }

  if (g_unichar_ismark (c))
    return;

  /* A letter with accents becomes the letter; other decompositions
   * (Hangul syllables…) are kept whole. */
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 1; i < n; i++)
    marks = marks && g_unichar_ismark (decomposed[i]);
  if (n > 1 && marks)
    c = decomposed[0];

  g_string_append_unichar (out, g_unichar_tolower (c));
}

typedef struct
{
  const char *next;     /* the next byte to read */
  guint       offset;   /* its offset in code points */
} Cursor;

/* Reads the next word at @cursor into @folded, with its code point
 * offsets. FALSE at the end of the text. */
static gboolean
next_word (Cursor  *cursor,
           GString *folded,
           guint   *start,
           guint   *end)
{
  const char *p = cursor->next;
  guint offset = cursor->offset;

  g_string_truncate (folded, 0);

  while (*p != '\0' && !is_word_start (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      offset++;
    }

  if (*p == '\0')
    {
      cursor->next = p;
      cursor->offset = offset;
      return FALSE;
    }

  *start = offset;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_word_char (c))
        break;
      append_folded (folded, c);
      p = g_utf8_next_char (p);
      offset++;
    }
  *end = offset;

  cursor->next = p;
  cursor->offset = offset;

  return TRUE;
}

typedef struct
{
  GPtrArray *words;    /* folded, in order */
  gboolean   prefix;   /* the last word is a prefix */
} Phrase;

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_ptr_array_unref (phrase->words);
  g_free (phrase);
}

static void
add_phrase (GPtrArray  *phrases,
            const char *text,
            gboolean    prefix)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  Cursor cursor = { text, 0 };
  Phrase *phrase;
  guint start, end;

  phrase = g_new0 (Phrase, 1);
  phrase->words = g_ptr_array_new_with_free_func (g_free);
  phrase->prefix = prefix;

  while (next_word (&cursor, folded, &start, &end))
    g_ptr_array_add (phrase->words, g_strdup (folded->str));

  if (phrase->words->len == 0)
    phrase_free (phrase);
  else
    g_ptr_array_add (phrases, phrase);
}

/* The phrases of an FTS5 query as dossier_search_build_query() writes
 * it: strings ("" is a quote inside), each maybe followed by *, and the
 * operator OR. Bare words other than operators count as phrases too. */
static GPtrArray *
parse_query (const char *query)
{
  GPtrArray *phrases = g_ptr_array_new_with_free_func (phrase_free);
  const char *p = query;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          g_autoptr(GString) text = g_string_new (NULL);

          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                p++;
              else if (*p == '"')
                break;
              g_string_append_c (text, *p);
            }
          if (*p == '"')
            p++;

          add_phrase (phrases, text->str, *p == '*');
        }
      else if (g_ascii_isspace (*p) || strchr ("()*^+:", *p) != NULL)
        {
          p++;
        }
      else
        {
          const char *start = p;
          g_autofree char *word = NULL;
          gboolean prefix = FALSE;

          while (*p != '\0' && !g_ascii_isspace (*p) && strchr ("\"()", *p) == NULL)
            p++;
          word = g_strndup (start, p - start);
          if (g_str_has_suffix (word, "*"))
            {
              prefix = TRUE;
              word[strlen (word) - 1] = '\0';
            }

          if (g_strcmp0 (word, "OR") != 0 && g_strcmp0 (word, "AND") != 0 &&
              g_strcmp0 (word, "NOT") != 0 && g_strcmp0 (word, "NEAR") != 0)
            add_phrase (phrases, word, prefix);
        }
    }

  return phrases;
}

typedef struct
{
  guint    start;
  guint    end;
  GString *folded;
} Word;

/**
 * dossier_search_match_first:
 * @text: what a person typed into search
 * @body: a document's body
 * @start: (out): the code point offset where the match starts
 * @end: (out): the code point offset where it ends (exclusive)
 *
 * Reads @body word by word, keeping only as many words as the longest
 * phrase has, so it stops at the first match however long @body is.
 */
gboolean
dossier_search_match_first (const char *text,
                            const char *body,
                            guint      *start,
                            guint      *end)
{
  g_autofree char *query = NULL;
  g_autoptr(GPtrArray) phrases = NULL;
  g_autofree Word *ring = NULL;
  Cursor cursor = { body, 0 };
  guint ring_size = 0;
  guint count = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (!g_utf8_validate (body, -1, NULL) ||
      !(query = dossier_search_build_query (text)))
    return FALSE;

  phrases = parse_query (query);
  for (guint i = 0; i < phrases->len; i++)
    ring_size = MAX (ring_size, ((Phrase *)g_ptr_array_index (phrases, i))->words->len);
  if (ring_size == 0)
    return FALSE;

  ring = g_new0 (Word, ring_size);
  for (guint i = 0; i < ring_size; i++)
    ring[i].folded = g_string_new (NULL);

  while (!found)
    {
      Word *word = &ring[count % ring_size];

      if (!next_word (&cursor, word->folded, &word->start, &word->end))
        break;
      count++;

      /* Does a phrase end with this word? */
      for (guint i = 0; i < phrases->len && !found; i++)
        {
          Phrase *phrase = g_ptr_array_index (phrases, i);
          guint length = phrase->words->len;
          gboolean matches = length <= count;

          for (guint j = 0; j < length && matches; j++)
            {
              const char *wanted = g_ptr_array_index (phrase->words, j);
              const char *seen = ring[(count - length + j) % ring_size].folded->str;

              if (j == length - 1 && phrase->prefix)
                matches = g_str_has_prefix (seen, wanted);
              else
                matches = strcmp (seen, wanted) == 0;
            }

          if (matches)
            {
              *start = ring[(count - length) % ring_size].start;
              *end = word->end;
              found = TRUE;
            }
        }
    }

  for (guint i = 0; i < ring_size; i++)
    g_string_free (ring[i].folded, TRUE);

  return found;
}
