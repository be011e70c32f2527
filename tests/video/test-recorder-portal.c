/* FcRecorder's camera "portal" against a camera portal on the test
 * session bus (tests/common/fc-test-portal.c) and the test environment's
 * PipeWire: permission granted, a recording from the camera the session
 * manager links the portal's remote to; each way of saying no; the
 * recorder destroyed while the user is still being asked. */

#include <glib/gstdio.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>

#include "common/fc-test-devices.h"
#include "common/fc-test-files.h"
#include "common/fc-test-portal.h"
#include "common/fc-test-recording.h"
#include "fc-recorder.h"

#define FRAME_NS (GST_SECOND / 30)

static FcRecorder *
recorder_new (FcTestEvents *ev, const char *dir)
{
  FcRecorder *rec = g_object_new (FC_TYPE_RECORDER, "camera", "portal",
                                  "microphone", "test", "resolution", "low",
                                  "record-time", 1000, "temp-dir", dir, NULL);

  fc_test_events_connect (ev, rec);
  return rec;
}

static char *
make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("fc-recorder-portal-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
assert_dir_empty (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);

  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

/* ---- the session manager's side ------------------------------------- */

static char *
run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Makes NODE the user's camera, as choosing it in the desktop's settings
 * does (WirePlumber's default.configured.video.source), and waits until
 * the session manager has made it the default; NULL forgets the choice. */
static void
choose_default_camera (const char *node)
{
  g_autofree char *value
      = node ? g_strdup_printf ("{\"name\":\"%s\"}", node) : NULL;
  const char *set[]
      = { "pw-metadata",     "0", "default.configured.video.source", value,
          "Spa:String:JSON", NULL };
  const char *unset[]
      = { "pw-metadata", "-d", "0", "default.configured.video.source", NULL };
  const char *get[] = { "pw-metadata", "0", "default.video.source", NULL };
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_free (run (node ? set : unset));
  while (node != NULL)
    {
      g_autofree char *out = run (get);

      if (strstr (out, value) != NULL)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("WirePlumber did not make %s the default camera", node);
      g_usleep (20 * 1000);
    }
}

/* Whether a port of NODE is linked to one of the recorder's streams
 * ("fc-recorder", pipewiresrc's client-name), in pw-link's listing:
 *   NODE:out_0
 *     |-> fc-recorder:in_0 */
static gboolean
linked_to_recorder (const char *node)
{
  const char *argv[] = { "pw-link", "--links", NULL };
  g_autofree char *out = run (argv);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (node, ":", NULL);
  gboolean in_node = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] != ' ')
        in_node = g_str_has_prefix (line, prefix);
      else if (in_node && strstr (line, "|-> fc-recorder:") != NULL)
        return TRUE;
    }
  g_test_message ("links:\n%s", out);
  return FALSE;
}

/* ---- the file --------------------------------------------------------- */

/* PATH: one H.264 stream of WIDTHxHEIGHT and one AAC stream, lasting
 * DURATION within a frame, with every frame in it. */
static void
check_file (const char *path, GstClockTime duration, guint width, guint height)
{
  FcTestFileInfo info;
  guint frames = 0;

  fc_test_discover (path, &info);
  g_test_message ("%s: %" GST_TIME_FORMAT, path, GST_TIME_ARGS (info.duration));
  g_assert_cmpuint (info.duration, >=, duration - FRAME_NS);
  g_assert_cmpuint (info.duration, <=, duration + FRAME_NS);
  g_assert_cmpint (info.width, ==, width);
  g_assert_cmpint (info.height, ==, height);
  g_free (info.profile);
  fc_test_decode_video (path, &frames);
  g_assert_cmpuint (frames, ==, duration / FRAME_NS);
}

/* ---- tests ------------------------------------------------------------ */

/* Permission granted: the portal's remote, linked by WirePlumber to the
 * user's camera (a fresh one, see fc-test-devices.h), records 1 s. */
static void
test_record (void)
{
  g_autoptr (FcTestPortal) portal = fc_test_portal_new ();
  g_autoptr (FcTestCamera) cam = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  FcRecorder *rec;
  FcTestEvents ev;

  if (portal == NULL || (cam = fc_test_camera_new (1280, 720)) == NULL)
    return;
  choose_default_camera (fc_test_camera_get_node (cam));
  dir = make_dir ();
  rec = recorder_new (&ev, dir);
  g_assert_true (fc_recorder_prepare (rec));
  fc_test_wait_for (&ev, &ev.ready, 10000);
  g_assert_cmpstr (fc_test_lookup_s (ev.ready, "source"), ==, "pipewire");
  g_assert_cmpstr (fc_test_lookup_s (ev.ready, "camera"), ==, "portal");
  g_assert_true (linked_to_recorder (fc_test_camera_get_node (cam)));
  g_assert_cmpuint (fc_test_portal_get_calls (portal, "IsCameraPresent"), ==,
                    1);
  g_assert_cmpuint (fc_test_portal_get_calls (portal, "AccessCamera"), ==, 1);
  g_assert_cmpuint (fc_test_portal_get_calls (portal, "OpenPipeWireRemote"), ==,
                    1);

  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.end, 10000);
  g_assert_cmpstr (fc_test_lookup_s (ev.start, "source"), ==, "pipewire");
  path = g_strdup (fc_test_lookup_s (ev.end, "tempVideoPath"));
  check_file (path, GST_SECOND, 640, 480);
  g_assert_cmpuint (ev.n_ready, ==, 1);
  g_assert_cmpuint (ev.n_end, ==, 1);
  g_assert_cmpuint (ev.n_error, ==, 0);
  g_assert_finalize_object (rec);
  choose_default_camera (NULL);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (dir);
}

typedef struct
{
  const char *name;
  gboolean no_portal; /* none on the bus at all */
  FcTestPortalAnswer answer;
  gboolean no_camera;       /* IsCameraPresent false */
  const char *remote_error; /* OpenPipeWireRemote fails so */
  /* what the user sees */
  const char *err_code, *err_msg;
  /* what the portal was asked */
  guint access_calls, remote_calls;
} Fault;

static const Fault faults[] = {
  { "refused", FALSE, FC_TEST_PORTAL_REFUSE, FALSE, NULL, "camera-denied",
    "camera permission refused", 1, 0 },
  /* response 2: libportal's words for it */
  { "ended", FALSE, FC_TEST_PORTAL_CANCEL, FALSE, NULL, "camera-denied",
    "camera permission refused: Camera access failed", 1, 0 },
  { "no-camera", FALSE, FC_TEST_PORTAL_ALLOW, TRUE, NULL, "no-camera",
    "no camera", 0, 0 },
  { "no-remote", FALSE, FC_TEST_PORTAL_ALLOW, FALSE,
    "Failed to open PipeWire remote", "camera-denied",
    "camera permission refused: no PipeWire remote for the camera: Failed "
    "to open PipeWire remote",
    1, 1 },
  /* dbus-daemon's words, after the recorder's */
  { "no-portal", TRUE, FC_TEST_PORTAL_ALLOW, FALSE, NULL, "no-camera",
    "no camera: no camera portal: The name org.freedesktop.portal.Desktop "
    "was not provided by any .service files",
    0, 0 },
};

/* Whether the bus would start a real portal for us. */
static gboolean
portal_activatable (void)
{
  g_autoptr (GDBusConnection) bus
      = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GVariant) reply = NULL;
  g_autofree const char **names = NULL;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (
      bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
      "org.freedesktop.DBus", "ListActivatableNames", NULL,
      G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(^a&s)", &names);
  return g_strv_contains (names, "org.freedesktop.portal.Desktop");
}

/* Each way of saying no: one precise error, nothing recorded, nothing
 * asked for after the no. record() first: that it was pending changes
 * nothing. */
static void
test_fault (gconstpointer data)
{
  const Fault *f = data;
  g_autoptr (FcTestPortal) portal = NULL;
  g_autofree char *dir = NULL;
  FcRecorder *rec;
  FcTestEvents ev;

  if (f->no_portal)
    {
      if (g_getenv ("FC_TEST_CAMERA_NODE") == NULL)
        {
          g_test_skip ("no test environment: run the suite through ./run test");
          return;
        }
      if (portal_activatable ())
        {
          g_test_skip ("a real portal would be started");
          return;
        }
    }
  else if ((portal = fc_test_portal_new ()) == NULL)
    return;
  else
    {
      fc_test_portal_set_answer (portal, f->answer);
      fc_test_portal_set_camera_present (portal, !f->no_camera);
      fc_test_portal_set_remote_error (portal, f->remote_error);
    }
  dir = make_dir ();
  rec = recorder_new (&ev, dir);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.error, 10000);
  g_assert_cmpstr (fc_test_lookup_s (ev.error, "errCode"), ==, f->err_code);
  g_assert_cmpstr (fc_test_lookup_s (ev.error, "errMsg"), ==, f->err_msg);
  g_assert_false (g_variant_lookup (ev.error, "tempVideoPath", "&s", NULL));
  g_assert_cmpuint (ev.n_error, ==, 1);
  g_assert_cmpuint (ev.n_ready + ev.n_start + ev.n_end, ==, 0);
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);
  assert_dir_empty (dir);
  if (portal != NULL)
    {
      g_assert_cmpuint (fc_test_portal_get_calls (portal, "IsCameraPresent"),
                        ==, 1);
      g_assert_cmpuint (fc_test_portal_get_calls (portal, "AccessCamera"), ==,
                        f->access_calls);
      g_assert_cmpuint (fc_test_portal_get_calls (portal, "OpenPipeWireRemote"),
                        ==, f->remote_calls);
    }
  fc_test_recording_done (rec, &ev, dir);
}

/* The portal has no camera but the host allows the test pattern: it
 * stands in, as for a missing device, and the events say so. */
static void
test_no_camera_test_source (void)
{
  g_autoptr (FcTestPortal) portal = fc_test_portal_new ();
  g_autofree char *dir = NULL;
  FcRecorder *rec;
  FcTestEvents ev;

  if (portal == NULL)
    return;
  fc_test_portal_set_camera_present (portal, FALSE);
  dir = make_dir ();
  rec = recorder_new (&ev, dir);
  fc_recorder_set_allow_test_source (rec, TRUE);
  g_assert_true (fc_recorder_prepare (rec));
  fc_test_wait_for (&ev, &ev.ready, 10000);
  g_assert_cmpstr (fc_test_lookup_s (ev.ready, "source"), ==, "test");
  g_assert_cmpstr (fc_test_lookup_s (ev.ready, "camera"), ==, "test");
  g_assert_cmpuint (fc_test_portal_get_calls (portal, "AccessCamera"), ==, 0);
  fc_test_recording_done (rec, &ev, dir);
}

/* The recorder goes away while the user is being asked: the request is
 * closed (the dialog goes away), no event comes, and libportal's answer
 * to the cancellation finds nothing freed (ASan, valgrind). */
static void
test_destroy_while_asking (void)
{
  g_autoptr (FcTestPortal) portal = fc_test_portal_new ();
  g_autofree char *dir = NULL;
  FcRecorder *rec;
  FcTestEvents ev;

  if (portal == NULL)
    return;
  fc_test_portal_set_answer (portal, FC_TEST_PORTAL_PENDING);
  dir = make_dir ();
  rec = recorder_new (&ev, dir);
  g_assert_true (fc_recorder_record (rec));
  g_assert_true (fc_test_portal_wait_calls (portal, "AccessCamera", 1, 10000));
  g_assert_cmpint (fc_recorder_get_state (rec), ==,
                   FC_RECORDER_STATE_PREPARING);
  g_assert_finalize_object (rec);
  g_assert_true (fc_test_portal_wait_calls (portal, "Close", 1, 10000));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (ev.n_ready + ev.n_start + ev.n_end + ev.n_error, ==, 0);
  g_assert_cmpuint (fc_test_portal_get_calls (portal, "OpenPipeWireRemote"), ==,
                    0);
  assert_dir_empty (dir);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (dir);
}

/* close() while asking, then asked again and allowed this time: the first
 * request is closed and its answer never reaches the recorder. */
static void
test_close_while_asking (void)
{
  g_autoptr (FcTestPortal) portal = fc_test_portal_new ();
  g_autofree char *dir = NULL;
  FcRecorder *rec;
  FcTestEvents ev;

  if (portal == NULL)
    return;
  fc_test_portal_set_answer (portal, FC_TEST_PORTAL_PENDING);
  dir = make_dir ();
  rec = recorder_new (&ev, dir);
  g_assert_true (fc_recorder_prepare (rec));
  g_assert_true (fc_test_portal_wait_calls (portal, "AccessCamera", 1, 10000));
  fc_recorder_close (rec);
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);
  g_assert_true (fc_test_portal_wait_calls (portal, "Close", 1, 10000));
  fc_test_portal_set_answer (portal, FC_TEST_PORTAL_REFUSE);
  g_assert_true (fc_recorder_prepare (rec));
  fc_test_wait_for (&ev, &ev.error, 10000);
  g_assert_cmpstr (fc_test_lookup_s (ev.error, "errMsg"), ==,
                   "camera permission refused");
  g_assert_cmpuint (ev.n_error, ==, 1);
  g_assert_cmpuint (fc_test_portal_get_calls (portal, "AccessCamera"), ==, 2);
  fc_test_recording_done (rec, &ev, dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/video/recorder/portal/record", test_record);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/video/recorder/portal/fault/%s", faults[i].name);

      g_test_add_data_func (path, &faults[i], test_fault);
    }
  g_test_add_func ("/video/recorder/portal/no-camera-test-source",
                   test_no_camera_test_source);
  g_test_add_func ("/video/recorder/portal/destroy-while-asking",
                   test_destroy_while_asking);
  g_test_add_func ("/video/recorder/portal/close-while-asking",
                   test_close_while_asking);

  return g_test_run ();
}
