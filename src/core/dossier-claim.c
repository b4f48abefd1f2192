/* dossier-claim.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-claim.h"

struct _DossierClaim
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  gint64    document_id;
  char     *document_title;
  char     *outlet;
  guint     start;
  guint     end;
  char     *quote;
  char     *prefix;
  char     *suffix;
  char     *speaker;
  gint64    speaker_id;
  char     *note;      /* never NULL */
  char    **themes;    /* never NULL */
  char     *created;
  char     *updated;
};

G_DEFINE_FINAL_TYPE (DossierClaim, dossier_claim, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_DOCUMENT_ID,
  PROP_DOCUMENT_TITLE,
  PROP_OUTLET,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_SPEAKER,
  PROP_SPEAKER_ID,
  PROP_NOTE,
  PROP_THEMES,
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
dossier_claim_set_str_property (DossierClaim  *self,
                                char         **ptr,
                                const char    *value,
                                guint          prop_id)
{
  if (set_str (ptr, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
dossier_claim_finalize (GObject *object)
{
  DossierClaim *self = (DossierClaim *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->document_title, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->speaker, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->themes, g_strfreev);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->updated, g_free);

  G_OBJECT_CLASS (dossier_claim_parent_class)->finalize (object);
}

static void
dossier_claim_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierClaim *self = DOSSIER_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;

    case PROP_DOCUMENT_TITLE:
      g_value_set_string (value, self->document_title);
      break;

    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;

    case PROP_SUFFIX:
      g_value_set_string (value, self->suffix);
      break;

    case PROP_SPEAKER:
      g_value_set_string (value, self->speaker);
      break;

    case PROP_SPEAKER_ID:
      g_value_set_int64 (value, self->speaker_id);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_THEMES:
      g_value_set_boxed (value, self->themes);
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
dossier_claim_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DossierClaim *self = DOSSIER_CLAIM (object);

  switch (prop_id)
    {
    /* Construct-only: what the claim is anchored to never changes. */
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      set_str (&self->uuid, g_value_get_string (value));
      break;

    case PROP_DOCUMENT_ID:
      self->document_id = g_value_get_int64 (value);
      break;

    case PROP_START:
      self->start = g_value_get_uint (value);
      break;

    case PROP_END:
      self->end = g_value_get_uint (value);
      break;

    case PROP_QUOTE:
      set_str (&self->quote, g_value_get_string (value));
      break;

    case PROP_PREFIX:
      set_str (&self->prefix, g_value_get_string (value));
      break;

    case PROP_SUFFIX:
      set_str (&self->suffix, g_value_get_string (value));
      break;

    case PROP_CREATED:
      set_str (&self->created, g_value_get_string (value));
      break;

    /* Read-write. */
    case PROP_DOCUMENT_TITLE:
      dossier_claim_set_str_property (self, &self->document_title,
                                      g_value_get_string (value), prop_id);
      break;

    case PROP_OUTLET:
      dossier_claim_set_str_property (self, &self->outlet,
                                      g_value_get_string (value), prop_id);
      break;

    case PROP_SPEAKER:
      dossier_claim_set_speaker (self, g_value_get_string (value));
      break;

    case PROP_SPEAKER_ID:
      if (self->speaker_id != g_value_get_int64 (value))
        {
          self->speaker_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_NOTE:
      dossier_claim_set_note (self, g_value_get_string (value));
      break;

    case PROP_THEMES:
      dossier_claim_set_themes (self, g_value_get_boxed (value));
      break;

    case PROP_UPDATED:
      dossier_claim_set_str_property (self, &self->updated,
                                      g_value_get_string (value), prop_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_claim_class_init (DossierClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_claim_finalize;
  object_class->get_property = dossier_claim_get_property;
  object_class->set_property = dossier_claim_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, co);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0, co);
  properties[PROP_DOCUMENT_TITLE] =
    g_param_spec_string ("document-title", NULL, NULL, NULL, rw);
  properties[PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL, NULL, rw);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, co);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, co);
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL, co);
  properties[PROP_PREFIX] =
    g_param_spec_string ("prefix", NULL, NULL, NULL, co);
  properties[PROP_SUFFIX] =
    g_param_spec_string ("suffix", NULL, NULL, NULL, co);
  properties[PROP_SPEAKER] =
    g_param_spec_string ("speaker", NULL, NULL, NULL, rw);
  properties[PROP_SPEAKER_ID] =
    g_param_spec_int64 ("speaker-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "", rw);
  properties[PROP_THEMES] =
    g_param_spec_boxed ("themes", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL, co);
  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_claim_init (DossierClaim *self)
{
  self->note = g_strdup ("");
  self->themes = g_new0 (char *, 1);
}

gint64
dossier_claim_get_id (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), 0);

  return self->id;
}

const char *
dossier_claim_get_uuid (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return self->uuid;
}

gint64
dossier_claim_get_document_id (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), 0);

  return self->document_id;
}

const char *
dossier_claim_get_document_title (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return self->document_title;
}

const char *
dossier_claim_get_outlet (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return self->outlet;
}

guint
dossier_claim_get_start (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), 0);

  return self->start;
}

guint
dossier_claim_get_end (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), 0);

  return self->end;
}

const char *
dossier_claim_get_quote (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return self->quote;
}

const char *
dossier_claim_get_prefix (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return self->prefix;
}

const char *
dossier_claim_get_suffix (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return self->suffix;
}

const char *
dossier_claim_get_speaker (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return self->speaker;
}

void
dossier_claim_set_speaker (DossierClaim *self,
                           const char   *speaker)
{
  g_return_if_fail (DOSSIER_IS_CLAIM (self));

  dossier_claim_set_str_property (self, &self->speaker, speaker, PROP_SPEAKER);
}

gint64
dossier_claim_get_speaker_id (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), 0);

  return self->speaker_id;
}

/**
 * dossier_claim_get_note:
 *
 * Returns: the note; "" when there is none, never %NULL.
 */
const char *
dossier_claim_get_note (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return self->note;
}

/**
 * dossier_claim_set_note:
 * @note: (nullable): the new note; %NULL is stored as ""
 */
void
dossier_claim_set_note (DossierClaim *self,
                        const char   *note)
{
  g_return_if_fail (DOSSIER_IS_CLAIM (self));

  dossier_claim_set_str_property (self, &self->note, note ? note : "", PROP_NOTE);
}

/**
 * dossier_claim_get_themes:
 *
 * Returns: (transfer none): the theme names in the order they were added;
 *   an empty vector when there are none, never %NULL.
 */
const char * const *
dossier_claim_get_themes (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return (const char * const *)self->themes;
}

/**
 * dossier_claim_set_themes:
 * @themes: (nullable) (array zero-terminated=1): theme names; %NULL is
 *   the same as an empty vector
 */
void
dossier_claim_set_themes (DossierClaim       *self,
                          const char * const *themes)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (DOSSIER_IS_CLAIM (self));

  if (themes == NULL)
    themes = empty;

  if (g_strv_equal ((const char * const *)self->themes, themes))
    return;

  g_strfreev (self->themes);
  self->themes = g_strdupv ((char **)themes);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEMES]);
}

const char *
dossier_claim_get_created (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return self->created;
}

const char *
dossier_claim_get_updated (DossierClaim *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLAIM (self), NULL);

  return self->updated;
}
