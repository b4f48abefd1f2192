/* test-metadata.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "dossier-extract.h"
#include "dossier-manifest.h"
#include "dossier-metadata.h"
#include "dossier-text.h"

/* Dates */

static void
test_parse_date (void)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "2025-09-09", "2025-09-09" },
    { "  2025-09-09  ", "2025-09-09" },
    { "2025-9-9", "2025-09-09" },
    { "2025/09/09", "2025-09-09" },
    { "2025-09-09T10:11:00Z", "2025-09-09" },
    { "2025-09-09T23:30:00-05:00", "2025-09-09" },
    { "2025-09-09 10:11:00 +0000", "2025-09-09" },
    { "09/09/2025", "2025-09-09" },
    { "12/19/2025", "2025-12-19" },
    { "19/12/2025", "2025-12-19" },   /* first number > 12: day first */
    { "03/04/2025", "2025-03-04" },   /* US order otherwise */
    { "09/09/2025 10:11", "2025-09-09" },
    { "September 9, 2025", "2025-09-09" },
    { "september 9 2025", "2025-09-09" },
    { "Sept. 9, 2025", "2025-09-09" },
    { "Sep 9 2025", "2025-09-09" },
    { "Sep. 9th, 2025", "2025-09-09" },
    { "Dec. 19, 2025", "2025-12-19" },
    { "December 19, 2025 at 4:05 p.m. EST", "2025-12-19" },
    { "19 December 2025", "2025-12-19" },
    { "19 Dec. 2025", "2025-12-19" },
    { "1st of May, 2025", "2025-05-01" },
    { "Tuesday, September 9, 2025", "2025-09-09" },
    { "Tue, 09 Sep 2025 10:11:00 +0000", "2025-09-09" },
    { "February 29, 2024", "2024-02-29" },
    /* not dates, or no such day */
    { "2025-02-30", NULL },
    { "2025-13-01", NULL },
    { "2025-00-10", NULL },
    { "February 29, 2025", NULL },
    { "31 April 2025", NULL },
    { "13/13/2025", NULL },
    { "09/09/25", NULL },
    { "September 2025", NULL },
    { "2025", NULL },
    { "20250909", NULL },
    { "Sept 9", NULL },
    { "yesterday", NULL },
    { "", NULL },
    { "2025-09-09 and more words", NULL },
    { "September 9, 20255", NULL },
    { "Mayday 9, 2025", NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = dossier_metadata_parse_date (cases[i].text);

      g_test_message ("parse_date (\"%s\")", cases[i].text);
      g_assert_cmpstr (date, ==, cases[i].expected);
    }
}

/* The boxed type */

static void
test_boxed (void)
{
  g_autoptr(DossierMetadata) metadata = dossier_metadata_new ();
  g_autoptr(DossierMetadata) copy = NULL;
  g_autoptr(DossierMetadata) from = dossier_metadata_new ();
  DossierMetadata *boxed;

  g_assert_true (G_TYPE_IS_BOXED (DOSSIER_TYPE_METADATA));
  g_assert_null (metadata->title);

  metadata->title = g_strdup ("A title");
  metadata->outlet = g_strdup ("Outlet");
  metadata->published = g_strdup ("2025-09-09");

  copy = dossier_metadata_copy (metadata);
  g_assert_cmpstr (copy->title, ==, "A title");
  g_assert_true (copy->title != metadata->title);
  g_assert_cmpstr (copy->outlet, ==, "Outlet");
  g_assert_null (copy->author);

  boxed = g_boxed_copy (DOSSIER_TYPE_METADATA, metadata);
  g_assert_cmpstr (boxed->published, ==, "2025-09-09");
  g_boxed_free (DOSSIER_TYPE_METADATA, boxed);

  from->title = g_strdup ("Manifest title");
  from->url = g_strdup ("https://example.org/a");
  dossier_metadata_override (metadata, from);
  g_assert_cmpstr (metadata->title, ==, "Manifest title");
  g_assert_cmpstr (metadata->outlet, ==, "Outlet");     /* not set in from: kept */
  g_assert_cmpstr (metadata->url, ==, "https://example.org/a");

  /* Overriding with itself is harmless. */
  dossier_metadata_override (metadata, metadata);
  g_assert_cmpstr (metadata->title, ==, "Manifest title");

  dossier_metadata_free (NULL);
}

/* Guessing, on scraped-looking text written for these tests */

static DossierMetadata *
guess (const char *text)
{
  g_autofree char *body = dossier_text_normalize (text);
  DossierMetadata *metadata = dossier_metadata_new ();

  dossier_metadata_guess (metadata, body);

  return metadata;
}

static void
test_guess_crumbs (void)
{
  g_autoptr(DossierMetadata) m = guess (
    "Skip to content\n\nMenu\n\nShare\n\nAdvertisement\n\n"
    "Harbor Authority Approves a New Port Security Plan\n\n"
    "The harbor authority approved a plan on Tuesday that adds scanners and "
    "patrol boats to the container terminals, after months of debate about "
    "cost and about who would pay for the new equipment in the long run.\n\n"
    "On March 3, 2025, the first scanners arrived from the manufacturer.\n\n"
    "Read also:\n\nLatest\n");

  g_assert_cmpstr (m->title, ==, "Harbor Authority Approves a New Port Security Plan");
  /* An event date in the third paragraph is no publication date. */
  g_assert_null (m->published);
  g_assert_null (m->author);
  g_assert_null (m->outlet);
}

static void
test_guess_press_release (void)
{
  g_autoptr(DossierMetadata) m = guess (
    "10/14/2025 | Press release | Distributed by Public on 10/14/2025 08:30\n"
    "Photo: JANE ROE/POOL/AFP via Getty Images\n"
    "Field Notes by Amélie Durand-Okafor\n"
    "Published October 14, 2025\n"
    "Last month the port commission met three times to weigh a proposal for "
    "joint inspections. The talks were tense, and the results were modest.\n"
    "Q1: What was agreed?\n"
    "A1: Very little, and that was the point.\n"
    "Amélie Durand-Okafor is a fellow at the Institute for Coastal Policy Research.\n"
    "Field Notes is produced by the Institute for Coastal Policy Research (ICPR), a "
    "nonprofit that takes no positions.\n"
    "© 2025 by the Institute for Coastal Policy Research. All rights reserved.\n"
    "Analysis by Someone Else - March 2, 2020\n");

  g_assert_cmpstr (m->title, ==, "Field Notes");
  g_assert_cmpstr (m->author, ==, "Amélie Durand-Okafor");
  g_assert_cmpstr (m->published, ==, "2025-10-14");
  g_assert_cmpstr (m->outlet, ==, "ICPR");
}

static void
test_guess_paragraph_title (void)
{
  g_autoptr(DossierMetadata) m = guess (
    "Donate\n\n"
    "The regional water board is rethinking how it allocates supply across three "
    "counties, shifting from fixed quotas toward a market-based model that "
    "rewards conservation and penalises waste. Officials say the change will take "
    "years.\n\nShare\n\nMore text follows here.\n");

  g_assert_cmpstr (m->title, ==, "The regional water board is rethinking how it allocates supply across three counties");
  g_assert_cmpuint (g_utf8_strlen (m->title, -1), <=, 90);
  g_assert_null (m->published);
}

static void
test_guess_teaser_title (void)
{
  g_autoptr(DossierMetadata) m = guess (
    "Quiet negotiations are under way between the two ministries, pointing to a thaw "
    "in a dispute that has lasted for nearly a decade over fishing rights. Will it hold "
    "this time?\n"
    "The ministries have not confirmed the talks, according to a report by Reuters.\n");

  g_assert_cmpstr (m->title, ==, "Quiet negotiations are under way between the two ministries");
  g_assert_null (m->author);
}

static void
test_guess_long_sentence (void)
{
  /* No clause boundary in reach: cut at a word, with an ellipsis. */
  g_autoptr(DossierMetadata) m = guess (
    "An extraordinarily long opening sentence that goes on and on without any commas "
    "or other clause boundaries because its author never learned to stop writing "
    "before the reader gives up entirely.\n");

  g_assert_true (g_str_has_suffix (m->title, "…"));
  g_assert_true (g_str_has_prefix (m->title, "An extraordinarily long opening sentence"));
  g_assert_cmpuint (g_utf8_strlen (m->title, -1), <=, 91);
}

static void
test_guess_headline_abbreviations (void)
{
  g_autoptr(DossierMetadata) m = guess (
    "U.S. and E.U. Officials Meet in St. Louis: What Comes Next?\n"
    "On Dec. 2, 2025, officials from both sides met for a second round of talks.\n");

  g_assert_cmpstr (m->title, ==, "U.S. and E.U. Officials Meet in St. Louis: What Comes Next?");
  g_assert_cmpstr (m->published, ==, "2025-12-02");
}

static void
test_guess_opening_date (void)
{
  g_autoptr(DossierMetadata) m = guess (
    "A Shift in Regional Policy\n"
    "On December 2, 2025, the foreign minister announced a new approach to regional "
    "cooperation during a press conference.\n");
  g_autoptr(DossierMetadata) dateline = guess (
    "Ministers Meet Again\n\n"
    "GENEVA, Sept. 9, 2025 — Ministers met again on Tuesday to continue the talks.\n");

  g_assert_cmpstr (m->title, ==, "A Shift in Regional Policy");
  g_assert_cmpstr (m->published, ==, "2025-12-02");
  g_assert_cmpstr (dateline->published, ==, "2025-09-09");
}

static void
test_guess_bylines (void)
{
  static const struct {
    const char *text;
    const char *author;
    const char *date;
  } cases[] = {
    { "Headline Here\nBy Jane Doe\nBody text.", "Jane Doe", NULL },
    { "Headline Here\nby Jane Doe and John Roe\nBody text.", "Jane Doe and John Roe", NULL },
    { "Headline Here\nBy Jane Doe, John Roe and Ann Poe\nBody.", "Jane Doe, John Roe and Ann Poe", NULL },
    { "Headline Here\nBy Jane Doe, Staff Writer\nBody.", "Jane Doe", NULL },
    { "Headline Here\nBy Jane Doe | Sept. 9, 2025\nBody.", "Jane Doe", "2025-09-09" },
    { "Headline Here\nBy Jane Doe on September 9, 2025\nBody.", "Jane Doe", "2025-09-09" },
    { "Headline Here\nBY JANE DOE\nBody.", "JANE DOE", NULL },
    { "Headline Here\nAuthor: María de la Cruz\nBody.", "María de la Cruz", NULL },
    { "Headline Here\nWritten by Ryan C. Berg Jr.\nBody.", "Ryan C. Berg Jr.", NULL },
    { "Headline Here\nPosted by Jane Doe\nBody.", "Jane Doe", NULL },
    /* not names */
    { "Headline Here\nBy shifting priorities, the board saved money.\nBody.", NULL, NULL },
    { "Headline Here\nBy the numbers\nBody.", NULL, NULL },
    { "Headline Here\nBy Reuters\nBody.", NULL, NULL },
    { "Mexico Hit by Cartel Violence\nBody text.", NULL, NULL },
    { "The plan was approved by Maria Lopez.\nBody text.", NULL, NULL },
    { "Supply chains reshaped by Jane Doe\nBody text.", NULL, NULL },
    { "Headline Here\nBy a staff member of the committee who asked not to be named in this piece\nBody.", NULL, NULL },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DossierMetadata) m = guess (cases[i].text);

      g_test_message ("byline case %u", i);
      g_assert_cmpstr (m->author, ==, cases[i].author);
      g_assert_cmpstr (m->published, ==, cases[i].date);
      g_assert_nonnull (m->title);
      g_assert_false (g_str_has_prefix (m->title, "By"));
    }
}

static void
test_guess_title_by_name (void)
{
  g_autoptr(DossierMetadata) m = guess ("Critical Notes by Jane Q. Public\nPublished 19 December 2025\nBody text.");
  g_autoptr(DossierMetadata) label = guess ("Commentary by Jane Doe\nThe Actual Headline Comes Here\nBody text.");

  g_assert_cmpstr (m->title, ==, "Critical Notes");
  g_assert_cmpstr (m->author, ==, "Jane Q. Public");
  g_assert_cmpstr (m->published, ==, "2025-12-19");

  /* "Commentary" alone is a label, not a title. */
  g_assert_cmpstr (label->author, ==, "Jane Doe");
  g_assert_cmpstr (label->title, ==, "The Actual Headline Comes Here");

  {
    g_autoptr(DossierMetadata) sentence = guess ("The plan was approved by Maria Lopez.\nBody text.");

    g_assert_cmpstr (sentence->title, ==, "The plan was approved by Maria Lopez");
    g_assert_null (sentence->author);
  }
}

static void
test_guess_never_crumbs (void)
{
  g_autoptr(DossierMetadata) m = guess (
    "Share\nRead also:\nLatest\nAdvertisement\nDonate\nMenu\nSkip to main content\n"
    "Home > World > Americas\n09/09/2025\nSeptember 9, 2025 | 5 min read\n"
    "Photo: Jane Roe for the Paper\n5 min read\nhttps://example.org/story\n"
    "A Real Headline at Last\n"
    "Body text starts here and goes on.\n");
  g_autoptr(DossierMetadata) none = guess ("Share\n\nDonate\n\nMenu\n\n2025-01-01\n");

  g_assert_cmpstr (m->title, ==, "A Real Headline at Last");
  g_assert_cmpstr (m->published, ==, "2025-09-09");
  g_assert_null (none->title);
  g_assert_cmpstr (none->published, ==, "2025-01-01");
}

static void
test_guess_date_ranks (void)
{
  g_autoptr(DossierMetadata) m = guess (
    "Headline Here\nUpdated: Oct. 2, 2025\nPublished on Sep 30 2025\nBody text.\n");
  g_autoptr(DossierMetadata) updated = guess (
    "Headline Here\nLast updated 2025-10-02 14:00\nBody text.\n");

  g_assert_cmpstr (m->published, ==, "2025-09-30");
  g_assert_cmpstr (updated->published, ==, "2025-10-02");
}

static void
test_guess_outlets (void)
{
  g_autoptr(DossierMetadata) plain = guess ("Headline Here\nBody.\n© 2024 Harbor Times Media Group\n");
  g_autoptr(DossierMetadata) the = guess ("Headline Here\nBody.\nCopyright 2025 The Daily Ledger. All rights reserved.\n");
  g_autoptr(DossierMetadata) inc = guess ("Headline Here\nBody.\nCopyright © 2023–2025 Acme News Inc. All rights reserved.\n");
  g_autoptr(DossierMetadata) prose = guess ("Headline Here\nCopyright law in the region has changed a lot since the reforms "
                                            "that were passed by the assembly in a long session that went on for weeks.\n");
  g_autoptr(DossierMetadata) acronym = guess ("Headline Here\nBody.\n© 2025 Delta Basin Institute (DBI). All rights reserved.\n");
  g_autoptr(DossierMetadata) parenthesis = guess ("Headline Here\nBody.\n© 2025 Harbor Times (Local Edition)\n");

  g_assert_cmpstr (plain->outlet, ==, "Harbor Times Media Group");
  g_assert_cmpstr (the->outlet, ==, "The Daily Ledger");
  g_assert_cmpstr (inc->outlet, ==, "Acme News Inc");
  g_assert_null (prose->outlet);
  g_assert_cmpstr (acronym->outlet, ==, "DBI");
  g_assert_cmpstr (parenthesis->outlet, ==, "Harbor Times (Local Edition)");
}

/* Guesses are one clean line: a tab inside a copyright line used to
 * stay in the outlet, a name the sources table refuses, so the outlet
 * was dropped at import. Found by fuzzing
 * (fuzz/corpus/import/crash-outlet-with-tab). */
static void
test_guess_outlet_one_line (void)
{
  g_autoptr(DossierMetadata) tab = guess ("Headline Here\nBody.\n\xC2\xA9 2025 Coastal\tCourier\n");
  g_autoptr(DossierMetadata) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "corpus", "import",
                                                 "crash-outlet-with-tab", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *body = NULL;
  g_autofree char *squeezed = NULL;
  gsize length;

  g_assert_cmpstr (tab->outlet, ==, "Coastal Courier");

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_extract ("crash.txt", (const guint8 *) contents + 1, length - 1,
                                  &body, &found, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (found->outlet);
  g_assert_null (strchr (found->outlet, '\t'));
  squeezed = dossier_text_squeeze (found->outlet);
  g_assert_cmpstr (found->outlet, ==, squeezed);
}

static void
test_guess_keeps_known (void)
{
  g_autoptr(DossierMetadata) m = dossier_metadata_new ();

  m->title = g_strdup ("Given Title");
  m->author = g_strdup ("Given Author");
  dossier_metadata_guess (m, "Another Headline\nBy Jane Doe\nSeptember 9, 2025\nBody.");

  g_assert_cmpstr (m->title, ==, "Given Title");
  g_assert_cmpstr (m->author, ==, "Given Author");
  g_assert_cmpstr (m->published, ==, "2025-09-09");
}

static void
test_guess_hostile (void)
{
  GString *line = g_string_new (NULL);
  g_autoptr(DossierMetadata) m = NULL;
  g_autoptr(DossierMetadata) copyrights = NULL;
  g_autoptr(DossierMetadata) empty = guess ("");
  gint64 start;

  /* One 1 MB line, and 100,000 copyright marks on one line. */
  while (line->len < 1024 * 1024)
    g_string_append (line, "word by Name, ");

  start = g_get_monotonic_time ();
  m = guess (line->str);
  g_assert_nonnull (m->title);
  g_assert_cmpuint (g_utf8_strlen (m->title, -1), <=, 91);

  g_string_truncate (line, 0);
  while (line->len < 1024 * 1024)
    g_string_append (line, "© 2025 ");
  copyrights = guess (line->str);
  g_assert_null (copyrights->outlet);
  g_assert_cmpfloat ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, <, 20.0);

  g_assert_null (empty->title);

  g_string_free (line, TRUE);
}

/* corpus.json */

static char *
write_manifest (const char *dir,
                const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, DOSSIER_MANIFEST_NAME, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static DossierManifest *
load_manifest (const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-manifest-XXXXXX", &error);
  g_autofree char *path = NULL;
  DossierManifest *manifest;

  g_assert_no_error (error);
  path = write_manifest (dir, contents);
  manifest = dossier_manifest_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (DOSSIER_IS_MANIFEST (manifest));

  g_unlink (path);
  g_rmdir (dir);

  return manifest;
}

static void
assert_entry (DossierManifest *manifest,
              const char      *name,
              const char      *title,
              const char      *outlet,
              const char      *author,
              const char      *published,
              const char      *url)
{
  const DossierMetadata *m = dossier_manifest_lookup (manifest, name);

  g_assert_nonnull (m);
  g_assert_cmpstr (m->title, ==, title);
  g_assert_cmpstr (m->outlet, ==, outlet);
  g_assert_cmpstr (m->author, ==, author);
  g_assert_cmpstr (m->published, ==, published);
  g_assert_cmpstr (m->url, ==, url);
}

static void
test_manifest_files (void)
{
  g_autoptr(DossierManifest) manifest = load_manifest (
    "{\"files\": {"
    "  \"a.txt\": {\"title\": \"Alpha\", \"outlet\": \"CSIS\", \"author\": \"Jane Doe\","
    "              \"date\": \"September 9, 2025\", \"url\": \"https://example.org/a\"},"
    "  \"sub/b.md\": {\"title\": \"  Beta\\n \", \"published\": \"2025-12-19\"}"
    "}}");

  assert_entry (manifest, "a.txt", "Alpha", "CSIS", "Jane Doe", "2025-09-09", "https://example.org/a");
  assert_entry (manifest, "sub/b.md", "Beta", NULL, NULL, "2025-12-19", NULL);
  assert_entry (manifest, "./a.txt", "Alpha", "CSIS", "Jane Doe", "2025-09-09", "https://example.org/a");
  g_assert_null (dossier_manifest_lookup (manifest, "c.txt"));
  g_assert_null (dossier_manifest_lookup (manifest, "b.md"));
}

static void
test_manifest_flat (void)
{
  g_autoptr(DossierManifest) manifest = load_manifest (
    "{\"a.txt\": {\"title\": \"Alpha\", \"date\": \"12/19/2025\"},"
    " \"Cafe\xCC\x81.txt\": {\"title\": \"Café\"},"
    " \"skip\": 42}");

  assert_entry (manifest, "a.txt", "Alpha", NULL, NULL, "2025-12-19", NULL);
  /* Names match whether written composed or decomposed. */
  assert_entry (manifest, "Caf\xC3\xA9.txt", "Café", NULL, NULL, NULL, NULL);
  assert_entry (manifest, "Cafe\xCC\x81.txt", "Café", NULL, NULL, NULL, NULL);
  g_assert_null (dossier_manifest_lookup (manifest, "skip"));
}

static void
test_manifest_array (void)
{
  g_autoptr(DossierManifest) manifest = load_manifest (
    "[{\"file\": \"a.txt\", \"title\": \"Alpha\", \"author\": [\"Jane Doe\", \"John Roe\"]},"
    " {\"path\": \"b.html\", \"outlet\": \"Newsweek\"},"
    " {\"title\": \"no file\"},"
    " 17, \"text\", null]");

  assert_entry (manifest, "a.txt", "Alpha", NULL, "Jane Doe, John Roe", NULL, NULL);
  assert_entry (manifest, "b.html", NULL, "Newsweek", NULL, NULL, NULL);
}

static void
test_manifest_wrong_types (void)
{
  g_autoptr(DossierManifest) manifest = load_manifest (
    "{\"files\": {"
    "  \"a.txt\": {\"title\": 5, \"outlet\": [\"x\"], \"author\": {\"name\": \"X\"},"
    "              \"date\": \"2025-02-30\", \"url\": true},"
    "  \"b.txt\": {\"title\": null, \"outlet\": \"Ok Outlet\", \"author\": [1, \"Jane Doe\", null],"
    "              \"date\": 20250909, \"published\": \"Sep 9 2025\"},"
    "  \"c.txt\": \"just a string\","
    "  \"d.txt\": [1, 2, 3],"
    "  \"e.txt\": {\"title\": \"\", \"outlet\": \"  \"}"
    "}}");

  assert_entry (manifest, "a.txt", NULL, NULL, NULL, NULL, NULL);
  assert_entry (manifest, "b.txt", NULL, "Ok Outlet", "Jane Doe", "2025-09-09", NULL);
  g_assert_null (dossier_manifest_lookup (manifest, "c.txt"));
  g_assert_null (dossier_manifest_lookup (manifest, "d.txt"));
  assert_entry (manifest, "e.txt", NULL, NULL, NULL, NULL, NULL);
}

static void
test_manifest_invalid (void)
{
  static const char * const bad[] = {
    "this is not json",
    "{\"files\": {\"a.txt\": ",
    "\"a string\"",
    "42",
    "",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-manifest-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "nope.json", NULL);
  GString *deep = g_string_new (NULL);
  guint i;

  g_assert_no_error (error);

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_manifest (dir, bad[i]);
      g_autoptr(DossierManifest) manifest = dossier_manifest_load (path, &error);

      g_assert_null (manifest);
      g_assert_error (error, DOSSIER_MANIFEST_ERROR, DOSSIER_MANIFEST_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, DOSSIER_MANIFEST_NAME));
      g_clear_error (&error);
      g_unlink (path);
    }

  /* Nesting that would exhaust json-glib's stack. */
  for (i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  {
    g_autofree char *path = write_manifest (dir, deep->str);
    g_autoptr(DossierManifest) manifest = dossier_manifest_load (path, &error);

    g_assert_null (manifest);
    g_assert_error (error, DOSSIER_MANIFEST_ERROR, DOSSIER_MANIFEST_ERROR_INVALID);
    g_clear_error (&error);
    g_unlink (path);
  }

  {
    g_autoptr(DossierManifest) manifest = dossier_manifest_load (missing, &error);

    g_assert_null (manifest);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_clear_error (&error);
  }

  g_string_free (deep, TRUE);
  g_rmdir (dir);
}

/* json-glib quotes the token it stopped at as it is, invalid UTF-8 and
 * control characters included; the message must still be one line of
 * text. Found by fuzzing (fuzz/corpus/manifest/crash-error-invalid-utf8). */
static void
test_manifest_error_message (void)
{
  static const char surrogate[] = "{\"a.txt\\ud83d\" \"title\"}";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "corpus", "manifest",
                                                 "crash-error-invalid-utf8", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  struct { const char *data; gsize length; } inputs[2] = { { surrogate, sizeof surrogate - 1 } };

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  inputs[1].data = contents;
  inputs[1].length = length;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(DossierManifest) manifest =
        dossier_manifest_load_from_data (inputs[i].data, inputs[i].length, "corpus.json", &error);

      g_assert_null (manifest);
      g_assert_error (error, DOSSIER_MANIFEST_ERROR, DOSSIER_MANIFEST_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_null (strchr (error->message, '\t'));
      g_assert_true (g_str_has_prefix (error->message, "corpus.json is not valid JSON: "));
      g_clear_error (&error);
    }
}

/* What the importer and the fuzzer use: names, and the same entries from
 * memory as from a file. */
static void
test_manifest_from_data (void)
{
  static const char json[] =
    "{\"files\": {\"./b.txt\": {\"title\": \"Beta\"}, \"a.txt\": {\"title\": \"Alpha\"},"
    " \"Cafe\\u0301.txt\": {\"outlet\": \"NFC\"}, \"c.txt\": 3}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierManifest) manifest = dossier_manifest_load_from_data (json, strlen (json), "corpus.json", &error);
  g_auto(GStrv) names = NULL;

  g_assert_no_error (error);
  names = dossier_manifest_dup_names (manifest);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[0], ==, "Caf\xC3\xA9.txt");
  g_assert_cmpstr (names[1], ==, "a.txt");
  g_assert_cmpstr (names[2], ==, "b.txt");
  assert_entry (manifest, "b.txt", "Beta", NULL, NULL, NULL, NULL);
  assert_entry (manifest, "Cafe\xCC\x81.txt", NULL, "NFC", NULL, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/metadata/parse-date", test_parse_date);
  g_test_add_func ("/metadata/boxed", test_boxed);
  g_test_add_func ("/metadata/guess/crumbs", test_guess_crumbs);
  g_test_add_func ("/metadata/guess/press-release", test_guess_press_release);
  g_test_add_func ("/metadata/guess/paragraph-title", test_guess_paragraph_title);
  g_test_add_func ("/metadata/guess/teaser-title", test_guess_teaser_title);
  g_test_add_func ("/metadata/guess/long-sentence", test_guess_long_sentence);
  g_test_add_func ("/metadata/guess/abbreviations", test_guess_headline_abbreviations);
  g_test_add_func ("/metadata/guess/opening-date", test_guess_opening_date);
  g_test_add_func ("/metadata/guess/bylines", test_guess_bylines);
  g_test_add_func ("/metadata/guess/title-by-name", test_guess_title_by_name);
  g_test_add_func ("/metadata/guess/never-crumbs", test_guess_never_crumbs);
  g_test_add_func ("/metadata/guess/date-ranks", test_guess_date_ranks);
  g_test_add_func ("/metadata/guess/outlets", test_guess_outlets);
  g_test_add_func ("/metadata/guess/outlet-one-line", test_guess_outlet_one_line);
  g_test_add_func ("/metadata/guess/keeps-known", test_guess_keeps_known);
  g_test_add_func ("/metadata/guess/hostile", test_guess_hostile);
  g_test_add_func ("/metadata/manifest/files", test_manifest_files);
  g_test_add_func ("/metadata/manifest/flat", test_manifest_flat);
  g_test_add_func ("/metadata/manifest/array", test_manifest_array);
  g_test_add_func ("/metadata/manifest/wrong-types", test_manifest_wrong_types);
  g_test_add_func ("/metadata/manifest/invalid", test_manifest_invalid);
  g_test_add_func ("/metadata/manifest/error-message", test_manifest_error_message);
  g_test_add_func ("/metadata/manifest/from-data", test_manifest_from_data);

  return g_test_run ();
}
