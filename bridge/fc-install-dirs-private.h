/* fc-install-dirs-private.h: where an installed or uninstalled fc-bridge
 * finds its plugins, without a build or source path compiled in. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char **fc_install_plugin_dirs (void);

G_END_DECLS
