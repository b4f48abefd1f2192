/* dossier-cli-private.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_CLI_NAME "dossier-cli"

typedef enum
{
  DOSSIER_CLI_EXIT_OK = 0,
  DOSSIER_CLI_EXIT_FAILED = 1,
  DOSSIER_CLI_EXIT_USAGE = 2,
} DossierCliExit;

typedef enum
{
  DOSSIER_CLI_OPTION_FLAG,     /* --name */
  DOSSIER_CLI_OPTION_STRING,   /* --name VALUE; the last one given wins */
  DOSSIER_CLI_OPTION_STRINGS,  /* --name VALUE, repeatable */
} DossierCliOptionKind;

typedef struct
{
  const char           *name;   /* without the leading "--" */
  DossierCliOptionKind  kind;
} DossierCliOption;

typedef struct _DossierCliArgs DossierCliArgs;
typedef struct _DossierCliCommand DossierCliCommand;

typedef struct
{
  char                    *db_path;    /* --db, or NULL */
  gboolean                 json;       /* --json */
  gboolean                 help;       /* --help or -h */
  gboolean                 version;    /* --version */
  gboolean                 stdout_is_tty;
  gboolean                 stderr_is_tty;
  const DossierCliCommand *command;    /* the command being run, or NULL */
  DossierDatabase         *db;
} DossierCli;

typedef DossierCliExit (*DossierCliRun) (DossierCli     *cli,
                                         DossierCliArgs *args);

struct _DossierCliCommand
{
  const char             *group;     /* "claim" for "claim add", or NULL */
  const char             *name;
  const char             *synopsis;  /* arguments and options, not translated */
  const char             *summary;   /* marked with N_() */
  const DossierCliOption *options;   /* terminated by { NULL } */
  guint                   min_args;
  guint                   max_args;  /* G_MAXUINT for any number */
  DossierCliRun           run;
};

/* dossier-cli.c */
const char * const *dossier_cli_args_get_positionals (DossierCliArgs *args);
guint               dossier_cli_args_get_n_positionals (DossierCliArgs *args);
const char         *dossier_cli_args_get_positional  (DossierCliArgs *args,
                                                      guint           index);
gboolean            dossier_cli_args_get_flag        (DossierCliArgs *args,
                                                      const char     *name);
const char         *dossier_cli_args_get_string      (DossierCliArgs *args,
                                                      const char     *name);
const char * const *dossier_cli_args_get_strings     (DossierCliArgs *args,
                                                      const char     *name);

/* dossier-cli-output.c */
DossierCliExit  dossier_cli_usage_error     (DossierCli         *cli,
                                             const char         *format,
                                             ...) G_GNUC_PRINTF (2, 3);
DossierCliExit  dossier_cli_fail            (DossierCli         *cli,
                                             const GError       *error);
DossierCliExit  dossier_cli_fail_message    (DossierCli         *cli,
                                             const char         *format,
                                             ...) G_GNUC_PRINTF (2, 3);
gboolean        dossier_cli_parse_id        (DossierCli         *cli,
                                             const char         *what,
                                             const char         *text,
                                             gint64             *id);
gboolean        dossier_cli_parse_uint      (DossierCli         *cli,
                                             const char         *option,
                                             const char         *text,
                                             guint               min,
                                             guint               max,
                                             guint              *value);

void            dossier_cli_print           (const char         *format,
                                             ...) G_GNUC_PRINTF (1, 2);
void            dossier_cli_print_json      (JsonBuilder        *builder);
char           *dossier_cli_utf8            (const char         *text);
char           *dossier_cli_one_line        (const char         *text);
/* A file name on one line, readable whatever its bytes: control
 * characters and bytes that are not UTF-8 become C escapes (\n, \xff),
 * a backslash becomes \\. */
char           *dossier_cli_escape_path     (const char         *path);
guint           dossier_cli_display_width   (const char         *text);
char           *dossier_cli_ellipsize       (const char         *text,
                                             guint               width);

void            dossier_cli_json_add_string (JsonBuilder        *builder,
                                             const char         *key,
                                             const char         *value);
void            dossier_cli_json_add_document (JsonBuilder      *builder,
                                             DossierDocument    *document,
                                             const char         *body);
void            dossier_cli_json_add_claim  (JsonBuilder        *builder,
                                             DossierClaim       *claim);
void            dossier_cli_json_add_theme  (JsonBuilder        *builder,
                                             DossierTheme       *theme);
void            dossier_cli_json_add_source (JsonBuilder        *builder,
                                             DossierSource      *source);
void            dossier_cli_json_add_deleted (JsonBuilder       *builder,
                                             gint64              id);

void            dossier_cli_print_document  (DossierDocument    *document,
                                             const char         *body);
void            dossier_cli_print_claim     (DossierClaim       *claim);

typedef struct _DossierCliTable DossierCliTable;

DossierCliTable *dossier_cli_table_new           (guint              n_columns,
                                                  ...) G_GNUC_NULL_TERMINATED;
void             dossier_cli_table_set_right     (DossierCliTable   *table,
                                                  guint              column);
void             dossier_cli_table_set_max_width (DossierCliTable   *table,
                                                  guint              column,
                                                  guint              width);
void             dossier_cli_table_add_row       (DossierCliTable   *table,
                                                  ...);
void             dossier_cli_table_print         (DossierCliTable   *table);
void             dossier_cli_table_free          (DossierCliTable   *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierCliTable, dossier_cli_table_free)

/* dossier-cli-commands.c */
extern const DossierCliCommand dossier_cli_commands[];

G_END_DECLS
