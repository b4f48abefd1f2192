/* fuzz-markdown.c — libFuzzer target: a brief built in memory from the
 * input, rendered to Markdown (dossier_markdown_render())
 *
 * Input: records separated by 0x1e, fields within a record by 0x1f.
 *   first record:  OPTIONS, brief title, summary, updated
 *                  (OPTIONS: letters n = include notes, t = include
 *                  themes, f = front matter)
 *   D record:      a document: title, outlet, published, url, text (the
 *                  body is this text normalised, as import does)
 *   H record:      a heading: its text
 *   X record:      free text: its Markdown
 *   C record:      a claim: document (index of a D record, modulo their
 *                  number), start, end (code points into that body, as
 *                  claims are), speaker, themes (comma-separated), note,
 *                  commentary
 * Missing fields are empty (or NULL where the database allows NULL).
 *
 * Checked: the output is valid UTF-8, the same on a second render, and
 * has one footnote per cited document, numbered in order of first use.
 * When the brief holds no Markdown of the user's own (summary, free
 * text, commentary, notes), cmark must find exactly one blockquote per
 * claim showing the quote verbatim, and no HTML anywhere (DESIGN.md §5).
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cmark.h>

#include "dossier-core.h"
#include "dossier-markdown-private.h"
#include "fuzz-common.h"

#define RECORD_SEPARATOR '\x1e'
#define FIELD_SEPARATOR  '\x1f'

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

typedef struct
{
  GPtrArray *documents;  /* DossierDocument, id = index + 1 */
  GPtrArray *bodies;     /* char *, the normalised body of each */
  GPtrArray *items;      /* DossierBriefItem */
  GPtrArray *quotes;     /* char *, the quote of each claim item, in order */
  GArray    *cited;      /* gint64, document ids in order of first use */
  gboolean   user_markdown;
  guint      lookups;
} Brief;

static void
brief_clear (Brief *brief)
{
  g_clear_pointer (&brief->documents, g_ptr_array_unref);
  g_clear_pointer (&brief->bodies, g_ptr_array_unref);
  g_clear_pointer (&brief->items, g_ptr_array_unref);
  g_clear_pointer (&brief->quotes, g_ptr_array_unref);
  g_clear_pointer (&brief->cited, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Brief, brief_clear)

/* Field @i of @fields as valid UTF-8; @fallback when there is none. */
static char *
field (char       **fields,
       guint        i,
       const char  *fallback)
{
  if (i >= g_strv_length (fields))
    return g_strdup (fallback);

  return g_utf8_make_valid (fields[i], -1);
}

/* NULL, or nothing but white space (Unicode's included). */
static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
add_document (Brief  *brief,
              char  **fields)
{
  g_autofree char *title = field (fields, 1, "");
  g_autofree char *outlet = field (fields, 2, NULL);
  g_autofree char *published = field (fields, 3, NULL);
  g_autofree char *url = field (fields, 4, NULL);
  g_autofree char *text = field (fields, 5, "");

  /* As dossier_documents_insert() stores them. */
  if (is_blank (title))
    {
      g_free (title);
      title = g_strdup ("Untitled document");
    }

  g_ptr_array_add (brief->documents,
                   g_object_new (DOSSIER_TYPE_DOCUMENT,
                                 "id", (gint64) brief->documents->len + 1,
                                 "title", title,
                                 "outlet", outlet,
                                 "published", published,
                                 "url", url,
                                 NULL));
  g_ptr_array_add (brief->bodies, dossier_text_normalize (text));
}

static guint
parse_number (char  **fields,
              guint   i)
{
  if (i >= g_strv_length (fields))
    return 0;

  return (guint) MIN (g_ascii_strtoull (fields[i], NULL, 10), G_MAXUINT);
}

static void
add_claim (Brief  *brief,
           char  **fields)
{
  g_autofree char *speaker = field (fields, 4, NULL);
  g_autofree char *themes_list = field (fields, 5, "");
  g_autofree char *note = field (fields, 6, "");
  g_autofree char *commentary = field (fields, 7, "");
  g_auto(GStrv) themes = NULL;
  g_autoptr(DossierClaim) claim = NULL;
  g_autofree char *quote = NULL;
  const char *body;
  guint index, length, start, end;
  gint64 document_id;

  if (brief->documents->len == 0)
    return;

  index = parse_number (fields, 1) % brief->documents->len;
  body = g_ptr_array_index (brief->bodies, index);
  length = g_utf8_strlen (body, -1);
  start = MIN (parse_number (fields, 2), length);
  end = MIN (MAX (parse_number (fields, 3), start), length);
  if (end == start)
    return;  /* the database holds no empty claims */

  quote = g_utf8_substring (body, start, end);
  themes = themes_list[0] != '\0' ? g_strsplit (themes_list, ",", -1) : g_new0 (char *, 1);
  document_id = index + 1;

  claim = g_object_new (DOSSIER_TYPE_CLAIM,
                        "id", (gint64) brief->quotes->len + 1,
                        "document-id", document_id,
                        "start", start,
                        "end", end,
                        "quote", quote,
                        "speaker", speaker,
                        "themes", themes,
                        "note", note,
                        NULL);

  g_ptr_array_add (brief->items,
                   g_object_new (DOSSIER_TYPE_BRIEF_ITEM,
                                 "kind", DOSSIER_BRIEF_ITEM_CLAIM,
                                 "claim-id", dossier_claim_get_id (claim),
                                 "claim", claim,
                                 "text", commentary,
                                 NULL));
  g_ptr_array_add (brief->quotes, g_steal_pointer (&quote));

  {
    gboolean seen = FALSE;

    for (guint i = 0; i < brief->cited->len; i++)
      seen = seen || g_array_index (brief->cited, gint64, i) == document_id;
    if (!seen)
      g_array_append_val (brief->cited, document_id);
  }

  if (!is_blank (commentary) || !is_blank (note))
    brief->user_markdown = TRUE;
}

static void
add_text_item (Brief                *brief,
               DossierBriefItemKind  kind,
               char                **fields)
{
  g_autofree char *text = field (fields, 1, "");

  if (kind == DOSSIER_BRIEF_ITEM_TEXT && !is_blank (text))
    brief->user_markdown = TRUE;

  g_ptr_array_add (brief->items,
                   g_object_new (DOSSIER_TYPE_BRIEF_ITEM,
                                 "kind", kind,
                                 "text", text,
                                 NULL));
}

static DossierDocument *
get_document (gint64     document_id,
              gpointer   user_data,
              GError   **error)
{
  Brief *brief = user_data;

  g_assert_cmpint (document_id, >=, 1);
  g_assert_cmpint (document_id, <=, brief->documents->len);

  brief->lookups++;

  return g_object_ref (g_ptr_array_index (brief->documents, document_id - 1));
}

/* cmark */

/* The text of an inline subtree; emphasis (the document's title in an
 * attribution) is marked with "<em>". Links, code, HTML and the like
 * inside a blockquote mean the quote was read as markup. */
static void
append_inline_text (GString    *out,
                    cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
          g_string_append (out, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        case CMARK_NODE_EMPH:
          g_string_append (out, "<em>");
          append_inline_text (out, child);
          g_string_append (out, "</em>");
          break;
        default:
          g_error ("unexpected %s node in a blockquote", cmark_node_get_type_string (child));
        }
    }
}

/* @text as the renderer writes a name on one line: line breaks and tabs
 * become spaces, white space at the ends (Unicode's too) goes. */
static char *
one_line (const char *text)
{
  g_autofree char *line = g_strdup (text);
  const char *start = line;
  const char *end;

  for (char *p = line; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);

  return g_strndup (start, end - start);
}

/* The attribution line a CommonMark reader should see under a quote:
 * "— Speaker, in <em>Title</em>, Outlet, date[^N]", leaving out what is
 * not set (DESIGN.md §5). */
static char *
expected_attribution (DossierClaim    *claim,
                      DossierDocument *document,
                      guint            footnote)
{
  const char *speaker = dossier_claim_get_speaker (claim);
  const char *title = dossier_document_get_title (document);
  const char *outlet = dossier_document_get_outlet (document);
  const char *date = dossier_document_get_published (document);
  GString *out = g_string_new ("—");
  gboolean any = FALSE;

  if (!is_blank (speaker))
    {
      g_autofree char *line = one_line (speaker);

      g_string_append_printf (out, " %s", line);
      any = TRUE;
    }
  if (!is_blank (title))
    {
      g_autofree char *line = one_line (title);

      g_string_append_printf (out, "%s<em>%s</em>", any ? ", in " : " ", line);
      any = TRUE;
    }
  if (!is_blank (outlet))
    {
      g_autofree char *line = one_line (outlet);

      g_string_append_printf (out, "%s%s", any ? ", " : " ", line);
      any = TRUE;
    }
  if (!is_blank (date))
    {
      g_autofree char *line = one_line (date);

      g_string_append_printf (out, "%s%s", any ? ", " : " ", line);
    }

  g_string_append_printf (out, "[^%u]", footnote);

  return g_string_free (out, FALSE);
}

/* Parses the first @length bytes of @markdown, everything before the
 * footnote definitions: CommonMark knows no footnotes, and reads one
 * whose text is a single word ("[^1]: \"Memo\".") as a link reference
 * definition, which turns the "[^1]" of an attribution into a link.
 * Pandoc and GFM read footnotes first. */
static void
check_with_cmark (Brief      *brief,
                  const char *markdown,
                  gsize       length)
{
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;
  guint quotes = 0;

  /* YAML front matter is for Pandoc and Obsidian, not CommonMark. */
  if (g_str_has_prefix (markdown, "---\n"))
    {
      const char *end = strstr (markdown + 4, "\n---\n");

      g_assert_nonnull (end);
      g_assert_cmpuint (end + 5 - markdown, <=, length);
      length -= end + 5 - markdown;
      markdown = end + 5;
    }

  document = cmark_parse_document (markdown, length, CMARK_OPT_DEFAULT);

  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node_type type = cmark_node_get_type (cmark_iter_get_node (iter));

      g_assert_true (type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_HTML_INLINE);
    }
  cmark_iter_free (iter);

  for (cmark_node *block = cmark_node_first_child (document); block != NULL; block = cmark_node_next (block))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) attribution = g_string_new (NULL);
      g_autofree char *expected = NULL;
      g_autofree char *expected_line = NULL;
      const char *quote;
      gsize quote_length;

      if (cmark_node_get_type (block) != CMARK_NODE_BLOCK_QUOTE)
        continue;

      g_assert_cmpuint (quotes, <, brief->quotes->len);

      for (cmark_node *paragraph = cmark_node_first_child (block); paragraph != NULL; paragraph = cmark_node_next (paragraph))
        {
          g_assert_cmpint (cmark_node_get_type (paragraph), ==, CMARK_NODE_PARAGRAPH);

          if (cmark_node_next (paragraph) == NULL)
            {
              append_inline_text (attribution, paragraph);
              break;
            }

          if (text->len > 0)
            g_string_append (text, "\n\n");
          append_inline_text (text, paragraph);
        }

      /* The quote exactly, less line breaks at its very ends (a
       * blockquote cannot show them). */
      quote = g_ptr_array_index (brief->quotes, quotes);
      quote += strspn (quote, "\n");
      quote_length = strlen (quote);
      while (quote_length > 0 && quote[quote_length - 1] == '\n')
        quote_length--;
      expected = g_strndup (quote, quote_length);
      g_assert_cmpstr (text->str, ==, expected);

      /* The attribution names the speaker and the document, and the
       * footnote numbers documents in the order they are first cited. */
      {
        DossierBriefItem *item = NULL;
        DossierClaim *claim;
        gint64 document_id;
        guint seen = 0, number = 0;

        for (guint i = 0; i < brief->items->len; i++)
          {
            DossierBriefItem *candidate = g_ptr_array_index (brief->items, i);

            if (dossier_brief_item_get_kind (candidate) == DOSSIER_BRIEF_ITEM_CLAIM && seen++ == quotes)
              item = candidate;
          }
        g_assert_nonnull (item);
        claim = dossier_brief_item_get_claim (item);
        document_id = dossier_claim_get_document_id (claim);

        for (guint i = 0; i < brief->cited->len; i++)
          if (g_array_index (brief->cited, gint64, i) == document_id)
            number = i + 1;
        g_assert_cmpuint (number, >, 0);

        expected_line = expected_attribution (claim, g_ptr_array_index (brief->documents, document_id - 1), number);
      }
      g_assert_cmpstr (attribution->str, ==, expected_line);

      quotes++;
    }

  g_assert_cmpuint (quotes, ==, brief->quotes->len);

  cmark_node_free (document);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(Brief) brief = { 0 };
  g_autoptr(DossierBrief) dossier_brief = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *again = NULL;
  g_autofree char *record = NULL;
  g_auto(GStrv) head = NULL;
  g_autofree char *flags = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *updated = NULL;
  DossierMarkdownOptions options = { 0 };
  FuzzFields records;
  const char *footnotes;

  brief.documents = g_ptr_array_new_with_free_func (g_object_unref);
  brief.bodies = g_ptr_array_new_with_free_func (g_free);
  brief.items = g_ptr_array_new_with_free_func (g_object_unref);
  brief.quotes = g_ptr_array_new_with_free_func (g_free);
  brief.cited = g_array_new (FALSE, FALSE, sizeof (gint64));

  fuzz_fields_init (&records, data, size);

  record = fuzz_fields_next (&records, RECORD_SEPARATOR);
  if (record == NULL)
    record = g_strdup ("");  /* no input at all */
  head = g_strsplit (record, (char[]) { FIELD_SEPARATOR, '\0' }, -1);
  flags = field (head, 0, "");
  title = field (head, 1, "");
  summary = field (head, 2, "");
  updated = field (head, 3, "2026-01-01 00:00:00");

  options.include_notes = strchr (flags, 'n') != NULL;
  options.include_themes = strchr (flags, 't') != NULL;
  options.front_matter = strchr (flags, 'f') != NULL;

  for (;;)
    {
      g_auto(GStrv) fields = NULL;

      g_free (record);
      record = fuzz_fields_next (&records, RECORD_SEPARATOR);
      if (record == NULL)
        break;

      fields = g_strsplit (record, (char[]) { FIELD_SEPARATOR, '\0' }, -1);

      if (fields[0] == NULL)
        continue;

      switch (fields[0][0])
        {
        case 'D':
          add_document (&brief, fields);
          break;
        case 'H':
          add_text_item (&brief, DOSSIER_BRIEF_ITEM_HEADING, fields);
          break;
        case 'X':
          add_text_item (&brief, DOSSIER_BRIEF_ITEM_TEXT, fields);
          break;
        case 'C':
          add_claim (&brief, fields);
          break;
        default:
          break;
        }
    }

  dossier_brief = g_object_new (DOSSIER_TYPE_BRIEF,
                                "id", (gint64) 1,
                                "title", title,
                                "summary", summary,
                                "updated", updated,
                                NULL);

  markdown = dossier_markdown_render (dossier_brief, brief.items, get_document, &brief, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (markdown);

  g_assert_true (g_utf8_validate (markdown, -1, NULL));
  g_assert_true (g_str_has_suffix (markdown, "\n"));
  g_assert_false (g_str_has_suffix (markdown, "\n\n"));

  /* One lookup per cited document, and its footnote: the last lines
   * are one definition per document, in order. */
  g_assert_cmpuint (brief.lookups, ==, brief.cited->len);
  footnotes = markdown + strlen (markdown) - 1;
  for (guint i = brief.cited->len; i > 0; i--)
    {
      g_autofree char *definition = g_strdup_printf ("[^%u]:", i);
      const char *line = footnotes;

      while (line > markdown && line[-1] != '\n')
        line--;
      g_assert_true (line > markdown);
      g_assert_true (g_str_has_prefix (line, definition));
      footnotes = line - 1;
    }
  footnotes++;

  again = dossier_markdown_render (dossier_brief, brief.items, get_document, &brief, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, markdown);

  if (!brief.user_markdown && is_blank (summary))
    check_with_cmark (&brief, markdown, footnotes - markdown);

  return 0;
}
