/* dossier-document-list.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-document-list"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-document-list.h"
#include "dossier-document-row.h"

struct _DossierDocumentList
{
  GtkWidget             parent_instance;

  DossierDatabase      *database;
  GSettings            *settings;
  DossierDocumentModel *model;
  GtkSingleSelection   *selection;
  GtkStringList        *outlet_names;
  GArray               *outlet_ids;     /* gint64, parallel to outlet_names; 0: all */
  char                 *sort;           /* "date", "title" or "outlet" */

  /* The document last activated, which the reader shows: kept selected
   * whenever it is listed, across searches, sorts and edits. */
  gint64                shown_id;
  /* Where the selected row was when a change took it (see
   * on_model_items_changing()), and whether the change is one the user
   * asked for here (a sort, a search), which scrolls to it. */
  guint                 changed_from;
  guint                 scroll_after_change : 1;
  /* Selection changes made here, that must not activate. */
  guint                 quiet;
  guint                 updating_outlets : 1;
  guint                 first_idle;

  /* Template widgets */
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *sort_button;
  GtkDropDown          *outlet_dropdown;
  GtkStack             *stack;
  GtkGridView          *list_view;     /* one column: see the .ui file */
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (DossierDocumentList, dossier_document_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

enum {
  DOCUMENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Rows */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, dossier_document_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  dossier_document_row_set_document (DOSSIER_DOCUMENT_ROW (gtk_list_item_get_child (item)),
                                     gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  dossier_document_row_set_document (DOSSIER_DOCUMENT_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Selection */

static void
activate_document (DossierDocumentList *self,
                   gint64               document_id)
{
  self->shown_id = document_id;
  g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, document_id);
}

static void
select_quietly (DossierDocumentList *self,
                guint                position)
{
  self->quiet++;
  gtk_single_selection_set_selected (self->selection, position);
  self->quiet--;
}

static void
scroll_to (DossierDocumentList *self,
           guint                position)
{
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* Selects the row at @position and tells the window, even when it was
 * already selected. */
static void
choose_position (DossierDocumentList *self,
                 guint                position)
{
  gint64 id = dossier_document_model_get_document_id (self->model, position);

  if (id == 0)
    return;

  select_quietly (self, position);
  scroll_to (self, position);
  activate_document (self, id);
}

static void
on_selection_changed (DossierDocumentList *self)
{
  DossierDocument *document;

  if (self->quiet > 0)
    return;

  /* A click, or the arrow keys moving through the list. */
  document = gtk_single_selection_get_selected_item (self->selection);
  if (document != NULL && dossier_document_get_id (document) != self->shown_id)
    activate_document (self, dossier_document_get_id (document));
}

static gboolean
choose_first_idle (gpointer data)
{
  DossierDocumentList *self = data;

  self->first_idle = 0;

  if (self->shown_id == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0 &&
      !dossier_document_model_get_filtered (self->model))
    choose_position (self, 0);

  return G_SOURCE_REMOVE;
}

/* The list is never empty with nothing chosen: on first load (or the first
 * import), the first document opens. Later, in an idle, so that the
 * window has connected the reader by then. */
static void
maybe_choose_first (DossierDocumentList *self)
{
  if (self->shown_id == 0 && self->first_idle == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    self->first_idle = g_idle_add (choose_first_idle, self);
}

static void
update_page (DossierDocumentList *self)
{
  gboolean filtered = dossier_document_model_get_filtered (self->model);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.clear-filters", filtered);

  if (n == 0 && filtered)
    {
      const char *text = dossier_document_model_get_text (self->model);
      g_autofree char *description = NULL;

      if (text != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (text, -1);

          description = g_strdup_printf (_("No documents match “%s”"), escaped);
        }
      else
        description = g_strdup (_("No documents from this outlet"));

      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Just before the model changes, while positions are still the old ones:
 * if the selected row is in the change, let go of it. Otherwise
 * GtkSingleSelection would look for it among all the rows added, making
 * every document up to it (a whole 100,000-row list when the sort
 * changes). */
static void
on_model_items_changing (DossierDocumentList *self,
                         guint                position,
                         guint                removed,
                         guint                added)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION && selected >= position && selected < position + removed)
    {
      self->changed_from = selected;
      select_quietly (self, GTK_INVALID_LIST_POSITION);
    }
}

/* After the view followed a change: the shown document is selected again
 * wherever it went (or when it is listed again, after a search); if it
 * left the whole corpus, its neighbour takes its place. */
static void
on_selection_items_changed (DossierDocumentList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  /* The removal half of a big replacement: the new items follow. */
  if (dossier_document_model_get_replacing (self->model))
    return;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      self->shown_id != 0)
    {
      guint found = dossier_document_model_find (self->model, self->shown_id);

      if (found != G_MAXUINT)
        {
          select_quietly (self, found);
          if (self->scroll_after_change)
            scroll_to (self, found);
        }
      else if (self->changed_from != GTK_INVALID_LIST_POSITION && n > 0 &&
               !dossier_document_model_get_filtered (self->model))
        choose_position (self, MIN (self->changed_from, n - 1));
    }

  self->changed_from = GTK_INVALID_LIST_POSITION;
  update_page (self);
  maybe_choose_first (self);
}

/* Sorts and filters the user asked for here bring the shown document into
 * view; changes made elsewhere leave the scroll position alone. */
static void
begin_user_change (DossierDocumentList *self)
{
  self->scroll_after_change = TRUE;
}

static void
end_user_change (DossierDocumentList *self)
{
  self->scroll_after_change = FALSE;
  update_page (self);
}

/* Outlets */

static void
set_outlet_filter (DossierDocumentList *self,
                   gint64               outlet_id)
{
  begin_user_change (self);
  dossier_document_model_set_outlet_id (self->model, outlet_id);
  end_user_change (self);
}

static void
reload_outlets (DossierDocumentList *self)
{
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  gint64 current = dossier_document_model_get_outlet_id (self->model);
  guint selected = 0;
  gboolean same;

  if (!(outlets = dossier_documents_list_outlets (self->database, &error)))
    {
      g_warning ("Cannot list outlets: %s", error->message);
      return;
    }

  /* Nothing to choose from without outlets. */
  gtk_widget_set_visible (GTK_WIDGET (self->outlet_dropdown), outlets->len > 0);

  names = g_ptr_array_new ();
  g_ptr_array_add (names, (gpointer)_("All Outlets"));
  for (guint i = 0; i < outlets->len; i++)
    g_ptr_array_add (names, (gpointer)dossier_source_get_name (g_ptr_array_index (outlets, i)));

  /* Rebuilding the list would reset the drop-down: only when it changed. */
  same = names->len == g_list_model_get_n_items (G_LIST_MODEL (self->outlet_names));
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->outlet_names, i), g_ptr_array_index (names, i)) == 0 &&
           (i == 0 || g_array_index (self->outlet_ids, gint64, i) ==
                      dossier_source_get_id (g_ptr_array_index (outlets, i - 1)));
  if (same)
    return;

  g_array_set_size (self->outlet_ids, 1);
  for (guint i = 0; i < outlets->len; i++)
    {
      gint64 id = dossier_source_get_id (g_ptr_array_index (outlets, i));

      g_array_append_val (self->outlet_ids, id);
      if (id == current)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);

  self->updating_outlets = TRUE;
  gtk_string_list_splice (self->outlet_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->outlet_names)),
                          (const char * const *)names->pdata);
  gtk_drop_down_set_selected (self->outlet_dropdown, selected);
  self->updating_outlets = FALSE;

  /* The outlet filtered on is gone (merged, or its documents deleted). */
  if (selected == 0 && current != 0)
    set_outlet_filter (self, 0);
}

static void
on_outlet_selected (DossierDocumentList *self)
{
  guint selected = gtk_drop_down_get_selected (self->outlet_dropdown);

  if (self->updating_outlets || self->model == NULL || selected >= self->outlet_ids->len)
    return;

  set_outlet_filter (self, g_array_index (self->outlet_ids, gint64, selected));
}

static void
setup_outlet_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  max_width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_width_chars));
  gtk_list_item_set_child (item, label);
}

static void
bind_outlet_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (string));
}

static GtkListItemFactory *
outlet_factory_new (int max_width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_outlet_item), GINT_TO_POINTER (max_width_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_outlet_item), NULL);

  return factory;
}

/* Database */

/* The model follows the change by itself; outlets may have come or gone. */
static void
on_database_changed (DossierDocumentList *self,
                     guint                what,
                     gint64               document_id)
{
  if (what & DOSSIER_CHANGE_DOCUMENTS)
    reload_outlets (self);
}

/* Search */

static void
on_search_changed (DossierDocumentList *self)
{
  if (self->model == NULL)
    return;

  begin_user_change (self);
  dossier_document_model_set_text (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  end_user_change (self);
}

/* Enter opens the selected result, or the first one. */
static void
on_search_activate (DossierDocumentList *self)
{
  guint selected;

  if (self->model == NULL)
    return;

  /* Act on what is typed now, not 150 ms from now. */
  on_search_changed (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;

  selected = gtk_single_selection_get_selected (self->selection);
  choose_position (self, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
}

static void
on_search_stop (DossierDocumentList *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      on_search_changed (self);
    }
}

/* Down from the search field moves into the list. */
static gboolean
focus_list (DossierDocumentList *self)
{
  guint selected;

  if (self->model == NULL)
    return FALSE;

  on_search_changed (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return FALSE;

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    choose_position (self, 0);
  else
    scroll_to (self, selected);

  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  return TRUE;
}

static gboolean
on_search_key_pressed (DossierDocumentList   *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0)
    return focus_list (self);

  return FALSE;
}

/* Up from the first row goes back to the search field. */
static gboolean
on_list_key_pressed (DossierDocumentList   *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state)
{
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0 &&
      gtk_single_selection_get_selected (self->selection) == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return TRUE;
    }

  return FALSE;
}

/* Enter or a double click on a row: open it (again). */
static void
on_list_activate (DossierDocumentList *self,
                  guint                position)
{
  choose_position (self, position);
}

static void
clear_filters (DossierDocumentList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (self->model == NULL)
    return;

  begin_user_change (self);
  dossier_document_model_set_text (self->model, NULL);
  self->updating_outlets = TRUE;
  gtk_drop_down_set_selected (self->outlet_dropdown, 0);
  self->updating_outlets = FALSE;
  set_outlet_filter (self, 0);
  end_user_change (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierDocumentList *self = DOSSIER_DOCUMENT_LIST (widget);

  clear_filters (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Sort */

static DossierDocumentSort
sort_from_string (const char *sort)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (DOSSIER_TYPE_DOCUMENT_SORT);
  GEnumValue *value = g_enum_get_value_by_nick (klass, sort);

  return value != NULL ? (DossierDocumentSort)value->value : DOSSIER_DOCUMENT_SORT_DATE;
}

static void
set_sort (DossierDocumentList *self,
          const char          *sort)
{
  if (sort == NULL || (g_strcmp0 (sort, "date") != 0 && g_strcmp0 (sort, "title") != 0 &&
                       g_strcmp0 (sort, "outlet") != 0))
    sort = "date";

  if (g_strcmp0 (self->sort, sort) == 0)
    return;

  g_free (self->sort);
  self->sort = g_strdup (sort);

  if (self->model != NULL)
    {
      begin_user_change (self);
      dossier_document_model_set_sort (self->model, sort_from_string (sort));
      end_user_change (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

/* Public API */

void
dossier_document_list_set_database (DossierDocumentList *self,
                                    DossierDatabase     *database)
{
  GtkListItemFactory *factory;

  g_return_if_fail (DOSSIER_IS_DOCUMENT_LIST (self));
  g_return_if_fail (DOSSIER_IS_DATABASE (database));
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);

  self->model = dossier_document_model_new (database);
  dossier_document_model_set_sort (self->model, sort_from_string (self->sort));
  g_signal_connect_object (self->model, "items-changing", G_CALLBACK (on_model_items_changing), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_selection_items_changed),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  /* Rows are widgets of their own, made once and rebound while
   * scrolling: cheaper than building a template per row. */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_grid_view_set_factory (self->list_view, factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);

  reload_outlets (self);
  update_page (self);
  maybe_choose_first (self);
}

void
dossier_document_list_focus_search (DossierDocumentList *self)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

gboolean
dossier_document_list_select (DossierDocumentList *self,
                              gint64               document_id)
{
  guint position;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_LIST (self), FALSE);

  if (self->model == NULL)
    return FALSE;

  position = dossier_document_model_find (self->model, document_id);
  if (position == G_MAXUINT && dossier_document_model_get_filtered (self->model))
    {
      clear_filters (self);
      position = dossier_document_model_find (self->model, document_id);
    }
  if (position == G_MAXUINT)
    return FALSE;

  choose_position (self, position);

  return TRUE;
}

gint64
dossier_document_list_get_selected_id (DossierDocumentList *self)
{
  DossierDocument *document;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_LIST (self), 0);

  if (self->selection == NULL ||
      !(document = gtk_single_selection_get_selected_item (self->selection)))
    return 0;

  return dossier_document_get_id (document);
}

/* GObject */

static void
dossier_document_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierDocumentList *self = DOSSIER_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_string (value, self->sort);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierDocumentList *self = DOSSIER_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_SORT:
      set_sort (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_list_dispose (GObject *object)
{
  DossierDocumentList *self = (DossierDocumentList *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->first_idle, g_source_remove);
  /* The database outlives the list: no more changes once it is gone. */
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DOCUMENT_LIST);
  /* Template children without an id are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->outlet_names);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (dossier_document_list_parent_class)->dispose (object);
}

static void
dossier_document_list_finalize (GObject *object)
{
  DossierDocumentList *self = (DossierDocumentList *)object;

  g_clear_pointer (&self->outlet_ids, g_array_unref);
  g_clear_pointer (&self->sort, g_free);

  G_OBJECT_CLASS (dossier_document_list_parent_class)->finalize (object);
}

static void
dossier_document_list_class_init (DossierDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_document_list_dispose;
  object_class->finalize = dossier_document_list_finalize;
  object_class->get_property = dossier_document_list_get_property;
  object_class->set_property = dossier_document_list_set_property;

  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL,
                         "date",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentList, sort_button);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentList, outlet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentList, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentList, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentList, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_property_action (widget_class, "documents.sort", "sort");
  gtk_widget_class_install_action (widget_class, "documents.clear-filters", NULL, clear_filters_action);

  gtk_widget_class_set_css_name (widget_class, "documentlist");
}

static void
dossier_document_list_init (DossierDocumentList *self)
{
  g_autoptr(GtkListItemFactory) button_factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source;
  GtkEventController *controller;
  gint64 all = 0;

  self->sort = g_strdup ("date");
  self->changed_from = GTK_INVALID_LIST_POSITION;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->outlet_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->outlet_ids, all);
  self->outlet_names = gtk_string_list_new ((const char * const[]) { _("All Outlets"), NULL });
  button_factory = outlet_factory_new (-1);
  list_factory = outlet_factory_new (32);
  gtk_drop_down_set_factory (self->outlet_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->outlet_dropdown, list_factory);
  gtk_drop_down_set_expression (self->outlet_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_model (self->outlet_dropdown, G_LIST_MODEL (self->outlet_names));
  g_signal_connect_object (self->outlet_dropdown, "notify::selected", G_CALLBACK (on_outlet_selected),
                           self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_search_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_list_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  /* Typing while the list has focus searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.clear-filters", FALSE);

  /* The setting is remembered when the schema is installed (always, but
   * for a widget built alone in a test without it). */
  source = g_settings_schema_source_get_default ();
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    {
      self->settings = g_settings_new (APP_ID);
      g_settings_bind (self->settings, "document-sort", self, "sort", G_SETTINGS_BIND_DEFAULT);
    }
}
