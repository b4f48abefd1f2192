/* dossier-markdown.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-markdown"

#include "config.h"

#include <string.h>

#include "dossier-briefs.h"
#include "dossier-documents.h"
#include "dossier-documents-private.h"
#include "dossier-markdown-private.h"

/* ASCII punctuation that cannot start or end markup in CommonMark, GFM or
 * Pandoc in the middle of a line; it stays unescaped so the Markdown reads
 * well. Every other ASCII punctuation character is backslash-escaped
 * (CommonMark allows a backslash before any of them). */
#define INERT_PUNCTUATION ",;?/%'()"

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Appends one line (no '\n' in [@line, @end)) escaped. Leading and
 * trailing blanks become character references, so CommonMark neither
 * strips them nor reads them as indentation or a hard break. */
static void
append_line (GString    *out,
             const char *line,
             const char *end)
{
  const char *first = line;
  const char *last = end;
  gboolean digits = TRUE;

  while (first < end && is_blank (*first))
    first++;
  while (last > first && is_blank (last[-1]))
    last--;

  for (const char *p = line; p < first; p++)
    g_string_append (out, *p == '\t' ? "&#9;" : "&#32;");

  for (const char *p = first; p < last; p++)
    {
      char c = *p;
      gboolean escape = FALSE;

      if (c == '\r')
        {
          g_string_append (out, "&#13;");
          digits = FALSE;
          continue;
        }

      if (g_ascii_ispunct (c))
        {
          if (c == '.' || c == ':')
            /* "1." starts a list, ": " a Pandoc definition, ".." an
             * ellipsis for Pandoc's smart typography. */
            escape = (p == first) ||
                     (c == '.' && digits) ||
                     (c == '.' && (p[1] == '.' || (p > first && p[-1] == '.')));
          else if (c == ')')
            escape = digits && p > first;
          else
            escape = strchr (INERT_PUNCTUATION, c) == NULL;
        }

      if (escape)
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);

      digits = digits && g_ascii_isdigit (c);
    }

  for (const char *p = last; p < end; p++)
    g_string_append (out, *p == '\t' ? "&#9;" : "&#32;");
}

/* Unicode white space, as CommonMark counts it for emphasis: a title
 * between "*"s that starts or ends with, say, U+3000 would show its
 * asterisks instead of being emphasised (found by fuzzing). */
static const char *
skip_space (const char *p)
{
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

static const char *
skip_space_backward (const char *start,
                     const char *end)
{
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return end;
}

void
dossier_markdown_append_escaped (GString    *out,
                                 const char *text,
                                 const char *line_prefix)
{
  const char *p;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  if (line_prefix == NULL)
    {
      g_autofree char *one_line = g_strdup (text);
      const char *first, *last;

      for (char *q = one_line; *q; q++)
        if (*q == '\n' || *q == '\r' || *q == '\t')
          *q = ' ';
      first = skip_space (one_line);
      last = skip_space_backward (first, first + strlen (first));
      append_line (out, first, last);
      return;
    }

  /* Line breaks before the first line or after the last show nothing:
   * they are dropped. */
  p = text;
  while (*p == '\n')
    p++;
  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      guint newlines = 0;

      if (eol == NULL)
        {
          append_line (out, p, p + strlen (p));
          break;
        }

      append_line (out, p, eol);

      p = eol;
      while (*p == '\n')
        {
          newlines++;
          p++;
        }
      if (*p == '\0')
        break;

      /* A blank line is a paragraph break inside the same blockquote;
       * more than one collapses to one. A single newline is a hard
       * break, so the line stays a line. */
      if (newlines >= 2)
        g_string_append_printf (out, "\n%.*s\n%s",
                                (int) strcspn (line_prefix, " "), line_prefix, line_prefix);
      else
        g_string_append_printf (out, "\\\n%s", line_prefix);
    }
}

/* User-written Markdown (summary, free text, commentary, notes): as
 * written, without trailing white space. */
static void
append_block (GString    *out,
              const char *markdown)
{
  g_autofree char *copy = g_strdup (markdown != NULL ? markdown : "");

  g_strchomp (copy);
  if (copy[0] == '\0')
    return;

  g_string_append (out, copy);
  g_string_append (out, "\n\n");
}

static void
append_yaml_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case 0x85:
          g_string_append (out, "\\N");
          break;
        case 0x2028:
          g_string_append (out, "\\L");
          break;
        case 0x2029:
          g_string_append (out, "\\P");
          break;
        default:
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
            g_string_append_printf (out, "\\x%02x", c);
          else if (c == 0xfeff)
            g_string_append (out, "\\ufeff");
          else
            g_string_append_unichar (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* A URL CommonMark takes as an autolink: scheme:rest, no spaces, no < >. */
static gboolean
is_autolink (const char *url)
{
  const char *p = url;

  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '.' || *p == '-')
    p++;
  if (*p != ':' || p - url < 2 || p - url > 32)
    return FALSE;

  for (; *p; p++)
    if ((guchar) *p <= ' ' || *p == '<' || *p == '>' || *p == 0x7f)
      return FALSE;

  return TRUE;
}

static void
append_date (GString    *out,
             const char *date)
{
  if (dossier_documents_is_iso_date (date))
    g_string_append (out, date);
  else
    dossier_markdown_append_escaped (out, date, NULL);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *skip_space (text) != '\0';
}

typedef struct
{
  DossierDocument *document;
  guint            number;
} Footnote;

static void
footnote_free (gpointer data)
{
  Footnote *footnote = data;

  g_clear_object (&footnote->document);
  g_free (footnote);
}

static void
append_attribution (GString         *out,
                    DossierClaim    *claim,
                    DossierDocument *document,
                    guint            footnote)
{
  const char *speaker = dossier_claim_get_speaker (claim);
  const char *title = dossier_document_get_title (document);
  const char *outlet = dossier_document_get_outlet (document);
  const char *date = dossier_document_get_published (document);
  gboolean any = FALSE;

  g_string_append (out, "> —");

  if (is_set (speaker))
    {
      g_string_append_c (out, ' ');
      dossier_markdown_append_escaped (out, speaker, NULL);
      any = TRUE;
    }
  if (is_set (title))
    {
      g_string_append (out, any ? ", in *" : " *");
      dossier_markdown_append_escaped (out, title, NULL);
      g_string_append_c (out, '*');
      any = TRUE;
    }
  if (is_set (outlet))
    {
      g_string_append (out, any ? ", " : " ");
      dossier_markdown_append_escaped (out, outlet, NULL);
      any = TRUE;
    }
  if (is_set (date))
    {
      g_string_append (out, any ? ", " : " ");
      append_date (out, date);
    }

  g_string_append_printf (out, "[^%u]\n\n", footnote);
}

static void
append_footnote (GString  *out,
                 Footnote *footnote)
{
  DossierDocument *document = footnote->document;
  const char *title = dossier_document_get_title (document);
  const char *outlet = dossier_document_get_outlet (document);
  const char *date = dossier_document_get_published (document);
  const char *url = dossier_document_get_url (document);
  gboolean any = FALSE;

  g_string_append_printf (out, "[^%u]:", footnote->number);

  if (is_set (outlet))
    {
      g_string_append_c (out, ' ');
      dossier_markdown_append_escaped (out, outlet, NULL);
      any = TRUE;
    }
  if (is_set (title))
    {
      g_string_append (out, any ? ", \"" : " \"");
      dossier_markdown_append_escaped (out, title, NULL);
      g_string_append_c (out, '"');
      any = TRUE;
    }
  if (is_set (date))
    {
      g_string_append (out, any ? ", " : " ");
      append_date (out, date);
      any = TRUE;
    }
  if (any)
    g_string_append_c (out, '.');

  if (is_set (url))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (url));

      g_string_append_c (out, ' ');
      if (is_autolink (trimmed))
        g_string_append_printf (out, "<%s>", trimmed);
      else
        dossier_markdown_append_escaped (out, trimmed, NULL);
    }

  g_string_append_c (out, '\n');
}

char *
dossier_markdown_render (DossierBrief                  *brief,
                         GPtrArray                     *items,
                         DossierMarkdownDocumentFunc    get_document,
                         gpointer                       user_data,
                         const DossierMarkdownOptions  *options,
                         GError                       **error)
{
  static const DossierMarkdownOptions defaults = { 0 };
  g_autoptr(GHashTable) by_document = NULL;  /* document id → Footnote */
  g_autoptr(GPtrArray) footnotes = NULL;     /* Footnote, in order of first use */
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (DOSSIER_IS_BRIEF (brief), NULL);
  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (get_document != NULL, NULL);

  if (options == NULL)
    options = &defaults;

  by_document = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  footnotes = g_ptr_array_new_with_free_func (footnote_free);
  out = g_string_sized_new (4096);

  if (options->front_matter)
    {
      const char *updated = dossier_brief_get_updated (brief);
      g_autofree char *date = g_strndup (updated != NULL ? updated : "", 10);
      g_autofree char *summary = NULL;

      g_string_append (out, "---\ntitle: ");
      append_yaml_string (out, dossier_brief_get_title (brief));
      if (dossier_documents_is_iso_date (date))
        g_string_append_printf (out, "\ndate: \"%s\"", date);
      g_string_append (out, "\nsummary: ");
      summary = g_strchomp (g_strdup (dossier_brief_get_summary (brief)));
      append_yaml_string (out, summary);
      g_string_append (out, "\n---\n\n");
    }

  g_string_append (out, "# ");
  dossier_markdown_append_escaped (out, dossier_brief_get_title (brief), NULL);
  g_string_append (out, "\n\n");

  append_block (out, dossier_brief_get_summary (brief));

  for (guint i = 0; i < items->len; i++)
    {
      DossierBriefItem *item = g_ptr_array_index (items, i);
      DossierClaim *claim = dossier_brief_item_get_claim (item);
      gint64 document_id;
      Footnote *footnote;

      switch (dossier_brief_item_get_kind (item))
        {
        case DOSSIER_BRIEF_ITEM_HEADING:
          g_string_append (out, "## ");
          dossier_markdown_append_escaped (out, dossier_brief_item_get_text (item), NULL);
          g_string_append (out, "\n\n");
          break;

        case DOSSIER_BRIEF_ITEM_TEXT:
          append_block (out, dossier_brief_item_get_text (item));
          break;

        case DOSSIER_BRIEF_ITEM_CLAIM:
          g_assert (claim != NULL);

          document_id = dossier_claim_get_document_id (claim);
          footnote = g_hash_table_lookup (by_document, &document_id);
          if (footnote == NULL)
            {
              g_autoptr(DossierDocument) document = get_document (document_id, user_data, error);

              if (document == NULL)
                return NULL;

              footnote = g_new0 (Footnote, 1);
              footnote->document = g_steal_pointer (&document);
              footnote->number = footnotes->len + 1;
              g_ptr_array_add (footnotes, footnote);
              g_hash_table_insert (by_document, g_memdup2 (&document_id, sizeof document_id), footnote);
            }

          g_string_append (out, "> ");
          dossier_markdown_append_escaped (out, dossier_claim_get_quote (claim), "> ");
          g_string_append (out, "\n>\n");
          append_attribution (out, claim, footnote->document, footnote->number);

          if (options->include_themes)
            {
              const char * const *themes = dossier_claim_get_themes (claim);

              if (themes != NULL && themes[0] != NULL)
                {
                  g_string_append (out, "*Themes: ");
                  for (guint t = 0; themes[t] != NULL; t++)
                    {
                      if (t > 0)
                        g_string_append (out, ", ");
                      dossier_markdown_append_escaped (out, themes[t], NULL);
                    }
                  g_string_append (out, "*\n\n");
                }
            }

          if (options->include_notes && is_set (dossier_claim_get_note (claim)))
            {
              g_string_append (out, "**Note:** ");
              append_block (out, dossier_claim_get_note (claim));
            }

          append_block (out, dossier_brief_item_get_text (item));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  for (guint i = 0; i < footnotes->len; i++)
    append_footnote (out, g_ptr_array_index (footnotes, i));

  /* One newline at the end, whatever came last. */
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static DossierDocument *
get_document_from_database (gint64     document_id,
                            gpointer   user_data,
                            GError   **error)
{
  return dossier_documents_get (user_data, document_id, error);
}

char *
dossier_brief_render_markdown (DossierDatabase               *db,
                               gint64                         brief_id,
                               const DossierMarkdownOptions  *options,
                               GError                       **error)
{
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!(brief = dossier_briefs_get (db, brief_id, error)) ||
      !(items = dossier_briefs_get_items (db, brief_id, error)))
    return NULL;

  return dossier_markdown_render (brief, items, get_document_from_database, db, options, error);
}
