/* test-markdown.c — a brief rendered as Markdown: golden files, and
 * quotes that stay verbatim whatever they hold, checked with cmark
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cmark.h>

#include "dossier-database-private.h"
#include "test-utils.h"

/* Documents written for these tests. */
static const char *treaty_text =
  "Treaty Talks Enter a Second Round\n"
  "\n"
  "The envoy said: the deliveries will resume before the dry season.\n"
  "\n"
  "Officials added that the reservoirs were at 31 percent. "
  "Critics called the plan \"a promise, not a policy\".\n";

static const char *bulletin_text =
  "Weekly Bulletin\n"
  "\n"
  "Farmers in the valley planted less this spring.\n";

/* Every quote of the hostile test is a passage of this text. */
static const char *hostile_text =
  "Markup Sampler\n"
  "\n"
  "Stars *x* and lines _x_ and <script>alert(1)</script> and [a](b) here.\n"
  "# x\n"
  "1. x\n"
  "> x\n"
  "- x\n"
  "+ x\n"
  "Paths a\\b and `code` and &amp; and the end  of it.\n"
  "    indented four\n"
  "Lines\n"
  "* one\n"
  "\n"
  "First.\n"
  "\n"
  "Second.\n"
  "\n"
  "Ellipsis... then 2) two, ~~gone~~ | cell | $5 and $6 @cite {.x} [^9] a=b\n"
  "===\n"
  "---\n";

static const char *hostile_quotes[] = {
  "*x*",
  "_x_",
  "<script>alert(1)</script>",
  "[a](b)",
  "# x",
  "1. x",
  "> x",
  "- x",
  "+ x",
  "a\\b",
  "`code`",
  "&amp;",
  "end  ",
  "    indented four",
  "Lines\n* one",
  "First.\n\nSecond.",
  "Ellipsis... then 2) two, ~~gone~~ | cell | $5 and $6 @cite {.x} [^9] a=b\n===\n---",
  "# x\n1. x\n> x\n- x\n+ x",
  "\nStars *x*",
  "Second.\n",
};

typedef struct
{
  char            *dir;
  DossierDatabase *db;
  gint64           treaty;
  gint64           bulletin;
  gint64           hostile;
} Fixture;

static void
set_metadata (DossierDatabase *db,
              gint64           document,
              const char      *title,
              const char      *outlet,
              const char      *published,
              const char      *url)
{
  g_autoptr(GError) error = NULL;
  DossierMetadata changes = {
    .title = (char *) title,
    .outlet = (char *) outlet,
    .author = (char *) "",
    .published = (char *) published,
    .url = (char *) url,
  };

  g_assert_true (dossier_documents_update (db, document, &changes, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_open_database (&fixture->dir);
  fixture->treaty = test_import_text (fixture->db, fixture->dir, "treaty.txt", treaty_text);
  fixture->bulletin = test_import_text (fixture->db, fixture->dir, "bulletin.txt", bulletin_text);
  fixture->hostile = test_import_text (fixture->db, fixture->dir, "hostile.txt", hostile_text);

  set_metadata (fixture->db, fixture->treaty, "Treaty Talks: a *Second* Round", "Río Ledger",
                "2025-09-09", "https://example.org/treaty?round=2&lang=en");
  /* Only a title: no outlet, date or link to print. */
  set_metadata (fixture->db, fixture->bulletin, "Weekly Bulletin", "", "", "");
  set_metadata (fixture->db, fixture->hostile, "Notes on <b>Markup</b> [draft]", "Ledger_of_Things",
                "2025-03-01", "not a url");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->dir, g_free);
}

/* A claim over the first occurrence of @quote in the document's body,
 * by offsets (so trailing blanks stay part of the quote). */
static gint64
add_claim (Fixture            *fixture,
           gint64              document,
           const char         *quote,
           const char         *speaker,
           const char * const *themes,
           const char         *note)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = dossier_documents_get_body (fixture->db, document, &error);
  g_autoptr(DossierClaim) claim = NULL;
  const char *found;
  guint start;

  g_assert_no_error (error);
  found = strstr (body, quote);
  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (body, found);

  claim = dossier_claims_create (fixture->db, document, start, start + g_utf8_strlen (quote, -1),
                                 themes, speaker, note, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_claim_get_quote (claim), ==, quote);

  return dossier_claim_get_id (claim);
}

/* Fixed times, so the front matter is the same on every run. */
static void
pin_times (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_database_exec (fixture->db,
                                        "UPDATE briefs SET created = '2026-01-15T09:30:00Z', "
                                        "updated = '2026-02-03T17:05:00Z'",
                                        &error));
  g_assert_no_error (error);
}

/* A brief with every kind of item: summary, headings, free text, claims
 * with and without commentary, speaker, themes and note; two quotes from
 * one document sharing its footnote, a document without metadata. */
static gint64
build_brief (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierBrief) brief = NULL;
  const char *water[] = { "Water", "Treaty \"1944\"", NULL };
  gint64 envoy, reservoirs, critics, farmers;
  gint64 id;

  envoy = add_claim (fixture, fixture->treaty, "the deliveries will resume before the dry season.",
                     "Envoy Ana Ruiz", water, "Confirm with the ministry.");
  reservoirs = add_claim (fixture, fixture->treaty, "the reservoirs were at 31 percent.", NULL, NULL, NULL);
  critics = add_claim (fixture, fixture->treaty, "\"a promise, not a policy\"", "Critics", NULL, "Who exactly?\nAsk.");
  farmers = add_claim (fixture, fixture->bulletin, "Farmers in the valley planted less this spring.",
                       NULL, (const char *[]) { "Agriculture", NULL }, NULL);

  brief = dossier_briefs_create (fixture->db, "Water outlook: Q3 *draft*",
                                 "Where the treaty stands,\nand what to watch.\n", &error);
  g_assert_no_error (error);
  id = dossier_brief_get_id (brief);

#define OK(call) G_STMT_START { g_autoptr(DossierBriefItem) item = (call); g_assert_no_error (error); } G_STMT_END
  OK (dossier_briefs_add_heading (fixture->db, id, "Deliveries", &error));
  OK (dossier_briefs_add_text (fixture->db, id, "The talks **resumed** this week.\n\n- one\n- two\n", NULL, &error));
  OK (dossier_briefs_add_claim (fixture->db, id, envoy, "A firm date, *finally*.", NULL, &error));
  OK (dossier_briefs_add_claim (fixture->db, id, farmers, NULL, NULL, &error));
  OK (dossier_briefs_add_heading (fixture->db, id, "Risks & #2 [open]", &error));
  OK (dossier_briefs_add_claim (fixture->db, id, reservoirs, NULL, NULL, &error));
  OK (dossier_briefs_add_claim (fixture->db, id, critics, "Expect pushback.", NULL, &error));
  OK (dossier_briefs_add_text (fixture->db, id, "Closing note.", "Deliveries", &error));
#undef OK

  pin_times (fixture);

  return id;
}

static char *
render (Fixture                      *fixture,
        gint64                        brief,
        const DossierMarkdownOptions *options)
{
  g_autoptr(GError) error = NULL;
  char *markdown = dossier_brief_render_markdown (fixture->db, brief, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (markdown);
  g_assert_true (g_utf8_validate (markdown, -1, NULL));
  g_assert_null (strstr (markdown, "(null)"));

  return markdown;
}

/* Compares with tests/golden/@name; with DOSSIER_UPDATE_GOLDEN set,
 * writes it instead (then review the diff). */
static void
assert_golden (const char *markdown,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", name, NULL);
  g_autofree char *expected = NULL;

  if (g_getenv ("DOSSIER_UPDATE_GOLDEN") != NULL)
    {
      g_file_set_contents (path, markdown, -1, &error);
      g_assert_no_error (error);
      return;
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (markdown, ==, expected);
}

static void
test_golden (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct {
    const char             *name;
    DossierMarkdownOptions  options;
  } cases[] = {
    { "brief.md", { FALSE, FALSE, FALSE } },
    { "brief-notes.md", { TRUE, FALSE, FALSE } },
    { "brief-themes.md", { FALSE, TRUE, FALSE } },
    { "brief-front-matter.md", { FALSE, FALSE, TRUE } },
    { "brief-all.md", { TRUE, TRUE, TRUE } },
  };
  gint64 brief = build_brief (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *first = render (fixture, brief, &cases[i].options);
      g_autofree char *second = render (fixture, brief, &cases[i].options);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (first, ==, second);
      assert_golden (first, cases[i].name);
    }

  /* NULL options are the defaults. */
  {
    g_autofree char *plain = render (fixture, brief, NULL);
    assert_golden (plain, "brief.md");
  }
}

static void
test_empty_and_missing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierBrief) brief = dossier_briefs_create (fixture->db, "Empty", NULL, &error);
  g_autofree char *markdown = NULL;
  DossierMarkdownOptions options = { .front_matter = TRUE };

  g_assert_no_error (error);
  pin_times (fixture);
  markdown = render (fixture, dossier_brief_get_id (brief), &options);
  g_assert_cmpstr (markdown, ==,
                   "---\ntitle: \"Empty\"\ndate: \"2026-02-03\"\nsummary: \"\"\n---\n\n# Empty\n");

  g_assert_null (dossier_brief_render_markdown (fixture->db, 9999, NULL, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
}

static void
test_front_matter_quoting (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierBrief) brief = dossier_briefs_create (fixture->db, "Say \"no\": a \\ b # c",
                                                         "Line one\nLine two\t— “curly”", &error);
  g_autofree char *markdown = NULL;
  DossierMarkdownOptions options = { .front_matter = TRUE };

  g_assert_no_error (error);
  pin_times (fixture);
  markdown = render (fixture, dossier_brief_get_id (brief), &options);
  g_assert_true (g_str_has_prefix (markdown,
                                   "---\n"
                                   "title: \"Say \\\"no\\\": a \\\\ b # c\"\n"
                                   "date: \"2026-02-03\"\n"
                                   "summary: \"Line one\\nLine two\\t— “curly”\"\n"
                                   "---\n\n"));
}

/* cmark */

/* The text of an inline subtree, failing on anything but plain text. */
static void
append_inline_text (GString    *out,
                    cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (out, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
          /* Only the attribution's document title is emphasised. */
          g_string_append (out, "<em>");
          append_inline_text (out, child);
          g_string_append (out, "</em>");
          break;
        default:
          g_error ("unexpected %s node in a blockquote", cmark_node_get_type_string (child));
        }
    }
}

static gboolean
has_node_of_type (cmark_node      *root,
                  cmark_node_type  type)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;
  gboolean found = FALSE;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type (cmark_iter_get_node (iter)) == type)
      found = TRUE;
  cmark_iter_free (iter);

  return found;
}

typedef struct
{
  char *quote;        /* paragraphs joined by "\n\n" */
  char *attribution;  /* the last paragraph */
} Quote;

static void
quote_clear (gpointer data)
{
  Quote *quote = data;

  g_free (quote->quote);
  g_free (quote->attribution);
}

/* The blockquotes of @markdown, in order. */
static GArray *
parse_quotes (const char *markdown)
{
  GArray *quotes = g_array_new (FALSE, TRUE, sizeof (Quote));
  cmark_node *document;

  /* YAML front matter is for Pandoc and Obsidian, not CommonMark. */
  if (g_str_has_prefix (markdown, "---\n"))
    {
      const char *end = strstr (markdown + 4, "\n---\n");

      g_assert_nonnull (end);
      markdown = end + 5;
    }

  document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);

  g_array_set_clear_func (quotes, quote_clear);

  g_assert_false (has_node_of_type (document, CMARK_NODE_HTML_BLOCK));
  g_assert_false (has_node_of_type (document, CMARK_NODE_HTML_INLINE));

  for (cmark_node *block = cmark_node_first_child (document); block != NULL; block = cmark_node_next (block))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) attribution = g_string_new (NULL);
      Quote quote;

      if (cmark_node_get_type (block) != CMARK_NODE_BLOCK_QUOTE)
        continue;

      g_assert_false (has_node_of_type (block, CMARK_NODE_LINK));
      g_assert_false (has_node_of_type (block, CMARK_NODE_IMAGE));
      g_assert_false (has_node_of_type (block, CMARK_NODE_STRONG));
      g_assert_false (has_node_of_type (block, CMARK_NODE_CODE));

      for (cmark_node *paragraph = cmark_node_first_child (block); paragraph != NULL; paragraph = cmark_node_next (paragraph))
        {
          g_assert_cmpint (cmark_node_get_type (paragraph), ==, CMARK_NODE_PARAGRAPH);

          if (cmark_node_next (paragraph) == NULL)
            {
              append_inline_text (attribution, paragraph);
              break;
            }

          g_assert_false (has_node_of_type (paragraph, CMARK_NODE_EMPH));
          if (text->len > 0)
            g_string_append (text, "\n\n");
          append_inline_text (text, paragraph);
        }

      g_assert_true (g_str_has_prefix (attribution->str, "— "));
      quote.quote = g_strdup (text->str);
      quote.attribution = g_strdup (attribution->str);
      g_array_append_val (quotes, quote);
    }

  cmark_node_free (document);

  return quotes;
}

static void
test_cmark_hostile (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierBrief) brief = dossier_briefs_create (fixture->db, "Hostile *quotes* <i>", NULL, &error);
  g_autofree char *markdown = NULL;
  g_autoptr(GArray) quotes = NULL;
  DossierMarkdownOptions options = { TRUE, TRUE, TRUE };
  gint64 id;

  g_assert_no_error (error);
  id = dossier_brief_get_id (brief);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_quotes); i++)
    {
      g_autoptr(DossierBriefItem) item = NULL;
      gint64 claim = add_claim (fixture, fixture->hostile, hostile_quotes[i], NULL, NULL, NULL);

      item = dossier_briefs_add_claim (fixture->db, id, claim, NULL, NULL, &error);
      g_assert_no_error (error);

      /* Every other quote cites the treaty, to interleave footnotes. */
      if (i % 2 == 1)
        {
          g_autoptr(DossierBriefItem) other = NULL;
          gint64 treaty_claim = add_claim (fixture, fixture->treaty, "the reservoirs were at 31 percent.",
                                           "Official <b>", NULL, NULL);

          other = dossier_briefs_add_claim (fixture->db, id, treaty_claim, NULL, NULL, &error);
          g_assert_no_error (error);
        }
    }
  pin_times (fixture);

  markdown = render (fixture, id, &options);
  assert_golden (markdown, "brief-hostile.md");

  quotes = parse_quotes (markdown);
  g_assert_cmpuint (quotes->len, ==, G_N_ELEMENTS (hostile_quotes) + G_N_ELEMENTS (hostile_quotes) / 2);

  for (guint i = 0, q = 0; i < G_N_ELEMENTS (hostile_quotes); i++)
    {
      Quote *quote = &g_array_index (quotes, Quote, q++);
      /* Line breaks at the ends show nothing and are dropped. */
      g_autofree char *visible = g_strdup (hostile_quotes[i] + strspn (hostile_quotes[i], "\n"));

      g_test_message ("quote %u: %s", i, hostile_quotes[i]);
      while (g_str_has_suffix (visible, "\n"))
        visible[strlen (visible) - 1] = '\0';
      g_assert_cmpstr (quote->quote, ==, visible);
      /* The hostile document was cited first: footnote 1, shared. */
      g_assert_true (g_str_has_suffix (quote->attribution, "[^1]"));
      g_assert_nonnull (strstr (quote->attribution, "<em>Notes on <b>Markup</b> [draft]</em>"));
      g_assert_nonnull (strstr (quote->attribution, "Ledger_of_Things"));

      if (i % 2 == 1)
        {
          quote = &g_array_index (quotes, Quote, q++);
          g_assert_cmpstr (quote->quote, ==, "the reservoirs were at 31 percent.");
          g_assert_cmpstr (quote->attribution, ==,
                           "— Official <b>, in <em>Treaty Talks: a *Second* Round</em>, Río Ledger, 2025-09-09[^2]");
        }
    }

  g_assert_nonnull (strstr (markdown, "\n[^1]: Ledger\\_of\\_Things, \"Notes on \\<b\\>Markup\\</b\\> \\[draft\\]\", 2025-03-01. not a url\n"));
  g_assert_nonnull (strstr (markdown, "\n[^2]: Río Ledger, \"Treaty Talks: a \\*Second\\* Round\", 2025-09-09. "
                                      "<https://example.org/treaty?round=2&lang=en>\n"));
  g_assert_null (strstr (markdown, "[^3]"));
}

static void
test_cmark_golden_brief (Fixture       *fixture,
                         gconstpointer  data)
{
  DossierMarkdownOptions options = { TRUE, TRUE, FALSE };
  gint64 brief = build_brief (fixture);
  g_autofree char *markdown = render (fixture, brief, &options);
  g_autoptr(GArray) quotes = parse_quotes (markdown);
  static const char *expected[] = {
    "the deliveries will resume before the dry season.",
    "Farmers in the valley planted less this spring.",
    "the reservoirs were at 31 percent.",
    "\"a promise, not a policy\"",
  };
  static const char *footnotes[] = { "[^1]", "[^2]", "[^1]", "[^1]" };

  g_assert_cmpuint (quotes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      Quote *quote = &g_array_index (quotes, Quote, i);

      g_assert_cmpstr (quote->quote, ==, expected[i]);
      g_assert_true (g_str_has_suffix (quote->attribution, footnotes[i]));
    }
  g_assert_cmpstr (g_array_index (quotes, Quote, 1).attribution, ==, "— <em>Weekly Bulletin</em>[^2]");
}

/* Names are trimmed of Unicode white space too: a title starting with
 * U+3000 or ending with U+00A0 showed its asterisks instead of being
 * emphasised, and one of only such spaces printed "**". Found by fuzzing
 * (fuzz/corpus/markdown/crash-title-unicode-space). */
static void
test_cmark_unicode_space_names (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierBrief) brief = dossier_briefs_create (fixture->db, "\xE3\x80\x80Spaces", NULL, &error);
  g_autofree char *markdown = NULL;
  g_autoptr(GArray) quotes = NULL;
  gint64 farmers, envoy, id;

  g_assert_no_error (error);
  id = dossier_brief_get_id (brief);

  set_metadata (fixture->db, fixture->bulletin, "Weekly Bulletin", "\xC2\xA0Valley Post", "", "");
  set_metadata (fixture->db, fixture->treaty, "Treaty", "", "2025-09-09", "");
  /* Titles edged with, or made of, Unicode spaces: dossier_documents_update()
   * now cleans them as import does, but a database written before may hold
   * them, and the renderer must still cope. */
  {
    sqlite3 *handle = dossier_database_get_handle (fixture->db);
    g_autofree char *sql = g_strdup_printf ("UPDATE documents SET title = CASE id"
                                            " WHEN %" G_GINT64_FORMAT " THEN '\xE3\x80\x80Weekly Bulletin\xC2\xA0'"
                                            " WHEN %" G_GINT64_FORMAT " THEN '\xE3\x80\x80' ELSE title END",
                                            fixture->bulletin, fixture->treaty);

    g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  farmers = add_claim (fixture, fixture->bulletin, "Farmers in the valley planted less this spring.",
                       "\xE2\x80\x83" "Field Agent", NULL, NULL);
  envoy = add_claim (fixture, fixture->treaty, "the deliveries will resume", NULL, NULL, NULL);

  {
    g_autoptr(DossierBriefItem) first = dossier_briefs_add_claim (fixture->db, id, farmers, NULL, NULL, &error);
    g_autoptr(DossierBriefItem) second = NULL;

    g_assert_no_error (error);
    second = dossier_briefs_add_claim (fixture->db, id, envoy, NULL, NULL, &error);
    g_assert_no_error (error);
  }

  markdown = render (fixture, id, NULL);
  g_test_message ("%s", markdown);
  g_assert_true (g_str_has_prefix (markdown, "# Spaces\n"));

  quotes = parse_quotes (markdown);
  g_assert_cmpuint (quotes->len, ==, 2);
  g_assert_cmpstr (g_array_index (quotes, Quote, 0).attribution, ==,
                   "\xE2\x80\x94 Field Agent, in <em>Weekly Bulletin</em>, Valley Post[^1]");
  /* A title of nothing but spaces is left out, as a missing one is. */
  g_assert_cmpstr (g_array_index (quotes, Quote, 1).attribution, ==, "\xE2\x80\x94 2025-09-09[^2]");
  g_assert_null (strstr (markdown, "**"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/markdown/golden", test_golden);
  ADD ("/markdown/empty-and-missing", test_empty_and_missing);
  ADD ("/markdown/front-matter-quoting", test_front_matter_quoting);
  ADD ("/markdown/cmark-hostile", test_cmark_hostile);
  ADD ("/markdown/cmark-golden-brief", test_cmark_golden_brief);
  ADD ("/markdown/cmark-unicode-space-names", test_cmark_unicode_space_names);

#undef ADD

  return g_test_run ();
}
