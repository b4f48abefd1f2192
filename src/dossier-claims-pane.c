/* dossier-claims-pane.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-claims-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-claim-card.h"
#include "dossier-claim-editor.h"
#include "dossier-claims-pane.h"
#include "dossier-shortcuts.h"
#include "dossier-window.h"

/* The actions the pane's own shortcuts trigger, with the keys used when
 * the application's accelerator table has none for them. */
static const struct {
  const char *action;
  const char *fallback;
} pane_shortcuts[] = {
  { "claims.delete", "Delete" },
  { "claims.back", "Escape" },
};

struct _DossierClaimsPane
{
  GtkWidget           parent_instance;

  DossierDatabase    *database;
  gint64              document_id;
  gint64              selected_id;
  gboolean            show_all;
  gboolean            disposed;
  guint               updating;

  GListStore         *claims;
  GtkSingleSelection *selection;
  GHashTable         *theme_colors;   /* casefolded name → "#rrggbb" */
  GtkStringList      *theme_names;
  GtkStringList      *speaker_names;
  GtkStringList      *outlet_names;

  /* The toast offering to undo the last deletes, while it shows. */
  AdwToast           *undo_toast;

  GtkEventController *shortcuts;

  /* Template widgets */
  GtkStack           *stack;
  GtkToggleButton    *document_toggle;
  GtkToggleButton    *all_toggle;
  GtkRevealer        *filters_revealer;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *theme_dropdown;
  GtkDropDown        *speaker_dropdown;
  GtkDropDown        *outlet_dropdown;
  GtkLabel           *count_label;
  GtkStack           *content_stack;
  GtkGridView        *list_view;         /* one column: see the .ui file */
  DossierClaimEditor *editor;

  /* Cards held back until the frame that shows a new document is painted
   * (see hold_cards_until_painted()). */
  gboolean            cards_held;
  GdkFrameClock      *cards_clock;
  gulong              cards_after_paint;
  guint               pending_scroll;
};

G_DEFINE_FINAL_TYPE (DossierClaimsPane, dossier_claims_pane, GTK_TYPE_WIDGET)

enum {
  CLAIM_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SNAPSHOTS_KEY "dossier-claims-pane-snapshots"

static void
show_error (DossierClaimsPane *self,
            const char        *what,
            const GError      *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);
  AdwToast *toast;

  if (window == NULL)
    {
      g_warning ("%s", message);
      return;
    }

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  dossier_window_add_toast (DOSSIER_WINDOW (window), toast);
}

static gboolean
editor_is_open (DossierClaimsPane *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "editor") == 0;
}

/* The claim Delete applies to: the one in the editor, else the selected one. */
static gint64
target_claim (DossierClaimsPane *self)
{
  if (editor_is_open (self))
    return dossier_claim_editor_get_claim_id (self->editor);

  return self->selected_id;
}

static void
update_actions (DossierClaimsPane *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims.delete", target_claim (self) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims.edit", self->selected_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims.back", editor_is_open (self));
}

static guint
find_position (DossierClaimsPane *self,
               gint64             claim_id)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->claims));

  if (claim_id == 0)
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DossierClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), i);

      if (dossier_claim_get_id (claim) == claim_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Selects without telling anyone: for selections that come from the
 * window or from reloading. */
static void
select_quietly (DossierClaimsPane *self,
                gint64             claim_id)
{
  guint position = find_position (self, claim_id);

  self->updating++;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating--;

  self->selected_id = position != GTK_INVALID_LIST_POSITION ? claim_id : 0;
  update_actions (self);
}

static void
scroll_to (DossierClaimsPane *self,
           guint              position)
{
  if (self->cards_held)
    self->pending_scroll = position;
  else if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* A document with many claims: the cards' view makes and measures some
 * thirty cards at once (GTK 4.8's list view made 200, see the .ui file),
 * still half the frame that first shows a 1 MB document with 1,000
 * claims (build-aux/bench). The view is given the claims only once that
 * frame is painted, so the text comes first and the cards in the frame
 * after. The claims themselves, the selection and everything the pane
 * answers are there at once. */
#define HOLD_CARDS_FROM 50

static void
release_cards (DossierClaimsPane *self)
{
  if (self->cards_clock != NULL)
    {
      g_clear_signal_handler (&self->cards_after_paint, self->cards_clock);
      g_clear_object (&self->cards_clock);
    }

  if (!self->cards_held)
    return;

  self->cards_held = FALSE;
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  scroll_to (self, self->pending_scroll);
  self->pending_scroll = GTK_INVALID_LIST_POSITION;
}

static void
hold_cards_until_painted (DossierClaimsPane *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->cards_held || clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->cards_held = TRUE;
  self->pending_scroll = GTK_INVALID_LIST_POSITION;
  gtk_grid_view_set_model (self->list_view, NULL);
  self->cards_clock = g_object_ref (clock);
  self->cards_after_paint = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (release_cards), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Puts the keyboard focus on the claim's card, or on the list. */
static void
focus_card (DossierClaimsPane *self,
            gint64             claim_id)
{
  guint position = find_position (self, claim_id);

  release_cards (self);

  scroll_to (self, position);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL && position != GTK_INVALID_LIST_POSITION;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = gtk_widget_get_first_child (row);

      if (DOSSIER_IS_CLAIM_CARD (card) &&
          dossier_claim_card_get_claim (DOSSIER_CLAIM_CARD (card)) != NULL &&
          dossier_claim_get_id (dossier_claim_card_get_claim (DOSSIER_CLAIM_CARD (card))) == claim_id &&
          gtk_widget_grab_focus (row))
        return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Brings @target (a claim in the list) up to date with @source (the
 * same claim as just read); its card follows the notifications. Only
 * these properties can change: the quote and its place never do. */
static void
sync_claim (DossierClaim *target,
            DossierClaim *source)
{
  g_autofree char *title = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *note = NULL;
  g_autofree char *updated = NULL;
  g_auto(GStrv) themes = NULL;
  gint64 speaker_id;

  g_object_get (source,
                "document-title", &title,
                "outlet", &outlet,
                "speaker", &speaker,
                "speaker-id", &speaker_id,
                "note", &note,
                "themes", &themes,
                "updated", &updated,
                NULL);

  g_object_freeze_notify (G_OBJECT (target));
  g_object_set (target,
                "document-title", title,
                "outlet", outlet,
                "speaker", speaker,
                "speaker-id", speaker_id,
                "note", note,
                "themes", themes,
                "updated", updated,
                NULL);
  g_object_thaw_notify (G_OBJECT (target));
}

/* The dropdown's choice, or NULL for its first item ("All …"). */
static const char *
dropdown_choice (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GtkStringObject *item;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static gboolean
is_filtering (DossierClaimsPane *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  return trimmed[0] != '\0' ||
         dropdown_choice (self->theme_dropdown) != NULL ||
         dropdown_choice (self->speaker_dropdown) != NULL ||
         dropdown_choice (self->outlet_dropdown) != NULL;
}

static void
update_page (DossierClaimsPane *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  const char *page;

  if (!self->show_all && self->document_id == 0)
    page = "no-document";
  else if (n_items > 0)
    page = "cards";
  else if (self->show_all && is_filtering (self))
    page = "no-match";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->content_stack, page);

  if (n_items > 0)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u claim", "%u claims", n_items), n_items);

      gtk_label_set_label (self->count_label, count);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n_items > 0);
}

/* Lists the claims again. With @keep_cards, claims listed before keep
 * their object (brought up to date), so their cards, the selection and
 * the scroll position stay as they are. */
static void
reload (DossierClaimsPane *self,
        gboolean           keep_cards)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) old = NULL;
  guint prefix = 0, suffix = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DossierClaimFilter filter = { 0 };
  guint n_old;

  if (self->database == NULL || self->disposed)
    return;

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->claims));

  if (self->show_all)
    {
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
      filter.text = text[0] != '\0' ? text : NULL;
      filter.theme = dropdown_choice (self->theme_dropdown);
      filter.speaker = dropdown_choice (self->speaker_dropdown);
      filter.outlet = dropdown_choice (self->outlet_dropdown);
      claims = dossier_claims_list (self->database, &filter, &error);
    }
  else if (self->document_id != 0)
    {
      filter.document_id = self->document_id;
      claims = dossier_claims_list (self->database, &filter, &error);
    }
  else
    claims = g_ptr_array_new_with_free_func (g_object_unref);

  if (claims == NULL)
    {
      show_error (self, _("Cannot list the claims"), error);
      return;
    }

  /* Old claims by id: looking each up in the store would be quadratic. */
  previous = g_ptr_array_new_full (n_old, g_object_unref);
  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (previous, g_list_model_get_item (G_LIST_MODEL (self->claims), i));

  if (keep_cards)
    {
      old = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < n_old; i++)
        {
          DossierClaim *claim = g_ptr_array_index (previous, i);
          gint64 id = dossier_claim_get_id (claim);

          g_hash_table_insert (old, g_memdup2 (&id, sizeof id), claim);
        }
    }

  items = g_ptr_array_new_full (claims->len, g_object_unref);
  for (guint i = 0; i < claims->len; i++)
    {
      DossierClaim *claim = g_ptr_array_index (claims, i);
      DossierClaim *same = NULL;

      if (old != NULL)
        {
          gint64 id = dossier_claim_get_id (claim);

          if ((same = g_hash_table_lookup (old, &id)))
            sync_claim (same, claim);
        }

      g_ptr_array_add (items, g_object_ref (same != NULL ? same : claim));
    }

  /* Only the run between what stayed at the start and at the end
   * changes: an edit rebinds one card, not all of them. */
  while (prefix < previous->len && prefix < items->len &&
         g_ptr_array_index (previous, prefix) == g_ptr_array_index (items, prefix))
    prefix++;
  while (suffix < previous->len - prefix && suffix < items->len - prefix &&
         g_ptr_array_index (previous, previous->len - 1 - suffix) == g_ptr_array_index (items, items->len - 1 - suffix))
    suffix++;

  if (prefix + suffix < MAX (previous->len, items->len))
    {
      self->updating++;
      g_list_store_splice (self->claims, prefix, previous->len - prefix - suffix,
                           items->pdata + prefix, items->len - prefix - suffix);
      self->updating--;
    }

  select_quietly (self, self->selected_id);
  update_page (self);
}

/* Filters */

static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 4);
    }
  else
    gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  ellipsize)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_widget_set_tooltip_text (label, text);
}

/* The button shows the choice ellipsized; the list shows it whole. */
static void
set_up_dropdown (GtkDropDown   *dropdown,
                 GtkStringList *names)
{
  GtkListItemFactory *factory;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), GINT_TO_POINTER (TRUE));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_factory (dropdown, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), GINT_TO_POINTER (FALSE));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), GINT_TO_POINTER (FALSE));
  gtk_drop_down_set_list_factory (dropdown, factory);
  g_object_unref (factory);

  gtk_drop_down_set_expression (dropdown, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
}

/* Replaces the names after the "All …" item, keeping the choice when it
 * is still there. */
static void
set_choices (GtkDropDown   *dropdown,
             GtkStringList *names,
             GPtrArray     *choices)
{
  g_autofree char *chosen = g_strdup (dropdown_choice (dropdown));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (names));
  guint selected = 0;

  g_ptr_array_add (choices, NULL);
  gtk_string_list_splice (names, 1, n_items - 1, (const char * const *)choices->pdata);
  g_ptr_array_remove_index (choices, choices->len - 1);

  for (guint i = 0; chosen != NULL && i < choices->len; i++)
    if (g_strcmp0 (g_ptr_array_index (choices, i), chosen) == 0)
      selected = i + 1;

  gtk_drop_down_set_selected (dropdown, selected);
}

/* Follows themes and sources into the filters and the chip colours;
 * TRUE when a colour changed, so cards need drawing again. */
static gboolean
refresh_choices (DossierClaimsPane *self,
                 guint              what)
{
  g_autoptr(GError) themes_error = NULL;
  g_autoptr(GError) sources_error = NULL;
  gboolean colors_changed = FALSE;

  self->updating++;

  if (what & DOSSIER_CHANGE_THEMES)
    {
      g_autoptr(GPtrArray) themes = dossier_themes_list (self->database, &themes_error);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GHashTable) colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      for (guint i = 0; themes != NULL && i < themes->len; i++)
        {
          DossierTheme *theme = g_ptr_array_index (themes, i);

          g_ptr_array_add (names, (char *)dossier_theme_get_name (theme));
          g_hash_table_insert (colors,
                               g_utf8_casefold (dossier_theme_get_name (theme), -1),
                               g_strdup (dossier_theme_get_color (theme)));
        }

      if (themes != NULL)
        {
          GHashTableIter iter;
          gpointer key, value;

          colors_changed = g_hash_table_size (colors) != g_hash_table_size (self->theme_colors);
          g_hash_table_iter_init (&iter, colors);
          while (!colors_changed && g_hash_table_iter_next (&iter, &key, &value))
            colors_changed = g_strcmp0 (g_hash_table_lookup (self->theme_colors, key), value) != 0;

          g_hash_table_unref (self->theme_colors);
          self->theme_colors = g_steal_pointer (&colors);
          set_choices (self->theme_dropdown, self->theme_names, names);
        }
    }

  if (what & (DOSSIER_CHANGE_SOURCES | DOSSIER_CHANGE_DOCUMENTS))
    {
      /* Names only: counting claims and documents per source would read
       * every document (half a second at 100,000), at start-up too. */
      g_autoptr(GPtrArray) sources = dossier_sources_list_names (self->database, &sources_error);
      g_autoptr(GPtrArray) publishers = NULL;
      g_autoptr(GPtrArray) speakers = g_ptr_array_new ();
      g_autoptr(GPtrArray) outlets = g_ptr_array_new ();

      if (sources != NULL)
        publishers = dossier_documents_list_outlets (self->database, &sources_error);

      /* Outlets publish (the sources with documents); everyone else may
       * speak. */
      for (guint i = 0; publishers != NULL && i < publishers->len; i++)
        g_ptr_array_add (outlets, (char *)dossier_source_get_name (g_ptr_array_index (publishers, i)));
      for (guint i = 0; sources != NULL && i < sources->len; i++)
        {
          DossierSource *source = g_ptr_array_index (sources, i);

          if (dossier_source_get_kind (source) != DOSSIER_SOURCE_KIND_OUTLET)
            g_ptr_array_add (speakers, (char *)dossier_source_get_name (source));
        }

      if (sources != NULL && publishers != NULL)
        {
          set_choices (self->speaker_dropdown, self->speaker_names, speakers);
          set_choices (self->outlet_dropdown, self->outlet_names, outlets);
        }
    }

  self->updating--;

  if (themes_error != NULL || sources_error != NULL)
    show_error (self, _("Cannot list the filters"), themes_error != NULL ? themes_error : sources_error);

  return colors_changed;
}

static void
on_filter_changed (DossierClaimsPane *self)
{
  if (self->updating > 0 || !self->show_all)
    return;

  reload (self, TRUE);
}

/* Modes and pages */

static void
open_editor (DossierClaimsPane *self,
             gint64             claim_id)
{
  dossier_claim_editor_set_claim_id (self->editor, claim_id);
  if (dossier_claim_editor_get_claim_id (self->editor) == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, "editor");
  dossier_claim_editor_focus_themes (self->editor);
  update_actions (self);
}

static void
show_list (DossierClaimsPane *self)
{
  gint64 claim_id = dossier_claim_editor_get_claim_id (self->editor);
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->editor)) != NULL;

  dossier_claim_editor_save (self->editor);
  gtk_stack_set_visible_child_name (self->stack, "list");

  if (claim_id != 0 && find_position (self, claim_id) != GTK_INVALID_LIST_POSITION)
    select_quietly (self, claim_id);

  if (had_focus)
    focus_card (self, self->selected_id);
  else
    scroll_to (self, find_position (self, self->selected_id));

  update_actions (self);
}

static void
on_page_changed (DossierClaimsPane *self)
{
  update_actions (self);
}

static void
on_editor_claim_id (DossierClaimsPane *self)
{
  /* The claim went away (deleted here or elsewhere). */
  if (dossier_claim_editor_get_claim_id (self->editor) == 0 && editor_is_open (self))
    show_list (self);
  update_actions (self);
}

static void
on_mode_toggled (DossierClaimsPane *self)
{
  gboolean show_all = gtk_toggle_button_get_active (self->all_toggle);

  if (self->show_all == show_all)
    return;

  self->show_all = show_all;
  gtk_revealer_set_reveal_child (self->filters_revealer, show_all);
  reload (self, FALSE);

  if (self->selected_id != 0)
    scroll_to (self, find_position (self, self->selected_id));
}

/* Selection and activation */

static void
on_selection_changed (DossierClaimsPane *self)
{
  DossierClaim *claim;

  if (self->updating > 0)
    return;

  claim = gtk_single_selection_get_selected_item (self->selection);
  self->selected_id = claim != NULL ? dossier_claim_get_id (claim) : 0;
  update_actions (self);

  if (self->selected_id != 0)
    g_signal_emit (self, signals[CLAIM_SELECTED], 0, self->selected_id);
}

static void
on_list_activate (DossierClaimsPane *self,
                  guint              position)
{
  g_autoptr(DossierClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), position);

  if (claim != NULL)
    open_editor (self, dossier_claim_get_id (claim));
}

static void
on_card_edit_requested (DossierClaimsPane *self,
                        DossierClaimCard  *card)
{
  DossierClaim *claim = dossier_claim_card_get_claim (card);
  guint position;

  if (claim == NULL)
    return;

  position = find_position (self, dossier_claim_get_id (claim));
  if (position != GTK_INVALID_LIST_POSITION && position != gtk_single_selection_get_selected (self->selection))
    gtk_single_selection_set_selected (self->selection, position);

  open_editor (self, dossier_claim_get_id (claim));
}

static void
setup_card (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            DossierClaimsPane        *self)
{
  GtkWidget *card = dossier_claim_card_new ();

  g_signal_connect_object (card, "edit-requested", G_CALLBACK (on_card_edit_requested), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, card);
}

static void
bind_card (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DossierClaimsPane        *self)
{
  DossierClaimCard *card = DOSSIER_CLAIM_CARD (gtk_list_item_get_child (item));

  dossier_claim_card_set_show_document (card, self->show_all);
  dossier_claim_card_set_claim (card, gtk_list_item_get_item (item), self->theme_colors);
}

static void
unbind_card (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             DossierClaimsPane        *self)
{
  dossier_claim_card_set_claim (DOSSIER_CLAIM_CARD (gtk_list_item_get_child (item)), NULL, NULL);
}

/* Delete and undo */

static void on_undo_clicked (AdwToast          *toast,
                             DossierClaimsPane *self);

static void
on_undo_dismissed (AdwToast          *toast,
                   DossierClaimsPane *self)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

/* One toast for deletes in a row: while it is up, each new delete adds
 * to it, and its Undo brings them all back.
 *
 * It changes in place (and is added again, which resets its timeout)
 * rather than being dismissed for a new one: with libadwaita 1.2, a toast
 * shown while another fades out slides in for 500 ms, and dismissing it
 * within 200 ms (a quick Undo, or the next delete) frees the overlay's
 * record of it while the slide-in still uses it. See show_import_toast()
 * in dossier-window.c. */
static void
offer_undo (DossierClaimsPane *self,
            DossierClaim      *snapshot)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  g_autofree char *title = NULL;
  GPtrArray *snapshots;
  AdwToast *toast = self->undo_toast;

  if (window == NULL)
    return;

  if (toast != NULL)
    snapshots = g_object_get_data (G_OBJECT (toast), SNAPSHOTS_KEY);
  else
    snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (snapshots, g_object_ref (snapshot));

  if (snapshots->len == 1)
    title = g_strdup (_("Claim deleted"));
  else
    title = g_strdup_printf (ngettext ("%u claim deleted", "%u claims deleted", snapshots->len),
                             snapshots->len);

  if (toast != NULL)
    {
      adw_toast_set_title (toast, title);
      /* Adding a toast the overlay holds takes back this reference. */
      g_object_ref (toast);
    }
  else
    {
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data_full (G_OBJECT (toast), SNAPSHOTS_KEY, snapshots, (GDestroyNotify)g_ptr_array_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_dismissed), self, 0);
      self->undo_toast = g_object_ref (toast);
    }

  dossier_window_add_toast (DOSSIER_WINDOW (window), toast);
}

static void
on_undo_clicked (AdwToast          *toast,
                 DossierClaimsPane *self)
{
  GPtrArray *shared = g_object_get_data (G_OBJECT (toast), SNAPSHOTS_KEY);
  g_autoptr(GPtrArray) snapshots = NULL;
  gint64 last = 0;

  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);

  if (shared == NULL || shared->len == 0 || self->database == NULL)
    return;

  /* Taken out of the shared list: a second Undo does nothing. */
  snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  while (shared->len > 0)
    g_ptr_array_add (snapshots, g_ptr_array_steal_index (shared, 0));

  for (guint i = 0; i < snapshots->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierClaim) restored = NULL;

      restored = dossier_claims_restore (self->database, g_ptr_array_index (snapshots, i), &error);
      if (restored == NULL)
        show_error (self, _("Cannot restore the claim"), error);
      else
        last = dossier_claim_get_id (restored);
    }

  if (last != 0 && find_position (self, last) != GTK_INVALID_LIST_POSITION)
    {
      select_quietly (self, last);
      scroll_to (self, find_position (self, last));
      g_signal_emit (self, signals[CLAIM_SELECTED], 0, last);
    }
}

static void
delete_claim (DossierClaimsPane *self,
              gint64             claim_id)
{
  g_autoptr(DossierClaim) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gboolean in_editor = editor_is_open (self);
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;
  guint position;

  if (self->database == NULL || claim_id == 0)
    return;

  /* What the editor still holds goes into the snapshot too. */
  if (in_editor)
    dossier_claim_editor_save (self->editor);

  if (!(snapshot = dossier_claims_get (self->database, claim_id, &error)))
    {
      show_error (self, _("Cannot delete the claim"), error);
      return;
    }

  position = find_position (self, claim_id);

  if (!dossier_claims_delete (self->database, claim_id, &error))
    {
      show_error (self, _("Cannot delete the claim"), error);
      return;
    }

  /* The changed signal took the card away and closed the editor. */
  if (in_editor && editor_is_open (self))
    show_list (self);

  /* The next claim takes the place of the one deleted. */
  if (position != GTK_INVALID_LIST_POSITION)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->claims));

      if (n_items > 0)
        {
          g_autoptr(DossierClaim) next = g_list_model_get_item (G_LIST_MODEL (self->claims),
                                                                MIN (position, n_items - 1));

          select_quietly (self, dossier_claim_get_id (next));
          if (had_focus)
            focus_card (self, self->selected_id);
        }
      else if (had_focus)
        gtk_widget_grab_focus (GTK_WIDGET (self->document_toggle));
    }

  offer_undo (self, snapshot);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierClaimsPane *self = DOSSIER_CLAIMS_PANE (widget);

  delete_claim (self, target_claim (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierClaimsPane *self = DOSSIER_CLAIMS_PANE (widget);

  if (editor_is_open (self))
    show_list (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierClaimsPane *self = DOSSIER_CLAIMS_PANE (widget);

  if (self->selected_id != 0)
    open_editor (self, self->selected_id);
}

/* Keyboard: the pane's keys fire only where they mean something, so
 * Delete in a text field still deletes text. They are bubble-phase
 * shortcuts of the pane itself: the application's accelerators resolve
 * actions from the window and cannot reach a widget's actions. */
static gboolean
on_delete_shortcut (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  DossierClaimsPane *self = DOSSIER_CLAIMS_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (editor_is_open (self))
    {
      if (dossier_claim_editor_get_claim_id (self->editor) == 0)
        return FALSE;
    }
  else if (self->selected_id == 0 || focus == NULL ||
           !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return FALSE;

  delete_claim (self, target_claim (self));

  return TRUE;
}

static gboolean
on_back_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  DossierClaimsPane *self = DOSSIER_CLAIMS_PANE (widget);

  if (!editor_is_open (self))
    return FALSE;

  show_list (self);

  return TRUE;
}

static void
add_shortcuts (DossierClaimsPane *self)
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
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (controller), GTK_PHASE_BUBBLE);

  for (guint i = 0; i < G_N_ELEMENTS (pane_shortcuts); i++)
    dossier_shortcuts_add_from_application (controller, app,
                                            pane_shortcuts[i].action, pane_shortcuts[i].fallback,
                                            gtk_callback_action_new (i == 0 ? on_delete_shortcut : on_back_shortcut,
                                                                     NULL, NULL));

  self->shortcuts = GTK_EVENT_CONTROLLER (controller);
  gtk_widget_add_controller (GTK_WIDGET (self), self->shortcuts);
}

/* Public API */

static void on_database_changed (DossierClaimsPane *self,
                                 guint              what,
                                 gint64             document_id);

void
dossier_claims_pane_set_database (DossierClaimsPane *self,
                                  DossierDatabase   *database)
{
  g_return_if_fail (DOSSIER_IS_CLAIMS_PANE (self));
  g_return_if_fail (DOSSIER_IS_DATABASE (database));
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);
  dossier_claim_editor_set_database (self->editor, database);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);

  refresh_choices (self, DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_SOURCES);
  reload (self, FALSE);
}

void
dossier_claims_pane_set_document_id (DossierClaimsPane *self,
                                     gint64             document_id)
{
  g_return_if_fail (DOSSIER_IS_CLAIMS_PANE (self));

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;

  if (self->show_all)
    return;

  /* The editor shows a claim of the document that was open. */
  if (editor_is_open (self))
    {
      DossierClaim *claim = dossier_claim_editor_get_claim (self->editor);

      if (claim == NULL || dossier_claim_get_document_id (claim) != document_id)
        {
          dossier_claim_editor_save (self->editor);
          gtk_stack_set_visible_child_name (self->stack, "list");
        }
    }

  hold_cards_until_painted (self);
  reload (self, FALSE);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->claims)) < HOLD_CARDS_FROM)
    release_cards (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->claims)) > 0)
    scroll_to (self, 0);
}

void
dossier_claims_pane_select_claim (DossierClaimsPane *self,
                                  gint64             claim_id,
                                  gboolean           edit)
{
  g_return_if_fail (DOSSIER_IS_CLAIMS_PANE (self));

  select_quietly (self, claim_id);
  scroll_to (self, find_position (self, claim_id));

  if (edit)
    open_editor (self, claim_id);
  else if (editor_is_open (self) && claim_id != 0)
    /* Clicking highlights one after another while editing: follow. */
    dossier_claim_editor_set_claim_id (self->editor, claim_id);
}

gboolean
dossier_claims_pane_get_show_all (DossierClaimsPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIMS_PANE (self), FALSE);

  return self->show_all;
}

void
dossier_claims_pane_set_show_all (DossierClaimsPane *self,
                                  gboolean           show_all)
{
  g_return_if_fail (DOSSIER_IS_CLAIMS_PANE (self));

  gtk_toggle_button_set_active (show_all ? self->all_toggle : self->document_toggle, TRUE);
}

gint64
dossier_claims_pane_get_selected_claim (DossierClaimsPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIMS_PANE (self), 0);

  return self->selected_id;
}

GListModel *
dossier_claims_pane_get_claims (DossierClaimsPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIMS_PANE (self), NULL);

  return G_LIST_MODEL (self->claims);
}

/* GObject */

static void
on_database_changed (DossierClaimsPane *self,
                     guint              what,
                     gint64             document_id)
{
  gboolean colors_changed = FALSE;

  if (self->disposed)
    return;

  if (what & (DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_SOURCES | DOSSIER_CHANGE_DOCUMENTS))
    colors_changed = refresh_choices (self, what);

  if (!(what & (DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_SOURCES | DOSSIER_CHANGE_DOCUMENTS)))
    return;

  /* Another document's claims changed: this one's list stays. */
  if (!self->show_all && !colors_changed && document_id != 0 && document_id != self->document_id &&
      !(what & DOSSIER_CHANGE_DOCUMENTS))
    return;

  reload (self, !colors_changed);
}

static void
dossier_claims_pane_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dossier_claims_pane_parent_class)->root (widget);

  add_shortcuts (DOSSIER_CLAIMS_PANE (widget));
}

static void
dossier_claims_pane_dispose (GObject *object)
{
  DossierClaimsPane *self = (DossierClaimsPane *)object;
  GtkWidget *child;

  /* The editor saved what it held when it was unmapped; from here on,
   * database changes are not this pane's business. */
  self->disposed = TRUE;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_CLAIMS_PANE);
  /* Template children without an id are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  if (self->cards_clock != NULL)
    {
      g_clear_signal_handler (&self->cards_after_paint, self->cards_clock);
      g_clear_object (&self->cards_clock);
    }
  if (self->undo_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  g_clear_object (&self->undo_toast);
  g_clear_object (&self->selection);
  g_clear_object (&self->claims);
  g_clear_object (&self->theme_names);
  g_clear_object (&self->speaker_names);
  g_clear_object (&self->outlet_names);
  g_clear_pointer (&self->theme_colors, g_hash_table_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (dossier_claims_pane_parent_class)->dispose (object);
}

static void
dossier_claims_pane_class_init (DossierClaimsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_claims_pane_dispose;

  widget_class->root = dossier_claims_pane_root;

  signals[CLAIM_SELECTED] =
    g_signal_new ("claim-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (DOSSIER_TYPE_CLAIM_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-claims-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, document_toggle);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, filters_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, theme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, speaker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, outlet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimsPane, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_claim_id);

  gtk_widget_class_install_action (widget_class, "claims.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "claims.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "claims.back", NULL, back_action);

  gtk_widget_class_set_css_name (widget_class, "claimspane");
}

static void
dossier_claims_pane_init (DossierClaimsPane *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->theme_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->theme_names = gtk_string_list_new ((const char *[]) { _("All themes"), NULL });
  self->speaker_names = gtk_string_list_new ((const char *[]) { _("All speakers"), NULL });
  self->outlet_names = gtk_string_list_new ((const char *[]) { _("All outlets"), NULL });

  self->updating++;
  set_up_dropdown (self->theme_dropdown, self->theme_names);
  set_up_dropdown (self->speaker_dropdown, self->speaker_names);
  set_up_dropdown (self->outlet_dropdown, self->outlet_names);
  self->updating--;

  self->claims = g_list_store_new (DOSSIER_TYPE_CLAIM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->claims)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card), self);
  gtk_grid_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  self->pending_scroll = GTK_INVALID_LIST_POSITION;

  update_page (self);
  update_actions (self);
}
