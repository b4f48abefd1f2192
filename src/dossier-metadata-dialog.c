/* dossier-metadata-dialog.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-metadata-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-metadata-dialog.h"

enum {
  FIELD_TITLE,
  FIELD_OUTLET,
  FIELD_AUTHOR,
  FIELD_DATE,
  FIELD_URL,
  N_FIELDS
};

struct _DossierMetadataDialog
{
  AdwWindow        parent_instance;

  DossierDatabase *database;
  gint64           document_id;
  /* What the document had, to tell whether anything changed. */
  char            *original[N_FIELDS];
  gboolean         loaded;

  /* Template widgets */
  GtkLabel        *error_label;
  AdwEntryRow     *title_row;
  AdwEntryRow     *outlet_row;
  AdwEntryRow     *author_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *url_row;
};

G_DEFINE_FINAL_TYPE (DossierMetadataDialog, dossier_metadata_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_DOCUMENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

DossierMetadataDialog *
dossier_metadata_dialog_new (GtkWindow       *parent,
                             DossierDatabase *database,
                             gint64           document_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_DATABASE (database), NULL);

  return g_object_new (DOSSIER_TYPE_METADATA_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       "document-id", document_id,
                       NULL);
}

gint64
dossier_metadata_dialog_get_document_id (DossierMetadataDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_METADATA_DIALOG (self), 0);

  return self->document_id;
}

static AdwEntryRow *
get_row (DossierMetadataDialog *self,
         guint                  field)
{
  switch (field)
    {
    case FIELD_TITLE: return self->title_row;
    case FIELD_OUTLET: return self->outlet_row;
    case FIELD_AUTHOR: return self->author_row;
    case FIELD_DATE: return self->date_row;
    case FIELD_URL: return self->url_row;
    default: g_assert_not_reached ();
    }
}

/* A row's text without the spaces around it. */
static char *
get_field (DossierMetadataDialog *self,
           guint                  field)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (get_row (self, field)))));
}

static void
clear_errors (DossierMetadataDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *row = GTK_WIDGET (get_row (self, i));

      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Says what is wrong, beside the field when there is one, and keeps the
 * dialog open with everything typed. */
static void
show_error (DossierMetadataDialog *self,
            int                    field,
            const char            *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);

  if (field >= 0)
    {
      GtkWidget *row = GTK_WIDGET (get_row (self, field));

      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_widget_grab_focus (row);
    }
}

static void
update_save (DossierMetadataDialog *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < N_FIELDS && !changed; i++)
    {
      g_autofree char *value = get_field (self, i);

      changed = g_strcmp0 (value, self->original[i] != NULL ? self->original[i] : "") != 0;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metadata.save", self->loaded && changed);
}

static void
on_row_changed (DossierMetadataDialog *self)
{
  clear_errors (self);
  update_save (self);
}

static gboolean
is_iso_date (const char *text)
{
  int year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

/* The date as YYYY-MM-DD, also from the other ways articles write dates
 * ("September 9, 2025"); NULL when it is not a real date. */
static char *
check_date (const char *text)
{
  gboolean iso_like = strlen (text) == 10 && text[4] == '-' && text[7] == '-';

  if (is_iso_date (text))
    return g_strdup (text);
  if (iso_like)
    return NULL;

  return dossier_metadata_parse_date (text);
}

/* The address as saved: a web address without a scheme gets https://. */
static char *
check_url (const char *text)
{
  g_autofree char *scheme = g_uri_parse_scheme (text);
  g_autofree char *with_scheme = NULL;

  if (strpbrk (text, " \t\n") != NULL)
    return NULL;

  if (scheme != NULL)
    return g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL) ? g_strdup (text) : NULL;

  with_scheme = g_strconcat ("https://", text, NULL);
  if (strchr (text, '.') == NULL || !g_uri_is_valid (with_scheme, G_URI_FLAGS_NONE, NULL))
    return NULL;

  return g_steal_pointer (&with_scheme);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierMetadataDialog *self = DOSSIER_METADATA_DIALOG (widget);
  g_autoptr(DossierMetadata) changes = dossier_metadata_new ();
  g_autoptr(GError) error = NULL;

  if (!self->loaded)
    return;

  clear_errors (self);

  changes->title = get_field (self, FIELD_TITLE);
  changes->outlet = get_field (self, FIELD_OUTLET);
  changes->author = get_field (self, FIELD_AUTHOR);
  changes->published = get_field (self, FIELD_DATE);
  changes->url = get_field (self, FIELD_URL);

  if (changes->title[0] == '\0')
    {
      show_error (self, FIELD_TITLE, _("A document needs a title."));
      return;
    }

  if (changes->published[0] != '\0')
    {
      g_autofree char *date = check_date (changes->published);

      if (date == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a date. Write it as YYYY-MM-DD, for example 2025-09-09."),
                             changes->published);

          show_error (self, FIELD_DATE, message);
          return;
        }

      g_free (changes->published);
      changes->published = g_steal_pointer (&date);
    }

  if (changes->url[0] != '\0')
    {
      g_autofree char *url = check_url (changes->url);

      if (url == NULL)
        {
          show_error (self, FIELD_URL,
                      _("This is not a web address. Write it as in a browser, for example https://example.org/article."));
          return;
        }

      g_free (changes->url);
      changes->url = g_steal_pointer (&url);
    }

  if (!dossier_documents_update (self->database, self->document_id, changes, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The changes could not be saved: %s"), error->message);

      show_error (self, -1, message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
load (DossierMetadataDialog *self)
{
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (!(document = dossier_documents_get (self->database, self->document_id, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("The document cannot be read: %s"), error->message);

      show_error (self, -1, message);
      for (guint i = 0; i < N_FIELDS; i++)
        gtk_widget_set_sensitive (GTK_WIDGET (get_row (self, i)), FALSE);
      update_save (self);
      return;
    }

  self->original[FIELD_TITLE] = g_strdup (dossier_document_get_title (document));
  self->original[FIELD_OUTLET] = g_strdup (dossier_document_get_outlet (document));
  self->original[FIELD_AUTHOR] = g_strdup (dossier_document_get_author (document));
  self->original[FIELD_DATE] = g_strdup (dossier_document_get_published (document));
  self->original[FIELD_URL] = g_strdup (dossier_document_get_url (document));

  for (guint i = 0; i < N_FIELDS; i++)
    gtk_editable_set_text (GTK_EDITABLE (get_row (self, i)),
                           self->original[i] != NULL ? self->original[i] : "");

  self->loaded = TRUE;
  clear_errors (self);
  update_save (self);
}

static void
dossier_metadata_dialog_constructed (GObject *object)
{
  DossierMetadataDialog *self = (DossierMetadataDialog *)object;

  G_OBJECT_CLASS (dossier_metadata_dialog_parent_class)->constructed (object);

  g_assert (self->database != NULL);
  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
dossier_metadata_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DossierMetadataDialog *self = DOSSIER_METADATA_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_metadata_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DossierMetadataDialog *self = DOSSIER_METADATA_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_DOCUMENT_ID:
      self->document_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_metadata_dialog_dispose (GObject *object)
{
  DossierMetadataDialog *self = (DossierMetadataDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_METADATA_DIALOG);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (dossier_metadata_dialog_parent_class)->dispose (object);
}

static void
dossier_metadata_dialog_finalize (GObject *object)
{
  DossierMetadataDialog *self = (DossierMetadataDialog *)object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->original[i], g_free);

  G_OBJECT_CLASS (dossier_metadata_dialog_parent_class)->finalize (object);
}

static void
dossier_metadata_dialog_class_init (DossierMetadataDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_metadata_dialog_constructed;
  object_class->get_property = dossier_metadata_dialog_get_property;
  object_class->set_property = dossier_metadata_dialog_set_property;
  object_class->dispose = dossier_metadata_dialog_dispose;
  object_class->finalize = dossier_metadata_dialog_finalize;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DOSSIER_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-metadata-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, outlet_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, url_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);

  gtk_widget_class_install_action (widget_class, "metadata.save", NULL, save_action);

  /* Like every dialog: Escape is Cancel. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_metadata_dialog_init (DossierMetadataDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
