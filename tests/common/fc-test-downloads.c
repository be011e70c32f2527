#include "fc-test-downloads.h"

#include <string.h>

/* ---- servers ---------------------------------------------------------- */

/* A SoupServer on 127.0.0.1 calling HANDLER for every path; *PORT is the
 * port it listens on. */
SoupServer *
fc_test_soup_server_new (SoupServerCallback handler, guint *port)
{
  g_autoptr (GError) error = NULL;
  SoupServer *server = soup_server_new (NULL, NULL);
  GSList *uris;

  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return server;
}

/* A raw socket on 127.0.0.1, for what a well-behaved HTTP server does not
 * do: INCOMING is connected to GSocketService::incoming; *PORT is the port
 * it listens on. */
GSocketService *
fc_test_socket_service_new (GCallback incoming, guint *port)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInetAddress) lo
      = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (lo, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  GSocketService *service = g_socket_service_new ();

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), any,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (service, "incoming", incoming, NULL);
  g_socket_service_start (service);
  return service;
}

/* Stops SERVICE, closes its socket and drops it. */
void
fc_test_socket_service_free (GSocketService *service)
{
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  g_object_unref (service);
}

/* ---- loading ---------------------------------------------------------- */

static void
fc_test_load_ready (GObject *source, GAsyncResult *res, gpointer data)
{
  FcTestLoad *r = data;

  r->bytes = fc_resource_loader_load_finish (FC_RESOURCE_LOADER (source), res,
                                             &r->type, &r->error);
  r->done = TRUE;
}

/* Starts loading SRC as KIND into R (emptied first); R->done is set once
 * it has finished, on the default main context. */
void
fc_test_load_start (FcResourceLoader *loader, const char *src,
                    FcResourceKind kind, FcTestLoad *r)
{
  memset (r, 0, sizeof *r);
  fc_resource_loader_load_async (loader, src, kind, NULL, fc_test_load_ready,
                                 r);
}

/* Loads SRC as KIND into R, running the default main context until done. */
void
fc_test_load (FcResourceLoader *loader, const char *src, FcResourceKind kind,
              FcTestLoad *r)
{
  fc_test_load_start (loader, src, kind, r);
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
}

void
fc_test_load_clear (FcTestLoad *r)
{
  g_clear_pointer (&r->bytes, g_bytes_unref);
  g_clear_pointer (&r->type, g_free);
  g_clear_error (&r->error);
}
