/* dossier-claim-editor.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-claim-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-claim-editor.h"
#include "dossier-completion-entry.h"
#include "dossier-theme-chip.h"
#include "dossier-window.h"
#include "dossier-wrap-box.h"

/* A pause this long in typing saves the note. */
#define NOTE_SAVE_DELAY_MS 800

struct _DossierClaimEditor
{
  GtkWidget               parent_instance;

  DossierDatabase        *database;
  gint64                  claim_id;
  DossierClaim           *claim;

  guint                   note_timeout_id;
  gboolean                note_dirty;
  gboolean                loading;

  GtkButton              *back_button;
  GtkButton              *delete_button;
  GtkMenuButton          *add_to_brief_button;
  GtkLabel               *quote_label;
  GtkLabel               *source_label;
  DossierWrapBox         *theme_box;
  DossierCompletionEntry *theme_entry;
  DossierCompletionEntry *speaker_entry;
  GtkTextView            *note_view;
  GtkLabel               *note_status;
};

G_DEFINE_FINAL_TYPE (DossierClaimEditor, dossier_claim_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLAIM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_claim (DossierClaimEditor *self,
                        gboolean            reset_fields);

/* @what says what failed ("Cannot save the note"), the error says why. */
static void
show_error (DossierClaimEditor *self,
            const char         *what,
            const GError       *error)
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

static char *
note_text (DossierClaimEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
has_theme (DossierClaim *claim,
           const char   *name)
{
  const char * const *themes = dossier_claim_get_themes (claim);
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      g_autofree char *other = g_utf8_casefold (themes[i], -1);

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Edits the claim; on success it is the editor's claim from then on. */
static gboolean
edit_claim (DossierClaimEditor  *self,
            const char * const  *add_themes,
            const char * const  *remove_themes,
            const char          *speaker,
            const char          *note,
            const char          *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClaim) edited = NULL;

  if (self->database == NULL || self->claim_id == 0)
    return FALSE;

  edited = dossier_claims_edit (self->database, self->claim_id, add_themes, remove_themes,
                                speaker, note, &error);
  if (edited == NULL)
    {
      show_error (self, what, error);
      return FALSE;
    }

  g_set_object (&self->claim, edited);

  return TRUE;
}

static gboolean
save_note (DossierClaimEditor *self)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->note_timeout_id, g_source_remove);

  if (!self->note_dirty || self->claim == NULL)
    return TRUE;

  text = note_text (self);
  if (g_strcmp0 (text, dossier_claim_get_note (self->claim)) != 0 &&
      !edit_claim (self, NULL, NULL, NULL, text, _("Cannot save the note")))
    return FALSE;

  self->note_dirty = FALSE;
  gtk_label_set_label (self->note_status, _("Saved"));

  return TRUE;
}

static gboolean
save_speaker (DossierClaimEditor *self)
{
  g_autofree char *text = NULL;
  const char *current;

  if (self->claim == NULL)
    return TRUE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->speaker_entry))));
  current = dossier_claim_get_speaker (self->claim);
  if (g_strcmp0 (text, current != NULL ? current : "") == 0)
    return TRUE;

  if (!edit_claim (self, NULL, NULL, text, NULL, _("Cannot set the speaker")))
    return FALSE;

  /* The source's own spelling when the name matched one in another case. */
  current = dossier_claim_get_speaker (self->claim);
  dossier_completion_entry_set_text (self->speaker_entry, current != NULL ? current : "");

  return TRUE;
}

static gboolean
on_note_timeout (gpointer user_data)
{
  DossierClaimEditor *self = user_data;

  self->note_timeout_id = 0;
  save_note (self);

  return G_SOURCE_REMOVE;
}

static void
on_note_changed (DossierClaimEditor *self)
{
  if (self->loading || self->claim == NULL)
    return;

  self->note_dirty = TRUE;
  gtk_label_set_label (self->note_status, _("Saving…"));
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
  self->note_timeout_id = g_timeout_add (NOTE_SAVE_DELAY_MS, on_note_timeout, self);
}

static void
on_theme_commit (DossierClaimEditor *self,
                 const char         *name)
{
  const char *add[] = { name, NULL };

  if (self->claim == NULL || name == NULL || name[0] == '\0')
    return;

  if (!has_theme (self->claim, name) &&
      !edit_claim (self, add, NULL, NULL, NULL, _("Cannot add the theme")))
    return;

  /* Ready for the next one. */
  dossier_completion_entry_set_text (self->theme_entry, "");
}

static void
on_speaker_commit (DossierClaimEditor *self,
                   const char         *name)
{
  save_speaker (self);
}

static void
on_chip_remove (DossierClaimEditor *self,
                DossierThemeChip   *chip)
{
  g_autofree char *name = g_strdup (dossier_theme_chip_get_name (chip));
  const char *remove[] = { name, NULL };

  /* The chip goes away with the reload: keep the focus in the editor. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (chip)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->theme_entry));

  edit_claim (self, NULL, remove, NULL, NULL, _("Cannot remove the theme"));
}

static void
on_focus_leave_speaker (DossierClaimEditor *self)
{
  save_speaker (self);
}

static void
on_focus_leave_note (DossierClaimEditor *self)
{
  save_note (self);
}

static void
update_candidates (DossierClaimEditor *self,
                   GPtrArray          *themes)
{
  g_autoptr(GPtrArray) theme_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) source_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) sources = NULL;

  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      const char *name = dossier_theme_get_name (g_ptr_array_index (themes, i));

      if (self->claim == NULL || !has_theme (self->claim, name))
        g_ptr_array_add (theme_names, (char *)name);
    }
  g_ptr_array_add (theme_names, NULL);
  dossier_completion_entry_set_candidates (self->theme_entry, (const char * const *)theme_names->pdata);

  if (self->database != NULL && (sources = dossier_sources_list_names (self->database, NULL)))
    for (guint i = 0; i < sources->len; i++)
      g_ptr_array_add (source_names, (char *)dossier_source_get_name (g_ptr_array_index (sources, i)));
  g_ptr_array_add (source_names, NULL);
  dossier_completion_entry_set_candidates (self->speaker_entry, (const char * const *)source_names->pdata);
}

static const char *
theme_color (GPtrArray  *themes,
             const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; themes != NULL && i < themes->len; i++)
    {
      DossierTheme *theme = g_ptr_array_index (themes, i);
      g_autofree char *other = g_utf8_casefold (dossier_theme_get_name (theme), -1);

      if (g_strcmp0 (folded, other) == 0)
        return dossier_theme_get_color (theme);
    }

  return NULL;
}

/* Chips for the claim's themes; left alone when they already match, so
 * the focus stays on a chip while the note or the speaker is saved. */
static void
update_chips (DossierClaimEditor *self,
              GPtrArray          *themes)
{
  const char * const *names = self->claim != NULL ? dossier_claim_get_themes (self->claim) : NULL;
  GtkWidget *chip = gtk_widget_get_first_child (GTK_WIDGET (self->theme_box));
  gboolean same = TRUE;
  guint i;

  for (i = 0; names != NULL && names[i] != NULL && same; i++)
    {
      same = chip != NULL &&
             g_strcmp0 (dossier_theme_chip_get_name (DOSSIER_THEME_CHIP (chip)), names[i]) == 0 &&
             g_strcmp0 (dossier_theme_chip_get_color (DOSSIER_THEME_CHIP (chip)), theme_color (themes, names[i])) == 0;
      if (same)
        chip = gtk_widget_get_next_sibling (chip);
    }
  if (same && chip == NULL)
    return;

  dossier_wrap_box_remove_all (self->theme_box);

  for (i = 0; names != NULL && names[i] != NULL; i++)
    {
      chip = dossier_theme_chip_new (names[i], theme_color (themes, names[i]), TRUE);
      g_signal_connect_object (chip, "remove", G_CALLBACK (on_chip_remove), self, G_CONNECT_SWAPPED);
      dossier_wrap_box_append (self->theme_box, chip);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->theme_box), names != NULL && names[0] != NULL);
}

static void
set_note_text (DossierClaimEditor *self,
               const char         *note)
{
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note != NULL ? note : "", -1);
  self->loading = FALSE;
  self->note_dirty = FALSE;
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);
}

/* Shows the claim as the database holds it. With @reset_fields the
 * speaker and note are replaced too; otherwise they are left alone while
 * the user is typing in them. */
static void
load_claim (DossierClaimEditor *self,
            gboolean            reset_fields)
{
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GError) error = NULL;
  const char *outlet;
  const char *speaker;

  if (self->database != NULL && self->claim_id != 0)
    {
      claim = dossier_claims_get (self->database, self->claim_id, &error);
      if (claim == NULL && !g_error_matches (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND))
        {
          /* Keep what is shown; the next change tries again. */
          show_error (self, _("Cannot load the claim"), error);
          return;
        }
    }

  g_set_object (&self->claim, claim);

  if (claim == NULL)
    {
      gtk_label_set_label (self->quote_label, "");
      gtk_label_set_label (self->source_label, "");
      dossier_wrap_box_remove_all (self->theme_box);
      gtk_widget_set_visible (GTK_WIDGET (self->theme_box), FALSE);
      dossier_completion_entry_set_text (self->theme_entry, "");
      dossier_completion_entry_set_text (self->speaker_entry, "");
      set_note_text (self, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);

      if (self->claim_id != 0)
        {
          /* Deleted under us. */
          self->claim_id = 0;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM_ID]);
        }
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);

  gtk_label_set_label (self->quote_label, dossier_claim_get_quote (claim));
  outlet = dossier_claim_get_outlet (claim);
  if (outlet != NULL && outlet[0] != '\0')
    {
      /* Translators: where a claim comes from: the document's title, then its outlet */
      g_autofree char *source = g_strdup_printf (_("%s · %s"), dossier_claim_get_document_title (claim), outlet);

      gtk_label_set_label (self->source_label, source);
    }
  else
    gtk_label_set_label (self->source_label, dossier_claim_get_document_title (claim));

  themes = dossier_themes_list (self->database, NULL);
  update_chips (self, themes);
  update_candidates (self, themes);

  speaker = dossier_claim_get_speaker (claim);
  if (reset_fields || gtk_widget_get_focus_child (GTK_WIDGET (self->speaker_entry)) == NULL)
    dossier_completion_entry_set_text (self->speaker_entry, speaker != NULL ? speaker : "");

  if (reset_fields)
    {
      set_note_text (self, dossier_claim_get_note (claim));
      gtk_label_set_label (self->note_status, _("Saved as you type"));
    }
  else if (!self->note_dirty)
    {
      g_autofree char *shown = note_text (self);

      if (g_strcmp0 (shown, dossier_claim_get_note (claim)) != 0)
        set_note_text (self, dossier_claim_get_note (claim));
    }
}

static void
on_database_changed (DossierClaimEditor *self,
                     guint               what,
                     gint64              document_id)
{
  if (self->claim_id == 0)
    return;

  if (what & (DOSSIER_CHANGE_CLAIMS | DOSSIER_CHANGE_THEMES | DOSSIER_CHANGE_SOURCES | DOSSIER_CHANGE_DOCUMENTS))
    load_claim (self, FALSE);
}

void
dossier_claim_editor_set_database (DossierClaimEditor *self,
                                   DossierDatabase    *database)
{
  g_return_if_fail (DOSSIER_IS_CLAIM_EDITOR (self));
  g_return_if_fail (DOSSIER_IS_DATABASE (database));
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);
}

void
dossier_claim_editor_set_claim_id (DossierClaimEditor *self,
                                   gint64              claim_id)
{
  g_return_if_fail (DOSSIER_IS_CLAIM_EDITOR (self));

  if (self->claim_id == claim_id && (claim_id == 0 || self->claim != NULL))
    return;

  dossier_claim_editor_save (self);

  self->claim_id = claim_id;
  load_claim (self, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM_ID]);
}

gint64
dossier_claim_editor_get_claim_id (DossierClaimEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM_EDITOR (self), 0);

  return self->claim_id;
}

DossierClaim *
dossier_claim_editor_get_claim (DossierClaimEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM_EDITOR (self), NULL);

  return self->claim;
}

gboolean
dossier_claim_editor_save (DossierClaimEditor *self)
{
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_CLAIM_EDITOR (self), FALSE);

  ok = save_speaker (self);
  ok = save_note (self) && ok;

  return ok;
}

void
dossier_claim_editor_focus_themes (DossierClaimEditor *self)
{
  g_return_if_fail (DOSSIER_IS_CLAIM_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->theme_entry));
}

/* Leaving the editor (back to the list, another document, closing the
 * window) saves what is still being typed, while every widget stands. */
static void
dossier_claim_editor_unmap (GtkWidget *widget)
{
  dossier_claim_editor_save (DOSSIER_CLAIM_EDITOR (widget));

  GTK_WIDGET_CLASS (dossier_claim_editor_parent_class)->unmap (widget);
}

static void
dossier_claim_editor_dispose (GObject *object)
{
  DossierClaimEditor *self = (DossierClaimEditor *)object;
  GtkWidget *child;

  /* Should it go without being unmapped, nothing typed is lost. */
  if (self->note_dirty && self->claim != NULL)
    save_note (self);
  g_clear_handle_id (&self->note_timeout_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_CLAIM_EDITOR);
  /* Template children without an id are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->claim);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (dossier_claim_editor_parent_class)->dispose (object);
}

static void
dossier_claim_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierClaimEditor *self = DOSSIER_CLAIM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLAIM_ID:
      g_value_set_int64 (value, self->claim_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Add to Brief: a menu of the briefs, and New Brief. */
static void
build_brief_menu (GtkMenuButton *button,
                  gpointer       user_data)
{
  DossierClaimEditor *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) briefs_section = g_menu_new ();
  g_autoptr(GMenu) new_section = g_menu_new ();
  g_autoptr(GMenuItem) new_item = NULL;
  g_autoptr(GPtrArray) briefs = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database != NULL)
    briefs = dossier_briefs_list (self->database, &error);
  if (error != NULL)
    g_warning ("Cannot list briefs: %s", error->message);

  for (guint i = 0; briefs != NULL && i < briefs->len; i++)
    {
      DossierBrief *brief = g_ptr_array_index (briefs, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (dossier_brief_get_title (brief), NULL);

      g_menu_item_set_action_and_target_value (item, "claim.add-to-brief",
                                               g_variant_new_int64 (dossier_brief_get_id (brief)));
      g_menu_append_item (briefs_section, item);
    }

  new_item = g_menu_item_new (_("_New Brief"), NULL);
  g_menu_item_set_action_and_target_value (new_item, "claim.add-to-brief", g_variant_new_int64 (0));
  g_menu_append_item (new_section, new_item);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (briefs_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (new_section));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* claim.add-to-brief (int64): adds the claim at the end of that brief, or
 * of a new one (0). */
static void
add_to_brief_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierClaimEditor *self = DOSSIER_CLAIM_EDITOR (widget);
  GtkWidget *window = gtk_widget_get_ancestor (widget, DOSSIER_TYPE_WINDOW);
  gint64 brief_id = g_variant_get_int64 (parameter);
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(DossierBriefItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (self->database == NULL || self->claim_id == 0)
    return;

  if (brief_id == 0)
    brief = dossier_briefs_create (self->database, _("Untitled Brief"), NULL, &error);
  else
    brief = dossier_briefs_get (self->database, brief_id, &error);
  if (brief != NULL)
    item = dossier_briefs_add_claim (self->database, dossier_brief_get_id (brief), self->claim_id,
                                     NULL, NULL, &error);

  if (item == NULL)
    /* Translators: a toast; %s says why */
    text = g_strdup_printf (_("Cannot add the claim to the brief: %s"), error->message);
  else
    /* Translators: a toast; %s is a brief's title */
    text = g_strdup_printf (_("Added to “%s”"), dossier_brief_get_title (brief));

  escaped = g_markup_escape_text (text, -1);
  if (window != NULL)
    dossier_window_add_toast (DOSSIER_WINDOW (window), adw_toast_new (escaped));
}

static void
dossier_claim_editor_class_init (DossierClaimEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_claim_editor_dispose;
  object_class->get_property = dossier_claim_editor_get_property;

  widget_class->unmap = dossier_claim_editor_unmap;

  properties[PROP_CLAIM_ID] =
    g_param_spec_int64 ("claim-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_COMPLETION_ENTRY);
  g_type_ensure (DOSSIER_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-claim-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierClaimEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimEditor, add_to_brief_button);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimEditor, quote_label);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimEditor, source_label);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimEditor, theme_box);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimEditor, theme_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimEditor, speaker_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimEditor, note_status);
  gtk_widget_class_bind_template_callback (widget_class, on_theme_commit);
  gtk_widget_class_bind_template_callback (widget_class, on_speaker_commit);
  gtk_widget_class_install_action (widget_class, "claim.add-to-brief", "x", add_to_brief_action);
  gtk_widget_class_set_css_name (widget_class, "claimeditor");
}

static void
dossier_claim_editor_init (DossierClaimEditor *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->add_to_brief_button, build_brief_menu, self, NULL);

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_speaker), self);
  gtk_widget_add_controller (GTK_WIDGET (self->speaker_entry), focus);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_note), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), focus);

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}
