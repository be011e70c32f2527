/* fc-demo-pages.h: the sample mini-program's page code, in C: the
 * handlers its .fxml files name (bind:onRecordEnd="onRecordEnd", ...),
 * registered by name in a callback scope, and each page's onLoad. */
#pragma once

#include "fc-demo-host.h"

G_BEGIN_DECLS

/* A scope with every sample page's handlers, calling @host. */
FcCallbackScope *fc_demo_pages_new_scope (FcDemoHost *host);

/* Mounts @page_path with @data (see fc_demo_host_page_data()) in a new
 * page whose navigators call fc_demo_host_navigate_to(), then runs the
 * page's onLoad. */
FcPage *fc_demo_pages_mount (FcDemoHost *host, const char *page_path, FcValue *data, GError **error);


G_END_DECLS
