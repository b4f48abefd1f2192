/* dossier-cli-output.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-cli-private.h"

/* Everything goes out as UTF-8, whatever the locale: g_print() would
 * convert to the locale's charset and mangle quotes in a C locale. */

static char *
replace_newlines (char *text)
{
  for (char *p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return text;
}

static void
print_error_line (const char *message)
{
  g_autofree char *valid = dossier_cli_utf8 (message);

  replace_newlines (valid);
  g_strstrip (valid);
  fflush (stdout);
  fprintf (stderr, DOSSIER_CLI_NAME ": %s\n", valid);
  fflush (stderr);
}

DossierCliExit
dossier_cli_usage_error (DossierCli *cli,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);

  /* Point at the command's help unless the message already does. */
  if (cli->command != NULL && strstr (message, DOSSIER_CLI_NAME " ") == NULL)
    {
      g_autofree char *title = NULL;
      char *with_hint;

      if (cli->command->group != NULL)
        title = g_strdup_printf ("%s %s", cli->command->group, cli->command->name);
      else
        title = g_strdup (cli->command->name);

      with_hint = g_strdup_printf (_("%s (see “%s %s --help”)"), message, DOSSIER_CLI_NAME, title);
      g_free (message);
      message = with_hint;
    }

  print_error_line (message);

  return DOSSIER_CLI_EXIT_USAGE;
}

DossierCliExit
dossier_cli_fail (DossierCli   *cli,
                  const GError *error)
{
  g_assert (error != NULL);

  print_error_line (error->message);

  return DOSSIER_CLI_EXIT_FAILED;
}

DossierCliExit
dossier_cli_fail_message (DossierCli *cli,
                          const char *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);

  print_error_line (message);

  return DOSSIER_CLI_EXIT_FAILED;
}

gboolean
dossier_cli_parse_id (DossierCli *cli,
                      const char *what,
                      const char *text,
                      gint64     *id)
{
  guint64 value = 0;
  const char *digits = text;

  /* Listings print "#12"; accept that too. */
  if (digits[0] == '#')
    digits++;

  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &value, NULL) ||
      !g_ascii_isdigit (digits[0]))
    {
      g_autofree char *shown = dossier_cli_utf8 (text);
      dossier_cli_usage_error (cli, _("%s must be a positive number, not “%s”"), what, shown);
      return FALSE;
    }

  *id = (gint64) value;

  return TRUE;
}

gboolean
dossier_cli_parse_uint (DossierCli *cli,
                        const char *option,
                        const char *text,
                        guint       min,
                        guint       max,
                        guint      *value)
{
  guint64 parsed = 0;

  if (!g_ascii_isdigit (text[0]) ||
      !g_ascii_string_to_unsigned (text, 10, min, max, &parsed, NULL))
    {
      g_autofree char *shown = dossier_cli_utf8 (text);
      dossier_cli_usage_error (cli, _("“--%s” must be a whole number from %u to %u, not “%s”"),
                               option, min, max, shown);
      return FALSE;
    }

  *value = (guint) parsed;

  return TRUE;
}

void
dossier_cli_print (const char *format,
                   ...)
{
  va_list ap;

  va_start (ap, format);
  vfprintf (stdout, format, ap);
  va_end (ap);
}

void
dossier_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *data = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  fputs (data, stdout);
  fputc ('\n', stdout);
}

/* A copy of @text that is valid UTF-8 (file names may not be). */
char *
dossier_cli_utf8 (const char *text)
{
  if (text == NULL)
    return NULL;
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

char *
dossier_cli_one_line (const char *text)
{
  g_autofree char *valid = dossier_cli_utf8 (text != NULL ? text : "");
  GString *out = g_string_sized_new (strlen (valid));
  gboolean space = FALSE;

  /* Collapse every run of white space (newlines included) to one space. */
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
dossier_cli_escape_path (const char *path)
{
  GString *out = g_string_sized_new (path != NULL ? strlen (path) : 0);
  const char *p = path != NULL ? path : "";

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);

      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

guint
dossier_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));

  return width;
}

char *
dossier_cli_ellipsize (const char *text,
                       guint       width)
{
  GString *out;
  guint used = 0;

  if (width == 0 || dossier_cli_display_width (text) <= width)
    return g_strdup (text);

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w = char_width (c);

      if (used + w + 1 > width)
        break;
      g_string_append_unichar (out, c);
      used += w;
    }
  g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/* JSON */

static gboolean
is_set (const char *value)
{
  return value != NULL && value[0] != '\0';
}

void
dossier_cli_json_add_string (JsonBuilder *builder,
                             const char  *key,
                             const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (is_set (value))
    {
      g_autofree char *valid = dossier_cli_utf8 (value);
      json_builder_add_string_value (builder, valid);
    }
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
add_id_or_null (JsonBuilder *builder,
                const char  *key,
                gint64       value)
{
  json_builder_set_member_name (builder, key);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
dossier_cli_json_add_document (JsonBuilder     *builder,
                               DossierDocument *document,
                               const char      *body)
{
  json_builder_begin_object (builder);
  add_int (builder, "id", dossier_document_get_id (document));
  dossier_cli_json_add_string (builder, "uuid", dossier_document_get_uuid (document));
  dossier_cli_json_add_string (builder, "title", dossier_document_get_title (document));
  dossier_cli_json_add_string (builder, "outlet", dossier_document_get_outlet (document));
  dossier_cli_json_add_string (builder, "author", dossier_document_get_author (document));
  dossier_cli_json_add_string (builder, "published", dossier_document_get_published (document));
  dossier_cli_json_add_string (builder, "url", dossier_document_get_url (document));
  add_int (builder, "claims", dossier_document_get_claim_count (document));
  dossier_cli_json_add_string (builder, "format", dossier_document_get_format (document));
  dossier_cli_json_add_string (builder, "origin", dossier_document_get_origin (document));
  add_int (builder, "length", dossier_document_get_length (document));
  dossier_cli_json_add_string (builder, "sha256", dossier_document_get_sha256 (document));
  dossier_cli_json_add_string (builder, "imported", dossier_document_get_imported (document));
  if (body != NULL)
    {
      g_autofree char *valid = dossier_cli_utf8 (body);

      /* The body is text, even when empty. */
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, valid);
    }
  json_builder_end_object (builder);
}

static void
add_plain_string (JsonBuilder *builder,
                  const char  *key,
                  const char  *value)
{
  g_autofree char *valid = dossier_cli_utf8 (value != NULL ? value : "");

  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, valid);
}

void
dossier_cli_json_add_claim (JsonBuilder  *builder,
                            DossierClaim *claim)
{
  const char * const *themes = dossier_claim_get_themes (claim);

  json_builder_begin_object (builder);
  add_int (builder, "id", dossier_claim_get_id (claim));
  dossier_cli_json_add_string (builder, "uuid", dossier_claim_get_uuid (claim));
  add_int (builder, "document", dossier_claim_get_document_id (claim));
  add_int (builder, "start", dossier_claim_get_start (claim));
  add_int (builder, "end", dossier_claim_get_end (claim));
  /* The quote and its context are text selectors: always strings, even
   * an empty prefix at the very start of a document. */
  add_plain_string (builder, "quote", dossier_claim_get_quote (claim));
  add_plain_string (builder, "prefix", dossier_claim_get_prefix (claim));
  add_plain_string (builder, "suffix", dossier_claim_get_suffix (claim));
  dossier_cli_json_add_string (builder, "speaker", dossier_claim_get_speaker (claim));
  json_builder_set_member_name (builder, "themes");
  json_builder_begin_array (builder);
  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      g_autofree char *valid = dossier_cli_utf8 (themes[i]);
      json_builder_add_string_value (builder, valid);
    }
  json_builder_end_array (builder);
  dossier_cli_json_add_string (builder, "note", dossier_claim_get_note (claim));
  dossier_cli_json_add_string (builder, "document_title", dossier_claim_get_document_title (claim));
  dossier_cli_json_add_string (builder, "outlet", dossier_claim_get_outlet (claim));
  dossier_cli_json_add_string (builder, "created", dossier_claim_get_created (claim));
  dossier_cli_json_add_string (builder, "updated", dossier_claim_get_updated (claim));
  json_builder_end_object (builder);
}

void
dossier_cli_json_add_theme (JsonBuilder  *builder,
                            DossierTheme *theme)
{
  json_builder_begin_object (builder);
  add_int (builder, "id", dossier_theme_get_id (theme));
  dossier_cli_json_add_string (builder, "uuid", dossier_theme_get_uuid (theme));
  dossier_cli_json_add_string (builder, "name", dossier_theme_get_name (theme));
  dossier_cli_json_add_string (builder, "color", dossier_theme_get_color (theme));
  add_int (builder, "claims", dossier_theme_get_claim_count (theme));
  add_id_or_null (builder, "parent", dossier_theme_get_parent_id (theme));
  dossier_cli_json_add_string (builder, "description", dossier_theme_get_description (theme));
  json_builder_end_object (builder);
}

void
dossier_cli_json_add_source (JsonBuilder   *builder,
                             DossierSource *source)
{
  json_builder_begin_object (builder);
  add_int (builder, "id", dossier_source_get_id (source));
  dossier_cli_json_add_string (builder, "uuid", dossier_source_get_uuid (source));
  dossier_cli_json_add_string (builder, "name", dossier_source_get_name (source));
  dossier_cli_json_add_string (builder, "kind", dossier_source_kind_to_string (dossier_source_get_kind (source)));
  add_int (builder, "claims", dossier_source_get_claim_count (source));
  add_int (builder, "documents", dossier_source_get_document_count (source));
  json_builder_end_object (builder);
}

void
dossier_cli_json_add_deleted (JsonBuilder *builder,
                              gint64       id)
{
  json_builder_begin_object (builder);
  add_int (builder, "deleted", id);
  json_builder_end_object (builder);
}

/* Human output */

/* Labels are padded to this width, and always followed by a space: a
 * translation may be longer ("Afirmaciones:"). */
#define FIELD_WIDTH 12

static void
print_field_indented (const char *indent,
                      const char *label,
                      const char *value)
{
  g_autofree char *valid = NULL;
  guint width;

  if (!is_set (value))
    return;

  valid = dossier_cli_utf8 (value);
  width = dossier_cli_display_width (label);
  dossier_cli_print ("%s%s", indent, label);
  fputc (' ', stdout);
  for (guint i = width + 1; i < FIELD_WIDTH; i++)
    fputc (' ', stdout);

  /* Continuation lines (a multi-paragraph quote or note) line up with the
   * first. */
  for (const char *line = valid; line != NULL; )
    {
      const char *newline = strchr (line, '\n');

      if (line != valid)
        {
          dossier_cli_print ("%s", indent);
          for (guint i = 0; i < FIELD_WIDTH; i++)
            fputc (' ', stdout);
        }
      if (newline != NULL)
        {
          fwrite (line, 1, newline - line, stdout);
          fputc ('\n', stdout);
          line = newline + 1;
        }
      else
        {
          dossier_cli_print ("%s\n", line);
          line = NULL;
        }
    }
}

static void
print_field (const char *label,
             const char *value)
{
  print_field_indented ("", label, value);
}

void
dossier_cli_print_document (DossierDocument *document,
                            const char      *body)
{
  const char *title = dossier_document_get_title (document);
  g_autofree char *valid_title = dossier_cli_one_line (is_set (title) ? title : _("(untitled)"));
  g_autofree char *claims = g_strdup_printf ("%u", dossier_document_get_claim_count (document));

  dossier_cli_print ("#%" G_GINT64_FORMAT "  %s\n",
                     dossier_document_get_id (document), valid_title);
  print_field (_("Outlet:"), dossier_document_get_outlet (document));
  print_field (_("Author:"), dossier_document_get_author (document));
  print_field (_("Published:"), dossier_document_get_published (document));
  print_field (_("URL:"), dossier_document_get_url (document));
  print_field (_("File:"), dossier_document_get_origin (document));
  print_field (_("Format:"), dossier_document_get_format (document));
  print_field (_("Claims:"), claims);

  if (body != NULL)
    {
      g_autofree char *valid = dossier_cli_utf8 (body);

      dossier_cli_print ("\n%s\n", valid);
    }
}

void
dossier_cli_print_claim (DossierClaim *claim)
{
  const char * const *themes = dossier_claim_get_themes (claim);
  const char *title = dossier_claim_get_document_title (claim);
  g_autofree char *quote = dossier_cli_utf8 (dossier_claim_get_quote (claim));
  g_autofree char *themes_text = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, dossier_claim_get_id (claim));
  g_autofree char *document = g_strdup_printf ("%" G_GINT64_FORMAT, dossier_claim_get_document_id (claim));

  if (is_set (title))
    {
      g_autofree char *valid_title = dossier_cli_one_line (title);

      dossier_cli_print (_("Claim #%s in document #%s (%s), characters %u–%u\n"),
                         id, document, valid_title,
                         dossier_claim_get_start (claim),
                         dossier_claim_get_end (claim));
    }
  else
    dossier_cli_print (_("Claim #%s in document #%s, characters %u–%u\n"),
                       id, document,
                       dossier_claim_get_start (claim),
                       dossier_claim_get_end (claim));

  print_field_indented ("  ", _("Quote:"), quote);
  print_field_indented ("  ", _("Speaker:"), dossier_claim_get_speaker (claim));
  if (themes != NULL && themes[0] != NULL)
    {
      themes_text = g_strjoinv (", ", (char **) themes);
      print_field_indented ("  ", _("Themes:"), themes_text);
    }
  print_field_indented ("  ", _("Outlet:"), dossier_claim_get_outlet (claim));
  print_field_indented ("  ", _("Note:"), dossier_claim_get_note (claim));
}

/* Tables */

struct _DossierCliTable
{
  guint      n_columns;
  GPtrArray *rows;       /* of char ** (n_columns each), the first is the header */
  gboolean  *right;
  guint     *max_width;
};

static void
free_row (gpointer data)
{
  g_strfreev (data);
}

DossierCliTable *
dossier_cli_table_new (guint n_columns,
                       ...)
{
  DossierCliTable *table = g_new0 (DossierCliTable, 1);
  char **header = g_new0 (char *, n_columns + 1);
  va_list ap;

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func (free_row);
  table->right = g_new0 (gboolean, n_columns);
  table->max_width = g_new0 (guint, n_columns);

  va_start (ap, n_columns);
  for (guint i = 0; i < n_columns; i++)
    header[i] = g_strdup (va_arg (ap, const char *));
  va_end (ap);

  g_ptr_array_add (table->rows, header);

  return table;
}

void
dossier_cli_table_set_right (DossierCliTable *table,
                             guint            column)
{
  g_assert (column < table->n_columns);
  table->right[column] = TRUE;
}

void
dossier_cli_table_set_max_width (DossierCliTable *table,
                                 guint            column,
                                 guint            width)
{
  g_assert (column < table->n_columns);
  table->max_width[column] = width;
}

/* Takes exactly n_columns strings; NULL prints as an empty cell. */
void
dossier_cli_table_add_row (DossierCliTable *table,
                           ...)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  va_list ap;

  va_start (ap, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = va_arg (ap, const char *);
      g_autofree char *line = dossier_cli_one_line (cell);

      row[i] = dossier_cli_ellipsize (line, table->max_width[i]);
    }
  va_end (ap);

  g_ptr_array_add (table->rows, row);
}

static void
print_padding (guint n)
{
  for (guint i = 0; i < n; i++)
    fputc (' ', stdout);
}

void
dossier_cli_table_print (DossierCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], dossier_cli_display_width (row[c]));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      guint last = table->n_columns - 1;

      /* No trailing blanks: find the last non-empty cell. */
      while (last > 0 && row[last][0] == '\0' && !table->right[last])
        last--;

      for (guint c = 0; c <= last; c++)
        {
          guint pad = widths[c] - dossier_cli_display_width (row[c]);

          if (c > 0)
            fputs ("  ", stdout);
          if (table->right[c])
            print_padding (pad);
          fputs (row[c], stdout);
          if (!table->right[c] && c < last)
            print_padding (pad);
        }
      fputc ('\n', stdout);
    }
}

void
dossier_cli_table_free (DossierCliTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table->right);
  g_free (table->max_width);
  g_free (table);
}
