/* dossier-source.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-source.h"

struct _DossierSource
{
  GObject            parent_instance;

  gint64             id;
  char              *uuid;
  char              *name;
  DossierSourceKind  kind;
  guint              claim_count;
  guint              document_count;
};

G_DEFINE_FINAL_TYPE (DossierSource, dossier_source, G_TYPE_OBJECT)

/* The nicks are the strings stored in the database and shown by the CLI. */
G_DEFINE_ENUM_TYPE (DossierSourceKind, dossier_source_kind,
  G_DEFINE_ENUM_VALUE (DOSSIER_SOURCE_KIND_OTHER, "other"),
  G_DEFINE_ENUM_VALUE (DOSSIER_SOURCE_KIND_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (DOSSIER_SOURCE_KIND_OUTLET, "outlet"),
  G_DEFINE_ENUM_VALUE (DOSSIER_SOURCE_KIND_ORGANIZATION, "organization"),
  G_DEFINE_ENUM_VALUE (DOSSIER_SOURCE_KIND_GOVERNMENT, "government"))

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_KIND,
  PROP_CLAIM_COUNT,
  PROP_DOCUMENT_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = {
  [DOSSIER_SOURCE_KIND_OTHER] = "other",
  [DOSSIER_SOURCE_KIND_PERSON] = "person",
  [DOSSIER_SOURCE_KIND_OUTLET] = "outlet",
  [DOSSIER_SOURCE_KIND_ORGANIZATION] = "organization",
  [DOSSIER_SOURCE_KIND_GOVERNMENT] = "government",
};

/**
 * dossier_source_kind_to_string:
 * @kind: a #DossierSourceKind
 *
 * Returns: (transfer none): "person", "outlet", "organization",
 *   "government" or "other"; %NULL for a value outside the enum.
 */
const char *
dossier_source_kind_to_string (DossierSourceKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

/**
 * dossier_source_kind_from_string:
 * @string: (nullable): a kind name, in any ASCII case
 * @kind: (out) (optional): where to store the kind
 *
 * Returns: %TRUE if @string names a kind; otherwise %FALSE and @kind is
 *   left alone. %NULL is simply unknown, not a programming error, so a
 *   missing column or option can be passed straight in.
 */
gboolean
dossier_source_kind_from_string (const char        *string,
                                 DossierSourceKind *kind)
{
  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_ascii_strcasecmp (string, kind_names[i]) == 0)
        {
          if (kind != NULL)
            *kind = (DossierSourceKind)i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
dossier_source_finalize (GObject *object)
{
  DossierSource *self = (DossierSource *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (dossier_source_parent_class)->finalize (object);
}

static void
dossier_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierSource *self = DOSSIER_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;

    case PROP_DOCUMENT_COUNT:
      g_value_set_uint (value, self->document_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_source_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DossierSource *self = DOSSIER_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      g_free (self->uuid);
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_NAME:
      dossier_source_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      dossier_source_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_CLAIM_COUNT:
      if (self->claim_count != g_value_get_uint (value))
        {
          self->claim_count = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_DOCUMENT_COUNT:
      if (self->document_count != g_value_get_uint (value))
        {
          self->document_count = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_source_class_init (DossierSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_source_finalize;
  object_class->get_property = dossier_source_get_property;
  object_class->set_property = dossier_source_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, co);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       DOSSIER_TYPE_SOURCE_KIND,
                       DOSSIER_SOURCE_KIND_OTHER,
                       rw);
  properties[PROP_CLAIM_COUNT] =
    g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_DOCUMENT_COUNT] =
    g_param_spec_uint ("document-count", NULL, NULL, 0, G_MAXUINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_source_init (DossierSource *self)
{
  self->kind = DOSSIER_SOURCE_KIND_OTHER;
}

gint64
dossier_source_get_id (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), 0);

  return self->id;
}

const char *
dossier_source_get_uuid (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->uuid;
}

const char *
dossier_source_get_name (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->name;
}

void
dossier_source_set_name (DossierSource *self,
                         const char    *name)
{
  g_return_if_fail (DOSSIER_IS_SOURCE (self));

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
}

DossierSourceKind
dossier_source_get_kind (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), DOSSIER_SOURCE_KIND_OTHER);

  return self->kind;
}

void
dossier_source_set_kind (DossierSource     *self,
                         DossierSourceKind  kind)
{
  g_return_if_fail (DOSSIER_IS_SOURCE (self));
  g_return_if_fail ((guint)kind < G_N_ELEMENTS (kind_names));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

guint
dossier_source_get_claim_count (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), 0);

  return self->claim_count;
}

guint
dossier_source_get_document_count (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), 0);

  return self->document_count;
}
