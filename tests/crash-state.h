/* crash-state.h — the claims and briefs of a database as comparable
 * strings, shared by tests/crash-editor.c and tests/test-crash.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "dossier-core.h"

/* A state maps "claim:ID", "brief:ID" and "item:ID" to one string holding
 * everything the user edits about that object. An expectation maps the
 * same keys to the value an operation leaves, CRASH_ABSENT for objects it
 * removes, and "claim:new" / "brief:new" / "item:new" for the one object
 * it creates (the database picks its id). */

#define CRASH_ABSENT "-"

static inline GHashTable *
crash_state_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static inline GHashTable *
crash_state_copy (GHashTable *state)
{
  GHashTable *copy = crash_state_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, state);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));

  return copy;
}

static int
crash_compare_strings (gconstpointer a,
                       gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static inline char *
crash_claim_value (gint64              document,
                   guint               start,
                   guint               end,
                   const char         *quote,
                   const char         *speaker,
                   const char         *note,
                   const char * const *themes)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    g_ptr_array_add (sorted, (gpointer)themes[i]);
  g_ptr_array_sort (sorted, crash_compare_strings);
  g_ptr_array_add (sorted, NULL);
  joined = g_strjoinv (",", (char **)sorted->pdata);

  return g_strdup_printf ("doc=%" G_GINT64_FORMAT " range=%u-%u quote=%s speaker=%s note=%s themes=%s",
                          document, start, end, quote, speaker != NULL ? speaker : "",
                          note != NULL ? note : "", joined);
}

static inline char *
crash_brief_value (const char *title,
                   const char *summary)
{
  return g_strdup_printf ("title=%s summary=%s", title, summary != NULL ? summary : "");
}

static inline char *
crash_item_value (gint64      brief,
                  guint       position,
                  const char *kind,
                  gint64      claim,
                  const char *text)
{
  return g_strdup_printf ("brief=%" G_GINT64_FORMAT " position=%u kind=%s claim=%" G_GINT64_FORMAT " text=%s",
                          brief, position, kind, claim, text != NULL ? text : "");
}

/* Reads every claim, brief and brief item through the core API. */
static inline GHashTable *
crash_state_snapshot (DossierDatabase  *db,
                      GError          **error)
{
  g_autoptr(GHashTable) state = crash_state_new ();
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) briefs = NULL;

  if (!(claims = dossier_claims_list (db, NULL, error)))
    return NULL;

  for (guint i = 0; i < claims->len; i++)
    {
      DossierClaim *claim = g_ptr_array_index (claims, i);

      g_hash_table_insert (state,
                           g_strdup_printf ("claim:%" G_GINT64_FORMAT, dossier_claim_get_id (claim)),
                           crash_claim_value (dossier_claim_get_document_id (claim),
                                              dossier_claim_get_start (claim),
                                              dossier_claim_get_end (claim),
                                              dossier_claim_get_quote (claim),
                                              dossier_claim_get_speaker (claim),
                                              dossier_claim_get_note (claim),
                                              dossier_claim_get_themes (claim)));
    }

  if (!(briefs = dossier_briefs_list (db, error)))
    return NULL;

  for (guint i = 0; i < briefs->len; i++)
    {
      DossierBrief *brief = g_ptr_array_index (briefs, i);
      gint64 brief_id = dossier_brief_get_id (brief);
      g_autoptr(GPtrArray) items = NULL;

      g_hash_table_insert (state,
                           g_strdup_printf ("brief:%" G_GINT64_FORMAT, brief_id),
                           crash_brief_value (dossier_brief_get_title (brief),
                                              dossier_brief_get_summary (brief)));

      if (!(items = dossier_briefs_get_items (db, brief_id, error)))
        return NULL;

      for (guint j = 0; j < items->len; j++)
        {
          DossierBriefItem *item = g_ptr_array_index (items, j);

          g_hash_table_insert (state,
                               g_strdup_printf ("item:%" G_GINT64_FORMAT, dossier_brief_item_get_id (item)),
                               crash_item_value (brief_id,
                                                 dossier_brief_item_get_position (item),
                                                 dossier_brief_item_kind_to_string (dossier_brief_item_get_kind (item)),
                                                 dossier_brief_item_get_claim_id (item),
                                                 dossier_brief_item_get_text (item)));
        }
    }

  return g_steal_pointer (&state);
}

/* "claim" for "claim:12" or "claim:new". */
static inline char *
crash_key_kind (const char *key)
{
  const char *colon = strchr (key, ':');

  return colon != NULL ? g_strndup (key, colon - key) : g_strdup (key);
}

static inline gboolean
crash_key_is_new (const char *key)
{
  return g_str_has_suffix (key, ":new");
}

/* "claim:3 is 'A', expected 'B'", escaped to one ASCII line. */
static inline char *
crash_describe (const char *key,
                const char *now,
                const char *expected)
{
  g_autofree char *now_escaped = g_strescape (now != NULL ? now : CRASH_ABSENT, NULL);
  g_autofree char *expected_escaped = g_strescape (expected, NULL);

  return g_strdup_printf ("%s is '%s', expected '%s'", key, now_escaped, expected_escaped);
}

/* Whether @state is exactly @model with @expect applied (@expect NULL:
 * exactly @model). The object @expect creates must be the only object of
 * @state that @model lacks; its key goes to @new_key. When not, @why says
 * the first difference. */
static inline gboolean
crash_state_matches (GHashTable  *model,
                     GHashTable  *expect,
                     GHashTable  *state,
                     char       **new_key,
                     char       **why)
{
  const char *placeholder = NULL;
  const char *created = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (new_key != NULL)
    *new_key = NULL;

  if (expect != NULL)
    {
      g_hash_table_iter_init (&iter, expect);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *now = g_hash_table_lookup (state, key);

          if (crash_key_is_new (key))
            {
              placeholder = key;
              continue;
            }

          if (strcmp (value, CRASH_ABSENT) == 0 ? now != NULL : g_strcmp0 (now, value) != 0)
            {
              *why = crash_describe (key, now, value);
              return FALSE;
            }
        }
    }

  g_hash_table_iter_init (&iter, model);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *now = g_hash_table_lookup (state, key);

      if (expect != NULL && g_hash_table_contains (expect, key))
        continue;

      if (g_strcmp0 (now, value) != 0)
        {
          *why = crash_describe (key, now, value);
          return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, state);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *kind = NULL;
      g_autofree char *placeholder_kind = NULL;

      if (g_hash_table_contains (model, key) ||
          (expect != NULL && g_hash_table_contains (expect, key)))
        continue;

      kind = crash_key_kind (key);
      placeholder_kind = placeholder != NULL ? crash_key_kind (placeholder) : NULL;

      if (created != NULL || g_strcmp0 (kind, placeholder_kind) != 0 ||
          g_strcmp0 (value, g_hash_table_lookup (expect, placeholder)) != 0)
        {
          g_autofree char *escaped = g_strescape (value, NULL);

          *why = g_strdup_printf ("unexpected %s '%s'", (char *)key, escaped);
          return FALSE;
        }
      created = key;
    }

  if (placeholder != NULL && created == NULL)
    {
      g_autofree char *escaped = g_strescape (g_hash_table_lookup (expect, placeholder), NULL);

      *why = g_strdup_printf ("%s '%s' was not created", placeholder, escaped);
      return FALSE;
    }

  if (new_key != NULL)
    *new_key = g_strdup (created);

  return TRUE;
}

/* Applies @expect to @model, the created object under @new_key. */
static inline void
crash_state_apply (GHashTable *model,
                   GHashTable *expect,
                   const char *new_key)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, expect);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *target = crash_key_is_new (key) ? new_key : key;

      if (target == NULL)
        continue;
      if (strcmp (value, CRASH_ABSENT) == 0)
        g_hash_table_remove (model, target);
      else
        g_hash_table_insert (model, g_strdup (target), g_strdup (value));
    }
}
