/* fuzz-common.h — shared by the libFuzzer targets in fuzz/ and by
 * tests/test-fuzz-corpus.c, which replays their seed corpora
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* The libFuzzer interface each fuzz-*.c implements. Invariants are
 * checked with g_assert*(): a failed one aborts, which libFuzzer reports
 * as a crash and the replay test as a failed case. libFuzzer calls
 * LLVMFuzzerInitialize() once; the replay test relies on g_test_init()
 * and G_DEBUG=fatal-criticals instead. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  /* A critical (a failed g_return_if_fail()) or a warning is a bug under
   * fuzzing too; anything quieter would only slow the fuzzer down. */
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_init_logging (void)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}

/* Reads fuzz input as fields separated by one byte. */
typedef struct
{
  const char *next;  /* NULL once every field has been read */
  const char *end;
} FuzzFields;

static inline void
fuzz_fields_init (FuzzFields    *fields,
                  const uint8_t *data,
                  size_t         size)
{
  fields->next = (const char *) data;
  fields->end = (const char *) data + size;
}

/* The bytes up to the next @separator (or the end of the input) as a new
 * string (cut at a NUL byte, if any), or NULL after the last field. */
static inline char *
fuzz_fields_next (FuzzFields *fields,
                  char        separator)
{
  const char *start = fields->next;
  const char *stop;

  if (start == NULL)
    return NULL;

  stop = start < fields->end ? memchr (start, separator, fields->end - start) : NULL;
  if (stop == NULL)
    {
      fields->next = NULL;
      return g_strndup (start, fields->end - start);
    }

  fields->next = stop + 1;
  return g_strndup (start, stop - start);
}

G_END_DECLS
