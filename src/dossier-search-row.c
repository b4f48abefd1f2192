/* dossier-search-row.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-document-row.h"
#include "dossier-search-row.h"

/* A claim's row shows the start of its quote: no need to lay out more. */
#define MAX_QUOTE_CHARS 200

struct _DossierSearchRow
{
  GtkListBoxRow            parent_instance;

  DossierSearchResultKind  kind;
  gint64                   id;
  gint64                   document_id;

  /* Template widgets */
  GtkImage                *icon;
  GtkLabel                *title_label;
  GtkLabel                *context_label;
  GtkLabel                *snippet_label;
};

G_DEFINE_FINAL_TYPE (DossierSearchRow, dossier_search_row, GTK_TYPE_LIST_BOX_ROW)

/* Appends @length bytes of @text to @out, each run of white space or
 * control characters as one space. */
static void
append_squeezed (GString    *out,
                 const char *text,
                 gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          if (out->len == 0 || out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
}

/* The same, escaped for markup. */
static void
append_escaped (GString    *markup,
                const char *text,
                gsize       length)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  append_squeezed (plain, text, length);
  escaped = g_markup_escape_text (plain->str, plain->len);
  g_string_append (markup, escaped);
}

char *
dossier_search_row_snippet_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  gboolean bold = FALSE;
  const char *p;

  g_return_val_if_fail (snippet != NULL, NULL);

  if (!g_utf8_validate (snippet, -1, NULL))
    return g_strdup ("");

  p = snippet;
  while (*p != '\0')
    {
      gsize run = strcspn (p, DOSSIER_SEARCH_MARK_OPEN DOSSIER_SEARCH_MARK_CLOSE);

      append_escaped (markup, p, run);
      p += run;

      if (*p == DOSSIER_SEARCH_MARK_OPEN[0] && !bold)
        g_string_append (markup, "<b>");
      else if (*p == DOSSIER_SEARCH_MARK_CLOSE[0] && bold)
        g_string_append (markup, "</b>");

      if (*p != '\0')
        {
          bold = *p == DOSSIER_SEARCH_MARK_OPEN[0];
          p++;
        }
    }

  if (bold)
    g_string_append (markup, "</b>");

  return g_strstrip (g_string_free (g_steal_pointer (&markup), FALSE));
}

static void
set_texts (DossierSearchRow *self,
           const char       *title,
           gboolean          title_is_markup,
           const char       *context,
           const char       *snippet_markup)
{
  if (title_is_markup)
    gtk_label_set_markup (self->title_label, title);
  else
    gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->context_label, context);
  gtk_widget_set_visible (GTK_WIDGET (self->context_label), context != NULL && context[0] != '\0');
  gtk_label_set_markup (self->snippet_label, snippet_markup);
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), snippet_markup[0] != '\0');

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gtk_label_get_text (self->snippet_label),
                                  -1);
}

/* The words of a snippet without its marks and the ellipses FTS5 puts
 * where it cut the text. */
static char *
snippet_plain_text (const char *snippet)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_auto(GStrv) parts = g_strsplit_set (snippet, DOSSIER_SEARCH_MARK_OPEN DOSSIER_SEARCH_MARK_CLOSE, -1);
  g_autofree char *joined = g_strjoinv ("", parts);
  char *text;

  append_squeezed (plain, joined, strlen (joined));
  text = g_strstrip (plain->str);
  if (g_str_has_prefix (text, "…"))
    text += strlen ("…");
  if (g_str_has_suffix (text, "…"))
    text[strlen (text) - strlen ("…")] = '\0';

  return g_strdup (g_strstrip (text));
}

GtkWidget *
dossier_search_row_new_document (const DossierDocumentHit *hit,
                                 DossierDocument          *document)
{
  DossierSearchRow *self;
  g_autofree char *byline = NULL;
  g_autofree char *markup = NULL;

  g_return_val_if_fail (hit != NULL, NULL);
  g_return_val_if_fail (document == NULL || DOSSIER_IS_DOCUMENT (document), NULL);

  self = g_object_new (DOSSIER_TYPE_SEARCH_ROW, NULL);
  self->kind = DOSSIER_SEARCH_RESULT_DOCUMENT;
  self->id = hit->id;
  self->document_id = hit->id;

  if (document != NULL)
    byline = dossier_document_row_format_byline (dossier_document_get_outlet (document),
                                                 dossier_document_get_published (document));

  markup = dossier_search_row_snippet_markup (hit->snippet != NULL ? hit->snippet : "");
  gtk_image_set_from_icon_name (self->icon, "x-office-document-symbolic");
  set_texts (self, hit->title, FALSE, byline, markup);

  return GTK_WIDGET (self);
}

GtkWidget *
dossier_search_row_new_claim (const DossierClaimHit *hit,
                              DossierDocument       *document)
{
  DossierSearchRow *self;
  g_autoptr(GString) quote = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *matched = NULL;
  g_autofree char *start = NULL;
  g_autofree char *title = NULL;
  const char *document_title;

  g_return_val_if_fail (hit != NULL, NULL);
  g_return_val_if_fail (document == NULL || DOSSIER_IS_DOCUMENT (document), NULL);

  self = g_object_new (DOSSIER_TYPE_SEARCH_ROW, NULL);
  self->kind = DOSSIER_SEARCH_RESULT_CLAIM;
  self->id = hit->id;
  self->document_id = hit->document_id;

  markup = dossier_search_row_snippet_markup (hit->snippet != NULL ? hit->snippet : "");
  matched = snippet_plain_text (hit->snippet != NULL ? hit->snippet : "");
  append_squeezed (quote, hit->quote != NULL ? hit->quote : "", hit->quote != NULL ? strlen (hit->quote) : 0);
  g_strstrip (quote->str);
  document_title = document != NULL ? dossier_document_get_title (document) : NULL;

  gtk_image_set_from_icon_name (self->icon, "user-bookmarks-symbolic");

  /* The whole quote is in the snippet: it is the title, matches in bold. */
  if (matched[0] != '\0' && g_str_equal (matched, quote->str))
    {
      /* Translators: a claim's quote as the title of a search result */
      title = g_strdup_printf (C_("search result", "“%s”"), markup);
      set_texts (self, title, TRUE, document_title, "");

      return GTK_WIDGET (self);
    }

  /* Otherwise the start of the quote, and the snippet: of the quote, or
   * of the note. */
  /* g_utf8_substring() reads as far as the end it is given: never past
   * the quote's own end. */
  start = g_utf8_substring (quote->str, 0, MIN (g_utf8_strlen (quote->str, -1), MAX_QUOTE_CHARS));
  title = g_strdup_printf (C_("search result", "“%s”"), start);
  if (matched[0] != '\0' && strstr (quote->str, matched) == NULL)
    {
      g_autofree char *label = g_markup_escape_text (C_("search result", "Note:"), -1);
      g_autofree char *note = g_strdup_printf ("%s %s", label, markup);

      set_texts (self, title, FALSE, document_title, note);
    }
  else
    set_texts (self, title, FALSE, document_title, markup);

  return GTK_WIDGET (self);
}

DossierSearchResultKind
dossier_search_row_get_kind (DossierSearchRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_ROW (self), DOSSIER_SEARCH_RESULT_DOCUMENT);

  return self->kind;
}

gint64
dossier_search_row_get_id (DossierSearchRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_ROW (self), 0);

  return self->id;
}

gint64
dossier_search_row_get_document_id (DossierSearchRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_ROW (self), 0);

  return self->document_id;
}

static void
dossier_search_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_SEARCH_ROW);

  G_OBJECT_CLASS (dossier_search_row_parent_class)->dispose (object);
}

static void
dossier_search_row_class_init (DossierSearchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_search_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-search-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSearchRow, icon);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchRow, context_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchRow, snippet_label);
}

static void
dossier_search_row_init (DossierSearchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
