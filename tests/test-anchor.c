/* test-anchor.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "dossier-anchor.h"

/* Offsets are code points: "😀" counts 1 (it is 4 bytes and 2 UTF-16
 * units), "é" in NFC counts 1. This body is 55 code points, 87 bytes and
 * 58 UTF-16 units. */
static const char body[] =
  "Café — “Hola”, dijo. 日本語の文章 😀 “Hola” otra vez; 😀😀 Hola.";

/* Finds @quote's @occurrence, checks the offsets, and that the slice at
 * those offsets is the (normalised) quote. */
static void
assert_found (const char *text,
              const char *quote,
              guint       occurrence,
              guint       expected_count,
              guint       expected_start,
              guint       expected_end,
              const char *expected_slice)
{
  guint start = G_MAXUINT;
  guint end = G_MAXUINT;
  g_autofree char *slice = NULL;

  g_assert_cmpuint (dossier_anchor_find (text, quote, occurrence, &start, &end), ==, expected_count);
  g_assert_cmpuint (start, ==, expected_start);
  g_assert_cmpuint (end, ==, expected_end);

  slice = dossier_anchor_slice (text, start, end);
  g_assert_cmpstr (slice, ==, expected_slice);
}

static void
assert_not_found (const char *text,
                  const char *quote,
                  guint       occurrence,
                  guint       expected_count)
{
  guint start = G_MAXUINT;
  guint end = G_MAXUINT;

  g_assert_cmpuint (dossier_anchor_find (text, quote, occurrence, &start, &end), ==, expected_count);
  /* Left alone when the occurrence does not exist. */
  g_assert_cmpuint (start, ==, G_MAXUINT);
  g_assert_cmpuint (end, ==, G_MAXUINT);
}

static void
test_length (void)
{
  g_assert_cmpuint (dossier_anchor_length (""), ==, 0);
  g_assert_cmpuint (dossier_anchor_length ("abc"), ==, 3);
  g_assert_cmpuint (dossier_anchor_length ("é"), ==, 1);            /* NFC, 2 bytes */
  g_assert_cmpuint (dossier_anchor_length ("e\xcc\x81"), ==, 2);    /* NFD: e + U+0301 */
  g_assert_cmpuint (dossier_anchor_length ("😀"), ==, 1);           /* 4 bytes, 2 UTF-16 units */
  g_assert_cmpuint (dossier_anchor_length ("—“”"), ==, 3);
  g_assert_cmpuint (dossier_anchor_length ("日本語"), ==, 3);
  g_assert_cmpuint (dossier_anchor_length (body), ==, 55);
  g_assert_cmpuint (strlen (body), ==, 87);
}

static void
test_slice (void)
{
  char *s;

  s = dossier_anchor_slice ("a😀b", 1, 2);
  g_assert_cmpstr (s, ==, "😀");
  g_free (s);

  s = dossier_anchor_slice ("a😀b", 2, 3);
  g_assert_cmpstr (s, ==, "b");
  g_free (s);

  s = dossier_anchor_slice (body, 21, 24);
  g_assert_cmpstr (s, ==, "日本語");
  g_free (s);

  s = dossier_anchor_slice (body, 0, 55);
  g_assert_cmpstr (s, ==, body);
  g_free (s);

  /* Empty ranges are fine anywhere inside, including at the very end. */
  s = dossier_anchor_slice (body, 0, 0);
  g_assert_cmpstr (s, ==, "");
  g_free (s);

  s = dossier_anchor_slice (body, 55, 55);
  g_assert_cmpstr (s, ==, "");
  g_free (s);

  s = dossier_anchor_slice ("", 0, 0);
  g_assert_cmpstr (s, ==, "");
  g_free (s);

  /* Outside the text, or backwards. */
  g_assert_null (dossier_anchor_slice (body, 54, 56));
  g_assert_null (dossier_anchor_slice (body, 56, 56));
  g_assert_null (dossier_anchor_slice (body, 3, 2));
  g_assert_null (dossier_anchor_slice ("", 0, 1));
  g_assert_null (dossier_anchor_slice ("a😀b", 0, 4));
  g_assert_null (dossier_anchor_slice (body, 0, G_MAXUINT));
}

static void
test_find_multibyte (void)
{
  assert_found (body, "Café", 1, 1, 0, 4, "Café");
  assert_found (body, "—", 1, 1, 5, 6, "—");
  assert_found (body, "dijo", 1, 1, 15, 19, "dijo");
  assert_found (body, "日本語", 1, 1, 21, 24, "日本語");
  /* After three emoji, offsets still count each one as 1. */
  assert_found (body, "😀😀", 1, 1, 47, 49, "😀😀");
  assert_found (body, "😀😀 Hola.", 1, 1, 47, 55, "😀😀 Hola.");
  assert_found (body, "“Hola” otra", 1, 1, 30, 41, "“Hola” otra");
  assert_found (body, "é — “Hola”", 1, 1, 3, 13, "é — “Hola”");
}

static void
test_find_occurrences (void)
{
  assert_found (body, "Hola", 1, 3, 8, 12, "Hola");
  assert_found (body, "Hola", 2, 3, 31, 35, "Hola");
  assert_found (body, "Hola", 3, 3, 50, 54, "Hola");
  assert_not_found (body, "Hola", 4, 3);
  assert_not_found (body, "Hola", 0, 3);

  assert_found (body, "“Hola”", 1, 2, 7, 13, "“Hola”");
  assert_found (body, "“Hola”", 2, 2, 30, 36, "“Hola”");
  assert_not_found (body, "“Hola”", 3, 2);

  /* Start and end are optional. */
  g_assert_cmpuint (dossier_anchor_find (body, "Hola", 2, NULL, NULL), ==, 3);
}

static void
test_find_missing (void)
{
  assert_not_found (body, "Adiós", 1, 0);
  assert_not_found (body, "hola", 1, 0);              /* case matters */
  /* Quotes and dashes are not folded: they must match what the body holds. */
  assert_not_found (body, "\"Hola\"", 1, 0);
  assert_not_found (body, "Café - ", 1, 0);
  /* A suffix of the text that runs past its end. */
  assert_not_found (body, "Hola. And more", 1, 0);
}

static void
test_find_empty (void)
{
  assert_not_found (body, "", 1, 0);
  assert_not_found (body, "   ", 1, 0);
  assert_not_found (body, "\r\n", 1, 0);
  assert_not_found ("", "", 1, 0);
  assert_not_found ("", "a", 1, 0);
}

static void
test_find_overlapping (void)
{
  /* Every match start counts, overlapping ones included. */
  assert_found ("aaa", "aa", 1, 2, 0, 2, "aa");
  assert_found ("aaa", "aa", 2, 2, 1, 3, "aa");
  assert_not_found ("aaa", "aa", 3, 2);
  assert_found ("😀😀😀", "😀😀", 2, 2, 1, 3, "😀😀");
  assert_found ("abababa", "aba", 3, 3, 4, 7, "aba");
}

static void
test_find_normalised_quote (void)
{
  const char *text = "Mañana, el café.\nFirst line.\nSecond line.";

  /* NFD quote, NFC body. */
  assert_found (text, "cafe\xcc\x81", 1, 1, 11, 15, "café");
  assert_found (text, "Man\xcc\x83" "ana", 1, 1, 0, 6, "Mañana");

  /* Windows line endings in the quote, "\n" in the body. */
  assert_found (text, "line.\r\nSecond", 1, 1, 23, 35, "line.\nSecond");
  assert_found (text, "café.\r\nFirst line.\r\nSecond", 1, 1, 11, 35, "café.\nFirst line.\nSecond");

  /* White space around a quote is not part of it. */
  assert_found (text, "  el café \n", 1, 1, 8, 15, "el café");
}

static void
test_context (void)
{
  char *prefix = NULL;
  char *suffix = NULL;

  /* At the very start: no prefix at all. */
  dossier_anchor_context (body, 0, 4, &prefix, &suffix);
  g_assert_cmpstr (prefix, ==, "");
  g_assert_cmpstr (suffix, ==, " — “Hola”, dijo. 日本語の文章 😀 “Hola”");
  g_assert_cmpuint (dossier_anchor_length (suffix), ==, 32);
  g_clear_pointer (&prefix, g_free);
  g_clear_pointer (&suffix, g_free);

  /* At the very end: no suffix at all. */
  dossier_anchor_context (body, 50, 55, &prefix, &suffix);
  g_assert_cmpstr (prefix, ==, "o. 日本語の文章 😀 “Hola” otra vez; 😀😀 ");
  g_assert_cmpuint (dossier_anchor_length (prefix), ==, 32);
  g_assert_cmpstr (suffix, ==, "");
  g_clear_pointer (&prefix, g_free);
  g_clear_pointer (&suffix, g_free);

  /* Near both ends of a short text: both shorter than 32. */
  dossier_anchor_context ("a😀 “quote” é—日", 3, 10, &prefix, &suffix);
  g_assert_cmpstr (prefix, ==, "a😀 ");
  g_assert_cmpstr (suffix, ==, " é—日");
  g_clear_pointer (&prefix, g_free);
  g_clear_pointer (&suffix, g_free);

  /* An empty range still has context. */
  dossier_anchor_context ("a😀b", 2, 2, &prefix, &suffix);
  g_assert_cmpstr (prefix, ==, "a😀");
  g_assert_cmpstr (suffix, ==, "b");
  g_clear_pointer (&prefix, g_free);
  g_clear_pointer (&suffix, g_free);

  /* Either side can be skipped. */
  dossier_anchor_context (body, 21, 24, NULL, &suffix);
  g_assert_cmpstr (suffix, ==, "の文章 😀 “Hola” otra vez; 😀😀 Hola.");
  g_clear_pointer (&suffix, g_free);
  dossier_anchor_context (body, 21, 24, &prefix, NULL);
  g_assert_cmpstr (prefix, ==, "Café — “Hola”, dijo. ");
  g_clear_pointer (&prefix, g_free);

  /* Not inside the text: both set to NULL. */
  prefix = (char *)"untouched";
  suffix = (char *)"untouched";
  dossier_anchor_context (body, 50, 56, &prefix, &suffix);
  g_assert_null (prefix);
  g_assert_null (suffix);
  dossier_anchor_context (body, 5, 4, &prefix, &suffix);
  g_assert_null (prefix);
  g_assert_null (suffix);
}

static void
test_context_exactly_32 (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) expected_prefix = g_string_new (NULL);
  g_autoptr(GString) expected_suffix = g_string_new (NULL);
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  guint start, end;

  /* 40 code points of multi-byte text on each side: 4 code points, 12 bytes. */
  for (guint i = 0; i < 10; i++)
    g_string_append (text, "é😀日—");
  g_string_append (text, "“the quote”");
  for (guint i = 0; i < 10; i++)
    g_string_append (text, "”—日😀");

  for (guint i = 0; i < 8; i++)
    {
      g_string_append (expected_prefix, "é😀日—");
      g_string_append (expected_suffix, "”—日😀");
    }

  g_assert_cmpuint (dossier_anchor_find (text->str, "“the quote”", 1, &start, &end), ==, 1);
  g_assert_cmpuint (start, ==, 40);
  g_assert_cmpuint (end, ==, 51);
  g_assert_cmpuint (dossier_anchor_length (text->str), ==, 91);

  dossier_anchor_context (text->str, start, end, &prefix, &suffix);
  g_assert_cmpuint (dossier_anchor_length (prefix), ==, DOSSIER_ANCHOR_CONTEXT);
  g_assert_cmpuint (dossier_anchor_length (suffix), ==, DOSSIER_ANCHOR_CONTEXT);
  g_assert_cmpstr (prefix, ==, expected_prefix->str);
  g_assert_cmpstr (suffix, ==, expected_suffix->str);
  g_clear_pointer (&prefix, g_free);
  g_clear_pointer (&suffix, g_free);

  /* The boundary: exactly 32 before and 32 after. */
  {
    const char *exact =
      "0123456789abcdefghijklmnopqrstu😀" "QUOTE" "😀0123456789abcdefghijklmnopqrstu";

    g_assert_cmpuint (dossier_anchor_find (exact, "QUOTE", 1, &start, &end), ==, 1);
    g_assert_cmpuint (start, ==, 32);
    g_assert_cmpuint (end, ==, 37);
    dossier_anchor_context (exact, start, end, &prefix, &suffix);
    g_assert_cmpstr (prefix, ==, "0123456789abcdefghijklmnopqrstu😀");
    g_assert_cmpstr (suffix, ==, "😀0123456789abcdefghijklmnopqrstu");
  }
}

/* A 1 MB body with 1,000 matches. Everything here is a single pass over
 * the body; quadratic code would take minutes, not milliseconds. */
static void
test_large_body (void)
{
  static const char filler[] = "Filler — “text” with é, 日本語 and 😀 in it. ";
  g_autoptr(GString) text = g_string_new (NULL);
  guint filler_length = dossier_anchor_length (filler);
  guint chunk_length;
  guint reps = 0;
  guint start = 0, end = 0;
  g_autofree char *slice = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  /* Each chunk: just over 1 kB of filler, then the needle. */
  while (reps * (sizeof filler - 1) < 1000)
    reps++;
  chunk_length = reps * filler_length + dossier_anchor_length ("NEEDLE😀");

  for (guint i = 0; i < 1000; i++)
    {
      for (guint r = 0; r < reps; r++)
        g_string_append (text, filler);
      g_string_append (text, "NEEDLE😀");
    }
  g_assert_cmpuint (text->len, >=, 1000 * 1000);
  g_assert_cmpuint (dossier_anchor_length (text->str), ==, 1000 * chunk_length);

  g_assert_cmpuint (dossier_anchor_find (text->str, "NEEDLE😀", 1, &start, &end), ==, 1000);
  g_assert_cmpuint (start, ==, reps * filler_length);
  g_assert_cmpuint (end, ==, chunk_length);

  g_assert_cmpuint (dossier_anchor_find (text->str, "NEEDLE😀", 500, &start, &end), ==, 1000);
  g_assert_cmpuint (start, ==, 499 * chunk_length + reps * filler_length);

  g_assert_cmpuint (dossier_anchor_find (text->str, "NEEDLE😀", 1000, &start, &end), ==, 1000);
  g_assert_cmpuint (start, ==, 999 * chunk_length + reps * filler_length);
  g_assert_cmpuint (end, ==, 1000 * chunk_length);

  slice = dossier_anchor_slice (text->str, start, end);
  g_assert_cmpstr (slice, ==, "NEEDLE😀");

  dossier_anchor_context (text->str, start, end, &prefix, &suffix);
  g_assert_cmpuint (dossier_anchor_length (prefix), ==, DOSSIER_ANCHOR_CONTEXT);
  g_assert_cmpstr (suffix, ==, "");

  start = end = G_MAXUINT;
  g_assert_cmpuint (dossier_anchor_find (text->str, "NEEDLE😀", 1001, &start, &end), ==, 1000);
  g_assert_cmpuint (start, ==, G_MAXUINT);

  /* Every occurrence, as a caller that anchors 1,000 claims would:
   * slices and contexts each walk the body once. */
  for (guint i = 0; i < 1000; i += 37)
    {
      guint s = i * chunk_length + reps * filler_length;
      g_autofree char *q = dossier_anchor_slice (text->str, s, s + 7);

      g_assert_cmpstr (q, ==, "NEEDLE😀");
    }
}

/* Texts that make naive search quadratic: 1 MB of "a" against a 1,000
 * character quote, matching everywhere (overlapping) and nowhere. */
static void
test_pathological (void)
{
  gsize n = 1000 * 1000;
  g_autofree char *text = g_malloc (n + 1);
  g_autofree char *quote = g_malloc (1000 + 2);
  guint start, end;

  memset (text, 'a', n);
  text[n] = '\0';
  memset (quote, 'a', 1000);
  quote[1000] = '\0';

  g_assert_cmpuint (dossier_anchor_find (text, quote, (guint) (n - 1000 + 1), &start, &end), ==, n - 1000 + 1);
  g_assert_cmpuint (start, ==, n - 1000);
  g_assert_cmpuint (end, ==, n);

  quote[1000] = 'b';
  quote[1001] = '\0';
  g_assert_cmpuint (dossier_anchor_find (text, quote, 1, NULL, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/anchor/length", test_length);
  g_test_add_func ("/anchor/slice", test_slice);
  g_test_add_func ("/anchor/find/multibyte", test_find_multibyte);
  g_test_add_func ("/anchor/find/occurrences", test_find_occurrences);
  g_test_add_func ("/anchor/find/missing", test_find_missing);
  g_test_add_func ("/anchor/find/empty", test_find_empty);
  g_test_add_func ("/anchor/find/overlapping", test_find_overlapping);
  g_test_add_func ("/anchor/find/normalised-quote", test_find_normalised_quote);
  g_test_add_func ("/anchor/context", test_context);
  g_test_add_func ("/anchor/context/exactly-32", test_context_exactly_32);
  g_test_add_func ("/anchor/large-body", test_large_body);
  g_test_add_func ("/anchor/pathological", test_pathological);

  return g_test_run ();
}
