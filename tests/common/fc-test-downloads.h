/* Downloads for tests of the recorder's resource loader
 * (video-recognition/fc-resource-loader.c): servers on loopback in the
 * test's process, and a load run to its end. Shared by
 * tests/video/test-recorder-resources.c and tests/hostile/test-hostile-urls.c,
 * which compile fc-test-downloads.c themselves: the fc-test-common library
 * links neither libsoup nor the recorder. */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "fc-resource-loader.h"

G_BEGIN_DECLS

/* A SoupServer on 127.0.0.1 calling HANDLER for every path; *PORT is the
 * port it listens on. */
SoupServer *fc_test_soup_server_new (SoupServerCallback handler, guint *port);

/* A raw socket on 127.0.0.1, for what a well-behaved HTTP server does not
 * do: INCOMING is connected to GSocketService::incoming; *PORT is the port
 * it listens on. */
GSocketService *fc_test_socket_service_new (GCallback incoming, guint *port);
/* Stops SERVICE, closes its socket and drops it. */
void fc_test_socket_service_free (GSocketService *service);

/* What fc_resource_loader_load_finish gave, once DONE. */
typedef struct
{
  gboolean done;
  GBytes *bytes;
  char *type;
  GError *error;
} FcTestLoad;

/* Starts loading SRC as KIND into R (emptied first); R->done is set once
 * it has finished, on the default main context. */
void fc_test_load_start (FcResourceLoader *loader, const char *src,
                         FcResourceKind kind, FcTestLoad *r);
/* Loads SRC as KIND into R, running the default main context until done. */
void fc_test_load (FcResourceLoader *loader, const char *src,
                   FcResourceKind kind, FcTestLoad *r);
void fc_test_load_clear (FcTestLoad *r);

G_END_DECLS
