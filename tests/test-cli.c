/* test-cli.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* End-to-end tests of dossier-cli: every test runs the real binary (named
 * by $DOSSIER_CLI) on a database of its own in a fresh temporary folder,
 * with files it writes itself, and reads --json output with json-glib. */

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* Fixture */

typedef struct
{
  char *dir;     /* temporary folder, removed at the end */
  char *db;      /* database file inside it */
  char *corpus;  /* folder of files to import */
} Fixture;

static void
remove_recursively (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_recursively (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static Fixture *
fixture_new (void)
{
  g_autoptr(GError) error = NULL;
  Fixture *f = g_new0 (Fixture, 1);

  f->dir = g_dir_make_tmp ("dossier-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "dossier.db", NULL);
  f->corpus = g_build_filename (f->dir, "corpus", NULL);
  g_assert_cmpint (g_mkdir (f->corpus, 0700), ==, 0);

  return f;
}

static void
fixture_free (Fixture *f)
{
  remove_recursively (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->corpus);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/* Test documents: original text written for these tests. */

#define TXT_NAME "talks.txt"
#define TXT_TEXT \
  "Border Talks Resume in Monterrey\n" \
  "September 9, 2025\n" \
  "By Ana Ruiz\n" \
  "\n" \
  "Officials from both governments met on Tuesday. Diego Marroquín Bitar, an analyst, " \
  "said the talks were cautiously hopeful and that customs officers would share data.\n" \
  "\n" \
  "The delegations agreed to meet again in October.\n"

#define MD_NAME "truce.md"
#define MD_TEXT \
  "---\n" \
  "title: Tariff Truce Holds\n" \
  "outlet: Harbor Ledger\n" \
  "author: Maria Velasco\n" \
  "date: 2025-10-02\n" \
  "url: https://example.org/tariff-truce\n" \
  "---\n" \
  "\n" \
  "The tariff truce held for a third week, according to officials in both capitals.\n" \
  "\n" \
  "Trade volumes rose by 4 percent.\n"

#define HTML_NAME "ports.html"
#define HTML_TEXT \
  "<!DOCTYPE html>\n" \
  "<html><head><title>Harbor Ports Reopen</title>\n" \
  "<meta name=\"author\" content=\"Lee Chan\">\n" \
  "<style>body { color: red; }</style>\n" \
  "<script>var tracking = \"SCRIPT-TEXT-MUST-NOT-APPEAR\";</script>\n" \
  "</head><body>\n" \
  "<nav><a href=\"/\">Home</a> <a href=\"/about\">About us</a></nav>\n" \
  "<h1>Harbor Ports Reopen</h1>\n" \
  "<p>The ports reopened on Monday after a two-week closure &amp; inspections.</p>\n" \
  "<p>Shipping companies welcomed the decision.</p>\n" \
  "</body></html>\n"

/* A quote with curly quotes and an em dash, twice, after an emoji (one
 * code point, four UTF-8 bytes, two UTF-16 units) and accented letters. */
#define QUOTE_NAME "quote.txt"
#define QUOTE_TEXT \
  "Minister Speaks at the Café\n" \
  "\n" \
  "😀 Opening remarks at the café were brief. The minister said: “We will not yield — not now, not ever.” " \
  "Reporters asked again, and she said “We will not yield — not now, not ever.” once more.\n" \
  "\n" \
  "The naïve hope of a quick deal faded.\n"
#define QUOTE "“We will not yield — not now, not ever.”"

static void
write_corpus (Fixture *f)
{
  g_autofree char *a = write_file (f->corpus, TXT_NAME, TXT_TEXT, -1);
  g_autofree char *b = write_file (f->corpus, MD_NAME, MD_TEXT, -1);
  g_autofree char *c = write_file (f->corpus, HTML_NAME, HTML_TEXT, -1);
}

/* Running the command line */

typedef struct
{
  char *out;
  char *err;
  int   status;
} Result;

static void
result_free (Result *r)
{
  g_free (r->out);
  g_free (r->err);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static const char *
cli_path (void)
{
  const char *path = g_getenv ("DOSSIER_CLI");

  g_assert_nonnull (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE));

  return path;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

/* Runs dossier-cli with exactly @args (after the program name). */
static Result *
run_argv (const char * const *args,
          char              **envp)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  Result *r = g_new0 (Result, 1);
  int wait_status = 0;

  g_ptr_array_add (argv, g_strdup (cli_path ()));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  command = g_strjoinv (" ", (char **) argv->pdata + 1);
  g_test_message ("$ dossier-cli %s", command);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                NULL, NULL, &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (wait_status))
    g_error ("dossier-cli %s did not exit normally (wait status %d); stderr: %s",
             command, wait_status, r->err);
  r->status = WEXITSTATUS (wait_status);

  if (r->status != 0)
    g_test_message ("exit %d; stderr: %s", r->status, r->err);

  /* Whatever happens, output is valid UTF-8 and never shows "(null)". */
  g_assert_true (g_utf8_validate (r->out, -1, NULL));
  g_assert_true (g_utf8_validate (r->err, -1, NULL));
  g_assert_null (strstr (r->out, "(null)"));
  g_assert_null (strstr (r->err, "(null)"));

  return r;
}

static Result *
run_va (Fixture    *f,
        gboolean    json,
        const char *first,
        va_list     ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, f->db);
  if (json)
    g_ptr_array_add (args, (gpointer) "--json");
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);

  return run_argv ((const char * const *) args->pdata, NULL);
}

/* dossier-cli --db DB ARGS… */
G_GNUC_NULL_TERMINATED static Result *
run (Fixture    *f,
     const char *first,
     ...)
{
  Result *r;
  va_list ap;

  va_start (ap, first);
  r = run_va (f, FALSE, first, ap);
  va_end (ap);

  return r;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));

  return json_node_copy (json_parser_get_root (parser));
}

/* dossier-cli --db DB --json ARGS…, expecting exit @status; returns the
 * parsed stdout. */
G_GNUC_NULL_TERMINATED static JsonNode *
run_json (Fixture    *f,
          int         status,
          const char *first,
          ...)
{
  g_autoptr(Result) r = NULL;
  va_list ap;

  va_start (ap, first);
  r = run_va (f, TRUE, first, ap);
  va_end (ap);

  g_assert_cmpint (r->status, ==, status);
  if (status == 0)
    g_assert_cmpstr (r->err, ==, "");

  return parse_json (r->out);
}

/* An error: nothing on stdout, one line on stderr starting "dossier-cli: ". */
static void
assert_error (Result *r,
              int     status)
{
  g_assert_cmpint (r->status, ==, status);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "dossier-cli: "));
  g_assert_cmpuint (count_lines (r->err), ==, 1);
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_cmpuint (strlen (r->err), >, strlen ("dossier-cli: \n"));
}

G_GNUC_NULL_TERMINATED static void
run_error (Fixture    *f,
           int         status,
           const char *first,
           ...)
{
  g_autoptr(Result) r = NULL;
  va_list ap;

  va_start (ap, first);
  r = run_va (f, FALSE, first, ap);
  va_end (ap);
  assert_error (r, status);

  /* The same error with --json: still nothing on stdout. */
  va_start (ap, first);
  g_clear_pointer (&r, result_free);
  r = run_va (f, TRUE, first, ap);
  va_end (ap);
  assert_error (r, status);
}

/* JSON access that fails loudly on a missing member. */

static JsonObject *
object (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static JsonArray *
array (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

static JsonNode *
member (JsonObject *o,
        const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL)
    g_error ("JSON member “%s” missing", name);

  return node;
}

/* A string member, or NULL for null. */
static const char *
get_str (JsonObject *o,
         const char *name)
{
  JsonNode *node = member (o, name);
  const char *value;

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);
  value = json_node_get_string (node);

  return value;
}

static gint64
get_int (JsonObject *o,
         const char *name)
{
  JsonNode *node = member (o, name);

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64);

  return json_node_get_int (node);
}

static gboolean
is_null (JsonObject *o,
         const char *name)
{
  return JSON_NODE_HOLDS_NULL (member (o, name));
}

static JsonArray *
get_array (JsonObject *o,
           const char *name)
{
  return array (member (o, name));
}

static gboolean
strv_contains_ci (JsonArray  *a,
                  const char *value)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    if (g_ascii_strcasecmp (json_array_get_string_element (a, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* The object in @a whose "origin" ends with @name. */
static JsonObject *
find_by_origin (JsonArray  *a,
                const char *name)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);
      const char *origin = get_str (o, "origin");
      g_autofree char *base = origin != NULL ? g_path_get_basename (origin) : NULL;

      if (base != NULL && g_str_has_prefix (base, name))
        return o;
    }

  g_error ("no document whose file starts with “%s”", name);
  return NULL;
}

static JsonObject *
find_by_name (JsonArray  *a,
              const char *name)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      if (g_ascii_strcasecmp (get_str (o, "name"), name) == 0)
        return o;
    }
  return NULL;
}

static JsonObject *
find_by_id (JsonArray *a,
            gint64     id)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);

      if (get_int (o, "id") == id)
        return o;
    }
  return NULL;
}

static char *
id_arg (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static char *
uint_arg (guint value)
{
  return g_strdup_printf ("%u", value);
}

/* Imports the test corpus and returns the ids of the three documents. */
static void
import_corpus (Fixture *f,
               gint64  *txt,
               gint64  *md,
               gint64  *html)
{
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) documents = NULL;

  write_corpus (f);
  report = run_json (f, 0, "import", f->corpus, NULL);
  g_assert_cmpint (get_int (object (report), "imported"), ==, 3);

  documents = run_json (f, 0, "documents", NULL);
  g_assert_cmpuint (json_array_get_length (array (documents)), ==, 3);
  if (txt != NULL)
    *txt = get_int (find_by_origin (array (documents), TXT_NAME), "id");
  if (md != NULL)
    *md = get_int (find_by_origin (array (documents), MD_NAME), "id");
  if (html != NULL)
    *html = get_int (find_by_origin (array (documents), HTML_NAME), "id");
}

static char *
document_body (Fixture *f,
               gint64   id)
{
  g_autofree char *doc = id_arg (id);
  g_autoptr(JsonNode) shown = run_json (f, 0, "document", "show", doc, NULL);

  return g_strdup (get_str (object (shown), "body"));
}

static char *
slice (const char *text,
       guint       start,
       guint       end)
{
  const char *from = g_utf8_offset_to_pointer (text, start);
  const char *to = g_utf8_offset_to_pointer (text, end);

  return g_strndup (from, to - from);
}

/* The claim fields of DESIGN.md §6, checked against the body. */
static void
assert_claim_anchored (JsonObject *claim,
                       const char *body)
{
  guint start = (guint) get_int (claim, "start");
  guint end = (guint) get_int (claim, "end");
  guint length = (guint) g_utf8_strlen (body, -1);
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  g_assert_cmpuint (start, <, end);
  g_assert_cmpuint (end, <=, length);

  quote = slice (body, start, end);
  prefix = slice (body, start >= 32 ? start - 32 : 0, start);
  suffix = slice (body, end, MIN (end + 32, length));

  g_assert_cmpstr (get_str (claim, "quote"), ==, quote);
  g_assert_cmpstr (json_object_get_string_member (claim, "prefix"), ==, prefix);
  g_assert_cmpstr (json_object_get_string_member (claim, "suffix"), ==, suffix);
  g_assert_cmpuint (get_str (claim, "uuid") != NULL ? strlen (get_str (claim, "uuid")) : 0, ==, 36);
  g_assert_true (get_int (claim, "id") > 0);
  g_assert_true (get_int (claim, "document") > 0);
  (void) get_array (claim, "themes");
  (void) member (claim, "speaker");
  (void) member (claim, "note");
}

/* Tests */

static void
test_import (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(Result) human = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *files;

  write_corpus (f);

  first = run_json (f, 0, "import", f->corpus, NULL);
  g_assert_cmpint (get_int (object (first), "imported"), ==, 3);
  g_assert_cmpint (get_int (object (first), "duplicates"), ==, 0);
  g_assert_cmpint (get_int (object (first), "failed"), ==, 0);
  files = get_array (object (first), "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      const char *path = get_str (file, "path");
      g_autofree char *base = g_path_get_basename (path);

      g_assert_nonnull (path);
      g_assert_cmpstr (get_str (file, "status"), ==, "imported");
      g_assert_true (get_int (file, "document") > 0);
      g_assert_true (is_null (file, "error"));
      g_assert_true (g_str_equal (base, TXT_NAME) || g_str_equal (base, MD_NAME) ||
                     g_str_equal (base, HTML_NAME));
      g_hash_table_insert (ids, g_steal_pointer (&base), GINT_TO_POINTER ((int) get_int (file, "document")));
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, 3);

  /* Importing the same text again adds nothing. */
  second = run_json (f, 0, "import", f->corpus, NULL);
  g_assert_cmpint (get_int (object (second), "imported"), ==, 0);
  g_assert_cmpint (get_int (object (second), "duplicates"), ==, 3);
  g_assert_cmpint (get_int (object (second), "failed"), ==, 0);
  files = get_array (object (second), "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      g_autofree char *base = g_path_get_basename (get_str (file, "path"));

      g_assert_cmpstr (get_str (file, "status"), ==, "duplicate");
      g_assert_true (is_null (file, "error"));
      g_assert_cmpint (get_int (file, "document"), ==, GPOINTER_TO_INT (g_hash_table_lookup (ids, base)));
    }

  /* Human output: one line per file, then the counts; no progress on a
   * stderr that is not a terminal. */
  human = run (f, "import", f->corpus, NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_cmpstr (human->err, ==, "");
  g_assert_cmpuint (count_lines (human->out), ==, 4);
  g_assert_true (g_str_has_prefix (human->out, "duplicate "));
  g_assert_nonnull (strstr (human->out, "(same text as #"));
  g_assert_nonnull (strstr (human->out, "0 imported, 3 duplicates, 0 failed\n"));
}

static void
test_import_failed (void)
{
  static const char binary[] = "Not text\0\0\0\x01\x02 at all\0";
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(Result) human = NULL;
  g_autoptr(JsonNode) documents = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *bad = NULL;
  JsonArray *files;
  gboolean seen_bad = FALSE;

  write_corpus (f);
  bad = write_file (f->corpus, "broken.txt", binary, sizeof binary);

  /* People first: a line per file, the failure with its reason, exit 1. */
  human = run (f, "import", f->corpus, NULL);
  g_assert_cmpint (human->status, ==, 1);
  g_assert_cmpuint (count_lines (human->out), ==, 5);
  g_assert_nonnull (strstr (human->out, "3 imported, 0 duplicates, 1 failed\n"));
  g_assert_nonnull (strstr (human->out, "failed    "));
  g_assert_nonnull (strstr (human->out, "broken.txt: "));
  g_assert_nonnull (strstr (human->out, "imported  "));
  g_assert_nonnull (strstr (human->out, " → #"));

  documents = run_json (f, 0, "documents", NULL);
  g_assert_cmpuint (json_array_get_length (array (documents)), ==, 3);

  /* Again, as JSON: the good files are duplicates, the bad one fails. */
  again = run_json (f, 1, "import", f->corpus, NULL);
  g_assert_cmpint (get_int (object (again), "imported"), ==, 0);
  g_assert_cmpint (get_int (object (again), "duplicates"), ==, 3);
  g_assert_cmpint (get_int (object (again), "failed"), ==, 1);
  files = get_array (object (again), "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);

      if (g_str_has_suffix (get_str (file, "path"), "broken.txt"))
        {
          seen_bad = TRUE;
          g_assert_cmpstr (get_str (file, "status"), ==, "failed");
          g_assert_true (is_null (file, "document"));
          g_assert_nonnull (get_str (file, "error"));
          g_assert_cmpstr (get_str (file, "error"), !=, "");
        }
      else
        g_assert_cmpstr (get_str (file, "status"), ==, "duplicate");
    }
  g_assert_true (seen_bad);
}

static void
test_documents (void)
{
  static const char * const keys[] = { "id", "uuid", "title", "outlet", "author", "published", "url", "claims" };
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(JsonNode) documents = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(Result) table = NULL;
  g_autoptr(Result) human_show = NULL;
  g_autofree char *md_id = NULL;
  g_autofree char *html_id = NULL;
  JsonObject *md;
  JsonObject *html;
  gint64 md_doc, html_doc;

  import_corpus (f, NULL, &md_doc, &html_doc);
  md_id = id_arg (md_doc);
  html_id = id_arg (html_doc);

  documents = run_json (f, 0, "documents", NULL);
  for (guint i = 0; i < json_array_get_length (array (documents)); i++)
    {
      JsonObject *o = json_array_get_object_element (array (documents), i);

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (o, keys[k]));
      g_assert_cmpint (get_int (o, "claims"), ==, 0);
      g_assert_cmpuint (strlen (get_str (o, "uuid")), ==, 36);
      g_assert_nonnull (get_str (o, "title"));
    }

  /* Front matter gives the Markdown file's metadata. */
  md = find_by_origin (array (documents), MD_NAME);
  g_assert_cmpstr (get_str (md, "title"), ==, "Tariff Truce Holds");
  g_assert_cmpstr (get_str (md, "outlet"), ==, "Harbor Ledger");
  g_assert_cmpstr (get_str (md, "author"), ==, "Maria Velasco");
  g_assert_cmpstr (get_str (md, "published"), ==, "2025-10-02");
  g_assert_cmpstr (get_str (md, "url"), ==, "https://example.org/tariff-truce");

  /* HTML: the title element, and no script text in the body. */
  html = find_by_origin (array (documents), HTML_NAME);
  g_assert_cmpstr (get_str (html, "title"), ==, "Harbor Ports Reopen");

  shown = run_json (f, 0, "document", "show", html_id, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    g_assert_true (json_object_has_member (object (shown), keys[k]));
  g_assert_cmpint (get_int (object (shown), "id"), ==, html_doc);
  g_assert_nonnull (strstr (get_str (object (shown), "body"), "closure & inspections"));
  g_assert_null (strstr (get_str (object (shown), "body"), "SCRIPT-TEXT-MUST-NOT-APPEAR"));

  /* For people: a table with a header, and metadata then the body. */
  table = run (f, "documents", NULL);
  g_assert_cmpint (table->status, ==, 0);
  g_assert_cmpuint (count_lines (table->out), ==, 4);
  g_assert_true (g_str_has_prefix (g_strchug (table->out), "ID"));
  g_assert_nonnull (strstr (table->out, "Tariff Truce Holds"));
  g_assert_nonnull (strstr (table->out, "Harbor Ledger"));
  g_assert_nonnull (strstr (table->out, "2025-10-02"));

  human_show = run (f, "document", "show", md_id, NULL);
  g_assert_cmpint (human_show->status, ==, 0);
  g_assert_nonnull (strstr (human_show->out, "Tariff Truce Holds"));
  g_assert_nonnull (strstr (human_show->out, "Harbor Ledger"));
  g_assert_nonnull (strstr (human_show->out, "Trade volumes rose by 4 percent."));

  run_error (f, 1, "document", "show", "9999", NULL);
}

static void
test_document_set (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(JsonNode) set = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_autoptr(JsonNode) documents = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *doc = NULL;
  JsonObject *listed;
  gint64 txt;

  import_corpus (f, &txt, NULL, NULL);
  doc = id_arg (txt);

  set = run_json (f, 0, "document", "set", doc,
                  "--title", "Border Talks: Day Two",
                  "--outlet", "Gulf Courier",
                  "--author", "Ana Ruiz",
                  "--date", "2025-11-30",
                  "--url", "https://example.org/talks",
                  NULL);
  g_assert_cmpint (get_int (object (set), "id"), ==, txt);
  g_assert_cmpstr (get_str (object (set), "title"), ==, "Border Talks: Day Two");
  g_assert_cmpstr (get_str (object (set), "outlet"), ==, "Gulf Courier");
  g_assert_cmpstr (get_str (object (set), "author"), ==, "Ana Ruiz");
  g_assert_cmpstr (get_str (object (set), "published"), ==, "2025-11-30");
  g_assert_cmpstr (get_str (object (set), "url"), ==, "https://example.org/talks");

  documents = run_json (f, 0, "documents", NULL);
  listed = find_by_id (array (documents), txt);
  g_assert_nonnull (listed);
  g_assert_cmpstr (get_str (listed, "title"), ==, "Border Talks: Day Two");
  g_assert_cmpstr (get_str (listed, "outlet"), ==, "Gulf Courier");
  g_assert_cmpstr (get_str (listed, "published"), ==, "2025-11-30");

  /* An empty value clears the field: null, never "". */
  cleared = run_json (f, 0, "document", "set", doc, "--url", "", NULL);
  g_assert_true (is_null (object (cleared), "url"));
  g_assert_cmpstr (get_str (object (cleared), "title"), ==, "Border Talks: Day Two");

  /* Not a real date: a failure, and nothing changes. */
  run_error (f, 1, "document", "set", doc, "--date", "2025-02-30", NULL);
  run_error (f, 1, "document", "set", doc, "--date", "yesterday", NULL);
  after = run_json (f, 0, "document", "show", doc, NULL);
  g_assert_cmpstr (get_str (object (after), "published"), ==, "2025-11-30");

  run_error (f, 1, "document", "set", "9999", "--title", "Nobody", NULL);
}

static void
test_claim_add (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) ranged = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(Result) human = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *start_arg = NULL;
  g_autofree char *end_arg = NULL;
  g_autofree char *expected_range = NULL;
  g_autoptr(JsonNode) report = NULL;
  const char *p1, *p2, *p3;
  guint quote_length;
  guint start1, start2, start3, end3;
  gint64 id;

  path = write_file (f->corpus, QUOTE_NAME, QUOTE_TEXT, -1);
  report = run_json (f, 0, "import", path, NULL);
  g_assert_cmpint (get_int (object (report), "imported"), ==, 1);
  id = get_int (json_array_get_object_element (get_array (object (report), "files"), 0), "document");
  doc = id_arg (id);

  body = document_body (f, id);
  quote_length = (guint) g_utf8_strlen (QUOTE, -1);

  /* Where the quote is, in code points, computed here from the body. */
  p1 = strstr (body, QUOTE);
  g_assert_nonnull (p1);
  p2 = strstr (p1 + 1, QUOTE);
  g_assert_nonnull (p2);
  start1 = (guint) g_utf8_pointer_to_offset (body, p1);
  start2 = (guint) g_utf8_pointer_to_offset (body, p2);
  /* Code points, not bytes: the emoji and accents come before. */
  g_assert_cmpuint (start1, <, (guint) (p1 - body));

  first = run_json (f, 0, "claim", "add", doc, "--quote", QUOTE,
                    "--theme", "Sovereignty", "--speaker", "The Minister",
                    "--note", "Said twice", NULL);
  g_assert_cmpint (get_int (object (first), "document"), ==, id);
  g_assert_cmpint (get_int (object (first), "start"), ==, start1);
  g_assert_cmpint (get_int (object (first), "end"), ==, start1 + quote_length);
  g_assert_cmpstr (get_str (object (first), "quote"), ==, QUOTE);
  g_assert_cmpstr (get_str (object (first), "speaker"), ==, "The Minister");
  g_assert_cmpstr (get_str (object (first), "note"), ==, "Said twice");
  g_assert_cmpuint (json_array_get_length (get_array (object (first), "themes")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (get_array (object (first), "themes"), 0), ==, "Sovereignty");
  assert_claim_anchored (object (first), body);

  second = run_json (f, 0, "claim", "add", doc, "--quote", QUOTE, "--occurrence", "2", NULL);
  g_assert_cmpint (get_int (object (second), "start"), ==, start2);
  g_assert_cmpint (get_int (object (second), "end"), ==, start2 + quote_length);
  g_assert_cmpstr (get_str (object (second), "quote"), ==, QUOTE);
  g_assert_true (is_null (object (second), "speaker"));
  g_assert_true (is_null (object (second), "note"));
  g_assert_cmpuint (json_array_get_length (get_array (object (second), "themes")), ==, 0);
  assert_claim_anchored (object (second), body);

  /* Not in the text, or not that many times: failures. */
  run_error (f, 1, "claim", "add", doc, "--quote", "We will surrender", NULL);
  run_error (f, 1, "claim", "add", doc, "--quote", "\"We will not yield - not now, not ever.\"", NULL);
  run_error (f, 1, "claim", "add", doc, "--quote", QUOTE, "--occurrence", "3", NULL);
  run_error (f, 1, "claim", "add", "9999", "--quote", QUOTE, NULL);

  /* By offsets. */
  p3 = strstr (body, "Reporters asked again");
  g_assert_nonnull (p3);
  start3 = (guint) g_utf8_pointer_to_offset (body, p3);
  end3 = start3 + (guint) strlen ("Reporters asked again");
  start_arg = uint_arg (start3);
  end_arg = uint_arg (end3);
  ranged = run_json (f, 0, "claim", "add", doc, "--start", start_arg, "--end", end_arg,
                     "--theme", "Press", "--theme", "Sovereignty", NULL);
  g_assert_cmpint (get_int (object (ranged), "start"), ==, start3);
  g_assert_cmpint (get_int (object (ranged), "end"), ==, end3);
  g_assert_cmpstr (get_str (object (ranged), "quote"), ==, "Reporters asked again");
  g_assert_cmpuint (json_array_get_length (get_array (object (ranged), "themes")), ==, 2);
  assert_claim_anchored (object (ranged), body);

  run_error (f, 1, "claim", "add", doc, "--start", end_arg, "--end", start_arg, NULL);
  run_error (f, 1, "claim", "add", doc, "--start", "0", "--end", "100000", NULL);

  all = run_json (f, 0, "claim", "list", "--doc", doc, NULL);
  g_assert_cmpuint (json_array_get_length (array (all)), ==, 3);

  /* People see the claim and its quote. */
  human = run (f, "claim", "add", doc, "--quote", "The naïve hope", NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_nonnull (strstr (human->out, "The naïve hope"));
  g_assert_nonnull (strstr (body, "The naïve hope"));
  start3 = (guint) g_utf8_pointer_to_offset (body, strstr (body, "The naïve hope"));
  expected_range = g_strdup_printf ("%u–%u", start3, start3 + (guint) g_utf8_strlen ("The naïve hope", -1));
  g_assert_nonnull (strstr (human->out, expected_range));
}

static gint64
add_claim (Fixture    *f,
           gint64      document,
           const char *quote,
           const char *first_option,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) claim = NULL;
  va_list ap;

  g_ptr_array_add (args, g_strdup ("--db"));
  g_ptr_array_add (args, g_strdup (f->db));
  g_ptr_array_add (args, g_strdup ("claim"));
  g_ptr_array_add (args, g_strdup ("add"));
  g_ptr_array_add (args, id_arg (document));
  g_ptr_array_add (args, g_strdup ("--quote"));
  g_ptr_array_add (args, g_strdup (quote));
  va_start (ap, first_option);
  for (const char *arg = first_option; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, g_strdup ("--json"));
  g_ptr_array_add (args, NULL);

  r = run_argv ((const char * const *) args->pdata, NULL);
  g_assert_cmpint (r->status, ==, 0);
  claim = parse_json (r->out);

  return get_int (object (claim), "id");
}

static guint
list_length (Fixture    *f,
             const char *first,
             ...)
{
  g_autoptr(Result) r = NULL;
  g_autoptr(JsonNode) list = NULL;
  va_list ap;

  va_start (ap, first);
  r = run_va (f, TRUE, first, ap);
  va_end (ap);
  g_assert_cmpint (r->status, ==, 0);
  list = parse_json (r->out);

  return json_array_get_length (array (list));
}

static void
test_claim_list (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(JsonNode) by_theme = NULL;
  g_autoptr(JsonNode) outlet_set = NULL;
  g_autoptr(Result) human = NULL;
  g_autofree char *txt_id = NULL;
  g_autofree char *md_id = NULL;
  gint64 txt, md, a, b;

  import_corpus (f, &txt, &md, NULL);
  txt_id = id_arg (txt);
  md_id = id_arg (md);
  g_clear_pointer (&outlet_set, json_node_unref);
  outlet_set = run_json (f, 0, "document", "set", txt_id, "--outlet", "Gulf Courier", NULL);

  a = add_claim (f, txt, "customs officers would share data",
                 "--theme", "Sovereignty", "--theme", "Trade",
                 "--speaker", "Claudia Sheinbaum", "--note", "Data sharing is new", NULL);
  b = add_claim (f, md, "Trade volumes rose by 4 percent.",
                 "--theme", "Trade", "--speaker", "Marco Rubio", NULL);

  g_assert_cmpuint (list_length (f, "claim", "list", NULL), ==, 2);
  g_assert_cmpuint (list_length (f, "claim", "list", "--theme", "Trade", NULL), ==, 2);
  g_assert_cmpuint (list_length (f, "claim", "list", "--theme", "Migration", NULL), ==, 0);
  g_assert_cmpuint (list_length (f, "claim", "list", "--speaker", "Marco Rubio", NULL), ==, 1);
  g_assert_cmpuint (list_length (f, "claim", "list", "--outlet", "Gulf Courier", NULL), ==, 1);
  g_assert_cmpuint (list_length (f, "claim", "list", "--doc", md_id, NULL), ==, 1);
  g_assert_cmpuint (list_length (f, "claim", "list", "--text", "sharing", NULL), ==, 1);
  g_assert_cmpuint (list_length (f, "claim", "list", "--theme", "Trade", "--speaker", "Marco Rubio", NULL), ==, 1);

  /* Names match case-insensitively. */
  by_theme = run_json (f, 0, "claim", "list", "--theme", "sovereignty", NULL);
  g_assert_cmpuint (json_array_get_length (array (by_theme)), ==, 1);
  g_assert_cmpint (get_int (json_array_get_object_element (array (by_theme), 0), "id"), ==, a);
  g_assert_cmpstr (get_str (json_array_get_object_element (array (by_theme), 0), "speaker"), ==, "Claudia Sheinbaum");
  g_assert_true (find_by_id (array (by_theme), b) == NULL);

  human = run (f, "claim", "list", "--theme", "Trade", NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_nonnull (strstr (human->out, "Claudia Sheinbaum"));
  g_assert_nonnull (strstr (human->out, "Marco Rubio"));
  g_assert_nonnull (strstr (human->out, "Trade volumes rose by 4 percent."));
}

static void
test_claim_edit_delete (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autofree char *claim_id = NULL;
  JsonArray *themes;
  gint64 txt, claim;

  import_corpus (f, &txt, NULL, NULL);
  claim = add_claim (f, txt, "the talks were cautiously hopeful",
                     "--theme", "Sovereignty", "--theme", "Trade", "--speaker", "Diego Marroquín Bitar", NULL);
  claim_id = id_arg (claim);

  edited = run_json (f, 0, "claim", "edit", claim_id,
                     "--add-theme", "Migration", "--add-theme", "Security",
                     "--remove-theme", "Trade",
                     "--speaker", "A senior official",
                     "--note", "Check the transcript", NULL);
  g_assert_cmpint (get_int (object (edited), "id"), ==, claim);
  themes = get_array (object (edited), "themes");
  g_assert_cmpuint (json_array_get_length (themes), ==, 3);
  g_assert_true (strv_contains_ci (themes, "Sovereignty"));
  g_assert_true (strv_contains_ci (themes, "Migration"));
  g_assert_true (strv_contains_ci (themes, "Security"));
  g_assert_false (strv_contains_ci (themes, "Trade"));
  g_assert_cmpstr (get_str (object (edited), "speaker"), ==, "A senior official");
  g_assert_cmpstr (get_str (object (edited), "note"), ==, "Check the transcript");
  g_assert_cmpstr (get_str (object (edited), "quote"), ==, "the talks were cautiously hopeful");

  /* Empty speaker and note clear them. */
  cleared = run_json (f, 0, "claim", "edit", claim_id, "--speaker", "", "--note", "", NULL);
  g_assert_true (is_null (object (cleared), "speaker"));
  g_assert_true (is_null (object (cleared), "note"));
  g_assert_cmpuint (json_array_get_length (get_array (object (cleared), "themes")), ==, 3);

  run_error (f, 1, "claim", "edit", "9999", "--note", "x", NULL);

  deleted = run_json (f, 0, "claim", "delete", claim_id, NULL);
  g_assert_cmpint (get_int (object (deleted), "deleted"), ==, claim);
  g_assert_cmpuint (list_length (f, "claim", "list", NULL), ==, 0);

  run_error (f, 1, "claim", "delete", claim_id, NULL);
  run_error (f, 1, "claim", "edit", claim_id, "--note", "gone", NULL);
}

static void
test_themes (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(JsonNode) themes = NULL;
  g_autoptr(JsonNode) renamed = NULL;
  g_autoptr(JsonNode) merged = NULL;
  g_autoptr(JsonNode) colored = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) claims = NULL;
  g_autoptr(GRegex) color = g_regex_new ("^#[0-9a-fA-F]{6}$", 0, 0, NULL);
  g_autoptr(Result) human = NULL;
  JsonObject *theme;
  gint64 txt, md, trade_id;

  import_corpus (f, &txt, &md, NULL);
  add_claim (f, txt, "customs officers would share data", "--theme", "Trade", "--theme", "Sovereignty", NULL);
  add_claim (f, md, "Trade volumes rose by 4 percent.", "--theme", "Trade", "--theme", "Tariffs", NULL);
  add_claim (f, md, "The tariff truce held", "--theme", "Tariffs", NULL);

  themes = run_json (f, 0, "themes", NULL);
  g_assert_cmpuint (json_array_get_length (array (themes)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *o = json_array_get_object_element (array (themes), i);

      g_assert_true (get_int (o, "id") > 0);
      g_assert_nonnull (get_str (o, "name"));
      g_assert_true (g_regex_match (color, get_str (o, "color"), 0, NULL));
    }
  theme = find_by_name (array (themes), "Trade");
  g_assert_nonnull (theme);
  g_assert_cmpint (get_int (theme, "claims"), ==, 2);
  trade_id = get_int (theme, "id");
  g_assert_cmpint (get_int (find_by_name (array (themes), "Tariffs"), "claims"), ==, 2);
  g_assert_cmpint (get_int (find_by_name (array (themes), "Sovereignty"), "claims"), ==, 1);

  renamed = run_json (f, 0, "theme", "rename", "Trade", "Commerce", NULL);
  g_assert_cmpint (get_int (object (renamed), "id"), ==, trade_id);
  g_assert_cmpstr (get_str (object (renamed), "name"), ==, "Commerce");
  g_assert_cmpint (get_int (object (renamed), "claims"), ==, 2);
  g_assert_cmpuint (list_length (f, "claim", "list", "--theme", "Commerce", NULL), ==, 2);
  g_assert_cmpuint (list_length (f, "claim", "list", "--theme", "Trade", NULL), ==, 0);
  run_error (f, 1, "theme", "rename", "Trade", "Again", NULL);

  /* Merging: the claims of Tariffs move to Commerce (one had both). */
  merged = run_json (f, 0, "theme", "merge", "Tariffs", "Commerce", NULL);
  g_assert_cmpstr (get_str (object (merged), "name"), ==, "Commerce");
  g_assert_cmpint (get_int (object (merged), "claims"), ==, 3);
  g_clear_pointer (&themes, json_node_unref);
  themes = run_json (f, 0, "themes", NULL);
  g_assert_cmpuint (json_array_get_length (array (themes)), ==, 2);
  g_assert_null (find_by_name (array (themes), "Tariffs"));
  g_assert_cmpuint (list_length (f, "claim", "list", "--theme", "Commerce", NULL), ==, 3);

  colored = run_json (f, 0, "theme", "color", "commerce", "#12AB34", NULL);
  g_assert_cmpint (g_ascii_strcasecmp (get_str (object (colored), "color"), "#12ab34"), ==, 0);
  run_error (f, 1, "theme", "color", "Commerce", "red", NULL);
  run_error (f, 1, "theme", "color", "Commerce", "#12345", NULL);
  run_error (f, 1, "theme", "color", "Commerce", "#12345g", NULL);
  run_error (f, 1, "theme", "color", "Nothing", "#123456", NULL);
  after = run_json (f, 0, "themes", NULL);
  g_assert_cmpint (g_ascii_strcasecmp (get_str (find_by_name (array (after), "Commerce"), "color"), "#12ab34"), ==, 0);

  human = run (f, "themes", NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_nonnull (strstr (human->out, "Commerce"));
  g_assert_nonnull (strstr (human->out, "Sovereignty"));

  deleted = run_json (f, 0, "theme", "delete", "Commerce", NULL);
  g_assert_cmpint (get_int (object (deleted), "deleted"), ==, trade_id);
  claims = run_json (f, 0, "claim", "list", NULL);
  g_assert_cmpuint (json_array_get_length (array (claims)), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_false (strv_contains_ci (get_array (json_array_get_object_element (array (claims), i), "themes"),
                                      "Commerce"));
  run_error (f, 1, "theme", "delete", "Commerce", NULL);
}

static void
test_sources (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(JsonNode) sources = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) outlet_set = NULL;
  g_autoptr(Result) human = NULL;
  g_autofree char *txt_id = NULL;
  JsonObject *speaker;
  JsonObject *outlet;
  gint64 txt;

  import_corpus (f, &txt, NULL, NULL);
  txt_id = id_arg (txt);
  g_clear_pointer (&outlet_set, json_node_unref);
  outlet_set = run_json (f, 0, "document", "set", txt_id, "--outlet", "Gulf Courier", NULL);
  add_claim (f, txt, "customs officers would share data", "--speaker", "Claudia Sheinbaum", NULL);

  sources = run_json (f, 0, "sources", NULL);
  speaker = find_by_name (array (sources), "Claudia Sheinbaum");
  outlet = find_by_name (array (sources), "Gulf Courier");
  g_assert_nonnull (speaker);
  g_assert_nonnull (outlet);
  g_assert_true (get_int (speaker, "id") > 0);
  g_assert_cmpint (get_int (speaker, "claims"), ==, 1);
  g_assert_nonnull (get_str (speaker, "kind"));
  g_assert_cmpstr (get_str (outlet, "kind"), ==, "outlet");
  g_assert_cmpint (get_int (outlet, "claims"), ==, 1);

  changed = run_json (f, 0, "source", "kind", "claudia sheinbaum", "government", NULL);
  g_assert_cmpstr (get_str (object (changed), "name"), ==, "Claudia Sheinbaum");
  g_assert_cmpstr (get_str (object (changed), "kind"), ==, "government");

  run_error (f, 2, "source", "kind", "Claudia Sheinbaum", "alien", NULL);
  run_error (f, 1, "source", "kind", "Nobody At All", "person", NULL);

  human = run (f, "sources", NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_nonnull (strstr (human->out, "Claudia Sheinbaum"));
  g_assert_nonnull (strstr (human->out, "government"));
  g_assert_nonnull (strstr (human->out, "Gulf Courier"));
}

static gboolean
hits_contain (JsonArray *hits,
              gint64     id)
{
  return find_by_id (hits, id) != NULL;
}

static void
test_search (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(JsonNode) accent = NULL;
  g_autoptr(JsonNode) words = NULL;
  g_autoptr(JsonNode) claims = NULL;
  g_autoptr(JsonNode) limited = NULL;
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(Result) human = NULL;
  JsonArray *documents;
  JsonObject *hit;
  gint64 txt, md, claim;

  import_corpus (f, &txt, &md, NULL);

  /* Accent-insensitive: "Marroquín" in the text, "marroquin" typed. */
  accent = run_json (f, 0, "search", "marroquin", NULL);
  documents = get_array (object (accent), "documents");
  (void) get_array (object (accent), "claims");
  g_assert_true (hits_contain (documents, txt));
  hit = find_by_id (documents, txt);
  g_assert_nonnull (get_str (hit, "snippet"));
  (void) member (hit, "title");

  /* Several words make one query. */
  words = run_json (f, 0, "search", "cautiously", "hopeful", NULL);
  g_assert_true (hits_contain (get_array (object (words), "documents"), txt));
  g_assert_false (hits_contain (get_array (object (words), "documents"), md));

  claim = add_claim (f, md, "Trade volumes rose by 4 percent.", "--note", "zephyrous growth figure", NULL);
  claims = run_json (f, 0, "search", "zephyrous", NULL);
  hit = find_by_id (get_array (object (claims), "claims"), claim);
  g_assert_nonnull (hit);
  g_assert_cmpint (get_int (hit, "document"), ==, md);
  g_assert_cmpstr (get_str (hit, "quote"), ==, "Trade volumes rose by 4 percent.");
  (void) member (hit, "snippet");

  limited = run_json (f, 0, "search", "officials", "--limit", "1", NULL);
  g_assert_cmpuint (json_array_get_length (get_array (object (limited), "documents")), ==, 1);

  none = run_json (f, 0, "search", "xylophonically", NULL);
  g_assert_cmpuint (json_array_get_length (get_array (object (none), "documents")), ==, 0);
  g_assert_cmpuint (json_array_get_length (get_array (object (none), "claims")), ==, 0);

  human = run (f, "search", "marroquin", NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_nonnull (strstr (human->out, "Border Talks Resume in Monterrey"));
}

static void
test_check (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(JsonNode) checked = NULL;
  g_autoptr(Result) human = NULL;
  gint64 txt;

  empty = run_json (f, 0, "check", NULL);
  g_assert_true (json_object_get_boolean_member (object (empty), "ok"));
  g_assert_cmpuint (json_array_get_length (get_array (object (empty), "problems")), ==, 0);

  import_corpus (f, &txt, NULL, NULL);
  add_claim (f, txt, "Marroquín Bitar", "--theme", "People", NULL);

  checked = run_json (f, 0, "check", NULL);
  g_assert_true (json_object_get_boolean_member (object (checked), "ok"));
  g_assert_cmpuint (json_array_get_length (get_array (object (checked), "problems")), ==, 0);

  human = run (f, "check", NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_true (g_str_has_prefix (human->out, "ok"));
}

static void
test_global_options (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(Result) before = NULL;
  g_autoptr(Result) after = NULL;
  g_autoptr(Result) mixed = NULL;
  g_autoptr(Result) env = NULL;
  g_autoptr(Result) equals = NULL;
  g_autoptr(Result) claim_after = NULL;
  g_autoptr(Result) claim_before = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(JsonNode) claims = NULL;
  g_auto(GStrv) envp = NULL;
  g_autofree char *db_equals = NULL;
  g_autofree char *txt_id = NULL;
  gint64 txt;

  import_corpus (f, &txt, NULL, NULL);
  txt_id = id_arg (txt);

  {
    const char *args[] = { "--db", f->db, "--json", "documents", NULL };
    before = run_argv (args, NULL);
  }
  {
    const char *args[] = { "documents", "--db", f->db, "--json", NULL };
    after = run_argv (args, NULL);
  }
  {
    const char *args[] = { "--json", "documents", "--db", f->db, NULL };
    mixed = run_argv (args, NULL);
  }
  db_equals = g_strdup_printf ("--db=%s", f->db);
  {
    const char *args[] = { "documents", db_equals, "--json", NULL };
    equals = run_argv (args, NULL);
  }
  g_assert_cmpint (before->status, ==, 0);
  g_assert_cmpint (after->status, ==, 0);
  g_assert_cmpstr (before->out, ==, after->out);
  g_assert_cmpstr (before->out, ==, mixed->out);
  g_assert_cmpstr (before->out, ==, equals->out);
  parsed = parse_json (before->out);
  g_assert_cmpuint (json_array_get_length (array (parsed)), ==, 3);

  /* $DOSSIER_DB when there is no --db. */
  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "DOSSIER_DB", f->db, TRUE);
  {
    const char *args[] = { "documents", "--json", NULL };
    env = run_argv (args, envp);
  }
  g_assert_cmpint (env->status, ==, 0);
  g_assert_cmpstr (before->out, ==, env->out);

  /* Between a command's own options too. */
  {
    const char *args[] = { "claim", "add", txt_id, "--json", "--quote", "Officials from both governments",
                           "--db", f->db, "--theme", "Diplomacy", NULL };
    claim_after = run_argv (args, NULL);
  }
  g_assert_cmpint (claim_after->status, ==, 0);
  {
    const char *args[] = { "--db", f->db, "--json", "claim", "list", NULL };
    claim_before = run_argv (args, NULL);
  }
  g_assert_cmpint (claim_before->status, ==, 0);
  claims = parse_json (claim_before->out);
  g_assert_cmpuint (json_array_get_length (array (claims)), ==, 1);
}

static void
test_usage_errors (void)
{
  static const char * const cases[][12] = {
    { NULL },
    { "--json", NULL },
    { "frobnicate", NULL },
    { "brief", "frob", NULL },
    { "brief", "new", NULL },
    { "documents", "--bogus", NULL },
    { "documents", "-x", NULL },
    { "documents", "extra", NULL },
    { "documents", "--json=yes", NULL },
    { "documents", "--sort", "size", NULL },
    { "document", NULL },
    { "document", "frob", NULL },
    { "document", "show", NULL },
    { "document", "show", "abc", NULL },
    { "document", "show", "1", "2", NULL },
    { "document", "show", "-3", NULL },
    { "document", "show", "0", NULL },
    { "document", "set", "1", NULL },
    { "document", "set", "1", "--title", NULL },
    { "claim", NULL },
    { "claim", "add", "1", "--quote", NULL },
    { "claim", "add", "1", NULL },
    { "claim", "add", "x1", "--quote", "text", NULL },
    { "claim", "add", "1", "--quote", "text", "--start", "0", "--end", "4", NULL },
    { "claim", "add", "1", "--start", "0", NULL },
    { "claim", "add", "1", "--start", "zero", "--end", "4", NULL },
    { "claim", "add", "1", "--start", "0", "--end", "4", "--occurrence", "2", NULL },
    { "claim", "add", "1", "--quote", "text", "--occurrence", "0", NULL },
    { "claim", "add", "1", "--quote", "text", "--occurrence", "two", NULL },
    { "claim", "list", "--doc", "one", NULL },
    { "claim", "edit", "1", NULL },
    { "claim", "delete", NULL },
    { "claim", "delete", "one", NULL },
    { "search", NULL },
    { "search", "word", "--limit", "0", NULL },
    { "search", "word", "--limit", "many", NULL },
    { "theme", "rename", "Old", NULL },
    { "theme", "merge", "A", "B", "C", NULL },
    { "theme", "color", NULL },
    { "source", "kind", "Someone", "alien", NULL },
    { "check", "now", NULL },
    { "import", NULL },
  };
  g_autoptr(Fixture) f = fixture_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(Result) r = NULL;

      g_ptr_array_add (args, (gpointer) "--db");
      g_ptr_array_add (args, f->db);
      for (guint j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i][j]);
      g_ptr_array_add (args, NULL);

      r = run_argv ((const char * const *) args->pdata, NULL);
      assert_error (r, 2);
    }

  /* No arguments at all. */
  {
    const char *args[] = { NULL };
    g_autoptr(Result) r = run_argv (args, NULL);
    assert_error (r, 2);
  }
}

static void
test_help_version (void)
{
  g_autoptr(Result) help = NULL;
  g_autoptr(Result) help_word = NULL;
  g_autoptr(Result) command_help = NULL;
  g_autoptr(Result) version = NULL;

  {
    const char *args[] = { "--help", NULL };
    help = run_argv (args, NULL);
  }
  g_assert_cmpint (help->status, ==, 0);
  g_assert_cmpstr (help->err, ==, "");
  g_assert_nonnull (strstr (help->out, "claim add"));
  g_assert_nonnull (strstr (help->out, "import"));
  g_assert_nonnull (strstr (help->out, "--db"));
  g_assert_nonnull (strstr (help->out, "brief export"));

  {
    const char *args[] = { "help", NULL };
    help_word = run_argv (args, NULL);
  }
  g_assert_cmpint (help_word->status, ==, 0);
  g_assert_cmpstr (help->out, ==, help_word->out);

  {
    const char *args[] = { "claim", "add", "--help", NULL };
    command_help = run_argv (args, NULL);
  }
  g_assert_cmpint (command_help->status, ==, 0);
  g_assert_nonnull (strstr (command_help->out, "--occurrence"));

  {
    const char *args[] = { "--version", NULL };
    version = run_argv (args, NULL);
  }
  g_assert_cmpint (version->status, ==, 0);
  g_assert_nonnull (strstr (version->out, PACKAGE_VERSION));
}

/* The real scraped seed corpus beside the checkout (never copied here). */

static gboolean
starts_with_date (const char *title)
{
  static const char *pattern =
    "^\\s*(\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{4}-\\d{2}-\\d{2}"
    "|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}(,|\\s|$))";

  return g_regex_match_simple (pattern, title, G_REGEX_CASELESS, 0);
}

static void
test_seed_corpus (void)
{
  /* Straight quote: what 003_* actually holds. */
  static const char *quote =
    "\"Under no circumstance will we accept interventions, interference, or any other act from abroad";
  const char *seeds = g_getenv ("DOSSIER_SEED_CORPUS");
  g_autoptr(Fixture) f = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) documents = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) claim = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) checked = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *body = NULL;
  JsonObject *listed_claim;
  const char *at;
  gint64 sheinbaum_doc;
  guint start;

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("DOSSIER_SEED_CORPUS does not name a folder");
      return;
    }

  f = fixture_new ();

  first = run_json (f, 0, "import", seeds, NULL);
  g_assert_cmpint (get_int (object (first), "imported"), ==, 5);
  g_assert_cmpint (get_int (object (first), "duplicates"), ==, 0);
  g_assert_cmpint (get_int (object (first), "failed"), ==, 0);

  second = run_json (f, 0, "import", seeds, NULL);
  g_assert_cmpint (get_int (object (second), "imported"), ==, 0);
  g_assert_cmpint (get_int (object (second), "duplicates"), ==, 5);
  g_assert_cmpint (get_int (object (second), "failed"), ==, 0);

  documents = run_json (f, 0, "documents", NULL);
  g_assert_cmpuint (json_array_get_length (array (documents)), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *o = json_array_get_object_element (array (documents), i);
      const char *title = get_str (o, "title");

      g_test_message ("seed title: %s", title);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "Skip to content");
      g_assert_cmpstr (title, !=, "Donate");
      g_assert_false (starts_with_date (title));
    }
  g_assert_cmpstr (get_str (find_by_origin (array (documents), "000_"), "published"), ==, "2025-12-19");
  g_assert_cmpstr (get_str (find_by_origin (array (documents), "003_"), "published"), ==, "2025-09-09");
  sheinbaum_doc = get_int (find_by_origin (array (documents), "003_"), "id");
  doc = id_arg (sheinbaum_doc);

  found = run_json (f, 0, "search", "marroquin", NULL);
  g_assert_true (hits_contain (get_array (object (found), "documents"), sheinbaum_doc));

  body = document_body (f, sheinbaum_doc);
  at = strstr (body, quote);
  g_assert_nonnull (at);
  start = (guint) g_utf8_pointer_to_offset (body, at);

  claim = run_json (f, 0, "claim", "add", doc, "--quote", quote,
                    "--theme", "Sovereignty", "--speaker", "Claudia Sheinbaum", NULL);
  g_assert_cmpint (get_int (object (claim), "start"), ==, start);
  g_assert_cmpint (get_int (object (claim), "end"), ==, start + g_utf8_strlen (quote, -1));
  g_assert_cmpstr (get_str (object (claim), "quote"), ==, quote);
  assert_claim_anchored (object (claim), body);

  listed = run_json (f, 0, "claim", "list", "--theme", "Sovereignty", NULL);
  g_assert_cmpuint (json_array_get_length (array (listed)), ==, 1);
  listed_claim = json_array_get_object_element (array (listed), 0);
  g_assert_cmpint (get_int (listed_claim, "id"), ==, get_int (object (claim), "id"));
  g_assert_cmpint (get_int (listed_claim, "document"), ==, sheinbaum_doc);
  g_assert_cmpint (get_int (listed_claim, "start"), ==, start);
  g_assert_cmpint (get_int (listed_claim, "end"), ==, get_int (object (claim), "end"));
  g_assert_cmpstr (get_str (listed_claim, "speaker"), ==, "Claudia Sheinbaum");

  checked = run_json (f, 0, "check", NULL);
  g_assert_true (json_object_get_boolean_member (object (checked), "ok"));
  g_assert_cmpuint (json_array_get_length (get_array (object (checked), "problems")), ==, 0);
}

/* Briefs */

static gint64
new_brief (Fixture    *f,
           const char *title)
{
  g_autoptr(JsonNode) brief = run_json (f, 0, "brief", "new", title, NULL);

  g_assert_cmpstr (get_str (object (brief), "title"), ==, title);
  g_assert_nonnull (get_str (object (brief), "uuid"));
  g_assert_cmpstr (get_str (object (brief), "summary"), ==, "");
  g_assert_cmpuint (json_array_get_length (get_array (object (brief), "items")), ==, 0);

  return get_int (object (brief), "id");
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_briefs (void)
{
  g_autoptr(Fixture) f = fixture_new ();
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) exported_json = NULL;
  g_autoptr(Result) human = NULL;
  g_autoptr(Result) first = NULL;
  g_autoptr(Result) second = NULL;
  g_autoptr(Result) written = NULL;
  g_autoptr(Result) deleted = NULL;
  g_autofree char *brief_id = NULL;
  g_autofree char *claim_a = NULL;
  g_autofree char *claim_b = NULL;
  g_autofree char *claim_c = NULL;
  g_autofree char *output = NULL;
  g_autofree char *file_text = NULL;
  g_autofree char *expected_attribution = NULL;
  const char *markdown;
  JsonArray *items;
  JsonObject *item;
  gint64 txt, md, html, brief;

  import_corpus (f, &txt, &md, &html);
  claim_a = id_arg (add_claim (f, md, "The tariff truce held for a third week",
                               "--speaker", "Maria Velasco", "--theme", "Trade", "--note", "Check the figure", NULL));
  claim_b = id_arg (add_claim (f, md, "Trade volumes rose by 4 percent.", NULL));
  claim_c = id_arg (add_claim (f, txt, "the talks were cautiously hopeful", "--speaker", "Diego Marroquín Bitar", NULL));

  brief = new_brief (f, "Trade memo");
  brief_id = id_arg (brief);

  human = run (f, "brief", "add-section", brief_id, "Tariffs", NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_clear_pointer (&added, json_node_unref);
  added = run_json (f, 0, "brief", "add-section", brief_id, "Border", NULL);
  g_clear_pointer (&added, json_node_unref);
  added = run_json (f, 0, "brief", "add", brief_id, claim_a, "--section", "tariffs",
                    "--comment", "The truce is holding.", NULL);
  g_clear_pointer (&added, json_node_unref);
  added = run_json (f, 0, "brief", "add", brief_id, claim_c, NULL);
  g_clear_pointer (&added, json_node_unref);
  added = run_json (f, 0, "brief", "add-text", brief_id, "Volumes *matter*.", "--section", "Tariffs", NULL);
  g_clear_pointer (&added, json_node_unref);
  added = run_json (f, 0, "brief", "add", brief_id, claim_b, "--section", "Tariffs", NULL);

  shown = run_json (f, 0, "brief", "show", brief_id, NULL);
  g_assert_cmpint (get_int (object (shown), "id"), ==, brief);
  g_assert_cmpstr (get_str (object (shown), "title"), ==, "Trade memo");
  g_assert_nonnull (get_str (object (shown), "uuid"));
  g_assert_cmpstr (get_str (object (shown), "summary"), ==, "");
  items = get_array (object (shown), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 6);

  /* Tariffs, claim a, text, claim b, Border, claim c. */
  item = json_array_get_object_element (items, 0);
  g_assert_cmpstr (get_str (item, "kind"), ==, "heading");
  g_assert_cmpstr (get_str (item, "text"), ==, "Tariffs");
  g_assert_true (is_null (item, "claim"));
  item = json_array_get_object_element (items, 1);
  g_assert_cmpstr (get_str (item, "kind"), ==, "claim");
  g_assert_cmpstr (get_str (item, "text"), ==, "The truce is holding.");
  g_assert_cmpint (get_int (item, "claim"), ==, g_ascii_strtoll (claim_a, NULL, 10));
  item = json_array_get_object_element (items, 2);
  g_assert_cmpstr (get_str (item, "kind"), ==, "text");
  g_assert_cmpstr (get_str (item, "text"), ==, "Volumes *matter*.");
  item = json_array_get_object_element (items, 3);
  g_assert_cmpint (get_int (item, "claim"), ==, g_ascii_strtoll (claim_b, NULL, 10));
  g_assert_cmpstr (get_str (item, "text"), ==, "");
  item = json_array_get_object_element (items, 4);
  g_assert_cmpstr (get_str (item, "text"), ==, "Border");
  item = json_array_get_object_element (items, 5);
  g_assert_cmpint (get_int (item, "claim"), ==, g_ascii_strtoll (claim_c, NULL, 10));

  listed = run_json (f, 0, "brief", "list", NULL);
  g_assert_cmpuint (json_array_get_length (array (listed)), ==, 1);
  g_assert_cmpstr (get_str (json_array_get_object_element (array (listed), 0), "title"), ==, "Trade memo");

  g_clear_pointer (&human, result_free);
  human = run (f, "brief", "show", brief_id, NULL);
  g_assert_cmpint (human->status, ==, 0);
  g_assert_nonnull (strstr (human->out, "Trade memo"));
  g_assert_nonnull (strstr (human->out, "## Tariffs"));

  /* Export: the same bytes twice, and to a file the same bytes as on
   * stdout. */
  first = run (f, "brief", "export", brief_id, "--notes", "--themes", NULL);
  second = run (f, "brief", "export", brief_id, "--notes", "--themes", NULL);
  g_assert_cmpint (first->status, ==, 0);
  g_assert_cmpstr (first->err, ==, "");
  g_assert_cmpstr (first->out, ==, second->out);
  markdown = first->out;
  g_assert_true (g_str_has_prefix (markdown, "# Trade memo\n\n## Tariffs\n\n> The tariff truce held for a third week\n>\n"));
  expected_attribution = g_strdup ("> — Maria Velasco, in *Tariff Truce Holds*, Harbor Ledger, 2025-10-02[^1]\n");
  g_assert_nonnull (strstr (markdown, expected_attribution));
  g_assert_nonnull (strstr (markdown, "> — *Tariff Truce Holds*, Harbor Ledger, 2025-10-02[^1]\n"));
  g_assert_nonnull (strstr (markdown, "Diego Marroquín Bitar"));
  g_assert_nonnull (strstr (markdown, "[^2]\n"));
  g_assert_nonnull (strstr (markdown, "\n[^1]: Harbor Ledger, \"Tariff Truce Holds\", 2025-10-02. <https://example.org/tariff-truce>\n"));
  g_assert_nonnull (strstr (markdown, "*Themes: Trade*"));
  g_assert_nonnull (strstr (markdown, "**Note:** Check the figure"));
  g_assert_null (strstr (markdown, "[^3]"));

  output = g_build_filename (f->dir, "memo.md", NULL);
  written = run (f, "brief", "export", brief_id, "--notes", "--themes", "--output", output, NULL);
  g_assert_cmpint (written->status, ==, 0);
  file_text = read_text (output);
  g_assert_cmpstr (file_text, ==, markdown);

  /* Written again over the old file, atomically. */
  g_clear_pointer (&written, result_free);
  written = run (f, "brief", "export", brief_id, "--output", output, NULL);
  g_assert_cmpint (written->status, ==, 0);
  g_clear_pointer (&file_text, g_free);
  file_text = read_text (output);
  g_assert_null (strstr (file_text, "*Themes:"));

  g_clear_pointer (&first, result_free);
  first = run (f, "brief", "export", brief_id, "--front-matter", NULL);
  g_assert_true (g_str_has_prefix (first->out, "---\ntitle: \"Trade memo\"\ndate: \""));

  g_clear_pointer (&first, result_free);
  first = run (f, "brief", "export", brief_id, "--format", "json", NULL);
  g_assert_cmpint (first->status, ==, 0);
  exported_json = parse_json (first->out);
  g_assert_cmpstr (get_str (object (exported_json), "title"), ==, "Trade memo");
  g_assert_cmpuint (json_array_get_length (get_array (object (exported_json), "items")), ==, 6);

  /* A claim cited in a brief cannot be deleted. */
  deleted = run (f, "claim", "delete", claim_a, NULL);
  assert_error (deleted, 1);
  g_assert_nonnull (strstr (deleted->err, "“Trade memo”"));

  /* Bad ids and names fail; bad usage is a usage error. */
  run_error (f, 1, "brief", "show", "9999", NULL);
  run_error (f, 1, "brief", "add", brief_id, "9999", NULL);
  run_error (f, 1, "brief", "add", "9999", claim_a, NULL);
  run_error (f, 1, "brief", "add", brief_id, claim_a, "--section", "No such section", NULL);
  run_error (f, 1, "brief", "add-section", brief_id, "   ", NULL);
  run_error (f, 1, "brief", "add-text", "9999", "text", NULL);
  run_error (f, 1, "brief", "export", "9999", NULL);
  run_error (f, 1, "brief", "new", "", NULL);
  run_error (f, 2, "brief", "show", "abc", NULL);
  run_error (f, 2, "brief", "show", NULL);
  run_error (f, 2, "brief", "new", NULL);
  run_error (f, 2, "brief", "add", brief_id, NULL);
  run_error (f, 2, "brief", "add", brief_id, "x", NULL);
  run_error (f, 2, "brief", "add-section", brief_id, NULL);
  run_error (f, 2, "brief", "export", brief_id, "--format", "pdf", NULL);
  run_error (f, 2, "brief", "export", brief_id, "--format", "json", "--notes", NULL);
  run_error (f, 2, "brief", "export", brief_id, "--bogus", NULL);
  run_error (f, 2, "brief", "frobnicate", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/import", test_import);
  g_test_add_func ("/cli/import-failed", test_import_failed);
  g_test_add_func ("/cli/documents", test_documents);
  g_test_add_func ("/cli/document-set", test_document_set);
  g_test_add_func ("/cli/claim-add", test_claim_add);
  g_test_add_func ("/cli/claim-list", test_claim_list);
  g_test_add_func ("/cli/claim-edit-delete", test_claim_edit_delete);
  g_test_add_func ("/cli/themes", test_themes);
  g_test_add_func ("/cli/sources", test_sources);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/global-options", test_global_options);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/help-version", test_help_version);
  g_test_add_func ("/cli/briefs", test_briefs);
  g_test_add_func ("/cli/seed-corpus", test_seed_corpus);

  return g_test_run ();
}
