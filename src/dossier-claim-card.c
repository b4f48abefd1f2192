/* dossier-claim-card.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-claim-card"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-claim-card.h"
#include "dossier-theme-chip.h"
#include "dossier-wrap-box.h"

struct _DossierClaimCard
{
  GtkWidget     parent_instance;

  DossierClaim *claim;
  GHashTable   *theme_colors;
  gboolean      show_document;

  GtkLabel     *quote_label;
  GtkWidget    *edit_button;
  DossierWrapBox *theme_box;
  GtkLabel     *note_label;
  GtkWidget    *meta_box;
  GtkLabel     *speaker_label;
  GtkLabel     *document_label;
};

G_DEFINE_FINAL_TYPE (DossierClaimCard, dossier_claim_card, GTK_TYPE_WIDGET)

enum {
  EDIT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The first line of the note that holds any text, trimmed. */
static char *
note_preview (const char *note)
{
  g_auto(GStrv) lines = NULL;

  if (note == NULL)
    return NULL;

  lines = g_strsplit (note, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        return g_strdup (lines[i]);
    }

  return NULL;
}

static void
update_meta (DossierClaimCard *self)
{
  gtk_widget_set_visible (self->meta_box,
                          gtk_widget_get_visible (GTK_WIDGET (self->speaker_label)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->document_label)));
}

static void
update_document (DossierClaimCard *self)
{
  const char *title = self->claim != NULL ? dossier_claim_get_document_title (self->claim) : NULL;
  const char *outlet = self->claim != NULL ? dossier_claim_get_outlet (self->claim) : NULL;
  g_autofree char *text = NULL;

  if (!self->show_document || title == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->document_label), FALSE);
      update_meta (self);
      return;
    }

  if (outlet != NULL && outlet[0] != '\0')
    /* Translators: a document's title, then its outlet */
    text = g_strdup_printf (_("%s · %s"), title, outlet);
  else
    text = g_strdup (title);

  gtk_label_set_label (self->document_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->document_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->document_label), TRUE);
  update_meta (self);
}

static void
on_edit_clicked (DossierClaimCard *self)
{
  g_signal_emit (self, signals[EDIT_REQUESTED], 0);
}

GtkWidget *
dossier_claim_card_new (void)
{
  return g_object_new (DOSSIER_TYPE_CLAIM_CARD, NULL);
}

/* Shows the claim; again whenever it changes, so an edit updates the
 * card without the list replacing it. */
static void
update (DossierClaimCard *self)
{
  DossierClaim *claim = self->claim;
  const char * const *themes;
  const char *speaker;
  g_autofree char *note = NULL;

  dossier_wrap_box_remove_all (self->theme_box);

  if (claim == NULL)
    {
      gtk_label_set_label (self->quote_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->theme_box), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->speaker_label), FALSE);
      update_document (self);
      return;
    }

  gtk_label_set_label (self->quote_label, dossier_claim_get_quote (claim));

  themes = dossier_claim_get_themes (claim);
  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (themes[i], -1);
      const char *color = self->theme_colors != NULL ? g_hash_table_lookup (self->theme_colors, folded) : NULL;

      dossier_wrap_box_append (self->theme_box, dossier_theme_chip_new (themes[i], color, FALSE));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->theme_box), themes != NULL && themes[0] != NULL);

  note = note_preview (dossier_claim_get_note (claim));
  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);

  speaker = dossier_claim_get_speaker (claim);
  if (speaker != NULL)
    {
      /* Translators: who said the quote, under it */
      g_autofree char *attribution = g_strdup_printf (_("— %s"), speaker);

      gtk_label_set_label (self->speaker_label, attribution);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->speaker_label), speaker != NULL);

  update_document (self);
}

void
dossier_claim_card_set_claim (DossierClaimCard *self,
                              DossierClaim     *claim,
                              GHashTable       *theme_colors)
{
  g_return_if_fail (DOSSIER_IS_CLAIM_CARD (self));
  g_return_if_fail (claim == NULL || DOSSIER_IS_CLAIM (claim));

  if (self->claim != NULL)
    g_signal_handlers_disconnect_by_func (self->claim, update, self);
  g_set_object (&self->claim, claim);
  if (claim != NULL)
    g_signal_connect_object (claim, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  if (theme_colors != NULL)
    g_hash_table_ref (theme_colors);
  g_clear_pointer (&self->theme_colors, g_hash_table_unref);
  self->theme_colors = theme_colors;

  update (self);
}

DossierClaim *
dossier_claim_card_get_claim (DossierClaimCard *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM_CARD (self), NULL);

  return self->claim;
}

void
dossier_claim_card_set_show_document (DossierClaimCard *self,
                                      gboolean          show_document)
{
  g_return_if_fail (DOSSIER_IS_CLAIM_CARD (self));

  show_document = !!show_document;
  if (self->show_document == show_document)
    return;

  self->show_document = show_document;
  update_document (self);
}

static void
dossier_claim_card_dispose (GObject *object)
{
  DossierClaimCard *self = (DossierClaimCard *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_CLAIM_CARD);
  /* Template children without an id are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  if (self->claim != NULL)
    g_signal_handlers_disconnect_by_func (self->claim, update, self);
  g_clear_object (&self->claim);
  g_clear_pointer (&self->theme_colors, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_claim_card_parent_class)->dispose (object);
}

static void
dossier_claim_card_class_init (DossierClaimCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_claim_card_dispose;

  g_type_ensure (DOSSIER_TYPE_WRAP_BOX);

  signals[EDIT_REQUESTED] =
    g_signal_new ("edit-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-claim-card.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierClaimCard, quote_label);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimCard, edit_button);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimCard, theme_box);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimCard, note_label);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimCard, meta_box);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimCard, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, DossierClaimCard, document_label);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked);
  gtk_widget_class_set_css_name (widget_class, "claimcard");
}

static void
dossier_claim_card_init (DossierClaimCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The template makes the button hidden before giving it its tooltip: a
   * tooltip set on a visible widget asks the X server where the pointer
   * is, a round trip for each of the up to 200 cards a list makes. */
  gtk_widget_set_visible (self->edit_button, TRUE);
}
