/* dossier-manifest.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "dossier-manifest.h"
#include "dossier-text.h"

/* json-glib parses recursively; deeper nesting than this is refused
 * before it can exhaust the stack. No manifest needs more than 3. */
#define MAX_DEPTH 64

/* Refused before it is read, like documents above the importer's limit:
 * a manifest of 100,000 entries is about 30 MB. */
#define MAX_MANIFEST_SIZE (64 * 1024 * 1024)

struct _DossierManifest
{
  GObject     parent_instance;

  GHashTable *entries;  /* NFC file name → DossierMetadata */
};

G_DEFINE_FINAL_TYPE (DossierManifest, dossier_manifest, G_TYPE_OBJECT)

G_DEFINE_QUARK (dossier-manifest-error-quark, dossier_manifest_error)

static void
dossier_manifest_finalize (GObject *object)
{
  DossierManifest *self = DOSSIER_MANIFEST (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_manifest_parent_class)->finalize (object);
}

static void
dossier_manifest_class_init (DossierManifestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_manifest_finalize;
}

static void
dossier_manifest_init (DossierManifest *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) dossier_metadata_free);
}

/* "./a.txt" → "a.txt", in NFC so that names typed on one system match
 * names read from another. NULL when there is nothing left. */
static char *
canonical_name (const char *name)
{
  while (g_str_has_prefix (name, "./"))
    name += 2;

  if (name[0] == '\0')
    return NULL;

  if (!g_utf8_validate (name, -1, NULL))
    return g_strdup (name);

  return g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static char *
string_field (JsonObject         *object,
              const char * const *names)
{
  guint i;

  for (i = 0; names[i] != NULL; i++)
    {
      const char *value = string_member (object, names[i]);
      char *squeezed;

      if (value != NULL && (squeezed = dossier_text_squeeze (value)) != NULL)
        return squeezed;
    }

  return NULL;
}

/* A string, or an array of strings joined with ", ". */
static char *
author_field (JsonObject *object)
{
  static const char * const names[] = { "author", "authors", NULL };
  guint i;

  for (i = 0; names[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, names[i]);

      if (node == NULL)
        continue;

      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
          guint j;

          for (j = 0; j < json_array_get_length (array); j++)
            {
              JsonNode *item = json_array_get_element (array, j);
              char *name;

              if (JSON_NODE_HOLDS_VALUE (item) &&
                  json_node_get_value_type (item) == G_TYPE_STRING &&
                  (name = dossier_text_squeeze (json_node_get_string (item))) != NULL)
                g_ptr_array_add (parts, name);
            }

          if (parts->len > 0)
            {
              g_ptr_array_add (parts, NULL);
              return g_strjoinv (", ", (char **) parts->pdata);
            }
        }
      else
        {
          const char * const one[] = { names[i], NULL };
          char *value = string_field (object, one);

          if (value != NULL)
            return value;
        }
    }

  return NULL;
}

static DossierMetadata *
metadata_from_object (JsonObject *object)
{
  static const char * const title[] = { "title", NULL };
  static const char * const outlet[] = { "outlet", "source", "publisher", NULL };
  static const char * const url[] = { "url", "link", NULL };
  static const char * const date[] = { "date", "published", NULL };
  DossierMetadata *metadata = dossier_metadata_new ();
  guint i;

  metadata->title = string_field (object, title);
  metadata->outlet = string_field (object, outlet);
  metadata->author = author_field (object);
  metadata->url = string_field (object, url);

  for (i = 0; date[i] != NULL && metadata->published == NULL; i++)
    {
      const char *value = string_member (object, date[i]);

      if (value != NULL)
        metadata->published = dossier_metadata_parse_date (value);
    }

  return metadata;
}

static void
add_entry (DossierManifest *self,
           const char      *name,
           JsonNode        *node)
{
  char *key;

  if (name == NULL || node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  key = canonical_name (name);
  if (key == NULL)
    return;

  g_hash_table_replace (self->entries, key, metadata_from_object (json_node_get_object (node)));
}

static void
add_object_entries (DossierManifest *self,
                    JsonObject      *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    add_entry (self, name, node);
}

static void
add_array_entries (DossierManifest *self,
                   JsonArray       *array)
{
  guint i;

  for (i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      object = json_node_get_object (node);
      name = string_member (object, "file");
      if (name == NULL)
        name = string_member (object, "path");

      add_entry (self, name, node);
    }
}

/* Deepest nesting of arrays and objects, counted without parsing. */
static guint
json_depth (const char *text,
            gsize       length)
{
  guint depth = 0, max = 0;
  gboolean in_string = FALSE;
  gsize i;

  for (i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        max = MAX (max, ++depth);
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return max;
}

DossierManifest *
dossier_manifest_load (const char  *path,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (g_stat (path, &st) == 0 && st.st_size > MAX_MANIFEST_SIZE)
    {
      g_set_error (error, DOSSIER_MANIFEST_ERROR, DOSSIER_MANIFEST_ERROR_INVALID,
                   "%s is too large (%" G_GUINT64_FORMAT " MB; a manifest can be up to %d MB)",
                   display, (guint64) st.st_size / (1024 * 1024), MAX_MANIFEST_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return dossier_manifest_load_from_data (contents, length, display, error);
}

DossierManifest *
dossier_manifest_load_from_data (const char  *contents,
                                 gsize        length,
                                 const char  *display,
                                 GError     **error)
{
  g_autoptr(DossierManifest) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (contents != NULL || length == 0, NULL);
  g_return_val_if_fail (display != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (json_depth (contents, length) > MAX_DEPTH)
    {
      g_set_error (error, DOSSIER_MANIFEST_ERROR, DOSSIER_MANIFEST_ERROR_INVALID,
                   "%s: nested too deeply to be a manifest", display);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      /* json-glib quotes the offending token as it is: raw bytes, invalid
       * UTF-8 (a lone "\ud83d" escape), tabs, newlines. The message is
       * shown in one line of a report (found by fuzzing). */
      g_autofree char *reason = dossier_text_squeeze (local_error->message);

      g_set_error (error, DOSSIER_MANIFEST_ERROR, DOSSIER_MANIFEST_ERROR_INVALID,
                   "%s is not valid JSON: %s", display, reason != NULL ? reason : "");
      return NULL;
    }

  root = json_parser_get_root (parser);
  self = g_object_new (DOSSIER_TYPE_MANIFEST, NULL);

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *files = json_object_get_member (object, "files");

      if (files != NULL && JSON_NODE_HOLDS_OBJECT (files))
        add_object_entries (self, json_node_get_object (files));
      else if (files != NULL && JSON_NODE_HOLDS_ARRAY (files))
        add_array_entries (self, json_node_get_array (files));
      else
        add_object_entries (self, object);
    }
  else if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    add_array_entries (self, json_node_get_array (root));
  else
    {
      g_set_error (error, DOSSIER_MANIFEST_ERROR, DOSSIER_MANIFEST_ERROR_INVALID,
                   "%s is not a manifest: expected a JSON object or array", display);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

const DossierMetadata *
dossier_manifest_lookup (DossierManifest *self,
                         const char      *name)
{
  g_autofree char *key = NULL;
  const DossierMetadata *found;

  g_return_val_if_fail (DOSSIER_IS_MANIFEST (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  found = g_hash_table_lookup (self->entries, name);
  if (found != NULL)
    return found;

  key = canonical_name (name);
  if (key == NULL)
    return NULL;

  return g_hash_table_lookup (self->entries, key);
}

GStrv
dossier_manifest_dup_names (DossierManifest *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (DOSSIER_IS_MANIFEST (self), NULL);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, g_strdup (key));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
