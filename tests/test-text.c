/* test-text.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "dossier-text.h"

/* Writes @data to a real file in a fresh folder and decodes what is read
 * back, as import does. */
static char *
decode_via_file (const char  *data,
                 gsize        length,
                 char       **encoding,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-text-XXXXXX", &local_error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize read_length;
  char *text;

  g_assert_no_error (local_error);
  path = g_build_filename (dir, "input.txt", NULL);
  g_file_set_contents (path, data, length, &local_error);
  g_assert_no_error (local_error);

  g_file_get_contents (path, &contents, &read_length, &local_error);
  g_assert_no_error (local_error);
  g_assert_cmpuint (read_length, ==, length);

  text = dossier_text_decode ((const guint8 *) contents, read_length, encoding, error);

  g_unlink (path);
  g_rmdir (dir);

  return text;
}

/* @utf8 converted to @charset, with @bom before it. */
static GBytes *
encode (const char *utf8,
        const char *charset,
        const char *bom,
        gsize       bom_length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  GByteArray *bytes = g_byte_array_new ();
  gsize written;

  converted = g_convert (utf8, -1, charset, "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);

  g_byte_array_append (bytes, (const guint8 *) bom, bom_length);
  g_byte_array_append (bytes, (const guint8 *) converted, written);

  return g_byte_array_free_to_bytes (bytes);
}

static void
assert_decodes (GBytes     *bytes,
                const char *expected,
                const char *expected_encoding)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  text = decode_via_file (data, length, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (encoding, ==, expected_encoding);
}

static void
assert_fails (const char *data,
              gsize       length,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;

  text = decode_via_file (data, length, &encoding, &error);
  g_assert_error (error, DOSSIER_TEXT_ERROR, code);
  g_assert_null (text);
  g_assert_null (encoding);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_decode_utf8 (void)
{
  const char *text = "Grüße aus Zürich — “quoted” 𝄞\n";
  g_autoptr(GBytes) plain = g_bytes_new_static (text, strlen (text));
  g_autoptr(GBytes) bom = encode (text, "UTF-8", "\xEF\xBB\xBF", 3);

  assert_decodes (plain, text, "UTF-8");
  assert_decodes (bom, text, "UTF-8");
}

static void
test_decode_utf8_bom_invalid (void)
{
  static const char data[] = "\xEF\xBB\xBF" "caf\xE9 ok";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);

  /* The BOM says UTF-8: a broken byte becomes U+FFFD, nothing else. */
  assert_decodes (bytes, "caf\xEF\xBF\xBD ok", "UTF-8");
}

static void
test_decode_utf16 (void)
{
  const char *text = "Grüße “quoted” — 𝄞 done\r\nsecond line";
  g_autoptr(GBytes) le = encode (text, "UTF-16LE", "\xFF\xFE", 2);
  g_autoptr(GBytes) be = encode (text, "UTF-16BE", "\xFE\xFF", 2);

  assert_decodes (le, text, "UTF-16LE");
  assert_decodes (be, text, "UTF-16BE");
}

static void
test_decode_utf16_broken (void)
{
  /* A lone high surrogate, then "a", then half a code unit. */
  static const char data[] = "\xFF\xFE" "\x3D\xD8" "a\x00" "b";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);

  assert_decodes (bytes, "\xEF\xBF\xBD" "a" "\xEF\xBF\xBD", "UTF-16LE");
}

static void
test_decode_utf16_nul (void)
{
  static const char data[] = "\xFF\xFE" "a\x00\x00\x00" "b\x00";

  assert_fails (data, sizeof data - 1, DOSSIER_TEXT_ERROR_BINARY);
}

static void
test_decode_utf32 (void)
{
  const char *text = "Ünïcödé 𝄞";
  g_autoptr(GBytes) le = encode (text, "UTF-32LE", "\xFF\xFE\x00\x00", 4);

  assert_decodes (le, text, "UTF-32LE");
}

static void
test_decode_windows_1252 (void)
{
  static const char short_text[] = "He said \x93no\x94 to the caf\xE9 \x96 twice\x85";
  static const char long_text[] =
    "The minister\x92s visit to M\xE9xico came days after the strike. \x93We will not "
    "accept that,\x94 said Se\xF1ora Pe\xF1" "a, adding that the government \x96 which "
    "had pressed for cooperation \x96 would respond. Officials in Bogot\xE1 and "
    "Bras\xEDlia were cautious\x85 The na\xEFve r\xE9sum\xE9 of the caf\xE9 owner "
    "cost \x80" "5, and the \x91quote\x92 was cited in Z\xFCrich and K\xF6ln.\n";
  g_autoptr(GBytes) short_bytes = g_bytes_new_static (short_text, sizeof short_text - 1);
  g_autoptr(GBytes) long_bytes = g_bytes_new_static (long_text, sizeof long_text - 1);

  assert_decodes (short_bytes, "He said “no” to the café – twice…", "WINDOWS-1252");
  assert_decodes (long_bytes,
                  "The minister’s visit to México came days after the strike. “We will not "
                  "accept that,” said Señora Peña, adding that the government – which "
                  "had pressed for cooperation – would respond. Officials in Bogotá and "
                  "Brasília were cautious… The naïve résumé of the café owner "
                  "cost €5, and the ‘quote’ was cited in Zürich and Köln.\n",
                  "WINDOWS-1252");
}

static void
test_decode_latin1_label (void)
{
  g_autoptr(GBytes) bytes = encode ("Le ministre a déclaré que la coopération était « essentielle » "
                                    "et que les négociations reprendraient à Genève après l'été. "
                                    "Ça n'a pas plu à tout le monde : les élus de l'opposition ont "
                                    "dénoncé une décision prise à huis clos.",
                                    "ISO-8859-1", "", 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  text = decode_via_file (data, length, &encoding, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "Le ministre a déclaré que la coopération"));
  g_assert_true (g_str_has_suffix (text, "dénoncé une décision prise à huis clos."));
}

static void
test_decode_cyrillic (void)
{
  const char *text = "Министр иностранных дел заявил, что переговоры продолжатся на "
                     "следующей неделе в Женеве, а делегации обсудят безопасность границ.";
  g_autoptr(GBytes) bytes = encode (text, "WINDOWS-1251", "", 0);

  /* Enough text for uchardet to be sure. */
  assert_decodes (bytes, text, "WINDOWS-1251");
}

static void
test_decode_invalid_utf8 (void)
{
  /* Broken UTF-8 that uchardet may still call UTF-8: Windows-1252. */
  static const char truncated[] = "Price: 5 \x80 \xC3 and \xE2\x80 done";
  static const char mixed[] = "Fa\xC3\xA7" "ade and fa\xE7" "ade";
  g_autoptr(GBytes) truncated_bytes = g_bytes_new_static (truncated, sizeof truncated - 1);
  g_autoptr(GBytes) mixed_bytes = g_bytes_new_static (mixed, sizeof mixed - 1);

  assert_decodes (truncated_bytes, "Price: 5 € Ã and â€ done", "WINDOWS-1252");
  assert_decodes (mixed_bytes, "FaÃ§ade and façade", "WINDOWS-1252");
}

static void
test_decode_nul (void)
{
  static const char data[] = "plain text\0with a NUL";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  assert_fails (data, sizeof data - 1, DOSSIER_TEXT_ERROR_BINARY);

  text = dossier_text_decode ((const guint8 *) data, sizeof data - 1, NULL, &error);
  g_assert_error (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==, "contains NUL bytes: not a text file");

  /* UTF-16 without a BOM is not guessed. */
  assert_fails ("a\0b\0c\0", 6, DOSSIER_TEXT_ERROR_BINARY);
  /* A UTF-8 BOM does not excuse NUL bytes. */
  assert_fails ("\xEF\xBB\xBF" "a\0b", 6, DOSSIER_TEXT_ERROR_BINARY);
}

static void
test_decode_garbage (void)
{
  static const char controls[] = "\x01\x02\x03\x04 text \x05\x06\x07\x08\x0E\x0F";
  static const char undefined[] = "\x81\x8D\x8F\x90\x9D\x81\x8D\x8F\x90\x9D abc";

  assert_fails (controls, sizeof controls - 1, DOSSIER_TEXT_ERROR_BINARY);
  assert_fails (undefined, sizeof undefined - 1, DOSSIER_TEXT_ERROR_ENCODING);
}

static void
test_decode_empty (void)
{
  assert_fails ("", 0, DOSSIER_TEXT_ERROR_EMPTY);
  assert_fails ("\xEF\xBB\xBF", 3, DOSSIER_TEXT_ERROR_EMPTY);
  assert_fails ("  \n\t \r\n  ", 9, DOSSIER_TEXT_ERROR_EMPTY);
  assert_fails ("\xFF\xFE \x00\n\x00", 6, DOSSIER_TEXT_ERROR_EMPTY);
  /* No-break spaces only */
  assert_fails ("\xC2\xA0\xC2\xA0\n", 5, DOSSIER_TEXT_ERROR_EMPTY);
}

static void
assert_normalizes (const char *input,
                   const char *expected)
{
  g_autofree char *once = dossier_text_normalize (input);
  g_autofree char *twice = dossier_text_normalize (once);

  g_assert_cmpstr (once, ==, expected);
  g_assert_cmpstr (twice, ==, once);
}

static void
test_normalize_newlines (void)
{
  assert_normalizes ("a\r\nb\rc\nd\xE2\x80\xA8" "e\xE2\x80\xA9" "f", "a\nb\nc\nd\ne\nf");
  assert_normalizes ("one\r\n\r\n\r\ntwo\r\r\rthree", "one\n\ntwo\n\nthree");
  assert_normalizes ("CR only\rline\r", "CR only\nline");
}

static void
test_normalize_nfc (void)
{
  /* e + COMBINING ACUTE → é; Hangul jamo → one syllable; Å via ring. */
  assert_normalizes ("Cafe\xCC\x81", "Caf\xC3\xA9");
  assert_normalizes ("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", "\xEA\xB0\x81");
  assert_normalizes ("A\xCC\x8A ngstr\xC3\xB6m", "\xC3\x85 ngstr\xC3\xB6m");
  /* Canonical order of marks: below (220) before above (230). */
  assert_normalizes ("q\xCC\x81\xCC\xA3", "q\xCC\xA3\xCC\x81");
  /* Singletons: ANGSTROM SIGN → Å */
  assert_normalizes ("\xE2\x84\xAB", "\xC3\x85");
}

static void
test_normalize_controls (void)
{
  assert_normalizes ("a\x01" "b\x7F" "c\xC2\x85" "d\te\x0C" "f", "abcd\tef");
  assert_normalizes ("mid\xEF\xBB\xBF" "dle", "middle");
  assert_normalizes ("\xEF\xBB\xBF" "start", "start");
}

static void
test_normalize_whitespace (void)
{
  assert_normalizes ("  \n\n  Title  \n\n\n\n  indented body \t\n \n\t\nend  \n\n ",
                     "Title\n\n  indented body\n\nend");
  assert_normalizes ("no\xC2\xA0\nbreak\xC2\xA0space", "no\nbreak\xC2\xA0space");
  assert_normalizes ("", "");
  assert_normalizes (" \n\t\n ", "");
  assert_normalizes ("a\n \nb", "a\n\nb");
}

static void
test_normalize_invalid (void)
{
  g_autofree char *text = dossier_text_normalize ("ok \xFF\xFE end");

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, ==, "ok \xEF\xBF\xBD\xEF\xBF\xBD end");
}

static void
test_normalize_long_marks (void)
{
  GString *input = g_string_new ("q");
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  guint i;

  /* 100 alternating marks: the stream-safe limit breaks them up. */
  for (i = 0; i < 100; i++)
    g_string_append (input, i % 2 ? "\xCC\x96" : "\xCC\x81");

  once = dossier_text_normalize (input->str);
  twice = dossier_text_normalize (once);
  g_assert_cmpstr (once, ==, twice);
  g_assert_nonnull (strstr (once, "\xCD\x8F"));  /* U+034F */
  g_assert_true (g_str_has_prefix (once, "q"));

  g_string_free (input, TRUE);
}

/* Runs of combining marks are counted from the last starter kept, ASCII
 * included: "q" + 25 marks + "x" + 10 marks has no run over 30 and needs
 * no U+034F; a line separator becomes "\n", a starter, in both passes.
 * Found by fuzzing (fuzz/corpus/import/crash-normalize-not-idempotent):
 * ASCII did not end a run, so the second pass cut differently. */
static void
test_normalize_marks_after_ascii (void)
{
  static const char * const separators[] = { "x", "\n", "\xE2\x80\xA8", "\r\n", "\t" };
  g_autofree char *crash = NULL;
  g_autofree char *crash_once = NULL;
  g_autofree char *crash_twice = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      GString *input = g_string_new ("q");
      g_autofree char *once = NULL;
      g_autofree char *twice = NULL;

      for (guint i = 0; i < 25; i++)
        g_string_append (input, "\xCC\x81");
      g_string_append (input, separators[s]);
      g_string_append (input, "y");
      for (guint i = 0; i < 10; i++)
        g_string_append (input, "\xCC\x81");

      once = dossier_text_normalize (input->str);
      twice = dossier_text_normalize (once);
      g_assert_null (strstr (once, "\xCD\x8F"));  /* no U+034F needed */
      g_assert_cmpstr (once, ==, twice);

      g_string_free (input, TRUE);
    }

  /* A dropped control character joins the runs around it: 20 + 20 marks
   * are one run of 40, broken once, in both passes. */
  {
    GString *input = g_string_new ("q");
    g_autofree char *once = NULL;
    g_autofree char *twice = NULL;

    for (guint i = 0; i < 40; i++)
      g_string_append (input, i == 20 ? "\x07\xCC\x81" : "\xCC\x81");

    once = dossier_text_normalize (input->str);
    twice = dossier_text_normalize (once);
    g_assert_nonnull (strstr (once, "\xCD\x8F"));
    g_assert_cmpstr (once, ==, twice);

    g_string_free (input, TRUE);
  }

  /* The input the fuzzer found, less its format byte. */
  path = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "corpus", "import",
                                "crash-normalize-not-idempotent", NULL);
  g_file_get_contents (path, &crash, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crash[0], ==, 't');
  crash_once = dossier_text_normalize (crash + 1);
  crash_twice = dossier_text_normalize (crash_once);
  g_assert_cmpstr (crash_once, ==, crash_twice);
}

/* Random strings from an alphabet of troublemakers. */
static void
test_normalize_idempotent (void)
{
  static const char * const pieces[] = {
    "a", "e", "Z", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\xC2\xA0",
    "\xCC\x81", "\xCC\x96", "\xCC\xA3", "\xCC\x88", "\xCD\x8F", "\xC3\xA9",
    "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8", "\xEA\xB0\x80",
    "\xE0\xAD\x87", "\xE0\xAC\xBE", "\xE0\xBD\xB3", "\xCD\x84", "\x01",
    "\xC2\x85", "\xE2\x80\xA8", "\xEF\xBB\xBF", "\xE2\x84\xAB", "\xE3\x80\x80",
    "\xF0\x9D\x84\x9E", "\xE2\x80\x9C", ".",
  };
  GRand *rand = g_rand_new_with_seed (20260101);
  guint round;

  for (round = 0; round < 3000; round++)
    {
      GString *input = g_string_new (NULL);
      g_autofree char *once = NULL;
      g_autofree char *twice = NULL;
      g_autofree char *nfc = NULL;
      guint n = g_rand_int_range (rand, 0, 60);
      guint i;

      for (i = 0; i < n; i++)
        g_string_append (input, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      once = dossier_text_normalize (input->str);
      twice = dossier_text_normalize (once);
      nfc = g_utf8_normalize (once, -1, G_NORMALIZE_NFC);

      g_assert_true (g_utf8_validate (once, -1, NULL));
      g_assert_cmpstr (once, ==, twice);
      g_assert_cmpstr (once, ==, nfc);
      g_assert_null (strchr (once, '\r'));
      g_assert_null (strstr (once, "\n\n\n"));

      g_string_free (input, TRUE);
    }

  g_rand_free (rand);
}

/* Composition is done in pieces: bodies with long runs cut across many
 * pieces must still be one correct NFC text. */
static void
test_normalize_matches_glib (void)
{
  GString *input = g_string_new (NULL);
  g_autofree char *ours = NULL;
  g_autofree char *reference = NULL;
  guint i;

  for (i = 0; i < 3000; i++)
    g_string_append (input, i % 7 == 0 ? "Cafe\xCC\x81 " : i % 5 == 0 ? "\xE1\x84\x80\xE1\x85\xA1" : "o\xCC\x88\xCC\xA3");

  ours = dossier_text_normalize (input->str);
  reference = g_utf8_normalize (input->str, -1, G_NORMALIZE_NFC);
  g_strchomp (reference);
  g_assert_cmpstr (ours, ==, reference);

  g_string_free (input, TRUE);
}

/* The fast path copies pieces it judges stable without g_utf8_normalize().
 * Every assigned code point below U+30000, alone, doubled and before a
 * combining mark: the output must be NFC (equal to GLib's NFC of it). */
static void
test_normalize_every_code_point (void)
{
  g_autofree char *padding = g_strnfill (300, 'x');
  guint checked = 0;

  for (gunichar c = 0x80; c < 0x30000; c++)
    {
      char utf8[8] = { 0 };
      g_autofree char *input = NULL;
      g_autofree char *ours = NULL;
      g_autofree char *nfc = NULL;

      if (!g_unichar_validate (c) || g_unichar_type (c) == G_UNICODE_UNASSIGNED)
        continue;

      g_unichar_to_utf8 (c, utf8);
      /* The pieces are cut at about 256 bytes: c alone and c beside
       * itself in one, c before a combining mark in another. */
      input = g_strconcat (padding, " ", utf8, " ", utf8, utf8, "b ", padding,
                           "a", utf8, "\xCC\x81 ", padding, NULL);
      ours = dossier_text_normalize (input);
      nfc = g_utf8_normalize (ours, -1, G_NORMALIZE_NFC);
      if (g_strcmp0 (ours, nfc) != 0)
        g_error ("U+%04X: the normalized text is not NFC", c);
      checked++;
    }

  g_test_message ("%u code points checked", checked);
}

static void
time_normalize (const char *unit,
                gsize       size)
{
  GString *input = g_string_sized_new (size + 16);
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *escaped = g_strescape (unit, NULL);
  gint64 start;
  double seconds;

  while (input->len < size)
    g_string_append (input, unit);

  start = g_get_monotonic_time ();
  once = dossier_text_normalize (input->str);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_test_message ("normalize: 1 MB of \"%s\" in %.3f s", escaped, seconds);
  /* Linear time does this in well under 0.1 s; quadratic took minutes.
   * The bound is loose for valgrind and sanitizers. */
  g_assert_cmpfloat (seconds, <, 20.0);

  twice = dossier_text_normalize (once);
  g_assert_cmpstr (once, ==, twice);
  g_assert_null (strchr (once, '\n'));

  g_string_free (input, TRUE);
}

static void
test_normalize_large (void)
{
  time_normalize ("A quick sentence, with words and \xE2\x80\x9Cquotes\xE2\x80\x9D. ", 1024 * 1024);
  time_normalize ("e\xCC\x81", 1024 * 1024);                    /* decomposed French */
  time_normalize ("\xD0\xB5\xCC\x88", 1024 * 1024);             /* decomposed Cyrillic, no ASCII */
  time_normalize ("\xE1\x84\x80\xE1\x85\xA1", 1024 * 1024);     /* Hangul jamo */
  time_normalize ("\xCC\x81\xCC\x96", 1024 * 1024);             /* marks only */
}

static void
test_squeeze (void)
{
  g_autofree char *a = dossier_text_squeeze ("  Title\n  with\tbreaks\r\n  and  Cafe\xCC\x81 ");
  g_autofree char *b = dossier_text_squeeze (" \n\t ");

  g_assert_cmpstr (a, ==, "Title with breaks and Caf\xC3\xA9");
  g_assert_null (b);
  g_assert_null (dossier_text_squeeze (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/text/decode/utf8", test_decode_utf8);
  g_test_add_func ("/text/decode/utf8-bom-invalid", test_decode_utf8_bom_invalid);
  g_test_add_func ("/text/decode/utf16", test_decode_utf16);
  g_test_add_func ("/text/decode/utf16-broken", test_decode_utf16_broken);
  g_test_add_func ("/text/decode/utf16-nul", test_decode_utf16_nul);
  g_test_add_func ("/text/decode/utf32", test_decode_utf32);
  g_test_add_func ("/text/decode/windows-1252", test_decode_windows_1252);
  g_test_add_func ("/text/decode/latin1", test_decode_latin1_label);
  g_test_add_func ("/text/decode/cyrillic", test_decode_cyrillic);
  g_test_add_func ("/text/decode/invalid-utf8", test_decode_invalid_utf8);
  g_test_add_func ("/text/decode/nul", test_decode_nul);
  g_test_add_func ("/text/decode/garbage", test_decode_garbage);
  g_test_add_func ("/text/decode/empty", test_decode_empty);
  g_test_add_func ("/text/normalize/newlines", test_normalize_newlines);
  g_test_add_func ("/text/normalize/nfc", test_normalize_nfc);
  g_test_add_func ("/text/normalize/controls", test_normalize_controls);
  g_test_add_func ("/text/normalize/whitespace", test_normalize_whitespace);
  g_test_add_func ("/text/normalize/invalid", test_normalize_invalid);
  g_test_add_func ("/text/normalize/long-marks", test_normalize_long_marks);
  g_test_add_func ("/text/normalize/marks-after-ascii", test_normalize_marks_after_ascii);
  g_test_add_func ("/text/normalize/idempotent", test_normalize_idempotent);
  g_test_add_func ("/text/normalize/matches-glib", test_normalize_matches_glib);
  g_test_add_func ("/text/normalize/every-code-point", test_normalize_every_code_point);
  g_test_add_func ("/text/normalize/large", test_normalize_large);
  g_test_add_func ("/text/squeeze", test_squeeze);

  return g_test_run ();
}
