/* dossier-cli.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dossier-cli-private.h"

/* The global options, accepted before the command and anywhere after it. */
static const DossierCliOption global_options[] = {
  { "db", DOSSIER_CLI_OPTION_STRING },
  { "json", DOSSIER_CLI_OPTION_FLAG },
  { "help", DOSSIER_CLI_OPTION_FLAG },
  { "version", DOSSIER_CLI_OPTION_FLAG },
  { NULL }
};

struct _DossierCliArgs
{
  const DossierCliOption *options;
  guint                   n_options;
  gboolean               *flags;    /* per option */
  char                  **strings;  /* per option, borrowed from argv */
  GPtrArray             **lists;    /* per option, of borrowed strings */
  GPtrArray              *positionals;
};

static DossierCliArgs *
dossier_cli_args_new (const DossierCliOption *options)
{
  DossierCliArgs *args = g_new0 (DossierCliArgs, 1);

  args->options = options;
  if (options != NULL)
    while (options[args->n_options].name != NULL)
      args->n_options++;
  args->flags = g_new0 (gboolean, args->n_options + 1);
  args->strings = g_new0 (char *, args->n_options + 1);
  args->lists = g_new0 (GPtrArray *, args->n_options + 1);
  args->positionals = g_ptr_array_new_null_terminated (4, NULL, TRUE);

  return args;
}

static void
dossier_cli_args_free (DossierCliArgs *args)
{
  for (guint i = 0; i < args->n_options; i++)
    g_clear_pointer (&args->lists[i], g_ptr_array_unref);
  g_free (args->flags);
  g_free (args->strings);
  g_free (args->lists);
  g_ptr_array_unref (args->positionals);
  g_free (args);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierCliArgs, dossier_cli_args_free)

static int
dossier_cli_args_lookup (DossierCliArgs *args,
                         const char     *name)
{
  for (guint i = 0; i < args->n_options; i++)
    if (strcmp (args->options[i].name, name) == 0)
      return (int) i;
  return -1;
}

static guint
dossier_cli_args_index (DossierCliArgs       *args,
                        const char           *name,
                        DossierCliOptionKind  kind)
{
  int index = dossier_cli_args_lookup (args, name);

  /* Asking for an option the command does not declare is a bug. */
  g_assert (index >= 0);
  g_assert (args->options[index].kind == kind);

  return (guint) index;
}

const char * const *
dossier_cli_args_get_positionals (DossierCliArgs *args)
{
  return (const char * const *) args->positionals->pdata;
}

guint
dossier_cli_args_get_n_positionals (DossierCliArgs *args)
{
  return args->positionals->len;
}

const char *
dossier_cli_args_get_positional (DossierCliArgs *args,
                                 guint           index)
{
  g_assert (index < args->positionals->len);

  return g_ptr_array_index (args->positionals, index);
}

gboolean
dossier_cli_args_get_flag (DossierCliArgs *args,
                           const char     *name)
{
  return args->flags[dossier_cli_args_index (args, name, DOSSIER_CLI_OPTION_FLAG)];
}

const char *
dossier_cli_args_get_string (DossierCliArgs *args,
                             const char     *name)
{
  return args->strings[dossier_cli_args_index (args, name, DOSSIER_CLI_OPTION_STRING)];
}

const char * const *
dossier_cli_args_get_strings (DossierCliArgs *args,
                              const char     *name)
{
  GPtrArray *list = args->lists[dossier_cli_args_index (args, name, DOSSIER_CLI_OPTION_STRINGS)];

  if (list == NULL)
    return NULL;

  return (const char * const *) list->pdata;
}

static void
dossier_cli_set_global (DossierCli *cli,
                        const char *name,
                        const char *value)
{
  if (strcmp (name, "db") == 0)
    {
      g_free (cli->db_path);
      cli->db_path = g_strdup (value);
    }
  else if (strcmp (name, "json") == 0)
    cli->json = TRUE;
  else if (strcmp (name, "help") == 0)
    cli->help = TRUE;
  else if (strcmp (name, "version") == 0)
    cli->version = TRUE;
  else
    g_assert_not_reached ();
}

static const DossierCliOption *
find_option (const DossierCliOption *options,
             const char             *name)
{
  for (guint i = 0; options != NULL && options[i].name != NULL; i++)
    if (strcmp (options[i].name, name) == 0)
      return &options[i];
  return NULL;
}

/* Parses argv[*index…]: global options go to @cli, the command's options
 * and positional arguments to @args. With @stop_at_positional, stops at the
 * first positional argument (a command word) and leaves *index on it.
 * Prints a usage error and returns FALSE on bad input. */
static gboolean
dossier_cli_parse (DossierCli     *cli,
                   int             argc,
                   char          **argv,
                   int            *index,
                   DossierCliArgs *args,
                   gboolean        stop_at_positional)
{
  gboolean only_positionals = FALSE;

  for (; *index < argc; (*index)++)
    {
      const char *arg = argv[*index];
      const DossierCliOption *option;
      g_autofree char *name = NULL;
      const char *equals;
      const char *value = NULL;
      gboolean global;

      if (only_positionals || arg[0] != '-' || arg[1] == '\0')
        {
          if (stop_at_positional)
            return TRUE;
          g_ptr_array_add (args->positionals, (gpointer) arg);
          continue;
        }

      if (strcmp (arg, "--") == 0)
        {
          if (stop_at_positional)
            {
              dossier_cli_usage_error (cli, _("“--” must follow a command"));
              return FALSE;
            }
          only_positionals = TRUE;
          continue;
        }

      if (strcmp (arg, "-h") == 0)
        {
          cli->help = TRUE;
          continue;
        }

      if (arg[1] != '-')
        {
          g_autofree char *shown = dossier_cli_utf8 (arg);
          dossier_cli_usage_error (cli, _("unknown option “%s”"), shown);
          return FALSE;
        }

      equals = strchr (arg, '=');
      if (equals != NULL)
        {
          name = g_strndup (arg + 2, equals - (arg + 2));
          value = equals + 1;
        }
      else
        name = g_strdup (arg + 2);

      option = find_option (global_options, name);
      global = option != NULL;
      if (option == NULL && args != NULL)
        option = find_option (args->options, name);

      if (option == NULL)
        {
          g_autofree char *shown = dossier_cli_utf8 (name);
          dossier_cli_usage_error (cli, _("unknown option “--%s”"), shown);
          return FALSE;
        }

      if (option->kind == DOSSIER_CLI_OPTION_FLAG)
        {
          if (value != NULL)
            {
              dossier_cli_usage_error (cli, _("option “--%s” takes no value"), option->name);
              return FALSE;
            }
        }
      else if (value == NULL)
        {
          if (*index + 1 >= argc)
            {
              dossier_cli_usage_error (cli, _("option “--%s” needs a value"), option->name);
              return FALSE;
            }
          value = argv[++(*index)];
        }

      if (global)
        {
          dossier_cli_set_global (cli, option->name, value);
        }
      else
        {
          guint i = (guint) dossier_cli_args_lookup (args, option->name);

          switch (option->kind)
            {
            case DOSSIER_CLI_OPTION_FLAG:
              args->flags[i] = TRUE;
              break;

            case DOSSIER_CLI_OPTION_STRING:
              args->strings[i] = (char *) value;
              break;

            case DOSSIER_CLI_OPTION_STRINGS:
              if (args->lists[i] == NULL)
                args->lists[i] = g_ptr_array_new_null_terminated (2, NULL, TRUE);
              g_ptr_array_add (args->lists[i], (gpointer) value);
              break;

            default:
              g_assert_not_reached ();
            }
        }
    }

  return TRUE;
}

static gboolean
is_group (const char *word)
{
  for (guint i = 0; dossier_cli_commands[i].name != NULL; i++)
    if (g_strcmp0 (dossier_cli_commands[i].group, word) == 0)
      return TRUE;
  return FALSE;
}

static const DossierCliCommand *
find_command (const char *group,
              const char *name)
{
  for (guint i = 0; dossier_cli_commands[i].name != NULL; i++)
    {
      const DossierCliCommand *command = &dossier_cli_commands[i];

      if (g_strcmp0 (command->group, group) == 0 &&
          strcmp (command->name, name) == 0)
        return command;
    }
  return NULL;
}

static char *
command_title (const DossierCliCommand *command)
{
  if (command->group != NULL)
    return g_strdup_printf ("%s %s", command->group, command->name);
  return g_strdup (command->name);
}

static void
print_command_line (const DossierCliCommand *command)
{
  g_autofree char *title = command_title (command);

  if (command->synopsis != NULL && command->synopsis[0] != '\0')
    dossier_cli_print ("  " DOSSIER_CLI_NAME " %s %s\n", title, command->synopsis);
  else
    dossier_cli_print ("  " DOSSIER_CLI_NAME " %s\n", title);
}

static DossierCliExit
print_help (const char *group)
{
  dossier_cli_print ("%s\n", _("Usage:"));
  dossier_cli_print ("  " DOSSIER_CLI_NAME " [--db PATH] [--json] %s\n\n", _("COMMAND [ARGUMENTS…]"));

  if (group == NULL)
    {
      dossier_cli_print ("%s\n\n", _("Work with a Dossier database from the command line."));
      dossier_cli_print ("%s\n", _("Commands:"));
    }
  else
    dossier_cli_print ("%s\n", _("Commands:"));

  for (guint i = 0; dossier_cli_commands[i].name != NULL; i++)
    {
      const DossierCliCommand *command = &dossier_cli_commands[i];

      if (group != NULL && g_strcmp0 (command->group, group) != 0)
        continue;
      print_command_line (command);
    }

  dossier_cli_print ("\n%s\n", _("Global options (before or after the command):"));
  dossier_cli_print ("  --db PATH    %s\n", _("Database file (default: $DOSSIER_DB, else the app’s database)"));
  dossier_cli_print ("  --json       %s\n", _("Print the result as JSON"));
  dossier_cli_print ("  --help       %s\n", _("Show help"));
  dossier_cli_print ("  --version    %s\n", _("Show the version"));
  dossier_cli_print ("\n%s\n", _("DOC, CLAIM and BRIEF are the numbers that listings print. "
                                 "Exit status: 0 on success, 1 on failure, 2 on a usage error."));

  return DOSSIER_CLI_EXIT_OK;
}

static DossierCliExit
print_command_help (const DossierCliCommand *command)
{
  dossier_cli_print ("%s\n", _("Usage:"));
  print_command_line (command);
  dossier_cli_print ("\n%s\n", _(command->summary));
  dossier_cli_print ("\n%s\n", _("Global options: --db PATH, --json."));

  return DOSSIER_CLI_EXIT_OK;
}

static DossierCliExit
print_version (void)
{
  dossier_cli_print (DOSSIER_CLI_NAME " %s\n", PACKAGE_VERSION);
  return DOSSIER_CLI_EXIT_OK;
}

static gboolean
open_database (DossierCli  *cli,
               GError     **error)
{
  g_autofree char *path = NULL;

  if (cli->db_path != NULL)
    path = g_strdup (cli->db_path);
  else if (g_getenv ("DOSSIER_DB") != NULL && g_getenv ("DOSSIER_DB")[0] != '\0')
    path = g_strdup (g_getenv ("DOSSIER_DB"));
  else
    {
      g_autofree char *dir = NULL;

      path = dossier_database_default_path ();
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_autofree char *shown = g_filename_display_name (dir);

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Cannot create the folder “%s”: %s"),
                       shown, g_strerror (saved_errno));
          return FALSE;
        }
    }

  if (path[0] == '\0')
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _("The database path is empty"));
      return FALSE;
    }

  cli->db = dossier_database_open (path, error);

  return cli->db != NULL;
}

static DossierCliExit
run (DossierCli  *cli,
     int          argc,
     char       **argv)
{
  g_autoptr(DossierCliArgs) args = NULL;
  g_autoptr(GError) error = NULL;
  const DossierCliCommand *command;
  const char *word;
  const char *group = NULL;
  guint n_args;
  int index = 1;

  if (!dossier_cli_parse (cli, argc, argv, &index, NULL, TRUE))
    return DOSSIER_CLI_EXIT_USAGE;

  if (index >= argc)
    {
      if (cli->version)
        return print_version ();
      if (cli->help)
        return print_help (NULL);
      return dossier_cli_usage_error (cli, _("no command given (see “%s --help”)"), DOSSIER_CLI_NAME);
    }

  word = argv[index++];

  if (strcmp (word, "help") == 0)
    {
      if (index < argc && is_group (argv[index]))
        return print_help (argv[index]);
      if (index < argc && find_command (NULL, argv[index]) != NULL)
        return print_command_help (find_command (NULL, argv[index]));
      return print_help (NULL);
    }

  if (is_group (word))
    {
      group = word;

      if (!dossier_cli_parse (cli, argc, argv, &index, NULL, TRUE))
        return DOSSIER_CLI_EXIT_USAGE;

      if (index >= argc)
        {
          if (cli->help)
            return print_help (group);
          return dossier_cli_usage_error (cli, _("“%s” needs a subcommand (see “%s help %s”)"),
                                          group, DOSSIER_CLI_NAME, group);
        }

      word = argv[index++];
    }

  command = find_command (group, word);
  if (command == NULL)
    {
      g_autofree char *shown = dossier_cli_utf8 (word);

      if (group != NULL)
        return dossier_cli_usage_error (cli, _("unknown command “%s %s” (see “%s help %s”)"),
                                        group, shown, DOSSIER_CLI_NAME, group);
      return dossier_cli_usage_error (cli, _("unknown command “%s” (see “%s --help”)"),
                                      shown, DOSSIER_CLI_NAME);
    }

  cli->command = command;
  args = dossier_cli_args_new (command->options);

  if (!dossier_cli_parse (cli, argc, argv, &index, args, FALSE))
    return DOSSIER_CLI_EXIT_USAGE;

  if (cli->help)
    return print_command_help (command);
  if (cli->version)
    return print_version ();

  n_args = dossier_cli_args_get_n_positionals (args);
  if (n_args < command->min_args)
    {
      g_autofree char *title = command_title (command);

      return dossier_cli_usage_error (cli, _("missing arguments; usage: %s %s %s"),
                                      DOSSIER_CLI_NAME, title, command->synopsis);
    }
  if (n_args > command->max_args)
    {
      g_autofree char *shown = dossier_cli_utf8 (dossier_cli_args_get_positional (args, command->max_args));
      return dossier_cli_usage_error (cli, _("unexpected argument “%s”"), shown);
    }

  if (!open_database (cli, &error))
    return dossier_cli_fail (cli, error);

  return command->run (cli, args);
}

int
main (int   argc,
      char *argv[])
{
  DossierCli cli = { 0 };
  DossierCliExit status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname (DOSSIER_CLI_NAME);

  cli.stdout_is_tty = isatty (STDOUT_FILENO);
  cli.stderr_is_tty = isatty (STDERR_FILENO);

  status = run (&cli, argc, argv);

  if (fflush (stdout) != 0 && status == DOSSIER_CLI_EXIT_OK)
    {
      int saved_errno = errno;

      fprintf (stderr, DOSSIER_CLI_NAME ": %s\n", g_strerror (saved_errno));
      status = DOSSIER_CLI_EXIT_FAILED;
    }

  g_clear_object (&cli.db);
  g_free (cli.db_path);

  return (int) status;
}
