/* dossier-document.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-document.h"

struct _DossierDocument
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *title;
  char    *outlet;
  gint64   outlet_id;
  char    *author;
  char    *published;
  char    *url;
  char    *origin;
  char    *format;
  char    *sha256;
  guint    length;
  guint    claim_count;
  char    *imported;
};

G_DEFINE_FINAL_TYPE (DossierDocument, dossier_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_OUTLET_ID,
  PROP_AUTHOR,
  PROP_PUBLISHED,
  PROP_URL,
  PROP_ORIGIN,
  PROP_FORMAT,
  PROP_SHA256,
  PROP_LENGTH,
  PROP_CLAIM_COUNT,
  PROP_IMPORTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Replaces *@ptr with a copy of @value; TRUE when it changed. */
static gboolean
set_str (char       **ptr,
         const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;

  g_free (*ptr);
  *ptr = g_strdup (value);

  return TRUE;
}

static void
dossier_document_set_str_property (DossierDocument *self,
                                   char           **ptr,
                                   const char      *value,
                                   guint            prop_id)
{
  if (set_str (ptr, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
dossier_document_finalize (GObject *object)
{
  DossierDocument *self = (DossierDocument *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->imported, g_free);

  G_OBJECT_CLASS (dossier_document_parent_class)->finalize (object);
}

static void
dossier_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierDocument *self = DOSSIER_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;

    case PROP_OUTLET_ID:
      g_value_set_int64 (value, self->outlet_id);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;

    case PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_LENGTH:
      g_value_set_uint (value, self->length);
      break;

    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;

    case PROP_IMPORTED:
      g_value_set_string (value, self->imported);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierDocument *self = DOSSIER_DOCUMENT (object);

  switch (prop_id)
    {
    /* Construct-only: set once, before anyone can listen. */
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      set_str (&self->uuid, g_value_get_string (value));
      break;

    case PROP_ORIGIN:
      set_str (&self->origin, g_value_get_string (value));
      break;

    case PROP_FORMAT:
      set_str (&self->format, g_value_get_string (value));
      break;

    case PROP_SHA256:
      set_str (&self->sha256, g_value_get_string (value));
      break;

    case PROP_LENGTH:
      self->length = g_value_get_uint (value);
      break;

    case PROP_IMPORTED:
      set_str (&self->imported, g_value_get_string (value));
      break;

    /* Read-write. */
    case PROP_TITLE:
      dossier_document_set_title (self, g_value_get_string (value));
      break;

    case PROP_OUTLET:
      dossier_document_set_outlet (self, g_value_get_string (value));
      break;

    case PROP_OUTLET_ID:
      if (self->outlet_id != g_value_get_int64 (value))
        {
          self->outlet_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_AUTHOR:
      dossier_document_set_author (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED:
      dossier_document_set_published (self, g_value_get_string (value));
      break;

    case PROP_URL:
      dossier_document_set_url (self, g_value_get_string (value));
      break;

    case PROP_CLAIM_COUNT:
      dossier_document_set_claim_count (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_class_init (DossierDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_document_finalize;
  object_class->get_property = dossier_document_get_property;
  object_class->set_property = dossier_document_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, co);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL, NULL, rw);
  properties[PROP_OUTLET_ID] =
    g_param_spec_int64 ("outlet-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, rw);
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL, rw);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, rw);
  /* The body is immutable once imported (DESIGN.md §3), and with it
   * everything derived from the import. */
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, NULL, co);
  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL, NULL, co);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL, co);
  properties[PROP_LENGTH] =
    g_param_spec_uint ("length", NULL, NULL, 0, G_MAXUINT, 0, co);
  properties[PROP_CLAIM_COUNT] =
    g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_IMPORTED] =
    g_param_spec_string ("imported", NULL, NULL, NULL, co);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_document_init (DossierDocument *self G_GNUC_UNUSED)
{
}

gint64
dossier_document_get_id (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), 0);

  return self->id;
}

const char *
dossier_document_get_uuid (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->uuid;
}

const char *
dossier_document_get_title (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->title;
}

void
dossier_document_set_title (DossierDocument *self,
                            const char      *title)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  dossier_document_set_str_property (self, &self->title, title, PROP_TITLE);
}

const char *
dossier_document_get_outlet (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->outlet;
}

void
dossier_document_set_outlet (DossierDocument *self,
                             const char      *outlet)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  dossier_document_set_str_property (self, &self->outlet, outlet, PROP_OUTLET);
}

gint64
dossier_document_get_outlet_id (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), 0);

  return self->outlet_id;
}

const char *
dossier_document_get_author (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->author;
}

void
dossier_document_set_author (DossierDocument *self,
                             const char      *author)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  dossier_document_set_str_property (self, &self->author, author, PROP_AUTHOR);
}

const char *
dossier_document_get_published (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->published;
}

void
dossier_document_set_published (DossierDocument *self,
                                const char      *published)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  dossier_document_set_str_property (self, &self->published, published, PROP_PUBLISHED);
}

const char *
dossier_document_get_url (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->url;
}

void
dossier_document_set_url (DossierDocument *self,
                          const char      *url)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  dossier_document_set_str_property (self, &self->url, url, PROP_URL);
}

const char *
dossier_document_get_origin (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->origin;
}

const char *
dossier_document_get_format (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->format;
}

const char *
dossier_document_get_sha256 (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->sha256;
}

guint
dossier_document_get_length (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), 0);

  return self->length;
}

guint
dossier_document_get_claim_count (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), 0);

  return self->claim_count;
}

void
dossier_document_set_claim_count (DossierDocument *self,
                                  guint            claim_count)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  if (self->claim_count != claim_count)
    {
      self->claim_count = claim_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM_COUNT]);
    }
}

const char *
dossier_document_get_imported (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);

  return self->imported;
}
