/* dossier-document-model.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-document-model"

#include "config.h"

#include "dossier-document-model.h"
#include "dossier-search.h"

/* Documents are made a page at a time, with one query. */
#define PAGE_SIZE 100
/* Pages kept alive after they were last asked for; a list view shows far
 * fewer rows than this, and what it holds stays alive anyway. */
#define MAX_PAGES 16

/* A document handed out and still alive somewhere, by id: asked for again,
 * it is the same object, and edits update it in place. The model holds
 * only a weak reference. */
typedef struct
{
  DossierDocumentModel *model;
  gint64                id;
  DossierDocument      *document;
} Live;

struct _DossierDocumentModel
{
  GObject              parent_instance;

  DossierDatabase     *database;
  DossierDocumentSort  sort;
  gint64               outlet_id;
  char                *text;
  char                *query;     /* what dossier_search_build_query() made of text */

  GArray              *ids;       /* gint64, in list order */
  GHashTable          *live;      /* gint64 id → Live */
  GQueue               pages;     /* GPtrArray of DossierDocument, newest first */
  guint                refresh_idle;
  gboolean             replacing; /* between the two halves of a replacement */
};

static void dossier_document_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierDocumentModel, dossier_document_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      dossier_document_model_list_model_init))

G_DEFINE_ENUM_TYPE (DossierDocumentSort, dossier_document_sort,
                    G_DEFINE_ENUM_VALUE (DOSSIER_DOCUMENT_SORT_DATE, "date"),
                    G_DEFINE_ENUM_VALUE (DOSSIER_DOCUMENT_SORT_TITLE, "title"),
                    G_DEFINE_ENUM_VALUE (DOSSIER_DOCUMENT_SORT_OUTLET, "outlet"))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SORT,
  PROP_OUTLET_ID,
  PROP_TEXT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ITEMS_CHANGING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Live documents */

static void
live_finalized (gpointer  data,
                GObject  *where_the_object_was)
{
  Live *live = data;

  /* Frees @live: the table owns its values. */
  g_hash_table_remove (live->model->live, &live->id);
}

static void
add_live (DossierDocumentModel *self,
          DossierDocument      *document)
{
  Live *live = g_new0 (Live, 1);

  live->model = self;
  live->id = dossier_document_get_id (document);
  live->document = document;
  g_object_weak_ref (G_OBJECT (document), live_finalized, live);
  g_hash_table_insert (self->live, &live->id, live);
}

static void
forget_live (DossierDocumentModel *self)
{
  GHashTableIter iter;
  Live *live;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&live))
    g_object_weak_unref (G_OBJECT (live->document), live_finalized, live);
  g_hash_table_remove_all (self->live);
}

static DossierDocument *
lookup_live (DossierDocumentModel *self,
             gint64                id)
{
  Live *live = g_hash_table_lookup (self->live, &id);

  return live != NULL ? live->document : NULL;
}

static void
clear_pages (DossierDocumentModel *self)
{
  GPtrArray *page;

  while ((page = g_queue_pop_head (&self->pages)))
    g_ptr_array_unref (page);
}

/* Copies what can change from @fresh into @document; each property
 * notifies only if its value changed. */
static void
update_document (DossierDocument *document,
                 DossierDocument *fresh)
{
  g_object_freeze_notify (G_OBJECT (document));
  dossier_document_set_title (document, dossier_document_get_title (fresh));
  dossier_document_set_outlet (document, dossier_document_get_outlet (fresh));
  g_object_set (document, "outlet-id", dossier_document_get_outlet_id (fresh), NULL);
  dossier_document_set_author (document, dossier_document_get_author (fresh));
  dossier_document_set_published (document, dossier_document_get_published (fresh));
  dossier_document_set_url (document, dossier_document_get_url (fresh));
  dossier_document_set_claim_count (document, dossier_document_get_claim_count (fresh));
  g_object_thaw_notify (G_OBJECT (document));
}

/* Re-reads the live documents (all, or only @only_id when not 0). */
static void
update_live (DossierDocumentModel *self,
             gint64                only_id)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (only_id != 0)
    {
      if (lookup_live (self, only_id) == NULL)
        return;
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (ids, only_id);
    }
  else
    {
      GHashTableIter iter;
      Live *live;

      if (g_hash_table_size (self->live) == 0)
        return;

      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (self->live));
      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&live))
        g_array_append_val (ids, live->id);
    }

  if (!(fresh = dossier_documents_get_many (self->database, (const gint64 *)(gpointer)ids->data, ids->len, &error)))
    {
      g_warning ("Cannot reload documents: %s", error->message);
      return;
    }

  /* Documents deleted meanwhile are left as they were: the view drops
   * them with the next items-changed. */
  for (guint i = 0; i < fresh->len; i++)
    {
      DossierDocument *document = g_ptr_array_index (fresh, i);
      DossierDocument *target = lookup_live (self, dossier_document_get_id (document));

      if (target != NULL)
        update_document (target, document);
    }
}

/* Refresh */

/* Above this many added items, a change that also removes some is told in
 * two steps (see refresh()). */
#define REPLACE_IN_TWO_FROM 1000

static gboolean
refresh (DossierDocumentModel  *self,
         gboolean               reread,
         GError               **error)
{
  g_autoptr(GArray) old_ids = NULL;
  GArray *new_ids = NULL;
  guint old_n, new_n, prefix = 0, suffix = 0, removed, added;
  const gint64 *a, *b;

  if (!dossier_documents_list_ids (self->database, self->sort, self->outlet_id,
                                   self->query != NULL ? self->text : NULL, &new_ids, error))
    return FALSE;

  /* Only what lies between the common head and the common tail changed:
   * an edit or an import keeps the rest of the list (and with it the
   * view's scroll position and selection) untouched. */
  old_n = self->ids->len;
  new_n = new_ids->len;
  a = (const gint64 *)(gpointer)self->ids->data;
  b = (const gint64 *)(gpointer)new_ids->data;
  while (prefix < old_n && prefix < new_n && a[prefix] == b[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         a[old_n - 1 - suffix] == b[new_n - 1 - suffix])
    suffix++;
  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;

  if (removed > 0 || added > 0)
    g_signal_emit (self, signals[ITEMS_CHANGING], 0, prefix, removed, added);

  old_ids = g_steal_pointer (&self->ids);

  /* A big replacement (a new sort, a search) is announced as a removal,
   * then an addition. Told both at once, GTK 4.8's list item manager
   * looks for the rows it was tracking among every added item, making
   * each one: re-sorting 100,000 documents read all of them (1.2 s). */
  if (removed > 0 && added > REPLACE_IN_TWO_FROM)
    {
      GArray *kept = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + suffix);

      g_array_append_vals (kept, old_ids->data, prefix);
      g_array_append_vals (kept, &g_array_index (old_ids, gint64, old_n - suffix), suffix);
      self->ids = kept;
      clear_pages (self);

      self->replacing = TRUE;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
      self->replacing = FALSE;

      g_array_unref (self->ids);
      removed = 0;
    }

  self->ids = new_ids;

  clear_pages (self);
  if (reread)
    update_live (self, 0);

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

static void
refresh_or_warn (DossierDocumentModel *self,
                 gboolean              reread)
{
  g_autoptr(GError) error = NULL;

  if (!refresh (self, reread, &error))
    g_warning ("Cannot list documents: %s", error->message);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  DossierDocumentModel *self = data;

  self->refresh_idle = 0;
  refresh_or_warn (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
on_database_changed (DossierDocumentModel *self,
                     guint                 what,
                     gint64                document_id)
{
  /* Documents added, removed or edited (titles, dates and outlets set
   * the order; sources renamed or merged come with DOCUMENTS too). */
  if (what & DOSSIER_CHANGE_DOCUMENTS)
    refresh_or_warn (self, TRUE);
  /* Claims change only claim counts, never the order. */
  else if (what & DOSSIER_CHANGE_CLAIMS)
    update_live (self, document_id);
}

/* GListModel */

static GType
dossier_document_model_get_item_type (GListModel *model)
{
  return DOSSIER_TYPE_DOCUMENT;
}

static guint
dossier_document_model_get_n_items (GListModel *model)
{
  DossierDocumentModel *self = DOSSIER_DOCUMENT_MODEL (model);

  return self->ids->len;
}

static void
load_page (DossierDocumentModel *self,
           guint                 page_index)
{
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) fetched = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *page;
  guint start = page_index * PAGE_SIZE;
  guint end = MIN (self->ids->len, start + PAGE_SIZE);

  page = g_ptr_array_new_full (end - start, g_object_unref);

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      DossierDocument *document = lookup_live (self, id);

      if (document != NULL)
        g_ptr_array_add (page, g_object_ref (document));
      else
        g_array_append_val (missing, id);
    }

  if (missing->len > 0)
    {
      fetched = dossier_documents_get_many (self->database, (const gint64 *)(gpointer)missing->data,
                                            missing->len, &error);
      if (fetched == NULL)
        g_warning ("Cannot load documents: %s", error->message);
      else
        for (guint i = 0; i < fetched->len; i++)
          {
            DossierDocument *document = g_ptr_array_index (fetched, i);

            if (lookup_live (self, dossier_document_get_id (document)) == NULL)
              add_live (self, document);
            g_ptr_array_add (page, g_object_ref (document));
          }
    }

  g_queue_push_head (&self->pages, page);
  while (g_queue_get_length (&self->pages) > MAX_PAGES)
    g_ptr_array_unref (g_queue_pop_tail (&self->pages));
}

static gpointer
dossier_document_model_get_item (GListModel *model,
                                 guint       position)
{
  DossierDocumentModel *self = DOSSIER_DOCUMENT_MODEL (model);
  DossierDocument *document;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  if ((document = lookup_live (self, id)) != NULL)
    return g_object_ref (document);

  load_page (self, position / PAGE_SIZE);
  if ((document = lookup_live (self, id)) != NULL)
    return g_object_ref (document);

  /* Deleted by another connection since the ids were read: a stand-in
   * until the list is read again. */
  document = g_object_new (DOSSIER_TYPE_DOCUMENT, "id", id, "title", "", NULL);
  add_live (self, document);
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);

  return document;
}

static void
dossier_document_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dossier_document_model_get_item_type;
  iface->get_n_items = dossier_document_model_get_n_items;
  iface->get_item = dossier_document_model_get_item;
}

/* GObject */

static void
dossier_document_model_constructed (GObject *object)
{
  DossierDocumentModel *self = (DossierDocumentModel *)object;

  G_OBJECT_CLASS (dossier_document_model_parent_class)->constructed (object);

  g_assert (DOSSIER_IS_DATABASE (self->database));

  g_signal_connect_object (self->database, "changed", G_CALLBACK (on_database_changed), self,
                           G_CONNECT_SWAPPED);
  refresh_or_warn (self, FALSE);
}

static void
dossier_document_model_dispose (GObject *object)
{
  DossierDocumentModel *self = (DossierDocumentModel *)object;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  forget_live (self);
  clear_pages (self);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (dossier_document_model_parent_class)->dispose (object);
}

static void
dossier_document_model_finalize (GObject *object)
{
  DossierDocumentModel *self = (DossierDocumentModel *)object;

  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (dossier_document_model_parent_class)->finalize (object);
}

static void
dossier_document_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierDocumentModel *self = DOSSIER_DOCUMENT_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;

    case PROP_OUTLET_ID:
      g_value_set_int64 (value, self->outlet_id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids != NULL ? self->ids->len : 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_model_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierDocumentModel *self = DOSSIER_DOCUMENT_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_SORT:
      dossier_document_model_set_sort (self, g_value_get_enum (value));
      break;

    case PROP_OUTLET_ID:
      dossier_document_model_set_outlet_id (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      dossier_document_model_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_model_class_init (DossierDocumentModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dossier_document_model_constructed;
  object_class->dispose = dossier_document_model_dispose;
  object_class->finalize = dossier_document_model_finalize;
  object_class->get_property = dossier_document_model_get_property;
  object_class->set_property = dossier_document_model_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DOSSIER_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL,
                       DOSSIER_TYPE_DOCUMENT_SORT, DOSSIER_DOCUMENT_SORT_DATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTLET_ID] =
    g_param_spec_int64 ("outlet-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierDocumentModel::items-changing:
   * @position: where the change starts
   * @removed: how many items go
   * @added: how many items come
   *
   * Emitted just before "items-changed", with the same arguments, while
   * the model still holds its old items. A GtkSingleSelection whose
   * selected item lies in the change looks for it among all the items
   * added, making each of them; unselecting it here, and selecting it
   * again after "items-changed", spares that.
   */
  signals[ITEMS_CHANGING] =
    g_signal_new ("items-changing",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
dossier_document_model_init (DossierDocumentModel *self)
{
  self->sort = DOSSIER_DOCUMENT_SORT_DATE;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_queue_init (&self->pages);
}

/* Public API */

DossierDocumentModel *
dossier_document_model_new (DossierDatabase *database)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (database), NULL);

  return g_object_new (DOSSIER_TYPE_DOCUMENT_MODEL,
                       "database", database,
                       NULL);
}

DossierDatabase *
dossier_document_model_get_database (DossierDocumentModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self), NULL);

  return self->database;
}

DossierDocumentSort
dossier_document_model_get_sort (DossierDocumentModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self), DOSSIER_DOCUMENT_SORT_DATE);

  return self->sort;
}

void
dossier_document_model_set_sort (DossierDocumentModel *self,
                                 DossierDocumentSort   sort)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self));
  g_return_if_fail (sort <= DOSSIER_DOCUMENT_SORT_OUTLET);

  if (self->sort == sort)
    return;

  self->sort = sort;
  if (self->database != NULL)
    refresh_or_warn (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

gint64
dossier_document_model_get_outlet_id (DossierDocumentModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self), 0);

  return self->outlet_id;
}

void
dossier_document_model_set_outlet_id (DossierDocumentModel *self,
                                      gint64                outlet_id)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self));
  g_return_if_fail (outlet_id >= 0);

  if (self->outlet_id == outlet_id)
    return;

  self->outlet_id = outlet_id;
  if (self->database != NULL)
    refresh_or_warn (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTLET_ID]);
}

const char *
dossier_document_model_get_text (DossierDocumentModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self), NULL);

  return self->text;
}

void
dossier_document_model_set_text (DossierDocumentModel *self,
                                 const char           *text)
{
  g_autofree char *query = NULL;
  gboolean same_query;

  g_return_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self));

  if (text != NULL && text[0] == '\0')
    text = NULL;

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);

  /* A space more or a lone quote mark searches the same: no reload. */
  query = text != NULL ? dossier_search_build_query (text) : NULL;
  same_query = g_strcmp0 (query, self->query) == 0;
  g_free (self->query);
  self->query = g_steal_pointer (&query);

  if (!same_query && self->database != NULL)
    refresh_or_warn (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gboolean
dossier_document_model_get_filtered (DossierDocumentModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self), FALSE);

  return self->outlet_id != 0 || self->query != NULL;
}

/**
 * dossier_document_model_get_replacing:
 *
 * TRUE during the first of the two "items-changed" of a big replacement
 * (the removal), when the model is briefly without the new items: a
 * handler that reacts to what is listed should wait for the second.
 */
gboolean
dossier_document_model_get_replacing (DossierDocumentModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self), FALSE);

  return self->replacing;
}

gint64
dossier_document_model_get_document_id (DossierDocumentModel *self,
                                        guint                 position)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

guint
dossier_document_model_find (DossierDocumentModel *self,
                             gint64                document_id)
{
  const gint64 *ids;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self), G_MAXUINT);

  ids = (const gint64 *)(gpointer)self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    if (ids[i] == document_id)
      return i;

  return G_MAXUINT;
}

gboolean
dossier_document_model_refresh (DossierDocumentModel  *self,
                                GError               **error)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_MODEL (self), FALSE);

  return refresh (self, TRUE, error);
}
