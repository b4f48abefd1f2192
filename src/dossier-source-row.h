/* dossier-source-row.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SOURCE_ROW (dossier_source_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierSourceRow, dossier_source_row, DOSSIER, SOURCE_ROW, GtkWidget)

/* One source in the Sources window's list: name (renamed in place),
 * document and claim counts, kind, and a menu. The row only shows; what
 * the user asks for goes to the window's actions: sources.rename (xs: id,
 * name), sources.set-kind (xs: id, "person"…), sources.merge (x),
 * sources.delete (x). */
GtkWidget     *dossier_source_row_new          (void);
DossierSource *dossier_source_row_get_source   (DossierSourceRow *self);
/* Shows @source, or nothing (NULL). For the same source, as the database
 * now has it, the name being typed is left alone; for another source (the
 * list recycles rows) a rename under way is dropped. */
void           dossier_source_row_set_source   (DossierSourceRow *self,
                                                DossierSource    *source);
gint64         dossier_source_row_get_id       (DossierSourceRow *self);
void           dossier_source_row_start_rename (DossierSourceRow *self);
gboolean       dossier_source_row_is_renaming  (DossierSourceRow *self);
/* Opens the row's menu (Rename, Merge Into…, Delete…). */
void           dossier_source_row_popup_menu   (DossierSourceRow *self);

G_END_DECLS
