/* fuzz-manifest.c — libFuzzer target: JSON input, the corpus.json
 * manifest beside imported files (dossier_manifest_load_from_data())
 *
 * Input: the manifest's bytes.
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dossier-core.h"
#include "dossier-documents-private.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

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
  g_autoptr(DossierManifest) manifest = NULL;
  g_auto(GStrv) names = NULL;

  manifest = dossier_manifest_load_from_data ((const char *) data, size, "corpus.json", &error);

  if (manifest == NULL)
    {
      g_assert_nonnull (error);
      /* One line of valid UTF-8 that names the file. */
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_true (g_str_has_prefix (error->message, "corpus.json"));
      return 0;
    }

  g_assert_no_error (error);

  names = dossier_manifest_dup_names (manifest);
  g_assert_nonnull (names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *dotted = g_strconcat ("./", names[i], NULL);
      const DossierMetadata *metadata = dossier_manifest_lookup (manifest, names[i]);

      /* Every entry can be found by its name, with or without "./". */
      g_assert_cmpstr (names[i], !=, "");
      g_assert_nonnull (metadata);
      g_assert_true (dossier_manifest_lookup (manifest, dotted) == metadata);

      assert_one_line ("title", metadata->title);
      assert_one_line ("outlet", metadata->outlet);
      assert_one_line ("author", metadata->author);
      assert_one_line ("url", metadata->url);
      if (metadata->published != NULL)
        g_assert_true (dossier_documents_is_iso_date (metadata->published));
    }

  return 0;
}
