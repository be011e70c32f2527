/* Stand-ins for the two plugin components, with the schemas the real ones
 * use, until those register themselves with the bridge. */
#pragma once

#include <fc-bridge.h>

G_BEGIN_DECLS

void fc_demo_register_test_components (FcRegistry *registry, const char *temp_dir);

G_END_DECLS
