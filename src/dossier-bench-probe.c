/* dossier-bench-probe.c — timings of the real app for build-aux/bench
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Off unless $DOSSIER_BENCH_REPORT names a file: then main() costs one
 * getenv() more, and nothing else changes. When it is set, the app writes
 * one JSON object a line to that file as it starts, each with "event" and
 * "time_us", the CLOCK_MONOTONIC time in microseconds (the clock of
 * g_get_monotonic_time() and of Python's time.monotonic(), shared by all
 * processes, so the bench subtracts the time it spawned the app), and
 * "cpu_us", the processor time the app used so far (user and system):
 *
 *   main            main() created the application
 *   startup         GApplication::startup ran
 *   activate        GApplication::activate begins (the database opens next)
 *   window-added    the window is built and joins the application: its
 *                   set-up (the document list given its model) follows
 *   list-model-set  the document list view has its model ("items")
 *   window-shown    the window is presented
 *   first-frame     the window's first frame is painted ("after-paint" of
 *                   its GdkFrameClock)
 *   list-frame      the first frame painted with rows of the document list
 *                   mapped: the window is interactive ("rows", "items")
 *   reader-frame    the first frame with a document in the reader (the
 *                   first document of the list opens by itself)
 *
 * then, with $DOSSIER_BENCH_OPEN=ID, half a second later (start-up left
 * alone), the list is sorted by title instead, as its menu would:
 *
 *   sort-request    just before the documents.sort action
 *   sort-frame      the next frame painted, rows in their new order
 *                   ("rows", "items")
 *
 * and half a second after that, the document ID is chosen in the list as
 * a click would:
 *
 *   open-request    just before dossier_document_list_select()
 *   open-returned   the document, its text and highlights are loaded
 *   open-frame      the first frame painted with it in the reader
 *   cards-frame     the first frame painted with claim cards of it in the
 *                   claims pane, which come a frame after the text when
 *                   the document has many claims ("cards")
 *   scroll          the reader then scrolls from top to bottom, one page a
 *                   frame (each step set in "after-paint"), and reports the
 *                   intervals between frames: "frames", "longest_us",
 *                   "p50_us", "p95_us", "over_33ms", "over_50ms", "height"
 *   cards-scroll    then the claims pane's cards, the same way and with the
 *                   same figures
 *   briefs-request  half a second later, the Briefs view is shown, as its
 *                   tab would ("vm_hwm_kb": the peak RSS before)
 *   briefs-frame    the first frame with rows of the open brief drawn
 *                   ("items": how many are on screen)
 *   briefs-rows     the frame after the last of its rows is made ("items":
 *                   the brief's items, "longest_frame_us": the longest
 *                   frame meanwhile)
 *
 * and finally "quit" (with "vm_hwm_kb" and "vm_rss_kb" of
 * /proc/self/status) before the app quits by itself; "timeout" instead
 * when a step did not happen within two minutes.
 */

#define G_LOG_DOMAIN "dossier-bench-probe"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "dossier-bench-probe.h"
#include "dossier-briefs-view.h"
#include "dossier-claim-card.h"
#include "dossier-claims-pane.h"
#include "dossier-document-list.h"
#include "dossier-document-row.h"
#include "dossier-reader.h"
#include "dossier-window.h"

#define SETTLE_MS  500
#define TIMEOUT_S  120

typedef enum
{
  WAIT_FIRST_FRAME,
  WAIT_LIST,
  WAIT_READER,
  SETTLING,
  WAIT_SORT,
  WAIT_OPEN,
  WAIT_CARDS,
  SCROLLING,
  SCROLLING_CARDS,
  WAIT_BRIEFS,
  WAIT_BRIEF_ROWS,
  DONE,
} ProbeState;

typedef struct
{
  FILE           *out;
  GtkApplication *application;
  GtkWidget      *window;        /* weak */
  GdkFrameClock  *clock;
  ProbeState      state;
  gint64          open_id;
  GtkAdjustment  *adjustment;
  GArray         *intervals;     /* gint64 µs between painted frames */
  gint64          last_paint;
  guint           brief_items;   /* items of the brief the Briefs view shows */
  gint64          longest;       /* µs, the longest frame while they come */
} Probe;

static Probe *probe;

static void
report (const char *event,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
report (const char *event,
        const char *format,
        ...)
{
  gint64 now = g_get_monotonic_time ();
  struct rusage usage;
  gint64 cpu = -1;

  if (getrusage (RUSAGE_SELF, &usage) == 0)
    cpu = (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
          usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;

  fprintf (probe->out, "{\"event\": \"%s\", \"time_us\": %" G_GINT64_FORMAT ", \"cpu_us\": %" G_GINT64_FORMAT,
           event, now, cpu);
  if (format != NULL)
    {
      va_list args;

      fputs (", ", probe->out);
      va_start (args, format);
      vfprintf (probe->out, format, args);
      va_end (args);
    }
  fputs ("}\n", probe->out);
  fflush (probe->out);
}

/* The first widget of @type in @widget, not looking into popovers (the
 * drop-downs' lists). */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (widget == NULL || G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_NATIVE (child) ? NULL : find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Rows of the document list that are on screen with a document. */
static guint
count_drawn_rows (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (DOSSIER_IS_DOCUMENT_ROW (widget))
    return gtk_widget_get_height (widget) > 0 &&
           dossier_document_row_get_document (DOSSIER_DOCUMENT_ROW (widget)) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_drawn_rows (child);

  return n;
}

/* Claim cards drawn, in @widget. */
static guint
count_drawn_cards (GtkWidget *widget)
{
  guint n = 0;

  if (widget == NULL || !gtk_widget_get_mapped (widget))
    return 0;
  if (DOSSIER_IS_CLAIM_CARD (widget))
    return gtk_widget_get_height (widget) > 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_drawn_cards (child);

  return n;
}

static GtkWidget *
get_list_view (void)
{
  return find_widget (find_widget (probe->window, DOSSIER_TYPE_DOCUMENT_LIST), GTK_TYPE_GRID_VIEW);
}

static gint64
shown_document (void)
{
  GtkWidget *reader = find_widget (probe->window, DOSSIER_TYPE_READER);
  GtkWidget *text_view = find_widget (reader, GTK_TYPE_TEXT_VIEW);

  if (reader == NULL || text_view == NULL || !gtk_widget_get_mapped (text_view))
    return 0;

  return dossier_reader_get_document_id (DOSSIER_READER (reader));
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static void
report_scroll (const char *event)
{
  GArray *v = probe->intervals;
  guint over_33 = 0, over_50 = 0;
  gint64 total = 0;

  g_array_sort (v, compare_int64);
  for (guint i = 0; i < v->len; i++)
    {
      gint64 t = g_array_index (v, gint64, i);

      total += t;
      over_33 += t > 33333;
      over_50 += t > 50000;
    }

  report (event,
          "\"frames\": %u, \"duration_us\": %" G_GINT64_FORMAT ", \"longest_us\": %" G_GINT64_FORMAT
          ", \"p50_us\": %" G_GINT64_FORMAT ", \"p95_us\": %" G_GINT64_FORMAT
          ", \"over_33ms\": %u, \"over_50ms\": %u, \"height\": %.0f",
          v->len, total,
          v->len > 0 ? g_array_index (v, gint64, v->len - 1) : 0,
          v->len > 0 ? g_array_index (v, gint64, v->len / 2) : 0,
          v->len > 0 ? g_array_index (v, gint64, MIN (v->len - 1, v->len * 95 / 100)) : 0,
          over_33, over_50,
          probe->adjustment != NULL ? gtk_adjustment_get_upper (probe->adjustment) : 0.0);
}

static long
status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, key)))
    return -1;

  return strtol (line + strlen (key), NULL, 10);
}

static gboolean
quit (gpointer data)
{
  probe->state = DONE;
  report ("quit", "\"vm_hwm_kb\": %ld, \"vm_rss_kb\": %ld", status_kb ("VmHWM:"), status_kb ("VmRSS:"));
  g_application_quit (G_APPLICATION (probe->application));

  return G_SOURCE_REMOVE;
}

static gboolean
on_timeout (gpointer data)
{
  if (probe->state != DONE)
    {
      report ("timeout", "\"state\": %d", probe->state);
      quit (NULL);
    }

  return G_SOURCE_REMOVE;
}

/* Sorts the list by title, as its sort menu would. */
static gboolean
sort_list (gpointer data)
{
  GtkWidget *list = find_widget (probe->window, DOSSIER_TYPE_DOCUMENT_LIST);

  if (list == NULL)
    return quit (NULL);

  report ("sort-request", NULL);
  probe->state = WAIT_SORT;
  gtk_widget_activate_action (list, "documents.sort", "s", "title");

  return G_SOURCE_REMOVE;
}

/* Chooses the document in the list, as a click there would. */
static gboolean
open_document (gpointer data)
{
  GtkWidget *list = find_widget (probe->window, DOSSIER_TYPE_DOCUMENT_LIST);
  gboolean found;

  if (list == NULL)
    return quit (NULL);

  report ("open-request", "\"document\": %" G_GINT64_FORMAT, probe->open_id);
  probe->state = WAIT_OPEN;
  found = dossier_document_list_select (DOSSIER_DOCUMENT_LIST (list), probe->open_id);
  report ("open-returned", "\"found\": %s", found ? "true" : "false");
  if (!found)
    return quit (NULL);

  return G_SOURCE_REMOVE;
}

/* One page further down, until the end is in view and stays there. */
static gboolean
scroll_step (void)
{
  double value = gtk_adjustment_get_value (probe->adjustment);
  double page = gtk_adjustment_get_page_size (probe->adjustment);
  double bottom = gtk_adjustment_get_upper (probe->adjustment) - page;

  if (value >= bottom - 0.5)
    return FALSE;

  gtk_adjustment_set_value (probe->adjustment, MIN (value + page, bottom));

  return TRUE;
}

/* Rows of the Briefs view's open brief that are on screen. */
static guint
count_drawn_brief_items (void)
{
  GtkWidget *view = find_widget (probe->window, DOSSIER_TYPE_BRIEFS_VIEW);
  GtkWidget *items;
  guint n = 0;

  if (view == NULL ||
      !(items = GTK_WIDGET (gtk_widget_get_template_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "item_list"))) ||
      !gtk_widget_get_mapped (items))
    return 0;

  for (GtkWidget *row = gtk_widget_get_first_child (items); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_mapped (row) && gtk_widget_get_height (row) > 0;

  return n;
}

/* Items of the brief the Briefs view shows. */
static guint
count_brief_items (void)
{
  DossierBriefsView *view = DOSSIER_BRIEFS_VIEW (find_widget (probe->window, DOSSIER_TYPE_BRIEFS_VIEW));
  DossierDatabase *db = dossier_window_get_database (DOSSIER_WINDOW (probe->window));
  g_autoptr(GPtrArray) items = NULL;

  if (dossier_briefs_view_get_brief_id (view) == 0)
    return 0;
  items = dossier_briefs_get_items (db, dossier_briefs_view_get_brief_id (view), NULL);

  return items != NULL ? items->len : 0;
}

/* Shows the Briefs view, as its tab would. */
static gboolean
show_briefs (gpointer data)
{
  if (probe->window == NULL)
    return quit (NULL);

  report ("briefs-request", "\"vm_hwm_kb\": %ld", status_kb ("VmHWM:"));
  probe->state = WAIT_BRIEFS;
  gtk_widget_activate_action (probe->window, "win.show-briefs", NULL);

  return G_SOURCE_REMOVE;
}

static void
finish_scrolling_cards (void)
{
  report_scroll ("cards-scroll");
  probe->state = SETTLING;
  g_timeout_add (SETTLE_MS, show_briefs, NULL);
}

/* After the reader, the claims pane's cards are scrolled through in the
 * same way. */
static void
start_scrolling_cards (gint64 now)
{
  GtkWidget *cards_view = find_widget (find_widget (probe->window, DOSSIER_TYPE_CLAIMS_PANE), GTK_TYPE_GRID_VIEW);

  g_clear_object (&probe->adjustment);
  g_array_set_size (probe->intervals, 0);
  probe->last_paint = now;
  probe->state = SCROLLING_CARDS;
  if (cards_view == NULL ||
      !(probe->adjustment = g_object_ref (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (cards_view)))) ||
      !scroll_step ())
    finish_scrolling_cards ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();

  switch (probe->state)
    {
    case WAIT_FIRST_FRAME:
      report ("first-frame", NULL);
      probe->state = WAIT_LIST;
      G_GNUC_FALLTHROUGH;

    case WAIT_LIST:
      {
        GtkWidget *list_view = get_list_view ();
        guint rows = list_view != NULL ? count_drawn_rows (list_view) : 0;
        GListModel *model;

        if (rows == 0)
          break;
        model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list_view)));
        report ("list-frame", "\"rows\": %u, \"items\": %u", rows, g_list_model_get_n_items (model));
        probe->state = WAIT_READER;
      }
      G_GNUC_FALLTHROUGH;

    case WAIT_READER:
      {
        gint64 id = shown_document ();

        if (id == 0)
          break;
        report ("reader-frame", "\"document\": %" G_GINT64_FORMAT, id);
        probe->state = SETTLING;
        if (probe->open_id != 0)
          g_timeout_add (SETTLE_MS, sort_list, NULL);
        else
          g_idle_add (quit, NULL);
      }
      break;

    case WAIT_SORT:
      {
        GtkWidget *list_view = get_list_view ();
        GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list_view)));

        report ("sort-frame", "\"rows\": %u, \"items\": %u",
                count_drawn_rows (list_view), g_list_model_get_n_items (model));
        probe->state = SETTLING;
        g_timeout_add (SETTLE_MS, open_document, NULL);
      }
      break;

    case WAIT_OPEN:
      {
        if (shown_document () != probe->open_id)
          break;
        report ("open-frame", "\"document\": %" G_GINT64_FORMAT, probe->open_id);
        probe->state = WAIT_CARDS;
      }
      G_GNUC_FALLTHROUGH;

    case WAIT_CARDS:
      {
        GtkWidget *text_view;
        guint cards = count_drawn_cards (find_widget (probe->window, DOSSIER_TYPE_CLAIMS_PANE));

        if (cards == 0)
          break;
        report ("cards-frame", "\"cards\": %u", cards);
        text_view = find_widget (find_widget (probe->window, DOSSIER_TYPE_READER), GTK_TYPE_TEXT_VIEW);
        probe->adjustment = g_object_ref (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view)));
        probe->intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
        probe->last_paint = now;
        probe->state = SCROLLING;
        if (!scroll_step ())
          {
            report_scroll ("scroll");
            start_scrolling_cards (now);
          }
      }
      break;

    case SCROLLING:
      {
        gint64 interval = now - probe->last_paint;

        g_array_append_val (probe->intervals, interval);
        probe->last_paint = now;
        if (!scroll_step ())
          {
            report_scroll ("scroll");
            start_scrolling_cards (now);
          }
      }
      break;

    case SCROLLING_CARDS:
      {
        gint64 interval = now - probe->last_paint;

        g_array_append_val (probe->intervals, interval);
        probe->last_paint = now;
        if (!scroll_step ())
          finish_scrolling_cards ();
      }
      break;

    case WAIT_BRIEFS:
      {
        guint items = count_drawn_brief_items ();

        if (items == 0)
          break;
        report ("briefs-frame", "\"items\": %u", items);
        probe->brief_items = count_brief_items ();
        probe->longest = 0;
        probe->last_paint = now;
        probe->state = WAIT_BRIEF_ROWS;
      }
      G_GNUC_FALLTHROUGH;

    case WAIT_BRIEF_ROWS:
      {
        GtkWidget *view = find_widget (probe->window, DOSSIER_TYPE_BRIEFS_VIEW);
        GtkListBox *items = GTK_LIST_BOX (gtk_widget_get_template_child (view, DOSSIER_TYPE_BRIEFS_VIEW, "item_list"));

        probe->longest = MAX (probe->longest, now - probe->last_paint);
        probe->last_paint = now;
        if (probe->brief_items > 0 && gtk_list_box_get_row_at_index (items, probe->brief_items - 1) == NULL)
          {
            /* Rows still to come: they are made in idles, so keep frames coming. */
            gtk_widget_queue_draw (view);
            break;
          }
        report ("briefs-rows", "\"items\": %u, \"longest_frame_us\": %" G_GINT64_FORMAT,
                probe->brief_items, probe->longest);
        probe->state = DONE;
        g_idle_add (quit, NULL);
      }
      break;

    case SETTLING:
    case DONE:
      break;
    }
}

static void
on_window_realize (GtkWidget *window)
{
  if (probe->clock != NULL)
    return;

  probe->clock = g_object_ref (gtk_widget_get_frame_clock (window));
  g_signal_connect (probe->clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_window_show (GtkWidget *window)
{
  report ("window-shown", NULL);
}

static void
on_list_model_set (GtkWidget *list_view)
{
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list_view)));

  if (model != NULL)
    report ("list-model-set", "\"items\": %u", g_list_model_get_n_items (model));
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window)
{
  GtkWidget *list_view;

  /* Only the main window (not a dialog saying the database is damaged). */
  if (probe->window != NULL || !DOSSIER_IS_WINDOW (window))
    return;

  report ("window-added", NULL);
  probe->window = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&probe->window);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), NULL);
  g_signal_connect (window, "show", G_CALLBACK (on_window_show), NULL);

  if ((list_view = get_list_view ()) != NULL)
    g_signal_connect (list_view, "notify::model", G_CALLBACK (on_list_model_set), NULL);
}

static void
on_startup (GApplication *application)
{
  report ("startup", NULL);
}

static void
on_activate (GApplication *application)
{
  report ("activate", NULL);
}

void
dossier_bench_probe_attach (GtkApplication *application)
{
  const char *path = g_getenv ("DOSSIER_BENCH_REPORT");
  const char *open = g_getenv ("DOSSIER_BENCH_OPEN");
  FILE *out;

  if (path == NULL || path[0] == '\0' || probe != NULL)
    return;

  if (!(out = fopen (path, "w")))
    {
      g_warning ("DOSSIER_BENCH_REPORT: cannot write %s", path);
      return;
    }

  probe = g_new0 (Probe, 1);
  probe->out = out;
  probe->application = application;
  probe->open_id = open != NULL ? g_ascii_strtoll (open, NULL, 10) : 0;
  report ("main", NULL);

  g_signal_connect (application, "startup", G_CALLBACK (on_startup), NULL);
  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), NULL);
  g_timeout_add_seconds (TIMEOUT_S, on_timeout, NULL);
}
