/* dossier-front-matter.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <yaml.h>

#include "dossier-front-matter-private.h"
#include "dossier-text.h"

typedef enum
{
  FIELD_NONE,
  FIELD_TITLE,
  FIELD_OUTLET,
  FIELD_AUTHOR,
  FIELD_DATE,
  FIELD_URL,
} Field;

static const struct {
  const char *key;
  Field       field;
} keys[] = {
  { "title", FIELD_TITLE },
  { "outlet", FIELD_OUTLET },
  { "source", FIELD_OUTLET },
  { "publisher", FIELD_OUTLET },
  { "site", FIELD_OUTLET },
  { "site_name", FIELD_OUTLET },
  { "publication", FIELD_OUTLET },
  { "author", FIELD_AUTHOR },
  { "authors", FIELD_AUTHOR },
  { "by", FIELD_AUTHOR },
  { "date", FIELD_DATE },
  { "published", FIELD_DATE },
  { "pubdate", FIELD_DATE },
  { "publish_date", FIELD_DATE },
  { "published_at", FIELD_DATE },
  { "url", FIELD_URL },
  { "link", FIELD_URL },
  { "canonical", FIELD_URL },
  { "canonical_url", FIELD_URL },
  { "permalink", FIELD_URL },
};

static Field
field_for_key (const char *key)
{
  guint i;

  if (key == NULL)
    return FIELD_NONE;

  for (i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_ascii_strcasecmp (key, keys[i].key) == 0)
      return keys[i].field;

  return FIELD_NONE;
}

static gboolean
looks_like_url (const char *text)
{
  return (g_ascii_strncasecmp (text, "http://", 7) == 0 ||
          g_ascii_strncasecmp (text, "https://", 8) == 0) &&
         strchr (text, ' ') == NULL;
}

static void
set_field (char       **field,
           const char  *value)
{
  if (*field == NULL)
    *field = dossier_text_squeeze (value);
}

/* @values: the scalars of the key's value (one, or the items of a list). */
static void
assign (DossierMetadata *metadata,
        Field            field,
        GPtrArray       *values)
{
  const char *first;

  if (values->len == 0)
    return;

  first = g_ptr_array_index (values, 0);

  switch (field)
    {
    case FIELD_TITLE:
      set_field (&metadata->title, first);
      break;

    case FIELD_OUTLET:
      /* "source: https://…" is a link, not an outlet. */
      if (looks_like_url (first))
        set_field (&metadata->url, first);
      else
        set_field (&metadata->outlet, first);
      break;

    case FIELD_AUTHOR:
      if (metadata->author == NULL)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          guint i;

          for (i = 0; i < values->len; i++)
            {
              char *name = dossier_text_squeeze (g_ptr_array_index (values, i));

              if (name != NULL)
                g_ptr_array_add (names, name);
            }

          if (names->len > 0)
            {
              g_ptr_array_add (names, NULL);
              metadata->author = g_strjoinv (", ", (char **) names->pdata);
            }
        }
      break;

    case FIELD_DATE:
      if (metadata->published == NULL)
        metadata->published = dossier_metadata_parse_date (first);
      break;

    case FIELD_URL:
      if (metadata->url == NULL && g_ascii_strncasecmp (first, "javascript:", 11) != 0)
        {
          g_autofree char *url = dossier_text_squeeze (first);

          if (url != NULL && strchr (url, ' ') == NULL)
            metadata->url = g_steal_pointer (&url);
        }
      break;

    case FIELD_NONE:
    default:
      break;
    }
}

/* YAML's spellings of null. */
static gboolean
is_null_scalar (const yaml_event_t *event)
{
  const char *value = (const char *) event->data.scalar.value;

  if (event->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;

  return value[0] == '\0' || g_str_equal (value, "~") ||
         g_ascii_strcasecmp (value, "null") == 0;
}

/* libyaml's scanner takes time quadratic in the nesting of flow
 * collections ("[[[[…" or "{a: {a: …"): 100,000 levels took 40 s. No
 * front matter nests more than a few; deeper is not parsed (the file is
 * then imported as it is, front matter and all, like any other YAML that
 * is not front matter). Quotes are not tracked: brackets inside a string
 * count too, which only errs towards refusing. */
#define MAX_FLOW_DEPTH 64

static gboolean
flow_too_deep (const char *yaml,
               gsize       length)
{
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (yaml[i] == '[' || yaml[i] == '{')
        {
          if (++depth > MAX_FLOW_DEPTH)
            return TRUE;
        }
      else if ((yaml[i] == ']' || yaml[i] == '}') && depth > 0)
        depth--;
    }

  return FALSE;
}

/* Reads the top-level mapping with the libyaml event API; nested values
 * other than a list of scalars are skipped. Returns FALSE when the YAML
 * is invalid or not a mapping. */
static gboolean
parse_yaml (const char      *yaml,
            gsize            length,
            DossierMetadata *metadata)
{
  yaml_parser_t parser;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  gboolean done = FALSE;
  gboolean expect_key = TRUE;
  gboolean key_is_complex = FALSE;
  gboolean root_seen = FALSE;
  gboolean in_list = FALSE;
  guint depth = 0;

  if (flow_too_deep (yaml, length))
    return FALSE;

  if (!yaml_parser_initialize (&parser))
    return FALSE;

  yaml_parser_set_input_string (&parser, (const unsigned char *) yaml, length);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);

  while (ok && !done)
    {
      yaml_event_t event;

      if (!yaml_parser_parse (&parser, &event))
        {
          ok = FALSE;
          break;
        }

      switch (event.type)
        {
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;

        case YAML_DOCUMENT_START_EVENT:
          /* A second document is not front matter. */
          if (root_seen)
            ok = FALSE;
          break;

        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
          if (depth == 0)
            {
              root_seen = TRUE;
              if (event.type != YAML_MAPPING_START_EVENT)
                ok = FALSE;
            }
          else if (depth == 1)
            {
              if (expect_key)
                key_is_complex = TRUE;
              else if (event.type == YAML_SEQUENCE_START_EVENT)
                in_list = TRUE;
            }
          depth++;
          break;

        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
          if (depth > 0)
            depth--;
          if (depth == 1)
            {
              if (key_is_complex && expect_key)
                {
                  /* a collection used as a key: its value comes next */
                  g_clear_pointer (&key, g_free);
                  expect_key = FALSE;
                  key_is_complex = FALSE;
                }
              else
                {
                  if (in_list)
                    assign (metadata, field_for_key (key), values);
                  g_ptr_array_set_size (values, 0);
                  g_clear_pointer (&key, g_free);
                  in_list = FALSE;
                  expect_key = TRUE;
                }
            }
          break;

        case YAML_SCALAR_EVENT:
          if (depth == 0)
            {
              /* A scalar document ("---\nSome text\n---") is no mapping. */
              root_seen = TRUE;
              ok = FALSE;
            }
          else if (depth == 1 && key_is_complex)
            ;
          else if (depth == 1 && expect_key)
            {
              g_free (key);
              key = g_strdup ((const char *) event.data.scalar.value);
              expect_key = FALSE;
            }
          else if (depth == 1)
            {
              if (!is_null_scalar (&event))
                {
                  g_ptr_array_add (values, g_strdup ((const char *) event.data.scalar.value));
                  assign (metadata, field_for_key (key), values);
                  g_ptr_array_set_size (values, 0);
                }
              g_clear_pointer (&key, g_free);
              expect_key = TRUE;
            }
          else if (depth == 2 && in_list && !is_null_scalar (&event))
            g_ptr_array_add (values, g_strdup ((const char *) event.data.scalar.value));
          break;

        case YAML_ALIAS_EVENT:
          /* Aliases are never expanded. */
          if (depth == 1 && !key_is_complex)
            {
              g_clear_pointer (&key, g_free);
              expect_key = !expect_key;
            }
          break;

        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        default:
          break;
        }

      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);

  return ok;
}

/* The end of the line at @p (its "\n" or the end of the text). */
static const char *
line_end (const char *p)
{
  const char *eol = strchr (p, '\n');

  return eol != NULL ? eol : p + strlen (p);
}

static gboolean
line_is (const char *line,
         const char *eol,
         const char *marker)
{
  gsize n = strlen (marker);

  if ((gsize) (eol - line) < n || strncmp (line, marker, n) != 0)
    return FALSE;

  for (line += n; line < eol; line++)
    if (*line != ' ' && *line != '\t' && *line != '\r')
      return FALSE;

  return TRUE;
}

const char *
dossier_front_matter_parse (const char       *text,
                            DossierMetadata **metadata)
{
  g_autoptr(DossierMetadata) found = NULL;
  const char *yaml;
  const char *p;
  const char *eol;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (metadata != NULL, text);

  *metadata = NULL;

  eol = line_end (text);
  if (!line_is (text, eol, "---") || *eol == '\0')
    return text;

  yaml = p = eol + 1;
  for (;;)
    {
      eol = line_end (p);

      if (line_is (p, eol, "---") || line_is (p, eol, "..."))
        break;

      if (*eol == '\0')
        return text;  /* never closed */

      p = eol + 1;
    }

  found = dossier_metadata_new ();
  if (!parse_yaml (yaml, p - yaml, found))
    return text;

  *metadata = g_steal_pointer (&found);

  return *eol == '\n' ? eol + 1 : eol;
}
