/* dossier-reader.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-core.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_READER (dossier_reader_get_type ())

G_DECLARE_FINAL_TYPE (DossierReader, dossier_reader, DOSSIER, READER, GtkWidget)

/* One document: its metadata header and read-only text with the claims
 * drawn as highlights. Signals: "claim-activated" (gint64 claim id) when
 * a highlight is clicked; "claim-created" (gint64 claim id) after the
 * reader.highlight action made a claim of the selection. Grabbing its
 * focus focuses the text.
 * Actions: reader.highlight, reader.find, reader.find-next,
 * reader.find-previous, reader.edit-metadata. */
void   dossier_reader_set_database    (DossierReader   *self,
                                       DossierDatabase *database);
void   dossier_reader_set_document_id (DossierReader   *self,
                                       gint64           document_id);
gint64 dossier_reader_get_document_id (DossierReader   *self);
/* Scrolls to the claim's highlight and selects its text. */
void   dossier_reader_reveal_claim    (DossierReader   *self,
                                       gint64           claim_id);
/* Scrolls to code points @start to @end of the shown document (body
 * offsets) and selects them: where a search hit is. */
void   dossier_reader_reveal_range    (DossierReader   *self,
                                       guint            start,
                                       guint            end);
/* The innermost claim (the shortest range) drawn over code point
 * @offset of the shown document, or 0 if none. A click on a highlight
 * activates this claim. */
gint64 dossier_reader_get_claim_at_offset (DossierReader *self,
                                           guint          offset);

G_END_DECLS
