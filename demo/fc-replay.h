#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @plugin_path: (nullable): directories searched for plugins before the
 * default search path (fc_plugin_store_new()) */
int fc_replay_run (const char *file, const char *const *plugin_path, GString *out);

G_END_DECLS
