/* dossier-anchor.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Offsets here are Unicode code points (DESIGN.md §3), never bytes and never
 * UTF-16 units: "😀" is one code point, four bytes, two UTF-16 units.
 *
 * A code point is counted as a UTF-8 lead byte: every byte that is not a
 * continuation byte (10xxxxxx) starts one. On valid UTF-8 (which every
 * normalised body is) that is exactly what g_utf8_strlen() counts, and
 * walking this way never reads past the terminating NUL even when the input
 * is malformed, which g_utf8_offset_to_pointer() does not promise.
 *
 * Bodies can be a megabyte with a thousand claims, so everything here is one
 * forward pass: nothing converts a byte offset to a code point offset by
 * starting again from the beginning of the body. */

#include <string.h>

#include "dossier-anchor.h"
#include "dossier-text.h"

#define IS_LEAD_BYTE(c) ((((guchar)(c)) & 0xc0) != 0x80)

/* Steps over up to @n code points from @p. Returns where it stopped and
 * stores in @n_done how many it stepped over (fewer than @n only when the
 * string ended). */
static const char *
utf8_advance (const char *p,
              guint       n,
              guint      *n_done)
{
  guint done = 0;

  while (done < n && *p != '\0')
    {
      p++;
      while (!IS_LEAD_BYTE (*p))  /* NUL is a lead byte, so this stops there */
        p++;
      done++;
    }

  if (n_done != NULL)
    *n_done = done;

  return p;
}

/* Steps over exactly @n code points, or returns NULL if the string ends
 * first. Ending exactly at the NUL is fine: that is the offset "length". */
static const char *
utf8_advance_exact (const char *p,
                    guint       n)
{
  guint done;

  p = utf8_advance (p, n, &done);

  return done == n ? p : NULL;
}

/**
 * dossier_anchor_length:
 * @text: UTF-8 text
 *
 * Returns: the number of Unicode code points in @text.
 */
guint
dossier_anchor_length (const char *text)
{
  guint length = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (IS_LEAD_BYTE (*p))
        length++;
    }

  return length;
}

/**
 * dossier_anchor_slice:
 * @text: UTF-8 text
 * @start: first code point
 * @end: code point after the last one
 *
 * Returns: (transfer full) (nullable): the text of [@start, @end), "" when
 *   @start == @end, or %NULL when @start > @end or @end is past the end of
 *   @text (an offset equal to the length is inside).
 */
char *
dossier_anchor_slice (const char *text,
                      guint       start,
                      guint       end)
{
  const char *begin;
  const char *finish;

  g_return_val_if_fail (text != NULL, NULL);

  if (start > end)
    return NULL;

  if (!(begin = utf8_advance_exact (text, start)) ||
      !(finish = utf8_advance_exact (begin, end - start)))
    return NULL;

  return g_strndup (begin, finish - begin);
}

/**
 * dossier_anchor_find:
 * @body: a normalised document body
 * @quote: the text to look for; normalised here with dossier_text_normalize()
 * @occurrence: which match to report, counting from 1; 0 only counts
 * @start: (out) (optional): code point where that match starts
 * @end: (out) (optional): code point after that match ends
 *
 * Every position where the quote starts counts as a match, overlapping ones
 * included: "aa" occurs twice in "aaa" (at 0 and at 1), so occurrence 2 is
 * [1, 3). A quote that normalises to the empty string matches nothing.
 *
 * The search is Knuth–Morris–Pratt over the UTF-8 bytes, which is linear in
 * the length of the body plus the quote even when matches overlap or the
 * text is pathological ("aaaa…" against "aaa…b"). A UTF-8 needle can only
 * match at a character boundary of a valid UTF-8 haystack, so byte matches
 * are character matches; the code point offset is counted as the scan goes.
 *
 * Returns: how many matches there are in all (0 if none). @start and @end
 *   are only set when the requested occurrence exists.
 */
guint
dossier_anchor_find (const char *body,
                     const char *quote,
                     guint       occurrence,
                     guint      *start,
                     guint      *end)
{
  g_autofree char *needle = NULL;
  g_autofree gsize *failure = NULL;
  gsize needle_bytes;
  guint needle_length;
  guint offset = 0;  /* code points in body up to and including *p */
  guint count = 0;
  gsize k = 0;       /* bytes of needle matched so far */

  g_return_val_if_fail (body != NULL, 0);
  g_return_val_if_fail (quote != NULL, 0);

  needle = dossier_text_normalize (quote);
  if (needle == NULL || needle[0] == '\0')
    return 0;

  needle_bytes = strlen (needle);
  needle_length = dossier_anchor_length (needle);

  /* failure[i]: length of the longest proper prefix of needle[0..i] that
   * is also a suffix of it. */
  failure = g_new (gsize, needle_bytes);
  failure[0] = 0;
  for (gsize i = 1, j = 0; i < needle_bytes; i++)
    {
      while (j > 0 && needle[i] != needle[j])
        j = failure[j - 1];
      if (needle[i] == needle[j])
        j++;
      failure[i] = j;
    }

  for (const char *p = body; *p != '\0'; p++)
    {
      if (IS_LEAD_BYTE (*p))
        offset++;

      while (k > 0 && *p != needle[k])
        k = failure[k - 1];

      if (*p == needle[k])
        k++;

      if (k == needle_bytes)
        {
          /* The match ends on a whole character, so offset is its end. */
          count++;

          if (count == occurrence)
            {
              if (start != NULL)
                *start = offset - needle_length;
              if (end != NULL)
                *end = offset;
            }

          k = failure[k - 1];
        }
    }

  return count;
}

/**
 * dossier_anchor_context:
 * @body: a normalised document body
 * @start: first code point of the quote
 * @end: code point after the quote
 * @prefix: (out) (optional) (transfer full): up to %DOSSIER_ANCHOR_CONTEXT
 *   code points ending at @start
 * @suffix: (out) (optional) (transfer full): up to %DOSSIER_ANCHOR_CONTEXT
 *   code points starting at @end
 *
 * Near the start or end of @body the prefix or suffix is shorter, down to
 * "". When [@start, @end) is not inside @body (as dossier_anchor_slice()
 * would return %NULL), both are set to %NULL.
 */
void
dossier_anchor_context (const char  *body,
                        guint        start,
                        guint        end,
                        char       **prefix,
                        char       **suffix)
{
  const char *prefix_begin;
  const char *quote_begin;
  const char *quote_end;
  const char *suffix_end;
  guint prefix_start;

  if (prefix != NULL)
    *prefix = NULL;
  if (suffix != NULL)
    *suffix = NULL;

  g_return_if_fail (body != NULL);

  if (start > end)
    return;

  prefix_start = start > DOSSIER_ANCHOR_CONTEXT ? start - DOSSIER_ANCHOR_CONTEXT : 0;

  if (!(prefix_begin = utf8_advance_exact (body, prefix_start)) ||
      !(quote_begin = utf8_advance_exact (prefix_begin, start - prefix_start)) ||
      !(quote_end = utf8_advance_exact (quote_begin, end - start)))
    return;

  suffix_end = utf8_advance (quote_end, DOSSIER_ANCHOR_CONTEXT, NULL);

  if (prefix != NULL)
    *prefix = g_strndup (prefix_begin, quote_begin - prefix_begin);
  if (suffix != NULL)
    *suffix = g_strndup (quote_end, suffix_end - quote_end);
}
