/* dossier-text.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <uchardet.h>

#include "dossier-text.h"

G_DEFINE_QUARK (dossier-text-error-quark, dossier_text_error)

/* uchardet reads at most this much; it has made up its mind long before. */
#define DETECT_MAX_BYTES (256 * 1024)

/* Below this many bytes >= 0x80, uchardet's guesses among single-byte
 * code pages are noise (it calls three curly quotes WINDOWS-1250), and
 * Windows-1252 is the better bet for what users import. */
#define DETECT_MIN_HIGH_BYTES 16

/* Unicode "Stream-Safe Text Format" (UAX #15): at most this many
 * non-starters in a row; a COMBINING GRAPHEME JOINER breaks longer runs. */
#define STREAM_SAFE_MAX_NONSTARTERS 30
#define CGJ 0x034F

/* g_utf8_normalize() is quadratic in the number of compositions it makes,
 * so the text is composed in pieces of about this many bytes, cut only
 * where composition cannot cross. */
#define NFC_CHUNK_BYTES 256

/* Windows-1252 0x80–0x9F. The five undefined bytes map to the C1 controls
 * of the same value, as the WHATWG Encoding Standard does. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static inline gboolean
cp1252_undefined (guint8 b)
{
  return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
}

/* C0 controls that never occur in text files, plus DEL. Tab, newline,
 * vertical tab, form feed, carriage return, SUB (DOS end of file) and ESC
 * (terminal colours in logs) do. */
static inline gboolean
is_garbage_control (guint8 b)
{
  if (b == 0x7F)
    return TRUE;
  if (b >= 0x20)
    return FALSE;
  return b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r' &&
         b != 0x1A && b != 0x1B;
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';

  return g_unichar_isspace (c);
}

static gboolean
is_blank (const char *text)
{
  const char *p;

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !g_unichar_iscntrl (c) && c != 0xFEFF)
        return FALSE;
    }

  return TRUE;
}

static char *
decode_cp1252 (const guint8 *data,
               gsize         length)
{
  GString *out = g_string_sized_new (length + length / 4 + 1);
  gsize i;

  for (i = 0; i < length; i++)
    {
      guint8 b = data[i];

      if (b < 0x80)
        g_string_append_c (out, (char) b);
      else if (b < 0xA0)
        g_string_append_unichar (out, cp1252_high[b - 0x80]);
      else
        g_string_append_unichar (out, b);
    }

  return g_string_free (out, FALSE);
}

static char *
decode_utf16 (const guint8  *data,
              gsize          length,
              gboolean       big_endian,
              GError       **error)
{
  g_autoptr(GString) out = g_string_sized_new (length + length / 2 + 1);
  gsize i;

  for (i = 0; i + 1 < length; i += 2)
    {
      gunichar u = big_endian ? (data[i] << 8 | data[i + 1])
                              : (data[i + 1] << 8 | data[i]);

      if (u >= 0xD800 && u < 0xDC00 && i + 3 < length)
        {
          gunichar lo = big_endian ? (data[i + 2] << 8 | data[i + 3])
                                   : (data[i + 3] << 8 | data[i + 2]);

          if (lo >= 0xDC00 && lo < 0xE000)
            {
              u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
              i += 2;
            }
          else
            u = 0xFFFD;
        }
      else if (u >= 0xD800 && u < 0xE000)
        u = 0xFFFD;

      if (u == 0)
        {
          g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_BINARY,
                               "contains NUL characters: not a text file");
          return NULL;
        }

      g_string_append_unichar (out, u);
    }

  /* A truncated last code unit. */
  if (length % 2 != 0)
    g_string_append_unichar (out, 0xFFFD);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
decode_utf32 (const guint8  *data,
              gsize          length,
              const char    *charset,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize written = 0;

  text = g_convert ((const char *) data, length, "UTF-8", charset, NULL, &written, &local_error);
  if (text == NULL)
    {
      g_set_error (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_ENCODING,
                   "cannot be decoded as %s: %s", charset, local_error->message);
      return NULL;
    }

  if (memchr (text, '\0', written) != NULL)
    {
      g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_BINARY,
                           "contains NUL characters: not a text file");
      return NULL;
    }

  return g_steal_pointer (&text);
}

static char *
detect_charset (const guint8 *data,
                gsize         length)
{
  uchardet_t ud = uchardet_new ();
  const char *name;
  char *ret = NULL;

  if (uchardet_handle_data (ud, (const char *) data, MIN (length, DETECT_MAX_BYTES)) == 0)
    {
      uchardet_data_end (ud);
      name = uchardet_get_charset (ud);
      if (name != NULL && name[0] != '\0')
        ret = g_ascii_strup (name, -1);
    }

  uchardet_delete (ud);

  return ret;
}

/* ISO-8859 guesses for files that use bytes 0x80–0x9F (C1 controls there,
 * printable characters in the Windows code page) are the Windows code page
 * in truth. ISO-8859-1 is always read as Windows-1252, as browsers do. */
static const char *
windows_code_page_for (const char *charset,
                       gboolean    has_c1_bytes)
{
  static const struct {
    const char *iso;
    const char *windows;
    gboolean    always;
  } map[] = {
    { "ISO-8859-1", "WINDOWS-1252", TRUE },
    { "ISO-8859-15", "WINDOWS-1252", FALSE },
    { "ISO-8859-2", "WINDOWS-1250", FALSE },
    { "ISO-8859-7", "WINDOWS-1253", FALSE },
    { "ISO-8859-8", "WINDOWS-1255", FALSE },
    { "ISO-8859-9", "WINDOWS-1254", TRUE },
    { "ISO-8859-13", "WINDOWS-1257", FALSE },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (charset, map[i].iso) && (map[i].always || has_c1_bytes))
      return map[i].windows;

  return charset;
}

static char *
decode_legacy (const guint8  *data,
               gsize          length,
               char         **encoding,
               GError       **error)
{
  g_autofree char *guess = NULL;
  gsize high = 0;
  gsize undefined = 0;
  gsize garbage = 0;
  gboolean c1 = FALSE;
  gsize i;

  for (i = 0; i < length; i++)
    {
      guint8 b = data[i];

      if (b >= 0x80)
        {
          high++;
          if (b < 0xA0)
            c1 = TRUE;
          if (cp1252_undefined (b))
            undefined++;
        }
      else if (is_garbage_control (b))
        garbage++;
    }

  guess = detect_charset (data, length);

  if (guess != NULL &&
      !g_str_equal (guess, "ASCII") &&
      !g_str_equal (guess, "UTF-8") &&
      !g_str_equal (guess, "WINDOWS-1252") &&
      high >= DETECT_MIN_HIGH_BYTES)
    {
      const char *charset = windows_code_page_for (guess, c1);
      g_autofree char *text = NULL;
      gsize written = 0;

      text = g_convert ((const char *) data, length, "UTF-8", charset, NULL, &written, NULL);
      if (text != NULL && strlen (text) == written)
        {
          if (encoding != NULL)
            *encoding = g_strdup (charset);
          return g_steal_pointer (&text);
        }
    }

  /* The last resort decodes every byte; undefined bytes and stray
   * controls in quantity mean this was never Windows-1252 text. */
  if ((undefined + garbage) * 20 > length)
    {
      g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_ENCODING,
                           "cannot be decoded: not text in a known encoding");
      return NULL;
    }

  if (encoding != NULL)
    *encoding = g_strdup ("WINDOWS-1252");

  return decode_cp1252 (data, length);
}

/* Mostly Latin text in UTF-16 has a NUL in every other byte, always at the
 * same parity. Only used to say why such a file is refused: a binary file
 * is not worth guessing at. */
static gboolean
looks_like_utf16 (const guint8 *data,
                  gsize         length)
{
  gsize n = MIN (length, 4096) & ~(gsize) 1;
  gsize even = 0, odd = 0;

  if (n < 4)
    return FALSE;

  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == 0;
      odd += data[i + 1] == 0;
    }

  /* One side nearly all NULs, the other none. */
  return (odd * 10 >= (n / 2) * 8 && even == 0) || (even * 10 >= (n / 2) * 8 && odd == 0);
}

char *
dossier_text_decode (const guint8  *data,
                     gsize          length,
                     char         **encoding,
                     GError       **error)
{
  g_autofree char *text = NULL;
  g_autofree char *used = NULL;
  gboolean bom = FALSE;
  gsize garbage = 0;
  gsize i;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (encoding != NULL)
    *encoding = NULL;

  if (length >= 4 && memcmp (data, "\xFF\xFE\x00\x00", 4) == 0)
    {
      text = decode_utf32 (data + 4, length - 4, "UTF-32LE", error);
      used = g_strdup ("UTF-32LE");
    }
  else if (length >= 4 && memcmp (data, "\x00\x00\xFE\xFF", 4) == 0)
    {
      text = decode_utf32 (data + 4, length - 4, "UTF-32BE", error);
      used = g_strdup ("UTF-32BE");
    }
  else if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      text = decode_utf16 (data + 2, length - 2, FALSE, error);
      used = g_strdup ("UTF-16LE");
    }
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      text = decode_utf16 (data + 2, length - 2, TRUE, error);
      used = g_strdup ("UTF-16BE");
    }
  else
    {
      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        {
          bom = TRUE;
          data += 3;
          length -= 3;
        }

      if (length > 0 && memchr (data, '\0', length) != NULL)
        {
          if (looks_like_utf16 (data, length))
            g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_BINARY,
                                 "contains NUL bytes: probably UTF-16 without a byte-order mark, "
                                 "which Dossier does not guess; save it as UTF-8 or with a BOM");
          else
            g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_BINARY,
                                 "contains NUL bytes: not a text file");
          return NULL;
        }

      for (i = 0; i < length; i++)
        if (is_garbage_control (data[i]))
          garbage++;

      if (garbage * 10 > length)
        {
          g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_BINARY,
                               "contains control characters: not a text file");
          return NULL;
        }

      if (g_utf8_validate_len ((const char *) data, length, NULL))
        {
          text = g_strndup ((const char *) data, length);
          used = g_strdup ("UTF-8");
        }
      else if (bom)
        {
          /* The file says it is UTF-8; a few broken sequences become
           * U+FFFD rather than a different encoding. */
          text = g_utf8_make_valid ((const char *) data, length);
          used = g_strdup ("UTF-8");
        }
      else
        text = decode_legacy (data, length, &used, error);
    }

  if (text == NULL)
    return NULL;

  if (text[0] == '\0')
    {
      g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_EMPTY,
                           "the file is empty");
      return NULL;
    }

  if (is_blank (text))
    {
      g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_EMPTY,
                           "the file holds nothing but white space");
      return NULL;
    }

  if (encoding != NULL)
    *encoding = g_steal_pointer (&used);

  return g_steal_pointer (&text);
}

/* Normalisation
 *
 * 1. Newlines, control characters and stream safety, code point by code
 *    point.
 * 2. NFC, in pieces cut where composition cannot cross: before a
 *    character whose decomposition starts with a starter that never
 *    composes with what precedes it.
 * 3. White space at the ends of lines and of the text, blank lines.
 */

static gunichar *backward_composers;
static gsize n_backward_composers;

static int
compare_unichar (gconstpointer a,
                 gconstpointer b)
{
  gunichar x = *(const gunichar *) a;
  gunichar y = *(const gunichar *) b;

  return x < y ? -1 : x > y;
}

/* Starters (combining class 0) that are the second half of a canonical
 * composition: Hangul vowels and trailing consonants and some Indic vowel
 * signs. Found from the Unicode data GLib carries rather than listed. */
static void
ensure_backward_composers (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GArray *found = g_array_new (FALSE, FALSE, sizeof (gunichar));
      gunichar c;
      guint i, j;

      for (c = 0x80; c < 0x30000; c++)
        {
          gunichar a, b;

          if (g_unichar_decompose (c, &a, &b) && b != 0 &&
              g_unichar_combining_class (b) == 0)
            g_array_append_val (found, b);
        }

      g_array_sort (found, compare_unichar);

      for (i = 0, j = 0; i < found->len; i++)
        if (j == 0 || g_array_index (found, gunichar, j - 1) != g_array_index (found, gunichar, i))
          g_array_index (found, gunichar, j++) = g_array_index (found, gunichar, i);

      n_backward_composers = j;
      backward_composers = (gunichar *) (gpointer) g_array_free (found, FALSE);

      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
is_backward_composer (gunichar c)
{
  return bsearch (&c, backward_composers, n_backward_composers,
                  sizeof (gunichar), compare_unichar) != NULL;
}

static gboolean
is_nfc_boundary (gunichar c)
{
  gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c < 0x80)
    return TRUE;

  n = g_unichar_fully_decompose (c, FALSE, d, G_N_ELEMENTS (d));

  return n > 0 &&
         g_unichar_combining_class (d[0]) == 0 &&
         !is_backward_composer (d[0]) &&
         !is_backward_composer (c);
}

/* Characters NFC leaves alone whatever surrounds them: combining class
 * 0, never the second half of a composition, and either without a
 * canonical decomposition or the composition of their own decomposition
 * (é is U+0065 U+0301 composed back, so NFC keeps it; the Angstrom sign
 * is a singleton that NFC replaces, so it is not stable). A piece made
 * only of these needs no g_utf8_normalize(): accented Latin text, the
 * common case of a non-English corpus, stays on the fast path. */
static gboolean
is_nfc_stable (gunichar c)
{
  gunichar first, second, composed;

  if (c < 0x80)
    return TRUE;

  if (g_unichar_combining_class (c) != 0 || is_backward_composer (c))
    return FALSE;

  if (!g_unichar_decompose (c, &first, &second))
    return TRUE;

  return second != 0 &&
         g_unichar_compose (first, second, &composed) && composed == c &&
         is_nfc_stable (first);
}

/* Step 1. */
static GString *
normalize_code_points (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 1);
  guint run = 0;
  const char *p = text;

  while (*p != '\0')
    {
      guchar b = (guchar) *p;
      gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gunichar c;
      gsize n, lead, trail;

      if (b < 0x80)
        {
          const char *ascii = p;

          /* ASCII characters are starters: one that is kept ends a run of
           * non-starters; one that is dropped joins the runs around it.
           * (This pointer was once also called "run", which hid the
           * counter: ASCII never reset it, so a text and its normal form
           * were cut differently. Found by fuzzing.) */

          /* Printable ASCII, tabs and newlines, copied in bulk. */
          while (((guchar) *p >= 0x20 && (guchar) *p < 0x7F) || *p == '\t' || *p == '\n')
            p++;
          if (p > ascii)
            {
              g_string_append_len (out, ascii, p - ascii);
              run = 0;
              continue;
            }

          p++;
          if (b == '\r')
            {
              if (*p == '\n')
                p++;
              b = '\n';
            }
          if (b == '\n' || b == '\t' || (b >= 0x20 && b != 0x7F))
            {
              g_string_append_c (out, (char) b);
              run = 0;
            }
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);

      if (c == 0x2028 || c == 0x2029)
        {
          g_string_append_c (out, '\n');
          run = 0;
          continue;
        }

      /* C1 controls, and byte order marks left in the middle of text. */
      if (g_unichar_iscntrl (c) || c == 0xFEFF)
        continue;

      n = g_unichar_fully_decompose (c, FALSE, d, G_N_ELEMENTS (d));
      for (lead = 0; lead < n && g_unichar_combining_class (d[lead]) != 0; lead++)
        ;

      if (lead == n)
        {
          if (run + n > STREAM_SAFE_MAX_NONSTARTERS)
            {
              g_string_append_unichar (out, CGJ);
              run = 0;
            }
          run += n;
        }
      else
        {
          if (lead > 0 && run + lead > STREAM_SAFE_MAX_NONSTARTERS)
            g_string_append_unichar (out, CGJ);
          for (trail = 0; trail < n && g_unichar_combining_class (d[n - 1 - trail]) != 0; trail++)
            ;
          run = trail;
        }

      g_string_append_unichar (out, c);
    }

  return out;
}

/* Step 2. */
static GString *
compose (const GString *in)
{
  GString *out = g_string_sized_new (in->len + 1);
  const char *start = in->str;
  const char *p = in->str;
  const char *end = in->str + in->len;
  gboolean stable = TRUE;

  ensure_backward_composers ();

  while (p < end)
    {
      if ((gsize) (p - start) >= NFC_CHUNK_BYTES &&
          ((guchar) *p < 0x80 || is_nfc_boundary (g_utf8_get_char (p))))
        {
          if (stable)
            g_string_append_len (out, start, p - start);
          else
            {
              g_autofree char *nfc = g_utf8_normalize (start, p - start, G_NORMALIZE_NFC);
              g_string_append (out, nfc);
            }
          start = p;
          stable = TRUE;
        }

      if ((guchar) *p >= 0x80)
        {
          if (stable && !is_nfc_stable (g_utf8_get_char (p)))
            stable = FALSE;
          p = g_utf8_next_char (p);
        }
      else
        p++;
    }

  if (p > start)
    {
      if (stable)
        g_string_append_len (out, start, p - start);
      else
        {
          g_autofree char *nfc = g_utf8_normalize (start, p - start, G_NORMALIZE_NFC);
          g_string_append (out, nfc);
        }
    }

  return out;
}

/* Step 3. */
static char *
tidy_lines (const GString *in)
{
  GString *out = g_string_sized_new (in->len + 1);
  const char *p = in->str;
  const char *end = in->str + in->len;
  guint blank_lines = 0;

  while (p < end)
    {
      const char *line = p;
      const char *content = NULL;  /* first non-space */
      const char *content_end = p; /* after the last non-space */

      while (p < end && *p != '\n')
        {
          gunichar c;
          const char *next;

          if ((guchar) *p < 0x80)
            {
              c = (guchar) *p;
              next = p + 1;
            }
          else
            {
              c = g_utf8_get_char (p);
              next = g_utf8_next_char (p);
            }

          if (!is_space (c))
            {
              if (content == NULL)
                content = p;
              content_end = next;
            }
          p = next;
        }

      if (p < end)
        p++;  /* the newline */

      if (content == NULL)
        {
          blank_lines++;
          continue;
        }

      if (out->len == 0)
        g_string_append_len (out, content, content_end - content);
      else
        {
          g_string_append (out, blank_lines > 0 ? "\n\n" : "\n");
          g_string_append_len (out, line, content_end - line);
        }

      blank_lines = 0;
    }

  return g_string_free (out, FALSE);
}

char *
dossier_text_normalize (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) code_points = NULL;
  g_autoptr(GString) composed = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  code_points = normalize_code_points (text);
  composed = compose (code_points);

  return tidy_lines (composed);
}

char *
dossier_text_squeeze (const char *text)
{
  g_autofree char *normalized = NULL;
  GString *out;
  gboolean space = FALSE;
  const char *p;

  if (text == NULL)
    return NULL;

  normalized = dossier_text_normalize (text);
  out = g_string_sized_new (strlen (normalized) + 1);

  for (p = normalized; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}
