#include "fc-test-portal.h"

#include <errno.h>
#include <gio/gunixfdlist.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define BUS_NAME "org.freedesktop.portal.Desktop"
#define OBJECT_PATH "/org/freedesktop/portal/desktop"
#define REQUEST_PREFIX OBJECT_PATH "/request/"
#define CAMERA_INTERFACE "org.freedesktop.portal.Camera"
#define REQUEST_INTERFACE "org.freedesktop.portal.Request"
#define CAMERA_VERSION 1

/* The two interfaces as xdg-desktop-portal's documentation gives them. */
static const char introspection_xml[]
    = "<node>"
      " <interface name='" CAMERA_INTERFACE "'>"
      "  <method name='AccessCamera'>"
      "   <arg type='a{sv}' name='options' direction='in'/>"
      "   <arg type='o' name='handle' direction='out'/>"
      "  </method>"
      "  <method name='OpenPipeWireRemote'>"
      "   <arg type='a{sv}' name='options' direction='in'/>"
      "   <arg type='h' name='fd' direction='out'/>"
      "  </method>"
      "  <property name='IsCameraPresent' type='b' access='read'/>"
      "  <property name='version' type='u' access='read'/>"
      " </interface>"
      " <interface name='" REQUEST_INTERFACE "'>"
      "  <method name='Close'/>"
      "  <signal name='Response'>"
      "   <arg type='u' name='response'/>"
      "   <arg type='a{sv}' name='results'/>"
      "  </signal>"
      " </interface>"
      "</node>";

typedef struct
{
  FcTestPortal *portal;
  char *path;
  char *sender;
  guint registration;
  guint response;
  GSource *respond; /* the Response to come; NULL while the dialog is up */
} Request;

struct _FcTestPortal
{
  GDBusConnection *bus; /* a connection of its own, not the shared one */
  GDBusNodeInfo *info;
  GMainContext *context;
  GMainLoop *loop;
  GThread *thread;
  guint camera_registration;

  /* the portal's thread only (and fc_test_portal_free, after it) */
  GHashTable *requests; /* path -> Request */
  GHashTable *allowed;  /* unique names that were granted access */
  guint next_token;

  /* shared with the test */
  GMutex lock;
  FcTestPortalAnswer answer;
  gboolean camera_present;
  char *remote_error;
  GHashTable *calls; /* what -> count */
};

static void
count_call (FcTestPortal *portal, const char *what)
{
  gpointer n;

  g_mutex_lock (&portal->lock);
  n = g_hash_table_lookup (portal->calls, what);
  g_hash_table_insert (portal->calls, g_strdup (what),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
  g_mutex_unlock (&portal->lock);
}

static void
request_free (Request *request)
{
  g_dbus_connection_unregister_object (request->portal->bus,
                                       request->registration);
  if (request->respond != NULL)
    {
      g_source_destroy (request->respond);
      g_source_unref (request->respond);
    }
  g_free (request->path);
  g_free (request->sender);
  g_free (request);
}

/* As xdg-desktop-portal: the Response goes to the caller alone, and the
 * request is unexported after it. */
static gboolean
respond_cb (gpointer data)
{
  Request *request = data;
  FcTestPortal *portal = request->portal;
  GVariant *results = g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0);
  g_autoptr (GError) error = NULL;

  if (request->response == 0)
    g_hash_table_add (portal->allowed, g_strdup (request->sender));
  if (!g_dbus_connection_emit_signal (
          portal->bus, request->sender, request->path, REQUEST_INTERFACE,
          "Response", g_variant_new ("(u@a{sv})", request->response, results),
          &error))
    g_warning ("fake portal: cannot emit Response: %s", error->message);
  g_hash_table_remove (portal->requests, request->path);
  return G_SOURCE_REMOVE;
}

static void
request_method_call (GDBusConnection *bus, const char *sender, const char *path,
                     const char *interface, const char *method,
                     GVariant *parameters, GDBusMethodInvocation *invocation,
                     gpointer data)
{
  FcTestPortal *portal = data;

  g_assert_cmpstr (method, ==, "Close");
  count_call (portal, "Close");
  g_hash_table_remove (portal->requests, path);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable request_vtable = { request_method_call };

/* The request's path is the caller's unique name (without ':', '.' made
 * '_') and its handle_token under REQUEST_PREFIX: callers subscribe to
 * its Response before they call. */
static void
access_camera (FcTestPortal *portal, const char *sender, GVariant *parameters,
               GDBusMethodInvocation *invocation)
{
  g_autoptr (GVariant) options = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *generated = NULL, *caller = g_strdup (sender + 1);
  const char *token = NULL;
  FcTestPortalAnswer answer;
  Request *request;

  g_variant_get (parameters, "(@a{sv})", &options);
  if (!g_variant_lookup (options, "handle_token", "&s", &token))
    token = generated = g_strdup_printf ("t%u", ++portal->next_token);
  g_strdelimit (caller, ".", '_');
  request = g_new0 (Request, 1);
  request->portal = portal;
  request->path = g_strconcat (REQUEST_PREFIX, caller, "/", token, NULL);
  request->sender = g_strdup (sender);
  if (!g_variant_is_object_path (request->path))
    {
      g_dbus_method_invocation_return_dbus_error (
          invocation, "org.freedesktop.portal.Error.InvalidArgument",
          "Invalid token");
      g_free (request->path);
      g_free (request->sender);
      g_free (request);
      return;
    }
  request->registration = g_dbus_connection_register_object (
      portal->bus, request->path, portal->info->interfaces[1], &request_vtable,
      portal, NULL, &error);
  if (request->registration == 0)
    {
      g_dbus_method_invocation_return_dbus_error (
          invocation, "org.freedesktop.portal.Error.Failed", error->message);
      g_free (request->path);
      g_free (request->sender);
      g_free (request);
      return;
    }
  g_hash_table_insert (portal->requests, request->path, request);
  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(o)", request->path));

  g_mutex_lock (&portal->lock);
  answer = portal->answer;
  g_mutex_unlock (&portal->lock);
  if (answer == FC_TEST_PORTAL_PENDING)
    return;
  /* after the reply, as a dialog would answer */
  request->response = (guint)answer;
  request->respond = g_idle_source_new ();
  g_source_set_callback (request->respond, respond_cb, request, NULL);
  g_source_attach (request->respond, portal->context);
}

/* A new connection to the test PipeWire daemon: what the real portal
 * hands out, less the permissions it restricts to cameras. */
static int
connect_pipewire (GError **error)
{
  const char *runtime = g_getenv ("XDG_RUNTIME_DIR");
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd;

  if (runtime == NULL
      || (gsize)g_snprintf (addr.sun_path, sizeof addr.sun_path,
                            "%s/pipewire-0", runtime)
             >= sizeof addr.sun_path)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "no PipeWire socket");
      return -1;
    }
  fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || connect (fd, (struct sockaddr *)&addr, sizeof addr) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot connect to %s: %s", addr.sun_path,
                   g_strerror (saved));
      return -1;
    }
  return fd;
}

static void
open_pipewire_remote (FcTestPortal *portal, const char *sender,
                      GDBusMethodInvocation *invocation)
{
  g_autoptr (GUnixFDList) fds = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *failure = NULL;
  int fd;

  g_mutex_lock (&portal->lock);
  failure = g_strdup (portal->remote_error);
  g_mutex_unlock (&portal->lock);
  if (failure != NULL)
    {
      g_dbus_method_invocation_return_dbus_error (
          invocation, "org.freedesktop.portal.Error.Failed", failure);
      return;
    }
  /* xdg-desktop-portal checks the permission AccessCamera recorded */
  if (!g_hash_table_contains (portal->allowed, sender))
    {
      g_dbus_method_invocation_return_dbus_error (
          invocation, "org.freedesktop.portal.Error.NotAllowed",
          "Permission denied");
      return;
    }
  fd = connect_pipewire (&error);
  if (fd < 0)
    {
      g_dbus_method_invocation_return_dbus_error (
          invocation, "org.freedesktop.portal.Error.Failed", error->message);
      return;
    }
  fds = g_unix_fd_list_new_from_array (&fd, 1); /* takes the fd */
  g_dbus_method_invocation_return_value_with_unix_fd_list (
      invocation, g_variant_new ("(h)", 0), fds);
}

static void
camera_method_call (GDBusConnection *bus, const char *sender, const char *path,
                    const char *interface, const char *method,
                    GVariant *parameters, GDBusMethodInvocation *invocation,
                    gpointer data)
{
  FcTestPortal *portal = data;

  count_call (portal, method);
  if (g_str_equal (method, "AccessCamera"))
    access_camera (portal, sender, parameters, invocation);
  else
    open_pipewire_remote (portal, sender, invocation);
}

static GVariant *
camera_get_property (GDBusConnection *bus, const char *sender, const char *path,
                     const char *interface, const char *property,
                     GError **error, gpointer data)
{
  FcTestPortal *portal = data;
  gboolean present;

  if (g_str_equal (property, "version"))
    return g_variant_new_uint32 (CAMERA_VERSION);
  count_call (portal, property);
  g_mutex_lock (&portal->lock);
  present = portal->camera_present;
  g_mutex_unlock (&portal->lock);
  return g_variant_new_boolean (present);
}

static const GDBusInterfaceVTable camera_vtable
    = { camera_method_call, camera_get_property, NULL };

static gpointer
portal_thread (gpointer data)
{
  FcTestPortal *portal = data;

  g_main_context_push_thread_default (portal->context);
  g_main_loop_run (portal->loop);
  g_main_context_pop_thread_default (portal->context);
  return NULL;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static guint32
bus_name_call (GDBusConnection *bus, const char *method, GVariant *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = g_dbus_connection_call_sync (
      bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
      "org.freedesktop.DBus", method, args, G_VARIANT_TYPE ("(u)"),
      G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  guint32 result = 0;

  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  return result;
}

FcTestPortal *
fc_test_portal_new (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *address = NULL;
  FcTestPortal *portal;

  /* Never on the desktop's own session bus: only in tests/testenv.sh's. */
  if (g_getenv ("FC_TEST_CAMERA_NODE") == NULL)
    {
      g_test_skip ("no test environment: run the suite through ./run test");
      return NULL;
    }
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  portal = g_new0 (FcTestPortal, 1);
  g_mutex_init (&portal->lock);
  portal->answer = FC_TEST_PORTAL_ALLOW;
  portal->camera_present = TRUE;
  portal->calls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  portal->requests = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify)request_free);
  portal->allowed
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  portal->info = g_dbus_node_info_new_for_xml (introspection_xml, &error);
  g_assert_no_error (error);
  portal->bus = g_dbus_connection_new_for_address_sync (
      address,
      G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
          | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
      NULL, NULL, &error);
  g_assert_no_error (error);
  portal->context = g_main_context_new ();
  portal->loop = g_main_loop_new (portal->context, FALSE);

  /* Calls are dispatched on the context registrations are made in. */
  g_main_context_push_thread_default (portal->context);
  portal->camera_registration = g_dbus_connection_register_object (
      portal->bus, OBJECT_PATH, portal->info->interfaces[0], &camera_vtable,
      portal, NULL, &error);
  g_main_context_pop_thread_default (portal->context);
  g_assert_no_error (error);

  /* 4: DBUS_NAME_FLAG_DO_NOT_QUEUE; 1: the primary owner */
  if (bus_name_call (portal->bus, "RequestName",
                     g_variant_new ("(su)", BUS_NAME, 4))
      != 1)
    {
      g_test_skip ("another portal owns " BUS_NAME);
      fc_test_portal_free (portal);
      return NULL;
    }
  portal->thread = g_thread_new ("fc-test-portal", portal_thread, portal);
  return portal;
}

void
fc_test_portal_set_answer (FcTestPortal *portal, FcTestPortalAnswer answer)
{
  g_mutex_lock (&portal->lock);
  portal->answer = answer;
  g_mutex_unlock (&portal->lock);
}

void
fc_test_portal_set_camera_present (FcTestPortal *portal, gboolean present)
{
  g_mutex_lock (&portal->lock);
  portal->camera_present = !!present;
  g_mutex_unlock (&portal->lock);
}

void
fc_test_portal_set_remote_error (FcTestPortal *portal, const char *message)
{
  g_mutex_lock (&portal->lock);
  g_free (portal->remote_error);
  portal->remote_error = g_strdup (message);
  g_mutex_unlock (&portal->lock);
}

guint
fc_test_portal_get_calls (FcTestPortal *portal, const char *what)
{
  guint n;

  g_mutex_lock (&portal->lock);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (portal->calls, what));
  g_mutex_unlock (&portal->lock);
  return n;
}

gboolean
fc_test_portal_wait_calls (FcTestPortal *portal, const char *what, guint n,
                           guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (fc_test_portal_get_calls (portal, what) < n)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

void
fc_test_portal_free (FcTestPortal *portal)
{
  if (portal == NULL)
    return;
  if (portal->thread != NULL)
    {
      bus_name_call (portal->bus, "ReleaseName",
                     g_variant_new ("(s)", BUS_NAME));
      g_main_context_invoke (portal->context, quit_cb, portal->loop);
      g_thread_join (portal->thread);
    }
  /* the thread is gone: its tables are ours */
  g_hash_table_destroy (portal->requests);
  g_dbus_connection_unregister_object (portal->bus,
                                       portal->camera_registration);
  g_dbus_connection_close_sync (portal->bus, NULL, NULL);
  /* calls that arrived meanwhile hold the connection: let them go */
  while (g_main_context_iteration (portal->context, FALSE))
    ;
  g_object_unref (portal->bus);
  g_main_loop_unref (portal->loop);
  g_main_context_unref (portal->context);
  g_dbus_node_info_unref (portal->info);
  g_hash_table_destroy (portal->allowed);
  g_hash_table_destroy (portal->calls);
  g_free (portal->remote_error);
  g_mutex_clear (&portal->lock);
  g_free (portal);
}
