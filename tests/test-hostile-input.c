/* test-hostile-input.c — the hostile-input matrix for import
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One folder of hostile files, written to disk by this test, imported in
 * one go through the real importer (then again through dossier-cli, as
 * JSON and as text). Every case must end as a per-file failure with a
 * reason or as a safe document, and none may stop the others. The outcome
 * of each case is printed as a table of TAP diagnostics at the end; the
 * README's "Hostile input" section lists the same table.
 *
 * The reader's side of a 1 MB single line (opening it does not freeze the
 * window) is timed by /reader/long-line and /reader/long-line-without-spaces
 * in tests/test-reader.c. */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <json-glib/json-glib.h>

#include "fault-test-utils.h"
#include "test-utils.h"

#define HUGE_SIZE (100 * 1024 * 1024)
#define MEGABYTE (1024 * 1024)

/* The outcome table */

static GPtrArray *rows;  /* "case\toutcome" */

static void
add_row (const char *name,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
add_row (const char *name,
         const char *format,
         ...)
{
  g_autofree char *outcome = NULL;
  va_list ap;

  va_start (ap, format);
  outcome = g_strdup_vprintf (format, ap);
  va_end (ap);

  /* One line per row. */
  g_strdelimit (outcome, "\n", '/');
  g_ptr_array_add (rows, g_strdup_printf ("%s\t%s", name, outcome));
}

static void
print_rows (void)
{
  g_test_message ("%-34s | %s", "case", "outcome");
  g_test_message ("%-34s-|-%s", "----------------------------------", "-------");
  for (guint i = 0; i < rows->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (rows, i), "\t", 2);

      g_test_message ("%-34s | %s", parts[0], parts[1]);
    }
}

/* A listener on 127.0.0.1 that counts connections: the hostile page
 * points every address at it, and nothing may ever connect. Each
 * connection is closed at once, so a fetch would fail fast, not hang. */

typedef struct
{
  GSocket *socket;
  GThread *thread;
  guint16  port;
  gint     connections;
  gint     stop;
} Listener;

static gpointer
listener_run (gpointer data)
{
  Listener *listener = data;

  while (!g_atomic_int_get (&listener->stop))
    {
      GSocket *client;

      if (!g_socket_condition_timed_wait (listener->socket, G_IO_IN, 50 * 1000, NULL, NULL))
        continue;

      client = g_socket_accept (listener->socket, NULL, NULL);
      if (client != NULL)
        {
          g_atomic_int_inc (&listener->connections);
          g_socket_close (client, NULL);
          g_object_unref (client);
        }
    }

  return NULL;
}

static void
listener_start (Listener *listener)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GSocketAddress) bound = NULL;

  listener->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (listener->socket, any, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (listener->socket, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (listener->socket, FALSE);

  bound = g_socket_get_local_address (listener->socket, &error);
  g_assert_no_error (error);
  listener->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  listener->thread = g_thread_new ("listener", listener_run, listener);
}

static guint
listener_stop (Listener *listener)
{
  g_atomic_int_set (&listener->stop, 1);
  g_thread_join (listener->thread);
  g_socket_close (listener->socket, NULL);
  g_clear_object (&listener->socket);

  return g_atomic_int_get (&listener->connections);
}

/* Hostile files, written for this test */

static void
write_sparse (const char *path,
              goffset     size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
}

static void
write_utf16 (const char *dir,
             const char *name,
             const char *charset)
{
  g_autoptr(GError) error = NULL;
  const char *text = "Water talks resume\n\nNegotiators met on Tuesday to discuss the delivery schedule.\n";
  gsize length = 0;
  g_autofree char *encoded = g_convert (text, -1, charset, "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  /* No byte-order mark: g_convert to UTF-16LE/BE writes none. */
  g_assert_cmpuint ((guchar) encoded[0], ==, (g_str_has_suffix (charset, "LE") ? 'W' : 0));
  g_free (test_write_file (dir, name, encoded, length));
}

static char *
repeat (const char *piece,
        guint       times)
{
  GString *out = g_string_sized_new (strlen (piece) * times);

  for (guint i = 0; i < times; i++)
    g_string_append (out, piece);

  return g_string_free (out, FALSE);
}

static char *
active_page (guint16     port,
             const char *secret_path)
{
  return g_strdup_printf (
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://127.0.0.1:%1$u/strict.dtd\" [\n"
    "  <!ENTITY secret SYSTEM \"file://%2$s\">\n"
    "  <!ENTITY remote SYSTEM \"http://127.0.0.1:%1$u/entity\">\n"
    "]>\n"
    "<html><head><title>Active content page</title>\n"
    "<base href=\"http://127.0.0.1:%1$u/\">\n"
    "<meta http-equiv=\"refresh\" content=\"0; url=http://127.0.0.1:%1$u/refresh\">\n"
    "<link rel=\"stylesheet\" href=\"http://127.0.0.1:%1$u/style.css\">\n"
    "<link rel=\"preload\" href=\"http://127.0.0.1:%1$u/font.woff\">\n"
    "<script src=\"http://127.0.0.1:%1$u/script.js\"></script>\n"
    "<script>document.write('SCRIPT-MARKER');</script>\n"
    "<style>@import url(\"http://127.0.0.1:%1$u/imported.css\"); body::after { content: 'STYLE-MARKER' }</style>\n"
    "<?xml-stylesheet href=\"http://127.0.0.1:%1$u/pi.xsl\"?>\n"
    "</head><body>\n"
    "<p>The visible paragraph about water deliveries.</p>\n"
    "<p>Entities: &secret; &remote;</p>\n"
    "<iframe src=\"http://127.0.0.1:%1$u/frame\">IFRAME-MARKER</iframe>\n"
    "<iframe srcdoc=\"&lt;p&gt;SRCDOC-MARKER&lt;/p&gt;\"></iframe>\n"
    "<a href=\"javascript:alert('LINK-MARKER')\">LINK-MARKER</a>\n"
    "<a href=\" JavaScript:void(0)\">JSLINK-MARKER</a>\n"
    "<img src=\"http://127.0.0.1:%1$u/pixel.png\" srcset=\"http://127.0.0.1:%1$u/pixel2.png 2x\" alt=\"\">\n"
    "<object data=\"http://127.0.0.1:%1$u/object\"></object><embed src=\"http://127.0.0.1:%1$u/embed\">\n"
    "<video src=\"http://127.0.0.1:%1$u/video\" poster=\"http://127.0.0.1:%1$u/poster.png\"></video>\n"
    "<svg><use href=\"http://127.0.0.1:%1$u/sprite.svg#x\"/><script>SVG-SCRIPT-MARKER</script></svg>\n"
    "<noscript>NOSCRIPT-MARKER</noscript>\n"
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"http://127.0.0.1:%1$u/xinclude\"/>\n"
    "<form action=\"http://127.0.0.1:%1$u/form\"><input value=\"INPUT-MARKER\"></form>\n"
    "<p onclick=\"alert('HANDLER-MARKER')\">Click text stays.</p>\n"
    "</body></html>\n",
    (guint) port, secret_path);
}

/* The manifest with the wrong types: numbers for strings, arrays and
 * objects for strings, nulls, an array where an entry should be an
 * object, huge values. */
static char *
wrong_types_manifest (void)
{
  g_autofree char *huge_title = repeat ("T", MEGABYTE);
  g_autofree char *huge_url = repeat ("u", MEGABYTE);
  g_autoptr(GString) authors = g_string_new ("[");

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (authors, "%s\"Author %u\"", i > 0 ? ", " : "", i);
  g_string_append (authors, "]");

  return g_strdup_printf (
    "{\"files\": {\n"
    "  \"numbers.txt\": {\"title\": 42, \"outlet\": 1e400, \"author\": -0, \"date\": 20250909, \"url\": 3.5},\n"
    "  \"containers.txt\": {\"title\": [\"a\", \"b\"], \"outlet\": {\"name\": \"X\"}, \"author\": {\"a\": 1},"
    " \"date\": [2025, 9, 9], \"url\": {}},\n"
    "  \"nulls.txt\": {\"title\": null, \"outlet\": null, \"author\": null, \"date\": null, \"url\": null},\n"
    "  \"entry-array.txt\": [1, 2, 3],\n"
    "  \"entry-null.txt\": null,\n"
    "  \"huge.txt\": {\"title\": \"%s\", \"outlet\": \"%s\", \"author\": %s, \"date\": \"99999-99-99\", \"url\": \"%s\"},\n"
    "  \"true.txt\": true\n"
    "}}\n",
    huge_title, huge_title, authors->str, huge_url);
}

static void
write_corpus (const char *dir,
              guint16     port,
              const char *secret_path)
{
  static const char nul_text[] = "Headline\n\nText with a NUL\0 inside it.";
  g_autofree char *path = NULL;
  g_autofree char *long_line = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *deep_json = NULL;
  g_autofree char *active = active_page (port, secret_path);
  g_autofree char *manifest = wrong_types_manifest ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) crowded = g_string_new ("<html><body><p");
  g_autofree char *opens = NULL;
  g_autofree char *closes = NULL;

  g_free (test_write_file (dir, "control.txt", "Control headline\n\nAn ordinary file among the hostile ones.", -1));
  g_free (test_write_file (dir, "empty.txt", "", 0));
  g_free (test_write_file (dir, "nul-bytes.txt", nul_text, sizeof nul_text - 1));
  g_free (test_write_file (dir, "invalid-utf8.txt",
                           "Informe del caudal\n\nEl caudal del r\xed" "o baj\xf3 un tercio \xff\xfe" " en marzo \xc3\x28 y abril.", -1));
  write_utf16 (dir, "utf16le-no-bom.txt", "UTF-16LE");
  write_utf16 (dir, "utf16be-no-bom.txt", "UTF-16BE");

  path = g_build_filename (dir, "huge.txt", NULL);
  write_sparse (path, HUGE_SIZE);
  g_clear_pointer (&path, g_free);

  for (guint i = 0; text->len < MEGABYTE; i++)
    g_string_append_printf (text, "Clause %u of a report that never breaks its lines. ", i);
  g_free (test_write_file (dir, "long-line.txt", text->str, text->len));

  opens = repeat ("<div>", 100000);
  closes = repeat ("</div>", 100000);
  deep = g_strconcat ("<html><head><title>Deep page</title></head><body>", opens,
                      "Deep text survives.", closes, "</body></html>", NULL);
  g_free (test_write_file (dir, "deep.html", deep, -1));

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (crowded, " a%u=\"%u\"", i, i);
  g_string_append (crowded, ">Crowded text survives.</p></body></html>");
  g_free (test_write_file (dir, "crowded.html", crowded->str, crowded->len));

  g_string_truncate (text, 0);
  g_string_append (text, "<html><head><title>");
  for (guint i = 0; text->len < MEGABYTE; i++)
    g_string_append (text, "Endless title ");
  g_string_append (text, "</title></head><body><p>Body under an endless title.</p></body></html>");
  g_free (test_write_file (dir, "huge-title.html", text->str, text->len));

  g_free (test_write_file (dir, "active.html", active, -1));

  g_clear_pointer (&opens, g_free);
  g_clear_pointer (&closes, g_free);
  opens = repeat ("[", 100000);
  closes = repeat ("]", 100000);
  g_string_printf (text, "---\ntitle: %sx%s\n---\n\nBody under deep front matter.\n", opens, closes);
  g_free (test_write_file (dir, "deep-front-matter.md", text->str, text->len));

  path = g_build_filename (dir, "loop-a.txt", NULL);
  g_assert_cmpint (symlink ("loop-b.txt", path), ==, 0);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "loop-b.txt", NULL);
  g_assert_cmpint (symlink ("loop-a.txt", path), ==, 0);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "folder-loop", NULL);
  g_assert_cmpint (symlink (".", path), ==, 0);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "dangling.txt", NULL);
  g_assert_cmpint (symlink ("nowhere.txt", path), ==, 0);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "fifo.txt", NULL);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "zero.txt", NULL);
  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  g_clear_pointer (&path, g_free);

  g_free (test_write_file (dir, "line\nbreak.txt", "Newline name\n\nThe file name holds a newline.", -1));
  g_free (test_write_file (dir, "bad-\xff\xfe-name.txt", "Bytes name\n\nThe file name is not UTF-8.", -1));
  g_free (test_write_file (dir, "esc-\x1b[31m-red.txt", "Escape name\n\nThe file name holds a terminal escape.", -1));

  g_free (test_write_file (dir, "manifest-types/corpus.json", manifest, -1));
  g_free (test_write_file (dir, "manifest-types/numbers.txt", "Numbers headline\n\nThe manifest gives numbers.", -1));
  g_free (test_write_file (dir, "manifest-types/containers.txt", "Containers headline\n\nThe manifest gives arrays.", -1));
  g_free (test_write_file (dir, "manifest-types/nulls.txt", "Nulls headline\n\nThe manifest gives nulls.", -1));
  g_free (test_write_file (dir, "manifest-types/entry-array.txt", "Entry array headline\n\nThe entry is an array.", -1));
  g_free (test_write_file (dir, "manifest-types/entry-null.txt", "Entry null headline\n\nThe entry is null.", -1));
  g_free (test_write_file (dir, "manifest-types/huge.txt", "Huge values headline\n\nThe manifest gives huge values.", -1));
  g_free (test_write_file (dir, "manifest-types/true.txt", "True headline\n\nThe entry is true.", -1));

  g_free (test_write_file (dir, "manifest-invalid/corpus.json", "{\"files\": {\"a.txt\": {\"title\": \"Unclosed", -1));
  g_free (test_write_file (dir, "manifest-invalid/beside-invalid.txt", "Beside invalid JSON\n\nStill imported.", -1));

  deep_json = g_strconcat (opens, closes, NULL);
  g_free (test_write_file (dir, "manifest-deep/corpus.json", deep_json, -1));
  g_free (test_write_file (dir, "manifest-deep/beside-deep.txt", "Beside deep JSON\n\nStill imported.", -1));

  g_free (test_write_file (dir, "manifest-not-utf8/corpus.json", "{\"beside-bytes.txt\": {\"title\": \"caf\xe9\"}}", -1));
  g_free (test_write_file (dir, "manifest-not-utf8/beside-bytes.txt", "Beside bytes JSON\n\nStill imported.", -1));

  g_free (test_write_file (dir, "manifest-huge/beside-huge.txt", "Beside huge JSON\n\nStill imported.", -1));
  path = g_build_filename (dir, "manifest-huge", "corpus.json", NULL);
  write_sparse (path, HUGE_SIZE);
}

/* Checks */

static DossierImportResult *
find_result (DossierImportReport *report,
             const char          *suffix)
{
  for (guint i = 0; i < report->results->len; i++)
    {
      DossierImportResult *result = g_ptr_array_index (report->results, i);

      if (g_str_has_suffix (result->path, suffix))
        return result;
    }

  g_error ("no result for %s", suffix);
  return NULL;
}

/* A failure with a reason holding @expected; the reason becomes the row. */
static void
expect_failed (DossierImportReport *report,
               const char          *name,
               const char          *suffix,
               const char          *expected)
{
  DossierImportResult *result = find_result (report, suffix);

  g_assert_cmpint (result->status, ==, DOSSIER_IMPORT_FAILED);
  g_assert_cmpint (result->document, ==, 0);
  g_assert_nonnull (result->error);
  g_assert_true (g_utf8_validate (result->error, -1, NULL));
  g_assert_true (g_utf8_validate (result->display_path, -1, NULL));
  if (strstr (result->error, expected) == NULL)
    g_error ("%s: “%s” not in “%s”", name, expected, result->error);

  add_row (name, "failed: %s", result->error);
}

/* Imported: the document, whose body is valid UTF-8 without NULs. */
static DossierDocument *
expect_imported (DossierDatabase     *db,
                 DossierImportReport *report,
                 const char          *suffix,
                 char               **body)
{
  g_autoptr(GError) error = NULL;
  DossierImportResult *result = find_result (report, suffix);
  DossierDocument *document;

  if (result->status != DOSSIER_IMPORT_IMPORTED)
    g_error ("%s: %s", suffix, result->error);
  g_assert_true (g_utf8_validate (result->display_path, -1, NULL));

  document = dossier_documents_get (db, result->document, &error);
  g_assert_no_error (error);
  *body = dossier_documents_get_body (db, result->document, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (*body, -1, NULL));
  g_assert_true (g_utf8_validate (dossier_document_get_title (document), -1, NULL));

  return document;
}

static glong
peak_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);

  return usage.ru_maxrss;
}

static const char * const active_markers[] = {
  "SCRIPT-MARKER", "STYLE-MARKER", "IFRAME-MARKER", "SRCDOC-MARKER", "LINK-MARKER", "JSLINK-MARKER",
  "SVG-SCRIPT-MARKER", "NOSCRIPT-MARKER", "HANDLER-MARKER", "INPUT-MARKER", "SECRET-MARKER",
  "javascript:", "http://", "127.0.0.1",
};

static void
check_core (DossierDatabase     *db,
            DossierImportReport *report)
{
  g_autoptr(DossierDocument) document = NULL;
  g_autofree char *body = NULL;
  const char *manifest_cases[] = { "numbers.txt", "containers.txt", "nulls.txt", "entry-array.txt",
                                   "entry-null.txt", "true.txt" };

#define NEXT() G_STMT_START { g_clear_object (&document); g_clear_pointer (&body, g_free); } G_STMT_END

  document = expect_imported (db, report, "/control.txt", &body);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Control headline");
  add_row ("ordinary file (control)", "imported");
  NEXT ();

  expect_failed (report, "empty file", "/empty.txt", "empty");
  expect_failed (report, "NUL bytes", "/nul-bytes.txt", "NUL bytes");

  document = expect_imported (db, report, "/invalid-utf8.txt", &body);
  g_assert_nonnull (strstr (body, "caudal del r"));
  add_row ("invalid UTF-8", "imported, decoded as an 8-bit encoding: “%s”", body + strlen ("Informe del caudal\n\n"));
  NEXT ();

  expect_failed (report, "UTF-16 LE without BOM", "/utf16le-no-bom.txt", "UTF-16 without a byte-order mark");
  expect_failed (report, "UTF-16 BE without BOM", "/utf16be-no-bom.txt", "UTF-16 without a byte-order mark");
  expect_failed (report, "100 MB file (sparse)", "/huge.txt", "too large (100 MB; Dossier imports files up to 64 MB)");

  document = expect_imported (db, report, "/long-line.txt", &body);
  g_assert_cmpuint (strlen (body), >=, MEGABYTE - 100);
  g_assert_null (strchr (body, '\n'));
  add_row ("1 MB single line", "imported whole (%" G_GSIZE_FORMAT " bytes, one line); reader: /reader/long-line", strlen (body));
  NEXT ();

  document = expect_imported (db, report, "/deep.html", &body);
  g_assert_nonnull (strstr (body, "Deep text survives."));
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Deep page");
  add_row ("100,000 nested <div>s", "imported: past libxml2's depth limit the page is read flattened; text kept");
  NEXT ();

  document = expect_imported (db, report, "/crowded.html", &body);
  g_assert_nonnull (strstr (body, "Crowded text survives."));
  add_row ("one tag with 100,000 attributes", "imported: read flattened (libxml2 compares attributes pairwise)");
  NEXT ();

  document = expect_imported (db, report, "/huge-title.html", &body);
  g_assert_cmpuint (g_utf8_strlen (dossier_document_get_title (document), -1), ==, 500);
  g_assert_true (g_str_has_suffix (dossier_document_get_title (document), "…"));
  add_row ("1 MB <title>", "imported; title cut to 500 characters");
  NEXT ();

  document = expect_imported (db, report, "/active.html", &body);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Active content page");
  g_assert_nonnull (strstr (body, "The visible paragraph about water deliveries."));
  g_assert_nonnull (strstr (body, "Click text stays."));
  for (guint i = 0; i < G_N_ELEMENTS (active_markers); i++)
    if (strstr (body, active_markers[i]) != NULL)
      g_error ("active.html: “%s” reached the body: %s", active_markers[i], body);
  g_assert_null (dossier_document_get_url (document));
  add_row ("active content",
           "imported: text only (“%s”); no script, style, iframe, link or entity text; nothing fetched (see “network”)", body);
  NEXT ();

  document = expect_imported (db, report, "/deep-front-matter.md", &body);
  g_assert_nonnull (strstr (body, "Body under deep front matter."));
  add_row ("front matter nested 100,000 deep", "imported as plain text (front matter not parsed past 64 levels)");
  NEXT ();

  expect_failed (report, "symbolic link loop", "/loop-a.txt", "symbolic link loop");
  expect_failed (report, "symbolic link loop (other end)", "/loop-b.txt", "symbolic link loop");
  expect_failed (report, "folder loop (link to .)", "/folder-loop", "folder loop");
  expect_failed (report, "dangling symbolic link", "/dangling.txt", "broken symbolic link");
  expect_failed (report, "FIFO named .txt", "/fifo.txt", "not a regular file");
  expect_failed (report, "link to /dev/zero", "/zero.txt", "not a regular file");

  document = expect_imported (db, report, "/line\nbreak.txt", &body);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Newline name");
  add_row ("file name with a newline", "imported; CLI text report shows line\\nbreak.txt, JSON has it escaped by JSON");
  NEXT ();

  document = expect_imported (db, report, "/bad-\xff\xfe-name.txt", &body);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Bytes name");
  g_assert_nonnull (strstr (find_result (report, "/bad-\xff\xfe-name.txt")->display_path, "bad-\xef\xbf\xbd"));
  add_row ("file name with invalid UTF-8", "imported; shown as bad-\\xff\\xfe-name.txt (text), U+FFFD in JSON");
  NEXT ();

  document = expect_imported (db, report, "/esc-\x1b[31m-red.txt", &body);
  add_row ("file name with a terminal escape", "imported; shown as esc-\\x1b[31m-red.txt");
  NEXT ();

  for (guint i = 0; i < G_N_ELEMENTS (manifest_cases); i++)
    {
      g_autofree char *suffix = g_strconcat ("/manifest-types/", manifest_cases[i], NULL);

      document = expect_imported (db, report, suffix, &body);
      /* Wrong types are ignored: the title is the guessed one. */
      g_assert_true (g_str_has_suffix (dossier_document_get_title (document), "headline"));
      g_assert_null (dossier_document_get_url (document));
      g_assert_null (dossier_document_get_outlet (document));
      g_assert_null (dossier_document_get_published (document));
      NEXT ();
    }
  add_row ("corpus.json: numbers, arrays, objects, nulls, true where strings or entries belong",
           "wrong fields ignored; files imported with guessed metadata");

  document = expect_imported (db, report, "/manifest-types/huge.txt", &body);
  g_assert_cmpuint (g_utf8_strlen (dossier_document_get_title (document), -1), ==, 500);
  g_assert_cmpuint (g_utf8_strlen (dossier_document_get_author (document), -1), ==, 500);
  g_assert_null (dossier_document_get_url (document));
  g_assert_null (dossier_document_get_outlet (document));
  g_assert_null (dossier_document_get_published (document));
  add_row ("corpus.json: 1 MB title/outlet/url, 100,000 authors, date 99999-99-99",
           "imported; title and author cut to 500 characters, outlet, url and date dropped");
  NEXT ();

  expect_failed (report, "corpus.json: invalid JSON", "/manifest-invalid/corpus.json", "not valid JSON");
  document = expect_imported (db, report, "/manifest-invalid/beside-invalid.txt", &body);
  NEXT ();
  expect_failed (report, "corpus.json: nested 100,000 deep", "/manifest-deep/corpus.json", "nested too deeply");
  document = expect_imported (db, report, "/manifest-deep/beside-deep.txt", &body);
  NEXT ();
  expect_failed (report, "corpus.json: not UTF-8", "/manifest-not-utf8/corpus.json", "not valid JSON");
  document = expect_imported (db, report, "/manifest-not-utf8/beside-bytes.txt", &body);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Beside bytes JSON");
  NEXT ();
  expect_failed (report, "corpus.json: 100 MB (sparse)", "/manifest-huge/corpus.json", "too large");
  document = expect_imported (db, report, "/manifest-huge/beside-huge.txt", &body);
  NEXT ();

#undef NEXT
}

/* dossier-cli --json: valid UTF-8 JSON, the same outcome per file. */
static void
check_cli_json (const char          *dir,
                DossierImportReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_dir = test_make_dir ();
  g_autofree char *db_path = g_build_filename (db_dir, "cli.db", NULL);
  g_autoptr(CliResult) result = run_cli ("--db", db_path, "--json", "import", dir, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *files;

  g_assert_cmpint (result->status, ==, 1);  /* some files failed */
  g_assert_true (g_utf8_validate (result->out, -1, NULL));
  json_parser_load_from_data (parser, result->out, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, report->results->len);
  g_assert_cmpint (json_object_get_int_member (root, "imported"), ==, report->imported);
  g_assert_cmpint (json_object_get_int_member (root, "failed"), ==, report->failed);

  for (guint i = 0; i < report->results->len; i++)
    {
      DossierImportResult *expected = g_ptr_array_index (report->results, i);
      JsonObject *file = json_array_get_object_element (files, i);

      g_assert_cmpstr (json_object_get_string_member (file, "path"), ==, expected->display_path);
      g_assert_cmpstr (json_object_get_string_member (file, "status"), ==,
                       dossier_import_status_to_string (expected->status));
    }

  add_row ("dossier-cli --json import of the whole folder",
           "exit 1 (some files failed); valid UTF-8 JSON, %u files, same outcome for each", files != NULL ? json_array_get_length (files) : 0);
  fault_remove_recursively (db_dir);
}

/* dossier-cli, text: one line per file whatever its name holds. */
static void
check_cli_text (const char          *dir,
                DossierImportReport *report)
{
  g_autofree char *db_dir = test_make_dir ();
  g_autofree char *db_path = g_build_filename (db_dir, "cli.db", NULL);
  g_autoptr(CliResult) result = run_cli ("--db", db_path, "import", dir, NULL);
  g_auto(GStrv) lines = g_strsplit (result->out, "\n", -1);

  g_assert_cmpint (result->status, ==, 1);
  g_assert_true (g_utf8_validate (result->out, -1, NULL));
  /* Every file, the summary, and the empty string after the last "\n". */
  g_assert_cmpuint (g_strv_length (lines), ==, report->results->len + 2);
  for (guint i = 0; i < report->results->len; i++)
    g_assert_true (g_str_has_prefix (lines[i], "imported  ") || g_str_has_prefix (lines[i], "failed    "));
  g_assert_null (strchr (result->out, '\x1b'));
  g_assert_nonnull (strstr (result->out, "/line\\nbreak.txt → #"));
  g_assert_nonnull (strstr (result->out, "/bad-\\xff\\xfe-name.txt → #"));
  g_assert_nonnull (strstr (result->out, "/esc-\\x1b[31m-red.txt → #"));

  add_row ("dossier-cli import (text) of the whole folder",
           "one line per file (%u), names escaped, no raw control characters", report->results->len);
  fault_remove_recursively (db_dir);
}

/* chmod 000. Root reads it anyway, so as root the case runs in a child
 * that has become "nobody". */
static char *
unreadable_scenario (gpointer   data,
                     char     **report_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *locked = test_write_file (dir, "unreadable.txt", "Locked headline\n\nNobody may read this.", -1);
  g_autofree char *db_dir = NULL;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(DossierImportReport) report = NULL;
  DossierImportResult *result;
  const char *paths[] = { dir, NULL };

  g_free (test_write_file (dir, "readable.txt", "Open headline\n\nAnyone may read this.", -1));
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);

  if (g_access (locked, R_OK) == 0)
    return g_strdup ("chmod 000 does not stop this user from reading");

  db = test_open_database (&db_dir);
  report = dossier_import (db, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 1);
  g_assert_cmpuint (report->failed, ==, 1);
  result = find_result (report, "/unreadable.txt");
  g_assert_cmpint (result->status, ==, DOSSIER_IMPORT_FAILED);
  g_assert_nonnull (strstr (result->error, "ermission denied"));

  *report_out = g_strdup_printf ("failed: %s%s", result->error,
                                 getuid () == NOBODY_ID ? " (run as nobody: root reads anything)" : "");

  g_clear_object (&db);
  fault_remove_recursively (db_dir);
  fault_remove_recursively (dir);

  return NULL;
}

static void
test_matrix (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *secret_dir = test_make_dir ();
  g_autofree char *secret = test_write_file (secret_dir, "secret.txt", "SECRET-MARKER", -1);
  g_autofree char *db_dir = NULL;
  g_autofree char *unreadable = NULL;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(DossierDatabase) scratch = NULL;
  g_autoptr(DossierImportReport) huge_report = NULL;
  g_autofree char *scratch_dir = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *huge_manifest_dir = NULL;
  const char *huge_paths[] = { NULL, NULL, NULL };
  const char *paths[] = { dir, NULL };
  Listener listener = { 0 };
  glong rss_before, rss_after;
  gint64 begin;
  double elapsed;
  guint connections;

  rows = g_ptr_array_new_with_free_func (g_free);
  listener_start (&listener);
  write_corpus (dir, listener.port, secret);
  db = test_open_database (&db_dir);

  /* First the two 100 MB files alone, into a scratch database: refused
   * by their size, they are never read, and the peak RSS of this fresh
   * process barely moves (reading either would add 100 MB). */
  huge_paths[0] = huge = g_build_filename (dir, "huge.txt", NULL);
  huge_paths[1] = huge_manifest_dir = g_build_filename (dir, "manifest-huge", NULL);
  scratch = test_open_database (&scratch_dir);
  rss_before = peak_rss_kb ();
  huge_report = dossier_import (scratch, huge_paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  rss_after = peak_rss_kb ();
  g_assert_cmpuint (huge_report->failed, ==, 2);
  g_assert_cmpint (rss_after - rss_before, <, 16 * 1024);
  add_row ("memory", "peak RSS %ld MB before importing the two 100 MB files, %ld MB after",
           rss_before / 1024, rss_after / 1024);
  g_clear_object (&scratch);
  fault_remove_recursively (scratch_dir);

  begin = g_get_monotonic_time ();
  report = dossier_import (db, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  elapsed = (g_get_monotonic_time () - begin) / 1e6;
  g_test_message ("import of the hostile folder: %u files in %.1f s, peak RSS %ld MB",
                  report->results->len, elapsed, peak_rss_kb () / 1024);
  /* About a second here. Not a benchmark, a guard against the quadratic
   * traps this folder sets (100,000 attributes on a tag, front matter
   * nested 100,000 deep): each of them alone used to take 40 s or more.
   * Under AddressSanitizer on a loaded machine the same import has taken
   * 56 s, so there the guard is only against a true hang. */
#ifdef __SANITIZE_ADDRESS__
  g_assert_cmpfloat (elapsed, <, 100.0);
#else
  g_assert_cmpfloat (elapsed, <, 30.0);
#endif
  add_row ("time", "the whole folder imported in %.1f s", elapsed);

  check_core (db, report);

  g_assert_true (dossier_database_check (db, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  check_cli_json (dir, report);
  check_cli_text (dir, report);

  connections = listener_stop (&listener);
  g_assert_cmpuint (connections, ==, 0);
  add_row ("network", "0 connections to the page's addresses over the three imports (libxml2: HTML_PARSE_NONET)");

  if (run_in_child (unreadable_scenario, NULL, TRUE, &unreadable))
    add_row ("unreadable file (chmod 000)", "%s", unreadable);
  else
    {
      g_test_message ("SKIP unreadable file: %s", unreadable);
      add_row ("unreadable file (chmod 000)", "not tested here: %s", unreadable);
    }

  print_rows ();

  g_clear_object (&db);
  g_clear_pointer (&rows, g_ptr_array_unref);
  fault_remove_recursively (db_dir);
  fault_remove_recursively (secret_dir);
  fault_remove_recursively (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The table holds file names and quotes: print it as UTF-8. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hostile-input/matrix", test_matrix);

  return g_test_run ();
}
