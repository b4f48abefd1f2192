/* dossier-search-window.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-search-row.h"
#include "dossier-search-window.h"

/* At most this many documents, and as many claims: DESIGN §10's "top 50
 * with snippets". */
#define SEARCH_LIMIT 50

/* The worker's own connection to the database, opened on the first
 * search and kept for the next ones: one search at a time uses it. */
typedef struct
{
  GMutex           mutex;
  char            *path;
  DossierDatabase *db;
} SearchConnection;

static void
search_connection_clear (gpointer data)
{
  SearchConnection *connection = data;

  g_clear_object (&connection->db);
  g_clear_pointer (&connection->path, g_free);
  g_mutex_clear (&connection->mutex);
}

static SearchConnection *
search_connection_new (const char *path)
{
  SearchConnection *connection = g_atomic_rc_box_new0 (SearchConnection);

  g_mutex_init (&connection->mutex);
  connection->path = g_strdup (path);

  return connection;
}

static void
search_connection_unref (SearchConnection *connection)
{
  g_atomic_rc_box_release_full (connection, search_connection_clear);
}

typedef struct
{
  SearchConnection *connection;
  char             *text;
} SearchJob;

static void
search_job_free (gpointer data)
{
  SearchJob *job = data;

  search_connection_unref (job->connection);
  g_free (job->text);
  g_free (job);
}

typedef struct
{
  GPtrArray  *documents;   /* DossierDocumentHit */
  GPtrArray  *claims;      /* DossierClaimHit */
  GHashTable *details;     /* document id (gint64 *) → DossierDocument */
} SearchResults;

static void
search_results_free (gpointer data)
{
  SearchResults *results = data;

  g_clear_pointer (&results->documents, g_ptr_array_unref);
  g_clear_pointer (&results->claims, g_ptr_array_unref);
  g_clear_pointer (&results->details, g_hash_table_unref);
  g_free (results);
}

struct _DossierSearchWindow
{
  AdwWindow         parent_instance;

  DossierDatabase  *database;
  SearchConnection *connection;
  char             *running_text;    /* being searched in the worker, or NULL */
  char             *queued_text;     /* to search once that is done, or NULL */
  char             *shown_text;      /* what the page shows results for */
  gboolean          open_when_done;  /* Enter came before the results */
  gboolean          disposed;

  /* Template widgets */
  GtkSearchEntry   *search_entry;
  GtkStack         *stack;
  AdwStatusPage    *message_page;
  GtkScrolledWindow *scroller;
  GtkListBox       *list_box;
};

G_DEFINE_FINAL_TYPE (DossierSearchWindow, dossier_search_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DOCUMENT_ACTIVATED,
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void run_search (DossierSearchWindow *self,
                        const char          *text);

DossierSearchWindow *
dossier_search_window_new (GtkWindow       *parent,
                           DossierDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_DATABASE (database), NULL);

  return g_object_new (DOSSIER_TYPE_SEARCH_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "database", database,
                       NULL);
}

const char *
dossier_search_window_get_shown_text (DossierSearchWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_WINDOW (self), NULL);

  return self->shown_text;
}

/* The worker */

static void
search_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SearchJob *job = task_data;
  SearchConnection *connection = job->connection;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&connection->mutex);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) documents = NULL;
  SearchResults *results;
  gint64 begin = g_get_monotonic_time ();

  if (connection->db == NULL && !(connection->db = dossier_database_open (connection->path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  results = g_new0 (SearchResults, 1);
  if (!dossier_search (connection->db, job->text, SEARCH_LIMIT,
                       DOSSIER_SEARCH_MARK_OPEN, DOSSIER_SEARCH_MARK_CLOSE,
                       &results->documents, &results->claims, &error))
    {
      search_results_free (results);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Outlets and dates of the documents found, titles of the claims'
   * documents: one query for all. */
  for (guint i = 0; i < results->documents->len; i++)
    {
      DossierDocumentHit *hit = g_ptr_array_index (results->documents, i);

      if (g_hash_table_add (wanted, &hit->id))
        g_array_append_val (ids, hit->id);
    }
  for (guint i = 0; i < results->claims->len; i++)
    {
      DossierClaimHit *hit = g_ptr_array_index (results->claims, i);

      if (g_hash_table_add (wanted, &hit->document_id))
        g_array_append_val (ids, hit->document_id);
    }

  results->details = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  if (ids->len > 0 &&
      !(documents = dossier_documents_get_many (connection->db, (const gint64 *)(gpointer)ids->data, ids->len, &error)))
    /* The results stand without them. */
    g_warning ("Cannot read the documents found: %s", error->message);

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      DossierDocument *document = g_ptr_array_index (documents, i);
      gint64 id = dossier_document_get_id (document);

      g_hash_table_insert (results->details, g_memdup2 (&id, sizeof id), g_object_ref (document));
    }

  g_debug ("“%s”: %u documents, %u claims in %.1f ms", job->text,
           results->documents->len, results->claims->len,
           (g_get_monotonic_time () - begin) / 1000.0);

  g_task_return_pointer (task, results, search_results_free);
}

/* Showing results */

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  DossierSearchResultKind kind = dossier_search_row_get_kind (DOSSIER_SEARCH_ROW (row));
  GtkWidget *header;

  if (before != NULL && dossier_search_row_get_kind (DOSSIER_SEARCH_ROW (before)) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (header != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (header), "kind")) == (int)kind + 1)
    return;

  header = gtk_label_new (kind == DOSSIER_SEARCH_RESULT_DOCUMENT ? _("Documents") : _("Claims"));
  g_object_set_data (G_OBJECT (header), "kind", GINT_TO_POINTER ((int)kind + 1));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_add_css_class (header, "search-group-title");
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static void
clear_rows (DossierSearchWindow *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, row);
}

static void
show_message (DossierSearchWindow *self,
              const char          *icon_name,
              const char          *title,
              const char          *description_markup)
{
  clear_rows (self);
  adw_status_page_set_icon_name (self->message_page, icon_name);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description_markup);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
set_shown_text (DossierSearchWindow *self,
                const char          *text)
{
  g_free (self->shown_text);
  self->shown_text = g_strdup (text);
}

/* The status page's description is markup: the text typed and the
 * messages, which may quote it, are escaped. */
static void
show_results (DossierSearchWindow *self,
              const char          *text,
              SearchResults       *results,
              const GError        *error)
{
  GtkListBoxRow *first;

  set_shown_text (self, text);

  if (error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      show_message (self, "dialog-error-symbolic", _("Cannot Search"), escaped);
      return;
    }

  if (results->documents->len == 0 && results->claims->len == 0)
    {
      /* Translators: %s is what was typed into search */
      g_autofree char *description = g_markup_printf_escaped (_("Nothing matches “%s”. Check the spelling, or try fewer words or a prefix*."),
                                                              text);

      show_message (self, "edit-find-symbolic", _("No Results"), description);
      return;
    }

  clear_rows (self);

  for (guint i = 0; i < results->documents->len; i++)
    {
      DossierDocumentHit *hit = g_ptr_array_index (results->documents, i);

      gtk_list_box_append (self->list_box,
                           dossier_search_row_new_document (hit, g_hash_table_lookup (results->details, &hit->id)));
    }

  for (guint i = 0; i < results->claims->len; i++)
    {
      DossierClaimHit *hit = g_ptr_array_index (results->claims, i);

      gtk_list_box_append (self->list_box,
                           dossier_search_row_new_claim (hit, g_hash_table_lookup (results->details, &hit->document_id)));
    }

  /* The first result is the one Enter opens. */
  first = gtk_list_box_get_row_at_index (self->list_box, 0);
  gtk_list_box_select_row (self->list_box, first);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
open_row (DossierSearchWindow *self,
          GtkListBoxRow       *row)
{
  DossierSearchRow *result = DOSSIER_SEARCH_ROW (row);
  g_autofree char *text = g_strdup (self->shown_text);
  gint64 id = dossier_search_row_get_id (result);

  /* Hidden first, so that the main window has the focus to place. */
  gtk_window_close (GTK_WINDOW (self));

  if (dossier_search_row_get_kind (result) == DOSSIER_SEARCH_RESULT_DOCUMENT)
    g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, id, text);
  else
    g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, id);
}

/* The selected result, else the first. */
static GtkListBoxRow *
chosen_row (DossierSearchWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  return row != NULL ? row : gtk_list_box_get_row_at_index (self->list_box, 0);
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DossierSearchWindow *self = DOSSIER_SEARCH_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_steal_pointer (&self->running_text);
  g_autofree char *queued = g_steal_pointer (&self->queued_text);
  SearchResults *results = g_task_propagate_pointer (G_TASK (result), &error);
  GtkListBoxRow *row;
  gint64 begin;

  if (self->disposed)
    goto out;

  /* Typed on (or the corpus changed) meanwhile: these are stale. */
  if (queued != NULL)
    {
      run_search (self, queued);
      goto out;
    }
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    /* The entry's search-changed, due in a moment, searches again. */
    goto out;

  begin = g_get_monotonic_time ();
  show_results (self, text, results, error);
  g_debug ("“%s”: shown in %.1f ms", text, (g_get_monotonic_time () - begin) / 1000.0);

  if (self->open_when_done)
    {
      self->open_when_done = FALSE;
      if (error == NULL && (row = chosen_row (self)) != NULL)
        open_row (self, row);
    }

out:
  g_clear_pointer (&results, search_results_free);
}

static void
run_search (DossierSearchWindow *self,
            const char          *text)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *query = NULL;
  SearchJob *job;

  /* One search at a time: the latest text waits for the one running. */
  if (self->running_text != NULL)
    {
      g_free (self->queued_text);
      self->queued_text = g_strdup (text);
      return;
    }

  if (text[0] == '\0')
    {
      set_shown_text (self, text);
      clear_rows (self);
      gtk_stack_set_visible_child_name (self->stack, "start");
      return;
    }

  if (!(query = dossier_search_build_query (text)))
    {
      set_shown_text (self, text);
      show_message (self, "edit-find-symbolic", _("Nothing to Search For"),
                    _("Type words: punctuation and search operators alone find nothing."));
      return;
    }

  job = g_new0 (SearchJob, 1);
  job->connection = g_atomic_rc_box_acquire (self->connection);
  job->text = g_strdup (text);
  self->running_text = g_strdup (text);

  task = g_task_new (self, NULL, on_search_done, NULL);
  g_task_set_source_tag (task, run_search);
  g_task_set_task_data (task, job, search_job_free);
  g_task_run_in_thread (task, search_in_thread);
}

/* Searches for what the entry holds, unless that is searched or shown. */
static void
search_entry_text (DossierSearchWindow *self,
                   gboolean             again)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (!again)
    {
      if (self->running_text != NULL && self->queued_text == NULL && g_str_equal (self->running_text, text))
        return;
      if (self->queued_text != NULL && g_str_equal (self->queued_text, text))
        return;
      if (self->running_text == NULL && g_strcmp0 (self->shown_text, text) == 0)
        return;
    }

  run_search (self, text);
}

/* Signal handlers */

static void
on_search_changed (DossierSearchWindow *self)
{
  search_entry_text (self, FALSE);
}

/* Typing in the results goes to the search field (its key capture);
 * the focus follows, so that a space is a space, not a click. */
static void
on_search_text_changed (DossierSearchWindow *self)
{
  GtkWidget *entry = GTK_WIDGET (self->search_entry);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!gtk_widget_get_visible (GTK_WIDGET (self)) ||
      (focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry))))
    return;

  gtk_widget_grab_focus (entry);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
}

/* Enter: the selected (or first) result of what is typed now. */
static void
on_search_activate (DossierSearchWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkListBoxRow *row;

  if (self->running_text == NULL && g_strcmp0 (self->shown_text, text) == 0)
    {
      if ((row = chosen_row (self)) != NULL)
        open_row (self, row);
      return;
    }

  self->open_when_done = TRUE;
  search_entry_text (self, FALSE);
}

static void
on_search_stop (DossierSearchWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Down from the search field moves into the results. */
static gboolean
on_search_key_pressed (DossierSearchWindow *self,
                       guint                keyval,
                       guint                keycode,
                       GdkModifierType      state)
{
  GtkListBoxRow *row;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") != 0 ||
      (row = chosen_row (self)) == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_list_box_select_row (self->list_box, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));

  return GDK_EVENT_STOP;
}

/* Up from the first result goes back to the search field. */
static gboolean
on_list_keynav_failed (DossierSearchWindow *self,
                       GtkDirectionType     direction)
{
  if (direction != GTK_DIR_UP)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return TRUE;
}

static void
on_row_activated (DossierSearchWindow *self,
                  GtkListBoxRow       *row)
{
  open_row (self, row);
}

/* An import or an edit elsewhere: what is shown may be out of date. */
static void
on_database_changed (DossierSearchWindow *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self)) && self->shown_text != NULL)
    search_entry_text (self, TRUE);
}

void
dossier_search_window_present_search (DossierSearchWindow *self)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_WINDOW (self));

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);

  /* The corpus may have changed since the last search. */
  if (self->shown_text != NULL && self->shown_text[0] != '\0')
    search_entry_text (self, TRUE);
}

/* GObject */

static void
set_database (DossierSearchWindow *self,
              DossierDatabase     *database)
{
  g_assert (self->database == NULL);

  if (database == NULL)
    return;

  self->database = g_object_ref (database);
  self->connection = search_connection_new (dossier_database_get_path (database));
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);
}

static void
dossier_search_window_dispose (GObject *object)
{
  DossierSearchWindow *self = (DossierSearchWindow *)object;

  self->disposed = TRUE;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SEARCH_WINDOW);

  G_OBJECT_CLASS (dossier_search_window_parent_class)->dispose (object);
}

static void
dossier_search_window_finalize (GObject *object)
{
  DossierSearchWindow *self = (DossierSearchWindow *)object;

  g_clear_pointer (&self->connection, search_connection_unref);
  g_clear_object (&self->database);
  g_clear_pointer (&self->running_text, g_free);
  g_clear_pointer (&self->queued_text, g_free);
  g_clear_pointer (&self->shown_text, g_free);

  G_OBJECT_CLASS (dossier_search_window_parent_class)->finalize (object);
}

static void
dossier_search_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierSearchWindow *self = DOSSIER_SEARCH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierSearchWindow *self = DOSSIER_SEARCH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_window_class_init (DossierSearchWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_search_window_dispose;
  object_class->finalize = dossier_search_window_finalize;
  object_class->get_property = dossier_search_window_get_property;
  object_class->set_property = dossier_search_window_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DOSSIER_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  signals[CLAIM_ACTIVATED] =
    g_signal_new ("claim-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (DOSSIER_TYPE_SEARCH_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-search-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSearchWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchWindow, message_page);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchWindow, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_keynav_failed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  /* Escape closes, wherever the focus is (in the search field it is the
   * field's stop-search). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_search_window_init (DossierSearchWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list_box, update_header, NULL, NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}
