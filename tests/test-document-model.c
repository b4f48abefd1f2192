/* test-document-model.c — DossierDocumentModel: order, filters, paging, changes
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-utils.h"

typedef struct
{
  char            *dir;
  DossierDatabase *db;
  gint64           levee;    /* Gulf Ledger, 2025-05-02 */
  gint64           aquifer;  /* Hemisphere Review, 2025-06-10 */
  gint64           tariffs;  /* Gulf Ledger, 2024-11-30 */
  gint64           undated;  /* no outlet, no date */
  gint64           gulf;     /* the Gulf Ledger source */
  gint64           hemisphere;
} Fixture;

static gint64
import_markdown (Fixture    *fixture,
                 const char *name,
                 const char *title,
                 const char *outlet,
                 const char *date,
                 const char *body)
{
  g_autoptr(GString) text = g_string_new ("---\n");

  g_string_append_printf (text, "title: %s\n", title);
  if (outlet != NULL)
    g_string_append_printf (text, "outlet: %s\n", outlet);
  if (date != NULL)
    g_string_append_printf (text, "date: %s\n", date);
  g_string_append_printf (text, "---\n\n%s\n", body);

  return test_import_text (fixture->db, fixture->dir, name, text->str);
}

static gint64
source_id (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSource) source = dossier_sources_find (fixture->db, name, &error);

  g_assert_no_error (error);

  return dossier_source_get_id (source);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_open_database (&fixture->dir);
  fixture->levee = import_markdown (fixture, "levee.md", "Levee repairs fall behind", "Gulf Ledger", "2025-05-02",
                                    "Engineers said two of five levee sections will not be ready. "
                                    "District chief Helena Fuentes spoke at the site.");
  fixture->aquifer = import_markdown (fixture, "aquifer.md", "aquifer permits frozen", "Hemisphere Review", "2025-06-10",
                                      "The state froze new well permits pending a study by Sofía Núñez.");
  fixture->tariffs = import_markdown (fixture, "tariffs.md", "Tariff threats over water debt", "Gulf Ledger", "2024-11-30",
                                      "Officials warned that tariffs would not make rain fall.");
  fixture->undated = import_markdown (fixture, "notes.md", "Briefing notes", NULL, NULL,
                                      "Loose notes without a date or an outlet about levee funding.");
  fixture->gulf = source_id (fixture, "Gulf Ledger");
  fixture->hemisphere = source_id (fixture, "Hemisphere Review");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->dir, g_free);
}

/* The ids in the model, as "1,2,3", read through get_item. */
static char *
model_ids (GListModel *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", dossier_document_get_id (document));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
expected_ids (gint64 first,
              ...)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? "," : "", id);
  va_end (args);

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_ids(model, ...)                                            \
  G_STMT_START {                                                          \
    g_autofree char *got_ = model_ids (G_LIST_MODEL (model));             \
    g_autofree char *want_ = expected_ids (__VA_ARGS__, (gint64)0);       \
    g_assert_cmpstr (got_, ==, want_);                                    \
  } G_STMT_END

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DossierDocumentModel) model = dossier_document_model_new (fixture->db);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == DOSSIER_TYPE_DOCUMENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 4));

  /* Newest first, undated last. */
  assert_ids (model, fixture->aquifer, fixture->levee, fixture->tariffs, fixture->undated);

  /* Titles ignore case. */
  dossier_document_model_set_sort (model, DOSSIER_DOCUMENT_SORT_TITLE);
  assert_ids (model, fixture->aquifer, fixture->undated, fixture->levee, fixture->tariffs);

  /* By outlet name, newest first within one, no outlet last. */
  g_object_set (model, "sort", DOSSIER_DOCUMENT_SORT_OUTLET, NULL);
  assert_ids (model, fixture->levee, fixture->tariffs, fixture->aquifer, fixture->undated);

  /* The same orders as dossier_documents_list(). */
  for (guint sort = DOSSIER_DOCUMENT_SORT_DATE; sort <= DOSSIER_DOCUMENT_SORT_OUTLET; sort++)
    {
      g_autoptr(GPtrArray) documents = dossier_documents_list (fixture->db, sort, NULL);

      dossier_document_model_set_sort (model, sort);
      for (guint i = 0; i < documents->len; i++)
        g_assert_cmpint (dossier_document_model_get_document_id (model, i), ==,
                         dossier_document_get_id (g_ptr_array_index (documents, i)));
    }

  g_assert_cmpuint (dossier_document_model_find (model, fixture->undated), ==, 3);
  g_assert_cmpuint (dossier_document_model_find (model, 9999), ==, G_MAXUINT);
  g_assert_cmpint (dossier_document_model_get_document_id (model, 4), ==, 0);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DossierDocumentModel) model = dossier_document_model_new (fixture->db);
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = 0;

  g_assert_false (dossier_document_model_get_filtered (model));

  dossier_document_model_set_outlet_id (model, fixture->gulf);
  g_assert_true (dossier_document_model_get_filtered (model));
  assert_ids (model, fixture->levee, fixture->tariffs);
  g_object_get (model, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 2);

  /* Text and outlet together. */
  dossier_document_model_set_text (model, "levee");
  assert_ids (model, fixture->levee);
  dossier_document_model_set_outlet_id (model, 0);
  assert_ids (model, fixture->levee, fixture->undated);

  /* A word only in a body, without its accents. */
  dossier_document_model_set_text (model, "nunez");
  assert_ids (model, fixture->aquifer);
  dossier_document_model_set_text (model, "Núñez");
  assert_ids (model, fixture->aquifer);
  g_assert_cmpstr (dossier_document_model_get_text (model), ==, "Núñez");

  /* Prefixes, and words that are FTS5 syntax are searched as words. */
  dossier_document_model_set_text (model, "tarif*");
  assert_ids (model, fixture->tariffs);
  dossier_document_model_set_text (model, "NEAR(levee");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  dossier_document_model_set_text (model, "zeppelin");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* Nothing searchable, or nothing at all, lists everything. */
  dossier_document_model_set_text (model, "  “ ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  g_assert_false (dossier_document_model_get_filtered (model));
  dossier_document_model_set_text (model, "");
  g_assert_null (dossier_document_model_get_text (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);

  /* The outlets that published something, by name. */
  outlets = dossier_documents_list_outlets (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outlets->len, ==, 2);
  g_assert_cmpstr (dossier_source_get_name (g_ptr_array_index (outlets, 0)), ==, "Gulf Ledger");
  g_assert_cmpint (dossier_source_get_id (g_ptr_array_index (outlets, 1)), ==, fixture->hemisphere);
}

static void
test_core_ids (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  gint64 wanted[] = { fixture->tariffs, 4242, fixture->levee, fixture->tariffs };
  gint64 last, first = -1;

  g_assert_true (dossier_documents_list_ids (fixture->db, DOSSIER_DOCUMENT_SORT_TITLE, fixture->gulf,
                                             "rain", &ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, fixture->tariffs);

  /* In the order asked, unknown ids skipped, repeats once. */
  documents = dossier_documents_get_many (fixture->db, wanted, G_N_ELEMENTS (wanted), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  g_assert_cmpint (dossier_document_get_id (g_ptr_array_index (documents, 0)), ==, fixture->tariffs);
  g_assert_cmpint (dossier_document_get_id (g_ptr_array_index (documents, 1)), ==, fixture->levee);
  g_assert_cmpstr (dossier_document_get_outlet (g_ptr_array_index (documents, 1)), ==, "Gulf Ledger");

  last = dossier_documents_get_last_id (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (last, ==, fixture->undated);
  g_assert_cmpuint (dossier_documents_count_after (fixture->db, fixture->levee, &first, &error), ==, 3);
  g_assert_cmpint (first, ==, fixture->aquifer);
  g_assert_cmpuint (dossier_documents_count_after (fixture->db, last, &first, &error), ==, 0);
  g_assert_cmpint (first, ==, 0);
  g_assert_no_error (error);
}

static void
test_paging (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *corpus = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&dir);
  g_autoptr(DossierDocumentModel) model = NULL;
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierDocument) first = NULL;
  g_autoptr(DossierDocument) again = NULL;
  const char *paths[2] = { NULL, NULL };
  guint positions[] = { 0, 99, 100, 101, 199, 500, 998, 999, 0, 350 };

  corpus = g_build_filename (dir, "corpus", NULL);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%04u.md", i);
      g_autofree char *text = g_strdup_printf ("---\ntitle: Report %04u\ndate: 20%02u-%02u-%02u\n---\n\n"
                                               "Body of report number %u.\n",
                                               i, 10 + i % 15, 1 + i % 12, 1 + i % 28, i);
      g_free (test_write_file (corpus, name, text, -1));
    }
  paths[0] = corpus;
  report = dossier_import (db, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 1000);

  model = dossier_document_model_new (db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000);

  documents = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_DATE, &error);
  g_assert_no_error (error);

  /* Across page boundaries, in any order, each item is the right one. */
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (G_LIST_MODEL (model), positions[i]);
      DossierDocument *expected = g_ptr_array_index (documents, positions[i]);

      g_assert_cmpint (dossier_document_get_id (document), ==, dossier_document_get_id (expected));
      g_assert_cmpstr (dossier_document_get_title (document), ==, dossier_document_get_title (expected));
      g_assert_cmpstr (dossier_document_get_published (document), ==, dossier_document_get_published (expected));
    }

  /* Asked twice, the same object. */
  first = g_list_model_get_item (G_LIST_MODEL (model), 250);
  again = g_list_model_get_item (G_LIST_MODEL (model), 250);
  g_assert_true (first == again);

  /* Walking the whole list pages through it; a document still held
   * survives the pages being dropped and is handed out again. */
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (dossier_document_get_id (document), ==,
                       dossier_document_get_id (g_ptr_array_index (documents, i)));
    }
  g_clear_object (&again);
  again = g_list_model_get_item (G_LIST_MODEL (model), 250);
  g_assert_true (first == again);
}

typedef struct
{
  guint    n_items;   /* what the model held before the emission */
  GString *log;
} EmissionLog;

static void
record_emission (GListModel  *model,
                 guint        position,
                 guint        removed,
                 guint        added,
                 EmissionLog *log)
{
  /* GListModel's contract: the new count is the old one less what went
   * plus what came, already when the signal is emitted. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, log->n_items - removed + added);
  log->n_items = g_list_model_get_n_items (model);
  g_string_append_printf (log->log, "%s%u-%u+%u%s", log->log->len > 0 ? " " : "",
                          position, removed, added,
                          dossier_document_model_get_replacing (DOSSIER_DOCUMENT_MODEL (model)) ? "r" : "");
}

/* A re-sort of more than a thousand documents is told as a removal, then
 * an addition (GTK 4.8's list view would otherwise make every added item
 * to look for the rows it tracks); the result is the new order. */
static void
test_replace_in_two (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *corpus = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&dir);
  g_autoptr(DossierDocumentModel) model = NULL;
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GPtrArray) by_title = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[2] = { NULL, NULL };
  EmissionLog log = { 0, g_string_new (NULL) };

  corpus = g_build_filename (dir, "corpus", NULL);
  for (guint i = 0; i < 1200; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%04u.md", i);
      g_autofree char *text = g_strdup_printf ("---\ntitle: Report %04u\ndate: 20%02u-%02u-%02u\n---\n\n"
                                               "Body of report number %u.\n",
                                               (i * 7919) % 1200, 10 + i % 15, 1 + i % 12, 1 + i % 28, i);
      g_free (test_write_file (corpus, name, text, -1));
    }
  paths[0] = corpus;
  report = dossier_import (db, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 1200);

  model = dossier_document_model_new (db);
  log.n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (record_emission), &log);

  dossier_document_model_set_sort (model, DOSSIER_DOCUMENT_SORT_TITLE);
  g_test_message ("emissions: %s", log.log->str);
  g_assert_true (g_regex_match_simple ("^[0-9]+-[0-9]+\\+0r [0-9]+-0\\+[0-9]+$", log.log->str, 0, 0));
  g_assert_false (dossier_document_model_get_replacing (model));

  by_title = dossier_documents_list (db, DOSSIER_DOCUMENT_SORT_TITLE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, by_title->len);
  for (guint i = 0; i < by_title->len; i++)
    {
      g_autoptr(DossierDocument) document = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (dossier_document_get_id (document), ==,
                       dossier_document_get_id (g_ptr_array_index (by_title, i)));
    }

  g_string_free (log.log, TRUE);
}

/* A search that finds thousands of documents takes another path (the
 * ordered index, kept where it hits) than one that finds a few (the hits,
 * sorted): both give the same order as the unfiltered list. */
static void
test_many_hits (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *corpus = NULL;
  g_autoptr(DossierDatabase) db = test_open_database (&dir);
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GHashTable) even = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  const char *paths[2] = { NULL, NULL };
  const char *outlets[] = { "Gulf Ledger", "Hemisphere Review", NULL };
  g_autoptr(DossierSource) gulf = NULL;
  gint64 outlet_id;

  corpus = g_build_filename (dir, "corpus", NULL);
  for (guint i = 0; i < 2600; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%04u.md", i);
      g_autofree char *text = NULL;

      text = g_strdup_printf ("---\ntitle: %s %04u\n%s%s%s%s---\n\n"
                              "Dispatch %u on the canal, %s.\n",
                              i % 3 ? "Report" : "brief", (i * 7919) % 2600,
                              outlets[i % 3] ? "outlet: " : "", outlets[i % 3] ? outlets[i % 3] : "",
                              outlets[i % 3] ? "\n" : "",
                              i % 5 ? "date: 2025-03-04\n" : "",
                              i, i % 2 ? "odd" : "even");
      g_free (test_write_file (corpus, name, text, -1));
    }
  paths[0] = corpus;
  report = dossier_import (db, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 2600);

  for (guint i = 0; i < report->results->len; i++)
    {
      DossierImportResult *result = g_ptr_array_index (report->results, i);

      if (g_str_has_suffix (result->path, "0.md") || g_str_has_suffix (result->path, "2.md") ||
          g_str_has_suffix (result->path, "4.md") || g_str_has_suffix (result->path, "6.md") ||
          g_str_has_suffix (result->path, "8.md"))
        g_hash_table_add (even, &result->document);
    }
  g_assert_cmpuint (g_hash_table_size (even), ==, 1300);

  gulf = dossier_sources_find (db, "Gulf Ledger", &error);
  g_assert_no_error (error);
  outlet_id = dossier_source_get_id (gulf);

  for (guint sort = DOSSIER_DOCUMENT_SORT_DATE; sort <= DOSSIER_DOCUMENT_SORT_OUTLET; sort++)
    for (guint filtered = 0; filtered < 2; filtered++)
      {
        gint64 outlet = filtered ? outlet_id : 0;
        g_autoptr(GArray) all = NULL;
        g_autoptr(GArray) canal = NULL;
        g_autoptr(GArray) evens = NULL;
        guint k = 0;

        g_assert_true (dossier_documents_list_ids (db, sort, outlet, NULL, &all, &error));
        g_assert_true (dossier_documents_list_ids (db, sort, outlet, "canal", &canal, &error));
        g_assert_true (dossier_documents_list_ids (db, sort, outlet, "even", &evens, &error));
        g_assert_no_error (error);

        /* Every document says "canal": the ordered path, all kept. */
        g_assert_cmpuint (all->len, ==, filtered ? 867 : 2600);
        g_assert_cmpmem (canal->data, canal->len * sizeof (gint64), all->data, all->len * sizeof (gint64));

        /* Half say "even": in the same order as the whole list. */
        for (guint i = 0; i < all->len; i++)
          if (g_hash_table_contains (even, &g_array_index (all, gint64, i)))
            {
              g_assert_cmpuint (k, <, evens->len);
              g_assert_cmpint (g_array_index (evens, gint64, k), ==, g_array_index (all, gint64, i));
              k++;
            }
        g_assert_cmpuint (k, ==, evens->len);
      }
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

/* "items-changing" comes first, with the same arguments, while the
 * model still has its old items. */
static void
on_items_changing (DossierDocumentModel *model,
                   guint                 position,
                   guint                 removed,
                   guint                 added,
                   ItemsChanged         *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
  g_object_set_data (G_OBJECT (model), "n-before", GUINT_TO_POINTER (g_list_model_get_n_items (G_LIST_MODEL (model))));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_changes (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DossierDocumentModel) model = dossier_document_model_new (fixture->db);
  g_autoptr(DossierDocument) held = NULL;
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(DossierMetadata) changes = dossier_metadata_new ();
  g_autoptr(GError) error = NULL;
  ItemsChanged record = { 0 };
  ItemsChanged changing = { 0 };
  guint title_notifies = 0, count_notifies = 0;
  gint64 added_id;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &record);
  g_signal_connect (model, "items-changing", G_CALLBACK (on_items_changing), &changing);

  /* date order: aquifer, levee, tariffs, undated */
  held = g_list_model_get_item (G_LIST_MODEL (model), 2);
  g_assert_cmpint (dossier_document_get_id (held), ==, fixture->tariffs);
  g_signal_connect (held, "notify::title", G_CALLBACK (count_notify), &title_notifies);
  g_signal_connect (held, "notify::claim-count", G_CALLBACK (count_notify), &count_notifies);

  /* A new document lands between levee and tariffs: one insertion. */
  added_id = import_markdown (fixture, "new.md", "Dam talks resume", "Gulf Ledger", "2025-01-15",
                              "Negotiators met again.");
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpint (dossier_document_model_get_document_id (model, 2), ==, added_id);
  assert_ids (model, fixture->aquifer, fixture->levee, added_id, fixture->tariffs, fixture->undated);
  g_assert_cmpuint (changing.calls, ==, 1);
  g_assert_cmpmem (&changing.position, 3 * sizeof (guint), &record.position, 3 * sizeof (guint));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (model), "n-before")), ==, 4);

  /* A claim changes a count, not the order: no items-changed, and the
   * document already handed out shows the new count. */
  claim = dossier_claims_create_from_quote (fixture->db, fixture->tariffs, "tariffs would not make rain fall",
                                            1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (count_notifies, ==, 1);
  g_assert_cmpuint (dossier_document_get_claim_count (held), ==, 1);

  /* An edit that moves a document: one change over the rows between. */
  changes->published = g_strdup ("2025-12-01");
  changes->title = g_strdup ("Tariff threats, revisited");
  g_assert_true (dossier_documents_update (fixture->db, fixture->tariffs, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.calls, ==, 2);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 4);
  g_assert_cmpuint (record.added, ==, 4);
  assert_ids (model, fixture->tariffs, fixture->aquifer, fixture->levee, added_id, fixture->undated);
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_cmpstr (dossier_document_get_title (held), ==, "Tariff threats, revisited");
  g_assert_cmpstr (dossier_document_get_published (held), ==, "2025-12-01");
  {
    g_autoptr(DossierDocument) same = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_true (same == held);
  }

  g_assert_cmpuint (changing.calls, ==, 2);

  /* A delete removes one row. */
  g_assert_true (dossier_documents_delete (fixture->db, fixture->levee, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.calls, ==, 3);
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);

  /* A filtered model follows changes too. */
  dossier_document_model_set_outlet_id (model, fixture->gulf);
  assert_ids (model, fixture->tariffs, added_id);
  record.calls = 0;
  g_assert_true (dossier_documents_delete (fixture->db, added_id, &error));
  g_assert_cmpuint (record.calls, ==, 1);
  assert_ids (model, fixture->tariffs);

  /* Nothing that touches documents, nothing emitted. */
  record.calls = 0;
  g_clear_object (&claim);
  {
    g_autoptr(DossierSource) source = dossier_sources_ensure (fixture->db, "A. Speaker",
                                                              DOSSIER_SOURCE_KIND_PERSON, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (record.calls, ==, 0);
}

static void
test_sort_enum (void)
{
  GEnumClass *klass = g_type_class_ref (DOSSIER_TYPE_DOCUMENT_SORT);

  g_assert_cmpint (g_enum_get_value_by_nick (klass, "date")->value, ==, DOSSIER_DOCUMENT_SORT_DATE);
  g_assert_cmpint (g_enum_get_value_by_nick (klass, "title")->value, ==, DOSSIER_DOCUMENT_SORT_TITLE);
  g_assert_cmpint (g_enum_get_value_by_nick (klass, "outlet")->value, ==, DOSSIER_DOCUMENT_SORT_OUTLET);
  g_type_class_unref (klass);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/document-model/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/document-model/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/document-model/core-ids", Fixture, NULL, fixture_set_up, test_core_ids, fixture_tear_down);
  g_test_add ("/document-model/changes", Fixture, NULL, fixture_set_up, test_changes, fixture_tear_down);
  g_test_add_func ("/document-model/paging", test_paging);
  g_test_add_func ("/document-model/replace-in-two", test_replace_in_two);
  g_test_add_func ("/document-model/many-hits", test_many_hits);
  g_test_add_func ("/document-model/sort-enum", test_sort_enum);

  return g_test_run ();
}
