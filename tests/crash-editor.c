/* crash-editor.c — edits claims and briefs in a loop until killed, for
 * tests/test-crash.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * crash-editor DB SEED
 *
 * Makes random edits through the core API, the way the window does: each
 * one a single call, so a single transaction. For each edit it writes to
 * stdout, in one write():
 *
 *   begin SEQ NAME
 *   expect KEY VALUE     (one per object the edit touches; see crash-state.h;
 *                         VALUE escaped with g_strescape)
 *   go SEQ
 *
 * then makes the edit, reads the whole state back, checks that it is the
 * previous state with exactly those changes, and writes "done SEQ KEY"
 * (KEY: the object the edit created, or "-"). A "done" line therefore means
 * the edit is committed; an edit with "go" and no "done" may or may not be.
 * Any error ends the program with status 1 and a line on stderr: the test
 * kills this program, it never stops by itself otherwise.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crash-state.h"

static const char *theme_pool[] = { "Water", "Energy", "Trade", "Security", "Migration" };
static const char *speaker_pool[] = { "Ana Ruiz", "Tom Okafor", "Lena Berg", "a senior official" };

#define MAX_CLAIMS       60
#define MAX_BRIEFS       4
#define MAX_ITEMS        24

typedef struct
{
  DossierDatabase *db;
  GRand           *rand;
  guint            seed;
  guint            seq;
  GArray          *documents;   /* of gint64 */
  GPtrArray       *bodies;      /* of char *, parallel */
  GHashTable      *state;       /* as crash_state_snapshot () */
  GPtrArray       *claims;      /* of DossierClaim, current */
  GPtrArray       *briefs;      /* of DossierBrief, current */
  GHashTable      *cited;       /* claim ids used in a brief (gint64 *) */
} Editor;

typedef enum
{
  CLAIM_CREATE,
  CLAIM_EDIT,
  CLAIM_DELETE,
  BRIEF_CREATE,
  BRIEF_SUMMARY,
  BRIEF_DELETE,
  ITEM_HEADING,
  ITEM_TEXT,
  ITEM_TEXT_IN_SECTION,
  ITEM_CLAIM,
  ITEM_MOVE,
  ITEM_SET_TEXT,
  ITEM_REMOVE,
} Op;

static const struct { Op op; guint weight; const char *name; } ops[] = {
  { CLAIM_CREATE,         22, "claim-create" },
  { CLAIM_EDIT,           22, "claim-edit" },
  { CLAIM_DELETE,          8, "claim-delete" },
  { BRIEF_CREATE,          2, "brief-create" },
  { BRIEF_SUMMARY,         4, "brief-summary" },
  { BRIEF_DELETE,          1, "brief-delete" },
  { ITEM_HEADING,          4, "item-heading" },
  { ITEM_TEXT,             6, "item-text" },
  { ITEM_TEXT_IN_SECTION,  5, "item-text-in-section" },
  { ITEM_CLAIM,            8, "item-claim" },
  { ITEM_MOVE,            10, "item-move" },
  { ITEM_SET_TEXT,         6, "item-set-text" },
  { ITEM_REMOVE,           5, "item-remove" },
};

G_GNUC_NORETURN static void
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "crash-editor: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
write_all (const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (STDOUT_FILENO, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        exit (1);  /* the test is gone */
      data += n;
      length -= n;
    }
}

static const char *
op_name (Op op)
{
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (ops[i].op == op)
      return ops[i].name;
  g_assert_not_reached ();
}

static Op
pick_op (Editor *editor)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    total += ops[i].weight;

  pick = g_rand_int_range (editor->rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      if (pick < ops[i].weight)
        return ops[i].op;
      pick -= ops[i].weight;
    }
  g_assert_not_reached ();
}

static gpointer
pick (Editor    *editor,
      GPtrArray *array)
{
  if (array->len == 0)
    return NULL;
  return g_ptr_array_index (array, g_rand_int_range (editor->rand, 0, array->len));
}

static void
refresh (Editor *editor)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&editor->claims, g_ptr_array_unref);
  g_clear_pointer (&editor->briefs, g_ptr_array_unref);
  g_hash_table_remove_all (editor->cited);

  if (!(editor->claims = dossier_claims_list (editor->db, NULL, &error)) ||
      !(editor->briefs = dossier_briefs_list (editor->db, &error)))
    die ("listing", error);

  for (guint i = 0; i < editor->briefs->len; i++)
    {
      DossierBrief *brief = g_ptr_array_index (editor->briefs, i);
      g_autoptr(GPtrArray) items = dossier_briefs_get_items (editor->db, dossier_brief_get_id (brief), &error);

      if (items == NULL)
        die ("listing items", error);
      for (guint j = 0; j < items->len; j++)
        {
          gint64 claim = dossier_brief_item_get_claim_id (g_ptr_array_index (items, j));

          if (claim != 0)
            g_hash_table_add (editor->cited, g_memdup2 (&claim, sizeof claim));
        }
    }
}

static GPtrArray *
items_of (Editor       *editor,
          DossierBrief *brief)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = dossier_briefs_get_items (editor->db, dossier_brief_get_id (brief), &error);

  if (items == NULL)
    die ("listing items", error);

  return items;
}

static void
expect (GHashTable *expected,
        const char *key,
        char       *value)  /* owned */
{
  g_hash_table_insert (expected, g_strdup (key), value);
}

static char *
item_key (DossierBriefItem *item)
{
  return g_strdup_printf ("item:%" G_GINT64_FORMAT, dossier_brief_item_get_id (item));
}

static char *
claim_key (DossierClaim *claim)
{
  return g_strdup_printf ("claim:%" G_GINT64_FORMAT, dossier_claim_get_id (claim));
}

static char *
brief_key (DossierBrief *brief)
{
  return g_strdup_printf ("brief:%" G_GINT64_FORMAT, dossier_brief_get_id (brief));
}

/* Expectations for @items (in order) after they are renumbered 0 … n-1,
 * with @skip left out (a removed item) and a gap left at @gap (where a
 * new item goes; G_MAXUINT for none). */
static void
expect_positions (GHashTable       *expected,
                  GPtrArray        *items,
                  DossierBriefItem *skip,
                  guint             gap)
{
  guint position = 0;

  for (guint i = 0; i < items->len; i++)
    {
      DossierBriefItem *item = g_ptr_array_index (items, i);
      g_autofree char *key = item_key (item);

      if (item == skip)
        continue;
      if (position == gap)
        position++;

      expect (expected, key,
              crash_item_value (dossier_brief_item_get_brief_id (item), position,
                                dossier_brief_item_kind_to_string (dossier_brief_item_get_kind (item)),
                                dossier_brief_item_get_claim_id (item),
                                dossier_brief_item_get_text (item)));
      position++;
    }
}

static char *
unique_text (Editor     *editor,
             const char *what)
{
  return g_strdup_printf ("%s %u-%u", what, editor->seed, editor->seq);
}

/* An edit, chosen and ready to be made. */
typedef struct
{
  Op                op;
  DossierClaim     *claim;     /* borrowed from the editor's lists */
  DossierBrief     *brief;
  DossierBriefItem *item;      /* for ITEM_TEXT_IN_SECTION: the section's heading */
  GPtrArray        *items;     /* of the brief, by position */
  guint             position;
  char             *text;      /* note, title, summary, item text */
  const char       *speaker;
  gint64            document;
  guint             start;
  guint             end;
  GPtrArray        *themes;    /* NULL-terminated: a new claim's, or the themes to add */
  GPtrArray        *remove;    /* NULL-terminated: themes to remove */
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->items, g_ptr_array_unref);
  g_clear_pointer (&plan->text, g_free);
  g_clear_pointer (&plan->themes, g_ptr_array_unref);
  g_clear_pointer (&plan->remove, g_ptr_array_unref);
}

static DossierClaim *
pick_uncited_claim (Editor *editor)
{
  g_autoptr(GPtrArray) free_claims = g_ptr_array_new ();

  for (guint i = 0; i < editor->claims->len; i++)
    {
      DossierClaim *candidate = g_ptr_array_index (editor->claims, i);
      gint64 id = dossier_claim_get_id (candidate);

      if (!g_hash_table_contains (editor->cited, &id))
        g_ptr_array_add (free_claims, candidate);
    }

  return pick (editor, free_claims);
}

/* Picks an edit that is possible now, keeping the sizes bounded. */
static void
choose (Editor *editor,
        Plan   *plan)
{
  Op op = pick_op (editor);

  if (op == CLAIM_CREATE && editor->claims->len >= MAX_CLAIMS)
    op = CLAIM_DELETE;
  if ((op == CLAIM_EDIT || op == CLAIM_DELETE || op == ITEM_CLAIM) && editor->claims->len == 0)
    op = CLAIM_CREATE;
  if (op == CLAIM_DELETE && !(plan->claim = pick_uncited_claim (editor)))
    op = ITEM_REMOVE;  /* every claim is cited: free one */

  if (op >= BRIEF_SUMMARY && editor->briefs->len == 0)
    op = BRIEF_CREATE;
  if (op == BRIEF_CREATE && editor->briefs->len >= MAX_BRIEFS)
    op = BRIEF_DELETE;
  if (op == BRIEF_DELETE && editor->briefs->len < MAX_BRIEFS)
    op = BRIEF_SUMMARY;

  if (op >= BRIEF_SUMMARY)
    {
      plan->brief = pick (editor, editor->briefs);
      plan->items = items_of (editor, plan->brief);
    }
  if (op >= ITEM_HEADING && op <= ITEM_CLAIM && plan->items->len >= MAX_ITEMS)
    op = ITEM_REMOVE;
  if (op >= ITEM_MOVE && plan->items->len == 0)
    op = ITEM_TEXT;
  if (op >= ITEM_MOVE)
    plan->item = pick (editor, plan->items);

  if (op == ITEM_TEXT_IN_SECTION)
    {
      for (guint i = 0; i < plan->items->len && plan->item == NULL; i++)
        if (dossier_brief_item_get_kind (g_ptr_array_index (plan->items, i)) == DOSSIER_BRIEF_ITEM_HEADING &&
            g_rand_boolean (editor->rand))
          plan->item = g_ptr_array_index (plan->items, i);
      if (plan->item == NULL)
        op = ITEM_HEADING;
    }

  plan->op = op;
}

/* Fills @plan's arguments and @expected with what the edit leaves. */
static void
prepare (Editor     *editor,
         Plan       *plan,
         GHashTable *expected)
{
  g_autofree char *key = NULL;
  gint64 brief_id = plan->brief != NULL ? dossier_brief_get_id (plan->brief) : 0;

  switch (plan->op)
    {
    case CLAIM_CREATE:
      {
        guint index = g_rand_int_range (editor->rand, 0, editor->documents->len);
        const char *body = g_ptr_array_index (editor->bodies, index);
        guint length = strlen (body);  /* the bodies are ASCII: bytes are code points */
        g_autofree char *quote = NULL;
        guint n_themes = g_rand_int_range (editor->rand, 0, 3);
        guint first = g_rand_int_range (editor->rand, 0, G_N_ELEMENTS (theme_pool));

        plan->document = g_array_index (editor->documents, gint64, index);
        plan->start = g_rand_int_range (editor->rand, 0, length - 60);
        plan->end = plan->start + g_rand_int_range (editor->rand, 5, 60);
        quote = g_strndup (body + plan->start, plan->end - plan->start);
        plan->text = unique_text (editor, "note");
        plan->speaker = speaker_pool[g_rand_int_range (editor->rand, 0, G_N_ELEMENTS (speaker_pool))];
        plan->themes = g_ptr_array_new ();
        for (guint i = 0; i < n_themes; i++)
          g_ptr_array_add (plan->themes, (gpointer)theme_pool[(first + i) % G_N_ELEMENTS (theme_pool)]);
        g_ptr_array_add (plan->themes, NULL);

        expect (expected, "claim:new",
                crash_claim_value (plan->document, plan->start, plan->end, quote, plan->speaker,
                                   plan->text, (const char * const *)plan->themes->pdata));
      }
      break;

    case CLAIM_EDIT:
      {
        g_autoptr(GPtrArray) after = g_ptr_array_new ();
        const char * const *current;

        plan->claim = pick (editor, editor->claims);
        current = dossier_claim_get_themes (plan->claim);
        plan->themes = g_ptr_array_new ();
        plan->remove = g_ptr_array_new ();

        /* Removes at most one theme and adds some it lacks. */
        for (guint i = 0; current != NULL && current[i] != NULL; i++)
          {
            if (plan->remove->len == 0 && g_rand_boolean (editor->rand))
              g_ptr_array_add (plan->remove, (gpointer)current[i]);
            else
              g_ptr_array_add (after, (gpointer)current[i]);
          }
        for (guint i = 0; i < G_N_ELEMENTS (theme_pool); i++)
          {
            gboolean has = current != NULL && g_strv_contains (current, theme_pool[i]);

            if (!has && g_rand_int_range (editor->rand, 0, 4) == 0)
              {
                g_ptr_array_add (plan->themes, (gpointer)theme_pool[i]);
                g_ptr_array_add (after, (gpointer)theme_pool[i]);
              }
          }
        g_ptr_array_add (after, NULL);
        g_ptr_array_add (plan->themes, NULL);
        g_ptr_array_add (plan->remove, NULL);

        plan->speaker = speaker_pool[g_rand_int_range (editor->rand, 0, G_N_ELEMENTS (speaker_pool))];
        plan->text = unique_text (editor, "edited note");
        key = claim_key (plan->claim);
        expect (expected, key,
                crash_claim_value (dossier_claim_get_document_id (plan->claim),
                                   dossier_claim_get_start (plan->claim), dossier_claim_get_end (plan->claim),
                                   dossier_claim_get_quote (plan->claim), plan->speaker, plan->text,
                                   (const char * const *)after->pdata));
      }
      break;

    case CLAIM_DELETE:
      key = claim_key (plan->claim);
      expect (expected, key, g_strdup (CRASH_ABSENT));
      break;

    case BRIEF_CREATE:
      plan->text = unique_text (editor, "Brief");
      expect (expected, "brief:new", crash_brief_value (plan->text, "Opening summary"));
      break;

    case BRIEF_SUMMARY:
      key = brief_key (plan->brief);
      plan->text = unique_text (editor, "Summary");
      expect (expected, key, crash_brief_value (dossier_brief_get_title (plan->brief), plan->text));
      break;

    case BRIEF_DELETE:
      key = brief_key (plan->brief);
      expect (expected, key, g_strdup (CRASH_ABSENT));
      for (guint i = 0; i < plan->items->len; i++)
        {
          g_autofree char *item = item_key (g_ptr_array_index (plan->items, i));
          expect (expected, item, g_strdup (CRASH_ABSENT));
        }
      break;

    case ITEM_HEADING:
      plan->text = unique_text (editor, "Heading");
      expect (expected, "item:new", crash_item_value (brief_id, plan->items->len, "heading", 0, plan->text));
      break;

    case ITEM_TEXT:
      plan->text = g_strdup_printf ("Paragraph %u-%u, *as written*.\n\nSecond paragraph.", editor->seed, editor->seq);
      expect (expected, "item:new", crash_item_value (brief_id, plan->items->len, "text", 0, plan->text));
      break;

    case ITEM_TEXT_IN_SECTION:
      /* At the end of the section: before the next heading, or last. */
      plan->position = plan->items->len;
      for (guint i = dossier_brief_item_get_position (plan->item) + 1; i < plan->items->len; i++)
        if (dossier_brief_item_get_kind (g_ptr_array_index (plan->items, i)) == DOSSIER_BRIEF_ITEM_HEADING)
          {
            plan->position = i;
            break;
          }
      plan->text = unique_text (editor, "Sectioned text");
      expect_positions (expected, plan->items, NULL, plan->position);
      expect (expected, "item:new", crash_item_value (brief_id, plan->position, "text", 0, plan->text));
      break;

    case ITEM_CLAIM:
      plan->claim = pick (editor, editor->claims);
      plan->text = unique_text (editor, "Commentary");
      expect (expected, "item:new",
              crash_item_value (brief_id, plan->items->len, "claim", dossier_claim_get_id (plan->claim), plan->text));
      break;

    case ITEM_MOVE:
      {
        /* Borrowed pointers: a copy of plan->items would unref them. */
        g_autoptr(GPtrArray) order = g_ptr_array_new ();

        for (guint i = 0; i < plan->items->len; i++)
          g_ptr_array_add (order, g_ptr_array_index (plan->items, i));
        plan->position = g_rand_int_range (editor->rand, 0, plan->items->len);
        g_ptr_array_remove (order, plan->item);
        g_ptr_array_insert (order, plan->position, plan->item);
        expect_positions (expected, order, NULL, G_MAXUINT);
      }
      break;

    case ITEM_SET_TEXT:
      key = item_key (plan->item);
      plan->text = unique_text (editor, dossier_brief_item_get_kind (plan->item) == DOSSIER_BRIEF_ITEM_HEADING
                                        ? "Renamed heading" : "Rewritten");
      expect (expected, key,
              crash_item_value (brief_id, dossier_brief_item_get_position (plan->item),
                                dossier_brief_item_kind_to_string (dossier_brief_item_get_kind (plan->item)),
                                dossier_brief_item_get_claim_id (plan->item), plan->text));
      break;

    case ITEM_REMOVE:
      key = item_key (plan->item);
      expect_positions (expected, plan->items, plan->item, G_MAXUINT);
      expect (expected, key, g_strdup (CRASH_ABSENT));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Makes the edit: one call of the core API. */
static gboolean
make (Editor  *editor,
      Plan    *plan,
      GError **error)
{
  gint64 brief_id = plan->brief != NULL ? dossier_brief_get_id (plan->brief) : 0;
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(DossierBriefItem) item = NULL;

  switch (plan->op)
    {
    case CLAIM_CREATE:
      return (claim = dossier_claims_create (editor->db, plan->document, plan->start, plan->end,
                                             (const char * const *)plan->themes->pdata,
                                             plan->speaker, plan->text, error)) != NULL;
    case CLAIM_EDIT:
      return (claim = dossier_claims_edit (editor->db, dossier_claim_get_id (plan->claim),
                                           (const char * const *)plan->themes->pdata,
                                           (const char * const *)plan->remove->pdata,
                                           plan->speaker, plan->text, error)) != NULL;
    case CLAIM_DELETE:
      return dossier_claims_delete (editor->db, dossier_claim_get_id (plan->claim), error);
    case BRIEF_CREATE:
      return (brief = dossier_briefs_create (editor->db, plan->text, "Opening summary", error)) != NULL;
    case BRIEF_SUMMARY:
      return dossier_briefs_set_summary (editor->db, brief_id, plan->text, error);
    case BRIEF_DELETE:
      return dossier_briefs_delete (editor->db, brief_id, error);
    case ITEM_HEADING:
      return (item = dossier_briefs_add_heading (editor->db, brief_id, plan->text, error)) != NULL;
    case ITEM_TEXT:
      return (item = dossier_briefs_add_text (editor->db, brief_id, plan->text, NULL, error)) != NULL;
    case ITEM_TEXT_IN_SECTION:
      return (item = dossier_briefs_add_text (editor->db, brief_id, plan->text,
                                              dossier_brief_item_get_text (plan->item), error)) != NULL;
    case ITEM_CLAIM:
      return (item = dossier_briefs_add_claim (editor->db, brief_id, dossier_claim_get_id (plan->claim),
                                               plan->text, NULL, error)) != NULL;
    case ITEM_MOVE:
      return dossier_briefs_move_item (editor->db, dossier_brief_item_get_id (plan->item), plan->position, error);
    case ITEM_SET_TEXT:
      return dossier_briefs_set_item_text (editor->db, dossier_brief_item_get_id (plan->item), plan->text, error);
    case ITEM_REMOVE:
      return dossier_briefs_remove_item (editor->db, dossier_brief_item_get_id (plan->item), error);
    default:
      g_assert_not_reached ();
    }
}

/* One edit: announced, made, checked, reported. */
static void
edit_once (Editor *editor)
{
  g_autoptr(GHashTable) expected = crash_state_new ();
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GString) announce = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_key = NULL;
  g_autofree char *why = NULL;
  g_autofree char *done = NULL;
  GHashTableIter iter;
  gpointer key, value;
  Plan plan = { 0 };

  choose (editor, &plan);
  prepare (editor, &plan, expected);

  g_string_append_printf (announce, "begin %u %s\n", editor->seq, op_name (plan.op));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *escaped = g_strescape (value, NULL);
      g_string_append_printf (announce, "expect %s %s\n", (char *)key, escaped);
    }
  g_string_append_printf (announce, "go %u\n", editor->seq);
  write_all (announce->str, announce->len);

  if (!make (editor, &plan, &error))
    die (op_name (plan.op), error);

  if (!(after = crash_state_snapshot (editor->db, &error)))
    die ("reading the state back", error);

  if (!crash_state_matches (editor->state, expected, after, &new_key, &why))
    {
      fprintf (stderr, "crash-editor: edit %u (%s) did not do what was expected: %s\n",
               editor->seq, op_name (plan.op), why);
      exit (1);
    }

  done = g_strdup_printf ("done %u %s\n", editor->seq, new_key != NULL ? new_key : "-");
  write_all (done, strlen (done));

  g_hash_table_unref (editor->state);
  editor->state = g_steal_pointer (&after);
  plan_clear (&plan);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  Editor editor = { NULL };

  if (argc != 3)
    {
      fprintf (stderr, "usage: crash-editor DB SEED\n");
      return 2;
    }

  editor.seed = strtoul (argv[2], NULL, 10);
  editor.rand = g_rand_new_with_seed (editor.seed);
  editor.cited = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!(editor.db = dossier_database_open (argv[1], &error)))
    die ("opening the database", error);

  if (!(documents = dossier_documents_list (editor.db, DOSSIER_DOCUMENT_SORT_TITLE, &error)))
    die ("listing documents", error);
  if (documents->len == 0)
    die ("the database has no documents", NULL);

  editor.documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  editor.bodies = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < documents->len; i++)
    {
      gint64 id = dossier_document_get_id (g_ptr_array_index (documents, i));
      char *body = dossier_documents_get_body (editor.db, id, &error);

      if (body == NULL)
        die ("reading a document", error);
      if (strlen (body) < 200)
        die ("the documents must be at least 200 characters long", NULL);
      g_array_append_val (editor.documents, id);
      g_ptr_array_add (editor.bodies, body);
    }

  if (!(editor.state = crash_state_snapshot (editor.db, &error)))
    die ("reading the state", error);

  for (editor.seq = 1; ; editor.seq++)
    {
      refresh (&editor);
      edit_once (&editor);
    }

  return 0;
}
