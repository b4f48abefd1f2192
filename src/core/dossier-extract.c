/* dossier-extract.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dossier-extract.h"
#include "dossier-front-matter-private.h"
#include "dossier-html-private.h"
#include "dossier-text.h"

const char *
dossier_extract_format_for_name (const char *filename)
{
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (filename != NULL, NULL);

  base = g_path_get_basename (filename);
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return NULL;
  dot++;

  if (g_ascii_strcasecmp (dot, "txt") == 0 || g_ascii_strcasecmp (dot, "text") == 0)
    return "txt";
  if (g_ascii_strcasecmp (dot, "md") == 0 || g_ascii_strcasecmp (dot, "markdown") == 0)
    return "markdown";
  if (g_ascii_strcasecmp (dot, "html") == 0 || g_ascii_strcasecmp (dot, "htm") == 0 ||
      g_ascii_strcasecmp (dot, "xhtml") == 0)
    return "html";

  return NULL;
}

/* The file's name without its ending, readable whatever the file
 * system's encoding. */
static char *
title_from_filename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *display = NULL;
  char *dot;

  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  display = g_filename_display_name (base);

  return dossier_text_squeeze (display);
}

/* The first ATX heading of level 1 ("# Title"), outside fenced code. */
static char *
markdown_title (const char *text)
{
  const char *p = text;
  const char *fence = NULL;
  gsize fence_len = 0;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      gsize length = eol != NULL ? (gsize) (eol - p) : strlen (p);
      const char *line = p;
      guint indent = 0;

      p = eol != NULL ? eol + 1 : p + length;

      while (indent < length && line[indent] == ' ')
        indent++;
      if (indent > 3)
        continue;
      line += indent;
      length -= indent;

      if (length >= 3 && (strncmp (line, "```", 3) == 0 || strncmp (line, "~~~", 3) == 0))
        {
          gsize n = 0;

          while (n < length && line[n] == line[0])
            n++;

          if (fence == NULL)
            {
              fence = line;
              fence_len = n;
            }
          else if (line[0] == fence[0] && n >= fence_len)
            fence = NULL;
          continue;
        }

      if (fence != NULL)
        continue;

      if (length >= 1 && line[0] == '#' && (length == 1 || line[1] == ' ' || line[1] == '\t'))
        {
          g_autofree char *heading = g_strndup (line + 1, length - 1);
          char *title;
          gsize n;

          /* a closing sequence of #s, after a space */
          g_strchomp (heading);
          n = strlen (heading);
          while (n > 0 && heading[n - 1] == '#')
            n--;
          if (n == 0 || heading[n - 1] == ' ' || heading[n - 1] == '\t')
            heading[n] = '\0';

          title = dossier_text_squeeze (heading);
          if (title != NULL)
            return title;
        }
    }

  return NULL;
}

static gboolean
extract_txt (const guint8     *data,
             gsize             length,
             char            **body,
             DossierMetadata  *metadata,
             GError          **error)
{
  g_autofree char *text = NULL;

  text = dossier_text_decode (data, length, NULL, error);
  if (text == NULL)
    return FALSE;

  *body = dossier_text_normalize (text);

  return TRUE;
}

static gboolean
extract_markdown (const guint8     *data,
                  gsize             length,
                  char            **body,
                  DossierMetadata  *metadata,
                  GError          **error)
{
  g_autofree char *text = NULL;
  g_autofree char *normalized = NULL;
  g_autoptr(DossierMetadata) front_matter = NULL;
  const char *rest;

  text = dossier_text_decode (data, length, NULL, error);
  if (text == NULL)
    return FALSE;

  /* Normalised first, so that CRLF files have their "---" lines too. */
  normalized = dossier_text_normalize (text);
  rest = dossier_front_matter_parse (normalized, &front_matter);

  if (front_matter != NULL)
    dossier_metadata_override (metadata, front_matter);

  *body = dossier_text_normalize (rest);

  if (metadata->title == NULL)
    metadata->title = markdown_title (*body);

  return TRUE;
}

static gboolean
extract_html (const guint8     *data,
              gsize             length,
              char            **body,
              DossierMetadata  *metadata,
              GError          **error)
{
  g_autofree char *text = NULL;

  text = dossier_html_extract (data, length, metadata, error);
  if (text == NULL)
    return FALSE;

  *body = dossier_text_normalize (text);

  return TRUE;
}

gboolean
dossier_extract (const char       *filename,
                 const guint8     *data,
                 gsize             length,
                 char            **body,
                 DossierMetadata **metadata,
                 const char      **format,
                 GError          **error)
{
  g_autoptr(DossierMetadata) found = NULL;
  g_autofree char *text = NULL;
  const char *fmt;
  gboolean ok;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (metadata != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fmt = dossier_extract_format_for_name (filename);
  if (fmt == NULL)
    {
      g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_UNSUPPORTED,
                           "not a file type Dossier imports (.txt, .md, .html)");
      return FALSE;
    }

  found = dossier_metadata_new ();

  if (g_str_equal (fmt, "markdown"))
    ok = extract_markdown (data, length, &text, found, error);
  else if (g_str_equal (fmt, "html"))
    ok = extract_html (data, length, &text, found, error);
  else
    ok = extract_txt (data, length, &text, found, error);

  if (!ok)
    return FALSE;

  if (text[0] == '\0')
    {
      g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_EMPTY, "no text");
      return FALSE;
    }

  dossier_metadata_guess (found, text);

  if (found->title == NULL)
    found->title = title_from_filename (filename);

  *body = g_steal_pointer (&text);
  *metadata = g_steal_pointer (&found);
  if (format != NULL)
    *format = fmt;

  return TRUE;
}
