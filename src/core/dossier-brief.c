/* dossier-brief.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-brief.h"

struct _DossierBrief
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *title;
  char    *summary;  /* never NULL */
  char    *created;
  char    *updated;
};

G_DEFINE_FINAL_TYPE (DossierBrief, dossier_brief, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_CREATED,
  PROP_UPDATED,
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
dossier_brief_finalize (GObject *object)
{
  DossierBrief *self = (DossierBrief *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->updated, g_free);

  G_OBJECT_CLASS (dossier_brief_parent_class)->finalize (object);
}

static void
dossier_brief_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierBrief *self = DOSSIER_BRIEF (object);

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

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_brief_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DossierBrief *self = DOSSIER_BRIEF (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      set_str (&self->uuid, g_value_get_string (value));
      break;

    case PROP_CREATED:
      set_str (&self->created, g_value_get_string (value));
      break;

    case PROP_TITLE:
      dossier_brief_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      dossier_brief_set_summary (self, g_value_get_string (value));
      break;

    case PROP_UPDATED:
      if (set_str (&self->updated, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_brief_class_init (DossierBriefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_brief_finalize;
  object_class->get_property = dossier_brief_get_property;
  object_class->set_property = dossier_brief_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, co);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "", rw);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL, co);
  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_brief_init (DossierBrief *self)
{
  self->summary = g_strdup ("");
}

gint64
dossier_brief_get_id (DossierBrief *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF (self), 0);

  return self->id;
}

const char *
dossier_brief_get_uuid (DossierBrief *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF (self), NULL);

  return self->uuid;
}

const char *
dossier_brief_get_title (DossierBrief *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF (self), NULL);

  return self->title;
}

void
dossier_brief_set_title (DossierBrief *self,
                         const char   *title)
{
  g_return_if_fail (DOSSIER_IS_BRIEF (self));

  if (set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * dossier_brief_get_summary:
 *
 * Returns: the summary; "" when there is none, never %NULL.
 */
const char *
dossier_brief_get_summary (DossierBrief *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF (self), NULL);

  return self->summary;
}

/**
 * dossier_brief_set_summary:
 * @summary: (nullable): the new summary; %NULL is stored as ""
 */
void
dossier_brief_set_summary (DossierBrief *self,
                           const char   *summary)
{
  g_return_if_fail (DOSSIER_IS_BRIEF (self));

  if (set_str (&self->summary, summary ? summary : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
dossier_brief_get_created (DossierBrief *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF (self), NULL);

  return self->created;
}

const char *
dossier_brief_get_updated (DossierBrief *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEF (self), NULL);

  return self->updated;
}
