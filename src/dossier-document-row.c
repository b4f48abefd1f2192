/* dossier-document-row.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-document-row"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "dossier-document-row.h"

struct _DossierDocumentRow
{
  GtkWidget        parent_instance;

  DossierDocument *document;

  GtkLabel        *title_label;
  GtkLabel        *byline_label;
  GtkLabel        *claims_label;
};

G_DEFINE_FINAL_TYPE (DossierDocumentRow, dossier_document_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year) ||
      !(date = g_date_time_new_local (year, month, day, 12, 0, 0)))
    return g_strdup (iso);

  /* Translators: a publication date in the document list, as in
   * "May 2, 2025"; see g_date_time_format() for the codes. */
  return g_date_time_format (date, _("%b %-d, %Y"));
}

char *
dossier_document_row_format_byline (const char *outlet,
                                    const char *published)
{
  g_autofree char *date = format_date (published);

  if (outlet != NULL && date != NULL)
    /* Translators: the outlet and the date of a document in the list */
    return g_strdup_printf (C_("document byline", "%s · %s"), outlet, date);
  if (outlet != NULL)
    return g_strdup (outlet);
  if (date != NULL)
    return g_steal_pointer (&date);

  return g_strdup (_("No outlet or date"));
}

static void
update (DossierDocumentRow *self)
{
  g_autofree char *byline = NULL;
  g_autofree char *count = NULL;
  guint claims;

  if (self->document == NULL)
    return;

  /* Rows are bound by the hundred when the list changes: no tooltip text
   * here (setting one costs 0.1 ms a row), see on_query_tooltip(). */
  claims = dossier_document_get_claim_count (self->document);
  byline = dossier_document_row_format_byline (dossier_document_get_outlet (self->document),
                                               dossier_document_get_published (self->document));
  count = g_strdup_printf ("%u", claims);

  gtk_label_set_label (self->title_label, dossier_document_get_title (self->document));
  gtk_label_set_label (self->byline_label, byline);
  gtk_label_set_label (self->claims_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->claims_label), claims > 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dossier_document_get_title (self->document),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, byline,
                                  -1);
}

/* The whole title (the row shows one line of it), and the claim count. */
static gboolean
on_query_tooltip (DossierDocumentRow *self,
                  int                 x,
                  int                 y,
                  gboolean            keyboard,
                  GtkTooltip         *tooltip)
{
  g_autoptr(GString) text = NULL;
  guint claims;

  if (self->document == NULL)
    return FALSE;

  claims = dossier_document_get_claim_count (self->document);
  text = g_string_new (dossier_document_get_title (self->document));
  if (claims > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u claim", "%u claims", claims), claims);
    }
  gtk_tooltip_set_text (tooltip, text->str);

  return TRUE;
}

GtkWidget *
dossier_document_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_DOCUMENT_ROW, NULL);
}

DossierDocument *
dossier_document_row_get_document (DossierDocumentRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_ROW (self), NULL);

  return self->document;
}

void
dossier_document_row_set_document (DossierDocumentRow *self,
                                   DossierDocument    *document)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_ROW (self));
  g_return_if_fail (!document || DOSSIER_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, update, self);

  g_set_object (&self->document, document);

  /* Any property: title, outlet, date or claim count. */
  if (document != NULL)
    g_signal_connect_object (document, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
dossier_document_row_dispose (GObject *object)
{
  DossierDocumentRow *self = (DossierDocumentRow *)object;

  GtkWidget *child;

  dossier_document_row_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DOCUMENT_ROW);
  /* Template children without an id are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_document_row_parent_class)->dispose (object);
}

static void
dossier_document_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierDocumentRow *self = DOSSIER_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierDocumentRow *self = DOSSIER_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      dossier_document_row_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_row_class_init (DossierDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_document_row_dispose;
  object_class->get_property = dossier_document_row_get_property;
  object_class->set_property = dossier_document_row_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, byline_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDocumentRow, claims_label);

  gtk_widget_class_set_css_name (widget_class, "documentrow");
}

static void
dossier_document_row_init (DossierDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}
