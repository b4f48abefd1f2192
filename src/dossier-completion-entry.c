/* dossier-completion-entry.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-completion-entry"

#include "config.h"

#include "dossier-completion-entry.h"

/* GtkEntryCompletion is deprecated from GTK 4.10 on: this is the same
 * idea, a popover that never takes the focus from the entry. */

struct _DossierCompletionEntry
{
  GtkEntry            parent_instance;

  GtkStringList      *candidates;
  GtkStringFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkSingleSelection *selection;

  GtkWidget          *popover;
  GtkListView        *list_view;

  char               *folded_query;
  guint               silent : 1;
  guint               has_focus : 1;

  /* A stack around the entry that is changing pages: the suggestions
   * wait for it (see find_sliding_stack()). */
  GtkStack           *sliding_stack;   /* weak */
  gulong              settled_id;
  guint               settled_idle;
};

G_DEFINE_FINAL_TYPE (DossierCompletionEntry, dossier_completion_entry, GTK_TYPE_ENTRY)

enum {
  COMMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
trimmed_text (DossierCompletionEntry *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
}

static const char *
item_string (GListModel *model,
             guint       position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  /* The string list keeps the string alive. */
  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Names starting with what was typed come first, then by name. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  DossierCompletionEntry *self = user_data;
  g_autofree char *fa = g_utf8_casefold (gtk_string_object_get_string ((GtkStringObject *)a), -1);
  g_autofree char *fb = g_utf8_casefold (gtk_string_object_get_string ((GtkStringObject *)b), -1);

  if (self->folded_query != NULL && self->folded_query[0] != '\0')
    {
      gboolean pa = g_str_has_prefix (fa, self->folded_query);
      gboolean pb = g_str_has_prefix (fb, self->folded_query);

      if (pa != pb)
        return pa ? -1 : 1;
    }

  return g_utf8_collate (fa, fb);
}

static void
hide_popup (DossierCompletionEntry *self)
{
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, FALSE,
                               -1);
}

/* The GtkStack around the entry that is changing pages, if any.
 *
 * While a stack slides a page in (the claims pane opening the editor),
 * the entry is allocated where the slide has taken it, up to a page width
 * away from where it will rest, beyond the window's edge when the pane
 * is at it (a maximized window). A popover placed then points there, or
 * nowhere: GTK 4.8 on X11 finds no monitor for an anchor off every
 * monitor and fails with a critical (gdk_monitor_get_geometry:
 * GDK_IS_MONITOR) before placing the popup with undefined bounds. So the
 * suggestions wait until the stack has settled. */
static GtkStack *
find_sliding_stack (DossierCompletionEntry *self)
{
  for (GtkWidget *widget = gtk_widget_get_parent (GTK_WIDGET (self));
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
      return GTK_STACK (widget);

  return NULL;
}

static void update_popup (DossierCompletionEntry *self);

static void
stop_waiting_for_stack (DossierCompletionEntry *self)
{
  if (self->sliding_stack != NULL)
    g_clear_signal_handler (&self->settled_id, self->sliding_stack);
  self->settled_id = 0;
  g_clear_weak_pointer (&self->sliding_stack);
}

/* After the frame in which the stack stopped: by then it has allocated
 * the entry where it rests. */
static gboolean
settled_idle_cb (gpointer data)
{
  DossierCompletionEntry *self = data;

  self->settled_idle = 0;
  update_popup (self);

  return G_SOURCE_REMOVE;
}

static void
on_stack_transition_running (DossierCompletionEntry *self)
{
  if (gtk_stack_get_transition_running (self->sliding_stack))
    return;

  stop_waiting_for_stack (self);
  if (self->settled_idle == 0)
    self->settled_idle = g_idle_add (settled_idle_cb, self);
}

static void
wait_for_stack (DossierCompletionEntry *self,
                GtkStack               *stack)
{
  if (self->sliding_stack == stack)
    return;

  stop_waiting_for_stack (self);
  g_set_weak_pointer (&self->sliding_stack, stack);
  self->settled_id = g_signal_connect_object (stack, "notify::transition-running",
                                              G_CALLBACK (on_stack_transition_running), self,
                                              G_CONNECT_SWAPPED);
}

static void
update_popup (DossierCompletionEntry *self)
{
  g_autofree char *text = trimmed_text (self);
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n_items;

  g_free (self->folded_query);
  self->folded_query = g_utf8_casefold (text, -1);
  gtk_string_filter_set_search (self->filter, text);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  n_items = g_list_model_get_n_items (model);

  if (self->silent || !self->has_focus || text[0] == '\0' || n_items == 0)
    {
      hide_popup (self);
      return;
    }

  /* Nothing to offer but what is typed already. */
  if (n_items == 1)
    {
      g_autofree char *only = g_utf8_casefold (item_string (model, 0), -1);

      if (g_strcmp0 (only, self->folded_query) == 0)
        {
          hide_popup (self);
          return;
        }
    }

  if (!gtk_widget_get_visible (self->popover))
    {
      GtkStack *stack = find_sliding_stack (self);

      if (stack != NULL)
        {
          wait_for_stack (self, stack);
          return;
        }
    }

  gtk_widget_set_size_request (self->popover, MAX (gtk_widget_get_width (GTK_WIDGET (self)), 160), -1);
  if (!gtk_widget_get_visible (self->popover))
    gtk_popover_popup (GTK_POPOVER (self->popover));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, TRUE,
                               -1);
}

static void
on_changed (DossierCompletionEntry *self)
{
  update_popup (self);
}

static void
commit (DossierCompletionEntry *self)
{
  g_autofree char *text = NULL;

  hide_popup (self);
  text = trimmed_text (self);
  g_signal_emit (self, signals[COMMIT], 0, text);
}

/* Takes the suggestion at @position into the entry. */
static void
take_suggestion (DossierCompletionEntry *self,
                 guint                   position)
{
  const char *name = item_string (G_LIST_MODEL (self->selection), position);

  if (name == NULL)
    return;

  self->silent = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), name);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  self->silent = FALSE;
}

static void
on_activate (DossierCompletionEntry *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (gtk_widget_get_visible (self->popover) && selected != GTK_INVALID_LIST_POSITION)
    take_suggestion (self, selected);

  commit (self);
}

static void
on_list_activate (DossierCompletionEntry *self,
                  guint                   position)
{
  take_suggestion (self, position);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  commit (self);
}

static void
move_selection (DossierCompletionEntry *self,
                int                     delta)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (n_items == 0)
    return;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = delta > 0 ? 0 : n_items - 1;
  else if (delta < 0 && selected == 0)
    selected = GTK_INVALID_LIST_POSITION;   /* back to what was typed */
  else
    selected = MIN (selected + delta, n_items - 1);

  gtk_single_selection_set_selected (self->selection, selected);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
}

static gboolean
on_key_pressed (DossierCompletionEntry *self,
                guint                   keyval,
                guint                   keycode,
                GdkModifierType         state,
                GtkEventControllerKey  *controller)
{
  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!gtk_widget_get_visible (self->popover))
        {
          update_popup (self);
          return gtk_widget_get_visible (self->popover);
        }
      move_selection (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!gtk_widget_get_visible (self->popover))
        return GDK_EVENT_PROPAGATE;
      move_selection (self, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      if (!gtk_widget_get_visible (self->popover))
        return GDK_EVENT_PROPAGATE;
      hide_popup (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_focus_enter (DossierCompletionEntry *self)
{
  self->has_focus = TRUE;
}

static void
on_focus_leave (DossierCompletionEntry *self)
{
  self->has_focus = FALSE;
  hide_popup (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

GtkWidget *
dossier_completion_entry_new (void)
{
  return g_object_new (DOSSIER_TYPE_COMPLETION_ENTRY, NULL);
}

void
dossier_completion_entry_set_candidates (DossierCompletionEntry *self,
                                         const char * const     *names)
{
  g_return_if_fail (DOSSIER_IS_COMPLETION_ENTRY (self));

  gtk_string_list_splice (self->candidates, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->candidates)),
                          names);
  if (gtk_widget_get_visible (self->popover))
    update_popup (self);
}

void
dossier_completion_entry_set_text (DossierCompletionEntry *self,
                                   const char             *text)
{
  g_return_if_fail (DOSSIER_IS_COMPLETION_ENTRY (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text != NULL ? text : "") == 0)
    return;

  self->silent = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
  self->silent = FALSE;
}

GListModel *
dossier_completion_entry_get_suggestions (DossierCompletionEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPLETION_ENTRY (self), NULL);

  return G_LIST_MODEL (self->selection);
}

gboolean
dossier_completion_entry_get_popup_visible (DossierCompletionEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPLETION_ENTRY (self), FALSE);

  return gtk_widget_get_visible (self->popover);
}

static void
dossier_completion_entry_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  DossierCompletionEntry *self = DOSSIER_COMPLETION_ENTRY (widget);

  GTK_WIDGET_CLASS (dossier_completion_entry_parent_class)->size_allocate (widget, width, height, baseline);

  /* It follows the entry, but not while a stack slides it (see
   * find_sliding_stack()): the stack allocates it again once settled. */
  if (self->popover != NULL && gtk_widget_get_visible (self->popover) && find_sliding_stack (self) == NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
dossier_completion_entry_dispose (GObject *object)
{
  DossierCompletionEntry *self = (DossierCompletionEntry *)object;

  stop_waiting_for_stack (self);
  g_clear_handle_id (&self->settled_idle, g_source_remove);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->candidates);
  self->filter = NULL;
  self->sorter = NULL;

  G_OBJECT_CLASS (dossier_completion_entry_parent_class)->dispose (object);
}

static void
dossier_completion_entry_finalize (GObject *object)
{
  DossierCompletionEntry *self = (DossierCompletionEntry *)object;

  g_clear_pointer (&self->folded_query, g_free);

  G_OBJECT_CLASS (dossier_completion_entry_parent_class)->finalize (object);
}

static void
dossier_completion_entry_class_init (DossierCompletionEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_completion_entry_dispose;
  object_class->finalize = dossier_completion_entry_finalize;

  widget_class->size_allocate = dossier_completion_entry_size_allocate;

  signals[COMMIT] =
    g_signal_new ("commit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
dossier_completion_entry_init (DossierCompletionEntry *self)
{
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkEventController *controller;
  GtkWidget *scroller;

  self->candidates = gtk_string_list_new (NULL);

  self->filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->candidates)),
                                        GTK_FILTER (self->filter));

  self->sorter = gtk_custom_sorter_new (compare_candidates, self, NULL);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), GTK_SORTER (self->sorter));

  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate), self);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));

  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_widget_set_can_focus (self->popover, FALSE);
  gtk_widget_add_css_class (self->popover, "completion");
  gtk_popover_set_child (GTK_POPOVER (self->popover), scroller);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  g_signal_connect (self, "changed", G_CALLBACK (on_changed), NULL);
  g_signal_connect (self, "activate", G_CALLBACK (on_activate), NULL);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_AUTOCOMPLETE, GTK_ACCESSIBLE_AUTOCOMPLETE_LIST,
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                  -1);
}
