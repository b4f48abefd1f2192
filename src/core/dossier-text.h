/* dossier-text.h
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOSSIER_TEXT_ERROR (dossier_text_error_quark ())

typedef enum
{
  DOSSIER_TEXT_ERROR_EMPTY,     /* nothing but white space */
  DOSSIER_TEXT_ERROR_BINARY,    /* NUL bytes or other signs of a non-text file */
  DOSSIER_TEXT_ERROR_ENCODING,  /* cannot be decoded to Unicode */
  DOSSIER_TEXT_ERROR_UNSUPPORTED, /* a file name ending import does not know */
} DossierTextError;

GQuark  dossier_text_error_quark (void);

/* Bytes of a file to UTF-8: UTF-8 (BOM stripped), UTF-16LE/BE with BOM,
 * otherwise uchardet's guess, with Windows-1252 as the last resort.
 * @encoding (optional) receives the name of the encoding used. The result
 * is not yet normalised. */
char   *dossier_text_decode      (const guint8  *data,
                                  gsize          length,
                                  char         **encoding,
                                  GError       **error);

/* The normalisation every body (and every quote looked up in one) goes
 * through: NFC; "\r\n", "\r", U+2028 and U+2029 become "\n"; control
 * characters other than "\n" and "\t" dropped (and stray U+FEFF byte
 * order marks); trailing white space of each line dropped; runs of blank
 * lines collapsed to one; leading and trailing white space of the whole
 * text dropped. Runs of more than 30 combining marks are broken with
 * U+034F (Unicode stream-safe format) so that this stays linear in time.
 * Idempotent. Invalid UTF-8 is repaired with U+FFFD first. */
char   *dossier_text_normalize   (const char    *text);

/* One line of metadata (a title, a name): dossier_text_normalize(), then
 * every run of white space, newlines included, becomes one space. Returns
 * NULL when nothing is left, or when @text is NULL. */
char   *dossier_text_squeeze     (const char    *text);

G_END_DECLS
