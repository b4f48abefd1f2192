/* dossier-importer.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-database.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_IMPORT_IMPORTED,
  DOSSIER_IMPORT_DUPLICATE,
  DOSSIER_IMPORT_FAILED,
} DossierImportStatus;

typedef struct
{
  char                *path;         /* as given or found, in the file system's encoding */
  char                *display_path; /* valid UTF-8 for messages */
  DossierImportStatus  status;
  gint64               document;     /* the new or existing document, 0 if failed */
  char                *error;        /* reason, when failed */
} DossierImportResult;

typedef struct
{
  guint      imported;
  guint      duplicates;
  guint      failed;
  GPtrArray *results;  /* of DossierImportResult, in import order */
} DossierImportReport;

/* Called on the importing thread after each file. */
typedef void (*DossierImportProgress) (guint        done,
                                       guint        total,
                                       const char  *display_path,
                                       gpointer     user_data);

/* Called on the importing thread right after a transaction committed:
 * report->results[@first] to report->results[@first + @n_results - 1] are
 * settled for good, so their documents stay even if the process is killed
 * the next moment. Each result is passed once, in order; the results of a
 * batch that a database error rolled back are never passed. */
typedef void (*DossierImportCommitted) (const DossierImportReport *report,
                                        guint                      first,
                                        guint                      n_results,
                                        gpointer                   user_data);

/* Imports files and folders (recursively; hidden files and unsupported
 * endings inside folders are skipped; a corpus.json manifest in a folder
 * gives metadata for its files). One bad file never stops the rest: each is
 * imported, a duplicate, or failed with a reason. Files are committed in
 * batches. Returns NULL with @error only when the database itself fails or
 * the import is cancelled; what was committed before stays. */
DossierImportReport *dossier_import             (DossierDatabase        *db,
                                                 const char * const     *paths,
                                                 DossierImportProgress   progress,
                                                 gpointer                user_data,
                                                 GCancellable           *cancellable,
                                                 GError                **error);
/* The same, also calling @committed (may be NULL) after each batch's
 * commit, for callers that tell the user what is safely stored while the
 * import goes on (dossier-cli import prints each file's line then). */
DossierImportReport *dossier_import_full        (DossierDatabase        *db,
                                                 const char * const     *paths,
                                                 DossierImportProgress   progress,
                                                 DossierImportCommitted  committed,
                                                 gpointer                user_data,
                                                 GCancellable           *cancellable,
                                                 GError                **error);
void                 dossier_import_report_free (DossierImportReport    *report);

/* The same off the calling thread, on a connection of its own to the
 * database at @db_path. @progress runs on the thread-default main context
 * of the caller, at most about 25 times a second (and once for the last
 * file). Completion is reported there too; the caller's own
 * DossierDatabase does not see "changed" for it, so the caller refreshes. */
void                 dossier_import_async       (const char             *db_path,
                                                 const char * const     *paths,
                                                 DossierImportProgress   progress,
                                                 gpointer                progress_data,
                                                 GDestroyNotify          progress_data_free,
                                                 GCancellable           *cancellable,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
DossierImportReport *dossier_import_finish      (GAsyncResult           *result,
                                                 GError                **error);
const char          *dossier_import_status_to_string (DossierImportStatus status);
/* "42 imported, 3 duplicates, 1 failed", translated: what the CLI prints
 * and the window's toast says. */
char                *dossier_import_report_summary (const DossierImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierImportReport, dossier_import_report_free)

G_END_DECLS
