/* fuzz-import.c — libFuzzer target: a file's bytes → an extracted
 * document, through the importer's text paths (dossier_extract(): plain
 * text, Markdown with YAML front matter, HTML)
 *
 * Input: one byte choosing the format ('h' HTML, 'm' Markdown, anything
 * else plain text), then the file's bytes.
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dossier-core.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

/* A line of metadata as dossier_text_squeeze() leaves it: valid UTF-8,
 * one line, trimmed, not empty. */
static void
assert_one_line (const char *what,
                 const char *value)
{
  g_autofree char *squeezed = NULL;

  if (value == NULL)
    return;

  g_assert_true (g_utf8_validate (value, -1, NULL));
  squeezed = dossier_text_squeeze (value);
  if (g_strcmp0 (squeezed, value) != 0)
    g_error ("%s is not one clean line: \"%s\"", what, value);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMetadata) metadata = NULL;
  g_autofree char *body = NULL;
  g_autofree char *again = NULL;
  const char *filename = "fuzz.txt";
  const char *format = NULL;
  gboolean ok;

  if (size == 0)
    return 0;

  if (data[0] == 'h')
    filename = "fuzz.html";
  else if (data[0] == 'm')
    filename = "fuzz.md";

  ok = dossier_extract (filename, data + 1, size - 1, &body, &metadata, &format, &error);

  if (!ok)
    {
      /* Refused with a reason a person can read, and nothing else. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == DOSSIER_TEXT_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (error->message, !=, "");
      g_assert_null (body);
      g_assert_null (metadata);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_nonnull (format);

  /* The body is normalised text (dossier_text_normalize() is idempotent),
   * so claim offsets into it stay valid when it is normalised again. */
  g_assert_nonnull (body);
  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_cmpstr (body, !=, "");
  again = dossier_text_normalize (body);
  g_assert_cmpstr (again, ==, body);

  g_assert_nonnull (metadata);
  g_assert_nonnull (metadata->title);
  assert_one_line ("title", metadata->title);
  assert_one_line ("outlet", metadata->outlet);
  assert_one_line ("author", metadata->author);
  if (metadata->published != NULL)
    g_assert_true (g_utf8_validate (metadata->published, -1, NULL));
  if (metadata->url != NULL)
    g_assert_true (g_utf8_validate (metadata->url, -1, NULL));

  return 0;
}
