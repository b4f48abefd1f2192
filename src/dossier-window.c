/* dossier-window.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-briefs-view.h"
#include "dossier-claims-pane.h"
#include "dossier-document-list.h"
#include "dossier-reader.h"
#include "dossier-search-window.h"
#include "dossier-sources-window.h"
#include "dossier-themes-window.h"
#include "dossier-window.h"

struct _DossierWindow
{
  AdwApplicationWindow  parent_instance;

  DossierDatabase      *database;
  GSettings            *settings;
  GCancellable         *import_cancellable;
  gint64                import_last_id;   /* the highest document id before the import */
  AdwToast             *import_toast;     /* weak: the last import's summary, until dismissed */
  GtkWindow            *themes_window;    /* weak */
  GtkWindow            *sources_window;   /* weak */
  GtkWindow            *search_window;    /* weak; hidden, not destroyed, on close */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkStack             *main_stack;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;
  DossierDocumentList  *document_list;
  DossierReader        *reader;
  DossierClaimsPane    *claims_pane;
  DossierBriefsView    *briefs_view;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkButton            *import_cancel_button;
};

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

/* Seconds an import summary stays up (AdwToast's default), unless it has
 * to be read. */
#define IMPORT_TOAST_TIMEOUT 5

static void set_up (DossierWindow *self);

DossierWindow *
dossier_window_new (DossierApplication *application)
{
  DossierWindow *self;

  g_return_val_if_fail (DOSSIER_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (dossier_application_get_database (application) != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_WINDOW,
                       "application", application,
                       NULL);
  set_up (self);

  return self;
}

DossierDatabase *
dossier_window_get_database (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->database;
}

void
dossier_window_add_toast (DossierWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The welcome page while the corpus is empty, the corpus otherwise. */
static void
update_page (DossierWindow *self)
{
  gboolean any = dossier_documents_exist (self->database);

  gtk_stack_set_visible_child_name (self->main_stack, any ? "corpus" : "welcome");
}

static void
on_database_changed (DossierWindow *self,
                     guint          what,
                     gint64         document_id)
{
  if (what & DOSSIER_CHANGE_DOCUMENTS)
    update_page (self);
}

static void
on_document_activated (DossierWindow *self,
                       gint64         document_id)
{
  dossier_reader_set_document_id (self->reader, document_id);
  dossier_claims_pane_set_document_id (self->claims_pane, document_id);
}

static void
on_reader_claim_activated (DossierWindow *self,
                           gint64         claim_id)
{
  dossier_claims_pane_select_claim (self->claims_pane, claim_id, FALSE);
}

static void
on_reader_claim_created (DossierWindow *self,
                         gint64         claim_id)
{
  dossier_claims_pane_select_claim (self->claims_pane, claim_id, TRUE);
}

static void
on_claims_pane_claim_selected (DossierWindow *self,
                               gint64         claim_id)
{
  g_autoptr(DossierClaim) claim = dossier_claims_get (self->database, claim_id, NULL);

  if (claim == NULL)
    return;

  /* A card of All Claims may belong to another document: open it, so the
   * list, the reader and the pane agree on what is shown. */
  if (dossier_claim_get_document_id (claim) != dossier_reader_get_document_id (self->reader))
    dossier_document_list_select (self->document_list, dossier_claim_get_document_id (claim));

  dossier_reader_reveal_claim (self->reader, claim_id);
}

/* Import */

static void
on_import_progress (guint       done,
                    guint       total,
                    const char *display_path,
                    gpointer    user_data)
{
  DossierWindow *self = user_data;
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;

  /* A last report can arrive after Cancel, or after the window closed. */
  if (self->import_cancellable == NULL || self->import_label == NULL ||
      g_cancellable_is_cancelled (self->import_cancellable))
    return;

  basename = g_path_get_basename (display_path);
  /* Translators: import progress, as in "Importing 12 of 340: levee.txt" */
  text = g_strdup_printf (_("Importing %u of %u: %s"), done, total, basename);
  gtk_label_set_label (self->import_label, text);
  gtk_progress_bar_set_fraction (self->import_progress, total > 0 ? (double)done / total : 0.0);
}

static void
on_failures_response (AdwMessageDialog *dialog,
                      const char       *response)
{
  if (g_strcmp0 (response, "copy") == 0)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)),
                            g_object_get_data (G_OBJECT (dialog), "failures"));
}

/* The Details of an import toast: each file that failed, with why. */
static void
show_failures (AdwToast      *toast,
               DossierWindow *self)
{
  DossierImportReport *report = g_object_get_data (G_OBJECT (toast), "report");
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *scroller, *list;
  AdwMessageDialog *dialog;

  /* The toast of an import without failures has no Details button. */
  if (report == NULL)
    return;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Files not imported"),
                                  -1);

  for (guint i = 0; i < report->results->len; i++)
    {
      DossierImportResult *result = g_ptr_array_index (report->results, i);
      g_autofree char *basename = NULL;
      GtkWidget *row;

      if (result->status != DOSSIER_IMPORT_FAILED)
        continue;

      basename = g_path_get_basename (result->display_path);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), basename);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), result->error);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_tooltip_text (row, result->display_path);
      gtk_list_box_append (GTK_LIST_BOX (list), row);

      g_string_append_printf (text, "%s: %s\n", result->display_path, result->error);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       ngettext ("A File Was Not Imported",
                                                                 "Files Not Imported",
                                                                 report->failed),
                                                       NULL));
  if (report->imported + report->duplicates > 0)
    adw_message_dialog_set_body (dialog, _("The other files were imported, or were already there."));
  adw_message_dialog_set_extra_child (dialog, scroller);
  adw_message_dialog_add_responses (dialog,
                                    "copy", _("C_opy List"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), "failures",
                          g_string_free (g_steal_pointer (&text), FALSE), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_failures_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_toast_dismissed (DossierWindow *self,
                           AdwToast      *toast)
{
  if (self->import_toast == toast)
    g_clear_weak_pointer (&self->import_toast);
}

/* Shows the summary of an import: @title (markup), for @timeout seconds
 * (0: until dismissed), with a Details button when @report (transfer
 * full, nullable) lists failures.
 *
 * While the previous import's toast is still up, it changes in place
 * rather than being dismissed for a new one, so a new summary never
 * queues behind one waiting for Details. Changing it in place also keeps
 * clear of a bug of libadwaita 1.2's AdwToastOverlay: a toast shown while
 * another fades out slides in for 500 ms, one dismissed fades out in
 * 300 ms, and when the fade-out ends first the overlay frees the toast's
 * bookkeeping while the slide-in still refers to it (a use after free,
 * which crashed the window when it closed or the slide-in ended). Both a
 * dismiss-then-add here and a click on Details soon after caused it. */
static void
show_import_toast (DossierWindow       *self,
                   const char          *title,
                   guint                timeout,
                   DossierImportReport *report)
{
  AdwToast *toast = self->import_toast;

  if (toast != NULL)
    {
      adw_toast_set_title (toast, title);
      /* Adding a toast the overlay shows resets its timeout, and one it
       * queues moves up; either way it takes back the reference. */
      g_object_ref (toast);
    }
  else
    {
      toast = adw_toast_new (title);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_failures), self, 0);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_import_toast_dismissed), self,
                               G_CONNECT_SWAPPED);
      g_set_weak_pointer (&self->import_toast, toast);
    }

  adw_toast_set_timeout (toast, timeout);
  adw_toast_set_button_label (toast, report != NULL ? _("_Details") : NULL);
  g_object_set_data_full (G_OBJECT (toast), "report", report, (GDestroyNotify)dossier_import_report_free);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The first new document; when all were already there, the first of
 * those, so that a dropped file always shows. */
static gint64
first_to_open (DossierImportReport *report)
{
  gint64 duplicate = 0;

  for (guint i = 0; i < report->results->len; i++)
    {
      DossierImportResult *result = g_ptr_array_index (report->results, i);

      if (result->status == DOSSIER_IMPORT_IMPORTED)
        return result->document;
      if (result->status == DOSSIER_IMPORT_DUPLICATE && duplicate == 0)
        duplicate = result->document;
    }

  return duplicate;
}

/* What follows an import, each in a main loop iteration of its own so
 * that none holds up the window for long (10,000 documents: about 25 ms
 * for the lists, 10 ms to open the first one): the views follow what the
 * import added, then the first new document opens. */
typedef struct
{
  DossierWindow *self;
  gint64         open_id;
  guint          step;
} AfterImport;

static void
after_import_free (gpointer data)
{
  AfterImport *after = data;

  g_object_unref (after->self);
  g_free (after);
}

static gboolean
after_import_step (gpointer data)
{
  AfterImport *after = data;
  DossierWindow *self = after->self;

  /* The window closed meanwhile. */
  if (self->document_list == NULL)
    return G_SOURCE_REMOVE;

  if (after->step++ == 0)
    {
      /* The import ran on a connection of its own: tell this one's views. */
      dossier_database_emit_changed (self->database, DOSSIER_CHANGE_DOCUMENTS | DOSSIER_CHANGE_SOURCES, 0);
      return after->open_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
    }

  dossier_document_list_select (self->document_list, after->open_id);

  return G_SOURCE_REMOVE;
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(DossierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) count_error = NULL;
  gint64 first_new = 0;
  AfterImport *after;
  guint kept;

  report = dossier_import_finish (result, &error);
  g_clear_object (&self->import_cancellable);

  /* The window closed meanwhile. */
  if (self->import_revealer == NULL)
    return;

  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_cancel_button), TRUE);

  if (report == NULL)
    {
      /* Cancelled, or the database failed: what was committed is kept,
       * and the ids say how much that is. */
      kept = dossier_documents_count_after (self->database, self->import_last_id, &first_new, &count_error);
      if (count_error != NULL)
        g_warning ("Cannot count imported documents: %s", count_error->message);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *title = NULL;

          if (kept > 0)
            title = g_strdup_printf (ngettext ("Import cancelled: the document imported before is kept",
                                               "Import cancelled: the %u documents imported before are kept",
                                               kept),
                                     kept);
          else
            title = g_strdup (_("Import cancelled: nothing was imported"));
          show_import_toast (self, title, IMPORT_TOAST_TIMEOUT, NULL);
        }
      else
        {
          /* Toast titles are markup; the message names files. */
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          show_import_toast (self, escaped, 0, NULL);
        }
    }
  else if (report->results->len == 0)
    show_import_toast (self, _("Nothing to import: Dossier reads .txt, .md and .html files"),
                       IMPORT_TOAST_TIMEOUT, NULL);
  else
    {
      g_autofree char *summary = dossier_import_report_summary (report);

      first_new = first_to_open (report);
      /* With failures it stays until read: it is the only way to the
       * reasons. */
      if (report->failed > 0)
        show_import_toast (self, summary, 0, g_steal_pointer (&report));
      else
        show_import_toast (self, summary, IMPORT_TOAST_TIMEOUT, NULL);
    }

  after = g_new0 (AfterImport, 1);
  after->self = g_object_ref (self);
  after->open_id = first_new;
  g_idle_add_full (G_PRIORITY_DEFAULT, after_import_step, after, after_import_free);
}

void
dossier_window_import (DossierWindow      *self,
                       const char * const *paths)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (self->import_cancellable != NULL)
    {
      AdwToast *toast = adw_toast_new (_("An import is already running: wait for it or cancel it"));

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  /* Ids only grow: anything above this one is new. */
  self->import_last_id = dossier_documents_get_last_id (self->database, &error);
  if (self->import_last_id < 0)
    {
      g_warning ("Cannot read the last document id: %s", error->message);
      self->import_last_id = G_MAXINT64;
    }

  self->import_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->import_label, _("Preparing import…"));
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_cancel_button), TRUE);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);

  dossier_import_async (dossier_database_get_path (self->database), paths,
                        on_import_progress, g_object_ref (self), g_object_unref,
                        self->import_cancellable, on_import_done, g_object_ref (self));
}

void
dossier_window_import_sample_corpus (DossierWindow *self)
{
  DossierApplication *app;
  const char *paths[2] = { NULL, NULL };

  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  app = DOSSIER_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  paths[0] = dossier_application_get_sample_corpus_dir (app);

  if (!g_file_test (paths[0], G_FILE_TEST_IS_DIR))
    {
      g_warning ("The sample corpus is missing from %s", paths[0]);
      return;
    }

  dossier_window_import (self, paths);
}

/* What was imported before stays; the summary says how much. */
static void
on_import_cancel_clicked (DossierWindow *self)
{
  if (self->import_cancellable == NULL)
    return;

  g_cancellable_cancel (self->import_cancellable);
  gtk_label_set_label (self->import_label, _("Cancelling import…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_cancel_button), FALSE);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     DossierWindow   *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);

      dossier_window_import (self, (const char * const *)paths->pdata);
    }

  g_object_unref (chooser);
}

static void
choose_and_import (DossierWindow        *self,
                   GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  gboolean folders = action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

  chooser = gtk_file_chooser_native_new (folders ? _("Import Folder") : _("Import Files"),
                                         GTK_WINDOW (self), action, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  if (!folders)
    {
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Text, Markdown and HTML"));
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "md");
      gtk_file_filter_add_suffix (filter, "markdown");
      gtk_file_filter_add_suffix (filter, "html");
      gtk_file_filter_add_suffix (filter, "htm");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_files_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_and_import (DOSSIER_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_and_import (DOSSIER_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
search_documents_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  dossier_document_list_focus_search (self->document_list);
}

/* Search everywhere (Ctrl+K) */

/* A result opens on the Corpus page, in the document list and the reader
 * as if chosen there. */
static gboolean
open_document (DossierWindow *self,
               gint64         document_id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "corpus");

  if (dossier_reader_get_document_id (self->reader) == document_id &&
      dossier_document_list_get_selected_id (self->document_list) == document_id)
    return TRUE;

  return dossier_document_list_select (self->document_list, document_id);
}

/* A document found: the reader shows its first match of the words
 * searched, selected. (A match only in the title shows the top.) */
static void
on_search_document_activated (DossierWindow *self,
                              gint64         document_id,
                              const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint start, end;

  if (!open_document (self, document_id))
    return;

  if (!(body = dossier_documents_get_body (self->database, document_id, &error)))
    g_warning ("Cannot read document %" G_GINT64_FORMAT ": %s", document_id, error->message);
  else if (text != NULL && dossier_search_match_first (text, body, &start, &end))
    dossier_reader_reveal_range (self->reader, start, end);

  gtk_widget_grab_focus (GTK_WIDGET (self->reader));
}

/* A claim found: its document opens, its card is selected, and the
 * reader shows it selected. */
static void
on_search_claim_activated (DossierWindow *self,
                           gint64         claim_id)
{
  g_autoptr(DossierClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  if (!(claim = dossier_claims_get (self->database, claim_id, &error)))
    {
      g_warning ("Cannot open claim %" G_GINT64_FORMAT ": %s", claim_id, error->message);
      return;
    }

  if (!open_document (self, dossier_claim_get_document_id (claim)))
    return;

  dossier_claims_pane_select_claim (self->claims_pane, claim_id, FALSE);
  /* All Claims, filtered so as to hide it: show this document's. */
  if (dossier_claims_pane_get_selected_claim (self->claims_pane) != claim_id)
    {
      dossier_claims_pane_set_show_all (self->claims_pane, FALSE);
      dossier_claims_pane_select_claim (self->claims_pane, claim_id, FALSE);
    }

  dossier_reader_reveal_claim (self->reader, claim_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->search_window == NULL)
    {
      self->search_window = GTK_WINDOW (dossier_search_window_new (GTK_WINDOW (self), self->database));
      g_object_add_weak_pointer (G_OBJECT (self->search_window), (gpointer *)&self->search_window);
      g_signal_connect_object (self->search_window, "document-activated",
                               G_CALLBACK (on_search_document_activated), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->search_window, "claim-activated",
                               G_CALLBACK (on_search_claim_activated), self, G_CONNECT_SWAPPED);
    }

  dossier_search_window_present_search (DOSSIER_SEARCH_WINDOW (self->search_window));
}

/* The Themes and Sources windows: one of each, presented again when open. */
static void
show_themes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->themes_window == NULL)
    {
      self->themes_window = GTK_WINDOW (dossier_themes_window_new (GTK_WINDOW (self), self->database));
      g_object_add_weak_pointer (G_OBJECT (self->themes_window), (gpointer *)&self->themes_window);
    }

  gtk_window_present (self->themes_window);
}

static void
show_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->sources_window == NULL)
    {
      self->sources_window = GTK_WINDOW (dossier_sources_window_new (GTK_WINDOW (self), self->database));
      g_object_add_weak_pointer (G_OBJECT (self->sources_window), (gpointer *)&self->sources_window);
    }

  gtk_window_present (self->sources_window);
}

/* Closes a Themes or Sources window along with this one. */
static void
close_helper_window (GtkWindow **slot)
{
  GtkWindow *window = *slot;

  if (window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *)slot);
      *slot = NULL;
      gtk_window_destroy (window);
    }
}

/* Files and folders dropped on the window are imported. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DossierWindow *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }

  if (paths->len == 0)
    return FALSE;

  g_ptr_array_add (paths, NULL);
  dossier_window_import (self, (const char * const *)paths->pdata);

  return TRUE;
}

/* win.show-corpus, win.show-briefs: the page of the view switcher. */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack,
                                         g_str_equal (action_name, "win.show-briefs") ? "briefs" : "corpus");
}

/* Connects the window to the application's database and settings; the
 * "application" property is only set after construction. */
static void
set_up (DossierWindow *self)
{
  DossierApplication *app = DOSSIER_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  self->database = g_object_ref (dossier_application_get_database (app));
  self->settings = g_object_ref (dossier_application_get_settings (app));

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sidebar-position", self->outer_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reader-width", self->inner_paned, "position", G_SETTINGS_BIND_DEFAULT);

  dossier_document_list_set_database (self->document_list, self->database);
  dossier_reader_set_database (self->reader, self->database);
  dossier_claims_pane_set_database (self->claims_pane, self->database);
  dossier_briefs_view_set_settings (self->briefs_view, self->settings);
  dossier_briefs_view_set_database (self->briefs_view, self->database);

  g_signal_connect_object (self->database, "changed", G_CALLBACK (on_database_changed), self, G_CONNECT_SWAPPED);
  update_page (self);
}

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = (DossierWindow *)object;

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  close_helper_window (&self->themes_window);
  close_helper_window (&self->sources_window);
  close_helper_window (&self->search_window);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_finalize (GObject *object)
{
  DossierWindow *self = (DossierWindow *)object;

  g_clear_object (&self->import_cancellable);
  g_clear_weak_pointer (&self->import_toast);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_window_parent_class)->finalize (object);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  object_class->finalize = dossier_window_finalize;

  g_type_ensure (DOSSIER_TYPE_DOCUMENT_LIST);
  g_type_ensure (DOSSIER_TYPE_READER);
  g_type_ensure (DOSSIER_TYPE_CLAIMS_PANE);
  g_type_ensure (DOSSIER_TYPE_BRIEFS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, claims_pane);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, briefs_view);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_document_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_reader_claim_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_reader_claim_created);
  gtk_widget_class_bind_template_callback (widget_class, on_claims_pane_claim_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_import_cancel_clicked);

  gtk_widget_class_install_action (widget_class, "win.import-files", NULL, import_files_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.search-documents", NULL, search_documents_action);
  gtk_widget_class_install_action (widget_class, "win.show-themes", NULL, show_themes_action);
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.show-corpus", NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-briefs", NULL, show_view_action);
}

static void
dossier_window_init (DossierWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
