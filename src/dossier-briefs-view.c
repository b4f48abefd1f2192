/* dossier-briefs-view.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-briefs-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-briefs-view.h"
#include "dossier-shortcuts.h"
#include "dossier-window.h"

/* The picker shows at most this many claims; the filters narrow it. */
#define PICKER_LIMIT 50
#define PREVIEW_DELAY_MS 150

#define ITEM_ID_KEY "dossier-brief-item-id"
#define CLAIM_ID_KEY "dossier-claim-id"
#define BRIEF_ID_KEY "dossier-brief-id"
#define EDITABLE_KEY "dossier-brief-item-editable"
#define CONTENT_KEY "dossier-brief-item-content"

static const struct {
  const char *action;
  const char *fallback;
} view_shortcuts[] = {
  { "briefs.new", "<Control>n" },
  { "briefs.move-item-up", "<Alt>Up" },
  { "briefs.move-item-down", "<Alt>Down" },
  { "briefs.export", "<Control><Shift>e" },
  { "briefs.copy-markdown", "<Control><Shift>c" },
};

/* What a toast's Undo puts back. */
typedef struct
{
  gboolean              whole_brief;
  gint64                brief_id;      /* the item's brief */
  guint                 position;
  DossierBriefItemKind  kind;
  gint64                claim_id;
  char                 *text;
  char                 *title;         /* a deleted brief: title, summary, items */
  char                 *summary;
  GPtrArray            *items;         /* of DossierBriefItem */
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_free (undo->text);
  g_free (undo->title);
  g_free (undo->summary);
  g_clear_pointer (&undo->items, g_ptr_array_unref);
  g_free (undo);
}

struct _DossierBriefsView
{
  GtkWidget           parent_instance;

  DossierDatabase    *database;
  GSettings          *settings;
  gint64              brief_id;
  char               *items_signature;
  gint64              focus_item;      /* to focus after the next rebuild */
  guint               rows_source;     /* makes the rows still missing */
  gboolean            rows_filling;    /* in it */
  gboolean            claims_stale;    /* claims changed while hidden */
  gint64              section_item;    /* the item last focused: new claims go in its section */
  guint               preview_source;
  guint               updating;
  /* Briefs, items and picker are read when the view first shows: hidden
   * behind the Corpus page, they would cost start-up their widgets (and
   * their measuring, since the view stack sizes hidden pages too). */
  gboolean            loaded;
  GHashTable         *undos;           /* serial → Undo */
  guint               undo_serial;
  GtkEventController *shortcuts;

  /* Template widgets */
  GtkPaned           *paned;
  GtkListBox         *brief_list;
  GtkStack           *content_stack;
  GtkEntry           *title_entry;
  GtkTextView        *summary_view;
  GtkListBox         *item_list;
  GtkSearchEntry     *picker_search;
  GtkEntry           *picker_theme;
  GtkEntry           *picker_speaker;
  GtkLabel           *picker_count;
  GtkListBox         *picker_list;
  GtkStack           *side_stack;
  GtkTextView        *preview_view;
  GtkCheckButton     *notes_check;
  GtkCheckButton     *themes_check;
  GtkCheckButton     *front_matter_check;
};

G_DEFINE_FINAL_TYPE (DossierBriefsView, dossier_briefs_view, GTK_TYPE_WIDGET)

static void       rebuild_items (DossierBriefsView *self,
                                 gboolean           force);
static GtkWidget *find_item_row (DossierBriefsView *self,
                                 gint64             item_id);
static void       ensure_loaded (DossierBriefsView *self);

static void
toast (DossierBriefsView *self,
       AdwToast          *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);

  if (window != NULL)
    dossier_window_add_toast (DOSSIER_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (DossierBriefsView *self,
            const char        *what,
            const GError      *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_set_timeout (t, 0);
  toast (self, t);
}

static void
on_undo_clicked (AdwToast          *t,
                 DossierBriefsView *self)
{
  guint serial = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (t), "dossier-undo-serial"));

  gtk_widget_activate_action (GTK_WIDGET (self), "briefs.undo", "u", serial);
}

static void
offer_undo (DossierBriefsView *self,
            const char        *title,
            Undo              *undo)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  guint serial = ++self->undo_serial;
  AdwToast *t = adw_toast_new (escaped);

  g_hash_table_insert (self->undos, GUINT_TO_POINTER (serial), undo);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  /* The toast lives in the window's overlay, outside this widget, where
   * the "briefs" actions cannot be found: its button calls back here. */
  g_object_set_data (G_OBJECT (t), "dossier-undo-serial", GUINT_TO_POINTER (serial));
  g_signal_connect_object (t, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
  toast (self, t);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextBuffer *buffer,
                 const char    *text)
{
  g_autofree char *current = buffer_text (buffer);

  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (buffer, text, -1);
}

/* Options */

static void
get_options (DossierBriefsView      *self,
             DossierMarkdownOptions *options)
{
  options->include_notes = gtk_check_button_get_active (self->notes_check);
  options->include_themes = gtk_check_button_get_active (self->themes_check);
  options->front_matter = gtk_check_button_get_active (self->front_matter_check);
}

char *
dossier_briefs_view_render (DossierBriefsView  *self,
                            GError            **error)
{
  DossierMarkdownOptions options = { 0 };

  g_return_val_if_fail (DOSSIER_IS_BRIEFS_VIEW (self), NULL);

  ensure_loaded (self);
  if (self->database == NULL || self->brief_id == 0)
    {
      g_set_error_literal (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                           _("No brief is selected"));
      return NULL;
    }

  get_options (self, &options);

  return dossier_brief_render_markdown (self->database, self->brief_id, &options, error);
}

gboolean
dossier_briefs_view_export_to_file (DossierBriefsView  *self,
                                    GFile              *file,
                                    GError            **error)
{
  g_autofree char *markdown = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (DOSSIER_IS_BRIEFS_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only local files can be written"));
      return FALSE;
    }

  markdown = dossier_briefs_view_render (self, error);
  if (markdown == NULL)
    return FALSE;

  return g_file_set_contents_full (path, markdown, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/* Preview */

static gboolean
refresh_preview (gpointer data)
{
  DossierBriefsView *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preview_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

  self->preview_source = 0;

  if (self->brief_id == 0)
    {
      gtk_text_buffer_set_text (buffer, "", -1);
      return G_SOURCE_REMOVE;
    }

  markdown = dossier_briefs_view_render (self, &error);
  if (markdown == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Cannot render the brief: %s"), error->message);

      gtk_text_buffer_set_text (buffer, text, -1);
      return G_SOURCE_REMOVE;
    }

  set_buffer_text (buffer, markdown);

  return G_SOURCE_REMOVE;
}

static void
schedule_preview (DossierBriefsView *self)
{
  if (self->preview_source != 0)
    g_source_remove (self->preview_source);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, refresh_preview, self);
}

static void
on_option_toggled (DossierBriefsView *self)
{
  schedule_preview (self);
}

static gint64
row_id (GtkWidget  *row,
        const char *key)
{
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), key) : NULL;

  return id != NULL ? *id : 0;
}

static void
set_row_id (gpointer    object,
            const char *key,
            gint64      id)
{
  g_object_set_data_full (G_OBJECT (object), key, g_memdup2 (&id, sizeof id), g_free);
}

/* The list of briefs */

static GtkWidget *
brief_row_new (DossierBrief *brief)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (dossier_brief_get_title (brief));
  g_autofree char *date = g_strndup (dossier_brief_get_updated (brief), 10);
  g_autofree char *updated = g_strdup_printf (_("Updated %s"), date);
  GtkWidget *subtitle = gtk_label_new (updated);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  set_row_id (row, BRIEF_ID_KEY, dossier_brief_get_id (brief));

  return row;
}

static void load_brief (DossierBriefsView *self);

static void
reload_briefs (DossierBriefsView *self)
{
  g_autoptr(GPtrArray) briefs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GtkListBoxRow *selected = NULL;
  gboolean found = FALSE;

  self->updating++;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->brief_list))))
    gtk_list_box_remove (self->brief_list, child);

  briefs = self->database != NULL ? dossier_briefs_list (self->database, &error) : NULL;
  if (error != NULL)
    g_warning ("Cannot list briefs: %s", error->message);

  for (guint i = 0; briefs != NULL && i < briefs->len; i++)
    {
      DossierBrief *brief = g_ptr_array_index (briefs, i);
      GtkWidget *row = brief_row_new (brief);

      gtk_list_box_append (self->brief_list, row);
      if (dossier_brief_get_id (brief) == self->brief_id)
        {
          selected = GTK_LIST_BOX_ROW (row);
          found = TRUE;
        }
    }

  if (selected != NULL)
    gtk_list_box_select_row (self->brief_list, selected);
  self->updating--;

  if (!found && self->brief_id != 0)
    {
      self->brief_id = 0;
      load_brief (self);
    }
}

/* The composer */

static void
update_title_entry (DossierBriefsView *self,
                    DossierBrief      *brief)
{
  const char *title = dossier_brief_get_title (brief);
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));

  /* Never overwrite what is being typed (trailing spaces, say). */
  if (g_strcmp0 (trimmed, title) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
}

static void
load_brief (DossierBriefsView *self)
{
  g_autoptr(DossierBrief) brief = NULL;

  self->updating++;
  g_clear_pointer (&self->items_signature, g_free);

  if (self->brief_id != 0)
    brief = dossier_briefs_get (self->database, self->brief_id, NULL);
  if (brief == NULL)
    {
      self->brief_id = 0;
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), dossier_brief_get_title (brief));
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_entry), "error");
      set_buffer_text (gtk_text_view_get_buffer (self->summary_view), dossier_brief_get_summary (brief));
      gtk_stack_set_visible_child_name (self->content_stack, "composer");
    }

  rebuild_items (self, TRUE);
  self->updating--;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefs.duplicate", self->brief_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefs.delete", self->brief_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefs.export", self->brief_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefs.copy-markdown", self->brief_id != 0);

  schedule_preview (self);
}

static void
on_brief_row_selected (DossierBriefsView *self,
                       GtkListBoxRow     *row)
{
  gint64 id;

  if (self->updating > 0 || row == NULL)
    return;

  id = row_id (GTK_WIDGET (row), BRIEF_ID_KEY);
  if (id == self->brief_id)
    return;

  self->brief_id = id;
  load_brief (self);
}

static void
on_title_changed (DossierBriefsView *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));

  if (self->updating > 0 || self->brief_id == 0)
    return;

  if (dossier_briefs_set_title (self->database, self->brief_id, text, &error))
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_entry), "error");
  else
    /* An empty title is not saved; the last good one stays. */
    gtk_widget_add_css_class (GTK_WIDGET (self->title_entry), "error");
}

static void
on_summary_changed (DossierBriefsView *self,
                    GtkTextBuffer     *buffer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->updating > 0 || self->brief_id == 0)
    return;

  text = buffer_text (buffer);
  if (!dossier_briefs_set_summary (self->database, self->brief_id, text, &error))
    show_error (self, _("Cannot save the summary"), error);
}

/* Items */

static void
on_item_text_changed (GObject           *editable,
                      DossierBriefsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *frame = g_object_get_data (editable, "dossier-frame");
  gint64 item_id = row_id (GTK_WIDGET (g_object_get_data (editable, "dossier-row")), ITEM_ID_KEY);

  if (self->updating > 0)
    return;

  if (GTK_IS_TEXT_BUFFER (editable))
    text = buffer_text (GTK_TEXT_BUFFER (editable));
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));

  /* A heading or free text cannot be empty: the last good text stays
   * saved, and the field says so. */
  if (dossier_briefs_set_item_text (self->database, item_id, text, &error))
    gtk_widget_remove_css_class (frame, "error");
  else
    gtk_widget_add_css_class (frame, "error");
}

static void
on_item_button_clicked (GtkButton         *button,
                        DossierBriefsView *self)
{
  const char *action = g_object_get_data (G_OBJECT (button), "dossier-action");
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_widget_activate_action (GTK_WIDGET (self), action, "x", row_id (row, ITEM_ID_KEY));
}

static GtkWidget *
item_button (DossierBriefsView *self,
             const char        *icon,
             const char        *label,
             const char        *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "dossier-action", (gpointer)action);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_item_button_clicked), self, 0);

  return button;
}

static GtkWidget *
text_area (DossierBriefsView *self,
           GtkWidget         *row,
           const char        *text,
           const char        *label)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 48);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);

  g_object_set_data (G_OBJECT (buffer), "dossier-frame", frame);
  g_object_set_data (G_OBJECT (buffer), "dossier-row", row);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_item_text_changed), self, 0);
  g_object_set_data (G_OBJECT (row), EDITABLE_KEY, view);

  return frame;
}

static char *
attribution (DossierClaim *claim)
{
  GPtrArray *parts = g_ptr_array_new ();
  const char *values[] = {
    dossier_claim_get_speaker (claim),
    dossier_claim_get_document_title (claim),
    dossier_claim_get_outlet (claim),
  };
  g_autofree char *joined = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i] != NULL && values[i][0] != '\0')
      g_ptr_array_add (parts, (gpointer)values[i]);
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **)parts->pdata);
  g_ptr_array_unref (parts);

  return g_strdup_printf ("— %s", joined);
}

/* Drag and drop: an item's row onto another moves it there; a claim of
 * the picker onto a row puts it there, onto the list's end adds it at the
 * end. The payload is a string: "item:ID" or "claim:ID". */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 const char    *kind)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autofree char *payload = NULL;

  payload = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind,
                             row_id (row, g_str_equal (kind, "item") ? ITEM_ID_KEY : CLAIM_ID_KEY));

  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
add_drag_source (GtkWidget  *row,
                 const char *kind)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), (gpointer)kind);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
}

/* Drops @payload at @position (-1: the end). */
static gboolean
drop_payload (DossierBriefsView *self,
              const char        *payload,
              int                position)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (payload == NULL || self->brief_id == 0)
    return FALSE;

  if (g_str_has_prefix (payload, "item:"))
    {
      id = g_ascii_strtoll (payload + 5, NULL, 10);
      if (find_item_row (self, id) == NULL || position < 0)
        return FALSE;
      self->focus_item = id;
      if (!dossier_briefs_move_item (self->database, id, position, &error))
        {
          self->focus_item = 0;
          show_error (self, _("Cannot move the item"), error);
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_has_prefix (payload, "claim:"))
    {
      g_autoptr(DossierBriefItem) item = NULL;

      id = g_ascii_strtoll (payload + 6, NULL, 10);
      item = dossier_briefs_add_claim (self->database, self->brief_id, id, NULL, NULL, &error);
      if (item != NULL && position >= 0)
        dossier_briefs_move_item (self->database, dossier_brief_item_get_id (item), position, &error);
      if (error != NULL)
        {
          show_error (self, _("Cannot add to the brief"), error);
          return FALSE;
        }
      return TRUE;
    }

  return FALSE;
}

static gboolean
on_row_drop (GtkDropTarget     *target,
             const GValue      *value,
             double             x,
             double             y,
             DossierBriefsView *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  return drop_payload (self, g_value_get_string (value), gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static gboolean
on_list_drop (GtkDropTarget     *target,
              const GValue      *value,
              double             x,
              double             y,
              DossierBriefsView *self)
{
  return drop_payload (self, g_value_get_string (value), -1);
}

static GtkDropTarget *
drop_target_new (void)
{
  return gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE | GDK_ACTION_COPY);
}

static void
on_item_focus_enter (GtkEventController *controller,
                     DossierBriefsView  *self)
{
  self->section_item = row_id (gtk_event_controller_get_widget (controller), ITEM_ID_KEY);
}

/* What an item's row shows but its editable text: the item's kind and,
 * for a claim, its quote and attribution. */
static char *
item_content (DossierBriefItem *item)
{
  DossierClaim *claim = dossier_brief_item_get_claim (item);
  g_autofree char *by = claim != NULL ? attribution (claim) : NULL;

  return g_strdup_printf ("%d\x1f%s\x1f%s", dossier_brief_item_get_kind (item),
                          claim != NULL ? dossier_claim_get_quote (claim) : "", by != NULL ? by : "");
}

/* The text in a row's heading entry or text area, as it is now. */
static char *
row_text (GtkWidget *row)
{
  GtkWidget *editable = g_object_get_data (G_OBJECT (row), EDITABLE_KEY);

  if (GTK_IS_TEXT_VIEW (editable))
    return buffer_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editable)));
  if (GTK_IS_EDITABLE (editable))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));

  return g_strdup ("");
}

static GtkWidget *
item_row_new (DossierBriefsView *self,
              DossierBriefItem  *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  DossierClaim *claim = dossier_brief_item_get_claim (item);
  const char *text = dossier_brief_item_get_text (item);
  GtkEventController *focus;
  GtkDropTarget *drop;

  set_row_id (row, ITEM_ID_KEY, dossier_brief_item_get_id (item));
  g_object_set_data_full (G_OBJECT (row), CONTENT_KEY, item_content (item), g_free);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_item_focus_enter), self, 0);
  gtk_widget_add_controller (row, focus);
  add_drag_source (row, "item");
  drop = drop_target_new ();
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_row_drop), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_hexpand (content, TRUE);

  switch (dossier_brief_item_get_kind (item))
    {
    case DOSSIER_BRIEF_ITEM_HEADING:
      {
        GtkWidget *entry = gtk_entry_new ();

        gtk_editable_set_text (GTK_EDITABLE (entry), text);
        gtk_widget_add_css_class (entry, "title-4");
        gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Section heading"), -1);
        g_object_set_data (G_OBJECT (entry), "dossier-frame", entry);
        g_object_set_data (G_OBJECT (entry), "dossier-row", row);
        g_signal_connect_object (entry, "changed", G_CALLBACK (on_item_text_changed), self, 0);
        g_object_set_data (G_OBJECT (row), EDITABLE_KEY, entry);
        gtk_box_append (GTK_BOX (content), entry);
        gtk_widget_add_css_class (row, "brief-heading");
      }
      break;

    case DOSSIER_BRIEF_ITEM_CLAIM:
      {
        GtkWidget *quote = gtk_label_new (claim != NULL ? dossier_claim_get_quote (claim) : "");
        g_autofree char *by = claim != NULL ? attribution (claim) : g_strdup ("");
        GtkWidget *source = gtk_label_new (by);
        GtkWidget *caption = gtk_label_new (_("Commentary"));

        gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_xalign (GTK_LABEL (quote), 0);
        gtk_label_set_selectable (GTK_LABEL (quote), FALSE);
        gtk_widget_add_css_class (quote, "brief-quote");
        gtk_label_set_wrap (GTK_LABEL (source), TRUE);
        gtk_label_set_xalign (GTK_LABEL (source), 0);
        gtk_widget_add_css_class (source, "dim-label");
        gtk_widget_add_css_class (source, "caption");
        gtk_label_set_xalign (GTK_LABEL (caption), 0);
        gtk_widget_add_css_class (caption, "caption-heading");
        gtk_box_append (GTK_BOX (content), quote);
        gtk_box_append (GTK_BOX (content), source);
        gtk_box_append (GTK_BOX (content), caption);
        gtk_box_append (GTK_BOX (content), text_area (self, row, text, _("Commentary")));
      }
      break;

    case DOSSIER_BRIEF_ITEM_TEXT:
    default:
      gtk_box_append (GTK_BOX (content), text_area (self, row, text, _("Text")));
      break;
    }

  gtk_box_append (GTK_BOX (buttons), item_button (self, "go-up-symbolic", _("Move Up (Alt+Up)"), "briefs.move-item-up-id"));
  gtk_box_append (GTK_BOX (buttons), item_button (self, "go-down-symbolic", _("Move Down (Alt+Down)"), "briefs.move-item-down-id"));
  gtk_box_append (GTK_BOX (buttons), item_button (self, "edit-delete-symbolic", _("Remove from Brief"), "briefs.remove-item"));

  gtk_box_append (GTK_BOX (box), content);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static GtkWidget *
find_item_row (DossierBriefsView *self,
               gint64             item_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && row_id (child, ITEM_ID_KEY) == item_id)
      return child;

  return NULL;
}

static gboolean
focus_within_items (DossierBriefsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->item_list));
}

/* A brief's row takes about 10 ms to make and lay out (its labels and
 * text area measured): a long brief shows its first rows at once and
 * gets the rest a few at a time in idles, between frames, so that the
 * window keeps answering (a 500-claim brief: its first rows in about
 * 300 ms, all of them in 7 s, no frame meanwhile over 70 ms). */
#define ROWS_AT_ONCE 8
#define ROWS_PER_IDLE 4

/* For arrays of rows where NULL stands for a row not made yet. */
static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static gboolean
make_missing_rows (gpointer data)
{
  DossierBriefsView *self = data;

  self->rows_source = 0;
  self->rows_filling = TRUE;
  rebuild_items (self, TRUE);
  self->rows_filling = FALSE;

  return G_SOURCE_REMOVE;
}

/* Rebuilds the rows when the brief's items changed in number, order or
 * kind (or always with @force); edits to texts come from the rows
 * themselves and leave them, and the focus, alone. */
static void
rebuild_items (DossierBriefsView *self,
               gboolean           force)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) wanted = NULL;
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  GtkWidget *child;
  guint made = 0;

  if (self->brief_id != 0)
    {
      items = dossier_briefs_get_items (self->database, self->brief_id, &error);
      if (items == NULL)
        g_warning ("Cannot read the brief's items: %s", error->message);
    }

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      DossierBriefItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (signature, "%" G_GINT64_FORMAT ":%d:%" G_GINT64_FORMAT ";",
                              dossier_brief_item_get_id (item), dossier_brief_item_get_kind (item),
                              dossier_brief_item_get_claim_id (item));
    }

  if (!force && g_strcmp0 (signature->str, self->items_signature) == 0)
    return;

  g_free (self->items_signature);
  self->items_signature = g_string_free (g_steal_pointer (&signature), FALSE);

  /* A row is kept while its item shows the same: a brief of 500 claims
   * took 5 s to build, which every claim saved anywhere, and every item
   * added or moved, cost again when all rows were made anew. A row holding
   * the focus keeps what is being typed in it. */
  self->updating++;
  rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      g_hash_table_insert (rows, g_object_get_data (G_OBJECT (child), ITEM_ID_KEY), g_object_ref (child));

  wanted = g_ptr_array_new_with_free_func (unref_row);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      DossierBriefItem *item = g_ptr_array_index (items, i);
      gint64 id = dossier_brief_item_get_id (item);
      GtkWidget *row = g_hash_table_lookup (rows, &id);
      g_autofree char *content = item_content (item);
      g_autofree char *text = NULL;

      if (row != NULL &&
          g_strcmp0 (g_object_get_data (G_OBJECT (row), CONTENT_KEY), content) == 0 &&
          (gtk_widget_get_focus_child (row) != NULL ||
           g_strcmp0 ((text = row_text (row)), dossier_brief_item_get_text (item)) == 0))
        {
          g_hash_table_steal (rows, &id);
          g_ptr_array_add (wanted, row);
        }
      else if (made < (self->rows_filling ? ROWS_PER_IDLE : ROWS_AT_ONCE))
        {
          g_ptr_array_add (wanted, g_object_ref_sink (item_row_new (self, item)));
          made++;
        }
      else
        g_ptr_array_add (wanted, NULL);
    }

  /* Rows of items gone or changed, then the rest put in order. */
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&child))
    gtk_list_box_remove (self->item_list, child);

  for (guint i = 0, placed = 0; i < wanted->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (wanted, i);

      if (row == NULL)
        continue;
      if (GTK_WIDGET (gtk_list_box_get_row_at_index (self->item_list, placed)) != row)
        {
          if (gtk_widget_get_parent (row) != NULL)
            gtk_list_box_remove (self->item_list, row);
          gtk_list_box_insert (self->item_list, row, placed);
        }
      placed++;
    }
  self->updating--;

  /* The rows not made yet come a few at a time, between frames. */
  g_clear_handle_id (&self->rows_source, g_source_remove);
  if (g_ptr_array_find (wanted, NULL, NULL))
    self->rows_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, make_missing_rows, self, NULL);

  if (self->focus_item != 0)
    {
      GtkWidget *row = find_item_row (self, self->focus_item);
      GtkWidget *editable = row != NULL ? g_object_get_data (G_OBJECT (row), EDITABLE_KEY) : NULL;

      self->focus_item = 0;
      if (editable != NULL)
        gtk_widget_grab_focus (editable);
      else if (row != NULL)
        gtk_widget_grab_focus (row);
    }
}

/* The item whose row holds the focus, 0 if none. */
static gint64
focused_item (DossierBriefsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->item_list)))
    return 0;

  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

  return row_id (row, ITEM_ID_KEY);
}

/* The section the focused item is in, for adding at its end. */
static char *
current_section (DossierBriefsView *self)
{
  gint64 focused = focused_item (self);
  g_autofree char *section = NULL;

  if (focused == 0)
    focused = self->section_item;

  if (focused == 0)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *editable = g_object_get_data (G_OBJECT (child), EDITABLE_KEY);

      if (GTK_IS_ENTRY (editable))
        {
          g_free (section);
          section = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));
        }
      if (row_id (child, ITEM_ID_KEY) == focused)
        break;
    }

  return g_steal_pointer (&section);
}

/* The claim picker */

static void
on_picker_add_clicked (GtkButton         *button,
                       DossierBriefsView *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_widget_activate_action (GTK_WIDGET (self), "briefs.add-claim", "x", row_id (row, CLAIM_ID_KEY));
}

static GtkWidget *
picker_row_new (DossierBriefsView *self,
                DossierClaim      *claim)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *quote = gtk_label_new (dossier_claim_get_quote (claim));
  g_autofree char *by = attribution (claim);
  GtkWidget *source = gtk_label_new (by);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  set_row_id (row, CLAIM_ID_KEY, dossier_claim_get_id (claim));
  add_drag_source (row, "claim");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (content, TRUE);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 4);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_width_chars (GTK_LABEL (quote), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 40);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_add_css_class (source, "caption");
  gtk_box_append (GTK_BOX (content), quote);
  gtk_box_append (GTK_BOX (content), source);

  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add to Brief"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add to Brief"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_picker_add_clicked), self, 0);

  gtk_box_append (GTK_BOX (box), content);
  gtk_box_append (GTK_BOX (box), add);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static const char *
filter_text (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  return text != NULL && text[0] != '\0' ? text : NULL;
}

static void
reload_picker (DossierBriefsView *self)
{
  DossierClaimFilter filter = { 0 };
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->picker_list))))
    gtk_list_box_remove (self->picker_list, child);

  if (self->database == NULL)
    return;

  filter.text = filter_text (GTK_EDITABLE (self->picker_search));
  filter.theme = filter_text (GTK_EDITABLE (self->picker_theme));
  filter.speaker = filter_text (GTK_EDITABLE (self->picker_speaker));
  claims = dossier_claims_list (self->database, &filter, &error);
  if (claims == NULL)
    {
      /* A half-typed search can be bad full-text syntax: say so, keep going. */
      gtk_label_set_label (self->picker_count, error->message);
      return;
    }

  for (guint i = 0; i < claims->len && i < PICKER_LIMIT; i++)
    gtk_list_box_append (self->picker_list, picker_row_new (self, g_ptr_array_index (claims, i)));

  if (claims->len > PICKER_LIMIT)
    count = g_strdup_printf (_("The first %u of %u claims: narrow the search"), PICKER_LIMIT, claims->len);
  else
    count = g_strdup_printf (ngettext ("%u claim", "%u claims", claims->len), claims->len);
  gtk_label_set_label (self->picker_count, count);
}

static void
on_picker_filter_changed (DossierBriefsView *self)
{
  reload_picker (self);
}

static void
on_picker_row_activated (DossierBriefsView *self,
                         GtkListBoxRow     *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "briefs.add-claim", "x", row_id (GTK_WIDGET (row), CLAIM_ID_KEY));
}

/* Database */

static void
on_database_changed (DossierBriefsView *self,
                     guint              what,
                     gint64             document_id)
{
  /* Read afresh when the view shows. */
  if (!self->loaded)
    return;

  if (what & DOSSIER_CHANGE_BRIEFS)
    {
      g_autoptr(DossierBrief) brief = NULL;

      reload_briefs (self);
      if (self->brief_id != 0)
        brief = dossier_briefs_get (self->database, self->brief_id, NULL);
      if (brief != NULL)
        {
          self->updating++;
          update_title_entry (self, brief);
          if (!gtk_widget_has_focus (GTK_WIDGET (self->summary_view)))
            set_buffer_text (gtk_text_view_get_buffer (self->summary_view), dossier_brief_get_summary (brief));
          self->updating--;
        }
      rebuild_items (self, FALSE);
    }

  /* Claims are saved in the Corpus view while this one is hidden: the
   * picker and the rows are brought up to date when it shows again. */
  if ((what & (DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_SOURCES | DOSSIER_CHANGE_DOCUMENTS)) &&
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->claims_stale = TRUE;
  else if (what & (DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_SOURCES | DOSSIER_CHANGE_DOCUMENTS))
    {
      reload_picker (self);
      /* Quotes and attributions may have changed; not under the user's
       * fingers, though. */
      if (!focus_within_items (self))
        rebuild_items (self, TRUE);
    }

  if (what & (DOSSIER_CHANGE_BRIEFS | DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_THEMES |
              DOSSIER_CHANGE_SOURCES | DOSSIER_CHANGE_DOCUMENTS))
    schedule_preview (self);
}

/* Reads the briefs, opening the first, and fills the picker: once, when
 * the view first shows (or is asked about its brief). */
static void
ensure_loaded (DossierBriefsView *self)
{
  GtkListBoxRow *first;

  if (self->loaded || self->database == NULL)
    return;

  self->loaded = TRUE;
  reload_briefs (self);
  reload_picker (self);

  /* Open on the first brief, if any. */
  first = gtk_list_box_get_row_at_index (self->brief_list, 0);
  if (first != NULL)
    {
      self->brief_id = row_id (GTK_WIDGET (first), BRIEF_ID_KEY);
      self->updating++;
      gtk_list_box_select_row (self->brief_list, first);
      self->updating--;
    }
  load_brief (self);
}

void
dossier_briefs_view_set_database (DossierBriefsView *self,
                                  DossierDatabase   *database)
{
  g_return_if_fail (DOSSIER_IS_BRIEFS_VIEW (self));
  g_return_if_fail (database == NULL || DOSSIER_IS_DATABASE (database));

  if (self->database == database)
    return;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);

  self->brief_id = 0;
  self->loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self);
}

void
dossier_briefs_view_set_settings (DossierBriefsView *self,
                                  GSettings         *settings)
{
  g_return_if_fail (DOSSIER_IS_BRIEFS_VIEW (self));

  g_set_object (&self->settings, settings);
  if (settings == NULL)
    return;

  g_settings_bind (settings, "export-include-notes", self->notes_check, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "export-include-themes", self->themes_check, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "export-front-matter", self->front_matter_check, "active", G_SETTINGS_BIND_DEFAULT);
}

gint64
dossier_briefs_view_get_brief_id (DossierBriefsView *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFS_VIEW (self), 0);

  ensure_loaded (self);

  return self->brief_id;
}

void
dossier_briefs_view_select_brief (DossierBriefsView *self,
                                  gint64             brief_id)
{
  g_return_if_fail (DOSSIER_IS_BRIEFS_VIEW (self));

  if (!self->loaded && self->database != NULL)
    {
      self->loaded = TRUE;
      reload_picker (self);
    }
  self->brief_id = brief_id;
  reload_briefs (self);
  load_brief (self);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(GError) error = NULL;

  brief = dossier_briefs_create (self->database, _("Untitled Brief"), NULL, &error);
  if (brief == NULL)
    {
      show_error (self, _("Cannot create a brief"), error);
      return;
    }

  dossier_briefs_view_select_brief (self, dossier_brief_get_id (brief));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(GError) error = NULL;

  brief = dossier_briefs_duplicate (self->database, self->brief_id, NULL, &error);
  if (brief == NULL)
    {
      show_error (self, _("Cannot duplicate the brief"), error);
      return;
    }

  dossier_briefs_view_select_brief (self, dossier_brief_get_id (brief));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  Undo *undo;

  brief = dossier_briefs_get (self->database, self->brief_id, &error);
  if (brief != NULL)
    items = dossier_briefs_get_items (self->database, self->brief_id, &error);
  if (items == NULL || !dossier_briefs_delete (self->database, self->brief_id, &error))
    {
      show_error (self, _("Cannot delete the brief"), error);
      return;
    }

  undo = g_new0 (Undo, 1);
  undo->whole_brief = TRUE;
  undo->title = g_strdup (dossier_brief_get_title (brief));
  undo->summary = g_strdup (dossier_brief_get_summary (brief));
  undo->items = g_steal_pointer (&items);
  /* Translators: a toast; %s is the brief's title */
  title = g_strdup_printf (_("“%s” deleted"), dossier_brief_get_title (brief));
  offer_undo (self, title, undo);
}

static void
added (DossierBriefsView *self,
       DossierBriefItem  *item,
       GError            *error,
       gboolean           focus)
{
  if (item == NULL)
    {
      show_error (self, _("Cannot add to the brief"), error);
      return;
    }

  if (focus)
    {
      self->focus_item = dossier_brief_item_get_id (item);
      /* The change signal has already rebuilt the rows. */
      rebuild_items (self, TRUE);
    }
}

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);
  g_autoptr(DossierBriefItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  item = dossier_briefs_add_heading (self->database, self->brief_id, _("New Section"), &error);
  added (self, item, error, TRUE);

  row = item != NULL ? find_item_row (self, dossier_brief_item_get_id (item)) : NULL;
  if (row != NULL)
    gtk_editable_select_region (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), EDITABLE_KEY)), 0, -1);
}

static void
add_text_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);
  g_autoptr(DossierBriefItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *section = current_section (self);
  GtkWidget *row;

  item = dossier_briefs_add_text (self->database, self->brief_id, _("Text"), section, &error);
  added (self, item, error, TRUE);

  row = item != NULL ? find_item_row (self, dossier_brief_item_get_id (item)) : NULL;
  if (row != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (g_object_get_data (G_OBJECT (row), EDITABLE_KEY));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
    }
}

static void
add_claim_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);
  g_autoptr(DossierBriefItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *section = current_section (self);

  if (self->brief_id == 0)
    return;

  item = dossier_briefs_add_claim (self->database, self->brief_id, g_variant_get_int64 (parameter),
                                   NULL, section, &error);
  added (self, item, error, FALSE);
}

static void
move_item (DossierBriefsView *self,
           gint64             item_id,
           int                delta)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row = find_item_row (self, item_id);
  int index, count = 0;

  if (row == NULL)
    return;

  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    count += GTK_IS_LIST_BOX_ROW (child);

  if (index + delta < 0 || index + delta >= count)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->focus_item = item_id;
  if (!dossier_briefs_move_item (self->database, item_id, index + delta, &error))
    {
      self->focus_item = 0;
      show_error (self, _("Cannot move the item"), error);
    }
}

static void
move_item_up_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);

  move_item (self, parameter != NULL ? g_variant_get_int64 (parameter) : focused_item (self), -1);
}

static void
move_item_down_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);

  move_item (self, parameter != NULL ? g_variant_get_int64 (parameter) : focused_item (self), 1);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);
  gint64 item_id = g_variant_get_int64 (parameter);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  DossierBriefItem *item = NULL;
  Undo *undo;

  items = dossier_briefs_get_items (self->database, self->brief_id, &error);
  for (guint i = 0; items != NULL && i < items->len; i++)
    if (dossier_brief_item_get_id (g_ptr_array_index (items, i)) == item_id)
      item = g_ptr_array_index (items, i);

  if (item == NULL)
    return;

  if (!dossier_briefs_remove_item (self->database, item_id, &error))
    {
      show_error (self, _("Cannot remove the item"), error);
      return;
    }

  undo = g_new0 (Undo, 1);
  undo->brief_id = self->brief_id;
  undo->position = dossier_brief_item_get_position (item);
  undo->kind = dossier_brief_item_get_kind (item);
  undo->claim_id = dossier_brief_item_get_claim_id (item);
  undo->text = g_strdup (dossier_brief_item_get_text (item));
  offer_undo (self,
              undo->kind == DOSSIER_BRIEF_ITEM_HEADING ? _("Section heading removed")
              : undo->kind == DOSSIER_BRIEF_ITEM_CLAIM ? _("Claim removed from the brief")
              : _("Text removed"),
              undo);
}

static DossierBriefItem *
add_back (DossierDatabase       *db,
          gint64                 brief_id,
          DossierBriefItemKind   kind,
          gint64                 claim_id,
          const char            *text,
          GError               **error)
{
  switch (kind)
    {
    case DOSSIER_BRIEF_ITEM_HEADING:
      return dossier_briefs_add_heading (db, brief_id, text, error);
    case DOSSIER_BRIEF_ITEM_CLAIM:
      return dossier_briefs_add_claim (db, brief_id, claim_id, text, NULL, error);
    case DOSSIER_BRIEF_ITEM_TEXT:
    default:
      return dossier_briefs_add_text (db, brief_id, text, NULL, error);
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);
  guint serial = g_variant_get_uint32 (parameter);
  Undo *undo = g_hash_table_lookup (self->undos, GUINT_TO_POINTER (serial));
  g_autoptr(GError) error = NULL;

  if (undo == NULL || self->database == NULL)
    return;

  if (undo->whole_brief)
    {
      g_autoptr(DossierBrief) brief = dossier_briefs_create (self->database, undo->title, undo->summary, &error);

      for (guint i = 0; brief != NULL && i < undo->items->len; i++)
        {
          DossierBriefItem *item = g_ptr_array_index (undo->items, i);
          g_autoptr(DossierBriefItem) back = NULL;

          back = add_back (self->database, dossier_brief_get_id (brief), dossier_brief_item_get_kind (item),
                           dossier_brief_item_get_claim_id (item), dossier_brief_item_get_text (item), &error);
          if (back == NULL)
            break;
        }
      if (error != NULL)
        show_error (self, _("Cannot restore the brief"), error);
      if (brief != NULL)
        dossier_briefs_view_select_brief (self, dossier_brief_get_id (brief));
    }
  else
    {
      g_autoptr(DossierBriefItem) item = NULL;

      item = add_back (self->database, undo->brief_id, undo->kind, undo->claim_id, undo->text, &error);
      if (item != NULL && dossier_brief_item_get_position (item) != undo->position)
        dossier_briefs_move_item (self->database, dossier_brief_item_get_id (item),
                                  MIN (undo->position, dossier_brief_item_get_position (item)), &error);
      if (error != NULL)
        show_error (self, _("Cannot put the item back"), error);
      if (undo->brief_id != self->brief_id)
        dossier_briefs_view_select_brief (self, undo->brief_id);
    }

  g_hash_table_remove (self->undos, GUINT_TO_POINTER (serial));
}

static void
on_export_response (GtkNativeDialog   *dialog,
                    int                response,
                    DossierBriefsView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (file != NULL)
    {
      if (dossier_briefs_view_export_to_file (self, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *escaped = g_markup_escape_text (name, -1);
          /* Translators: a toast; %s is a file name */
          g_autofree char *text = g_strdup_printf (_("Exported to %s"), escaped);

          toast (self, adw_toast_new (text));
        }
      else
        show_error (self, _("Cannot export the brief"), error);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(DossierBrief) brief = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  brief = dossier_briefs_get (self->database, self->brief_id, NULL);
  if (brief == NULL)
    return;

  /* A title may hold a slash; a file name may not. */
  name = g_strdup_printf ("%s.md", dossier_brief_get_title (brief));
  g_strdelimit (name, "/\\", '-');

  dialog = gtk_file_chooser_native_new (_("Export Brief"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("Markdown"));
  gtk_file_filter_add_pattern (filter, "*.md");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
copy_markdown_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = dossier_briefs_view_render (self, &error);

  if (markdown == NULL)
    {
      show_error (self, _("Cannot copy the brief"), error);
      return;
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), markdown);
  toast (self, adw_toast_new (_("Copied")));
}

/* Widget */

static void
add_shortcuts (DossierBriefsView *self)
{
  GtkApplication *app = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkShortcutController *controller;

  if (self->shortcuts != NULL)
    {
      gtk_widget_remove_controller (GTK_WIDGET (self), self->shortcuts);
      self->shortcuts = NULL;
    }

  if (GTK_IS_WINDOW (root))
    app = gtk_window_get_application (GTK_WINDOW (root));

  controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  /* Before the text views, which would take Alt+Up/Down for the cursor. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (controller), GTK_PHASE_CAPTURE);

  for (guint i = 0; i < G_N_ELEMENTS (view_shortcuts); i++)
    dossier_shortcuts_add_from_application (controller, app, view_shortcuts[i].action,
                                            view_shortcuts[i].fallback, NULL);

  self->shortcuts = GTK_EVENT_CONTROLLER (controller);
  gtk_widget_add_controller (GTK_WIDGET (self), self->shortcuts);
}

static void
dossier_briefs_view_map (GtkWidget *widget)
{
  DossierBriefsView *self = DOSSIER_BRIEFS_VIEW (widget);

  GTK_WIDGET_CLASS (dossier_briefs_view_parent_class)->map (widget);

  ensure_loaded (self);
  if (self->claims_stale)
    {
      self->claims_stale = FALSE;
      reload_picker (self);
      rebuild_items (self, TRUE);
    }
}

static void
dossier_briefs_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dossier_briefs_view_parent_class)->root (widget);

  add_shortcuts (DOSSIER_BRIEFS_VIEW (widget));
}

static void
dossier_briefs_view_dispose (GObject *object)
{
  DossierBriefsView *self = (DossierBriefsView *)object;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_handle_id (&self->rows_source, g_source_remove);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_BRIEFS_VIEW);

  g_clear_pointer (&self->undos, g_hash_table_unref);
  g_clear_pointer (&self->items_signature, g_free);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_briefs_view_parent_class)->dispose (object);
}

static void
dossier_briefs_view_class_init (DossierBriefsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_briefs_view_dispose;
  widget_class->map = dossier_briefs_view_map;
  widget_class->root = dossier_briefs_view_root;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-briefs-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, paned);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, brief_list);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, title_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, summary_view);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, item_list);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, picker_search);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, picker_theme);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, picker_speaker);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, picker_count);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, picker_list);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, side_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, preview_view);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, notes_check);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, themes_check);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefsView, front_matter_check);
  gtk_widget_class_bind_template_callback (widget_class, on_brief_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_row_activated);

  gtk_widget_class_install_action (widget_class, "briefs.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "briefs.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "briefs.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "briefs.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "briefs.add-text", NULL, add_text_action);
  gtk_widget_class_install_action (widget_class, "briefs.add-claim", "x", add_claim_action);
  gtk_widget_class_install_action (widget_class, "briefs.move-item-up", NULL, move_item_up_action);
  gtk_widget_class_install_action (widget_class, "briefs.move-item-down", NULL, move_item_down_action);
  gtk_widget_class_install_action (widget_class, "briefs.move-item-up-id", "x", move_item_up_action);
  gtk_widget_class_install_action (widget_class, "briefs.move-item-down-id", "x", move_item_down_action);
  gtk_widget_class_install_action (widget_class, "briefs.remove-item", "x", remove_item_action);
  gtk_widget_class_install_action (widget_class, "briefs.undo", "u", undo_action);
  gtk_widget_class_install_action (widget_class, "briefs.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "briefs.copy-markdown", NULL, copy_markdown_action);

  gtk_widget_class_set_css_name (widget_class, "briefsview");
}

static void
dossier_briefs_view_init (DossierBriefsView *self)
{
  GtkWidget *placeholder;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->undos = g_hash_table_new_full (NULL, NULL, NULL, undo_free);

  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (on_summary_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes_check, "notify::active", G_CALLBACK (on_option_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->themes_check, "notify::active", G_CALLBACK (on_option_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->front_matter_check, "notify::active", G_CALLBACK (on_option_toggled), self, G_CONNECT_SWAPPED);

  placeholder = gtk_label_new (_("Add claims from the list beside, or a section or text"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_start (placeholder, 18);
  gtk_widget_set_margin_end (placeholder, 18);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->item_list, placeholder);

  drop = drop_target_new ();
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_list_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->item_list), GTK_EVENT_CONTROLLER (drop));

  load_brief (self);
}
