/* dossier-theme.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-theme.h"

struct _DossierTheme
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *name;
  char    *color;
  gint64   parent_id;
  char    *description;
  guint    claim_count;
};

G_DEFINE_FINAL_TYPE (DossierTheme, dossier_theme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_COLOR,
  PROP_PARENT_ID,
  PROP_DESCRIPTION,
  PROP_CLAIM_COUNT,
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
dossier_theme_finalize (GObject *object)
{
  DossierTheme *self = (DossierTheme *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (dossier_theme_parent_class)->finalize (object);
}

static void
dossier_theme_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierTheme *self = DOSSIER_THEME (object);

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

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_theme_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DossierTheme *self = DOSSIER_THEME (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      set_str (&self->uuid, g_value_get_string (value));
      break;

    case PROP_NAME:
      dossier_theme_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      dossier_theme_set_color (self, g_value_get_string (value));
      break;

    case PROP_PARENT_ID:
      if (self->parent_id != g_value_get_int64 (value))
        {
          self->parent_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_DESCRIPTION:
      dossier_theme_set_description (self, g_value_get_string (value));
      break;

    case PROP_CLAIM_COUNT:
      if (self->claim_count != g_value_get_uint (value))
        {
          self->claim_count = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_theme_class_init (DossierThemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_theme_finalize;
  object_class->get_property = dossier_theme_get_property;
  object_class->set_property = dossier_theme_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, co);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL, rw);
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_CLAIM_COUNT] =
    g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_theme_init (DossierTheme *self G_GNUC_UNUSED)
{
}

gint64
dossier_theme_get_id (DossierTheme *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME (self), 0);

  return self->id;
}

const char *
dossier_theme_get_uuid (DossierTheme *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME (self), NULL);

  return self->uuid;
}

const char *
dossier_theme_get_name (DossierTheme *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME (self), NULL);

  return self->name;
}

void
dossier_theme_set_name (DossierTheme *self,
                        const char   *name)
{
  g_return_if_fail (DOSSIER_IS_THEME (self));

  if (set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
dossier_theme_get_color (DossierTheme *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME (self), NULL);

  return self->color;
}

void
dossier_theme_set_color (DossierTheme *self,
                         const char   *color)
{
  g_return_if_fail (DOSSIER_IS_THEME (self));

  if (set_str (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

gint64
dossier_theme_get_parent_id (DossierTheme *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME (self), 0);

  return self->parent_id;
}

const char *
dossier_theme_get_description (DossierTheme *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME (self), NULL);

  return self->description;
}

void
dossier_theme_set_description (DossierTheme *self,
                               const char   *description)
{
  g_return_if_fail (DOSSIER_IS_THEME (self));

  if (set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

guint
dossier_theme_get_claim_count (DossierTheme *self)
{
  g_return_val_if_fail (DOSSIER_IS_THEME (self), 0);

  return self->claim_count;
}
