/* dossier-document.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_DOCUMENT (dossier_document_get_type ())

G_DECLARE_FINAL_TYPE (DossierDocument, dossier_document, DOSSIER, DOCUMENT, GObject)

/* A document's metadata. The body lives in its own table and is fetched
 * with dossier_documents_get_body(), so listing documents never loads it.
 * Properties: id (int64), uuid, title, outlet (name or NULL), outlet-id
 * (int64, 0 if none), author, published (YYYY-MM-DD or NULL), url,
 * origin (the imported file's path), format ("txt", "markdown", "html"),
 * sha256, length (code points in the body), claim-count (uint),
 * imported (ISO 8601 UTC). All read-write so views can bind to them. */
gint64      dossier_document_get_id          (DossierDocument *self);
const char *dossier_document_get_uuid        (DossierDocument *self);
const char *dossier_document_get_title       (DossierDocument *self);
void        dossier_document_set_title       (DossierDocument *self,
                                              const char      *title);
const char *dossier_document_get_outlet      (DossierDocument *self);
void        dossier_document_set_outlet      (DossierDocument *self,
                                              const char      *outlet);
gint64      dossier_document_get_outlet_id   (DossierDocument *self);
const char *dossier_document_get_author      (DossierDocument *self);
void        dossier_document_set_author      (DossierDocument *self,
                                              const char      *author);
const char *dossier_document_get_published   (DossierDocument *self);
void        dossier_document_set_published   (DossierDocument *self,
                                              const char      *published);
const char *dossier_document_get_url         (DossierDocument *self);
void        dossier_document_set_url         (DossierDocument *self,
                                              const char      *url);
const char *dossier_document_get_origin      (DossierDocument *self);
const char *dossier_document_get_format      (DossierDocument *self);
const char *dossier_document_get_sha256      (DossierDocument *self);
guint       dossier_document_get_length      (DossierDocument *self);
guint       dossier_document_get_claim_count (DossierDocument *self);
void        dossier_document_set_claim_count (DossierDocument *self,
                                              guint            claim_count);
const char *dossier_document_get_imported    (DossierDocument *self);

G_END_DECLS
