/* dossier-sources-window.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-sources-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-delete-dialog.h"
#include "dossier-merge-dialog.h"
#include "dossier-source-row.h"
#include "dossier-sources-window.h"

/* With more sources than this, the search entry shows from the start. */
#define SEARCH_THRESHOLD 12

/* A corpus can have thousands of sources, so they show in a GtkListView,
 * which makes rows only for what is on screen and reuses them. */
struct _DossierSourcesWindow
{
  AdwWindow           parent_instance;

  DossierDatabase    *database;
  GListStore         *sources;         /* DossierSource, as listed last */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GHashTable         *bound;           /* source id (gint64 *) → DossierSourceRow on screen */
  gint64              pending_focus;   /* the source to focus once its row shows */
  guint               reload_source;
  gboolean            loaded;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkToggleButton    *search_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (DossierSourcesWindow, dossier_sources_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void     reload      (DossierSourcesWindow *self);
static gboolean reload_idle (gpointer              user_data);

DossierSourcesWindow *
dossier_sources_window_new (GtkWindow       *parent,
                            DossierDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_DATABASE (database), NULL);

  return g_object_new (DOSSIER_TYPE_SOURCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "database", database,
                       NULL);
}

DossierDatabase *
dossier_sources_window_get_database (DossierSourcesWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCES_WINDOW (self), NULL);

  return self->database;
}

/* Toast titles are Pango markup: names and messages must not be. */
static void
show_toast (DossierSourcesWindow *self,
            const char           *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static DossierSourceRow *
lookup_row (DossierSourcesWindow *self,
            gint64                id)
{
  return g_hash_table_lookup (self->bound, &id);
}

static DossierSource *
lookup_source (DossierSourcesWindow *self,
               gint64                id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (dossier_source_get_id (source) == id)
        return source;   /* the store keeps its reference */
    }

  return NULL;
}

/* The position of the source @id among those the search lets through,
 * or G_MAXUINT. */
static guint
shown_position (DossierSourcesWindow *self,
                gint64                id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSource) source = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (dossier_source_get_id (source) == id)
        return i;
    }

  return G_MAXUINT;
}

/* The row holding the keyboard focus, if any. */
static DossierSourceRow *
focused_row (DossierSourcesWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (DOSSIER_IS_SOURCE_ROW (widget))
      return DOSSIER_SOURCE_ROW (widget);

  /* The list's own row around ours. */
  if (focus != NULL && DOSSIER_IS_SOURCE_ROW (gtk_widget_get_first_child (focus)))
    return DOSSIER_SOURCE_ROW (gtk_widget_get_first_child (focus));

  return NULL;
}

static DossierSourceRow *
renaming_row (DossierSourcesWindow *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (dossier_source_row_is_renaming (row))
      return row;

  return NULL;
}

static gboolean
focus_bound_row (DossierSourcesWindow *self,
                 gint64                id)
{
  DossierSourceRow *row = lookup_row (self, id);

  if (row == NULL)
    return FALSE;

  /* The list's row (around ours) takes the focus, as arrow keys do. */
  gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));

  return TRUE;
}

/* Moves the keyboard to the source @id, scrolling to it if needed. */
static void
focus_source (DossierSourcesWindow *self,
              gint64                id)
{
  guint position;

  self->pending_focus = 0;

  if (id == 0 || focus_bound_row (self, id))
    return;

  if ((position = shown_position (self, id)) == G_MAXUINT)
    return;

  /* Its row is made when scrolled into view; bind_row() focuses it. */
  self->pending_focus = id;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* The source the keyboard goes to when @id goes away: the next one
 * shown, else the previous one. */
static gint64
neighbour_id (DossierSourcesWindow *self,
              gint64                id)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint position = shown_position (self, id);
  g_autoptr(DossierSource) other = NULL;

  if (position == G_MAXUINT)
    return 0;

  if (!(other = g_list_model_get_item (model, position + 1)) && position > 0)
    other = g_list_model_get_item (model, position - 1);

  return other != NULL ? dossier_source_get_id (other) : 0;
}

/* Shows the change now rather than on the next idle, and puts the
 * keyboard on @id. */
static void
reload_and_focus (DossierSourcesWindow *self,
                  gint64                id)
{
  reload (self);
  focus_source (self, id);
}

/* The list's rows */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DossierSourcesWindow     *self)
{
  gtk_list_item_set_child (item, dossier_source_row_new ());
}

static gboolean
focus_pending (gpointer user_data)
{
  DossierSourcesWindow *self = user_data;
  gint64 id = self->pending_focus;

  self->pending_focus = 0;
  focus_bound_row (self, id);

  return G_SOURCE_REMOVE;
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          DossierSourcesWindow     *self)
{
  DossierSource *source = gtk_list_item_get_item (item);
  DossierSourceRow *row = DOSSIER_SOURCE_ROW (gtk_list_item_get_child (item));
  gint64 id = dossier_source_get_id (source);

  dossier_source_row_set_source (row, source);
  gtk_widget_action_set_enabled (GTK_WIDGET (row), "row.merge",
                                 g_list_model_get_n_items (G_LIST_MODEL (self->sources)) > 1);
  /* The list binds the new rows of a reload before it unbinds the old
   * ones: the id may be in the table already, and this row, the one now
   * showing it, replaces the old one. (An insert would keep the old key
   * and free the new one.) */
  g_hash_table_replace (self->bound, g_memdup2 (&id, sizeof id), row);

  if (id == self->pending_focus)
    g_idle_add_full (G_PRIORITY_DEFAULT, focus_pending, g_object_ref (self), g_object_unref);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            DossierSourcesWindow     *self)
{
  DossierSourceRow *row = DOSSIER_SOURCE_ROW (gtk_list_item_get_child (item));
  gint64 id = dossier_source_row_get_id (row);

  if (g_hash_table_lookup (self->bound, &id) == row)
    g_hash_table_remove (self->bound, &id);
  dossier_source_row_set_source (row, NULL);
}

static void
on_list_activate (DossierSourcesWindow *self,
                  guint                 position)
{
  g_autoptr(DossierSource) source = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  DossierSourceRow *row;

  if (source != NULL && (row = lookup_row (self, dossier_source_get_id (source))))
    dossier_source_row_start_rename (row);
}

static void
rename_focused_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierSourceRow *row = focused_row (DOSSIER_SOURCES_WINDOW (widget));

  if (row != NULL)
    dossier_source_row_start_rename (row);
}

static void
menu_focused_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierSourceRow *row = focused_row (DOSSIER_SOURCES_WINDOW (widget));

  if (row != NULL)
    dossier_source_row_popup_menu (row);
}

static void
delete_focused_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierSourceRow *row = focused_row (DOSSIER_SOURCES_WINDOW (widget));

  if (row != NULL && !dossier_source_row_is_renaming (row))
    gtk_widget_activate_action (widget, "sources.delete", "x", dossier_source_row_get_id (row));
}

/* Search */

static gboolean
source_matches (gpointer item,
                gpointer user_data)
{
  DossierSourcesWindow *self = user_data;
  g_autofree char *term = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  /* Matches word starts, ignoring case and accents: "shein" finds
   * "Claudia Sheinbaum", "mexico" finds "México". */
  return term[0] == '\0' || g_str_match_string (term, dossier_source_get_name (item), TRUE);
}

static void
update_page (DossierSourcesWindow *self)
{
  const char *page;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->sources)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    page = "no-results";
  else
    page = "list";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
on_search_changed (DossierSourcesWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierSourcesWindow *self = DOSSIER_SOURCES_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Listing */

static gboolean
same_source (DossierSource *a,
             DossierSource *b)
{
  return dossier_source_get_id (a) == dossier_source_get_id (b) &&
         g_strcmp0 (dossier_source_get_name (a), dossier_source_get_name (b)) == 0 &&
         dossier_source_get_kind (a) == dossier_source_get_kind (b) &&
         dossier_source_get_claim_count (a) == dossier_source_get_claim_count (b) &&
         dossier_source_get_document_count (a) == dossier_source_get_document_count (b);
}

/* Brings the list in line with the database. A change that keeps the
 * order updates the listed sources in place, so the rows on screen, an
 * open menu and the keyboard focus stay where they are. */
static void
reload (DossierSourcesWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->sources);
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  DossierSourceRow *focused;
  GHashTableIter iter;
  gpointer row;
  gint64 focused_id = 0;
  gboolean same_order;
  guint n;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->database == NULL)
    return;

  /* Never pull a row from under a name being typed: try again soon. */
  if (renaming_row (self) != NULL)
    {
      self->reload_source = g_timeout_add (250, reload_idle, self);
      return;
    }

  if (!(sources = dossier_sources_list (self->database, &error)))
    {
      show_toast (self, error->message);
      return;
    }

  if ((focused = focused_row (self)))
    focused_id = dossier_source_row_get_id (focused);

  n = g_list_model_get_n_items (model);
  same_order = n == sources->len;
  for (guint i = 0; same_order && i < n; i++)
    {
      g_autoptr(DossierSource) old = g_list_model_get_item (model, i);

      same_order = dossier_source_get_id (old) == dossier_source_get_id (g_ptr_array_index (sources, i));
    }

  if (same_order)
    {
      gboolean renamed = FALSE;

      /* Update the listed sources themselves: no row is remade. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DossierSource) old = g_list_model_get_item (model, i);
          DossierSource *source = g_ptr_array_index (sources, i);
          DossierSourceRow *shown;

          if (same_source (old, source))
            continue;

          renamed |= g_strcmp0 (dossier_source_get_name (old), dossier_source_get_name (source)) != 0;
          g_object_set (old,
                        "name", dossier_source_get_name (source),
                        "kind", dossier_source_get_kind (source),
                        "claim-count", dossier_source_get_claim_count (source),
                        "document-count", dossier_source_get_document_count (source),
                        NULL);
          if ((shown = lookup_row (self, dossier_source_get_id (old))))
            dossier_source_row_set_source (shown, old);
        }

      if (renamed)
        gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  else
    g_list_store_splice (self->sources, 0, n, sources->pdata, sources->len);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      gtk_search_bar_set_search_mode (self->search_bar, sources->len > SEARCH_THRESHOLD);
    }

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    gtk_widget_action_set_enabled (row, "row.merge", sources->len > 1);

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), sources->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.find", sources->len > 0);
  update_page (self);

  if (focused_id != 0 && focused_row (self) == NULL)
    focus_source (self, focused_id);
}

static gboolean
reload_idle (gpointer user_data)
{
  DossierSourcesWindow *self = user_data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

static void
on_database_changed (DossierSourcesWindow *self,
                     guint                 what,
                     gint64                document_id)
{
  /* Counts follow claims and documents; coalesce a burst of changes. */
  if ((what & (DOSSIER_CHANGE_SOURCES | DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_DOCUMENTS)) &&
      self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle, self);
}

/* Rename and kind */

static void merge_ask (DossierSourcesWindow *self,
                       DossierSource        *from,
                       DossierSource        *into,
                       const char           *reason);

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierSourcesWindow *self = DOSSIER_SOURCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  DossierSourceRow *row;
  const char *name;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &name);

  if (dossier_sources_rename (self->database, id, name, &error))
    return;

  /* Put the name the database still has back in the row. */
  if ((row = lookup_row (self, id)))
    dossier_source_row_set_source (row, dossier_source_row_get_source (row));

  if (g_error_matches (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_EXISTS))
    {
      g_autoptr(DossierSource) into = dossier_sources_find (self->database, name, NULL);
      DossierSource *from = lookup_source (self, id);

      if (from != NULL && into != NULL)
        {
          merge_ask (self, from, into, error->message);
          return;
        }
    }

  show_toast (self, error->message);
}

static void
set_kind_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierSourcesWindow *self = DOSSIER_SOURCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  DossierSourceKind kind;
  DossierSourceRow *row;
  const char *kind_name;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &kind_name);

  if (!dossier_source_kind_from_string (kind_name, &kind))
    {
      g_warning ("Unknown kind of source “%s”", kind_name);
      return;
    }

  if (dossier_sources_set_kind (self->database, id, kind, &error))
    return;

  if ((row = lookup_row (self, id)))
    dossier_source_row_set_source (row, dossier_source_row_get_source (row));
  show_toast (self, error->message);
}

/* Merge */

static void
merge_update_text (DossierMergeDialog *dialog)
{
  DossierSource *from = DOSSIER_SOURCE (dossier_merge_dialog_get_from (dialog));
  DossierSource *into = DOSSIER_SOURCE (dossier_merge_dialog_get_into (dialog));
  const char *from_name = dossier_source_get_name (from);
  g_autofree char *heading = NULL;
  g_autofree char *consequence = NULL;

  if (into == NULL)
    return;

  /* Translators: heading of the dialog that merges one source into another */
  heading = g_strdup_printf (_("Merge “%s” into “%s”?"), from_name, dossier_source_get_name (into));

  if (dossier_source_get_claim_count (from) == 0 &&
      dossier_source_get_document_count (from) == 0)
    /* Translators: the source being merged is not used anywhere */
    consequence = g_strdup_printf (_("No claim or document refers to it; only “%s” is removed."), from_name);
  else
    {
      guint documents = dossier_source_get_document_count (from);
      const char *into_name = dossier_source_get_name (into);

      if (documents == 0)
        /* Translators: what merging one source into another does */
        consequence = g_strdup_printf (_("“%s” becomes the speaker of its claims, and “%s” is removed."),
                                       into_name, from_name);
      else
        /* Translators: what merging one source into another does; %u is a number of documents */
        consequence = g_strdup_printf (ngettext ("“%s” becomes the speaker of its claims and the outlet of its %u document, and “%s” is removed.",
                                                 "“%s” becomes the speaker of its claims and the outlet of its %u documents, and “%s” is removed.",
                                                 documents),
                                       into_name, documents, from_name);
    }

  dossier_merge_dialog_set_text (dialog, heading, consequence);
}

static void
on_merge (DossierMergeDialog   *dialog,
          DossierSource        *from,
          DossierSource        *into,
          DossierSourcesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from_name = g_strdup (dossier_source_get_name (from));
  g_autofree char *into_name = g_strdup (dossier_source_get_name (into));
  g_autofree char *message = NULL;

  if (!dossier_sources_merge (self->database, dossier_source_get_id (from),
                              dossier_source_get_id (into), &error))
    {
      show_toast (self, error->message);
      return;
    }

  reload_and_focus (self, dossier_source_get_id (into));

  /* Translators: a toast after merging two sources */
  message = g_strdup_printf (_("Merged “%s” into “%s”"), from_name, into_name);
  show_toast (self, message);
}

/* Asks whether to merge @from into @into, or into a source the user picks
 * when @into is NULL; @reason (the failed rename's message) leads the text. */
static void
merge_ask (DossierSourcesWindow *self,
           DossierSource        *from,
           DossierSource        *into,
           const char           *reason)
{
  DossierMergeDialog *dialog;

  if (into == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->sources)) < 2)
    {
      show_toast (self, _("There is no other source to merge into"));
      return;
    }

  dialog = dossier_merge_dialog_new (GTK_WINDOW (self), G_OBJECT (from), G_OBJECT (into),
                                     G_LIST_MODEL (self->sources),
                                     gtk_property_expression_new (DOSSIER_TYPE_SOURCE, NULL, "name"),
                                     _("Source to merge into"), reason);
  g_signal_connect (dialog, "notify::into", G_CALLBACK (merge_update_text), NULL);
  g_signal_connect_object (dialog, "merge", G_CALLBACK (on_merge), self, 0);
  merge_update_text (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DossierSourcesWindow *self = DOSSIER_SOURCES_WINDOW (widget);
  DossierSource *from = lookup_source (self, g_variant_get_int64 (parameter));

  if (from != NULL)
    merge_ask (self, from, NULL, NULL);
}

/* Delete */

static void
on_delete (DossierDeleteDialog  *dialog,
           DossierSource        *source,
           DossierSourcesWindow *self)
{
  gint64 neighbour;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  neighbour = neighbour_id (self, dossier_source_get_id (source));

  if (!dossier_sources_delete (self->database, dossier_source_get_id (source), &error))
    {
      show_toast (self, error->message);
      return;
    }

  reload_and_focus (self, neighbour);

  /* Translators: a toast after deleting a source */
  message = g_strdup_printf (_("Deleted “%s”"), dossier_source_get_name (source));
  show_toast (self, message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierSourcesWindow *self = DOSSIER_SOURCES_WINDOW (widget);
  DossierSource *source = lookup_source (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;
  const char *body;
  DossierDeleteDialog *dialog;

  if (source == NULL)
    return;

  /* Translators: heading of the dialog that deletes a source */
  heading = g_strdup_printf (_("Delete “%s”?"), dossier_source_get_name (source));
  if (dossier_source_get_claim_count (source) == 0 && dossier_source_get_document_count (source) == 0)
    body = _("No claim or document refers to it.");
  else
    body = _("Claims it spoke lose their speaker, and documents it published lose their outlet. "
             "The claims and documents themselves stay.");

  dialog = dossier_delete_dialog_new (GTK_WINDOW (self), G_OBJECT (source), heading, body);
  g_signal_connect_object (dialog, "delete", G_CALLBACK (on_delete), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
set_database (DossierSourcesWindow *self,
              DossierDatabase      *database)
{
  g_assert (self->database == NULL);

  if (database == NULL)
    return;

  self->database = g_object_ref (database);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
dossier_sources_window_dispose (GObject *object)
{
  DossierSourcesWindow *self = (DossierSourcesWindow *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SOURCES_WINDOW);

  G_OBJECT_CLASS (dossier_sources_window_parent_class)->dispose (object);
}

static void
dossier_sources_window_finalize (GObject *object)
{
  DossierSourcesWindow *self = (DossierSourcesWindow *)object;

  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sources);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (dossier_sources_window_parent_class)->finalize (object);
}

static void
dossier_sources_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierSourcesWindow *self = DOSSIER_SOURCES_WINDOW (object);

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
dossier_sources_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierSourcesWindow *self = DOSSIER_SOURCES_WINDOW (object);

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
dossier_sources_window_class_init (DossierSourcesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_sources_window_dispose;
  object_class->finalize = dossier_sources_window_finalize;
  object_class->get_property = dossier_sources_window_get_property;
  object_class->set_property = dossier_sources_window_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DOSSIER_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_SOURCE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-sources-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSourcesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierSourcesWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, DossierSourcesWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierSourcesWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierSourcesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierSourcesWindow, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "sources.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "sources.rename-focused", NULL, rename_focused_action);
  gtk_widget_class_install_action (widget_class, "sources.menu-focused", NULL, menu_focused_action);
  gtk_widget_class_install_action (widget_class, "sources.delete-focused", NULL, delete_focused_action);
  gtk_widget_class_install_action (widget_class, "sources.rename", "(xs)", rename_action);
  gtk_widget_class_install_action (widget_class, "sources.set-kind", "(xs)", set_kind_action);
  gtk_widget_class_install_action (widget_class, "sources.merge", "x", merge_action);
  gtk_widget_class_install_action (widget_class, "sources.delete", "x", delete_action);

  /* Escape closes this helper window, as it does dialogs (in the search
   * entry it first closes the search). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Keys for the source whose row has the focus: F2 renames, as in file
   * managers (Enter does too), the Menu key or Shift+F10 open its menu,
   * Delete asks to delete it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "sources.rename-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "sources.menu-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "sources.menu-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "sources.delete-focused", NULL);
}

static void
dossier_sources_window_init (DossierSourcesWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->bound = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->sources = g_list_store_new (DOSSIER_TYPE_SOURCE);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (source_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sources)),
                                              g_object_ref (GTK_FILTER (self->filter)));

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
}
