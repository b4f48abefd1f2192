/* dossier-metadata.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What is known about a document besides its body. Every field may be
 * NULL (unknown). published is always YYYY-MM-DD when set. */
typedef struct
{
  char *title;
  char *outlet;
  char *author;
  char *published;
  char *url;
} DossierMetadata;

#define DOSSIER_TYPE_METADATA (dossier_metadata_get_type ())

GType            dossier_metadata_get_type   (void) G_GNUC_CONST;
DossierMetadata *dossier_metadata_new        (void);
DossierMetadata *dossier_metadata_copy       (const DossierMetadata *self);
void             dossier_metadata_free       (DossierMetadata       *self);

/* Copies each field that @from sets over the one in @self. */
void             dossier_metadata_override   (DossierMetadata       *self,
                                              const DossierMetadata *from);

/* Fills the fields still NULL in @self with guesses from @body (the
 * normalised text): a title that skips navigation crumbs ("Skip to
 * content", "Donate", "Share"…), date lines and photo credits, shortened
 * to a sensible length when the first text is a whole paragraph; the
 * publication date (ISO, 09/09/2025, September 9, 2025, Dec. 19, 2025);
 * the author ("By …"); the outlet (a copyright line). */
void             dossier_metadata_guess      (DossierMetadata       *self,
                                              const char            *body);

/* Parses a date in the formats above (and ISO 8601 date-times) to
 * YYYY-MM-DD, or returns NULL. */
char            *dossier_metadata_parse_date (const char            *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierMetadata, dossier_metadata_free)

G_END_DECLS
