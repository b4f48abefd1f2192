/* dossier-application.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-application.h"
#include "dossier-screenshot.h"
#include "dossier-window.h"

struct _DossierApplication
{
  AdwApplication   parent_instance;

  DossierDatabase *database;
  GSettings       *settings;
  char            *sample_corpus_dir;
};

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, ADW_TYPE_APPLICATION)

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/dossier/Dossier",
                       NULL);
}

gboolean
dossier_application_open_database (DossierApplication  *self,
                                   const char          *path,
                                   GError             **error)
{
  g_autofree char *default_path = NULL;
  const char *env = g_getenv ("DOSSIER_DB");

  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), FALSE);

  if (self->database != NULL)
    return TRUE;

  if (path == NULL && env != NULL && env[0] != '\0')
    path = env;
  if (path == NULL)
    path = default_path = dossier_database_default_path ();

  self->database = dossier_database_open (path, error);

  return self->database != NULL;
}

DossierDatabase *
dossier_application_get_database (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);

  return self->database;
}

GSettings *
dossier_application_get_settings (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);

  return self->settings;
}

const char *
dossier_application_get_sample_corpus_dir (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);

  return self->sample_corpus_dir;
}

/* The database cannot be opened (damaged, newer, locked, read-only): say
 * why, touch nothing, and quit when the message is closed. */
static void
show_open_error (DossierApplication *self,
                 const GError       *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Cannot Open the Dossier Database"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (g_application_quit), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* DOSSIER_SCREENSHOT=FILE: for headless demos (build-aux/run without a
 * display), save what the window shows a few seconds after start, then
 * quit. */
static void
on_screenshot_saved (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DossierApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_screenshot_save_finish (GTK_WIDGET (source), result, &error))
    g_warning ("%s", error->message);

  g_application_quit (G_APPLICATION (self));
}

static gboolean
save_screenshot_and_quit (gpointer user_data)
{
  DossierApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (DOSSIER_IS_WINDOW (window))
    dossier_screenshot_save_async (GTK_WIDGET (window), g_getenv ("DOSSIER_SCREENSHOT"),
                                   on_screenshot_saved, g_object_ref (self));
  else
    g_application_quit (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

static void
dossier_application_activate (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!dossier_application_open_database (self, NULL, &error))
    {
      g_warning ("%s", error->message);
      show_open_error (self, error);
      return;
    }

  window = GTK_WINDOW (dossier_window_new (self));
  gtk_window_present (window);

  if (g_getenv ("DOSSIER_SCREENSHOT") != NULL)
    g_timeout_add_seconds (4, save_screenshot_and_quit, self);

  /* First launch: show the bundled sample corpus. Remembered, so a user
   * who deletes every document does not get it back uninvited. */
  if (!g_settings_get_boolean (self->settings, "sample-corpus-imported"))
    {
      g_settings_set_boolean (self->settings, "sample-corpus-imported", TRUE);
      if (!dossier_documents_exist (self->database))
        dossier_window_import_sample_corpus (DOSSIER_WINDOW (window));
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  DossierApplication *self = user_data;
  static const char *developers[] = { "The Dossier Developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Dossier"),
                        "developer-name", _("The Dossier Developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Highlight claims in articles and compose policy briefs"),
                        "website", "https://github.com/dossier/dossier",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

/* Every keyboard shortcut of the application, in one place. */
static const struct {
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.import-files", { "<Control>o", NULL } },
  { "win.import-folder", { "<Control><Shift>o", NULL } },
  { "win.show-themes", { "<Control>t", NULL } },
  { "win.show-sources", { "<Control><Shift>s", NULL } },
  { "win.show-corpus", { "<Alt>1", "<Control>1", NULL } },
  { "win.show-briefs", { "<Alt>2", "<Control>2", NULL } },
  { "themes.new", { "<Control>n", NULL } },
  { "sources.find", { "<Control>f", NULL } },
  { "win.search", { "<Control>k", NULL } },
  { "win.search-documents", { "<Control><Shift>f", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "reader.highlight", { "<Control>h", NULL } },
  { "reader.find", { "<Control>f", NULL } },
  { "reader.find-next", { "<Control>g", NULL } },
  { "reader.find-previous", { "<Control><Shift>g", NULL } },
  { "reader.edit-metadata", { "<Control>e", NULL } },
  { "claims.delete", { "Delete", NULL } },
  { "claims.back", { "Escape", "<Alt>Left", NULL } },
  { "briefs.new", { "<Control>n", NULL } },
  { "briefs.move-item-up", { "<Alt>Up", NULL } },
  { "briefs.move-item-down", { "<Alt>Down", NULL } },
  { "briefs.export", { "<Control><Shift>e", NULL } },
  { "briefs.copy-markdown", { "<Control><Shift>c", NULL } },
};

static void
dossier_application_startup (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  const char *sample;

  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accelerators[i].action,
                                           accelerators[i].accels);

  self->settings = g_settings_new (APP_ID);

  sample = g_getenv ("DOSSIER_SAMPLE_CORPUS");
  self->sample_corpus_dir = g_strdup (sample != NULL && sample[0] != '\0' ? sample : SAMPLE_CORPUS_DIR);
}

static void
dossier_application_shutdown (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);

  G_APPLICATION_CLASS (dossier_application_parent_class)->shutdown (app);

  g_clear_object (&self->database);
}

static void
dossier_application_finalize (GObject *object)
{
  DossierApplication *self = (DossierApplication *)object;

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->sample_corpus_dir, g_free);

  G_OBJECT_CLASS (dossier_application_parent_class)->finalize (object);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dossier_application_finalize;

  app_class->activate = dossier_application_activate;
  app_class->startup = dossier_application_startup;
  app_class->shutdown = dossier_application_shutdown;
}

static void
dossier_application_init (DossierApplication *self)
{
}
