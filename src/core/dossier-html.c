/* dossier-html.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "dossier-html-private.h"
#include "dossier-text.h"

/* An <article> or <main> holding at least this share of the text of
 * <body> is the document; less, and it is probably a teaser or a box. */
#define ROOT_MIN_SHARE 0.3

#define SNIFF_BYTES 4096

/* libxml2 stops parsing (without XML_PARSE_HUGE, which stays off) at 256
 * levels of nesting and drops the rest of the page. A tree that deep is
 * read again, flattened. */
#define DEPTH_LIMIT 250

/* libxml2's HTML parser gives element names in lower case. */
static gboolean
is_element (const xmlNode *node,
            const char    *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

/* The attribute as a GLib string, or NULL. */
static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *ret;

  if (value == NULL)
    return NULL;

  ret = g_strdup ((const char *) value);
  xmlFree (value);

  return ret;
}

static char *
get_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *ret;

  if (content == NULL)
    return NULL;

  ret = dossier_text_squeeze ((const char *) content);
  xmlFree (content);

  return ret;
}

/* Decoding */

static gboolean
has_bom (const guint8 *data,
         gsize         length)
{
  return (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0) ||
         (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0)) ||
         (length >= 4 && memcmp (data, "\x00\x00\xFE\xFF", 4) == 0);
}

/* The charset a page declares: <meta charset="…">, <meta
 * http-equiv="Content-Type" content="text/html; charset=…">, or
 * <?xml … encoding="…"?>. */
static char *
sniff_charset (const guint8 *data,
               gsize         length)
{
  static const char * const markers[] = { "charset", "encoding" };
  gsize n = MIN (length, SNIFF_BYTES);
  guint m;

  for (m = 0; m < G_N_ELEMENTS (markers); m++)
    {
      gsize marker_len = strlen (markers[m]);
      gsize i;

      for (i = 0; i + marker_len < n; i++)
        {
          gsize j, start;

          if (g_ascii_strncasecmp ((const char *) data + i, markers[m], marker_len) != 0)
            continue;

          j = i + marker_len;
          while (j < n && (data[j] == ' ' || data[j] == '\t'))
            j++;
          if (j >= n || data[j] != '=')
            continue;
          j++;
          while (j < n && (data[j] == ' ' || data[j] == '\t' || data[j] == '"' || data[j] == '\''))
            j++;

          start = j;
          while (j < n && (g_ascii_isalnum (data[j]) || data[j] == '-' || data[j] == '_' ||
                           data[j] == '.' || data[j] == ':'))
            j++;

          if (j > start && j - start < 40)
            return g_ascii_strup ((const char *) data + start, j - start);
        }
    }

  return NULL;
}

static char *
decode_html (const guint8  *data,
             gsize          length,
             GError       **error)
{
  g_autofree char *declared = NULL;

  if (has_bom (data, length) ||
      memchr (data, '\0', length) != NULL ||
      g_utf8_validate_len ((const char *) data, length, NULL))
    return dossier_text_decode (data, length, NULL, error);

  declared = sniff_charset (data, length);
  if (declared != NULL && !g_str_equal (declared, "UTF-8") && !g_str_equal (declared, "UTF8"))
    {
      const char *charset = declared;
      g_autofree char *text = NULL;
      gsize written = 0;

      /* As browsers read them. */
      if (g_str_equal (charset, "ISO-8859-1") || g_str_equal (charset, "LATIN1") ||
          g_str_equal (charset, "US-ASCII") || g_str_equal (charset, "ASCII") ||
          g_str_equal (charset, "ISO8859-1") || g_str_equal (charset, "L1"))
        charset = "WINDOWS-1252";

      text = g_convert ((const char *) data, length, "UTF-8", charset, NULL, &written, NULL);
      if (text != NULL && strlen (text) == written)
        return g_steal_pointer (&text);
    }

  return dossier_text_decode (data, length, NULL, error);
}

/* Walking
 *
 * Iteratively, over parent and sibling links, so no depth of nesting can
 * exhaust the stack. */

typedef gboolean (*EnterFunc) (xmlNode *node, gpointer data);
typedef void     (*LeaveFunc) (xmlNode *node, gpointer data);
typedef void     (*TextFunc)  (xmlNode *node, gpointer data);

static void
walk (xmlNode   *root,
      EnterFunc  enter,
      LeaveFunc  leave,
      TextFunc   text,
      gpointer   data)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        descend = enter (node, data);
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        text (node, data);

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      if (descend)
        leave (node, data);

      while (node != root && node->next == NULL)
        {
          node = node->parent;
          if (node == NULL)
            return;
          leave (node, data);
        }

      if (node == root)
        break;

      node = node->next;
    }
}

/* What is not part of the text. Not <embed>, <source> or <track>: void
 * elements that libxml2 2.9 does not know as such, so the page after a
 * bare <embed> becomes its content; with no text of their own, they are
 * harmless to walk into. */

static const char * const dropped_elements[] = {
  "head", "title", "script", "style", "noscript", "template", "iframe",
  "frame", "frameset", "noframes", "svg", "math", "nav", "footer", "aside",
  "form", "button", "select", "option", "textarea", "input", "object",
  "canvas", "audio", "video", "map", "dialog", "menu", "meta",
  "link", "img", "picture",
};

static const char * const dropped_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search",
  "dialog", "alertdialog", "menu", "menubar", "toolbar",
};

static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *aria_hidden = NULL;
  g_autofree char *role = NULL;
  g_autofree char *style = NULL;

  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;

  aria_hidden = get_attr (node, "aria-hidden");
  if (aria_hidden != NULL && g_ascii_strcasecmp (aria_hidden, "true") == 0)
    return TRUE;

  role = get_attr (node, "role");
  if (role != NULL)
    {
      guint i;

      g_strstrip (role);
      for (i = 0; i < G_N_ELEMENTS (dropped_roles); i++)
        if (g_ascii_strcasecmp (role, dropped_roles[i]) == 0)
          return TRUE;
    }

  style = get_attr (node, "style");
  if (style != NULL)
    {
      GString *compact = g_string_new (NULL);
      gboolean hidden;
      char *p;

      for (p = style; *p; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (compact, g_ascii_tolower (*p));

      hidden = strstr (compact->str, "display:none") != NULL ||
               strstr (compact->str, "visibility:hidden") != NULL;
      g_string_free (compact, TRUE);

      if (hidden)
        return TRUE;
    }

  return FALSE;
}

static const char * const block_elements[] = {
  "address", "article", "aside", "blockquote", "body", "caption", "center",
  "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
  "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
  "tfoot", "tr", "ul",
};

static GHashTable *dropped_set;
static GHashTable *block_set;

static GHashTable *
make_set (const char * const *names,
          gsize               n)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);
  gsize i;

  for (i = 0; i < n; i++)
    g_hash_table_add (set, (gpointer) names[i]);

  return set;
}

static void
ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      dropped_set = make_set (dropped_elements, G_N_ELEMENTS (dropped_elements));
      block_set = make_set (block_elements, G_N_ELEMENTS (block_elements));
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
is_block_name (const char *name)
{
  return g_hash_table_contains (block_set, name);
}

static gboolean
is_block (const xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && is_block_name ((const char *) node->name);
}

static gboolean
is_dropped (xmlNode  *node,
            gboolean  in_article)
{
  if (g_hash_table_contains (dropped_set, node->name))
    return TRUE;

  /* A page's header is its masthead; an article's holds its headline. */
  if (is_element (node, "header") && !in_article)
    return TRUE;

  if (is_element (node, "a"))
    {
      g_autofree char *href = get_attr (node, "href");

      if (href != NULL && g_ascii_strncasecmp (g_strchug (href), "javascript:", 11) == 0)
        return TRUE;
    }

  return is_hidden (node);
}

static gboolean
is_article (const xmlNode *node)
{
  return is_element (node, "article") || is_element (node, "main");
}

/* Measuring: how much text each <article> and <main> holds. */

typedef struct
{
  gsize       total;
  guint       in_article;
  GHashTable *starts;   /* xmlNode → text count on entering */
  xmlNode    *best_article;
  gsize       best_article_len;
  gsize       second_article_len;
  xmlNode    *best_main;
  gsize       best_main_len;
} Measure;

static gboolean
measure_enter (xmlNode  *node,
               gpointer  data)
{
  Measure *m = data;

  if (is_dropped (node, m->in_article > 0))
    return FALSE;

  if (is_article (node))
    {
      g_hash_table_insert (m->starts, node, GSIZE_TO_POINTER (m->total));
      m->in_article++;
    }

  return TRUE;
}

static void
measure_leave (xmlNode  *node,
               gpointer  data)
{
  Measure *m = data;
  gsize length;

  if (!is_article (node))
    return;

  m->in_article--;
  length = m->total - GPOINTER_TO_SIZE (g_hash_table_lookup (m->starts, node));

  if (is_element (node, "main"))
    {
      if (length > m->best_main_len)
        {
          m->best_main = node;
          m->best_main_len = length;
        }
    }
  else if (length > m->best_article_len)
    {
      m->second_article_len = m->best_article_len;
      m->best_article = node;
      m->best_article_len = length;
    }
  else if (length > m->second_article_len)
    m->second_article_len = length;
}

static void
measure_text (xmlNode  *node,
              gpointer  data)
{
  Measure *m = data;
  const char *p;

  if (node->content == NULL)
    return;

  for (p = (const char *) node->content; *p; p++)
    if (!g_ascii_isspace (*p))
      m->total++;
}

static xmlNode *
find_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *child;

  if (root == NULL)
    return NULL;

  for (child = root->children; child != NULL; child = child->next)
    if (is_element (child, "body"))
      return child;

  return root;
}

static xmlNode *
choose_root (xmlNode *body)
{
  Measure m = { 0 };
  xmlNode *root = body;

  m.starts = g_hash_table_new (NULL, NULL);
  walk (body, measure_enter, measure_leave, measure_text, &m);
  g_hash_table_unref (m.starts);

  /* One article that holds most of the page; several of the same size
   * are a list of teasers. */
  if (m.best_article != NULL &&
      m.best_article_len >= ROOT_MIN_SHARE * m.total &&
      m.second_article_len * 2 < m.best_article_len)
    root = m.best_article;
  else if (m.best_main != NULL && m.best_main_len >= ROOT_MIN_SHARE * m.total)
    root = m.best_main;

  return root;
}

/* Writing the text. */

typedef struct
{
  GString *out;
  guint    newlines;    /* pending: 1 for <br>, 2 between blocks */
  gboolean space;       /* pending */
  guint    pre;         /* inside <pre> */
  guint    in_article;
} Writer;

static void
writer_break (Writer *w,
              guint   newlines)
{
  w->newlines = MIN (2, MAX (w->newlines, newlines));
}

static void
writer_flush (Writer *w)
{
  if (w->out->len > 0)
    {
      if (w->newlines > 0)
        g_string_append_len (w->out, "\n\n", w->newlines);
      else if (w->space)
        g_string_append_c (w->out, ' ');
    }

  w->newlines = 0;
  w->space = FALSE;
}

static gboolean
writer_enter (xmlNode  *node,
              gpointer  data)
{
  Writer *w = data;

  if (is_dropped (node, w->in_article > 0))
    {
      if (is_block (node))
        writer_break (w, 2);
      return FALSE;
    }

  if (is_element (node, "br"))
    {
      w->newlines = MIN (2, w->newlines + 1);
      return FALSE;
    }

  if (is_element (node, "td") || is_element (node, "th"))
    w->space = TRUE;
  else if (is_block (node))
    writer_break (w, 2);

  if (is_element (node, "pre"))
    w->pre++;

  if (is_article (node))
    w->in_article++;

  return TRUE;
}

static void
writer_leave (xmlNode  *node,
              gpointer  data)
{
  Writer *w = data;

  if (is_element (node, "td") || is_element (node, "th"))
    w->space = TRUE;
  else if (is_block (node))
    writer_break (w, 2);

  if (is_element (node, "pre") && w->pre > 0)
    w->pre--;

  if (is_article (node) && w->in_article > 0)
    w->in_article--;
}

static void
writer_text (xmlNode  *node,
             gpointer  data)
{
  Writer *w = data;
  const char *p;

  if (node->content == NULL)
    return;

  p = (const char *) node->content;

  if (w->pre > 0)
    {
      if (*p == '\0')
        return;
      writer_flush (w);
      g_string_append (w->out, p);
      return;
    }

  while (*p != '\0')
    {
      const char *run = p;

      if (g_ascii_isspace (*p))
        {
          w->space = TRUE;
          p++;
          continue;
        }

      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;

      writer_flush (w);
      g_string_append_len (w->out, run, p - run);
    }
}

/* Flattening, for pages nested too deeply for the parser: text stays,
 * block tags become <p>, <br> stays, every other tag goes, and the
 * content of script, style and other raw-text elements is dropped.
 * libxml2 then still decodes the entities. One pass, linear. */

static const char * const raw_text_elements[] = {
  "script", "style", "textarea", "title", "xmp", "noscript", "iframe",
  "noembed", "noframes", "template", "plaintext",
};

/* Case-insensitive search for @needle (lower case, short) in @haystack. */
static const char *
find_nocase (const char *haystack,
             const char *needle)
{
  gsize n = strlen (needle);
  const char *p;

  for (p = haystack; *p; p++)
    if (g_ascii_tolower (*p) == needle[0] && g_ascii_strncasecmp (p, needle, n) == 0)
      return p;

  return NULL;
}

/* After the ">" that ends the tag at @p, quotes respected. */
static const char *
tag_end (const char *p)
{
  char quote = 0;

  for (; *p; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p + 1;
    }

  return p;
}

/* libxml2 2.9 compares each attribute of a start tag with every one
 * before it: a tag with n attributes costs n²/2 comparisons, and one tag
 * with 100,000 of them (a 1 MB file) kept an import busy for over a minute.
 * Pages over this budget (a normal page uses a few thousand) are read
 * flattened, without attributes. The count errs high, never low: quotes
 * only count after "=", as in HTML, and only raw-text elements
 * (scripts, styles) are skipped, the way the parser skips them. */
#define ATTRIBUTE_PAIRS_BUDGET 20000000

static gboolean
attributes_too_costly (const char *text)
{
  guint64 pairs = 0;
  const char *p = text;

  while ((p = strchr (p, '<')) != NULL)
    {
      const char *name = p + 1;
      g_autofree char *lower = NULL;
      guint64 attributes = 0;
      gboolean space = FALSE;
      gboolean after_equals = FALSE;
      gsize name_len = 0;
      char quote = 0;
      guint i;

      if (!g_ascii_isalpha (*name))
        {
          p++;
          continue;
        }

      while (g_ascii_isalnum (name[name_len]) || name[name_len] == '-')
        name_len++;

      for (p = name + name_len; *p != '\0'; p++)
        {
          if (quote != 0)
            {
              if (*p == quote)
                quote = 0;
            }
          else if (*p == '>')
            break;
          else if (g_ascii_isspace (*p) || *p == '/')
            space = TRUE;
          else if (*p == '=')
            {
              after_equals = TRUE;
              space = FALSE;
            }
          else if (after_equals && (*p == '"' || *p == '\''))
            {
              quote = *p;
              after_equals = FALSE;
            }
          else
            {
              if (space && !after_equals)
                attributes++;
              space = FALSE;
              after_equals = FALSE;
            }
        }

      pairs += attributes * attributes / 2;
      if (pairs > ATTRIBUTE_PAIRS_BUDGET)
        return TRUE;

      lower = g_ascii_strdown (name, name_len);
      for (i = 0; i < G_N_ELEMENTS (raw_text_elements); i++)
        if (g_str_equal (lower, raw_text_elements[i]))
          {
            g_autofree char *close = g_strconcat ("</", lower, NULL);
            const char *end = find_nocase (p, close);

            p = end != NULL ? end : p + strlen (p);
            break;
          }
    }

  return FALSE;
}

static char *
flatten_html (const char *text)
{
  GString *out = g_string_new ("<html><body><p>");
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      const char *name;
      g_autofree char *lower = NULL;
      gboolean closing;
      gsize name_len = 0;
      guint i;

      if (*p != '<')
        {
          while (*p != '\0' && *p != '<')
            p++;
          g_string_append_len (out, start, p - start);
          continue;
        }

      if (strncmp (p, "<!--", 4) == 0)
        {
          const char *end = strstr (p + 4, "-->");

          p = end != NULL ? end + 3 : p + strlen (p);
          continue;
        }

      if (p[1] == '!' || p[1] == '?')
        {
          p = tag_end (p + 1);
          continue;
        }

      name = p + 1;
      closing = *name == '/';
      if (closing)
        name++;

      if (!g_ascii_isalpha (*name))
        {
          g_string_append (out, "&lt;");
          p++;
          continue;
        }

      while (g_ascii_isalnum (name[name_len]) || name[name_len] == '-')
        name_len++;
      lower = g_ascii_strdown (name, name_len);
      p = tag_end (name + name_len);

      if (!closing)
        for (i = 0; i < G_N_ELEMENTS (raw_text_elements); i++)
          if (g_str_equal (lower, raw_text_elements[i]))
            {
              g_autofree char *close = g_strconcat ("</", lower, NULL);
              const char *end = find_nocase (p, close);

              p = end != NULL ? tag_end (end) : p + strlen (p);
              break;
            }

      if (g_str_equal (lower, "br"))
        g_string_append (out, "<br>");
      else if (g_str_equal (lower, "td") || g_str_equal (lower, "th"))
        g_string_append_c (out, ' ');
      else if (is_block_name (lower))
        g_string_append (out, "<p>");
    }

  g_string_append (out, "</p></body></html>");

  return g_string_free (out, FALSE);
}

/* Metadata */

typedef struct
{
  char *title;
  char *og_title;
  char *site_name;
  char *author;
  char *published;
  char *canonical;
  char *og_url;
  char *time;
  char *h1;
  guint in_body;
  guint depth;
  guint max_depth;
} Head;

static void
head_clear (Head *head)
{
  g_free (head->title);
  g_free (head->og_title);
  g_free (head->site_name);
  g_free (head->author);
  g_free (head->published);
  g_free (head->canonical);
  g_free (head->og_url);
  g_free (head->time);
  g_free (head->h1);
}

static char *
clean_url (const char *value)
{
  g_autofree char *url = dossier_text_squeeze (value);

  if (url == NULL || strchr (url, ' ') != NULL)
    return NULL;

  if (g_ascii_strncasecmp (url, "http://", 7) != 0 && g_ascii_strncasecmp (url, "https://", 8) != 0)
    return NULL;

  return g_steal_pointer (&url);
}

static char *
clean_author (const char *value)
{
  g_autofree char *author = dossier_text_squeeze (value);

  if (author == NULL || strstr (author, "://") != NULL || g_str_has_prefix (author, "@"))
    return NULL;

  if (g_ascii_strncasecmp (author, "by ", 3) == 0)
    {
      char *rest = dossier_text_squeeze (author + 3);

      g_free (author);
      author = rest;
    }

  return g_steal_pointer (&author);
}

static const char * const author_keys[] = {
  "author", "article:author", "dc.creator", "dcterms.creator",
  "parsely-author", "sailthru.author", "byl", "citation_author",
};

static const char * const date_keys[] = {
  "article:published_time", "date", "pubdate", "publishdate", "publish-date",
  "publish_date", "dc.date", "dc.date.issued", "dcterms.date",
  "dcterms.issued", "dcterms.created", "citation_publication_date",
  "citation_date", "parsely-pub-date", "sailthru.date", "og:published_time",
  "datepublished", "article.published",
};

static gboolean
key_in (const char         *key,
        const char * const *keys,
        gsize               n)
{
  gsize i;

  for (i = 0; i < n; i++)
    if (g_ascii_strcasecmp (key, keys[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
set_once (char **field,
          char  *value)
{
  if (*field == NULL)
    *field = value;
  else
    g_free (value);
}

static void
read_meta (Head    *head,
           xmlNode *node)
{
  g_autofree char *content = get_attr (node, "content");
  const char *attrs[] = { "property", "name", "itemprop" };
  guint i;

  if (content == NULL)
    return;

  for (i = 0; i < G_N_ELEMENTS (attrs); i++)
    {
      g_autofree char *key = get_attr (node, attrs[i]);

      if (key == NULL)
        continue;
      g_strstrip (key);

      if (g_ascii_strcasecmp (key, "og:title") == 0)
        set_once (&head->og_title, dossier_text_squeeze (content));
      else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
        set_once (&head->site_name, dossier_text_squeeze (content));
      else if (g_ascii_strcasecmp (key, "og:url") == 0)
        set_once (&head->og_url, clean_url (content));
      else if (key_in (key, author_keys, G_N_ELEMENTS (author_keys)))
        set_once (&head->author, clean_author (content));
      else if (key_in (key, date_keys, G_N_ELEMENTS (date_keys)))
        set_once (&head->published, dossier_metadata_parse_date (content));
    }
}

static gboolean
head_enter (xmlNode  *node,
            gpointer  data)
{
  Head *head = data;

  if (is_element (node, "body"))
    head->in_body++;

  if (is_element (node, "meta"))
    read_meta (head, node);
  else if (is_element (node, "title") && head->title == NULL && head->in_body == 0)
    head->title = get_text (node);
  else if (is_element (node, "link"))
    {
      g_autofree char *rel = get_attr (node, "rel");

      if (rel != NULL && head->canonical == NULL && g_ascii_strcasecmp (g_strstrip (rel), "canonical") == 0)
        {
          g_autofree char *href = get_attr (node, "href");

          if (href != NULL)
            head->canonical = clean_url (href);
        }
    }
  else if (is_element (node, "time") && head->time == NULL && head->in_body > 0)
    {
      g_autofree char *datetime = get_attr (node, "datetime");
      g_autofree char *text = NULL;

      if (datetime != NULL)
        head->time = dossier_metadata_parse_date (datetime);
      if (head->time == NULL && (text = get_text (node)) != NULL)
        head->time = dossier_metadata_parse_date (text);
    }
  else if (is_element (node, "h1") && head->h1 == NULL && head->in_body > 0)
    head->h1 = get_text (node);

  /* Nothing to read inside these; scripts can be big. */
  if (is_element (node, "script") || is_element (node, "style") || is_element (node, "svg"))
    return FALSE;

  head->depth++;
  head->max_depth = MAX (head->max_depth, head->depth);

  return TRUE;
}

static void
head_leave (xmlNode  *node,
            gpointer  data)
{
  Head *head = data;

  if (is_element (node, "body") && head->in_body > 0)
    head->in_body--;

  if (head->depth > 0)
    head->depth--;
}

static void
head_text (xmlNode  *node,
           gpointer  data)
{
}

/* "Headline | Site", "Headline - Site", "Site | Headline" → "Headline",
 * when "Site" is what og:site_name says. */
static char *
strip_site_name (const char *title,
                 const char *site)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " · ", " :: ", " // " };
  gsize title_len = strlen (title);
  gsize site_len;
  guint i;

  if (site == NULL)
    return g_strdup (title);

  site_len = strlen (site);

  for (i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      gsize sep_len = strlen (separators[i]);

      if (title_len > site_len + sep_len)
        {
          const char *tail = title + title_len - site_len - sep_len;

          if (strncmp (tail, separators[i], sep_len) == 0 &&
              g_ascii_strcasecmp (tail + sep_len, site) == 0)
            return g_strndup (title, tail - title);

          if (g_ascii_strncasecmp (title, site, site_len) == 0 &&
              strncmp (title + site_len, separators[i], sep_len) == 0)
            return g_strdup (title + site_len + sep_len);
        }
    }

  return g_strdup (title);
}

static void
fill_metadata (DossierMetadata *metadata,
               Head            *head)
{
  if (metadata->title == NULL)
    {
      if (head->og_title != NULL)
        metadata->title = strip_site_name (head->og_title, head->site_name);
      else if (head->title != NULL)
        metadata->title = strip_site_name (head->title, head->site_name);
      else if (head->h1 != NULL)
        metadata->title = g_strdup (head->h1);
    }

  if (metadata->outlet == NULL && head->site_name != NULL)
    metadata->outlet = g_strdup (head->site_name);

  if (metadata->author == NULL && head->author != NULL)
    metadata->author = g_strdup (head->author);

  if (metadata->published == NULL)
    metadata->published = g_strdup (head->published != NULL ? head->published : head->time);

  if (metadata->url == NULL)
    metadata->url = g_strdup (head->canonical != NULL ? head->canonical : head->og_url);
}

static xmlDoc *
parse (const char *text,
       gsize       length)
{
  xmlDoc *doc;

  if (length > G_MAXINT)
    return NULL;

  doc = htmlReadMemory (text, (int) length, NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC);

  if (doc != NULL && xmlDocGetRootElement (doc) == NULL)
    g_clear_pointer (&doc, xmlFreeDoc);

  return doc;
}

/* libxml2's HTML parser knows no DTD internal subset: in
 * <!DOCTYPE html [ <!ENTITY …> ]> it ends the doctype at the first ">"
 * and reads the declarations as text of the page. Such a doctype is cut
 * out; its entities are never expanded, and nothing it names is loaded. */
static void
cut_internal_subset (char *text)
{
  char *start = text;
  char *p;
  char quote = 0;

  while (g_ascii_isspace (*start))
    start++;
  if (g_ascii_strncasecmp (start, "<!doctype", 9) != 0)
    return;

  for (p = start + 9; *p != '\0' && *p != '[' && *p != '>'; p++)
    ;
  if (*p != '[')
    return;

  for (; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == ']')
        {
          char *q = p + 1;

          while (g_ascii_isspace (*q))
            q++;
          if (*q == '>')
            {
              memmove (start, q + 1, strlen (q + 1) + 1);
              return;
            }
        }
    }
}

char *
dossier_html_extract (const guint8     *data,
                      gsize             length,
                      DossierMetadata  *metadata,
                      GError          **error)
{
  g_autofree char *text = NULL;
  Head head = { 0 };
  Writer writer = { 0 };
  xmlDoc *doc;
  xmlNode *body;
  gsize text_len;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (metadata != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = decode_html (data, length, error);
  if (text == NULL)
    return NULL;

  cut_internal_subset (text);
  text_len = strlen (text);
  if (text_len > G_MAXINT)
    {
      g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_BINARY,
                           "too large for an HTML page");
      return NULL;
    }

  ensure_libxml ();

  if (attributes_too_costly (text))
    {
      /* Read flattened at once: no metadata from the head. */
      doc = NULL;
      head.max_depth = DEPTH_LIMIT;
    }
  else
    {
      doc = parse (text, text_len);
      if (doc == NULL)
        {
          g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_ENCODING,
                               "cannot be read as HTML");
          return NULL;
        }

      walk (xmlDocGetRootElement (doc), head_enter, head_leave, head_text, &head);
      fill_metadata (metadata, &head);
      head_clear (&head);
    }

  if (head.max_depth >= DEPTH_LIMIT)
    {
      g_autofree char *flat = flatten_html (text);

      g_clear_pointer (&doc, xmlFreeDoc);
      doc = parse (flat, strlen (flat));
      if (doc == NULL)
        {
          g_set_error_literal (error, DOSSIER_TEXT_ERROR, DOSSIER_TEXT_ERROR_ENCODING,
                               "cannot be read as HTML");
          return NULL;
        }
    }

  body = find_body (doc);
  writer.out = g_string_new (NULL);

  if (body != NULL)
    {
      xmlNode *root = choose_root (body);

      writer.in_article = 0;
      walk (root, writer_enter, writer_leave, writer_text, &writer);
    }

  xmlFreeDoc (doc);

  return g_string_free (writer.out, FALSE);
}
