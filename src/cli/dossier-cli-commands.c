/* dossier-cli-commands.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

/* PRId64, not G_GINT64_FORMAT, inside translatable strings: xgettext
 * understands the former and cuts the message at the latter. */
#include <inttypes.h>

#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "dossier-cli-private.h"

#define DEFAULT_SEARCH_LIMIT 20
#define MAX_SEARCH_LIMIT     10000

static char *
id_string (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static char *
uint_string (guint value)
{
  return g_strdup_printf ("%u", value);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* import PATH... */

static guint
terminal_width (void)
{
  struct winsize size;

  if (ioctl (STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 10)
    return size.ws_col;

  return 80;
}

static void
import_progress (guint       done,
                 guint       total,
                 const char *display_path,
                 gpointer    user_data)
{
  g_autofree char *path = dossier_cli_one_line (display_path);
  g_autofree char *line = NULL;
  g_autofree char *shown = NULL;

  if (total > 0)
    line = g_strdup_printf (_("Importing %u of %u: %s"), done, total, path);
  else
    line = g_strdup_printf (_("Importing %u: %s"), done, path);

  shown = dossier_cli_ellipsize (line, terminal_width () - 1);
  fprintf (stderr, "\r\033[K%s", shown);
  fflush (stderr);
}

static const char *
import_status_word (DossierImportStatus status)
{
  /* Fixed words for scripts; never translated. */
  switch (status)
    {
    case DOSSIER_IMPORT_IMPORTED:
      return "imported";
    case DOSSIER_IMPORT_DUPLICATE:
      return "duplicate";
    case DOSSIER_IMPORT_FAILED:
      return "failed";
    default:
      g_assert_not_reached ();
    }
}

static char *
import_result_path (const DossierImportResult *result)
{
  if (result->display_path != NULL)
    return dossier_cli_utf8 (result->display_path);
  if (result->path != NULL)
    return g_filename_display_name (result->path);
  return g_strdup ("");
}

static void
import_print_result (const DossierImportResult *result)
{
  /* One line per file, whatever bytes its name holds. */
  g_autofree char *path = dossier_cli_escape_path (result->path);

  switch (result->status)
    {
    case DOSSIER_IMPORT_IMPORTED:
      dossier_cli_print ("imported  %s → #%" G_GINT64_FORMAT "\n", path, result->document);
      break;

    case DOSSIER_IMPORT_DUPLICATE:
      {
        g_autofree char *original = id_string (result->document);

        dossier_cli_print ("duplicate %s ", path);
        dossier_cli_print (_("(same text as #%s)"), original);
        dossier_cli_print ("\n");
      }
      break;

    case DOSSIER_IMPORT_FAILED:
      {
        g_autofree char *reason = dossier_cli_one_line (result->error != NULL && result->error[0] != '\0'
                                                        ? result->error : _("Unknown error"));
        dossier_cli_print ("failed    %s: %s\n", path, reason);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The lines of a batch are printed once it is committed, and flushed: a
 * line on stdout means the file is in the database, even if the import is
 * interrupted right after (tests/test-crash.c relies on it). */
static void
import_committed (const DossierImportReport *report,
                  guint                      first,
                  guint                      n_results,
                  gpointer                   user_data)
{
  DossierCli *cli = user_data;

  if (cli->stderr_is_tty)
    {
      fputs ("\r\033[K", stderr);
      fflush (stderr);
    }

  for (guint i = first; i < first + n_results; i++)
    import_print_result (g_ptr_array_index (report->results, i));

  fflush (stdout);
}

static DossierCliExit
cmd_import (DossierCli     *cli,
            DossierCliArgs *args)
{
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = dossier_import_full (cli->db,
                                dossier_cli_args_get_positionals (args),
                                cli->stderr_is_tty ? import_progress : NULL,
                                cli->json ? NULL : import_committed,
                                cli,
                                NULL,
                                &error);

  if (cli->stderr_is_tty)
    {
      fputs ("\r\033[K", stderr);
      fflush (stderr);
    }

  if (report == NULL)
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "imported");
      json_builder_add_int_value (builder, report->imported);
      json_builder_set_member_name (builder, "duplicates");
      json_builder_add_int_value (builder, report->duplicates);
      json_builder_set_member_name (builder, "failed");
      json_builder_add_int_value (builder, report->failed);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
      for (guint i = 0; report->results != NULL && i < report->results->len; i++)
        {
          const DossierImportResult *result = g_ptr_array_index (report->results, i);
          g_autofree char *path = import_result_path (result);

          json_builder_begin_object (builder);
          dossier_cli_json_add_string (builder, "path", path);
          dossier_cli_json_add_string (builder, "status", import_status_word (result->status));
          json_builder_set_member_name (builder, "document");
          if (result->document > 0)
            json_builder_add_int_value (builder, result->document);
          else
            json_builder_add_null_value (builder);
          if (result->status == DOSSIER_IMPORT_FAILED)
            dossier_cli_json_add_string (builder, "error",
                                         result->error != NULL && result->error[0] != '\0'
                                         ? result->error : _("Unknown error"));
          else
            dossier_cli_json_add_string (builder, "error", NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      dossier_cli_print_json (builder);
    }
  else
    {
      g_autofree char *summary = NULL;

      /* Each file's line was printed when its batch committed. */
      summary = dossier_import_report_summary (report);
      dossier_cli_print ("%s\n", summary);
    }

  /* Duplicates are not failures; any failed file is. */
  return report->failed > 0 ? DOSSIER_CLI_EXIT_FAILED : DOSSIER_CLI_EXIT_OK;
}

/* documents */

static DossierCliExit
cmd_documents (DossierCli     *cli,
               DossierCliArgs *args)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  const char *sort_name = dossier_cli_args_get_string (args, "sort");
  DossierDocumentSort sort = DOSSIER_DOCUMENT_SORT_DATE;

  if (sort_name == NULL || strcmp (sort_name, "date") == 0)
    sort = DOSSIER_DOCUMENT_SORT_DATE;
  else if (strcmp (sort_name, "title") == 0)
    sort = DOSSIER_DOCUMENT_SORT_TITLE;
  else if (strcmp (sort_name, "outlet") == 0)
    sort = DOSSIER_DOCUMENT_SORT_OUTLET;
  else
    {
      g_autofree char *shown = dossier_cli_utf8 (sort_name);
      return dossier_cli_usage_error (cli, _("“--sort” takes date, title or outlet, not “%s”"), shown);
    }

  documents = dossier_documents_list (cli->db, sort, &error);
  if (documents == NULL)
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < documents->len; i++)
        dossier_cli_json_add_document (builder, g_ptr_array_index (documents, i), NULL);
      json_builder_end_array (builder);
      dossier_cli_print_json (builder);
    }
  else if (documents->len == 0)
    {
      dossier_cli_print ("%s\n", _("No documents. Add some with “dossier-cli import PATH…”."));
    }
  else
    {
      g_autoptr(DossierCliTable) table = NULL;

      table = dossier_cli_table_new (5, _("ID"), _("TITLE"), _("OUTLET"), _("DATE"), _("CLAIMS"), NULL);
      dossier_cli_table_set_right (table, 0);
      dossier_cli_table_set_right (table, 4);
      dossier_cli_table_set_max_width (table, 1, 60);
      dossier_cli_table_set_max_width (table, 2, 24);

      for (guint i = 0; i < documents->len; i++)
        {
          DossierDocument *document = g_ptr_array_index (documents, i);
          g_autofree char *id = id_string (dossier_document_get_id (document));
          g_autofree char *claims = uint_string (dossier_document_get_claim_count (document));
          const char *title = dossier_document_get_title (document);

          dossier_cli_table_add_row (table,
                                     id,
                                     title != NULL && title[0] != '\0' ? title : _("(untitled)"),
                                     or_empty (dossier_document_get_outlet (document)),
                                     or_empty (dossier_document_get_published (document)),
                                     claims);
        }

      dossier_cli_table_print (table);
    }

  return DOSSIER_CLI_EXIT_OK;
}

/* document show DOC */

static DossierCliExit
cmd_document_show (DossierCli     *cli,
                   DossierCliArgs *args)
{
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gint64 id;

  if (!dossier_cli_parse_id (cli, "DOC", dossier_cli_args_get_positional (args, 0), &id))
    return DOSSIER_CLI_EXIT_USAGE;

  document = dossier_documents_get (cli->db, id, &error);
  if (document == NULL)
    return dossier_cli_fail (cli, error);

  body = dossier_documents_get_body (cli->db, id, &error);
  if (body == NULL)
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      dossier_cli_json_add_document (builder, document, body);
      dossier_cli_print_json (builder);
    }
  else
    dossier_cli_print_document (document, body);

  return DOSSIER_CLI_EXIT_OK;
}

/* document set DOC [--title T] [--outlet O] [--author A] [--date D] [--url U] */

static DossierCliExit
cmd_document_set (DossierCli     *cli,
                  DossierCliArgs *args)
{
  g_autoptr(DossierDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  DossierMetadata changes = { 0 };
  gint64 id;

  if (!dossier_cli_parse_id (cli, "DOC", dossier_cli_args_get_positional (args, 0), &id))
    return DOSSIER_CLI_EXIT_USAGE;

  changes.title = (char *) dossier_cli_args_get_string (args, "title");
  changes.outlet = (char *) dossier_cli_args_get_string (args, "outlet");
  changes.author = (char *) dossier_cli_args_get_string (args, "author");
  changes.published = (char *) dossier_cli_args_get_string (args, "date");
  changes.url = (char *) dossier_cli_args_get_string (args, "url");

  if (changes.title == NULL && changes.outlet == NULL && changes.author == NULL &&
      changes.published == NULL && changes.url == NULL)
    return dossier_cli_usage_error (cli, _("nothing to change: give --title, --outlet, --author, --date or --url"));

  if (!dossier_documents_update (cli->db, id, &changes, &error))
    return dossier_cli_fail (cli, error);

  document = dossier_documents_get (cli->db, id, &error);
  if (document == NULL)
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      dossier_cli_json_add_document (builder, document, NULL);
      dossier_cli_print_json (builder);
    }
  else
    dossier_cli_print_document (document, NULL);

  return DOSSIER_CLI_EXIT_OK;
}

/* search QUERY... [--limit N] */

static DossierCliExit
cmd_search (DossierCli     *cli,
            DossierCliArgs *args)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  const char *limit_text = dossier_cli_args_get_string (args, "limit");
  gboolean bold = !cli->json && cli->stdout_is_tty;
  guint limit = DEFAULT_SEARCH_LIMIT;

  if (limit_text != NULL &&
      !dossier_cli_parse_uint (cli, "limit", limit_text, 1, MAX_SEARCH_LIMIT, &limit))
    return DOSSIER_CLI_EXIT_USAGE;

  query = g_strjoinv (" ", (char **) dossier_cli_args_get_positionals (args));
  if (g_strstrip (query)[0] == '\0')
    return dossier_cli_usage_error (cli, _("the search query is empty"));

  if (!dossier_search (cli->db, query, limit,
                       bold ? "\033[1m" : "**",
                       bold ? "\033[0m" : "**",
                       &documents, &claims, &error))
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "documents");
      json_builder_begin_array (builder);
      for (guint i = 0; documents != NULL && i < documents->len; i++)
        {
          const DossierDocumentHit *hit = g_ptr_array_index (documents, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, hit->id);
          dossier_cli_json_add_string (builder, "title", hit->title);
          dossier_cli_json_add_string (builder, "snippet", hit->snippet);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, hit->rank);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "claims");
      json_builder_begin_array (builder);
      for (guint i = 0; claims != NULL && i < claims->len; i++)
        {
          const DossierClaimHit *hit = g_ptr_array_index (claims, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, hit->id);
          json_builder_set_member_name (builder, "document");
          json_builder_add_int_value (builder, hit->document_id);
          dossier_cli_json_add_string (builder, "quote", hit->quote);
          dossier_cli_json_add_string (builder, "snippet", hit->snippet);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, hit->rank);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      dossier_cli_print_json (builder);

      return DOSSIER_CLI_EXIT_OK;
    }

  if ((documents == NULL || documents->len == 0) && (claims == NULL || claims->len == 0))
    {
      g_autofree char *shown = dossier_cli_utf8 (query);

      dossier_cli_print (_("No matches for “%s”.\n"), shown);
      return DOSSIER_CLI_EXIT_OK;
    }

  if (documents != NULL && documents->len > 0)
    {
      dossier_cli_print ("%s\n", _("Documents:"));
      for (guint i = 0; i < documents->len; i++)
        {
          const DossierDocumentHit *hit = g_ptr_array_index (documents, i);
          g_autofree char *title = dossier_cli_one_line (hit->title != NULL && hit->title[0] != '\0'
                                                         ? hit->title : _("(untitled)"));
          g_autofree char *snippet = dossier_cli_one_line (hit->snippet);

          dossier_cli_print ("  #%" G_GINT64_FORMAT "  %s\n", hit->id, title);
          if (snippet[0] != '\0')
            dossier_cli_print ("      %s\n", snippet);
        }
    }

  if (claims != NULL && claims->len > 0)
    {
      if (documents != NULL && documents->len > 0)
        dossier_cli_print ("\n");
      dossier_cli_print ("%s\n", _("Claims:"));
      for (guint i = 0; i < claims->len; i++)
        {
          const DossierClaimHit *hit = g_ptr_array_index (claims, i);
          g_autofree char *snippet = dossier_cli_one_line (hit->snippet != NULL && hit->snippet[0] != '\0'
                                                           ? hit->snippet : hit->quote);
          g_autofree char *document = id_string (hit->document_id);

          dossier_cli_print ("  #%" G_GINT64_FORMAT "  ", hit->id);
          dossier_cli_print (_("in document #%s"), document);
          dossier_cli_print ("\n      %s\n", snippet);
        }
    }

  return DOSSIER_CLI_EXIT_OK;
}

/* Claims */

static DossierCliExit
print_claim_result (DossierCli   *cli,
                    DossierClaim *claim)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      dossier_cli_json_add_claim (builder, claim);
      dossier_cli_print_json (builder);
    }
  else
    dossier_cli_print_claim (claim);

  return DOSSIER_CLI_EXIT_OK;
}

/* claim add DOC (--quote TEXT [--occurrence N] | --start N --end N)
 *               [--theme T]... [--speaker S] [--note TEXT] */

static DossierCliExit
cmd_claim_add (DossierCli     *cli,
               DossierCliArgs *args)
{
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  const char *quote = dossier_cli_args_get_string (args, "quote");
  const char *occurrence_text = dossier_cli_args_get_string (args, "occurrence");
  const char *start_text = dossier_cli_args_get_string (args, "start");
  const char *end_text = dossier_cli_args_get_string (args, "end");
  const char * const *themes = dossier_cli_args_get_strings (args, "theme");
  const char *speaker = dossier_cli_args_get_string (args, "speaker");
  const char *note = dossier_cli_args_get_string (args, "note");
  gint64 document;

  if (!dossier_cli_parse_id (cli, "DOC", dossier_cli_args_get_positional (args, 0), &document))
    return DOSSIER_CLI_EXIT_USAGE;

  if (quote != NULL && (start_text != NULL || end_text != NULL))
    return dossier_cli_usage_error (cli, _("give either --quote or --start and --end, not both"));
  if (quote == NULL && start_text == NULL && end_text == NULL)
    return dossier_cli_usage_error (cli, _("give --quote TEXT, or --start N and --end N"));
  if (quote == NULL && (start_text == NULL || end_text == NULL))
    return dossier_cli_usage_error (cli, _("--start and --end go together"));
  if (quote == NULL && occurrence_text != NULL)
    return dossier_cli_usage_error (cli, _("--occurrence goes with --quote"));

  if (quote != NULL)
    {
      guint occurrence = 1;

      if (occurrence_text != NULL &&
          !dossier_cli_parse_uint (cli, "occurrence", occurrence_text, 1, G_MAXUINT, &occurrence))
        return DOSSIER_CLI_EXIT_USAGE;

      claim = dossier_claims_create_from_quote (cli->db, document, quote, occurrence,
                                                themes, speaker, note, &error);
    }
  else
    {
      guint start, end;

      if (!dossier_cli_parse_uint (cli, "start", start_text, 0, G_MAXUINT, &start) ||
          !dossier_cli_parse_uint (cli, "end", end_text, 0, G_MAXUINT, &end))
        return DOSSIER_CLI_EXIT_USAGE;

      claim = dossier_claims_create (cli->db, document, start, end,
                                     themes, speaker, note, &error);
    }

  if (claim == NULL)
    return dossier_cli_fail (cli, error);

  return print_claim_result (cli, claim);
}

/* claim list [--doc DOC] [--theme T] [--speaker S] [--outlet O] [--text Q] */

static DossierCliExit
cmd_claim_list (DossierCli     *cli,
                DossierCliArgs *args)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GError) error = NULL;
  DossierClaimFilter filter = { 0 };
  const char *doc = dossier_cli_args_get_string (args, "doc");

  if (doc != NULL && !dossier_cli_parse_id (cli, "--doc", doc, &filter.document_id))
    return DOSSIER_CLI_EXIT_USAGE;

  filter.theme = dossier_cli_args_get_string (args, "theme");
  filter.speaker = dossier_cli_args_get_string (args, "speaker");
  filter.outlet = dossier_cli_args_get_string (args, "outlet");
  filter.text = dossier_cli_args_get_string (args, "text");

  claims = dossier_claims_list (cli->db, &filter, &error);
  if (claims == NULL)
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < claims->len; i++)
        dossier_cli_json_add_claim (builder, g_ptr_array_index (claims, i));
      json_builder_end_array (builder);
      dossier_cli_print_json (builder);
    }
  else if (claims->len == 0)
    {
      dossier_cli_print ("%s\n", _("No claims."));
    }
  else
    {
      g_autoptr(DossierCliTable) table = NULL;

      table = dossier_cli_table_new (6, _("ID"), _("DOC"), _("RANGE"), _("SPEAKER"), _("THEMES"), _("QUOTE"), NULL);
      dossier_cli_table_set_right (table, 0);
      dossier_cli_table_set_right (table, 1);
      dossier_cli_table_set_max_width (table, 3, 24);
      dossier_cli_table_set_max_width (table, 4, 30);
      dossier_cli_table_set_max_width (table, 5, 60);

      for (guint i = 0; i < claims->len; i++)
        {
          DossierClaim *claim = g_ptr_array_index (claims, i);
          const char * const *themes = dossier_claim_get_themes (claim);
          g_autofree char *id = id_string (dossier_claim_get_id (claim));
          g_autofree char *document = id_string (dossier_claim_get_document_id (claim));
          g_autofree char *range = g_strdup_printf ("%u–%u",
                                                    dossier_claim_get_start (claim),
                                                    dossier_claim_get_end (claim));
          g_autofree char *theme_names = themes != NULL ? g_strjoinv (", ", (char **) themes) : NULL;

          dossier_cli_table_add_row (table,
                                     id,
                                     document,
                                     range,
                                     or_empty (dossier_claim_get_speaker (claim)),
                                     or_empty (theme_names),
                                     or_empty (dossier_claim_get_quote (claim)));
        }

      dossier_cli_table_print (table);
    }

  return DOSSIER_CLI_EXIT_OK;
}

/* claim edit CLAIM [--add-theme T]... [--remove-theme T]... [--speaker S] [--note TEXT] */

static DossierCliExit
cmd_claim_edit (DossierCli     *cli,
                DossierCliArgs *args)
{
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *add_themes = dossier_cli_args_get_strings (args, "add-theme");
  const char * const *remove_themes = dossier_cli_args_get_strings (args, "remove-theme");
  const char *speaker = dossier_cli_args_get_string (args, "speaker");
  const char *note = dossier_cli_args_get_string (args, "note");
  gint64 id;

  if (!dossier_cli_parse_id (cli, "CLAIM", dossier_cli_args_get_positional (args, 0), &id))
    return DOSSIER_CLI_EXIT_USAGE;

  if (add_themes == NULL && remove_themes == NULL && speaker == NULL && note == NULL)
    return dossier_cli_usage_error (cli, _("nothing to change: give --add-theme, --remove-theme, --speaker or --note"));

  claim = dossier_claims_edit (cli->db, id, add_themes, remove_themes, speaker, note, &error);
  if (claim == NULL)
    return dossier_cli_fail (cli, error);

  return print_claim_result (cli, claim);
}

/* claim delete CLAIM */

static DossierCliExit
cmd_claim_delete (DossierCli     *cli,
                  DossierCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!dossier_cli_parse_id (cli, "CLAIM", dossier_cli_args_get_positional (args, 0), &id))
    return DOSSIER_CLI_EXIT_USAGE;

  if (!dossier_claims_delete (cli->db, id, &error))
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      dossier_cli_json_add_deleted (builder, id);
      dossier_cli_print_json (builder);
    }
  else
    {
      g_autofree char *shown = id_string (id);
      dossier_cli_print (_("Deleted claim #%s\n"), shown);
    }

  return DOSSIER_CLI_EXIT_OK;
}

/* Themes */

/* The theme with @id as listed, so that claim counts are current. */
static DossierTheme *
theme_by_id (DossierDatabase  *db,
             gint64            id,
             GError          **error)
{
  g_autoptr(GPtrArray) themes = dossier_themes_list (db, error);

  if (themes == NULL)
    return NULL;

  for (guint i = 0; i < themes->len; i++)
    {
      DossierTheme *theme = g_ptr_array_index (themes, i);

      if (dossier_theme_get_id (theme) == id)
        return g_object_ref (theme);
    }

  {
    g_autofree char *shown = id_string (id);

    g_set_error (error, DOSSIER_DATABASE_ERROR, DOSSIER_DATABASE_ERROR_NOT_FOUND,
                 _("No theme with id %s"), shown);
  }
  return NULL;
}

static DossierCliExit
print_theme_result (DossierCli *cli,
                    gint64      id,
                    const char *message)
{
  g_autoptr(DossierTheme) theme = NULL;
  g_autoptr(GError) error = NULL;

  theme = theme_by_id (cli->db, id, &error);
  if (theme == NULL)
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      dossier_cli_json_add_theme (builder, theme);
      dossier_cli_print_json (builder);
    }
  else
    dossier_cli_print ("%s\n", message);

  return DOSSIER_CLI_EXIT_OK;
}

static DossierCliExit
cmd_themes (DossierCli     *cli,
            DossierCliArgs *args)
{
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GError) error = NULL;

  themes = dossier_themes_list (cli->db, &error);
  if (themes == NULL)
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < themes->len; i++)
        dossier_cli_json_add_theme (builder, g_ptr_array_index (themes, i));
      json_builder_end_array (builder);
      dossier_cli_print_json (builder);
    }
  else if (themes->len == 0)
    {
      dossier_cli_print ("%s\n", _("No themes."));
    }
  else
    {
      g_autoptr(DossierCliTable) table = NULL;

      table = dossier_cli_table_new (4, _("ID"), _("NAME"), _("COLOR"), _("CLAIMS"), NULL);
      dossier_cli_table_set_right (table, 0);
      dossier_cli_table_set_right (table, 3);

      for (guint i = 0; i < themes->len; i++)
        {
          DossierTheme *theme = g_ptr_array_index (themes, i);
          g_autofree char *id = id_string (dossier_theme_get_id (theme));
          g_autofree char *claims = uint_string (dossier_theme_get_claim_count (theme));

          dossier_cli_table_add_row (table,
                                     id,
                                     or_empty (dossier_theme_get_name (theme)),
                                     or_empty (dossier_theme_get_color (theme)),
                                     claims);
        }

      dossier_cli_table_print (table);
    }

  return DOSSIER_CLI_EXIT_OK;
}

static DossierCliExit
cmd_theme_rename (DossierCli     *cli,
                  DossierCliArgs *args)
{
  g_autoptr(DossierTheme) theme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *old_name = dossier_cli_args_get_positional (args, 0);
  const char *new_name = dossier_cli_args_get_positional (args, 1);
  gint64 id;

  theme = dossier_themes_find (cli->db, old_name, &error);
  if (theme == NULL)
    return dossier_cli_fail (cli, error);
  id = dossier_theme_get_id (theme);

  if (!dossier_themes_rename (cli->db, id, new_name, &error))
    return dossier_cli_fail (cli, error);

  message = g_strdup_printf (_("Renamed theme “%s” to “%s”"),
                             dossier_theme_get_name (theme), new_name);
  return print_theme_result (cli, id, message);
}

static DossierCliExit
cmd_theme_merge (DossierCli     *cli,
                 DossierCliArgs *args)
{
  g_autoptr(DossierTheme) from = NULL;
  g_autoptr(DossierTheme) into = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  from = dossier_themes_find (cli->db, dossier_cli_args_get_positional (args, 0), &error);
  if (from == NULL)
    return dossier_cli_fail (cli, error);

  into = dossier_themes_find (cli->db, dossier_cli_args_get_positional (args, 1), &error);
  if (into == NULL)
    return dossier_cli_fail (cli, error);

  if (!dossier_themes_merge (cli->db, dossier_theme_get_id (from), dossier_theme_get_id (into), &error))
    return dossier_cli_fail (cli, error);

  message = g_strdup_printf (_("Merged theme “%s” into “%s”"),
                             dossier_theme_get_name (from), dossier_theme_get_name (into));
  return print_theme_result (cli, dossier_theme_get_id (into), message);
}

static DossierCliExit
cmd_theme_color (DossierCli     *cli,
                 DossierCliArgs *args)
{
  g_autoptr(DossierTheme) theme = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *color = dossier_cli_args_get_positional (args, 1);

  theme = dossier_themes_find (cli->db, dossier_cli_args_get_positional (args, 0), &error);
  if (theme == NULL)
    return dossier_cli_fail (cli, error);

  if (!dossier_themes_set_color (cli->db, dossier_theme_get_id (theme), color, &error))
    return dossier_cli_fail (cli, error);

  message = g_strdup_printf (_("Theme “%s” is now %s"), dossier_theme_get_name (theme), color);
  return print_theme_result (cli, dossier_theme_get_id (theme), message);
}

static DossierCliExit
cmd_theme_delete (DossierCli     *cli,
                  DossierCliArgs *args)
{
  g_autoptr(DossierTheme) theme = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  theme = dossier_themes_find (cli->db, dossier_cli_args_get_positional (args, 0), &error);
  if (theme == NULL)
    return dossier_cli_fail (cli, error);
  id = dossier_theme_get_id (theme);

  if (!dossier_themes_delete (cli->db, id, &error))
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      dossier_cli_json_add_deleted (builder, id);
      dossier_cli_print_json (builder);
    }
  else
    dossier_cli_print (_("Deleted theme “%s”\n"), dossier_theme_get_name (theme));

  return DOSSIER_CLI_EXIT_OK;
}

/* Sources */

static DossierCliExit
cmd_sources (DossierCli     *cli,
             DossierCliArgs *args)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  sources = dossier_sources_list (cli->db, &error);
  if (sources == NULL)
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < sources->len; i++)
        dossier_cli_json_add_source (builder, g_ptr_array_index (sources, i));
      json_builder_end_array (builder);
      dossier_cli_print_json (builder);
    }
  else if (sources->len == 0)
    {
      dossier_cli_print ("%s\n", _("No sources."));
    }
  else
    {
      g_autoptr(DossierCliTable) table = NULL;

      table = dossier_cli_table_new (5, _("ID"), _("NAME"), _("KIND"), _("DOCUMENTS"), _("CLAIMS"), NULL);
      dossier_cli_table_set_right (table, 0);
      dossier_cli_table_set_right (table, 3);
      dossier_cli_table_set_right (table, 4);
      dossier_cli_table_set_max_width (table, 1, 40);

      for (guint i = 0; i < sources->len; i++)
        {
          DossierSource *source = g_ptr_array_index (sources, i);
          g_autofree char *id = id_string (dossier_source_get_id (source));
          g_autofree char *documents = uint_string (dossier_source_get_document_count (source));
          g_autofree char *claims = uint_string (dossier_source_get_claim_count (source));

          dossier_cli_table_add_row (table,
                                     id,
                                     or_empty (dossier_source_get_name (source)),
                                     dossier_source_kind_to_string (dossier_source_get_kind (source)),
                                     documents,
                                     claims);
        }

      dossier_cli_table_print (table);
    }

  return DOSSIER_CLI_EXIT_OK;
}

static DossierCliExit
cmd_source_kind (DossierCli     *cli,
                 DossierCliArgs *args)
{
  g_autoptr(DossierSource) source = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  const char *kind_name = dossier_cli_args_get_positional (args, 1);
  DossierSourceKind kind;
  gint64 id;

  if (!dossier_source_kind_from_string (kind_name, &kind))
    {
      g_autofree char *shown = dossier_cli_utf8 (kind_name);
      return dossier_cli_usage_error (cli, _("KIND is person, outlet, organization, government or other, not “%s”"),
                                      shown);
    }

  source = dossier_sources_find (cli->db, dossier_cli_args_get_positional (args, 0), &error);
  if (source == NULL)
    return dossier_cli_fail (cli, error);
  id = dossier_source_get_id (source);

  if (!dossier_sources_set_kind (cli->db, id, kind, &error))
    return dossier_cli_fail (cli, error);

  if (!cli->json)
    {
      dossier_cli_print (_("Source “%s” is now of kind %s\n"),
                         dossier_source_get_name (source),
                         dossier_source_kind_to_string (kind));
      return DOSSIER_CLI_EXIT_OK;
    }

  /* Print the source as listed, with its counts. */
  sources = dossier_sources_list (cli->db, &error);
  if (sources == NULL)
    return dossier_cli_fail (cli, error);

  for (guint i = 0; i < sources->len; i++)
    {
      DossierSource *listed = g_ptr_array_index (sources, i);

      if (dossier_source_get_id (listed) == id)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          dossier_cli_json_add_source (builder, listed);
          dossier_cli_print_json (builder);
          return DOSSIER_CLI_EXIT_OK;
        }
    }

  return dossier_cli_fail_message (cli, _("Source “%s” vanished while it was being changed"),
                                   dossier_source_get_name (source));
}

/* Briefs */

static void
json_add_text (JsonBuilder *builder,
               const char  *key,
               const char  *value)
{
  g_autofree char *valid = dossier_cli_utf8 (value != NULL ? value : "");

  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, valid);
}

/* {"id", "uuid", "title", "summary", "created", "updated", "items": [...]};
 * @items NULL leaves "items" out. */
static void
json_add_brief (JsonBuilder  *builder,
                DossierBrief *brief,
                GPtrArray    *items)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, dossier_brief_get_id (brief));
  json_add_text (builder, "uuid", dossier_brief_get_uuid (brief));
  json_add_text (builder, "title", dossier_brief_get_title (brief));
  json_add_text (builder, "summary", dossier_brief_get_summary (brief));
  json_add_text (builder, "created", dossier_brief_get_created (brief));
  json_add_text (builder, "updated", dossier_brief_get_updated (brief));

  if (items != NULL)
    {
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        {
          DossierBriefItem *item = g_ptr_array_index (items, i);
          DossierClaim *claim = dossier_brief_item_get_claim (item);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, dossier_brief_item_get_id (item));
          json_builder_set_member_name (builder, "position");
          json_builder_add_int_value (builder, dossier_brief_item_get_position (item));
          json_add_text (builder, "kind", dossier_brief_item_kind_to_string (dossier_brief_item_get_kind (item)));
          json_add_text (builder, "text", dossier_brief_item_get_text (item));
          json_builder_set_member_name (builder, "claim");
          if (claim != NULL)
            json_builder_add_int_value (builder, dossier_claim_get_id (claim));
          else
            json_builder_add_null_value (builder);
          if (claim != NULL)
            {
              json_builder_set_member_name (builder, "document");
              json_builder_add_int_value (builder, dossier_claim_get_document_id (claim));
              json_add_text (builder, "quote", dossier_claim_get_quote (claim));
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static char *
json_to_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *data = NULL;

  /* The same bytes dossier_cli_print_json() writes. */
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  return g_strconcat (data, "\n", NULL);
}

static gboolean
parse_brief_id (DossierCli     *cli,
                DossierCliArgs *args,
                gint64         *id)
{
  return dossier_cli_parse_id (cli, "BRIEF", dossier_cli_args_get_positional (args, 0), id);
}

static void
print_brief (DossierBrief *brief,
             GPtrArray    *items)
{
  g_autofree char *title = dossier_cli_one_line (dossier_brief_get_title (brief));

  dossier_cli_print ("#%" G_GINT64_FORMAT "  %s\n", dossier_brief_get_id (brief), title);
  if (dossier_brief_get_summary (brief)[0] != '\0')
    {
      g_autofree char *summary = dossier_cli_one_line (dossier_brief_get_summary (brief));
      dossier_cli_print ("%s\n", summary);
    }
  dossier_cli_print (_("Updated: %s\n"), or_empty (dossier_brief_get_updated (brief)));

  if (items == NULL)
    return;

  if (items->len == 0)
    {
      dossier_cli_print ("\n%s\n", _("No items."));
      return;
    }

  dossier_cli_print ("\n");
  for (guint i = 0; i < items->len; i++)
    {
      DossierBriefItem *item = g_ptr_array_index (items, i);
      DossierClaim *claim = dossier_brief_item_get_claim (item);
      g_autofree char *text = dossier_cli_one_line (dossier_brief_item_get_text (item));
      g_autofree char *shown = dossier_cli_ellipsize (text, 72);
      guint position = dossier_brief_item_get_position (item) + 1;

      switch (dossier_brief_item_get_kind (item))
        {
        case DOSSIER_BRIEF_ITEM_HEADING:
          dossier_cli_print ("%4u  ## %s\n", position, shown);
          break;

        case DOSSIER_BRIEF_ITEM_CLAIM:
          {
            g_autofree char *quote = dossier_cli_one_line (dossier_claim_get_quote (claim));
            g_autofree char *quote_shown = dossier_cli_ellipsize (quote, 60);
            const char *speaker = dossier_claim_get_speaker (claim);

            dossier_cli_print ("%4u  “%s”", position, quote_shown);
            if (speaker != NULL)
              dossier_cli_print (" — %s", speaker);
            dossier_cli_print (_(" (claim #%" PRId64 ")\n"), dossier_claim_get_id (claim));
            if (text[0] != '\0')
              dossier_cli_print ("      %s\n", shown);
          }
          break;

        case DOSSIER_BRIEF_ITEM_TEXT:
        default:
          dossier_cli_print ("%4u  %s\n", position, shown);
          break;
        }
    }
}

/* Prints a brief with its items, as JSON or for people. */
static DossierCliExit
print_brief_result (DossierCli *cli,
                    gint64      id)
{
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (!(brief = dossier_briefs_get (cli->db, id, &error)) ||
      !(items = dossier_briefs_get_items (cli->db, id, &error)))
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_add_brief (builder, brief, items);
      dossier_cli_print_json (builder);
    }
  else
    print_brief (brief, items);

  return DOSSIER_CLI_EXIT_OK;
}

/* brief new TITLE [--summary TEXT] */

static DossierCliExit
cmd_brief_new (DossierCli     *cli,
               DossierCliArgs *args)
{
  g_autoptr(DossierBrief) brief = NULL;
  g_autoptr(GError) error = NULL;

  brief = dossier_briefs_create (cli->db,
                                 dossier_cli_args_get_positional (args, 0),
                                 dossier_cli_args_get_string (args, "summary"),
                                 &error);
  if (brief == NULL)
    return dossier_cli_fail (cli, error);

  if (!cli->json)
    {
      g_autofree char *title = dossier_cli_one_line (dossier_brief_get_title (brief));

      dossier_cli_print (_("Created brief #%" PRId64 " “%s”\n"), dossier_brief_get_id (brief), title);
      return DOSSIER_CLI_EXIT_OK;
    }

  return print_brief_result (cli, dossier_brief_get_id (brief));
}

static DossierCliExit
cmd_brief_list (DossierCli     *cli,
                DossierCliArgs *args)
{
  g_autoptr(GPtrArray) briefs = NULL;
  g_autoptr(GError) error = NULL;

  briefs = dossier_briefs_list (cli->db, &error);
  if (briefs == NULL)
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < briefs->len; i++)
        json_add_brief (builder, g_ptr_array_index (briefs, i), NULL);
      json_builder_end_array (builder);
      dossier_cli_print_json (builder);
    }
  else if (briefs->len == 0)
    {
      dossier_cli_print ("%s\n", _("No briefs."));
    }
  else
    {
      g_autoptr(DossierCliTable) table = NULL;

      table = dossier_cli_table_new (3, _("ID"), _("TITLE"), _("UPDATED"), NULL);
      dossier_cli_table_set_right (table, 0);
      dossier_cli_table_set_max_width (table, 1, 60);

      for (guint i = 0; i < briefs->len; i++)
        {
          DossierBrief *brief = g_ptr_array_index (briefs, i);
          g_autofree char *id = id_string (dossier_brief_get_id (brief));

          dossier_cli_table_add_row (table,
                                     id,
                                     or_empty (dossier_brief_get_title (brief)),
                                     or_empty (dossier_brief_get_updated (brief)));
        }

      dossier_cli_table_print (table);
    }

  return DOSSIER_CLI_EXIT_OK;
}

static DossierCliExit
cmd_brief_show (DossierCli     *cli,
                DossierCliArgs *args)
{
  gint64 id;

  if (!parse_brief_id (cli, args, &id))
    return DOSSIER_CLI_EXIT_USAGE;

  return print_brief_result (cli, id);
}

/* After adding an item: the brief as JSON, or one line for people. */
static DossierCliExit
print_added (DossierCli       *cli,
             DossierBriefItem *item)
{
  if (cli->json)
    return print_brief_result (cli, dossier_brief_item_get_brief_id (item));

  dossier_cli_print (_("Added item #%" PRId64 " to brief #%" PRId64 " at position %u\n"),
                     dossier_brief_item_get_id (item),
                     dossier_brief_item_get_brief_id (item),
                     dossier_brief_item_get_position (item) + 1);

  return DOSSIER_CLI_EXIT_OK;
}

static DossierCliExit
cmd_brief_add_section (DossierCli     *cli,
                       DossierCliArgs *args)
{
  g_autoptr(DossierBriefItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!parse_brief_id (cli, args, &id))
    return DOSSIER_CLI_EXIT_USAGE;

  item = dossier_briefs_add_heading (cli->db, id, dossier_cli_args_get_positional (args, 1), &error);
  if (item == NULL)
    return dossier_cli_fail (cli, error);

  return print_added (cli, item);
}

static DossierCliExit
cmd_brief_add (DossierCli     *cli,
               DossierCliArgs *args)
{
  g_autoptr(DossierBriefItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, claim;

  if (!parse_brief_id (cli, args, &id) ||
      !dossier_cli_parse_id (cli, "CLAIM", dossier_cli_args_get_positional (args, 1), &claim))
    return DOSSIER_CLI_EXIT_USAGE;

  item = dossier_briefs_add_claim (cli->db, id, claim,
                                   dossier_cli_args_get_string (args, "comment"),
                                   dossier_cli_args_get_string (args, "section"),
                                   &error);
  if (item == NULL)
    return dossier_cli_fail (cli, error);

  return print_added (cli, item);
}

static DossierCliExit
cmd_brief_add_text (DossierCli     *cli,
                    DossierCliArgs *args)
{
  g_autoptr(DossierBriefItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!parse_brief_id (cli, args, &id))
    return DOSSIER_CLI_EXIT_USAGE;

  item = dossier_briefs_add_text (cli->db, id,
                                  dossier_cli_args_get_positional (args, 1),
                                  dossier_cli_args_get_string (args, "section"),
                                  &error);
  if (item == NULL)
    return dossier_cli_fail (cli, error);

  return print_added (cli, item);
}

/* brief export BRIEF [--format markdown|json] [--output FILE]
 *                    [--front-matter] [--notes] [--themes] */

static DossierCliExit
cmd_brief_export (DossierCli     *cli,
                  DossierCliArgs *args)
{
  DossierMarkdownOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const char *format = dossier_cli_args_get_string (args, "format");
  const char *output = dossier_cli_args_get_string (args, "output");
  gboolean markdown;
  gint64 id;

  if (!parse_brief_id (cli, args, &id))
    return DOSSIER_CLI_EXIT_USAGE;

  if (format == NULL)
    format = "markdown";
  if (strcmp (format, "markdown") != 0 && strcmp (format, "json") != 0)
    {
      g_autofree char *shown = dossier_cli_utf8 (format);
      return dossier_cli_usage_error (cli, _("--format is markdown or json, not “%s”"), shown);
    }
  markdown = strcmp (format, "markdown") == 0;

  options.front_matter = dossier_cli_args_get_flag (args, "front-matter");
  options.include_notes = dossier_cli_args_get_flag (args, "notes");
  options.include_themes = dossier_cli_args_get_flag (args, "themes");
  if (!markdown && (options.front_matter || options.include_notes || options.include_themes))
    return dossier_cli_usage_error (cli, _("--front-matter, --notes and --themes go with --format markdown"));

  if (output != NULL && output[0] == '\0')
    return dossier_cli_usage_error (cli, _("--output needs a file name"));

  if (markdown)
    {
      data = dossier_brief_render_markdown (cli->db, id, &options, &error);
      if (data == NULL)
        return dossier_cli_fail (cli, error);
    }
  else
    {
      g_autoptr(DossierBrief) brief = NULL;
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      if (!(brief = dossier_briefs_get (cli->db, id, &error)) ||
          !(items = dossier_briefs_get_items (cli->db, id, &error)))
        return dossier_cli_fail (cli, error);

      json_add_brief (builder, brief, items);
      data = json_to_text (builder);
    }

  if (output == NULL)
    {
      fputs (data, stdout);
      return DOSSIER_CLI_EXIT_OK;
    }

  /* Written to a temporary file beside it, then renamed over it: a reader
   * sees the old file or the new one, never half of it. */
  if (!g_file_set_contents_full (output, data, strlen (data),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    return dossier_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *path = dossier_cli_utf8 (output);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "brief");
      json_builder_add_int_value (builder, id);
      json_add_text (builder, "format", format);
      json_add_text (builder, "output", path);
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, (gint64) strlen (data));
      json_builder_end_object (builder);
      dossier_cli_print_json (builder);
    }
  else
    {
      g_autofree char *shown = g_filename_display_name (output);
      dossier_cli_print (_("Exported brief #%" PRId64 " to %s\n"), id, shown);
    }

  return DOSSIER_CLI_EXIT_OK;
}

/* check */

static DossierCliExit
cmd_check (DossierCli     *cli,
           DossierCliArgs *args)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = dossier_database_check (cli->db, &problems, &error);

  /* A check that could not run is a failure of its own; a check that ran
   * reports its problems. */
  if (!ok && error != NULL && (problems == NULL || problems->len == 0))
    return dossier_cli_fail (cli, error);

  ok = ok && (problems == NULL || problems->len == 0);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, ok);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          g_autofree char *valid = dossier_cli_utf8 (g_ptr_array_index (problems, i));
          json_builder_add_string_value (builder, valid);
        }
      if (problems == NULL || problems->len == 0)
        {
          if (!ok)
            json_builder_add_string_value (builder, error != NULL ? error->message : _("Unknown problem"));
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      dossier_cli_print_json (builder);
    }
  else if (ok)
    {
      dossier_cli_print ("%s\n", _("ok: the database and every claim’s anchor are sound"));
    }
  else
    {
      dossier_cli_print ("%s\n", _("problems found:"));
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          g_autofree char *line = dossier_cli_one_line (g_ptr_array_index (problems, i));
          dossier_cli_print ("  - %s\n", line);
        }
      if ((problems == NULL || problems->len == 0) && error != NULL)
        dossier_cli_print ("  - %s\n", error->message);
    }

  return ok ? DOSSIER_CLI_EXIT_OK : DOSSIER_CLI_EXIT_FAILED;
}

/* The table of commands */

static const DossierCliOption no_options[] = {
  { NULL }
};

static const DossierCliOption documents_options[] = {
  { "sort", DOSSIER_CLI_OPTION_STRING },
  { NULL }
};

static const DossierCliOption document_set_options[] = {
  { "title", DOSSIER_CLI_OPTION_STRING },
  { "outlet", DOSSIER_CLI_OPTION_STRING },
  { "author", DOSSIER_CLI_OPTION_STRING },
  { "date", DOSSIER_CLI_OPTION_STRING },
  { "url", DOSSIER_CLI_OPTION_STRING },
  { NULL }
};

static const DossierCliOption search_options[] = {
  { "limit", DOSSIER_CLI_OPTION_STRING },
  { NULL }
};

static const DossierCliOption claim_add_options[] = {
  { "quote", DOSSIER_CLI_OPTION_STRING },
  { "occurrence", DOSSIER_CLI_OPTION_STRING },
  { "start", DOSSIER_CLI_OPTION_STRING },
  { "end", DOSSIER_CLI_OPTION_STRING },
  { "theme", DOSSIER_CLI_OPTION_STRINGS },
  { "speaker", DOSSIER_CLI_OPTION_STRING },
  { "note", DOSSIER_CLI_OPTION_STRING },
  { NULL }
};

static const DossierCliOption claim_list_options[] = {
  { "doc", DOSSIER_CLI_OPTION_STRING },
  { "theme", DOSSIER_CLI_OPTION_STRING },
  { "speaker", DOSSIER_CLI_OPTION_STRING },
  { "outlet", DOSSIER_CLI_OPTION_STRING },
  { "text", DOSSIER_CLI_OPTION_STRING },
  { NULL }
};

static const DossierCliOption claim_edit_options[] = {
  { "add-theme", DOSSIER_CLI_OPTION_STRINGS },
  { "remove-theme", DOSSIER_CLI_OPTION_STRINGS },
  { "speaker", DOSSIER_CLI_OPTION_STRING },
  { "note", DOSSIER_CLI_OPTION_STRING },
  { NULL }
};

static const DossierCliOption brief_new_options[] = {
  { "summary", DOSSIER_CLI_OPTION_STRING },
  { NULL }
};

static const DossierCliOption brief_add_options[] = {
  { "section", DOSSIER_CLI_OPTION_STRING },
  { "comment", DOSSIER_CLI_OPTION_STRING },
  { NULL }
};

static const DossierCliOption brief_add_text_options[] = {
  { "section", DOSSIER_CLI_OPTION_STRING },
  { NULL }
};

static const DossierCliOption brief_export_options[] = {
  { "format", DOSSIER_CLI_OPTION_STRING },
  { "output", DOSSIER_CLI_OPTION_STRING },
  { "front-matter", DOSSIER_CLI_OPTION_FLAG },
  { "notes", DOSSIER_CLI_OPTION_FLAG },
  { "themes", DOSSIER_CLI_OPTION_FLAG },
  { NULL }
};

const DossierCliCommand dossier_cli_commands[] = {
  { NULL, "import", "PATH…",
    N_("Import files and folders (recursively). Each file is imported, a duplicate, or failed with a reason; "
       "the exit status is 1 when any file failed."),
    no_options, 1, G_MAXUINT, cmd_import },
  { NULL, "documents", "[--sort date|title|outlet]",
    N_("List the documents with their outlet, date and number of claims."),
    documents_options, 0, 0, cmd_documents },
  { "document", "show", "DOC",
    N_("Show a document’s metadata and text."),
    no_options, 1, 1, cmd_document_show },
  { "document", "set", "DOC [--title T] [--outlet O] [--author A] [--date YYYY-MM-DD] [--url U]",
    N_("Change a document’s metadata. An empty value clears a field."),
    document_set_options, 1, 1, cmd_document_set },
  { NULL, "search", "QUERY… [--limit N]",
    N_("Search documents and claims, ignoring case and accents. Words in \"double quotes\" are a phrase; "
       "word* is a prefix. At most N results of each (default 20)."),
    search_options, 1, G_MAXUINT, cmd_search },
  { "claim", "add", "DOC (--quote TEXT [--occurrence N] | --start N --end N) [--theme T]… [--speaker S] [--note TEXT]",
    N_("Highlight a claim in a document, by its exact text (the N-th match, default the first) or by "
       "character offsets (Unicode code points, end exclusive)."),
    claim_add_options, 1, 1, cmd_claim_add },
  { "claim", "list", "[--doc DOC] [--theme T] [--speaker S] [--outlet O] [--text Q]",
    N_("List claims, optionally filtered by document, theme, speaker, outlet or text."),
    claim_list_options, 0, 0, cmd_claim_list },
  { "claim", "edit", "CLAIM [--add-theme T]… [--remove-theme T]… [--speaker S] [--note TEXT]",
    N_("Change a claim’s themes, speaker or note. An empty speaker or note clears it."),
    claim_edit_options, 1, 1, cmd_claim_edit },
  { "claim", "delete", "CLAIM",
    N_("Delete a claim."),
    no_options, 1, 1, cmd_claim_delete },
  { NULL, "themes", "",
    N_("List the themes with their colour and number of claims."),
    no_options, 0, 0, cmd_themes },
  { "theme", "rename", "OLD NEW",
    N_("Rename a theme."),
    no_options, 2, 2, cmd_theme_rename },
  { "theme", "merge", "FROM INTO",
    N_("Move every claim of theme FROM to theme INTO, then delete FROM."),
    no_options, 2, 2, cmd_theme_merge },
  { "theme", "color", "NAME #RRGGBB",
    N_("Set a theme’s highlight colour."),
    no_options, 2, 2, cmd_theme_color },
  { "theme", "delete", "NAME",
    N_("Delete a theme; its claims stay, without it."),
    no_options, 1, 1, cmd_theme_delete },
  { NULL, "sources", "",
    N_("List the sources (speakers and outlets) with their kind and counts."),
    no_options, 0, 0, cmd_sources },
  { "source", "kind", "NAME person|outlet|organization|government|other",
    N_("Set what kind of source NAME is."),
    no_options, 2, 2, cmd_source_kind },
  { "brief", "new", "TITLE [--summary TEXT]",
    N_("Create a brief."),
    brief_new_options, 1, 1, cmd_brief_new },
  { "brief", "list", "",
    N_("List the briefs."),
    no_options, 0, 0, cmd_brief_list },
  { "brief", "show", "BRIEF",
    N_("Show a brief and its items."),
    no_options, 1, 1, cmd_brief_show },
  { "brief", "add-section", "BRIEF HEADING",
    N_("Add a section heading at the end of a brief."),
    no_options, 2, 2, cmd_brief_add_section },
  { "brief", "add", "BRIEF CLAIM [--section HEADING] [--comment TEXT]",
    N_("Add a claim, with your commentary, at the end of a brief or of one of its sections."),
    brief_add_options, 2, 2, cmd_brief_add },
  { "brief", "add-text", "BRIEF TEXT [--section HEADING]",
    N_("Add free text (Markdown) at the end of a brief or of one of its sections."),
    brief_add_text_options, 2, 2, cmd_brief_add_text },
  { "brief", "export", "BRIEF [--format markdown|json] [--output FILE] [--front-matter] [--notes] [--themes]",
    N_("Export a brief as Markdown (quotes verbatim, one footnote per document) or JSON, to standard output "
       "or to FILE (replaced atomically)."),
    brief_export_options, 1, 1, cmd_brief_export },
  { NULL, "check", "",
    N_("Check the database, and that every claim’s quote still matches its document at its offsets. "
       "The exit status is 1 when there are problems."),
    no_options, 0, 0, cmd_check },
  { NULL }
};
