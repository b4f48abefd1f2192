/* dossier-metadata.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dossier-metadata.h"
#include "dossier-text.h"

G_DEFINE_BOXED_TYPE (DossierMetadata, dossier_metadata,
                     dossier_metadata_copy, dossier_metadata_free)

DossierMetadata *
dossier_metadata_new (void)
{
  return g_new0 (DossierMetadata, 1);
}

DossierMetadata *
dossier_metadata_copy (const DossierMetadata *self)
{
  DossierMetadata *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = dossier_metadata_new ();
  copy->title = g_strdup (self->title);
  copy->outlet = g_strdup (self->outlet);
  copy->author = g_strdup (self->author);
  copy->published = g_strdup (self->published);
  copy->url = g_strdup (self->url);

  return copy;
}

void
dossier_metadata_free (DossierMetadata *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->outlet);
  g_free (self->author);
  g_free (self->published);
  g_free (self->url);
  g_free (self);
}

static void
override_field (char       **field,
                const char  *value)
{
  if (value != NULL)
    {
      char *copy = g_strdup (value);

      g_free (*field);
      *field = copy;
    }
}

void
dossier_metadata_override (DossierMetadata       *self,
                           const DossierMetadata *from)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (from != NULL);

  override_field (&self->title, from->title);
  override_field (&self->outlet, from->outlet);
  override_field (&self->author, from->author);
  override_field (&self->published, from->published);
  override_field (&self->url, from->url);
}

/* Dates */

static const struct {
  const char *name;
  int         month;
} month_names[] = {
  { "january", 1 }, { "jan", 1 },
  { "february", 2 }, { "feb", 2 },
  { "march", 3 }, { "mar", 3 },
  { "april", 4 }, { "apr", 4 },
  { "may", 5 },
  { "june", 6 }, { "jun", 6 },
  { "july", 7 }, { "jul", 7 },
  { "august", 8 }, { "aug", 8 },
  { "september", 9 }, { "sept", 9 }, { "sep", 9 },
  { "october", 10 }, { "oct", 10 },
  { "november", 11 }, { "nov", 11 },
  { "december", 12 }, { "dec", 12 },
};

static const char * const weekday_names[] = {
  "monday", "mon", "tuesday", "tues", "tue", "wednesday", "wed",
  "thursday", "thurs", "thur", "thu", "friday", "fri", "saturday", "sat",
  "sunday", "sun",
};

static gsize
word_length (const char *p)
{
  gsize n = 0;

  while (g_ascii_isalpha (p[n]))
    n++;

  return n;
}

static gboolean
word_equal (const char *p,
            gsize       n,
            const char *word)
{
  return strlen (word) == n && g_ascii_strncasecmp (p, word, n) == 0;
}

/* A month name or abbreviation (with an optional full stop) at @p. */
static int
parse_month (const char  *p,
             const char **end)
{
  gsize n = word_length (p);
  guint i;

  if (n == 0)
    return 0;

  for (i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (word_equal (p, n, month_names[i].name))
      {
        p += n;
        if (*p == '.')
          p++;
        *end = p;
        return month_names[i].month;
      }

  return 0;
}

static const char *
skip_weekday (const char *p)
{
  gsize n = word_length (p);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (weekday_names); i++)
    if (word_equal (p, n, weekday_names[i]))
      {
        p += n;
        if (*p == '.')
          p++;
        if (*p == ',')
          p++;
        while (*p == ' ')
          p++;
        return p;
      }

  return p;
}

/* Reads 1..@max digits; returns how many (0 when none or too many). */
static int
parse_number (const char  *p,
              int          max,
              int         *value,
              const char **end)
{
  int n = 0;
  int v = 0;

  while (g_ascii_isdigit (p[n]))
    {
      if (n == max)
        return 0;
      v = v * 10 + (p[n] - '0');
      n++;
    }

  if (n == 0)
    return 0;

  *value = v;
  *end = p + n;

  return n;
}

static const char *
skip_ordinal (const char *p)
{
  if ((g_ascii_strncasecmp (p, "st", 2) == 0 || g_ascii_strncasecmp (p, "nd", 2) == 0 ||
       g_ascii_strncasecmp (p, "rd", 2) == 0 || g_ascii_strncasecmp (p, "th", 2) == 0) &&
      !g_ascii_isalpha (p[2]))
    return p + 2;

  return p;
}

static gboolean
valid_date (int year,
            int month,
            int day)
{
  return year >= 1000 && year <= 9999 &&
         month >= 1 && month <= 12 &&
         day >= 1 && day <= 31 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Reads a date at the very start of @text and returns how many bytes it
 * took, or 0. */
static gsize
parse_date_prefix (const char *text,
                   int        *year,
                   int        *month,
                   int        *day)
{
  const char *p = text;
  const char *q;
  int a, b, c;

  if (g_ascii_isdigit (*p))
    {
      /* 2025-09-09, 2025/09/09 */
      if (parse_number (p, 4, &a, &q) == 4 && (*q == '-' || *q == '/'))
        {
          char sep = *q;

          if (parse_number (q + 1, 2, &b, &q) && *q == sep &&
              parse_number (q + 1, 2, &c, &q) && !g_ascii_isdigit (*q) &&
              valid_date (a, b, c))
            {
              *year = a;
              *month = b;
              *day = c;
              return q - text;
            }
          return 0;
        }

      if (!parse_number (p, 2, &a, &q))
        return 0;

      /* 09/09/2025: US order, unless the first number cannot be a month */
      if (*q == '/')
        {
          if (parse_number (q + 1, 2, &b, &q) && *q == '/' &&
              parse_number (q + 1, 4, &c, &q) == 4 && !g_ascii_isdigit (*q))
            {
              int m = a > 12 ? b : a;
              int d = a > 12 ? a : b;

              if (valid_date (c, m, d))
                {
                  *year = c;
                  *month = m;
                  *day = d;
                  return q - text;
                }
            }
          return 0;
        }

      /* 19 December 2025, 19th of Dec. 2025 */
      p = skip_ordinal (q);
      while (*p == ' ')
        p++;
      if (g_ascii_strncasecmp (p, "of ", 3) == 0)
        p += 3;
      if ((b = parse_month (p, &q)) == 0)
        return 0;
      p = q;
      if (*p == ',')
        p++;
      while (*p == ' ')
        p++;
      if (parse_number (p, 4, &c, &q) == 4 && !g_ascii_isdigit (*q) && valid_date (c, b, a))
        {
          *year = c;
          *month = b;
          *day = a;
          return q - text;
        }
      return 0;
    }

  if (!g_ascii_isalpha (*p))
    return 0;

  /* Tuesday, September 9, 2025; Sept. 9, 2025; Sep 9 2025; Tue, 9 Sep 2025 */
  p = skip_weekday (p);
  if (g_ascii_isdigit (*p))
    {
      gsize n = parse_date_prefix (p, year, month, day);

      return n > 0 ? (gsize) (p - text) + n : 0;
    }

  if ((a = parse_month (p, &q)) == 0)
    return 0;
  p = q;
  while (*p == ' ')
    p++;
  if (!parse_number (p, 2, &b, &q))
    return 0;
  p = skip_ordinal (q);
  if (*p == ',')
    p++;
  while (*p == ' ')
    p++;
  if (parse_number (p, 4, &c, &q) == 4 && !g_ascii_isdigit (*q) && valid_date (c, a, b))
    {
      *year = c;
      *month = a;
      *day = b;
      return q - text;
    }

  return 0;
}

static char *
format_date (int year,
             int month,
             int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* What may follow a date for the whole to still be a date: nothing, an ISO
 * time, or a time of day ("10:11", "at 10:11 a.m. EDT"). */
static gboolean
is_time_tail (const char *p)
{
  if (*p == 'T' || *p == 't')
    return g_ascii_isdigit (p[1]);

  while (*p == ' ' || *p == ',')
    p++;
  if (g_ascii_strncasecmp (p, "at ", 3) == 0)
    p += 3;
  while (*p == ' ')
    p++;

  if (*p == '\0')
    return TRUE;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  p++;
  if (g_ascii_isdigit (*p))
    p++;

  return *p == ':' && g_ascii_isdigit (p[1]);
}

char *
dossier_metadata_parse_date (const char *text)
{
  const char *p;
  int year, month, day;
  gsize n;

  g_return_val_if_fail (text != NULL, NULL);

  for (p = text; g_ascii_isspace (*p); p++)
    ;

  n = parse_date_prefix (p, &year, &month, &day);
  if (n == 0)
    return NULL;

  p += n;
  if (!is_time_tail (p))
    {
      /* Trailing white space only. */
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return NULL;
    }

  return format_date (year, month, day);
}

/* Guessing
 *
 * Everything here looks only at the top of the text (the lines before the
 * first body paragraph, and the opening words of that paragraph), except
 * the copyright line, which sits at the bottom. Dates deep in the text are
 * about events, not about the document.
 */

#define TOP_LINES            20  /* non-blank lines looked at */
#define LINE_MAX_BYTES     2048  /* of one line, for the heuristics */
#define TITLE_MAX_CHARS      90  /* when cutting a title from a paragraph */
#define HEADLINE_MAX_CHARS  150  /* longer lines are paragraphs */
#define TITLE_MIN_CLAUSE     25  /* shortest title cut at a clause boundary */
#define NAME_MAX_CHARS       60

typedef enum
{
  DATE_NONE,
  DATE_UPDATED,     /* "Updated …" */
  DATE_OPENING,     /* "On December 19, 2025, …" in the first paragraph */
  DATE_LINE,        /* a line that is, or starts with, a date */
  DATE_PUBLISHED,   /* "Published …", "Posted …" */
} DateRank;

typedef struct
{
  char     *title;
  char     *author;
  char     *date;
  DateRank  date_rank;
} Guess;

static void
guess_set_date (Guess      *guess,
                DateRank    rank,
                int         year,
                int         month,
                int         day)
{
  if (rank > guess->date_rank)
    {
      g_free (guess->date);
      guess->date = format_date (year, month, day);
      guess->date_rank = rank;
    }
}

static void
guess_set_author (Guess *guess,
                  char  *author)
{
  if (guess->author == NULL)
    guess->author = author;
  else
    g_free (author);
}

static gboolean
has_prefix_nocase (const char *s,
                   const char *prefix)
{
  return g_ascii_strncasecmp (s, prefix, strlen (prefix)) == 0;
}

static gboolean
has_letters (const char *s)
{
  for (; *s; s = g_utf8_next_char (s))
    if (g_unichar_isalpha (g_utf8_get_char (s)))
      return TRUE;

  return FALSE;
}

static guint
count_words (const char *s)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (; *s; s++)
    {
      gboolean space = *s == ' ';

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

/* Removes Markdown decoration that scraped or converted text keeps:
 * heading marks, block quote marks, emphasis around the whole line. */
static char *
clean_line (const char *line,
            gsize       length)
{
  g_autofree char *copy = NULL;
  char *s;
  gsize n;

  if (length > LINE_MAX_BYTES)
    {
      const char *end = line + LINE_MAX_BYTES;

      while (end > line && ((guchar) *end & 0xC0) == 0x80)
        end--;
      length = end - line;
    }

  copy = g_strndup (line, length);
  s = g_strstrip (copy);

  while (*s == '#' || *s == '>')
    s++;
  s = g_strchug (s);

  n = strlen (s);
  while (n >= 2 && (s[0] == '*' || s[0] == '_') && s[n - 1] == s[0])
    {
      s[n - 1] = '\0';
      s++;
      n -= 2;
    }

  return dossier_text_squeeze (s);
}

static const char * const crumbs[] = {
  "skip to content", "skip to main content", "skip to navigation",
  "skip to main navigation", "skip navigation", "skip to footer",
  "jump to content", "jump to navigation", "back to top",
  "donate", "donate now", "support us", "share", "share this",
  "share this article", "share this story", "share this page", "tweet",
  "email", "e-mail", "print", "print this page", "copy link", "link copied",
  "menu", "main menu", "open menu", "close menu", "close", "toggle navigation",
  "navigation", "search", "advertisement", "advertisements", "sponsored",
  "sponsored content", "read also", "read more", "see also", "related",
  "related articles", "related content", "related stories", "more stories",
  "latest", "latest news", "trending", "most popular", "most read",
  "top stories", "breaking news", "subscribe", "subscribe now", "sign up",
  "sign in", "log in", "login", "register", "newsletter", "home",
  "listen", "listen to this article", "comments", "leave a comment",
  "write a comment", "add a comment", "add comment", "add row", "add",
  "follow us", "accept", "accept cookies", "press release", "loading",
  "watch", "play", "video", "photos", "save", "bookmark", "more", "next",
  "previous", "facebook", "twitter", "linkedin", "whatsapp", "reddit",
};

static gboolean
is_crumb (const char *line)
{
  g_autofree char *folded = NULL;
  char *s;
  gsize n;
  guint i;

  if (strlen (line) > 60)
    return FALSE;

  folded = g_utf8_casefold (line, -1);
  s = g_strstrip (folded);
  n = strlen (s);
  while (n > 0 && strchr (":.>|-", s[n - 1]) != NULL)
    s[--n] = '\0';
  s = g_strstrip (s);

  for (i = 0; i < G_N_ELEMENTS (crumbs); i++)
    if (g_str_equal (s, crumbs[i]))
      return TRUE;

  if (g_str_has_prefix (s, "share on ") || g_str_has_prefix (s, "follow us on ") ||
      g_str_has_prefix (s, "skip to ") || g_str_has_prefix (s, "jump to ") ||
      g_str_has_prefix (s, "back to ") || g_str_has_prefix (s, "sign up for "))
    return TRUE;

  /* "5 min read", "3 minute read" */
  if (g_ascii_isdigit (*s) && (g_str_has_suffix (s, " min read") || g_str_has_suffix (s, " minute read") ||
                               g_str_has_suffix (s, " minutes read")))
    return TRUE;

  return FALSE;
}

static gboolean
is_credit (const char *line)
{
  static const char * const prefixes[] = {
    "photo:", "photo by", "photo credit", "photos:", "photograph:", "photograph by",
    "image:", "image by", "image credit", "images:", "credit:", "credits:",
    "illustration:", "illustration by", "picture:", "(photo", "file photo",
    "caption:", "video:",
  };
  g_autofree char *folded = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (has_prefix_nocase (line, prefixes[i]))
      return TRUE;

  if (strlen (line) > HEADLINE_MAX_CHARS)
    return FALSE;

  folded = g_utf8_casefold (line, -1);

  return strstr (folded, "getty images") != NULL ||
         strstr (folded, "/afp") != NULL ||
         strstr (folded, "afp via") != NULL ||
         strstr (folded, "ap photo") != NULL ||
         strstr (folded, "shutterstock") != NULL ||
         strstr (folded, "/reuters") != NULL;
}

static guint
count_substr (const char *s,
              const char *needle)
{
  guint n = 0;
  gsize len = strlen (needle);

  while ((s = strstr (s, needle)) != NULL)
    {
      n++;
      s += len;
    }

  return n;
}

/* Labels, breadcrumbs, tag lists, bare links, "a | b | c" lines. */
static gboolean
is_meta_line (const char *line)
{
  gsize n = strlen (line);

  if (n > 0 && (line[n - 1] == ':'))
    return TRUE;

  if (count_substr (line, " | ") >= 2 ||
      count_substr (line, " > ") >= 1 ||
      count_substr (line, " › ") >= 1 ||
      count_substr (line, " » ") >= 1 ||
      count_substr (line, " / ") >= 2)
    return TRUE;

  return has_prefix_nocase (line, "http://") ||
         has_prefix_nocase (line, "https://") ||
         has_prefix_nocase (line, "www.") ||
         has_prefix_nocase (line, "tags:") ||
         has_prefix_nocase (line, "topics:") ||
         has_prefix_nocase (line, "filed under") ||
         has_prefix_nocase (line, "categories:") ||
         has_prefix_nocase (line, "category:") ||
         strstr (line, "©") != NULL ||
         has_prefix_nocase (line, "copyright ");
}

/* After a date: the end, a time, or a separator before something else. */
static gboolean
date_ends_line (const char *p)
{
  while (*p == ' ')
    p++;

  if (*p == '\0' || *p == '|' || *p == ',' || *p == '-' || *p == '/' ||
      g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—") ||
      g_str_has_prefix (p, "·") || g_str_has_prefix (p, "•"))
    return TRUE;

  return is_time_tail (p);
}

static const struct {
  const char *word;
  DateRank    rank;
} date_labels[] = {
  { "first published", DATE_PUBLISHED },
  { "published", DATE_PUBLISHED },
  { "posted", DATE_PUBLISHED },
  { "released", DATE_PUBLISHED },
  { "date", DATE_LINE },
  { "dated", DATE_LINE },
  { "last updated", DATE_UPDATED },
  { "updated", DATE_UPDATED },
  { "last modified", DATE_UPDATED },
  { "modified", DATE_UPDATED },
};

/* A line that is a date, starts with one ("09/09/2025 | Press release"),
 * or labels one ("Published September 9, 2025"). */
static gboolean
parse_date_line (const char *line,
                 Guess      *guess)
{
  const char *p = line;
  int year, month, day;
  gsize n;
  guint i;

  n = parse_date_prefix (p, &year, &month, &day);
  if (n > 0 && date_ends_line (p + n))
    {
      guess_set_date (guess, DATE_LINE, year, month, day);
      return TRUE;
    }

  for (i = 0; i < G_N_ELEMENTS (date_labels); i++)
    {
      gsize len = strlen (date_labels[i].word);

      if (g_ascii_strncasecmp (p, date_labels[i].word, len) != 0 || g_ascii_isalpha (p[len]))
        continue;

      p += len;
      while (*p == ' ' || *p == ':')
        p++;
      if (g_ascii_strncasecmp (p, "on ", 3) == 0)
        p += 3;

      n = parse_date_prefix (p, &year, &month, &day);
      if (n > 0 && date_ends_line (p + n))
        {
          guess_set_date (guess, date_labels[i].rank, year, month, day);
          return TRUE;
        }

      return FALSE;
    }

  return FALSE;
}

static gboolean
in_list (const char         *word,
         const char * const *list,
         gsize               n)
{
  gsize i;

  for (i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;

  return FALSE;
}

static const char * const abbreviations[] = {
  "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov",
  "lt", "col", "sgt", "capt", "prof", "inc", "ltd", "co", "corp", "vs",
  "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
  "oct", "nov", "dec", "mt", "ft", "etc", "approx", "dept", "univ", "pres",
  "est", "fig", "vol", "op", "cf",
};

/* Whether the full stop at @dot ends a sentence rather than an
 * abbreviation or an initial ("U.S.", "Sept.", "C."). */
static gboolean
ends_abbreviation (const char *start,
                   const char *dot)
{
  const char *w = dot;
  g_autofree char *word = NULL;
  g_autofree char *folded = NULL;

  while (w > start && w[-1] != ' ' && w[-1] != '(' && w[-1] != '"')
    w--;

  word = g_strndup (w, dot - w);

  /* Initials and dotted abbreviations: "C", "U.S", "e.g" */
  if (g_utf8_strlen (word, -1) == 1 || strchr (word, '.') != NULL)
    return TRUE;

  folded = g_utf8_casefold (word, -1);

  return in_list (folded, abbreviations, G_N_ELEMENTS (abbreviations));
}

/* Names */

static const char * const name_particles[] = {
  "de", "da", "das", "del", "della", "der", "den", "di", "do", "dos", "du",
  "la", "le", "van", "von", "y", "e", "bin", "ibn", "al", "el", "ten", "ter",
  "st.", "mc",
};

static const char * const name_suffixes[] = {
  "jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "phd", "ph.d.",
};

/* Capitalised words that are not names, so "Hit by Cartel Violence" and
 * "Jane Doe, Staff Writer" are not taken for bylines. */
static const char * const not_name_words[] = {
  "the", "a", "an", "our", "this", "that", "these", "their", "his", "her",
  "staff", "writer", "writers", "reporter", "reporters", "correspondent",
  "editor", "editors", "contributor", "columnist", "desk", "team", "news",
  "press", "associated", "service", "agency", "wire", "wires", "media",
  "times", "post", "journal", "magazine", "daily", "network",
  "administration", "government", "police", "cartel", "cartels",
  "department", "ministry", "office", "house", "state", "states",
  "united", "nations", "force", "forces", "army", "military", "navy",
  "congress", "senate", "court", "policy", "strategy", "security",
  "council", "committee", "center", "centre", "institute", "university",
  "foundation", "program", "programme", "report", "violence", "war",
  "crisis", "trade", "tariffs", "border", "drugs", "officials", "experts",
  "analysts", "people", "americans", "mexico", "china", "america",
  "washington", "storm", "fire", "floods", "design", "default",
};

static gboolean
is_name_token (const char *token)
{
  const char *p = token;
  gunichar first = g_utf8_get_char (p);
  guint letters = 0;

  if (!g_unichar_isupper (first) && !g_unichar_istitle (first))
    return FALSE;

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        letters++;
      else if (g_unichar_ismark (c))
        continue;
      else if (c != '.' && c != '-' && c != '\'' && c != 0x2019)
        return FALSE;
    }

  /* "C.", "J.R.", "Diego", "DOE" (upper-case bylines), "O'Neil" */
  return letters >= 1;
}

/* "Jane Doe", "Diego Marroquín Bitar", "Ryan C. Berg", "Juan de la Cruz". */
static gboolean
is_person_name (const char *text)
{
  g_auto(GStrv) tokens = NULL;
  guint n, i, capitalised = 0;

  if (g_utf8_strlen (text, -1) > NAME_MAX_CHARS)
    return FALSE;

  tokens = g_strsplit (text, " ", -1);
  n = g_strv_length (tokens);
  if (n < 2 || n > 5)
    return FALSE;

  for (i = 0; i < n; i++)
    {
      g_autofree char *folded = g_utf8_casefold (tokens[i], -1);
      g_autofree char *bare = g_strdup (folded);
      gsize len = strlen (bare);

      while (len > 0 && (bare[len - 1] == '.' || bare[len - 1] == ','))
        bare[--len] = '\0';

      if (tokens[i][0] == '\0')
        return FALSE;

      if (in_list (bare, not_name_words, G_N_ELEMENTS (not_name_words)))
        return FALSE;

      if (i > 0 && i + 1 < n && in_list (folded, name_particles, G_N_ELEMENTS (name_particles)) &&
          g_unichar_islower (g_utf8_get_char (tokens[i])))
        continue;

      if (i > 0 && in_list (folded, name_suffixes, G_N_ELEMENTS (name_suffixes)))
        continue;

      if (!is_name_token (tokens[i]))
        return FALSE;

      capitalised++;
    }

  return capitalised >= 2;
}

/* Where the names of a byline end: a separator, a date, a time. */
static gsize
names_length (const char *text)
{
  static const char * const separators[] = {
    " | ", "|", " - ", " – ", " — ", " · ", " • ", "\t", " on ", ", ",
  };
  gsize best = strlen (text);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *hit = text;

      while ((hit = strstr (hit, separators[i])) != NULL)
        {
          const char *after = hit + strlen (separators[i]);
          int y, m, d;

          /* A comma separates names too ("Jane Doe, John Roe and …"),
           * so it ends the names only before a date or a role. */
          if (g_str_equal (separators[i], ", ") && parse_date_prefix (after, &y, &m, &d) == 0)
            {
              hit = after;
              continue;
            }
          if (g_str_equal (separators[i], " on ") && parse_date_prefix (after, &y, &m, &d) == 0)
            {
              hit = after;
              continue;
            }

          if ((gsize) (hit - text) < best)
            best = hit - text;
          break;
        }
    }

  return best;
}

/* The names in a byline, after "By": "Jane Doe", "Jane Doe and John Roe",
 * "Jane Doe, John Roe and Ann Poe"; roles after a comma are dropped
 * ("Jane Doe, Staff Writer"). NULL when these are not names. */
static char *
parse_names (const char *text,
             Guess      *guess)
{
  g_autofree char *names = NULL;
  g_autoptr(GPtrArray) valid = g_ptr_array_new ();
  g_auto(GStrv) parts = NULL;
  const char *rest;
  gboolean all_valid = TRUE;
  gsize n;
  guint i;

  while (*text == ' ')
    text++;

  n = names_length (text);
  names = g_strndup (text, n);
  g_strstrip (names);
  n = strlen (names);
  while (n > 0 && strchr (",;:", names[n - 1]) != NULL)
    names[--n] = '\0';
  if (n > 0 && names[n - 1] == '.' && !ends_abbreviation (names, names + n - 1))
    names[--n] = '\0';

  if (n == 0)
    return NULL;

  /* A date after the names: "By Jane Doe | September 9, 2025". */
  rest = text + names_length (text);
  while (*rest != '\0' && !g_ascii_isalnum (*rest))
    rest++;
  if (g_ascii_strncasecmp (rest, "on ", 3) == 0)
    rest += 3;
  if (*rest != '\0')
    {
      int y, m, d;
      gsize len = parse_date_prefix (rest, &y, &m, &d);

      if (len > 0 && guess != NULL)
        guess_set_date (guess, DATE_LINE, y, m, d);
    }

  {
    g_autofree char *unified = NULL;
    GString *s = g_string_new (names);

    g_string_replace (s, " and ", ", ", 0);
    g_string_replace (s, " & ", ", ", 0);
    g_string_replace (s, ", , ", ", ", 0);
    unified = g_string_free (s, FALSE);
    parts = g_strsplit (unified, ", ", -1);
  }

  for (i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;
      if (is_person_name (parts[i]))
        g_ptr_array_add (valid, parts[i]);
      else
        all_valid = FALSE;
    }

  if (valid->len == 0)
    return NULL;

  if (all_valid)
    return g_steal_pointer (&names);

  /* The first name must be valid: "By Design, Jane Doe" is no byline. */
  if (g_ptr_array_index (valid, 0) != (gpointer) parts[0])
    return NULL;

  g_ptr_array_add (valid, NULL);

  return g_strjoinv (", ", (char **) valid->pdata);
}

static char *
parse_byline (const char *line,
              Guess      *guess)
{
  static const char * const prefixes[] = {
    "by ", "by: ", "written by ", "words by ", "reporting by ", "posted by ",
    "author: ", "authors: ", "author ",
  };
  guint i;

  if (strlen (line) > HEADLINE_MAX_CHARS)
    return NULL;

  for (i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (has_prefix_nocase (line, prefixes[i]))
      return parse_names (line + strlen (prefixes[i]), guess);

  return NULL;
}

/* Labels that read as "X by Name" and are no title themselves. */
static const char * const byline_labels[] = {
  "commentary", "analysis", "opinion", "interview", "essay", "article",
  "story", "column", "report", "post", "blog post", "op-ed", "review",
  "photos", "video", "words", "text", "reporting", "written", "posted",
  "published", "edited",
};

/* "Critical Questions by Diego Marroquín Bitar" */
static gboolean
parse_title_by_name (const char  *line,
                     char       **title,
                     char       **author,
                     Guess       *guess)
{
  const char *by;
  const char *hit;
  g_autofree char *head = NULL;
  g_autofree char *folded = NULL;
  gboolean label;
  char *names;
  gsize n;

  if (strlen (line) > HEADLINE_MAX_CHARS)
    return FALSE;

  /* The last " by " that is followed by names. */
  by = NULL;
  for (hit = line; (hit = strstr (hit, " by ")) != NULL; hit += 4)
    by = hit;
  if (by == NULL)
    return FALSE;

  head = g_strndup (line, by - line);
  g_strstrip (head);
  n = strlen (head);
  while (n > 0 && strchr (":,-|", head[n - 1]) != NULL)
    head[--n] = '\0';
  g_strchomp (head);

  if (head[0] == '\0' || count_words (head) > 8 || !has_letters (head))
    return FALSE;

  folded = g_utf8_casefold (head, -1);
  label = in_list (folded, byline_labels, G_N_ELEMENTS (byline_labels));

  /* A name for a series or a label ("Critical Questions by …"), not a
   * sentence ("The plan was approved by Maria Lopez."). */
  if (!label)
    {
      const char *last_word = strrchr (head, ' ');
      gunichar first;

      last_word = last_word != NULL ? last_word + 1 : head;
      first = g_utf8_get_char (last_word);
      if (g_str_has_suffix (line, ".") || !(g_unichar_isupper (first) || g_unichar_isdigit (first)))
        return FALSE;
    }

  names = parse_names (by + 4, guess);
  if (names == NULL)
    return FALSE;

  *title = label ? NULL : g_strdup (head);

  *author = names;

  return TRUE;
}

/* Sentences */

/* The length in bytes of the first sentence of @text, without its final
 * full stop (question and exclamation marks stay). */
static gsize
first_sentence_length (const char *text)
{
  const char *p;

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      const char *q;
      gunichar next;

      if (*p != '.' && *p != '?' && *p != '!')
        continue;

      q = p + 1;
      /* closing quotes and brackets after the stop */
      while (*q == '"' || *q == '\'' || *q == ')' ||
             g_str_has_prefix (q, "”") || g_str_has_prefix (q, "’"))
        q = g_utf8_next_char (q);

      if (*q == '\0')
        return *p == '.' && q == p + 1 ? (gsize) (p - text) : (gsize) (q - text);

      if (*q != ' ')
        continue;

      next = g_utf8_get_char (q + 1);
      if (!g_unichar_isupper (next) && !g_unichar_isdigit (next) &&
          next != '"' && next != 0x201C && next != 0x2018 && next != '\'')
        continue;

      if (*p == '.' && q == p + 1 && ends_abbreviation (text, p))
        continue;

      return *p == '.' && q == p + 1 ? (gsize) (p - text) : (gsize) (q - text);
    }

  return p - text;
}

/* A title from a line that is a whole paragraph: its first sentence, cut
 * at a clause boundary when that is too long. */
static char *
title_from_paragraph (const char *line)
{
  static const char * const boundaries[] = {
    ", ", "; ", ": ", " — ", " – ", " - ", " (",
  };
  g_autofree char *sentence = g_strndup (line, first_sentence_length (line));
  const char *cut = NULL;
  const char *p;
  glong chars = 0;

  if (g_utf8_strlen (sentence, -1) <= TITLE_MAX_CHARS)
    return g_steal_pointer (&sentence);

  for (p = sentence; *p && chars <= TITLE_MAX_CHARS; p = g_utf8_next_char (p), chars++)
    {
      guint i;

      if (chars < TITLE_MIN_CLAUSE)
        continue;

      for (i = 0; i < G_N_ELEMENTS (boundaries); i++)
        if (g_str_has_prefix (p, boundaries[i]))
          break;

      if (i < G_N_ELEMENTS (boundaries))
        {
          cut = p;
          break;
        }
    }

  if (cut == NULL)
    {
      /* No clause boundary in reach: the last word that fits. */
      const char *last_space = NULL;

      chars = 0;
      for (p = sentence; *p && chars < TITLE_MAX_CHARS; p = g_utf8_next_char (p), chars++)
        if (*p == ' ')
          last_space = p;

      if (last_space == NULL)
        last_space = p;

      return g_strdup_printf ("%.*s…", (int) (last_space - sentence), sentence);
    }

  return g_strndup (sentence, cut - sentence);
}

static gboolean
is_paragraph (const char *line,
              glong       chars)
{
  gsize sentence;

  if (chars > HEADLINE_MAX_CHARS)
    return TRUE;

  /* Two sentences make a paragraph, even a short one. */
  sentence = first_sentence_length (line);
  if (line[sentence] != '\0' && chars > 60)
    return TRUE;

  return FALSE;
}

static char *
title_from_headline (const char *line)
{
  gsize n = strlen (line);

  /* A full stop closing a one-sentence headline goes; "U.S." stays. */
  if (n > 1 && line[n - 1] == '.' && !ends_abbreviation (line, line + n - 1) &&
      first_sentence_length (line) == n - 1)
    return g_strndup (line, n - 1);

  return g_strdup (line);
}

/* "On December 19, 2025, …", "WASHINGTON, Sept. 9, 2025 — …" */
static void
parse_opening_date (const char *paragraph,
                    Guess      *guess)
{
  const char *p = paragraph;
  int year, month, day;
  gsize n;

  if (g_ascii_strncasecmp (p, "on ", 3) == 0)
    p += 3;
  else
    {
      const char *comma = strstr (p, ", ");
      const char *q;

      /* A dateline in capitals */
      if (comma == NULL || comma - p > 40)
        return;
      for (q = p; q < comma; q++)
        if (g_ascii_islower (*q))
          return;
      p = comma + 2;
    }

  n = parse_date_prefix (p, &year, &month, &day);
  if (n > 0 && (p[n] == ',' || date_ends_line (p + n) || p[n] == ' '))
    guess_set_date (guess, DATE_OPENING, year, month, day);
}

static void
guess_top (Guess      *guess,
           const char *body)
{
  g_autofree char *fallback_title = NULL;
  const char *p = body;
  guint seen = 0;
  guint after_title = 0;

  while (*p != '\0' && seen < TOP_LINES)
    {
      const char *eol = strchr (p, '\n');
      gsize length = eol != NULL ? (gsize) (eol - p) : strlen (p);
      g_autofree char *line = NULL;
      char *author = NULL;
      char *title = NULL;
      glong chars;

      line = clean_line (p, length);
      chars = length > LINE_MAX_BYTES ? G_MAXLONG : (line != NULL ? g_utf8_strlen (line, -1) : 0);
      p = eol != NULL ? eol + 1 : p + length;

      if (line == NULL)
        continue;

      seen++;
      if (guess->title != NULL && ++after_title > 8)
        break;

      if (!has_letters (line) && !g_ascii_isdigit (line[0]))
        continue;

      if (is_crumb (line))
        continue;

      if (parse_date_line (line, guess))
        continue;

      if (is_credit (line))
        continue;

      if ((author = parse_byline (line, guess)) != NULL)
        {
          guess_set_author (guess, author);
          continue;
        }

      if (is_meta_line (line))
        continue;

      if (guess->title == NULL && parse_title_by_name (line, &title, &author, guess))
        {
          guess_set_author (guess, author);
          if (title != NULL)
            guess->title = title;
          continue;
        }

      if (is_paragraph (line, chars))
        {
          if (guess->title == NULL)
            guess->title = title_from_paragraph (line);
          parse_opening_date (line, guess);
          break;
        }

      if (guess->title != NULL)
        continue;

      if (count_words (line) < 2)
        {
          if (fallback_title == NULL && g_unichar_isupper (g_utf8_get_char (line)))
            fallback_title = g_strdup (line);
          continue;
        }

      guess->title = title_from_headline (line);
    }

  if (guess->title == NULL)
    guess->title = g_steal_pointer (&fallback_title);
}

/* Outlet: "© 2025 by the Center for Strategic and International Studies.
 * All rights reserved." — and when the text names that holder with an
 * acronym ("… Studies (CSIS)"), the acronym. */

static char *
copyright_holder (const char *line)
{
  g_autofree char *copy = g_strdup (line);
  char *p = copy;
  char *end;
  gsize n;

  gboolean by = FALSE;

  /* Past "Copyright", "©", "(c)", years and "by". */
  for (;;)
    {
      while (*p == ' ' || *p == ',')
        p++;
      if (has_prefix_nocase (p, "copyright"))
        p += strlen ("copyright");
      else if (g_str_has_prefix (p, "©"))
        p += strlen ("©");
      else if (has_prefix_nocase (p, "(c)"))
        p += 3;
      else if (g_ascii_isdigit (*p) || *p == '-')
        p++;
      else if (g_str_has_prefix (p, "–"))
        p += strlen ("–");
      else if (has_prefix_nocase (p, "by "))
        {
          p += 3;
          by = TRUE;
        }
      else
        break;
    }

  /* "by the Center for …", but "The Washington Post" */
  if (by && has_prefix_nocase (p, "the "))
    p += 4;

  /* Up to the end of its sentence. */
  for (end = p; *end; end++)
    {
      if (*end == '|' || *end == ';')
        break;
      if (*end == '.' && (end[1] == '\0' || end[1] == ' ') && !ends_abbreviation (p, end))
        break;
      if (has_prefix_nocase (end, " all rights reserved"))
        break;
    }
  *end = '\0';

  g_strstrip (p);
  n = strlen (p);
  while (n > 0 && (strchr (",.-", p[n - 1]) != NULL || g_ascii_isdigit (p[n - 1]) || p[n - 1] == ' '))
    p[--n] = '\0';

  if (n < 2 || !has_letters (p) || g_utf8_strlen (p, -1) > 80)
    return NULL;

  /* "Rio Grande Policy Institute (RGPI)": the holder gives its acronym. */
  if (p[n - 1] == ')')
    {
      char *open = strrchr (p, '(');
      char *q = open != NULL ? open + 1 : NULL;

      while (q != NULL && (g_ascii_isupper (*q) || g_ascii_isdigit (*q) || *q == '&'))
        q++;
      if (q != NULL && q == p + n - 1 && q - open - 1 >= 2 && q - open - 1 <= 10 &&
          open > p && open[-1] == ' ')
        return g_strndup (open + 1, q - open - 1);
    }

  return g_strdup (p);
}

static char *
acronym_for (const char *body,
             const char *name)
{
  gsize name_len = strlen (name);
  const char *hit = body;

  while ((hit = strstr (hit, name)) != NULL)
    {
      const char *p = hit + name_len;
      const char *start;

      hit = p;
      if (!g_str_has_prefix (p, " ("))
        continue;

      start = p += 2;
      while (g_ascii_isupper (*p) || g_ascii_isdigit (*p) || *p == '&')
        p++;
      if (*p == ')' && p - start >= 2 && p - start <= 10 && g_ascii_isupper (*start))
        return g_strndup (start, p - start);
    }

  return NULL;
}

/* Whether a copyright mark opens @line (give or take a word). */
static gboolean
is_copyright_line (const char *line,
                   gsize       length)
{
  static const char * const marks[] = { "©", "copyright", "(c) " };
  gsize window = MIN (length, 16);
  gsize i, j;

  for (i = 0; i < window; i++)
    for (j = 0; j < G_N_ELEMENTS (marks); j++)
      {
        gsize n = strlen (marks[j]);

        if (i + n <= length && g_ascii_strncasecmp (line + i, marks[j], n) == 0)
          return TRUE;
      }

  return FALSE;
}

static char *
guess_outlet (const char *body)
{
  g_autofree char *holder = NULL;
  const char *p = body;
  char *acronym;

  /* The last copyright line wins: it is the page's footer. */
  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      gsize length = eol != NULL ? (gsize) (eol - p) : strlen (p);

      if (length <= 300 && is_copyright_line (p, length))
        {
          g_autofree char *line = g_strndup (p, length);
          char *found = copyright_holder (line);

          if (found != NULL)
            {
              g_free (holder);
              holder = found;
            }
        }

      p += length;
      if (*p == '\n')
        p++;
    }

  if (holder == NULL)
    return NULL;

  acronym = acronym_for (body, has_prefix_nocase (holder, "the ") ? holder + 4 : holder);
  if (acronym != NULL)
    return acronym;

  return g_steal_pointer (&holder);
}

void
dossier_metadata_guess (DossierMetadata *self,
                        const char      *body)
{
  Guess guess = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (body != NULL);

  guess_top (&guess, body);

  /* Each guess is one clean line, whatever the body's line held: a tab
   * inside a copyright line made an outlet name the sources table
   * refuses, so the outlet was silently dropped (found by fuzzing). */
  if (self->title == NULL)
    self->title = dossier_text_squeeze (guess.title);
  if (self->author == NULL)
    self->author = dossier_text_squeeze (guess.author);
  if (self->published == NULL)
    self->published = g_steal_pointer (&guess.date);
  if (self->outlet == NULL)
    {
      g_autofree char *outlet = guess_outlet (body);

      self->outlet = dossier_text_squeeze (outlet);
    }

  g_free (guess.title);
  g_free (guess.author);
  g_free (guess.date);
}
