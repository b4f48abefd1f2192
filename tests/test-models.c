/* test-models.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-brief.h"
#include "dossier-claim.h"
#include "dossier-document.h"
#include "dossier-source.h"
#include "dossier-theme.h"

/* Counts "notify::NAME" emissions on one object. */
typedef struct
{
  guint count;
} NotifyCounter;

static void
count_notify (GObject       *object G_GNUC_UNUSED,
              GParamSpec    *pspec G_GNUC_UNUSED,
              NotifyCounter *counter)
{
  counter->count++;
}

static void
watch (gpointer       object,
       const char    *property,
       NotifyCounter *counter)
{
  g_autofree char *signal = g_strdup_printf ("notify::%s", property);

  counter->count = 0;
  g_signal_connect (object, signal, G_CALLBACK (count_notify), counter);
}

static guint
count_all_notifies (gpointer object)
{
  return GPOINTER_TO_UINT (g_object_get_data (object, "test-notify-count"));
}

static void
on_any_notify (GObject    *object,
               GParamSpec *pspec G_GNUC_UNUSED,
               gpointer    user_data G_GNUC_UNUSED)
{
  g_object_set_data (object, "test-notify-count",
                     GUINT_TO_POINTER (count_all_notifies (object) + 1));
}

/* A value of @pspec's type that differs from @current. */
static void
different_value (GParamSpec   *pspec,
                 const GValue *current,
                 GValue       *changed)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (changed, type);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (current);
      g_value_take_string (changed, g_strdup_printf ("%s+", s ? s : ""));
    }
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (changed, g_value_get_int64 (current) + 1);
  else if (type == G_TYPE_UINT)
    g_value_set_uint (changed, g_value_get_uint (current) + 1);
  else if (type == G_TYPE_STRV)
    {
      const char * const *v = g_value_get_boxed (current);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (v != NULL)
        g_strv_builder_addv (builder, (const char **)v);
      g_strv_builder_add (builder, "Another theme");
      g_value_take_boxed (changed, g_strv_builder_end (builder));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_peek (type);
      int v = g_value_get_enum (current);

      g_assert_cmpuint (klass->n_values, >, 1);
      g_value_set_enum (changed, klass->values[0].value == v
                                 ? klass->values[1].value
                                 : klass->values[0].value);
    }
  else
    g_assert_not_reached ();
}

/* For every property: the flags follow the house style; every writable
 * one notifies exactly once when it changes and not at all when it is set
 * to the value it already has. */
static void
check_properties (GType type)
{
  g_autoptr(GObject) object = g_object_new (type, NULL);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_signal_connect (object, "notify", G_CALLBACK (on_any_notify), NULL);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 0);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) current = G_VALUE_INIT;
      g_auto(GValue) changed = G_VALUE_INIT;
      g_auto(GValue) read_back = G_VALUE_INIT;
      guint before;

      g_test_message ("%s:%s", g_type_name (type), pspec->name);

      g_assert_true (pspec->flags & G_PARAM_READABLE);
      g_assert_true (pspec->flags & G_PARAM_WRITABLE);
      g_assert_true (pspec->flags & G_PARAM_STATIC_NAME);

      if (pspec->flags & G_PARAM_CONSTRUCT_ONLY)
        continue;

      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      g_value_init (&current, pspec->value_type);
      g_object_get_property (object, pspec->name, &current);

      before = count_all_notifies (object);
      g_object_set_property (object, pspec->name, &current);
      g_assert_cmpuint (count_all_notifies (object), ==, before);

      different_value (pspec, &current, &changed);
      g_object_set_property (object, pspec->name, &changed);
      g_assert_cmpuint (count_all_notifies (object), ==, before + 1);

      g_value_init (&read_back, pspec->value_type);
      g_object_get_property (object, pspec->name, &read_back);
      if (G_VALUE_HOLDS (&changed, G_TYPE_STRV))
        g_assert_cmpstrv (g_value_get_boxed (&changed), g_value_get_boxed (&read_back));
      else
        g_assert_cmpint (g_param_values_cmp (pspec, &changed, &read_back), ==, 0);

      g_object_set_property (object, pspec->name, &changed);
      g_assert_cmpuint (count_all_notifies (object), ==, before + 1);
    }
}

static void
test_properties_flags_and_notify (void)
{
  check_properties (DOSSIER_TYPE_DOCUMENT);
  check_properties (DOSSIER_TYPE_SOURCE);
  check_properties (DOSSIER_TYPE_THEME);
  check_properties (DOSSIER_TYPE_CLAIM);
  check_properties (DOSSIER_TYPE_BRIEF);
}

static void
test_document (void)
{
  g_autoptr(DossierDocument) document = NULL;
  g_autofree char *uuid = NULL;
  NotifyCounter title = { 0 }, outlet = { 0 }, author = { 0 }, published = { 0 };
  NotifyCounter url = { 0 }, claim_count = { 0 }, outlet_id = { 0 };
  gint64 id = 0;
  guint length = 0;

  document = g_object_new (DOSSIER_TYPE_DOCUMENT,
                           "id", (gint64) 7,
                           "uuid", "0b1d4a3e-5f06-4c1e-9a55-2f3b7f7b1c11",
                           "title", "Critical Questions: Rubio’s Visit to Mexico",
                           "outlet", "CSIS",
                           "outlet-id", (gint64) 3,
                           "author", "Ryan C. Berg",
                           "published", "2025-09-09",
                           "url", "https://example.org/rubio",
                           "origin", "/home/staffer/corpus/rubio.html",
                           "format", "html",
                           "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                           "length", (guint) 12345,
                           "claim-count", (guint) 4,
                           "imported", "2026-01-02T03:04:05Z",
                           NULL);

  g_assert_cmpint (dossier_document_get_id (document), ==, 7);
  g_assert_cmpstr (dossier_document_get_uuid (document), ==, "0b1d4a3e-5f06-4c1e-9a55-2f3b7f7b1c11");
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Critical Questions: Rubio’s Visit to Mexico");
  g_assert_cmpstr (dossier_document_get_outlet (document), ==, "CSIS");
  g_assert_cmpint (dossier_document_get_outlet_id (document), ==, 3);
  g_assert_cmpstr (dossier_document_get_author (document), ==, "Ryan C. Berg");
  g_assert_cmpstr (dossier_document_get_published (document), ==, "2025-09-09");
  g_assert_cmpstr (dossier_document_get_url (document), ==, "https://example.org/rubio");
  g_assert_cmpstr (dossier_document_get_origin (document), ==, "/home/staffer/corpus/rubio.html");
  g_assert_cmpstr (dossier_document_get_format (document), ==, "html");
  g_assert_cmpstr (dossier_document_get_sha256 (document), ==, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  g_assert_cmpuint (dossier_document_get_length (document), ==, 12345);
  g_assert_cmpuint (dossier_document_get_claim_count (document), ==, 4);
  g_assert_cmpstr (dossier_document_get_imported (document), ==, "2026-01-02T03:04:05Z");

  g_object_get (document, "id", &id, "uuid", &uuid, "length", &length, NULL);
  g_assert_cmpint (id, ==, 7);
  g_assert_cmpstr (uuid, ==, "0b1d4a3e-5f06-4c1e-9a55-2f3b7f7b1c11");
  g_assert_cmpuint (length, ==, 12345);

  watch (document, "title", &title);
  watch (document, "outlet", &outlet);
  watch (document, "outlet-id", &outlet_id);
  watch (document, "author", &author);
  watch (document, "published", &published);
  watch (document, "url", &url);
  watch (document, "claim-count", &claim_count);

  dossier_document_set_title (document, "Critical Questions: Rubio’s Visit to Mexico");
  g_assert_cmpuint (title.count, ==, 0);
  dossier_document_set_title (document, "Rubio in Mexico");
  g_assert_cmpuint (title.count, ==, 1);
  g_assert_cmpstr (dossier_document_get_title (document), ==, "Rubio in Mexico");
  dossier_document_set_title (document, "Rubio in Mexico");
  g_assert_cmpuint (title.count, ==, 1);

  /* NULL is a value too: set, unset, unset again. */
  dossier_document_set_outlet (document, NULL);
  g_assert_cmpuint (outlet.count, ==, 1);
  g_assert_null (dossier_document_get_outlet (document));
  dossier_document_set_outlet (document, NULL);
  g_assert_cmpuint (outlet.count, ==, 1);
  dossier_document_set_outlet (document, "Newsweek");
  g_assert_cmpuint (outlet.count, ==, 2);

  g_object_set (document, "outlet-id", (gint64) 3, NULL);
  g_assert_cmpuint (outlet_id.count, ==, 0);
  g_object_set (document, "outlet-id", (gint64) 9, NULL);
  g_assert_cmpuint (outlet_id.count, ==, 1);
  g_assert_cmpint (dossier_document_get_outlet_id (document), ==, 9);

  dossier_document_set_author (document, "Ryan C. Berg");
  dossier_document_set_author (document, "Another Author");
  g_assert_cmpuint (author.count, ==, 1);

  dossier_document_set_published (document, "2025-09-09");
  dossier_document_set_published (document, "2025-12-19");
  dossier_document_set_published (document, "2025-12-19");
  g_assert_cmpuint (published.count, ==, 1);

  dossier_document_set_url (document, NULL);
  dossier_document_set_url (document, NULL);
  g_assert_cmpuint (url.count, ==, 1);

  dossier_document_set_claim_count (document, 4);
  g_assert_cmpuint (claim_count.count, ==, 0);
  dossier_document_set_claim_count (document, 5);
  g_assert_cmpuint (claim_count.count, ==, 1);
  g_object_set (document, "claim-count", (guint) 5, NULL);
  g_assert_cmpuint (claim_count.count, ==, 1);
  g_assert_cmpuint (dossier_document_get_claim_count (document), ==, 5);

  /* Nothing else notified along the way. */
  g_assert_cmpuint (title.count, ==, 1);
  g_assert_cmpuint (outlet.count, ==, 2);
}

static void
test_document_defaults (void)
{
  g_autoptr(DossierDocument) document = g_object_new (DOSSIER_TYPE_DOCUMENT, NULL);

  g_assert_cmpint (dossier_document_get_id (document), ==, 0);
  g_assert_null (dossier_document_get_uuid (document));
  g_assert_null (dossier_document_get_title (document));
  g_assert_null (dossier_document_get_outlet (document));
  g_assert_cmpint (dossier_document_get_outlet_id (document), ==, 0);
  g_assert_cmpuint (dossier_document_get_length (document), ==, 0);
  g_assert_cmpuint (dossier_document_get_claim_count (document), ==, 0);
}

static void
test_source (void)
{
  g_autoptr(DossierSource) source = NULL;
  NotifyCounter name = { 0 }, kind = { 0 }, claim_count = { 0 }, document_count = { 0 };
  DossierSourceKind k = DOSSIER_SOURCE_KIND_OTHER;

  source = g_object_new (DOSSIER_TYPE_SOURCE,
                         "id", (gint64) 11,
                         "uuid", "5e0c2a80-6d0d-4f4f-8a0e-6f5a4f6b7c22",
                         "name", "Claudia Sheinbaum",
                         "kind", DOSSIER_SOURCE_KIND_PERSON,
                         "claim-count", (guint) 6,
                         "document-count", (guint) 0,
                         NULL);

  g_assert_cmpint (dossier_source_get_id (source), ==, 11);
  g_assert_cmpstr (dossier_source_get_uuid (source), ==, "5e0c2a80-6d0d-4f4f-8a0e-6f5a4f6b7c22");
  g_assert_cmpstr (dossier_source_get_name (source), ==, "Claudia Sheinbaum");
  g_assert_cmpint (dossier_source_get_kind (source), ==, DOSSIER_SOURCE_KIND_PERSON);
  g_assert_cmpuint (dossier_source_get_claim_count (source), ==, 6);
  g_assert_cmpuint (dossier_source_get_document_count (source), ==, 0);

  g_object_get (source, "kind", &k, NULL);
  g_assert_cmpint (k, ==, DOSSIER_SOURCE_KIND_PERSON);

  watch (source, "name", &name);
  watch (source, "kind", &kind);
  watch (source, "claim-count", &claim_count);
  watch (source, "document-count", &document_count);

  dossier_source_set_name (source, "Claudia Sheinbaum");
  g_assert_cmpuint (name.count, ==, 0);
  dossier_source_set_name (source, "Claudia Sheinbaum Pardo");
  g_assert_cmpuint (name.count, ==, 1);

  dossier_source_set_kind (source, DOSSIER_SOURCE_KIND_PERSON);
  g_assert_cmpuint (kind.count, ==, 0);
  dossier_source_set_kind (source, DOSSIER_SOURCE_KIND_GOVERNMENT);
  g_assert_cmpuint (kind.count, ==, 1);
  g_object_set (source, "kind", DOSSIER_SOURCE_KIND_GOVERNMENT, NULL);
  g_assert_cmpuint (kind.count, ==, 1);
  g_assert_cmpint (dossier_source_get_kind (source), ==, DOSSIER_SOURCE_KIND_GOVERNMENT);

  g_object_set (source, "claim-count", (guint) 6, "document-count", (guint) 2, NULL);
  g_assert_cmpuint (claim_count.count, ==, 0);
  g_assert_cmpuint (document_count.count, ==, 1);
  g_assert_cmpuint (dossier_source_get_document_count (source), ==, 2);

  g_assert_cmpuint (name.count, ==, 1);
}

static void
test_source_defaults (void)
{
  g_autoptr(DossierSource) source = g_object_new (DOSSIER_TYPE_SOURCE, NULL);

  g_assert_cmpint (dossier_source_get_kind (source), ==, DOSSIER_SOURCE_KIND_OTHER);
  g_assert_null (dossier_source_get_name (source));
}

static void
test_source_kind_strings (void)
{
  static const struct {
    DossierSourceKind kind;
    const char *name;
  } kinds[] = {
    { DOSSIER_SOURCE_KIND_PERSON, "person" },
    { DOSSIER_SOURCE_KIND_OUTLET, "outlet" },
    { DOSSIER_SOURCE_KIND_ORGANIZATION, "organization" },
    { DOSSIER_SOURCE_KIND_GOVERNMENT, "government" },
    { DOSSIER_SOURCE_KIND_OTHER, "other" },
  };
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (DOSSIER_TYPE_SOURCE_KIND);
  DossierSourceKind kind;

  g_assert_true (G_TYPE_IS_ENUM (DOSSIER_TYPE_SOURCE_KIND));
  g_assert_cmpuint (enum_class->n_values, ==, G_N_ELEMENTS (kinds));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *upper = g_ascii_strup (kinds[i].name, -1);
      g_autofree char *mixed = g_strdup (kinds[i].name);
      GEnumValue *value;

      mixed[0] = g_ascii_toupper (mixed[0]);

      g_assert_cmpstr (dossier_source_kind_to_string (kinds[i].kind), ==, kinds[i].name);

      kind = -1;
      g_assert_true (dossier_source_kind_from_string (kinds[i].name, &kind));
      g_assert_cmpint (kind, ==, kinds[i].kind);

      kind = -1;
      g_assert_true (dossier_source_kind_from_string (upper, &kind));
      g_assert_cmpint (kind, ==, kinds[i].kind);

      kind = -1;
      g_assert_true (dossier_source_kind_from_string (mixed, &kind));
      g_assert_cmpint (kind, ==, kinds[i].kind);

      /* Round trip through the string. */
      g_assert_true (dossier_source_kind_from_string (dossier_source_kind_to_string (kinds[i].kind), &kind));
      g_assert_cmpint (kind, ==, kinds[i].kind);

      /* The GEnum nicks are the same strings. */
      value = g_enum_get_value (enum_class, kinds[i].kind);
      g_assert_nonnull (value);
      g_assert_cmpstr (value->value_nick, ==, kinds[i].name);
    }

  kind = DOSSIER_SOURCE_KIND_OUTLET;
  g_assert_false (dossier_source_kind_from_string ("pundit", &kind));
  g_assert_false (dossier_source_kind_from_string ("", &kind));
  g_assert_false (dossier_source_kind_from_string ("person ", &kind));
  g_assert_false (dossier_source_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, DOSSIER_SOURCE_KIND_OUTLET);

  g_assert_true (dossier_source_kind_from_string ("Government", NULL));
}

static void
test_theme (void)
{
  g_autoptr(DossierTheme) theme = NULL;
  NotifyCounter name = { 0 }, color = { 0 }, description = { 0 }, parent_id = { 0 }, claim_count = { 0 };

  theme = g_object_new (DOSSIER_TYPE_THEME,
                        "id", (gint64) 2,
                        "uuid", "a3f1c2d4-0000-4000-8000-000000000002",
                        "name", "Sovereignty",
                        "color", "#3584e4",
                        "parent-id", (gint64) 1,
                        "description", "Who decides on whose soil",
                        "claim-count", (guint) 12,
                        NULL);

  g_assert_cmpint (dossier_theme_get_id (theme), ==, 2);
  g_assert_cmpstr (dossier_theme_get_uuid (theme), ==, "a3f1c2d4-0000-4000-8000-000000000002");
  g_assert_cmpstr (dossier_theme_get_name (theme), ==, "Sovereignty");
  g_assert_cmpstr (dossier_theme_get_color (theme), ==, "#3584e4");
  g_assert_cmpint (dossier_theme_get_parent_id (theme), ==, 1);
  g_assert_cmpstr (dossier_theme_get_description (theme), ==, "Who decides on whose soil");
  g_assert_cmpuint (dossier_theme_get_claim_count (theme), ==, 12);

  watch (theme, "name", &name);
  watch (theme, "color", &color);
  watch (theme, "description", &description);
  watch (theme, "parent-id", &parent_id);
  watch (theme, "claim-count", &claim_count);

  dossier_theme_set_name (theme, "Sovereignty");
  dossier_theme_set_name (theme, "Soberanía");
  dossier_theme_set_name (theme, "Soberanía");
  g_assert_cmpuint (name.count, ==, 1);
  g_assert_cmpstr (dossier_theme_get_name (theme), ==, "Soberanía");

  dossier_theme_set_color (theme, "#3584e4");
  g_assert_cmpuint (color.count, ==, 0);
  dossier_theme_set_color (theme, "#e66100");
  g_assert_cmpuint (color.count, ==, 1);

  dossier_theme_set_description (theme, NULL);
  dossier_theme_set_description (theme, NULL);
  g_assert_cmpuint (description.count, ==, 1);
  g_assert_null (dossier_theme_get_description (theme));

  g_object_set (theme, "parent-id", (gint64) 0, "claim-count", (guint) 12, NULL);
  g_assert_cmpuint (parent_id.count, ==, 1);
  g_assert_cmpuint (claim_count.count, ==, 0);
  g_assert_cmpint (dossier_theme_get_parent_id (theme), ==, 0);
}

static void
test_claim (void)
{
  g_autoptr(DossierClaim) claim = NULL;
  const char *themes[] = { "Sovereignty", "Security", NULL };
  NotifyCounter speaker = { 0 }, speaker_id = { 0 }, note = { 0 }, themes_notify = { 0 };
  NotifyCounter updated = { 0 }, document_title = { 0 };
  g_auto(GStrv) themes_copy = NULL;

  claim = g_object_new (DOSSIER_TYPE_CLAIM,
                        "id", (gint64) 3,
                        "uuid", "c1a1m000-0000-4000-8000-000000000003",
                        "document-id", (gint64) 7,
                        "document-title", "Critical Questions",
                        "outlet", "CSIS",
                        "start", (guint) 120,
                        "end", (guint) 164,
                        "quote", "What will stop them is when you blow them up.",
                        "prefix", "Rubio said: “",
                        "suffix", "” He added",
                        "speaker", "Marco Rubio",
                        "speaker-id", (gint64) 4,
                        "note", "Compare with the 2 percent figure.",
                        "themes", themes,
                        "created", "2026-01-02T03:04:05Z",
                        "updated", "2026-01-02T03:04:05Z",
                        NULL);

  g_assert_cmpint (dossier_claim_get_id (claim), ==, 3);
  g_assert_cmpstr (dossier_claim_get_uuid (claim), ==, "c1a1m000-0000-4000-8000-000000000003");
  g_assert_cmpint (dossier_claim_get_document_id (claim), ==, 7);
  g_assert_cmpstr (dossier_claim_get_document_title (claim), ==, "Critical Questions");
  g_assert_cmpstr (dossier_claim_get_outlet (claim), ==, "CSIS");
  g_assert_cmpuint (dossier_claim_get_start (claim), ==, 120);
  g_assert_cmpuint (dossier_claim_get_end (claim), ==, 164);
  g_assert_cmpstr (dossier_claim_get_quote (claim), ==, "What will stop them is when you blow them up.");
  g_assert_cmpstr (dossier_claim_get_prefix (claim), ==, "Rubio said: “");
  g_assert_cmpstr (dossier_claim_get_suffix (claim), ==, "” He added");
  g_assert_cmpstr (dossier_claim_get_speaker (claim), ==, "Marco Rubio");
  g_assert_cmpint (dossier_claim_get_speaker_id (claim), ==, 4);
  g_assert_cmpstr (dossier_claim_get_note (claim), ==, "Compare with the 2 percent figure.");
  g_assert_cmpstrv (dossier_claim_get_themes (claim), themes);
  g_assert_cmpstr (dossier_claim_get_created (claim), ==, "2026-01-02T03:04:05Z");
  g_assert_cmpstr (dossier_claim_get_updated (claim), ==, "2026-01-02T03:04:05Z");

  /* The strv is copied in and copied out. */
  themes[0] = "Changed behind its back";
  g_assert_cmpstr (dossier_claim_get_themes (claim)[0], ==, "Sovereignty");
  themes[0] = "Sovereignty";
  g_object_get (claim, "themes", &themes_copy, NULL);
  g_assert_cmpstrv (themes_copy, themes);
  g_assert_true ((gpointer)themes_copy != (gpointer)dossier_claim_get_themes (claim));

  watch (claim, "speaker", &speaker);
  watch (claim, "speaker-id", &speaker_id);
  watch (claim, "note", &note);
  watch (claim, "themes", &themes_notify);
  watch (claim, "updated", &updated);
  watch (claim, "document-title", &document_title);

  dossier_claim_set_speaker (claim, "Marco Rubio");
  g_assert_cmpuint (speaker.count, ==, 0);
  dossier_claim_set_speaker (claim, NULL);
  g_assert_cmpuint (speaker.count, ==, 1);
  g_assert_null (dossier_claim_get_speaker (claim));
  dossier_claim_set_speaker (claim, NULL);
  g_assert_cmpuint (speaker.count, ==, 1);

  g_object_set (claim, "speaker-id", (gint64) 4, NULL);
  g_assert_cmpuint (speaker_id.count, ==, 0);
  g_object_set (claim, "speaker-id", (gint64) 0, NULL);
  g_assert_cmpuint (speaker_id.count, ==, 1);

  dossier_claim_set_note (claim, "Compare with the 2 percent figure.");
  g_assert_cmpuint (note.count, ==, 0);
  dossier_claim_set_note (claim, "Follow up.");
  g_assert_cmpuint (note.count, ==, 1);

  /* Note is never NULL: NULL is stored as "", and "" after NULL is no change. */
  dossier_claim_set_note (claim, NULL);
  g_assert_cmpuint (note.count, ==, 2);
  g_assert_cmpstr (dossier_claim_get_note (claim), ==, "");
  dossier_claim_set_note (claim, "");
  g_assert_cmpuint (note.count, ==, 2);
  g_object_set (claim, "note", NULL, NULL);
  g_assert_cmpuint (note.count, ==, 2);
  g_assert_cmpstr (dossier_claim_get_note (claim), ==, "");

  /* Themes: same list is no change, order matters, NULL is empty. */
  {
    const char *same[] = { "Sovereignty", "Security", NULL };
    const char *reordered[] = { "Security", "Sovereignty", NULL };
    const char *empty[] = { NULL };

    dossier_claim_set_themes (claim, same);
    g_assert_cmpuint (themes_notify.count, ==, 0);

    dossier_claim_set_themes (claim, reordered);
    g_assert_cmpuint (themes_notify.count, ==, 1);
    g_assert_cmpstrv (dossier_claim_get_themes (claim), reordered);

    dossier_claim_set_themes (claim, NULL);
    g_assert_cmpuint (themes_notify.count, ==, 2);
    g_assert_nonnull (dossier_claim_get_themes (claim));
    g_assert_cmpuint (g_strv_length ((char **)dossier_claim_get_themes (claim)), ==, 0);

    dossier_claim_set_themes (claim, empty);
    g_assert_cmpuint (themes_notify.count, ==, 2);

    g_object_set (claim, "themes", same, NULL);
    g_assert_cmpuint (themes_notify.count, ==, 3);
    g_assert_cmpstrv (dossier_claim_get_themes (claim), same);
  }

  g_object_set (claim, "updated", "2026-01-02T03:04:05Z", NULL);
  g_assert_cmpuint (updated.count, ==, 0);
  g_object_set (claim, "updated", "2026-02-03T04:05:06Z", NULL);
  g_assert_cmpuint (updated.count, ==, 1);

  g_object_set (claim, "document-title", "Critical Questions", NULL);
  g_assert_cmpuint (document_title.count, ==, 0);

  /* Anchors are untouched by all of that. */
  g_assert_cmpuint (dossier_claim_get_start (claim), ==, 120);
  g_assert_cmpuint (dossier_claim_get_end (claim), ==, 164);
}

static void
test_claim_defaults (void)
{
  g_autoptr(DossierClaim) claim = g_object_new (DOSSIER_TYPE_CLAIM, NULL);
  g_autoptr(DossierClaim) claim2 = g_object_new (DOSSIER_TYPE_CLAIM,
                                                  "note", NULL,
                                                  "themes", NULL,
                                                  NULL);
  g_auto(GStrv) themes = NULL;
  g_autofree char *note = NULL;

  g_assert_cmpstr (dossier_claim_get_note (claim), ==, "");
  g_assert_nonnull (dossier_claim_get_themes (claim));
  g_assert_null (dossier_claim_get_themes (claim)[0]);
  g_assert_null (dossier_claim_get_speaker (claim));
  g_assert_null (dossier_claim_get_quote (claim));

  g_assert_cmpstr (dossier_claim_get_note (claim2), ==, "");
  g_assert_nonnull (dossier_claim_get_themes (claim2));
  g_assert_null (dossier_claim_get_themes (claim2)[0]);

  g_object_get (claim, "themes", &themes, "note", &note, NULL);
  g_assert_nonnull (themes);
  g_assert_null (themes[0]);
  g_assert_cmpstr (note, ==, "");
}

static void
test_brief (void)
{
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(DossierBrief) empty = NULL;
  NotifyCounter title = { 0 }, summary = { 0 }, updated = { 0 };

  brief = g_object_new (DOSSIER_TYPE_BRIEF,
                        "id", (gint64) 1,
                        "uuid", "b01ef000-0000-4000-8000-000000000001",
                        "title", "U.S.–Mexico security cooperation",
                        "summary", "Where the two governments agree, and where they don’t.",
                        "created", "2026-01-02T03:04:05Z",
                        "updated", "2026-01-03T03:04:05Z",
                        NULL);

  g_assert_cmpint (dossier_brief_get_id (brief), ==, 1);
  g_assert_cmpstr (dossier_brief_get_uuid (brief), ==, "b01ef000-0000-4000-8000-000000000001");
  g_assert_cmpstr (dossier_brief_get_title (brief), ==, "U.S.–Mexico security cooperation");
  g_assert_cmpstr (dossier_brief_get_summary (brief), ==, "Where the two governments agree, and where they don’t.");
  g_assert_cmpstr (dossier_brief_get_created (brief), ==, "2026-01-02T03:04:05Z");
  g_assert_cmpstr (dossier_brief_get_updated (brief), ==, "2026-01-03T03:04:05Z");

  watch (brief, "title", &title);
  watch (brief, "summary", &summary);
  watch (brief, "updated", &updated);

  dossier_brief_set_title (brief, "U.S.–Mexico security cooperation");
  g_assert_cmpuint (title.count, ==, 0);
  dossier_brief_set_title (brief, "Security cooperation");
  dossier_brief_set_title (brief, "Security cooperation");
  g_assert_cmpuint (title.count, ==, 1);

  dossier_brief_set_summary (brief, NULL);
  g_assert_cmpuint (summary.count, ==, 1);
  g_assert_cmpstr (dossier_brief_get_summary (brief), ==, "");
  dossier_brief_set_summary (brief, "");
  dossier_brief_set_summary (brief, NULL);
  g_assert_cmpuint (summary.count, ==, 1);
  dossier_brief_set_summary (brief, "Short.");
  g_assert_cmpuint (summary.count, ==, 2);

  g_object_set (brief, "updated", "2026-01-03T03:04:05Z", NULL);
  g_assert_cmpuint (updated.count, ==, 0);
  g_object_set (brief, "updated", "2026-01-04T00:00:00Z", NULL);
  g_assert_cmpuint (updated.count, ==, 1);

  empty = g_object_new (DOSSIER_TYPE_BRIEF, "summary", NULL, NULL);
  g_assert_cmpstr (dossier_brief_get_summary (empty), ==, "");
  g_assert_null (dossier_brief_get_title (empty));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/models/properties", test_properties_flags_and_notify);
  g_test_add_func ("/models/document", test_document);
  g_test_add_func ("/models/document/defaults", test_document_defaults);
  g_test_add_func ("/models/source", test_source);
  g_test_add_func ("/models/source/defaults", test_source_defaults);
  g_test_add_func ("/models/source/kind-strings", test_source_kind_strings);
  g_test_add_func ("/models/theme", test_theme);
  g_test_add_func ("/models/claim", test_claim);
  g_test_add_func ("/models/claim/defaults", test_claim_defaults);
  g_test_add_func ("/models/brief", test_brief);

  return g_test_run ();
}
