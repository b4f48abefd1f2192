/* test-claims.c — claims, themes, sources and document metadata in the store
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-utils.h"

/* Written for these tests: accents, an emoji (one code point, four bytes,
 * two UTF-16 units), curly quotes and an em dash before the quotes. */
static const char *body_text =
  "Tratado de aguas: la cuenta regresiva\n"
  "\n"
  "Sofía Ramírez 😀 dijo: “No vamos a entregar agua que no tenemos” — y "
  "el embajador respondió que el plazo vence en octubre. "
  "Sofía Ramírez repitió: “No vamos a entregar agua que no tenemos”.";

typedef struct
{
  char            *dir;
  DossierDatabase *db;
  gint64           document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_open_database (&fixture->dir);
  fixture->document = test_import_text (fixture->db, fixture->dir, "tratado.txt", body_text);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->dir, g_free);
}

static guint
code_point_offset (const char *haystack,
                   const char *needle,
                   guint       occurrence)
{
  const char *found = haystack;

  for (guint i = 0; i < occurrence; i++)
    {
      found = strstr (i == 0 ? haystack : found + 1, needle);
      g_assert_nonnull (found);
    }

  return g_utf8_pointer_to_offset (haystack, found);
}

static void
test_create_from_range (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = dossier_documents_get_body (fixture->db, fixture->document, &error);
  const char *quote = "No vamos a entregar agua que no tenemos";
  const char *themes[] = { "Water", "Sovereignty", NULL };
  guint start = code_point_offset (body, quote, 1);
  guint end = start + g_utf8_strlen (quote, -1);
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autofree char *expected_prefix = NULL;
  const char * const *claim_themes;

  g_assert_no_error (error);

  claim = dossier_claims_create (fixture->db, fixture->document, start, end, themes,
                                 "  Sofía Ramírez  ", "Key line for the brief.", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_claim_get_start (claim), ==, start);
  g_assert_cmpuint (dossier_claim_get_end (claim), ==, end);
  g_assert_cmpstr (dossier_claim_get_quote (claim), ==, quote);
  g_assert_cmpstr (dossier_claim_get_speaker (claim), ==, "Sofía Ramírez");
  g_assert_cmpstr (dossier_claim_get_note (claim), ==, "Key line for the brief.");
  g_assert_cmpstr (dossier_claim_get_document_title (claim), ==, "Tratado de aguas: la cuenta regresiva");
  g_assert_true (g_uuid_string_is_valid (dossier_claim_get_uuid (claim)));

  /* Themes keep the order they were added in. */
  claim_themes = dossier_claim_get_themes (claim);
  g_assert_cmpuint (g_strv_length ((char **)claim_themes), ==, 2);
  g_assert_cmpstr (claim_themes[0], ==, "Water");
  g_assert_cmpstr (claim_themes[1], ==, "Sovereignty");

  /* 32 code points of context, the emoji counted once. */
  expected_prefix = dossier_anchor_slice (body, start - 32, start);
  g_assert_cmpstr (dossier_claim_get_prefix (claim), ==, expected_prefix);
  g_assert_cmpuint (g_utf8_strlen (dossier_claim_get_prefix (claim), -1), ==, 32);
  g_assert_true (g_str_has_prefix (dossier_claim_get_suffix (claim), "” — y el embajador"));

  document = dossier_documents_get (fixture->db, fixture->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_document_get_claim_count (document), ==, 1);
}

static void
test_create_from_quote (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = dossier_documents_get_body (fixture->db, fixture->document, &error);
  const char *quote = "“No vamos a entregar agua que no tenemos”";
  g_autoptr(DossierClaim) first = NULL;
  g_autoptr(DossierClaim) second = NULL;
  g_autoptr(DossierClaim) third = NULL;
  g_autoptr(DossierClaim) missing = NULL;

  first = dossier_claims_create_from_quote (fixture->db, fixture->document, quote, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_claim_get_start (first), ==, code_point_offset (body, quote, 1));

  second = dossier_claims_create_from_quote (fixture->db, fixture->document, quote, 2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_claim_get_start (second), ==, code_point_offset (body, quote, 2));
  g_assert_cmpstr (dossier_claim_get_quote (second), ==, quote);

  third = dossier_claims_create_from_quote (fixture->db, fixture->document, quote, 3, NULL, NULL, NULL, &error);
  g_assert_null (third);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2 times"));
  g_clear_error (&error);

  /* Straight quotes do not match curly ones, and the message says so. */
  missing = dossier_claims_create_from_quote (fixture->db, fixture->document,
                                              "\"No vamos a entregar agua que no tenemos\"",
                                              1, NULL, NULL, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "quotation marks"));
}

static void
test_create_refuses_bad_ranges (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) document = dossier_documents_get (fixture->db, fixture->document, &error);
  guint length = dossier_document_get_length (document);
  DossierClaim *claim;

  claim = dossier_claims_create (fixture->db, fixture->document, 5, 5, NULL, NULL, NULL, &error);
  g_assert_null (claim);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  claim = dossier_claims_create (fixture->db, fixture->document, length - 2, length + 1, NULL, NULL, NULL, &error);
  g_assert_null (claim);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* The blank line after the title. */
  claim = dossier_claims_create (fixture->db, fixture->document, 37, 39, NULL, NULL, NULL, &error);
  g_assert_null (claim);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  claim = dossier_claims_create (fixture->db, 999, 0, 3, NULL, NULL, NULL, &error);
  g_assert_null (claim);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing half-made was left behind: no claim, no theme, no source. */
  g_assert_cmpuint (dossier_document_get_claim_count (document), ==, 0);
}

static void
test_edit_and_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *initial[] = { "Water", NULL };
  const char *add[] = { "Tariffs", "water", NULL };
  const char *remove[] = { "WATER", NULL };
  const char *remove_missing[] = { "Migration", NULL };
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(DossierClaim) edited = NULL;
  g_autoptr(DossierClaim) cleared = NULL;
  g_autoptr(DossierClaim) failed = NULL;
  g_autoptr(DossierClaim) gone = NULL;
  g_autoptr(DossierDocument) document = NULL;
  const char * const *themes;

  claim = dossier_claims_create_from_quote (fixture->db, fixture->document, "el plazo vence en octubre",
                                            1, initial, "El embajador", NULL, &error);
  g_assert_no_error (error);

  /* Adding a theme the claim has (in another case) changes nothing. */
  edited = dossier_claims_edit (fixture->db, dossier_claim_get_id (claim), add, NULL,
                                "Ken Salazar", "Deadline matters.", &error);
  g_assert_no_error (error);
  themes = dossier_claim_get_themes (edited);
  g_assert_cmpuint (g_strv_length ((char **)themes), ==, 2);
  g_assert_cmpstr (themes[0], ==, "Water");
  g_assert_cmpstr (themes[1], ==, "Tariffs");
  g_assert_cmpstr (dossier_claim_get_speaker (edited), ==, "Ken Salazar");
  g_assert_cmpstr (dossier_claim_get_note (edited), ==, "Deadline matters.");

  cleared = dossier_claims_edit (fixture->db, dossier_claim_get_id (claim), NULL, remove, "", "", &error);
  g_assert_no_error (error);
  themes = dossier_claim_get_themes (cleared);
  g_assert_cmpuint (g_strv_length ((char **)themes), ==, 1);
  g_assert_cmpstr (themes[0], ==, "Tariffs");
  g_assert_null (dossier_claim_get_speaker (cleared));
  g_assert_cmpstr (dossier_claim_get_note (cleared), ==, "");

  /* Removing a theme it does not carry is an error and changes nothing. */
  failed = dossier_claims_edit (fixture->db, dossier_claim_get_id (claim), NULL, remove_missing,
                                NULL, "not saved", &error);
  g_assert_null (failed);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&cleared);
  cleared = dossier_claims_get (fixture->db, dossier_claim_get_id (claim), &error);
  g_assert_cmpstr (dossier_claim_get_note (cleared), ==, "");

  g_assert_true (dossier_claims_delete (fixture->db, dossier_claim_get_id (claim), &error));
  gone = dossier_claims_get (fixture->db, dossier_claim_get_id (claim), &error);
  g_assert_null (gone);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (dossier_claims_delete (fixture->db, dossier_claim_get_id (claim), &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  document = dossier_documents_get (fixture->db, fixture->document, &error);
  g_assert_cmpuint (dossier_document_get_claim_count (document), ==, 0);
}

static DossierClaim *
add_claim (Fixture    *fixture,
           gint64      document,
           const char *quote,
           const char *theme,
           const char *speaker)
{
  g_autoptr(GError) error = NULL;
  const char *themes[] = { theme, NULL };
  DossierClaim *claim = dossier_claims_create_from_quote (fixture->db, document, quote, 1,
                                                          themes, speaker, NULL, &error);

  g_assert_no_error (error);

  return claim;
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) a = NULL;
  g_autoptr(DossierClaim) b = NULL;
  g_autoptr(DossierClaim) c = NULL;
  g_autoptr(GPtrArray) list = NULL;
  DossierMetadata changes = { .outlet = (char *)"Gaceta del Norte" };
  DossierClaimFilter by_theme = { .theme = "sovereignty" };
  DossierClaimFilter by_speaker = { .speaker = "sofía ramírez" };
  DossierClaimFilter by_outlet = { .outlet = "Gaceta del Norte" };
  DossierClaimFilter by_text = { .text = "embajador" };
  DossierClaimFilter by_both = { .theme = "Water", .speaker = "Sofía Ramírez" };
  DossierClaimFilter by_document = { .document_id = 0 };
  gint64 other;

  other = test_import_text (fixture->db, fixture->dir, "otro.txt",
                            "Otro artículo\n\nEl embajador insistió en la entrega de agua.");
  g_assert_true (dossier_documents_update (fixture->db, fixture->document, &changes, &error));
  g_assert_no_error (error);

  a = add_claim (fixture, fixture->document, "No vamos a entregar agua", "Water", "Sofía Ramírez");
  b = add_claim (fixture, fixture->document, "el plazo vence en octubre", "Sovereignty", "El embajador");
  c = add_claim (fixture, other, "El embajador insistió", "Water", "El embajador");

  list = dossier_claims_list (fixture->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dossier_claims_list (fixture->db, &by_theme, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (dossier_claim_get_id (g_ptr_array_index (list, 0)), ==, dossier_claim_get_id (b));
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dossier_claims_list (fixture->db, &by_speaker, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (dossier_claim_get_id (g_ptr_array_index (list, 0)), ==, dossier_claim_get_id (a));
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dossier_claims_list (fixture->db, &by_outlet, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (dossier_claim_get_outlet (g_ptr_array_index (list, 0)), ==, "Gaceta del Norte");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dossier_claims_list (fixture->db, &by_text, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (dossier_claim_get_id (g_ptr_array_index (list, 0)), ==, dossier_claim_get_id (c));
  g_clear_pointer (&list, g_ptr_array_unref);

  list = dossier_claims_list (fixture->db, &by_both, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (dossier_claim_get_id (g_ptr_array_index (list, 0)), ==, dossier_claim_get_id (a));
  g_clear_pointer (&list, g_ptr_array_unref);

  by_document.document_id = other;
  list = dossier_claims_list (fixture->db, &by_document, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (dossier_claim_get_id (g_ptr_array_index (list, 0)), ==, dossier_claim_get_id (c));
}

static void
test_themes (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) a = add_claim (fixture, fixture->document, "No vamos a entregar agua", "Water", NULL);
  g_autoptr(DossierClaim) b = add_claim (fixture, fixture->document, "el plazo vence", "Deadlines", NULL);
  g_autoptr(DossierClaim) after = NULL;
  g_autoptr(DossierTheme) water = NULL;
  g_autoptr(DossierTheme) deadlines = NULL;
  g_autoptr(DossierTheme) found = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  const char *both[] = { "Deadlines", NULL };

  water = dossier_themes_find (fixture->db, "  WATER ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_theme_get_name (water), ==, "Water");
  g_assert_cmpuint (dossier_theme_get_claim_count (water), ==, 1);
  g_assert_true (g_str_has_prefix (dossier_theme_get_color (water), "#"));
  deadlines = dossier_themes_find (fixture->db, "Deadlines", &error);
  g_assert_cmpstr (dossier_theme_get_color (deadlines), !=, dossier_theme_get_color (water));

  g_assert_true (dossier_themes_rename (fixture->db, dossier_theme_get_id (water), "Water sharing", &error));
  g_assert_false (dossier_themes_rename (fixture->db, dossier_theme_get_id (water), "deadlines", &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (dossier_themes_rename (fixture->db, dossier_theme_get_id (water), "   ", &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (dossier_themes_set_color (fixture->db, dossier_theme_get_id (water), "#1C71D8", &error));
  found = dossier_themes_find (fixture->db, "water sharing", &error);
  g_assert_cmpstr (dossier_theme_get_color (found), ==, "#1c71d8");
  g_assert_false (dossier_themes_set_color (fixture->db, dossier_theme_get_id (water), "blue", &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Merge: a claim tagged with both keeps a single tag. */
  g_clear_object (&after);
  after = dossier_claims_edit (fixture->db, dossier_claim_get_id (a), both, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_themes_merge (fixture->db, dossier_theme_get_id (water), dossier_theme_get_id (deadlines), &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = dossier_claims_get (fixture->db, dossier_claim_get_id (a), &error);
  g_assert_cmpuint (g_strv_length ((char **)dossier_claim_get_themes (after)), ==, 1);
  g_assert_cmpstr (dossier_claim_get_themes (after)[0], ==, "Deadlines");

  themes = dossier_themes_list (fixture->db, &error);
  g_assert_cmpuint (themes->len, ==, 1);
  g_assert_cmpuint (dossier_theme_get_claim_count (g_ptr_array_index (themes, 0)), ==, 2);

  /* Deleting a theme keeps its claims. */
  g_assert_true (dossier_themes_delete (fixture->db, dossier_theme_get_id (deadlines), &error));
  g_clear_object (&after);
  after = dossier_claims_get (fixture->db, dossier_claim_get_id (b), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **)dossier_claim_get_themes (after)), ==, 0);
}

static void
test_sources (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) a = add_claim (fixture, fixture->document, "No vamos a entregar agua", NULL, "Sofia Ramirez");
  g_autoptr(DossierClaim) b = add_claim (fixture, fixture->document, "el plazo vence", NULL, "Sofía Ramírez");
  g_autoptr(DossierClaim) after = NULL;
  g_autoptr(DossierSource) typo = NULL;
  g_autoptr(DossierSource) right = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) names = NULL;
  DossierSourceKind kind;

  typo = dossier_sources_find (fixture->db, "sofia ramirez", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_source_get_kind (typo), ==, DOSSIER_SOURCE_KIND_PERSON);
  right = dossier_sources_find (fixture->db, "Sofía Ramírez", &error);
  g_assert_no_error (error);

  g_assert_true (dossier_sources_set_kind (fixture->db, dossier_source_get_id (right),
                                           DOSSIER_SOURCE_KIND_GOVERNMENT, &error));
  g_assert_true (dossier_sources_merge (fixture->db, dossier_source_get_id (typo),
                                        dossier_source_get_id (right), &error));
  g_assert_no_error (error);

  after = dossier_claims_get (fixture->db, dossier_claim_get_id (a), &error);
  g_assert_cmpstr (dossier_claim_get_speaker (after), ==, "Sofía Ramírez");

  sources = dossier_sources_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpuint (dossier_source_get_claim_count (g_ptr_array_index (sources, 0)), ==, 2);
  g_assert_cmpint (dossier_source_get_kind (g_ptr_array_index (sources, 0)), ==, DOSSIER_SOURCE_KIND_GOVERNMENT);

  /* The same sources by name, without the counts. */
  names = dossier_sources_list_names (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (dossier_source_get_name (g_ptr_array_index (names, 0)), ==, "Sofía Ramírez");
  g_assert_cmpint (dossier_source_get_id (g_ptr_array_index (names, 0)), ==, dossier_source_get_id (right));
  g_assert_cmpint (dossier_source_get_kind (g_ptr_array_index (names, 0)), ==, DOSSIER_SOURCE_KIND_GOVERNMENT);
  g_assert_cmpuint (dossier_source_get_claim_count (g_ptr_array_index (names, 0)), ==, 0);

  g_assert_true (dossier_source_kind_from_string ("Outlet", &kind));
  g_assert_cmpint (kind, ==, DOSSIER_SOURCE_KIND_OUTLET);
  g_assert_false (dossier_source_kind_from_string ("pundit", &kind));

  /* Deleting a source keeps the claims, without a speaker. */
  g_assert_true (dossier_sources_delete (fixture->db, dossier_source_get_id (right), &error));
  g_clear_object (&after);
  after = dossier_claims_get (fixture->db, dossier_claim_get_id (b), &error);
  g_assert_null (dossier_claim_get_speaker (after));
}

static void
test_document_metadata (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierMetadata changes = {
    .title = (char *)"  Water treaty: the countdown ",
    .outlet = (char *)"Gaceta del Norte",
    .author = (char *)"Lucía Benítez",
    .published = (char *)"2025-03-14",
    .url = (char *)"https://example.org/tratado",
  };
  DossierMetadata clear = { .author = (char *)"", .outlet = (char *)"" };
  DossierMetadata bad_date = { .published = (char *)"2025-02-30" };
  DossierMetadata empty_title = { .title = (char *)" " };
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(DossierDocument) cleared = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  g_assert_true (dossier_documents_update (fixture->db, fixture->document, &changes, &error));
  g_assert_no_error (error);
  document = dossier_documents_get (fixture->db, fixture->document, &error);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Water treaty: the countdown");
  g_assert_cmpstr (dossier_document_get_outlet (document), ==, "Gaceta del Norte");
  g_assert_cmpstr (dossier_document_get_author (document), ==, "Lucía Benítez");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2025-03-14");
  g_assert_cmpstr (dossier_document_get_url (document), ==, "https://example.org/tratado");

  sources = dossier_sources_list (fixture->db, &error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpint (dossier_source_get_kind (g_ptr_array_index (sources, 0)), ==, DOSSIER_SOURCE_KIND_OUTLET);
  g_assert_cmpuint (dossier_source_get_document_count (g_ptr_array_index (sources, 0)), ==, 1);

  g_assert_false (dossier_documents_update (fixture->db, fixture->document, &bad_date, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_documents_update (fixture->db, fixture->document, &empty_title, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_documents_update (fixture->db, 4242, &changes, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Titles and authors are one line, trimmed of any white space. */
  {
    DossierMetadata spaced = {
      .title = (char *)"\u00A0Water\u2003treaty:\n  the  countdown\u3000",
      .author = (char *)"\u2002Lucía   Benítez\u00A0",
    };
    DossierMetadata blank = { .title = (char *)"\u00A0\u2003\u3000" };
    DossierMetadata blank_author = { .author = (char *)"\u00A0\u2009" };
    g_autoptr(DossierDocument) respaced = NULL;
    g_autoptr(DossierDocument) no_author = NULL;

    g_assert_true (dossier_documents_update (fixture->db, fixture->document, &spaced, &error));
    g_assert_no_error (error);
    respaced = dossier_documents_get (fixture->db, fixture->document, &error);
    g_assert_cmpstr (dossier_document_get_title (respaced), ==, "Water treaty: the countdown");
    g_assert_cmpstr (dossier_document_get_author (respaced), ==, "Lucía Benítez");

    g_assert_false (dossier_documents_update (fixture->db, fixture->document, &blank, &error));
    g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
    g_clear_error (&error);

    g_assert_true (dossier_documents_update (fixture->db, fixture->document, &blank_author, &error));
    no_author = dossier_documents_get (fixture->db, fixture->document, &error);
    g_assert_null (dossier_document_get_author (no_author));
    g_assert_cmpstr (dossier_document_get_title (no_author), ==, "Water treaty: the countdown");
  }

  g_assert_true (dossier_documents_update (fixture->db, fixture->document, &clear, &error));
  cleared = dossier_documents_get (fixture->db, fixture->document, &error);
  g_assert_null (dossier_document_get_author (cleared));
  g_assert_null (dossier_document_get_outlet (cleared));
  g_assert_cmpstr (dossier_document_get_published (cleared), ==, "2025-03-14");
}

static void
test_document_sort_and_delete (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) by_date = NULL;
  g_autoptr(GPtrArray) by_title = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(DossierClaim) claim = NULL;
  DossierMetadata older = { .published = (char *)"2024-11-02" };
  DossierMetadata newer = { .published = (char *)"2025-06-30" };
  gint64 b, c;

  b = test_import_text (fixture->db, fixture->dir, "b.txt", "Aardvark notes\n\nA different body.");
  c = test_import_text (fixture->db, fixture->dir, "c.txt", "Zebra crossings\n\nYet another body.");
  dossier_documents_update (fixture->db, b, &older, &error);
  dossier_documents_update (fixture->db, c, &newer, &error);
  g_assert_no_error (error);

  by_date = dossier_documents_list (fixture->db, DOSSIER_DOCUMENT_SORT_DATE, &error);
  g_assert_cmpuint (by_date->len, ==, 3);
  g_assert_cmpint (dossier_document_get_id (g_ptr_array_index (by_date, 0)), ==, c);
  g_assert_cmpint (dossier_document_get_id (g_ptr_array_index (by_date, 1)), ==, b);
  g_assert_cmpint (dossier_document_get_id (g_ptr_array_index (by_date, 2)), ==, fixture->document);

  by_title = dossier_documents_list (fixture->db, DOSSIER_DOCUMENT_SORT_TITLE, &error);
  g_assert_cmpint (dossier_document_get_id (g_ptr_array_index (by_title, 0)), ==, b);

  claim = add_claim (fixture, fixture->document, "el plazo vence", "Water", NULL);
  g_assert_true (dossier_documents_delete (fixture->db, fixture->document, &error));
  g_assert_no_error (error);
  claims = dossier_claims_list (fixture->db, NULL, &error);
  g_assert_cmpuint (claims->len, ==, 0);
}

typedef struct
{
  guint  count;
  guint  what;
  gint64 document_id;
} Changes;

static void
on_changed (DossierDatabase *db,
            guint            what,
            gint64           document_id,
            Changes         *changes)
{
  changes->count++;
  changes->what = what;
  changes->document_id = document_id;
}

/* Undo of a delete: the claim comes back as it was, even when its speaker
 * and one of its themes were deleted in between. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *themes[] = { "Water", "Sovereignty", "Tariffs", NULL };
  const char *other_themes[] = { "Migration", NULL };
  DossierClaimFilter by_note = { .text = "deadline" };
  g_autoptr(DossierClaim) snapshot = NULL;
  g_autoptr(DossierClaim) restored = NULL;
  g_autoptr(DossierClaim) again = NULL;
  g_autoptr(DossierClaim) taker = NULL;
  g_autoptr(DossierClaim) moved = NULL;
  g_autoptr(DossierClaim) orphan = NULL;
  g_autoptr(DossierSource) speaker = NULL;
  g_autoptr(DossierTheme) theme = NULL;
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char * const *restored_themes;
  Changes changes = { 0 };
  gint64 id;

  snapshot = dossier_claims_create_from_quote (fixture->db, fixture->document, "el plazo vence en octubre",
                                               1, themes, "El embajador", "The deadline is October.", &error);
  g_assert_no_error (error);
  id = dossier_claim_get_id (snapshot);

  g_assert_true (dossier_claims_delete (fixture->db, id, &error));
  g_assert_no_error (error);

  /* Meanwhile the speaker and a theme go away. */
  speaker = dossier_sources_find (fixture->db, "El embajador", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_sources_delete (fixture->db, dossier_source_get_id (speaker), &error));
  theme = dossier_themes_find (fixture->db, "Sovereignty", &error);
  g_assert_no_error (error);
  g_assert_true (dossier_themes_delete (fixture->db, dossier_theme_get_id (theme), &error));
  g_assert_no_error (error);

  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed), &changes);
  restored = dossier_claims_restore (fixture->db, snapshot, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_true (changes.what & DOSSIER_CHANGE_CLAIMS);
  g_assert_cmpint (changes.document_id, ==, fixture->document);

  g_clear_object (&restored);
  restored = dossier_claims_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_claim_get_id (restored), ==, id);
  g_assert_cmpstr (dossier_claim_get_uuid (restored), ==, dossier_claim_get_uuid (snapshot));
  g_assert_cmpint (dossier_claim_get_document_id (restored), ==, fixture->document);
  g_assert_cmpuint (dossier_claim_get_start (restored), ==, dossier_claim_get_start (snapshot));
  g_assert_cmpuint (dossier_claim_get_end (restored), ==, dossier_claim_get_end (snapshot));
  g_assert_cmpstr (dossier_claim_get_quote (restored), ==, "el plazo vence en octubre");
  g_assert_cmpstr (dossier_claim_get_prefix (restored), ==, dossier_claim_get_prefix (snapshot));
  g_assert_cmpstr (dossier_claim_get_suffix (restored), ==, dossier_claim_get_suffix (snapshot));
  g_assert_cmpstr (dossier_claim_get_speaker (restored), ==, "El embajador");
  g_assert_cmpstr (dossier_claim_get_note (restored), ==, "The deadline is October.");
  g_assert_cmpstr (dossier_claim_get_created (restored), ==, dossier_claim_get_created (snapshot));
  g_assert_cmpstr (dossier_claim_get_updated (restored), ==, dossier_claim_get_updated (snapshot));
  restored_themes = dossier_claim_get_themes (restored);
  g_assert_cmpuint (g_strv_length ((char **)restored_themes), ==, 3);
  g_assert_cmpstr (restored_themes[0], ==, "Water");
  g_assert_cmpstr (restored_themes[1], ==, "Sovereignty");
  g_assert_cmpstr (restored_themes[2], ==, "Tariffs");

  /* Counted, searchable and consistent again. */
  document = dossier_documents_get (fixture->db, fixture->document, &error);
  g_assert_cmpuint (dossier_document_get_claim_count (document), ==, 1);
  found = dossier_claims_list (fixture->db, &by_note, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (dossier_database_check (fixture->db, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Twice is an error that changes nothing. */
  again = dossier_claims_restore (fixture->db, snapshot, &error);
  g_assert_null (again);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (changes.count, ==, 1);

  /* A claim created after the delete may take the old id: the restored
   * one keeps its uuid under a new id. */
  g_assert_true (dossier_claims_delete (fixture->db, id, &error));
  taker = dossier_claims_create_from_quote (fixture->db, fixture->document, "Sofía Ramírez repitió",
                                            1, other_themes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_claim_get_id (taker), ==, id);
  moved = dossier_claims_restore (fixture->db, snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_claim_get_id (moved), !=, id);
  g_assert_cmpstr (dossier_claim_get_uuid (moved), ==, dossier_claim_get_uuid (snapshot));
  g_assert_cmpstr (dossier_claim_get_note (moved), ==, "The deadline is October.");

  /* Without its document the claim cannot come back. */
  g_assert_true (dossier_claims_delete (fixture->db, dossier_claim_get_id (moved), &error));
  g_assert_true (dossier_documents_delete (fixture->db, fixture->document, &error));
  g_assert_no_error (error);
  orphan = dossier_claims_restore (fixture->db, snapshot, &error);
  g_assert_null (orphan);
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_signal_handlers_disconnect_by_func (fixture->db, on_changed, &changes);
}

/* Views follow edits through DossierDatabase::changed, emitted once per
 * committed operation and naming the document. */
static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(DossierClaim) edited = NULL;
  g_autoptr(DossierClaim) failed = NULL;
  g_autoptr(DossierTheme) theme = NULL;
  g_autoptr(DossierTheme) rivers = NULL;
  Changes changes = { 0 };

  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed), &changes);

  claim = add_claim (fixture, fixture->document, "el plazo vence", "Water", "El embajador");
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_true (changes.what & DOSSIER_CHANGE_CLAIMS);
  g_assert_cmpint (changes.document_id, ==, fixture->document);

  edited = dossier_claims_edit (fixture->db, dossier_claim_get_id (claim), NULL, NULL, NULL, "A note", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 2);
  g_assert_cmpint (changes.document_id, ==, fixture->document);

  /* A failed operation reports nothing. */
  failed = dossier_claims_create (fixture->db, fixture->document, 3, 3, NULL, NULL, NULL, &error);
  g_assert_null (failed);
  g_clear_error (&error);
  g_assert_cmpuint (changes.count, ==, 2);

  theme = dossier_themes_find (fixture->db, "Water", &error);
  rivers = dossier_themes_ensure (fixture->db, "Rivers", &error);
  g_assert_true (dossier_themes_merge (fixture->db, dossier_theme_get_id (theme),
                                       dossier_theme_get_id (rivers), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.count, ==, 4);       /* ensure, then merge */
  g_assert_true (changes.what & DOSSIER_CHANGE_THEMES);

  g_assert_true (dossier_claims_delete (fixture->db, dossier_claim_get_id (claim), &error));
  g_assert_cmpuint (changes.count, ==, 5);
  g_assert_cmpint (changes.document_id, ==, fixture->document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/claims/create-from-range", test_create_from_range);
  ADD ("/claims/create-from-quote", test_create_from_quote);
  ADD ("/claims/create-refuses-bad-ranges", test_create_refuses_bad_ranges);
  ADD ("/claims/edit-and-delete", test_edit_and_delete);
  ADD ("/claims/list-filters", test_list_filters);
  ADD ("/claims/themes", test_themes);
  ADD ("/claims/sources", test_sources);
  ADD ("/claims/changed-signal", test_changed_signal);
  ADD ("/claims/restore", test_restore);
  ADD ("/documents/metadata", test_document_metadata);
  ADD ("/documents/sort-and-delete", test_document_sort_and_delete);

#undef ADD

  return g_test_run ();
}
