/* dossier-source.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_SOURCE_KIND_OTHER,
  DOSSIER_SOURCE_KIND_PERSON,
  DOSSIER_SOURCE_KIND_OUTLET,
  DOSSIER_SOURCE_KIND_ORGANIZATION,
  DOSSIER_SOURCE_KIND_GOVERNMENT,
} DossierSourceKind;

#define DOSSIER_TYPE_SOURCE_KIND (dossier_source_kind_get_type ())
#define DOSSIER_TYPE_SOURCE (dossier_source_get_type ())

G_DECLARE_FINAL_TYPE (DossierSource, dossier_source, DOSSIER, SOURCE, GObject)

GType              dossier_source_kind_get_type     (void) G_GNUC_CONST;
/* "person", "outlet", "organization", "government", "other" */
const char        *dossier_source_kind_to_string    (DossierSourceKind  kind);
gboolean           dossier_source_kind_from_string  (const char        *string,
                                                     DossierSourceKind *kind);

/* Properties: id (int64), uuid, name, kind (DossierSourceKind),
 * claim-count (uint: claims it spoke, plus claims in documents it published),
 * document-count (uint: documents it published). */
gint64             dossier_source_get_id             (DossierSource *self);
const char        *dossier_source_get_uuid           (DossierSource *self);
const char        *dossier_source_get_name           (DossierSource *self);
void               dossier_source_set_name           (DossierSource *self,
                                                      const char    *name);
DossierSourceKind  dossier_source_get_kind           (DossierSource *self);
void               dossier_source_set_kind           (DossierSource *self,
                                                      DossierSourceKind kind);
guint              dossier_source_get_claim_count    (DossierSource *self);
guint              dossier_source_get_document_count (DossierSource *self);

G_END_DECLS
