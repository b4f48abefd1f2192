/* dossier-brief-item.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "dossier-brief-item.h"

struct _DossierBriefItem
{
  GObject       parent_instance;

  gint64        id;
  gint64        brief_id;
  gint64        claim_id;
  char         *uuid;
  guint         position;
  int           kind;
  char         *text;   /* never NULL */
  DossierClaim *claim;
};

G_DEFINE_FINAL_TYPE (DossierBriefItem, dossier_brief_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_BRIEF_ID,
  PROP_POSITION,
  PROP_KIND,
  PROP_CLAIM_ID,
  PROP_TEXT,
  PROP_CLAIM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *kind_names[] = {
  [DOSSIER_BRIEF_ITEM_HEADING] = "heading",
  [DOSSIER_BRIEF_ITEM_CLAIM] = "claim",
  [DOSSIER_BRIEF_ITEM_TEXT] = "text",
};

/**
 * dossier_brief_item_kind_to_string:
 *
 * Returns: "heading", "claim" or "text": the names the database and the
 * command line's JSON use.
 */
const char *
dossier_brief_item_kind_to_string (DossierBriefItemKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
dossier_brief_item_kind_from_string (const char           *text,
                                     DossierBriefItemKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    {
      if (strcmp (text, kind_names[i]) == 0)
        {
          if (kind != NULL)
            *kind = (DossierBriefItemKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
dossier_brief_item_finalize (GObject *object)
{
  DossierBriefItem *self = (DossierBriefItem *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->claim);

  G_OBJECT_CLASS (dossier_brief_item_parent_class)->finalize (object);
}

static void
dossier_brief_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierBriefItem *self = DOSSIER_BRIEF_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_BRIEF_ID:
      g_value_set_int64 (value, self->brief_id);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_CLAIM_ID:
      g_value_set_int64 (value, self->claim_id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_CLAIM:
      g_value_set_object (value, self->claim);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_brief_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierBriefItem *self = DOSSIER_BRIEF_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      g_free (self->uuid);
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_BRIEF_ID:
      self->brief_id = g_value_get_int64 (value);
      break;

    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    case PROP_CLAIM_ID:
      self->claim_id = g_value_get_int64 (value);
      break;

    case PROP_TEXT:
      g_free (self->text);
      self->text = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
      break;

    case PROP_CLAIM:
      g_set_object (&self->claim, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_brief_item_class_init (DossierBriefItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_brief_item_finalize;
  object_class->get_property = dossier_brief_item_get_property;
  object_class->set_property = dossier_brief_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, co);
  properties[PROP_BRIEF_ID] =
    g_param_spec_int64 ("brief-id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, co);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      DOSSIER_BRIEF_ITEM_HEADING, DOSSIER_BRIEF_ITEM_TEXT,
                      DOSSIER_BRIEF_ITEM_TEXT, co);
  properties[PROP_CLAIM_ID] =
    g_param_spec_int64 ("claim-id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "", co);
  properties[PROP_CLAIM] =
    g_param_spec_object ("claim", NULL, NULL, DOSSIER_TYPE_CLAIM, co);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_brief_item_init (DossierBriefItem *self)
{
  self->kind = DOSSIER_BRIEF_ITEM_TEXT;
  self->text = g_strdup ("");
}

gint64
dossier_brief_item_get_id (DossierBriefItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF_ITEM (self), 0);

  return self->id;
}

const char *
dossier_brief_item_get_uuid (DossierBriefItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF_ITEM (self), NULL);

  return self->uuid;
}

gint64
dossier_brief_item_get_brief_id (DossierBriefItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF_ITEM (self), 0);

  return self->brief_id;
}

guint
dossier_brief_item_get_position (DossierBriefItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF_ITEM (self), 0);

  return self->position;
}

DossierBriefItemKind
dossier_brief_item_get_kind (DossierBriefItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF_ITEM (self), DOSSIER_BRIEF_ITEM_TEXT);

  return (DossierBriefItemKind) self->kind;
}

gint64
dossier_brief_item_get_claim_id (DossierBriefItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF_ITEM (self), 0);

  return self->claim_id;
}

/**
 * dossier_brief_item_get_text:
 *
 * Returns: the heading, the free text or the claim's commentary; never
 * %NULL.
 */
const char *
dossier_brief_item_get_text (DossierBriefItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF_ITEM (self), NULL);

  return self->text;
}

/**
 * dossier_brief_item_get_claim:
 *
 * Returns: (transfer none) (nullable): the claim of a claim item.
 */
DossierClaim *
dossier_brief_item_get_claim (DossierBriefItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF_ITEM (self), NULL);

  return self->claim;
}
