/* dossier-shortcuts.c
 *
 * Copyright 2026 The Dossier Developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-shortcuts"

#include "config.h"

#include "dossier-shortcuts.h"

void
dossier_shortcuts_add_from_application (GtkShortcutController *controller,
                                        GtkApplication        *app,
                                        const char            *action_name,
                                        const char            *fallback,
                                        GtkShortcutAction     *action)
{
  g_autoptr(GtkShortcutAction) owned = action;
  g_auto(GStrv) accels = NULL;
  const char *fallbacks[] = { fallback, NULL };
  const char * const *keys;

  g_return_if_fail (GTK_IS_SHORTCUT_CONTROLLER (controller));
  g_return_if_fail (!app || GTK_IS_APPLICATION (app));
  g_return_if_fail (action_name != NULL);

  if (app != NULL)
    accels = gtk_application_get_accels_for_action (app, action_name);
  keys = accels != NULL && accels[0] != NULL ? (const char * const *)accels : fallbacks;

  if (owned == NULL)
    owned = gtk_named_action_new (action_name);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (keys[i]);

      if (trigger == NULL)
        {
          g_warning ("Cannot use the accelerator “%s” of %s", keys[i], action_name);
          continue;
        }

      gtk_shortcut_controller_add_shortcut (controller, gtk_shortcut_new (trigger, g_object_ref (owned)));
    }
}
