/* dossier-reader.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-metadata-dialog.h"
#include "dossier-reader.h"
#include "dossier-shortcuts.h"
#include "dossier-window.h"

/* The text column: at most this wide (about 70 characters of body text),
 * centred, with at least this much room on each side. */
#define COLUMN_WIDTH     720
#define MIN_COLUMN_WIDTH 240
#define COLUMN_PADDING    24
/* Space above the header, and between the header and the text. */
#define HEADER_TOP       24
#define HEADER_GAP       24

/* Pango lays out a paragraph in one piece, so one paragraph of a megabyte
 * (scraped text without line breaks) would freeze the reader. Paragraphs
 * longer than SOFT_LINE_LIMIT are shown broken at a space after a
 * sentence, past HARD_LINE_LIMIT at any space: the space becomes a
 * newline, one code point for another, so offsets stay those of the body.
 * Text without any space (CJK, encoded data) gets a line break inserted
 * after a punctuation mark, or wherever past BREAK_LIMIT; those extra
 * characters are kept in self->breaks, and the helpers below map body
 * offsets to buffer offsets and back. Ordinary documents have none, and
 * buffer offsets are body offsets (DESIGN §3). */
#define SOFT_LINE_LIMIT 2000
#define HARD_LINE_LIMIT 4000
#define BREAK_LIMIT     5000

/* Matches of a find beyond this many are counted but not drawn. */
#define MAX_DRAWN_MATCHES 2000

/* Claims without a theme. */
#define NEUTRAL_COLOR "#c0bfbc"

#define HIGHLIGHT_TAG_PREFIX "highlight-"

typedef struct
{
  guint       start;
  guint       end;
  gint64      id;
  GtkTextTag *tag;
} ClaimRange;

struct _DossierReader
{
  GtkWidget          parent_instance;

  DossierDatabase   *database;
  gint64             document_id;

  /* The claims drawn, by start; and one tag per colour ("#rrggbb" →
   * GtkTextTag, owned by the buffer's tag table). */
  GArray            *claims;
  GHashTable        *color_tags;
  GtkTextTag        *overlap_tag;
  GtkTextTag        *search_tag;
  GtkTextTag        *current_tag;
  GtkTextMark       *reveal_mark;

  /* Body offsets before which the text view shows an inserted line
   * break (see SOFT_LINE_LIMIT), sorted; usually empty. */
  GArray            *breaks;

  /* Find: the text folded for matching (one per code point) and the
   * starts of the matches. */
  gunichar          *folded;
  guint              folded_length;
  GArray            *matches;
  guint              match_length;
  guint              current_match;

  /* A click without drag activates the highlight under it. */
  double             press_x;
  double             press_y;
  guint              popover_idle;

  /* A scroll to reveal_mark, again once the text is laid out. */
  guint              reveal_idle;
  gboolean           reveal_center;

  /* The accelerators of the reader's actions, taken from the
   * application (see add_shortcuts()). */
  GtkShortcutController *shortcuts;
  gboolean           shortcuts_added;

  /* Layout of the text column, as last set. */
  int                column_width;
  int                column_side;
  int                column_top;
  int                header_height;

  /* Template widgets */
  GtkStack          *stack;
  AdwStatusPage     *status_page;
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkLabel          *match_label;
  GtkOverlay        *text_overlay;
  GtkScrolledWindow *scroller;
  GtkTextView       *text_view;
  GtkWidget         *header;
  GtkLabel          *title_label;
  GtkLabel          *byline_label;
  GtkLabel          *url_label;
  GtkPopover        *highlight_popover;
};

G_DEFINE_FINAL_TYPE (DossierReader, dossier_reader, GTK_TYPE_WIDGET)

enum {
  CLAIM_ACTIVATED,
  CLAIM_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void clear_search (DossierReader *self);

static GtkTextBuffer *
get_buffer (DossierReader *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

/* The number of inserted breaks before body offset @offset (those at
 * offsets <= @offset). */
static guint
count_breaks (DossierReader *self,
              guint          offset)
{
  guint low = 0, high = self->breaks->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->breaks, guint, middle) <= offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static void
get_iter_at_body_offset (DossierReader *self,
                         GtkTextIter   *iter,
                         guint          offset)
{
  gtk_text_buffer_get_iter_at_offset (get_buffer (self), iter, offset + count_breaks (self, offset));
}

static guint
get_body_offset (DossierReader     *self,
                 const GtkTextIter *iter)
{
  guint position = gtk_text_iter_get_offset (iter);
  guint low = 0, high = self->breaks->len;

  /* Break k sits at buffer offset breaks[k] + k. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->breaks, guint, middle) + middle < position)
        low = middle + 1;
      else
        high = middle;
    }

  return position - low;
}

static void
show_toast (DossierReader *self,
            const char    *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);

  if (window != NULL)
    dossier_window_add_toast (DOSSIER_WINDOW (window), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
update_actions (DossierReader *self)
{
  /* A reader the window does not show (another view) leaves its keys to
   * others. */
  gboolean loaded = self->document_id != 0 && gtk_widget_get_mapped (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.highlight",
                                 loaded && gtk_text_buffer_get_has_selection (get_buffer (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.find", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.find-next", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.find-previous", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.edit-metadata", loaded);
}

/* Header */

/* "2025-09-09" as the locale writes a date, or NULL. */
static char *
format_date (const char *published)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (published == NULL || sscanf (published, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;

  if (!(date = g_date_time_new_utc (year, month, day, 0, 0, 0)))
    return NULL;

  /* Translators: how the reader shows a document's date; see
   * g_date_time_format(). "%-d %B %Y" gives "9 September 2025". */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static gboolean
is_web_address (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0);
}

static void
update_header (DossierReader   *self,
               DossierDocument *document)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *byline = NULL;
  const char *outlet = dossier_document_get_outlet (document);
  const char *author = dossier_document_get_author (document);
  const char *url = dossier_document_get_url (document);
  char *date;

  gtk_label_set_label (self->title_label, dossier_document_get_title (document));

  if (outlet != NULL && outlet[0] != '\0')
    g_ptr_array_add (parts, g_strdup (outlet));
  if ((date = format_date (dossier_document_get_published (document))))
    g_ptr_array_add (parts, date);
  if (author != NULL && author[0] != '\0')
    /* Translators: the author in the reader's byline */
    g_ptr_array_add (parts, g_strdup_printf (_("By %s"), author));
  g_ptr_array_add (parts, NULL);

  byline = g_strjoinv (" · ", (char **)parts->pdata);
  gtk_label_set_label (self->byline_label, byline);
  gtk_widget_set_visible (GTK_WIDGET (self->byline_label), byline[0] != '\0');

  if (url != NULL && url[0] != '\0')
    {
      g_autofree char *markup = NULL;

      /* Only web addresses become links; anything else an import put
       * there is shown as text. */
      if (is_web_address (url))
        markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", url, url);
      else
        markup = g_markup_escape_text (url, -1);

      gtk_label_set_markup (self->url_label, markup);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->url_label), url);
      gtk_widget_set_visible (GTK_WIDGET (self->url_label), TRUE);
    }
  else
    {
      gtk_label_set_label (self->url_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->url_label), FALSE);
    }
}

/* Highlights */

static void
tint_tag (DossierReader *self,
          GtkTextTag    *tag)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const char *color = g_object_get_data (G_OBJECT (tag), "dossier-color");
  GdkRGBA rgba, line;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, NEUTRAL_COLOR);

  /* The theme palette is light: over a white page a half-strength tint
   * keeps dark text readable; over a dark page a weaker one keeps light
   * text readable. */
  rgba.alpha = dark ? 0.38 : 0.55;

  /* A line in the full colour under the text tells a highlight from a
   * selection (a blue theme and the selection look much alike). */
  if (dark)
    line = (GdkRGBA) { rgba.red, rgba.green, rgba.blue, 0.9 };
  else
    line = (GdkRGBA) { rgba.red * 0.6, rgba.green * 0.6, rgba.blue * 0.6, 1.0 };

  g_object_set (tag,
                "background-rgba", &rgba,
                "underline", PANGO_UNDERLINE_SINGLE,
                "underline-rgba", &line,
                NULL);
}

static void
tint_fixed_tags (DossierReader *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA underline = dark ? (GdkRGBA) { 1, 1, 1, 0.8 } : (GdkRGBA) { 0, 0, 0, 0.7 };

  g_object_set (self->overlap_tag, "underline-rgba", &underline, NULL);
}

static void
retint (DossierReader *self)
{
  GHashTableIter iter;
  gpointer tag;

  g_hash_table_iter_init (&iter, self->color_tags);
  while (g_hash_table_iter_next (&iter, NULL, &tag))
    tint_tag (self, tag);
  tint_fixed_tags (self);
}

/* The one tag of @color, made on first use. */
static GtkTextTag *
ensure_color_tag (DossierReader *self,
                  const char    *color)
{
  g_autofree char *key = g_ascii_strdown (color, -1);
  g_autofree char *name = NULL;
  GtkTextTagTable *table;
  GtkTextTag *tag;

  if ((tag = g_hash_table_lookup (self->color_tags, key)))
    return tag;

  name = g_strconcat (HIGHLIGHT_TAG_PREFIX, key, NULL);
  tag = gtk_text_buffer_create_tag (get_buffer (self), name, NULL);
  g_object_set_data_full (G_OBJECT (tag), "dossier-color", g_strdup (key), g_free);
  tint_tag (self, tag);
  g_hash_table_insert (self->color_tags, g_steal_pointer (&key), tag);

  /* Overlaps and matches stay drawn above every highlight. */
  table = gtk_text_buffer_get_tag_table (get_buffer (self));
  gtk_text_tag_set_priority (self->overlap_tag, gtk_text_tag_table_get_size (table) - 1);
  gtk_text_tag_set_priority (self->search_tag, gtk_text_tag_table_get_size (table) - 1);
  gtk_text_tag_set_priority (self->current_tag, gtk_text_tag_table_get_size (table) - 1);

  return tag;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const ClaimRange *ra = a;
  const ClaimRange *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  if (ra->end != rb->end)
    return ra->end < rb->end ? -1 : 1;
  return ra->id < rb->id ? -1 : ra->id > rb->id;
}

static void
apply_tag (DossierReader *self,
           GtkTextTag    *tag,
           guint          start,
           guint          end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start_iter, end_iter;

  get_iter_at_body_offset (self, &start_iter, start);
  get_iter_at_body_offset (self, &end_iter, end);
  gtk_text_buffer_apply_tag (buffer, tag, &start_iter, &end_iter);
}

static void
remove_tag (DossierReader *self,
            GtkTextTag    *tag,
            guint          start,
            guint          end)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start_iter, end_iter;

  get_iter_at_body_offset (self, &start_iter, start);
  get_iter_at_body_offset (self, &end_iter, end);
  gtk_text_buffer_remove_tag (buffer, tag, &start_iter, &end_iter);
}

/* Whether @a lies inside @b for a click: shorter, or as long and later. */
static gboolean
is_inner (const ClaimRange *a,
          const ClaimRange *b)
{
  guint length_a = a->end - a->start;
  guint length_b = b->end - b->start;

  if (length_a != length_b)
    return length_a < length_b;
  if (a->start != b->start)
    return a->start > b->start;
  return a->id > b->id;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  guint oa = *(const guint *)a;
  guint ob = *(const guint *)b;

  return oa < ob ? -1 : oa > ob;
}

/* Paints the claims (sorted by start) in one sweep over the places where
 * a claim starts or ends: each stretch of text takes the colour of its
 * innermost claim (the one a click there opens), and where two or more
 * claims cover it, the overlap underline too. */
static void
paint_claims (DossierReader *self)
{
  g_autoptr(GArray) bounds = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->claims->len * 2);
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  GtkTextTag *run_tag = NULL;
  guint run_start = 0, run_end = 0;
  guint overlap_start = 0, overlap_end = 0;
  guint next = 0;

  for (guint i = 0; i < self->claims->len; i++)
    {
      const ClaimRange *range = &g_array_index (self->claims, ClaimRange, i);

      g_array_append_val (bounds, range->start);
      g_array_append_val (bounds, range->end);
    }
  g_array_sort (bounds, compare_offsets);

  for (guint k = 0; k + 1 < bounds->len; k++)
    {
      guint from = g_array_index (bounds, guint, k);
      guint to = g_array_index (bounds, guint, k + 1);
      const ClaimRange *inner = NULL;

      if (from == to)
        continue;

      for (guint j = active->len; j > 0; j--)
        if (((const ClaimRange *)g_ptr_array_index (active, j - 1))->end <= from)
          g_ptr_array_remove_index_fast (active, j - 1);
      while (next < self->claims->len && g_array_index (self->claims, ClaimRange, next).start <= from)
        {
          ClaimRange *range = &g_array_index (self->claims, ClaimRange, next++);

          if (range->end > from)
            g_ptr_array_add (active, range);
        }

      for (guint j = 0; j < active->len; j++)
        if (inner == NULL || is_inner (g_ptr_array_index (active, j), inner))
          inner = g_ptr_array_index (active, j);

      /* Runs of one colour are tagged in one go. */
      if (inner != NULL && inner->tag == run_tag && from == run_end)
        run_end = to;
      else
        {
          if (run_tag != NULL)
            apply_tag (self, run_tag, run_start, run_end);
          run_tag = inner != NULL ? inner->tag : NULL;
          run_start = from;
          run_end = to;
        }

      if (active->len >= 2)
        {
          if (from == overlap_end && overlap_end > overlap_start)
            overlap_end = to;
          else
            {
              if (overlap_end > overlap_start)
                apply_tag (self, self->overlap_tag, overlap_start, overlap_end);
              overlap_start = from;
              overlap_end = to;
            }
        }
    }

  if (run_tag != NULL)
    apply_tag (self, run_tag, run_start, run_end);
  if (overlap_end > overlap_start)
    apply_tag (self, self->overlap_tag, overlap_start, overlap_end);
}

/* Draws the document's claims again from the database, leaving the text
 * and the scroll position alone. */
static void
redraw_highlights (DossierReader *self)
{
  DossierClaimFilter filter = { .document_id = self->document_id };
  g_autoptr(GHashTable) theme_colors = NULL;
  g_autoptr(GHashTable) used = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;
  GHashTableIter iter;
  gpointer value;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_hash_table_iter_init (&iter, self->color_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_text_buffer_remove_tag (buffer, value, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->overlap_tag, &start, &end);
  g_array_set_size (self->claims, 0);

  used = g_hash_table_new (NULL, NULL);

  if (self->database != NULL && self->document_id != 0)
    {
      if (!(claims = dossier_claims_list (self->database, &filter, &error)) ||
          !(themes = dossier_themes_list (self->database, &error)))
        {
          g_warning ("Cannot draw the claims of document %" G_GINT64_FORMAT ": %s",
                     self->document_id, error->message);
          g_clear_pointer (&claims, g_ptr_array_unref);
        }
    }

  if (themes != NULL)
    {
      theme_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < themes->len; i++)
        {
          DossierTheme *theme = g_ptr_array_index (themes, i);

          g_hash_table_insert (theme_colors,
                               g_utf8_casefold (dossier_theme_get_name (theme), -1),
                               (gpointer)dossier_theme_get_color (theme));
        }
    }

  /* A claim takes the colour of its first theme. */
  for (guint i = 0; claims != NULL && i < claims->len; i++)
    {
      DossierClaim *claim = g_ptr_array_index (claims, i);
      const char * const *names = dossier_claim_get_themes (claim);
      const char *color = NULL;
      ClaimRange range;

      if (names != NULL && names[0] != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (names[0], -1);

          color = g_hash_table_lookup (theme_colors, folded);
        }

      range.start = dossier_claim_get_start (claim);
      range.end = dossier_claim_get_end (claim);
      range.id = dossier_claim_get_id (claim);
      range.tag = ensure_color_tag (self, color != NULL ? color : NEUTRAL_COLOR);
      g_hash_table_add (used, range.tag);

      if (range.start < range.end)
        g_array_append_val (self->claims, range);
    }

  g_array_sort (self->claims, compare_ranges);
  paint_claims (self);

  /* Colours nobody uses any more leave the tag table. */
  g_hash_table_iter_init (&iter, self->color_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!g_hash_table_contains (used, value))
      {
        gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (buffer), value);
        g_hash_table_iter_remove (&iter);
      }
}

gint64
dossier_reader_get_claim_at_offset (DossierReader *self,
                                    guint          offset)
{
  const ClaimRange *best = NULL;

  g_return_val_if_fail (DOSSIER_IS_READER (self), 0);

  for (guint i = 0; i < self->claims->len; i++)
    {
      const ClaimRange *range = &g_array_index (self->claims, ClaimRange, i);

      if (range->start > offset)
        break;
      if (offset < range->end && (best == NULL || is_inner (range, best)))
        best = range;
    }

  return best != NULL ? best->id : 0;
}

/* Document */

/* Not inside a character as people see it: before a combining mark, an
 * emoji modifier or around a zero-width joiner. */
static gboolean
can_break_before (gunichar previous,
                  gunichar c)
{
  return !g_unichar_ismark (c) &&
         c != 0x200D && previous != 0x200D &&
         !(c >= 0x1F3FB && c <= 0x1F3FF);
}

/* The body as the text view shows it: long paragraphs broken (see
 * SOFT_LINE_LIMIT); the breaks inserted go to @breaks. */
static char *
prepare_text (const char *body,
              GArray     *breaks)
{
  GString *text = g_string_sized_new (strlen (body) + 16);
  guint offset = 0;
  guint run = 0;
  gunichar previous = 0;

  g_array_set_size (breaks, 0);

  for (const char *p = body; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        run = 0;
      else if (++run > SOFT_LINE_LIMIT && c == ' ' &&
               (run > HARD_LINE_LIMIT || g_unichar_ispunct (previous)))
        {
          c = '\n';
          run = 0;
        }
      else if (run > BREAK_LIMIT && (g_unichar_ispunct (previous) || run > BREAK_LIMIT + 1000) &&
               can_break_before (previous, c))
        {
          g_array_append_val (breaks, offset);
          g_string_append_c (text, '\n');
          run = 1;
        }

      g_string_append_unichar (text, c);
      previous = c;
    }

  return g_string_free (text, FALSE);
}

/* @description is plain text (an error's message may hold any
 * character); the status page takes markup. */
static void
show_empty (DossierReader *self,
            const char    *title,
            const char    *description)
{
  g_autofree char *markup = g_markup_escape_text (description, -1);

  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
load_document (DossierReader *self)
{
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start;

  gtk_popover_popdown (self->highlight_popover);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  g_clear_handle_id (&self->reveal_idle, g_source_remove);
  clear_search (self);
  g_clear_pointer (&self->folded, g_free);
  self->folded_length = 0;

  if (self->database != NULL && self->document_id != 0 &&
      (!(document = dossier_documents_get (self->database, self->document_id, &error)) ||
       !(body = dossier_documents_get_body (self->database, self->document_id, &error))))
    {
      show_empty (self, _("Cannot Show the Document"), error->message);
      self->document_id = 0;
    }

  if (document == NULL || body == NULL)
    {
      if (error == NULL)
        show_empty (self, _("No Document Selected"),
                    _("Choose a document from the list to read it and highlight its claims."));
      self->document_id = 0;
      g_array_set_size (self->breaks, 0);
      gtk_text_buffer_set_text (buffer, "", 0);
      redraw_highlights (self);
      update_actions (self);
      return;
    }

  update_header (self, document);

  text = prepare_text (body, self->breaks);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  redraw_highlights (self);
  gtk_stack_set_visible_child_name (self->stack, "document");
  update_actions (self);
}

static void
on_database_changed (DossierReader *self,
                     guint          what,
                     gint64         document_id)
{
  gboolean ours = document_id == 0 || document_id == self->document_id;

  if (self->database == NULL || self->document_id == 0)
    return;

  if ((what & DOSSIER_CHANGE_DOCUMENTS) && ours)
    {
      g_autoptr(DossierDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      if (!(document = dossier_documents_get (self->database, self->document_id, &error)))
        {
          /* Deleted: show nothing rather than a stale text. */
          dossier_reader_set_document_id (self, 0);
          return;
        }

      update_header (self, document);
    }

  if (((what & DOSSIER_CHANGE_CLAIMS) && ours) || (what & DOSSIER_CHANGE_THEMES))
    redraw_highlights (self);
}

static void
on_dark_changed (DossierReader *self)
{
  retint (self);
}

void
dossier_reader_set_database (DossierReader   *self,
                             DossierDatabase *database)
{
  g_return_if_fail (DOSSIER_IS_READER (self));
  g_return_if_fail (DOSSIER_IS_DATABASE (database));
  g_return_if_fail (self->database == NULL);

  self->database = g_object_ref (database);
  g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);
}

void
dossier_reader_set_document_id (DossierReader *self,
                                gint64         document_id)
{
  g_return_if_fail (DOSSIER_IS_READER (self));

  /* The same document again (the list refreshed): the text is what it
   * was (bodies never change), so keep the place in it. */
  if (document_id != 0 && document_id == self->document_id)
    {
      on_database_changed (self, DOSSIER_CHANGE_DOCUMENTS | DOSSIER_CHANGE_CLAIMS, document_id);
      return;
    }

  self->document_id = document_id;
  load_document (self);
}

gint64
dossier_reader_get_document_id (DossierReader *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER (self), 0);

  return self->document_id;
}

static void
scroll_to_reveal_mark (DossierReader *self)
{
  if (self->reveal_center)
    gtk_text_view_scroll_to_mark (self->text_view, self->reveal_mark, 0.0, TRUE, 0.0, 0.3);
  else
    gtk_text_view_scroll_to_mark (self->text_view, self->reveal_mark, 0.1, FALSE, 0.0, 0.0);
}

static gboolean
reveal_again (gpointer user_data)
{
  DossierReader *self = user_data;

  self->reveal_idle = 0;
  scroll_to_reveal_mark (self);

  return G_SOURCE_REMOVE;
}

static void
select_and_scroll (DossierReader *self,
                   guint          start,
                   guint          end,
                   gboolean       center)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start_iter, end_iter;

  get_iter_at_body_offset (self, &start_iter, start);
  get_iter_at_body_offset (self, &end_iter, end);
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);

  /* A mark, not an iter: the lines may not be measured yet. */
  gtk_text_buffer_move_mark (buffer, self->reveal_mark, &start_iter);
  self->reveal_center = center;
  scroll_to_reveal_mark (self);

  /* The text view aims (and animates) with the heights it estimates for
   * lines not laid out yet: in a document just opened, far down, it
   * stops short. Aim again once the lines are measured (the text view
   * measures them in idles of a higher priority). */
  g_clear_handle_id (&self->reveal_idle, g_source_remove);
  self->reveal_idle = g_idle_add_full (G_PRIORITY_LOW, reveal_again, self, NULL);
}

void
dossier_reader_reveal_claim (DossierReader *self,
                             gint64         claim_id)
{
  g_autoptr(DossierClaim) claim = NULL;

  g_return_if_fail (DOSSIER_IS_READER (self));

  if (self->database == NULL || !(claim = dossier_claims_get (self->database, claim_id, NULL)))
    return;

  if (dossier_claim_get_document_id (claim) != self->document_id)
    dossier_reader_set_document_id (self, dossier_claim_get_document_id (claim));

  gtk_popover_popdown (self->highlight_popover);
  select_and_scroll (self, dossier_claim_get_start (claim), dossier_claim_get_end (claim), TRUE);
}

void
dossier_reader_reveal_range (DossierReader *self,
                             guint          start,
                             guint          end)
{
  guint length;

  g_return_if_fail (DOSSIER_IS_READER (self));
  g_return_if_fail (start <= end);

  if (self->document_id == 0)
    return;

  /* Body offsets: the buffer may hold inserted line breaks too. */
  length = gtk_text_buffer_get_char_count (get_buffer (self)) - self->breaks->len;
  end = MIN (end, length);
  start = MIN (start, end);

  gtk_popover_popdown (self->highlight_popover);
  select_and_scroll (self, start, end, TRUE);
}

/* Highlighting */

static void
highlight_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierReader *self = DOSSIER_READER (widget);
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;
  guint start_offset, end_offset;

  if (self->database == NULL || self->document_id == 0 ||
      !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  gtk_popover_popdown (self->highlight_popover);

  /* A claim is the words selected, not the spaces around them. */
  while (gtk_text_iter_compare (&start, &end) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&start)))
    gtk_text_iter_forward_char (&start);
  while (gtk_text_iter_compare (&start, &end) < 0)
    {
      GtkTextIter before = end;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      end = before;
    }

  if (gtk_text_iter_equal (&start, &end))
    {
      show_toast (self, _("Only white space is selected: select the words of the claim"));
      return;
    }

  start_offset = get_body_offset (self, &start);
  end_offset = get_body_offset (self, &end);

  /* The same passage twice is a slip (revealing a claim selects it):
   * show the claim there is. */
  for (guint i = 0; i < self->claims->len; i++)
    {
      const ClaimRange *range = &g_array_index (self->claims, ClaimRange, i);

      if (range->start == start_offset && range->end == end_offset)
        {
          show_toast (self, _("This passage is already a claim"));
          g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, range->id);
          return;
        }
    }

  if (!(claim = dossier_claims_create (self->database, self->document_id, start_offset, end_offset,
                                       NULL, NULL, NULL, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("Could not make a claim of the selection: %s"),
                                                  error->message);

      show_toast (self, message);
      return;
    }

  /* Let the new highlight show. */
  get_iter_at_body_offset (self, &end, end_offset);
  gtk_text_buffer_select_range (buffer, &end, &end);

  g_signal_emit (self, signals[CLAIM_CREATED], 0, dossier_claim_get_id (claim));
}

static gboolean
place_highlight_popover (DossierReader *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter insert;
  GdkRectangle location;
  double x, y;
  int wx, wy;

  if (!gtk_text_buffer_get_has_selection (buffer))
    return FALSE;

  /* Where the pointer let go: the insert mark ends a mouse selection. */
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (self->text_view, &insert, &location);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y, &wx, &wy);

  if (wy + location.height < 0 || wy > gtk_widget_get_height (GTK_WIDGET (self->text_view)))
    return FALSE;

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->text_view), GTK_WIDGET (self), wx, wy, &x, &y))
    return FALSE;

  gtk_popover_set_pointing_to (self->highlight_popover,
                               &(GdkRectangle) { (int)x, (int)y, 1, MAX (location.height, 1) });
  return TRUE;
}

static gboolean
show_highlight_popover (gpointer user_data)
{
  DossierReader *self = user_data;

  self->popover_idle = 0;

  if (place_highlight_popover (self))
    gtk_popover_popup (self->highlight_popover);
  else
    gtk_popover_popdown (self->highlight_popover);

  return G_SOURCE_REMOVE;
}

static void
on_scrolled (DossierReader *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self->text_overlay));

  if (gtk_widget_get_visible (GTK_WIDGET (self->highlight_popover)) && !place_highlight_popover (self))
    gtk_popover_popdown (self->highlight_popover);
}

static void
on_has_selection_changed (DossierReader *self)
{
  if (!gtk_text_buffer_get_has_selection (get_buffer (self)))
    gtk_popover_popdown (self->highlight_popover);
  update_actions (self);
}

static void
on_text_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 DossierReader   *self)
{
  self->press_x = x;
  self->press_y = y;
  gtk_popover_popdown (self->highlight_popover);
}

static void
on_text_released (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  DossierReader   *self)
{
  GtkTextIter iter;
  int bx, by;
  gint64 claim_id;

  if (self->document_id == 0)
    return;

  /* A selection made with the mouse gets the Highlight button. */
  if (gtk_text_buffer_get_has_selection (get_buffer (self)))
    {
      g_clear_handle_id (&self->popover_idle, g_source_remove);
      self->popover_idle = g_idle_add (show_highlight_popover, self);
      return;
    }

  /* A click that did not drag activates the highlight under it. */
  if (n_press != 1 || ABS (x - self->press_x) > 4 || ABS (y - self->press_y) > 4)
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;

  if ((claim_id = dossier_reader_get_claim_at_offset (self, get_body_offset (self, &iter))))
    g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, claim_id);
}

/* Find */

/* Matching ignores case and accents, and takes typewriter quotes and
 * hyphens for typographic ones: one folded character per code point, so
 * positions in the folded text are offsets into the body. */
static gunichar
fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (g_unichar_isspace (c))
    return ' ';

  switch (c)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    default:
      break;
    }

  /* A letter with accents becomes the letter; other decompositions
   * (Hangul syllables, …) are left alone. */
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n > 1)
    {
      gboolean marks = TRUE;

      for (gsize i = 1; i < n; i++)
        marks = marks && g_unichar_ismark (decomposed[i]);
      if (marks)
        c = decomposed[0];
    }

  return g_unichar_tolower (c);
}

static gunichar *
fold_text (const char *text,
           guint      *length)
{
  glong n = g_utf8_strlen (text, -1);
  gunichar *folded = g_new (gunichar, n + 1);
  glong i = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    folded[i++] = fold_char (g_utf8_get_char (p));
  folded[i] = 0;
  *length = i;

  return folded;
}

/* Folded like the body, whatever line breaks the view inserted: a
 * position in it is a body offset. */
static void
ensure_folded (DossierReader *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint next_break = 0;
  guint position = 0;
  guint length = 0;

  if (self->folded != NULL)
    return;

  gtk_text_buffer_get_bounds (get_buffer (self), &start, &end);
  text = gtk_text_buffer_get_text (get_buffer (self), &start, &end, TRUE);
  self->folded = g_new (gunichar, g_utf8_strlen (text, -1) + 1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      if (next_break < self->breaks->len &&
          position == g_array_index (self->breaks, guint, next_break) + next_break)
        {
          next_break++;
          continue;
        }
      self->folded[length++] = fold_char (g_utf8_get_char (p));
    }

  self->folded[length] = 0;
  self->folded_length = length;
}

static void
update_match_label (DossierReader *self)
{
  GtkWidget *entry = GTK_WIDGET (self->search_entry);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (needle[0] == '\0')
    {
      gtk_label_set_label (self->match_label, "");
      gtk_widget_remove_css_class (entry, "error");
    }
  else if (self->matches->len == 0)
    {
      gtk_label_set_label (self->match_label, _("No matches"));
      gtk_widget_add_css_class (entry, "error");
    }
  else
    {
      /* Translators: the current match and the number of matches of a
       * find in the document, as in "3 of 12" */
      g_autofree char *label = g_strdup_printf (_("%u of %u"), self->current_match + 1, self->matches->len);

      gtk_label_set_label (self->match_label, label);
      gtk_widget_remove_css_class (entry, "error");
    }
}

static void
clear_search (DossierReader *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->search_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);
  g_array_set_size (self->matches, 0);
  self->match_length = 0;
  self->current_match = 0;
  update_match_label (self);
}

static void
go_to_match (DossierReader *self,
             guint          index)
{
  guint start;

  if (self->matches->len == 0)
    return;

  if (self->current_match < self->matches->len)
    {
      start = g_array_index (self->matches, guint, self->current_match);
      remove_tag (self, self->current_tag, start, start + self->match_length);
    }

  self->current_match = index % self->matches->len;
  start = g_array_index (self->matches, guint, self->current_match);
  apply_tag (self, self->current_tag, start, start + self->match_length);
  select_and_scroll (self, start, start + self->match_length, FALSE);
  update_match_label (self);
}

/* The offset of the first character on screen. */
static guint
get_visible_offset (DossierReader *self)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, visible.x, visible.y);

  return get_body_offset (self, &iter);
}

/* Finds every match of the entry's text, and goes to the first one at or
 * after @from. */
static void
run_search (DossierReader *self,
            guint          from)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *normalized = NULL;
  g_autofree gunichar *needle = NULL;
  guint needle_length;
  guint current = 0;

  clear_search (self);

  if (text[0] == '\0' || self->document_id == 0)
    return;

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (normalized == NULL)
    return;

  needle = fold_text (normalized, &needle_length);
  ensure_folded (self);

  for (guint i = 0; needle_length > 0 && i + needle_length <= self->folded_length; )
    {
      if (self->folded[i] == needle[0] &&
          memcmp (self->folded + i, needle, needle_length * sizeof (gunichar)) == 0)
        {
          g_array_append_val (self->matches, i);
          i += needle_length;
        }
      else
        i++;
    }

  self->match_length = needle_length;

  for (guint i = 0; i < self->matches->len; i++)
    {
      guint start = g_array_index (self->matches, guint, i);

      if (i < MAX_DRAWN_MATCHES)
        apply_tag (self, self->search_tag, start, start + needle_length);
      if (start < from)
        current = i + 1;
    }

  if (self->matches->len > 0)
    go_to_match (self, current);
  else
    update_match_label (self);
}

static void
on_search_changed (DossierReader *self)
{
  guint from;

  /* Refining the text stays at the match being looked at. */
  if (self->matches->len > 0)
    from = g_array_index (self->matches, guint, self->current_match);
  else
    from = get_visible_offset (self);

  run_search (self, from);
}

static void
find_step (DossierReader *self,
           gboolean       forward)
{
  if (self->matches->len == 0)
    {
      run_search (self, get_visible_offset (self));
      return;
    }

  go_to_match (self, forward ? self->current_match + 1
                             : self->current_match + self->matches->len - 1);
}

static void
on_search_activate (DossierReader *self)
{
  find_step (self, TRUE);
}

static void
on_search_next_match (DossierReader *self)
{
  find_step (self, TRUE);
}

static void
on_search_previous_match (DossierReader *self)
{
  find_step (self, FALSE);
}

static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       DossierReader         *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK))
    {
      find_step (self, FALSE);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_search_mode_changed (DossierReader *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  /* Closing the bar keeps the selection: Ctrl+F, a phrase, Escape, Ctrl+H
   * is the keyboard's way to highlight. */
  clear_search (self);
  if (self->document_id != 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierReader *self = DOSSIER_READER (widget);
  GtkTextIter start, end;

  if (self->document_id == 0)
    return;

  /* A short selection is what to look for. */
  if (gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) <= 100)
    {
      g_autofree char *selected = gtk_text_iter_get_text (&start, &end);

      if (strchr (selected, '\n') == NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierReader *self = DOSSIER_READER (widget);

  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    find_action (widget, NULL, NULL);
  else
    find_step (self, g_strcmp0 (action_name, "reader.find-next") == 0);
}

static void
edit_metadata_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierReader *self = DOSSIER_READER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  DossierMetadataDialog *dialog;

  if (self->database == NULL || self->document_id == 0)
    return;

  dialog = dossier_metadata_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->database, self->document_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Layout: the text view fills the scroller, so only what is on screen is
 * laid out however long the document; its margins make the readable
 * column, and the header rides above the text in its top margin. */
static void
update_column (DossierReader *self,
               int            width)
{
  int column = MAX (MIN (COLUMN_WIDTH, width - 2 * COLUMN_PADDING), 1);
  int side = MAX ((width - column) / 2, 0);
  int header_height = 0;
  int top;

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, column, NULL, &header_height, NULL, NULL);
  top = HEADER_TOP + header_height + HEADER_GAP;

  if (side != self->column_side)
    {
      gtk_text_view_set_left_margin (self->text_view, side);
      gtk_text_view_set_right_margin (self->text_view, side);
    }
  if (top != self->column_top)
    gtk_text_view_set_top_margin (self->text_view, top);

  self->column_width = column;
  self->column_side = side;
  self->column_top = top;
  self->header_height = header_height;
}

/* The header scrolls with the text: it sits in the text view's top
 * margin, moved up as far as the text is scrolled. (GTK 4.8's text view
 * overlays do not scroll, so it is an overlay of the scroller instead.) */
static gboolean
on_get_child_position (DossierReader *self,
                       GtkWidget     *widget,
                       GdkRectangle  *allocation)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  if (widget != self->header)
    return FALSE;

  allocation->x = self->column_side;
  allocation->y = HEADER_TOP - (int)gtk_adjustment_get_value (vadjustment);
  allocation->width = self->column_width;
  allocation->height = self->header_height;

  return TRUE;
}

/* The wheel over the header scrolls the text under it. */
static gboolean
on_header_scroll (GtkEventControllerScroll *controller,
                  double                    dx,
                  double                    dy,
                  DossierReader            *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double delta = dy;

  /* As GtkScrolledWindow steps for a wheel click: page size ^ 2/3. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    {
      double page = MAX (gtk_adjustment_get_page_size (vadjustment), 1.0);
      double step = page / 3.0 + 1.0;

      /* Newton's method for the cube root of page²; no libm for one call. */
      for (guint i = 0; i < 32; i++)
        step = (2.0 * step + page * page / (step * step)) / 3.0;
      delta *= step;
    }

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + delta);

  return GDK_EVENT_STOP;
}

static GtkSizeRequestMode
dossier_reader_get_request_mode (GtkWidget *widget)
{
  DossierReader *self = DOSSIER_READER (widget);

  return gtk_widget_get_request_mode (GTK_WIDGET (self->stack));
}

static void
dossier_reader_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  DossierReader *self = DOSSIER_READER (widget);
  int bar_minimum = 0;
  int page_minimum = 0;

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                          minimum, natural, minimum_baseline, natural_baseline);
      return;
    }

  /* The text view asks for the column it was last given (the header's
   * width and the margins), which would keep the reader from ever getting
   * narrower: the text itself wraps to any width, so only the search bar
   * and the status page count. The column follows in size_allocate. */
  gtk_widget_measure (GTK_WIDGET (self->search_bar), orientation, -1, &bar_minimum, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->status_page), orientation, -1, &page_minimum, NULL, NULL, NULL);

  *minimum = MAX (MAX (bar_minimum, page_minimum), MIN_COLUMN_WIDTH + 2 * COLUMN_PADDING);
  *natural = MAX (*minimum, COLUMN_WIDTH + 2 * COLUMN_PADDING);
}

static void
dossier_reader_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  DossierReader *self = DOSSIER_READER (widget);

  update_column (self, width);
  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
  gtk_popover_present (self->highlight_popover);
}

/* GTK 4.8 activates application accelerators from the window, where the
 * reader's own actions are not found. So the reader takes the keys the
 * application's accelerator table gives its actions and handles them
 * anywhere in the window (that table stays the one place they are set). */
static const char * const reader_actions[] = {
  "reader.highlight",
  "reader.find",
  "reader.find-next",
  "reader.find-previous",
  "reader.edit-metadata",
};

static void
add_shortcuts (DossierReader *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app;

  if (self->shortcuts_added || !GTK_IS_WINDOW (root) ||
      !(app = gtk_window_get_application (GTK_WINDOW (root))))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (reader_actions); i++)
    dossier_shortcuts_add_from_application (self->shortcuts, app, reader_actions[i], NULL, NULL);

  self->shortcuts_added = TRUE;
}

static void
dossier_reader_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dossier_reader_parent_class)->map (widget);

  /* By now the window has its application (when the reader is part of
   * the window's template, it is rooted before). */
  add_shortcuts (DOSSIER_READER (widget));
  update_actions (DOSSIER_READER (widget));
}

static void
dossier_reader_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dossier_reader_parent_class)->unmap (widget);
  update_actions (DOSSIER_READER (widget));
}

/* The text takes the focus, when there is a document. */
static gboolean
dossier_reader_grab_focus (GtkWidget *widget)
{
  DossierReader *self = DOSSIER_READER (widget);

  if (self->document_id == 0)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
dossier_reader_dispose (GObject *object)
{
  DossierReader *self = (DossierReader *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->popover_idle, g_source_remove);
  g_clear_handle_id (&self->reveal_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_READER);
  /* Template children without an id are not unparented by it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->database);
  g_clear_pointer (&self->color_tags, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_reader_parent_class)->dispose (object);
}

static void
dossier_reader_finalize (GObject *object)
{
  DossierReader *self = (DossierReader *)object;

  g_clear_pointer (&self->claims, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->breaks, g_array_unref);
  g_clear_pointer (&self->folded, g_free);

  G_OBJECT_CLASS (dossier_reader_parent_class)->finalize (object);
}

static void
dossier_reader_class_init (DossierReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_reader_dispose;
  object_class->finalize = dossier_reader_finalize;

  widget_class->get_request_mode = dossier_reader_get_request_mode;
  widget_class->measure = dossier_reader_measure;
  widget_class->size_allocate = dossier_reader_size_allocate;
  widget_class->map = dossier_reader_map;
  widget_class->unmap = dossier_reader_unmap;
  widget_class->grab_focus = dossier_reader_grab_focus;

  signals[CLAIM_ACTIVATED] =
    g_signal_new ("claim-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CLAIM_CREATED] =
    g_signal_new ("claim-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierReader, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, status_page);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, match_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, text_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, header);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, byline_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, url_label);
  gtk_widget_class_bind_template_child (widget_class, DossierReader, highlight_popover);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next_match);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous_match);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_get_child_position);

  gtk_widget_class_install_action (widget_class, "reader.highlight", NULL, highlight_action);
  gtk_widget_class_install_action (widget_class, "reader.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "reader.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "reader.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "reader.edit-metadata", NULL, edit_metadata_action);

  gtk_widget_class_set_css_name (widget_class, "reader");
}

static void
dossier_reader_init (DossierReader *self)
{
  g_autoptr(GMenu) extra_menu = g_menu_new ();
  GtkEventController *controller;
  GtkGesture *click;
  GtkTextBuffer *buffer;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->claims = g_array_new (FALSE, FALSE, sizeof (ClaimRange));
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->color_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_overlay_set_clip_overlay (self->text_overlay, self->header, TRUE);
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_header_scroll), self);
  gtk_widget_add_controller (self->header, controller);

  buffer = get_buffer (self);
  self->overlap_tag = gtk_text_buffer_create_tag (buffer, "overlap",
                                                  "underline", PANGO_UNDERLINE_DOUBLE,
                                                  NULL);
  /* Matches of a find: strong enough to tell from the pale highlights,
   * dark text on them in light and dark mode alike; the current one in
   * the accent colour. */
  self->search_tag = gtk_text_buffer_create_tag (buffer, "search-match",
                                                 "background", "#f6d32d",
                                                 "foreground", "#000000",
                                                 NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, "search-match-current",
                                                  "background", "#ff7800",
                                                  "foreground", "#000000",
                                                  NULL);
  tint_fixed_tags (self);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->reveal_mark = gtk_text_buffer_create_mark (buffer, "dossier-reveal", &start, TRUE);

  g_signal_connect_object (buffer, "notify::has-selection", G_CALLBACK (on_has_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_text_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_text_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  /* The Highlight button belongs to the text: it goes when the focus
   * does. */
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (gtk_popover_popdown),
                           self->highlight_popover, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (self->shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->shortcuts));

  g_menu_append (extra_menu, _("_Highlight"), "reader.highlight");
  g_menu_append (extra_menu, _("_Find…"), "reader.find");
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (extra_menu));

  update_actions (self);
}
