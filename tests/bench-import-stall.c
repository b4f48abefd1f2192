/* bench-import-stall.c — how long the window's main loop stalls while it
 * imports 10,000 documents
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under a display:
 *   xvfb-run -a meson test -C BUILDDIR --benchmark import-stall -v
 *
 * A high-priority timeout ticks every millisecond; the longest gap between
 * two ticks is the longest time the window could not respond. Measured
 * from the start of the import until a second after it finished (the list
 * refresh and the first frames after it count too).
 */

#include "config.h"

#include <glib/gstdio.h>

#include "dossier-application.h"
#include "dossier-window.h"

#define N_DOCUMENTS 10000
#define AFTER_MS    1000

typedef struct
{
  gint64 start;
  gint64 last;
  gint64 longest;
  gint64 longest_at;     /* since start, at the end of the gap */
  guint  over_16ms;
  guint  over_50ms;
  GArray *gaps;          /* Gap: each over 16 ms */
} Ticks;

typedef struct
{
  gint64 end;            /* since start */
  gint64 length;
} Gap;

static gboolean
tick (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();
  gint64 gap = now - ticks->last;

  if (gap > ticks->longest)
    {
      ticks->longest = gap;
      ticks->longest_at = now - ticks->start;
    }
  if (gap > 16000)
    {
      Gap g = { now - ticks->start, gap };

      ticks->over_16ms++;
      g_array_append_val (ticks->gaps, g);
    }
  if (gap > 50000)
    ticks->over_50ms++;
  ticks->last = now;

  return G_SOURCE_CONTINUE;
}

static const char *outlets[] = {
  "Gulf Ledger", "Hemisphere Review", "Valley Courier", "Border Weekly", "Delta Dispatch",
  "Canal Observer", "Plains Tribune", "Harbor Post",
};

static const char *words[] = {
  "water", "treaty", "border", "tariff", "drought", "levee", "aquifer", "permit", "minister",
  "official", "report", "analysis", "trade", "summit", "agreement", "policy", "river", "dam",
  "farmers", "harvest", "inspection", "crossing", "customs", "delivery", "reservoir", "canal",
};

static char *
write_corpus (const char *dir)
{
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autofree char *folder = g_strdup_printf ("%s/%03u", corpus, i / 500);
      g_autofree char *path = g_strdup_printf ("%s/note-%05u.md", folder, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      g_string_append_printf (text, "---\ntitle: %s %s report %u\noutlet: %s\ndate: %04d-%02d-%02d\n---\n\n",
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i,
                              outlets[g_rand_int_range (rand, 0, G_N_ELEMENTS (outlets))],
                              g_rand_int_range (rand, 2015, 2026), g_rand_int_range (rand, 1, 13),
                              g_rand_int_range (rand, 1, 29));
      for (guint w = 0; w < 60; w++)
        g_string_append_printf (text, "%s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_printf (text, "(document %u).\n", i);

      g_mkdir_with_parents (folder, 0700);
      if (!g_file_set_contents (path, text->str, text->len, &error))
        g_error ("%s", error->message);
    }

  g_rand_free (rand);

  return g_steal_pointer (&corpus);
}

static gboolean
import_running (DossierWindow *window)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), DOSSIER_TYPE_WINDOW,
                                                                       "import_revealer"));

  return gtk_revealer_get_reveal_child (revealer);
}

/* Runs the main loop for @msec milliseconds without ever blocking past
 * them. */
static void
iterate_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + (gint64)msec * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (500);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  DossierApplication *app;
  DossierWindow *window;
  const char *paths[2] = { NULL, NULL };
  Ticks ticks = { 0 };
  guint source;
  gint64 finished;

  if (!gtk_init_check ())
    {
      g_print ("no display: run under xvfb-run\n");
      return 77;
    }
  adw_init ();

  if (!(dir = g_dir_make_tmp ("dossier-bench-XXXXXX", &error)))
    g_error ("%s", error->message);
  corpus = write_corpus (dir);
  db_path = g_build_filename (dir, "bench.db", NULL);
  paths[0] = corpus;

  app = dossier_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error) ||
      !dossier_application_open_database (app, db_path, &error))
    g_error ("%s", error->message);

  window = dossier_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  iterate_for (300);

  ticks.gaps = g_array_new (FALSE, FALSE, sizeof (Gap));
  ticks.start = ticks.last = g_get_monotonic_time ();
  source = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick, &ticks, NULL);

  dossier_window_import (window, paths);
  while (import_running (window))
    g_main_context_iteration (NULL, TRUE);
  finished = g_get_monotonic_time ();
  iterate_for (AFTER_MS);
  g_source_remove (source);

  documents = dossier_documents_list (dossier_window_get_database (window), DOSSIER_DOCUMENT_SORT_DATE, &error);
  if (documents == NULL || documents->len != N_DOCUMENTS)
    g_error ("expected %u documents, found %u", N_DOCUMENTS, documents != NULL ? documents->len : 0);

  g_print ("import %u docs: %" G_GINT64_FORMAT " ms total, longest main-loop stall %" G_GINT64_FORMAT " ms\n",
           N_DOCUMENTS, (finished - ticks.start) / 1000, ticks.longest / 1000);
  g_print ("  the longest ended %" G_GINT64_FORMAT " ms after the start (%s); gaps over 16 ms: %u, over 50 ms: %u\n",
           ticks.longest_at / 1000,
           ticks.start + ticks.longest_at > finished ? "after the import finished" : "during the import",
           ticks.over_16ms, ticks.over_50ms);
  for (guint i = 0; i < ticks.gaps->len; i++)
    {
      Gap *g = &g_array_index (ticks.gaps, Gap, i);

      g_print ("  gap of %" G_GINT64_FORMAT " ms ending %+" G_GINT64_FORMAT " ms from the end of the import\n",
               g->length / 1000, (ticks.start + g->end - finished) / 1000);
    }
  g_array_unref (ticks.gaps);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);
  g_object_unref (app);
  remove_tree (dir);

  return 0;
}
