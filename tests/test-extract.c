/* test-extract.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "dossier-extract.h"
#include "dossier-metadata.h"
#include "dossier-text.h"

typedef struct
{
  char            *body;
  DossierMetadata *metadata;
  const char      *format;
} Extracted;

static void
extracted_free (Extracted *e)
{
  g_free (e->body);
  dossier_metadata_free (e->metadata);
  g_free (e);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Extracted, extracted_free)

/* Writes a real file named @name into a fresh folder, reads it back and
 * extracts it, as import does. */
static Extracted *
extract_file (const char  *name,
              const char  *data,
              gssize       length,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-extract-XXXXXX", &local_error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  Extracted *e = g_new0 (Extracted, 1);
  gsize read_length;

  g_assert_no_error (local_error);
  if (length < 0)
    length = strlen (data);

  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, data, length, &local_error);
  g_assert_no_error (local_error);
  g_file_get_contents (path, &contents, &read_length, &local_error);
  g_assert_no_error (local_error);

  if (!dossier_extract (path, (const guint8 *) contents, read_length,
                        &e->body, &e->metadata, &e->format, error))
    {
      g_assert_null (e->body);
      g_assert_null (e->metadata);
      g_clear_pointer (&e, extracted_free);
    }
  else
    {
      g_autofree char *again = dossier_text_normalize (e->body);

      /* Every body comes out normalised. */
      g_assert_cmpstr (e->body, ==, again);
      g_assert_nonnull (e->metadata->title);
    }

  g_unlink (path);
  g_rmdir (dir);

  return e;
}

static Extracted *
extract_ok (const char *name,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  Extracted *e = extract_file (name, data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (e);

  return e;
}

static void
test_format_for_name (void)
{
  g_assert_cmpstr (dossier_extract_format_for_name ("a.txt"), ==, "txt");
  g_assert_cmpstr (dossier_extract_format_for_name ("/x/y.z/A.TEXT"), ==, "txt");
  g_assert_cmpstr (dossier_extract_format_for_name ("notes.md"), ==, "markdown");
  g_assert_cmpstr (dossier_extract_format_for_name ("notes.Markdown"), ==, "markdown");
  g_assert_cmpstr (dossier_extract_format_for_name ("page.html"), ==, "html");
  g_assert_cmpstr (dossier_extract_format_for_name ("page.HTM"), ==, "html");
  g_assert_cmpstr (dossier_extract_format_for_name ("page.xhtml"), ==, "html");
  g_assert_null (dossier_extract_format_for_name ("report.pdf"));
  g_assert_null (dossier_extract_format_for_name ("README"));
  g_assert_null (dossier_extract_format_for_name (".txt"));
  g_assert_null (dossier_extract_format_for_name ("dir.txt/file"));
}

/* Plain text */

static void
test_txt (void)
{
  g_autoptr(Extracted) e = extract_ok ("story.txt",
                                       "Skip to content\r\n\r\n"
                                       "Port Talks Resume After a Long Pause\r\n"
                                       "By Jane Doe\r\n"
                                       "Published Sept. 9, 2025\r\n\r\n\r\n"
                                       "Talks resumed today.   \r\n",
                                       -1);

  g_assert_cmpstr (e->format, ==, "txt");
  g_assert_cmpstr (e->body, ==, "Skip to content\n\nPort Talks Resume After a Long Pause\n"
                                "By Jane Doe\nPublished Sept. 9, 2025\n\nTalks resumed today.");
  g_assert_cmpstr (e->metadata->title, ==, "Port Talks Resume After a Long Pause");
  g_assert_cmpstr (e->metadata->author, ==, "Jane Doe");
  g_assert_cmpstr (e->metadata->published, ==, "2025-09-09");
}

static void
test_txt_encodings (void)
{
  static const char utf16le[] = "\xFF\xFE" "C\0a\0f\0\xE9\0 \0\x1C\x20" "o\0k\0\x1D\x20";
  static const char utf16be[] = "\xFE\xFF" "\0C\0a\0f\0\xE9\0 \x20\x1C\0o\0k\x20\x1D";
  static const char cp1252[] = "Caf\xE9 \x93ok\x94";
  static const char nfd[] = "\xEF\xBB\xBF" "Cafe\xCC\x81 \xE2\x80\x9Cok\xE2\x80\x9D";
  const char *inputs[] = { utf16le, utf16be, cp1252, nfd };
  gsize lengths[] = { sizeof utf16le - 1, sizeof utf16be - 1, sizeof cp1252 - 1, sizeof nfd - 1 };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(Extracted) e = extract_ok ("enc.txt", inputs[i], lengths[i]);

      g_assert_cmpstr (e->body, ==, "Caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D");
    }
}

static void
test_failures (void)
{
  static const struct {
    const char *name;
    const char *data;
    gssize      length;   /* -1: a string */
    int         code;
  } cases[] = {
    { "nul.txt", "text\0more", 9, DOSSIER_TEXT_ERROR_BINARY },
    { "empty.txt", "", 0, DOSSIER_TEXT_ERROR_EMPTY },
    { "blank.txt", " \r\n\t\n", -1, DOSSIER_TEXT_ERROR_EMPTY },
    { "blank.md", "---\ntitle: Only front matter\n---\n\n", -1, DOSSIER_TEXT_ERROR_EMPTY },
    { "blank.html", "<html><head><title>T</title><script>x()</script></head>"
                    "<body> <nav>Menu</nav> </body></html>", -1, DOSSIER_TEXT_ERROR_EMPTY },
    { "nul.html", "<p>a\0b</p>", 10, DOSSIER_TEXT_ERROR_BINARY },
    { "image.png", "\x89PNG\r\n", -1, DOSSIER_TEXT_ERROR_UNSUPPORTED },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(Extracted) e = NULL;

      g_test_message ("failure case %s", cases[i].name);
      e = extract_file (cases[i].name, cases[i].data, cases[i].length, &error);
      g_assert_null (e);
      g_assert_error (error, DOSSIER_TEXT_ERROR, cases[i].code);
    }
}

static void
test_filename_title (void)
{
  g_autoptr(Extracted) e = extract_ok ("my-notes.txt", "Share\n\nMenu\n\n12345\n", -1);

  g_assert_cmpstr (e->metadata->title, ==, "my-notes");
}

/* Markdown */

static void
test_markdown_front_matter (void)
{
  g_autoptr(Extracted) e = extract_ok (
    "a.md",
    "---\r\n"
    "title: \"Rubio's Visit: What It Means\"\r\n"
    "source: Example Institute\r\n"
    "author:\r\n"
    "  - Jane Doe\r\n"
    "  - John Roe\r\n"
    "date: Dec. 19, 2025\r\n"
    "link: https://example.org/visit\r\n"
    "tags: [a, b]\r\n"
    "extra: {nested: {deeper: [1, 2]}}\r\n"
    "---\r\n"
    "\r\n"
    "# A Different Heading\r\n"
    "\r\n"
    "Some *emphasis* and a [link](https://example.org).\r\n",
    -1);

  g_assert_cmpstr (e->format, ==, "markdown");
  g_assert_cmpstr (e->metadata->title, ==, "Rubio's Visit: What It Means");
  g_assert_cmpstr (e->metadata->outlet, ==, "Example Institute");
  g_assert_cmpstr (e->metadata->author, ==, "Jane Doe, John Roe");
  g_assert_cmpstr (e->metadata->published, ==, "2025-12-19");
  g_assert_cmpstr (e->metadata->url, ==, "https://example.org/visit");
  g_assert_cmpstr (e->body, ==, "# A Different Heading\n\nSome *emphasis* and a [link](https://example.org).");
}

static void
test_markdown_front_matter_variants (void)
{
  g_autoptr(Extracted) iso = extract_ok ("b.md",
                                         "---\npublished: 2025-09-09\nauthors: [Ana Ruiz]\n"
                                         "publisher: ~\noutlet: The Outlet\n...\nBody only.\n", -1);
  g_autoptr(Extracted) us = extract_ok ("c.md", "---\ndate: '09/09/2025'\nby: Jane Doe\n---\nText.\n", -1);
  g_autoptr(Extracted) bad_date = extract_ok ("d.md", "---\ndate: 2025-02-30\ntitle: T\n---\nText.\n", -1);
  g_autoptr(Extracted) empty = extract_ok ("e.md", "---\n---\nJust text.\n", -1);
  g_autoptr(Extracted) anchors = extract_ok ("f.md",
                                             "---\nbase: &b Shared Name\nauthor: *b\ntitle: Anchored\n---\nText.\n", -1);

  g_assert_cmpstr (iso->metadata->published, ==, "2025-09-09");
  g_assert_cmpstr (iso->metadata->author, ==, "Ana Ruiz");
  g_assert_cmpstr (iso->metadata->outlet, ==, "The Outlet");
  g_assert_cmpstr (iso->body, ==, "Body only.");
  g_assert_cmpstr (us->metadata->published, ==, "2025-09-09");
  g_assert_cmpstr (us->metadata->author, ==, "Jane Doe");
  g_assert_null (bad_date->metadata->published);
  g_assert_cmpstr (bad_date->metadata->title, ==, "T");
  g_assert_cmpstr (empty->body, ==, "Just text.");
  /* Aliases are never expanded. */
  g_assert_null (anchors->metadata->author);
  g_assert_cmpstr (anchors->metadata->title, ==, "Anchored");
}

static void
test_markdown_malformed (void)
{
  /* Invalid YAML: kept as text, nothing lost. */
  g_autoptr(Extracted) bad = extract_ok ("bad.md",
                                         "---\ntitle: [unclosed\nauthor: Jane Doe\n---\n\n# Heading Title\n\nBody.\n", -1);
  /* A thematic break around prose is no front matter. */
  g_autoptr(Extracted) prose = extract_ok ("prose.md", "---\nJust a paragraph.\n---\nMore.\n", -1);
  /* Never closed. */
  g_autoptr(Extracted) open = extract_ok ("open.md", "---\ntitle: Open\n\nText goes on.\n", -1);

  g_assert_true (g_str_has_prefix (bad->body, "---\ntitle: [unclosed\nauthor: Jane Doe\n---"));
  g_assert_cmpstr (bad->metadata->title, ==, "Heading Title");
  /* Not front matter, but still a labelled line near the top. */
  g_assert_cmpstr (bad->metadata->author, ==, "Jane Doe");
  g_assert_cmpstr (prose->body, ==, "---\nJust a paragraph.\n---\nMore.");
  g_assert_cmpstr (open->body, ==, "---\ntitle: Open\n\nText goes on.");
}

static void
test_markdown_heading (void)
{
  g_autoptr(Extracted) e = extract_ok ("h.md",
                                       "Intro line before.\n\n```sh\n# not a heading\n```\n\n"
                                       "## Second level\n\n#Not a heading either\n\n"
                                       "# The Real Title #\n\nText.\n", -1);
  g_autoptr(Extracted) guessed = extract_ok ("g.md", "Skip to content\n\nA Guessed Title Here\n\nText.\n", -1);

  g_assert_cmpstr (e->metadata->title, ==, "The Real Title");
  g_assert_cmpstr (guessed->metadata->title, ==, "A Guessed Title Here");
}

/* HTML */

static void
test_html_text (void)
{
  g_autoptr(Extracted) e = extract_ok (
    "page.html",
    "<!DOCTYPE html>\n<html><head>\n"
    "<title>Ignored &amp; replaced</title>\n"
    "<style>body { color: red; }</style>\n"
    "<script>var secret = 'SCRIPT TEXT';</script>\n"
    "</head><body>\n"
    "<nav><ul><li>Home</li><li>World</li></ul></nav>\n"
    "<header class=\"masthead\">SITE MASTHEAD</header>\n"
    "<h1>The  Headline</h1>\n"
    "<p>First   paragraph with\n an <a href=\"https://example.org\">ordinary link</a>,"
    " <b>bold</b><i>italic</i> and entities: &ldquo;quoted&rdquo; &mdash; caf&eacute; &#x2603; &lt;tag&gt;.</p>\n"
    "<p>Line one<br>Line two<br/><br/>After two breaks.</p>\n"
    "<div>A div<div>nested div</div></div>\n"
    "<ul><li>Item one</li><li>Item two</li></ul>\n"
    "<blockquote>A quote.</blockquote>\n"
    "<pre>  code   stays\n    indented</pre>\n"
    "<table><tr><td>cell a</td><td>cell b</td></tr><tr><th>h1</th><td>c</td></tr></table>\n"
    "<p>Click <a href=\"javascript:share()\">Share this</a> now.</p>\n"
    "<iframe src=\"https://ads.example\">IFRAME TEXT</iframe>\n"
    "<noscript>NOSCRIPT TEXT</noscript><template>TEMPLATE TEXT</template>\n"
    "<svg><text>SVG TEXT</text></svg>\n"
    "<div hidden>HIDDEN TEXT</div><div style=\"display: none\">NONE TEXT</div>\n"
    "<span aria-hidden=\"true\">ARIA TEXT</span><div role=\"navigation\">ROLE NAV</div>\n"
    "<form><button>BUTTON TEXT</button><input value=\"INPUT\"></form>\n"
    "<aside>ASIDE TEXT</aside>\n"
    "<footer>FOOTER TEXT</footer>\n"
    "</body></html>\n",
    -1);

  g_assert_cmpstr (e->format, ==, "html");
  g_assert_cmpstr (e->body, ==,
                   "The Headline\n\n"
                   "First paragraph with an ordinary link, bolditalic and entities: “quoted” — café ☃ <tag>.\n\n"
                   "Line one\nLine two\n\nAfter two breaks.\n\n"
                   "A div\n\nnested div\n\n"
                   "Item one\n\nItem two\n\n"
                   "A quote.\n\n"
                   "  code   stays\n    indented\n\n"
                   "cell a cell b\n\nh1 c\n\n"
                   "Click now.");
  g_assert_cmpstr (e->metadata->title, ==, "Ignored & replaced");
}

static void
test_html_metadata (void)
{
  g_autoptr(Extracted) e = extract_ok (
    "meta.html",
    "<html><head>"
    "<title>Talks Resume in Geneva | The Example Post</title>"
    "<meta property=\"og:title\" content=\"Talks Resume in Geneva, Officials Say\">"
    "<meta property=\"og:site_name\" content=\"The Example Post\">"
    "<meta property=\"og:url\" content=\"https://example.org/og\">"
    "<link rel=\"canonical\" href=\"https://example.org/canonical\">"
    "<meta property=\"article:author\" content=\"https://facebook.com/someone\">"
    "<meta name=\"author\" content=\"Jane Doe\">"
    "<meta property=\"article:published_time\" content=\"2025-09-09T10:11:00+00:00\">"
    "</head><body><article><h1>Talks Resume</h1><p>Body text of the story, long enough.</p>"
    "<time datetime=\"2020-01-01\">Jan 1, 2020</time></article></body></html>",
    -1);
  g_autoptr(Extracted) stripped = extract_ok (
    "title.html",
    "<html><head><title>Talks Resume in Geneva - The Example Post</title>"
    "<meta property=\"og:site_name\" content=\"The Example Post\">"
    "<meta name=\"date\" content=\"Dec. 19, 2025\">"
    "<meta property=\"og:url\" content=\"javascript:alert(1)\">"
    "</head><body><p>Text.</p></body></html>",
    -1);
  g_autoptr(Extracted) time = extract_ok (
    "time.html",
    "<html><head><title>Just A Title | Not The Site</title>"
    "<meta property=\"og:url\" content=\"https://example.org/og-only\"></head>"
    "<body><p>By line</p><time datetime=\"2025-12-19T08:00:00Z\">Friday</time><p>Text.</p></body></html>",
    -1);

  g_assert_cmpstr (e->metadata->title, ==, "Talks Resume in Geneva, Officials Say");
  g_assert_cmpstr (e->metadata->outlet, ==, "The Example Post");
  g_assert_cmpstr (e->metadata->author, ==, "Jane Doe");
  g_assert_cmpstr (e->metadata->published, ==, "2025-09-09");
  g_assert_cmpstr (e->metadata->url, ==, "https://example.org/canonical");

  g_assert_cmpstr (stripped->metadata->title, ==, "Talks Resume in Geneva");
  g_assert_cmpstr (stripped->metadata->published, ==, "2025-12-19");
  g_assert_null (stripped->metadata->url);

  /* Without a matching og:site_name the title stays whole. */
  g_assert_cmpstr (time->metadata->title, ==, "Just A Title | Not The Site");
  g_assert_cmpstr (time->metadata->published, ==, "2025-12-19");
  g_assert_cmpstr (time->metadata->url, ==, "https://example.org/og-only");
}

static void
test_html_article (void)
{
  GString *page = g_string_new ("<html><head><title>T</title></head><body>"
                                "<div class=\"promo\">Promo box text that is not the story.</div>"
                                "<main><div>Sidebar-ish main text.</div><article>"
                                "<header><h1>Article Headline</h1><p>By Jane Doe</p></header>");
  g_autoptr(Extracted) e = NULL;
  g_autoptr(Extracted) teasers = NULL;
  guint i;

  for (i = 0; i < 20; i++)
    g_string_append (page, "<p>The article body has substantial text in many paragraphs.</p>");
  g_string_append (page, "</article></main><div>After the main element.</div></body></html>");

  e = extract_ok ("article.html", page->str, page->len);
  g_assert_true (g_str_has_prefix (e->body, "Article Headline\n\nBy Jane Doe\n\nThe article body"));
  g_assert_null (strstr (e->body, "Promo box"));
  g_assert_null (strstr (e->body, "After the main"));
  g_assert_cmpstr (e->metadata->author, ==, "Jane Doe");

  /* A list of equal teasers is no article: the whole body is kept. */
  teasers = extract_ok ("list.html",
                        "<body><p>Section intro.</p>"
                        "<article><p>First teaser with some words in it.</p></article>"
                        "<article><p>Second teaser with some words in it.</p></article></body>",
                        -1);
  g_assert_cmpstr (teasers->body, ==,
                   "Section intro.\n\nFirst teaser with some words in it.\n\nSecond teaser with some words in it.");

  g_string_free (page, TRUE);
}

static void
test_html_encodings (void)
{
  static const char cp1252[] =
    "<html><head><meta charset=\"windows-1252\"><title>Caf\xE9 \x93talks\x94</title></head>"
    "<body><p>Se\xF1ora Pe\xF1" "a said \x93no\x94 \x96 twice.</p></body></html>";
  static const char latin1[] =
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
    "</head><body><p>\x93" "Curly\x94 and \xE9t\xE9.</p></body></html>";
  static const char lying[] =
    "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xC3\xA9 \xE2\x80\x94 ok</p></body></html>";
  static const char utf8[] =
    "<html><head><title>Zürich</title></head><body><p>Grüße, “quotes” and 日本語.</p></body></html>";
  g_autoptr(Extracted) a = extract_ok ("a.html", cp1252, sizeof cp1252 - 1);
  g_autoptr(Extracted) b = extract_ok ("b.html", latin1, sizeof latin1 - 1);
  g_autoptr(Extracted) c = extract_ok ("c.html", lying, sizeof lying - 1);
  g_autoptr(Extracted) d = extract_ok ("d.html", utf8, sizeof utf8 - 1);

  g_assert_cmpstr (a->body, ==, "Señora Peña said “no” – twice.");
  g_assert_cmpstr (a->metadata->title, ==, "Café “talks”");
  g_assert_cmpstr (b->body, ==, "“Curly” and été.");
  /* Valid UTF-8 is UTF-8 whatever the page claims. */
  g_assert_cmpstr (c->body, ==, "Café — ok");
  g_assert_cmpstr (d->body, ==, "Grüße, “quotes” and 日本語.");
  g_assert_cmpstr (d->metadata->title, ==, "Zürich");
}

static void
test_html_deep (void)
{
  GString *page = g_string_new ("<html><body>");
  g_autoptr(Extracted) e = NULL;
  g_autoptr(Extracted) broken = NULL;
  guint i;

  for (i = 0; i < 10000; i++)
    g_string_append (page, "<div><span>");
  g_string_append (page, "deep text");
  for (i = 0; i < 10000; i++)
    g_string_append (page, "</span></div>");
  g_string_append (page, "<p>After.</p></body></html>");

  e = extract_ok ("deep.html", page->str, page->len);
  g_assert_nonnull (strstr (e->body, "deep text"));
  g_assert_true (g_str_has_suffix (e->body, "After."));

  /* Hundreds of unclosed inline tags, as broken editors write them: the
   * text after them is kept, scripts still dropped, entities decoded. */
  g_string_assign (page, "<html><head><title>Deep Page</title></head><body><p>Start.</p>");
  for (i = 0; i < 400; i++)
    g_string_append (page, "<font size=\"2\">w ");
  g_string_append (page, "<script>var x = '<p>SCRIPT</p>';</script><!-- COMMENT -->"
                         "<p>Tail &amp; more<br>next line</p> 3 < 4</body></html>");
  {
    g_autoptr(Extracted) font = extract_ok ("font.html", page->str, page->len);

    g_assert_cmpstr (font->metadata->title, ==, "Deep Page");
    g_assert_true (g_str_has_prefix (font->body, "Start.\n\nw w w"));
    g_assert_true (g_str_has_suffix (font->body, "w w\n\nTail & more\nnext line\n\n3 < 4"));
    g_assert_null (strstr (font->body, "SCRIPT"));
    g_assert_null (strstr (font->body, "COMMENT"));
  }

  /* Unclosed tags, stray closers, a truncated comment. */
  broken = extract_ok ("broken.html",
                       "<p>one <b>two <i>three</p></b> four</i><p>five</div></span><!-- never closed",
                       -1);
  g_assert_true (g_str_has_prefix (broken->body, "one two three"));

  g_string_free (page, TRUE);
}

/* libxml2 2.9 does not know <embed>, <source> and <track> as void: the
 * rest of the page became their content, and was dropped with them. */
static void
test_html_void_elements (void)
{
  const char *elements[] = { "embed", "source", "track" };

  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      g_autofree char *html = g_strdup_printf ("<html><body><p>Before the %s.</p>"
                                               "<%s src=\"clip\"><p>After the %s.</p></body></html>",
                                               elements[i], elements[i], elements[i]);
      g_autofree char *expected = g_strdup_printf ("Before the %s.\n\nAfter the %s.", elements[i], elements[i]);
      g_autoptr(Extracted) e = extract_ok ("void.html", html, -1);

      g_assert_cmpstr (e->body, ==, expected);
    }
}

/* A doctype with an internal subset: libxml2's HTML parser would read
 * the declarations as text, and the <title> would be lost. */
static void
test_html_internal_subset (void)
{
  g_autoptr(Extracted) e = extract_ok ("subset.html",
                                       "<!DOCTYPE html [\n  <!ENTITY note \"a ]> inside\">\n]>\n"
                                       "<html><head><title>Subset page</title></head>"
                                       "<body><p>Text &note; here.</p></body></html>", -1);

  g_assert_cmpstr (e->metadata->title, ==, "Subset page");
  g_assert_cmpstr (e->body, ==, "Text &note; here.");
}

static void
test_html_plain (void)
{
  /* A .html file that holds plain text. */
  g_autoptr(Extracted) e = extract_ok ("plain.html", "Just words & more words", -1);

  g_assert_cmpstr (e->body, ==, "Just words & more words");
}

/* The real scraped seed corpus, beside the checkout. Its text is never
 * copied into the project: this test reads it where it lies, and skips
 * when it is not there. */

static void
test_seed_corpus (void)
{
  static const struct {
    const char *prefix;
    const char *title;
    const char *published;
    const char *author;
    const char *outlet;
  } seeds[] = {
    { "000_", "U.S. Strategy for the Western Hemisphere: A Collaborative Future?", "2025-12-19", NULL, NULL },
    { "001_", "The second Trump administration is steering U.S. foreign policy in a new direction", NULL, NULL, NULL },
    { "002_", "Conflict between the Trump Administration and Global Illicit Drug Syndicates", NULL, NULL, NULL },
    { "003_", "Critical Questions", "2025-09-09", "Diego Marroquín Bitar", "CSIS" },
    { "004_", "Whispers of a bold strategy are emerging from the White House", NULL, NULL, NULL },
  };
  const char *folder = g_getenv ("DOSSIER_SEED_CORPUS");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint found = 0;

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("DOSSIER_SEED_CORPUS does not name a folder");
      return;
    }

  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierMetadata) metadata = NULL;
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *body = NULL;
      const char *format = NULL;
      gsize length;
      guint i;

      for (i = 0; i < G_N_ELEMENTS (seeds); i++)
        if (g_str_has_prefix (name, seeds[i].prefix))
          break;
      if (i == G_N_ELEMENTS (seeds))
        continue;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);

      g_assert_true (dossier_extract (path, (const guint8 *) contents, length,
                                      &body, &metadata, &format, &error));
      g_assert_no_error (error);

      g_test_message ("%s: title \"%s\", published %s, author %s, outlet %s", name,
                      metadata->title,
                      metadata->published ? metadata->published : "-",
                      metadata->author ? metadata->author : "-",
                      metadata->outlet ? metadata->outlet : "-");

      g_assert_cmpstr (format, ==, "txt");
      g_assert_cmpstr (metadata->title, ==, seeds[i].title);
      g_assert_cmpstr (metadata->published, ==, seeds[i].published);
      g_assert_cmpstr (metadata->author, ==, seeds[i].author);
      g_assert_cmpstr (metadata->outlet, ==, seeds[i].outlet);
      g_assert_cmpuint (g_utf8_strlen (metadata->title, -1), <=, 90);
      found++;
    }

  g_assert_cmpuint (found, ==, G_N_ELEMENTS (seeds));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/extract/format-for-name", test_format_for_name);
  g_test_add_func ("/extract/txt", test_txt);
  g_test_add_func ("/extract/txt-encodings", test_txt_encodings);
  g_test_add_func ("/extract/failures", test_failures);
  g_test_add_func ("/extract/filename-title", test_filename_title);
  g_test_add_func ("/extract/markdown/front-matter", test_markdown_front_matter);
  g_test_add_func ("/extract/markdown/front-matter-variants", test_markdown_front_matter_variants);
  g_test_add_func ("/extract/markdown/malformed", test_markdown_malformed);
  g_test_add_func ("/extract/markdown/heading", test_markdown_heading);
  g_test_add_func ("/extract/html/text", test_html_text);
  g_test_add_func ("/extract/html/metadata", test_html_metadata);
  g_test_add_func ("/extract/html/article", test_html_article);
  g_test_add_func ("/extract/html/encodings", test_html_encodings);
  g_test_add_func ("/extract/html/deep", test_html_deep);
  g_test_add_func ("/extract/html/plain", test_html_plain);
  g_test_add_func ("/extract/html/void-elements", test_html_void_elements);
  g_test_add_func ("/extract/html/internal-subset", test_html_internal_subset);
  g_test_add_func ("/extract/seed-corpus", test_seed_corpus);

  return g_test_run ();
}
