/* dossier-screenshot.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-screenshot"

#include "config.h"

#include "dossier-screenshot.h"

/* A GtkWidgetPaintable shows the render node the widget kept from the
 * frame it last painted. gtk_widget_queue_draw() drops that node at once
 * (a progress update, a CSS transition, a toast sliding in), and the next
 * frame makes a new one: in between, the paintable is empty. Right after
 * the frame clock's paint phase, in "after-paint", nothing has asked for
 * a new drawing yet and the node is the frame just painted. */

typedef struct
{
  char          *path;
  GdkFrameClock *frame_clock;   /* once mapped */
  gulong         after_paint_id;
  gulong         map_id;
  gulong         unmap_id;
} Capture;

static void
capture_free (gpointer data)
{
  Capture *capture = data;

  g_assert (capture->after_paint_id == 0 && capture->map_id == 0 && capture->unmap_id == 0);

  g_clear_object (&capture->frame_clock);
  g_free (capture->path);
  g_free (capture);
}

/* Stops watching the widget and its frames, and answers. Takes the
 * reference the watch held on @task. */
static void
capture_finish (GTask  *task,
                GError *error)
{
  Capture *capture = g_task_get_task_data (task);
  GtkWidget *widget = g_task_get_source_object (task);

  g_clear_signal_handler (&capture->map_id, widget);
  g_clear_signal_handler (&capture->unmap_id, widget);
  if (capture->frame_clock != NULL)
    g_clear_signal_handler (&capture->after_paint_id, capture->frame_clock);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* The widget's last frame, or NULL when it has none now. */
static GskRenderNode *
last_frame (GtkWidget *widget,
            int        width,
            int        height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                GTask         *task)
{
  Capture *capture = g_task_get_task_data (task);
  GtkWidget *widget = g_task_get_source_object (task);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* Not painted in this frame (its surface was not on screen yet, or a
   * handler asked for a new drawing already): the next one. */
  if (width <= 0 || height <= 0 || !(node = last_frame (widget, width, height)))
    {
      gtk_widget_queue_draw (widget);
      return;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, capture->path))
    {
      g_autofree char *display = g_filename_display_name (capture->path);

      capture_finish (task, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", display));
      return;
    }

  capture_finish (task, NULL);
}

/* Mapped: wait for the next frame, and make sure there is one. */
static void
watch_frames (GTask *task)
{
  Capture *capture = g_task_get_task_data (task);
  GtkWidget *widget = g_task_get_source_object (task);

  g_clear_signal_handler (&capture->map_id, widget);

  capture->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  capture->after_paint_id = g_signal_connect (capture->frame_clock, "after-paint",
                                              G_CALLBACK (on_after_paint), task);
  gtk_widget_queue_draw (widget);
}

static void
on_unmap (GtkWidget *widget,
          GTask     *task)
{
  capture_finish (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                             "The window was hidden before it was drawn"));
}

void
dossier_screenshot_save_async (GtkWidget           *native,
                               const char          *path,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Capture *capture;

  g_return_if_fail (GTK_IS_NATIVE (native));
  g_return_if_fail (path != NULL);

  task = g_task_new (native, NULL, callback, user_data);
  g_task_set_source_tag (task, dossier_screenshot_save_async);

  if (!gtk_widget_get_visible (native))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "The window is not shown");
      return;
    }

  capture = g_new0 (Capture, 1);
  capture->path = g_strdup (path);
  g_task_set_task_data (task, capture, capture_free);

  /* The watch holds a reference until capture_finish(). */
  g_object_ref (task);
  capture->unmap_id = g_signal_connect (native, "unmap", G_CALLBACK (on_unmap), task);
  if (gtk_widget_get_mapped (native))
    watch_frames (task);
  else
    capture->map_id = g_signal_connect_swapped (native, "map", G_CALLBACK (watch_frames), task);
}

gboolean
dossier_screenshot_save_finish (GtkWidget     *native,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (GTK_IS_NATIVE (native), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, native), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_screenshot_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
