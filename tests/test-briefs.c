/* test-briefs.c — briefs and their items in the store
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-utils.h"

/* Written for these tests. */
static const char *body_text =
  "River Board Meets on Drought Plan\n"
  "\n"
  "The board said reservoirs stand at a third of capacity. "
  "A spokesperson added that rationing would start in May. "
  "Farmers asked for a delay.";

typedef struct
{
  char            *dir;
  DossierDatabase *db;
  gint64           document;
  gint64           claims[3];
  guint            changes;
  guint            brief_changes;
} Fixture;

static void
on_changed (DossierDatabase *db,
            guint            what,
            gint64           document_id,
            Fixture         *fixture)
{
  fixture->changes++;
  if (what & DOSSIER_CHANGE_BRIEFS)
    fixture->brief_changes++;
}

static gint64
add_claim (Fixture    *fixture,
           const char *quote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) claim = dossier_claims_create_from_quote (fixture->db, fixture->document, quote, 1,
                                                                    NULL, NULL, NULL, &error);

  g_assert_no_error (error);

  return dossier_claim_get_id (claim);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_open_database (&fixture->dir);
  fixture->document = test_import_text (fixture->db, fixture->dir, "board.txt", body_text);
  fixture->claims[0] = add_claim (fixture, "reservoirs stand at a third of capacity");
  fixture->claims[1] = add_claim (fixture, "rationing would start in May");
  fixture->claims[2] = add_claim (fixture, "Farmers asked for a delay.");
  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->dir, g_free);
}

static gint64
new_brief (Fixture    *fixture,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierBrief) brief = dossier_briefs_create (fixture->db, title, NULL, &error);

  g_assert_no_error (error);

  return dossier_brief_get_id (brief);
}

/* The items as "H:text", "C:claim-id:text", "T:text", joined by "|",
 * checking that positions are 0 … n-1. */
static char *
describe (Fixture *fixture,
          gint64   brief_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = dossier_briefs_get_items (fixture->db, brief_id, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);

  for (guint i = 0; i < items->len; i++)
    {
      DossierBriefItem *item = g_ptr_array_index (items, i);

      g_assert_cmpuint (dossier_brief_item_get_position (item), ==, i);
      g_assert_cmpint (dossier_brief_item_get_brief_id (item), ==, brief_id);
      g_assert_nonnull (dossier_brief_item_get_uuid (item));

      if (i > 0)
        g_string_append_c (out, '|');

      switch (dossier_brief_item_get_kind (item))
        {
        case DOSSIER_BRIEF_ITEM_HEADING:
          g_assert_null (dossier_brief_item_get_claim (item));
          g_string_append_printf (out, "H:%s", dossier_brief_item_get_text (item));
          break;
        case DOSSIER_BRIEF_ITEM_CLAIM:
          g_assert_nonnull (dossier_brief_item_get_claim (item));
          g_assert_cmpint (dossier_claim_get_id (dossier_brief_item_get_claim (item)), ==,
                           dossier_brief_item_get_claim_id (item));
          g_string_append_printf (out, "C:%" G_GINT64_FORMAT ":%s",
                                  dossier_brief_item_get_claim_id (item), dossier_brief_item_get_text (item));
          break;
        case DOSSIER_BRIEF_ITEM_TEXT:
          g_assert_null (dossier_brief_item_get_claim (item));
          g_string_append_printf (out, "T:%s", dossier_brief_item_get_text (item));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
item_id_at (Fixture *fixture,
            gint64   brief_id,
            guint    position)
{
  g_autoptr(GPtrArray) items = dossier_briefs_get_items (fixture->db, brief_id, NULL);

  g_assert_nonnull (items);
  g_assert_cmpuint (position, <, items->len);

  return dossier_brief_item_get_id (g_ptr_array_index (items, position));
}

static void
test_create_rename (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(DossierBrief) again = NULL;
  g_autoptr(GPtrArray) briefs = NULL;

  brief = dossier_briefs_create (fixture->db, "  Water outlook  ", "Where the treaty stands.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_brief_get_title (brief), ==, "Water outlook");
  g_assert_cmpstr (dossier_brief_get_summary (brief), ==, "Where the treaty stands.");
  g_assert_true (g_uuid_string_is_valid (dossier_brief_get_uuid (brief)));
  g_assert_nonnull (dossier_brief_get_created (brief));
  g_assert_cmpuint (fixture->brief_changes, ==, 1);

  g_assert_true (dossier_briefs_set_title (fixture->db, dossier_brief_get_id (brief), "Q3 memo", &error));
  g_assert_no_error (error);
  g_assert_true (dossier_briefs_set_summary (fixture->db, dossier_brief_get_id (brief), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->brief_changes, ==, 3);

  again = dossier_briefs_get (fixture->db, dossier_brief_get_id (brief), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_brief_get_title (again), ==, "Q3 memo");
  g_assert_cmpstr (dossier_brief_get_summary (again), ==, "");

  /* Bad titles and ids change nothing and emit nothing. */
  g_assert_false (dossier_briefs_set_title (fixture->db, dossier_brief_get_id (brief), "  ", &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_briefs_set_title (fixture->db, dossier_brief_get_id (brief), "two\nlines", &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_briefs_set_title (fixture->db, 9999, "Missing", &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dossier_briefs_create (fixture->db, "", NULL, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->brief_changes, ==, 3);

  new_brief (fixture, "apple notes");
  briefs = dossier_briefs_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (briefs->len, ==, 2);
  g_assert_cmpstr (dossier_brief_get_title (g_ptr_array_index (briefs, 0)), ==, "apple notes");
  g_assert_cmpstr (dossier_brief_get_title (g_ptr_array_index (briefs, 1)), ==, "Q3 memo");
}

static void
test_items_and_sections (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 brief = new_brief (fixture, "Drought");
  gint64 other = new_brief (fixture, "Other");
  DossierBriefItem *item;

  g_assert_nonnull ((item = dossier_briefs_add_heading (fixture->db, brief, "Reservoirs", &error)));
  g_assert_no_error (error);
  g_assert_cmpint (dossier_brief_item_get_kind (item), ==, DOSSIER_BRIEF_ITEM_HEADING);
  g_object_unref (item);
  g_object_unref (dossier_briefs_add_heading (fixture->db, brief, "Rationing", &error));
  g_assert_no_error (error);

  /* At the end of a section: before the next heading. */
  g_object_unref (dossier_briefs_add_claim (fixture->db, brief, fixture->claims[0], "Low.", "reservoirs ", &error));
  g_assert_no_error (error);
  g_object_unref (dossier_briefs_add_text (fixture->db, brief, "More soon.", "Reservoirs", &error));
  g_assert_no_error (error);
  /* At the end of the last section: the end of the brief. */
  g_object_unref (dossier_briefs_add_claim (fixture->db, brief, fixture->claims[1], NULL, "RATIONING", &error));
  g_assert_no_error (error);
  /* Without a section: the end. */
  g_object_unref (dossier_briefs_add_text (fixture->db, brief, "The end.", NULL, &error));
  g_assert_no_error (error);

  text = describe (fixture, brief);
  g_assert_cmpstr (text, ==,
                   "H:Reservoirs|C:1:Low.|T:More soon.|H:Rationing|C:2:|T:The end.");

  /* The same claim may appear twice, and in another brief. */
  g_object_unref (dossier_briefs_add_claim (fixture->db, other, fixture->claims[0], NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = describe (fixture, other);
  g_assert_cmpstr (text, ==, "C:1:");

  /* Errors leave the brief as it was. */
  g_assert_null (dossier_briefs_add_claim (fixture->db, brief, 9999, NULL, NULL, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dossier_briefs_add_text (fixture->db, brief, "x", "No such section", &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "No such section"));
  g_clear_error (&error);
  g_assert_null (dossier_briefs_add_text (fixture->db, brief, " \n ", NULL, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (dossier_briefs_add_heading (fixture->db, 9999, "Lost", &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dossier_briefs_get_items (fixture->db, 9999, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&text, g_free);
  text = describe (fixture, brief);
  g_assert_cmpstr (text, ==,
                   "H:Reservoirs|C:1:Low.|T:More soon.|H:Rationing|C:2:|T:The end.");
}

static void
test_move_edit_remove (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 brief = new_brief (fixture, "Order");
  guint changes;

  g_object_unref (dossier_briefs_add_heading (fixture->db, brief, "A", &error));
  g_object_unref (dossier_briefs_add_claim (fixture->db, brief, fixture->claims[0], NULL, NULL, &error));
  g_object_unref (dossier_briefs_add_text (fixture->db, brief, "t", NULL, &error));
  g_object_unref (dossier_briefs_add_claim (fixture->db, brief, fixture->claims[1], NULL, NULL, &error));
  g_assert_no_error (error);

  /* Last to first, first to last, and to the same place. */
  g_assert_true (dossier_briefs_move_item (fixture->db, item_id_at (fixture, brief, 3), 0, &error));
  g_assert_no_error (error);
  text = describe (fixture, brief);
  g_assert_cmpstr (text, ==, "C:2:|H:A|C:1:|T:t");
  g_clear_pointer (&text, g_free);

  g_assert_true (dossier_briefs_move_item (fixture->db, item_id_at (fixture, brief, 0), 3, &error));
  text = describe (fixture, brief);
  g_assert_cmpstr (text, ==, "H:A|C:1:|T:t|C:2:");
  g_clear_pointer (&text, g_free);

  g_assert_true (dossier_briefs_move_item (fixture->db, item_id_at (fixture, brief, 2), 1, &error));
  g_assert_true (dossier_briefs_move_item (fixture->db, item_id_at (fixture, brief, 1), 1, &error));
  g_assert_no_error (error);
  text = describe (fixture, brief);
  g_assert_cmpstr (text, ==, "H:A|T:t|C:1:|C:2:");
  g_clear_pointer (&text, g_free);

  changes = fixture->brief_changes;
  g_assert_false (dossier_briefs_move_item (fixture->db, item_id_at (fixture, brief, 0), 4, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_briefs_move_item (fixture->db, 9999, 0, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->brief_changes, ==, changes);

  /* Editing: heading, free text, commentary. */
  g_assert_true (dossier_briefs_set_item_text (fixture->db, item_id_at (fixture, brief, 0), " Intro ", &error));
  g_assert_true (dossier_briefs_set_item_text (fixture->db, item_id_at (fixture, brief, 1), "Two\n\nparagraphs", &error));
  g_assert_true (dossier_briefs_set_item_text (fixture->db, item_id_at (fixture, brief, 2), "Why it matters.", &error));
  g_assert_no_error (error);
  text = describe (fixture, brief);
  g_assert_cmpstr (text, ==, "H:Intro|T:Two\n\nparagraphs|C:1:Why it matters.|C:2:");
  g_clear_pointer (&text, g_free);
  g_assert_true (dossier_briefs_set_item_text (fixture->db, item_id_at (fixture, brief, 2), "", &error));
  g_assert_false (dossier_briefs_set_item_text (fixture->db, item_id_at (fixture, brief, 0), "", &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dossier_briefs_set_item_text (fixture->db, item_id_at (fixture, brief, 1), "  ", &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Removing renumbers densely. */
  g_assert_true (dossier_briefs_remove_item (fixture->db, item_id_at (fixture, brief, 1), &error));
  g_assert_no_error (error);
  text = describe (fixture, brief);
  g_assert_cmpstr (text, ==, "H:Intro|C:1:|C:2:");
  g_clear_pointer (&text, g_free);
  g_assert_true (dossier_briefs_remove_item (fixture->db, item_id_at (fixture, brief, 0), &error));
  text = describe (fixture, brief);
  g_assert_cmpstr (text, ==, "C:1:|C:2:");
  g_clear_pointer (&text, g_free);
  g_assert_false (dossier_briefs_remove_item (fixture->db, 9999, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Adding after removals goes at the end, still dense. */
  g_object_unref (dossier_briefs_add_text (fixture->db, brief, "end", NULL, &error));
  g_assert_no_error (error);
  text = describe (fixture, brief);
  g_assert_cmpstr (text, ==, "C:1:|C:2:|T:end");
}

static void
test_duplicate_delete (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierBrief) copy = NULL;
  g_autoptr(DossierBrief) named = NULL;
  g_autoptr(GPtrArray) original_items = NULL;
  g_autoptr(GPtrArray) copy_items = NULL;
  g_autofree char *original_text = NULL;
  g_autofree char *copy_text = NULL;
  gint64 brief = new_brief (fixture, "Source");
  g_autoptr(DossierBrief) original = NULL;

  g_assert_true (dossier_briefs_set_summary (fixture->db, brief, "Summary.", &error));
  g_object_unref (dossier_briefs_add_heading (fixture->db, brief, "A", &error));
  g_object_unref (dossier_briefs_add_claim (fixture->db, brief, fixture->claims[2], "Comment", NULL, &error));
  g_object_unref (dossier_briefs_add_text (fixture->db, brief, "t", NULL, &error));
  g_assert_no_error (error);

  copy = dossier_briefs_duplicate (fixture->db, brief, NULL, &error);
  g_assert_no_error (error);
  original = dossier_briefs_get (fixture->db, brief, &error);
  g_assert_cmpstr (dossier_brief_get_title (copy), ==, "Source (copy)");
  g_assert_cmpstr (dossier_brief_get_summary (copy), ==, "Summary.");
  g_assert_cmpstr (dossier_brief_get_uuid (copy), !=, dossier_brief_get_uuid (original));

  original_text = describe (fixture, brief);
  copy_text = describe (fixture, dossier_brief_get_id (copy));
  g_assert_cmpstr (copy_text, ==, original_text);

  original_items = dossier_briefs_get_items (fixture->db, brief, &error);
  copy_items = dossier_briefs_get_items (fixture->db, dossier_brief_get_id (copy), &error);
  for (guint i = 0; i < original_items->len; i++)
    {
      DossierBriefItem *a = g_ptr_array_index (original_items, i);
      DossierBriefItem *b = g_ptr_array_index (copy_items, i);

      g_assert_cmpstr (dossier_brief_item_get_uuid (a), !=, dossier_brief_item_get_uuid (b));
      g_assert_cmpint (dossier_brief_item_get_id (a), !=, dossier_brief_item_get_id (b));
    }

  named = dossier_briefs_duplicate (fixture->db, brief, "Named", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_brief_get_title (named), ==, "Named");
  g_assert_null (dossier_briefs_duplicate (fixture->db, 9999, NULL, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting one brief leaves the copies and the claim. */
  g_assert_true (dossier_briefs_delete (fixture->db, brief, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_briefs_get (fixture->db, brief, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dossier_briefs_delete (fixture->db, brief, &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&copy_text, g_free);
  copy_text = describe (fixture, dossier_brief_get_id (copy));
  g_assert_cmpstr (copy_text, ==, original_text);
  g_object_unref (dossier_claims_get (fixture->db, fixture->claims[2], &error));
  g_assert_no_error (error);
}

static void
test_claim_deletion (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) claim = NULL;
  gint64 water = new_brief (fixture, "Water outlook");
  gint64 memo = new_brief (fixture, "Q3 memo");
  g_autofree char *expected_two = NULL;
  g_autofree char *expected_one = NULL;
  guint changes;

  g_object_unref (dossier_briefs_add_claim (fixture->db, water, fixture->claims[0], NULL, NULL, &error));
  g_object_unref (dossier_briefs_add_claim (fixture->db, memo, fixture->claims[0], NULL, NULL, &error));
  g_object_unref (dossier_briefs_add_claim (fixture->db, memo, fixture->claims[0], NULL, NULL, &error));
  g_assert_no_error (error);

  changes = fixture->changes;
  expected_two = g_strdup_printf ("Claim %" G_GINT64_FORMAT " is used in the briefs “Q3 memo” and “Water outlook”: "
                                  "remove it from them first", fixture->claims[0]);
  g_assert_false (dossier_claims_delete (fixture->db, fixture->claims[0], &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==, expected_two);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changes, ==, changes);

  claim = dossier_claims_get (fixture->db, fixture->claims[0], &error);
  g_assert_no_error (error);
  g_assert_nonnull (claim);

  g_assert_true (dossier_briefs_delete (fixture->db, memo, &error));
  expected_one = g_strdup_printf ("Claim %" G_GINT64_FORMAT " is used in the brief “Water outlook”: "
                                  "remove it from the brief first", fixture->claims[0]);
  g_assert_false (dossier_claims_delete (fixture->db, fixture->claims[0], &error));
  g_assert_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==, expected_one);
  g_clear_error (&error);

  /* Once removed from the brief, it can go. */
  g_assert_true (dossier_briefs_remove_item (fixture->db, item_id_at (fixture, water, 0), &error));
  g_assert_true (dossier_claims_delete (fixture->db, fixture->claims[0], &error));
  g_assert_no_error (error);

  /* Claims never in a brief delete as before. */
  g_assert_true (dossier_claims_delete (fixture->db, fixture->claims[1], &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/briefs/create-rename", test_create_rename);
  ADD ("/briefs/items-and-sections", test_items_and_sections);
  ADD ("/briefs/move-edit-remove", test_move_edit_remove);
  ADD ("/briefs/duplicate-delete", test_duplicate_delete);
  ADD ("/briefs/claim-deletion", test_claim_deletion);

#undef ADD

  return g_test_run ();
}
