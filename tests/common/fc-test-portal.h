/* A fake camera portal for tests: org.freedesktop.portal.Desktop on the
 * test environment's private session bus, serving
 * org.freedesktop.portal.Camera at /org/freedesktop/portal/desktop the way
 * xdg-desktop-portal does (AccessCamera answered through a Request
 * object's Response signal at the path the caller's handle_token names;
 * OpenPipeWireRemote handing out a new connection to the test PipeWire
 * daemon's socket, $XDG_RUNTIME_DIR/pipewire-0, once access was granted).
 *
 * It runs in the test's own process, on a D-Bus connection and a thread of
 * its own, so the bus sees it as a peer of the code under test (which
 * talks to it through the shared session connection, with synchronous
 * calls too) while each test sets its answers and reads its call counts
 * directly. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How the portal answers AccessCamera. */
typedef enum
{
  FC_TEST_PORTAL_ALLOW,   /* Response 0: access granted */
  FC_TEST_PORTAL_REFUSE,  /* Response 1: the user refused in the dialog */
  FC_TEST_PORTAL_CANCEL,  /* Response 2: the request ended some other way */
  FC_TEST_PORTAL_PENDING, /* no Response: the dialog stays up until Close */
} FcTestPortalAnswer;

typedef struct _FcTestPortal FcTestPortal;

/* Owns org.freedesktop.portal.Desktop on the session bus, answering
 * FC_TEST_PORTAL_ALLOW with a camera present. Returns NULL and skips the
 * test outside the test environment (tests/testenv.sh), or when another
 * portal holds the name. */
FcTestPortal *fc_test_portal_new (void);
void fc_test_portal_set_answer (FcTestPortal *portal,
                                FcTestPortalAnswer answer);
/* The IsCameraPresent property. */
void fc_test_portal_set_camera_present (FcTestPortal *portal, gboolean present);
/* OpenPipeWireRemote fails with org.freedesktop.portal.Error.Failed and
 * MESSAGE; NULL (the default) hands out remotes again. */
void fc_test_portal_set_remote_error (FcTestPortal *portal,
                                      const char *message);
/* How many times WHAT was asked for: "AccessCamera", "OpenPipeWireRemote",
 * "Close" (of a pending request) or "IsCameraPresent" (property reads). */
guint fc_test_portal_get_calls (FcTestPortal *portal, const char *what);
/* Runs the thread-default main context until WHAT has been asked for N
 * times; FALSE after TIMEOUT_MS without. */
gboolean fc_test_portal_wait_calls (FcTestPortal *portal, const char *what,
                                    guint n, guint timeout_ms);
/* Releases the name and unexports everything, pending requests too. */
void fc_test_portal_free (FcTestPortal *portal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcTestPortal, fc_test_portal_free)

G_END_DECLS
