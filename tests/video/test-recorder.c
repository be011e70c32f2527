/* FcRecorder against the real PipeWire camera and microphone of the test
 * environment (tests/testenv.sh): recordings checked with GstDiscoverer,
 * a killed recorder's file, and each fault the issue lists. */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gst/check/gsttestclock.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "common/fc-test-devices.h"
#include "fc-recorder.h"
#include "common/fc-test-files.h"
#include "common/fc-test-recording.h"

#define FRAME_NS (GST_SECOND / 30)

static FcRecorder *
recorder_new (const char *camera, const char *mic, const char *resolution,
              guint record_ms, const char *dir)
{
  return g_object_new (FC_TYPE_RECORDER, "camera", camera, "microphone", mic,
                       "resolution", resolution, "record-time", record_ms,
                       "temp-dir", dir, NULL);
}

static char *
make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("fc-recorder-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A directory parent and child test processes agree on without setenv()
 * (unsafe once GStreamer's threads run): named after the parent's pid. */
static char *
shared_dir (const char *what, gboolean child)
{
  g_autofree char *name = g_strdup_printf (
      "fc-recorder-%s-%d", what, (int)(child ? getppid () : getpid ()));

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* ---- file checks ------------------------------------------------------ */

static void
assert_mode (const char *path, guint mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

/* Checks an "end" detail against the file it names. */
static void
check_end (GVariant *end, GstClockTime expect, int width, int height)
{
  const char *path = fc_test_lookup_s (end, "tempVideoPath");
  const char *thumb = fc_test_lookup_s (end, "tempThumbPath");
  g_autofree char *contents = NULL, *dir = g_path_get_dirname (path);
  g_autofree char *digest = NULL;
  gsize length = 0;
  FcTestFileInfo info = { 0 };

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (fc_test_lookup_x (end, "size"), ==, (gint64)length);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                        (const guchar *)contents, length);
  g_assert_cmpstr (fc_test_lookup_s (end, "sha256"), ==, digest);
  assert_mode (path, 0600);
  assert_mode (thumb, 0600);
  assert_mode (dir, 0700);
  {
    g_autofree char *jpeg = NULL;
    gsize jlen = 0;

    g_assert_true (g_file_get_contents (thumb, &jpeg, &jlen, NULL));
    g_assert_cmpuint (jlen, >, 100);
    g_assert_cmpint ((guchar)jpeg[0], ==, 0xff);
    g_assert_cmpint ((guchar)jpeg[1], ==, 0xd8);
  }

  fc_test_discover (path, &info);
  g_test_message ("%s: %dx%d H.264 %s, %" GST_TIME_FORMAT ", %zu bytes", path,
                  info.width, info.height, info.profile,
                  GST_TIME_ARGS (info.duration), length);
  g_assert_cmpint (info.width, ==, width);
  g_assert_cmpint (info.height, ==, height);
  if (GST_CLOCK_TIME_IS_VALID (expect))
    {
      g_assert_cmpuint (info.duration, >=, expect - FRAME_NS);
      g_assert_cmpuint (info.duration, <=, expect + FRAME_NS);
      g_assert_cmpint (
          llabs (fc_test_lookup_x (end, "duration") - (gint64)(expect / GST_MSECOND)),
          <=, 34);
    }
  g_free (info.profile);
}

/* ---- tests ------------------------------------------------------------ */

static void
count_notify (guint *n)
{
  (*n)++;
}

static void
test_property_notify (void)
{
  FcRecorder *rec = fc_recorder_new ();
  guint notified = 0;

  g_assert_cmpstr (fc_recorder_get_resolution (rec), ==, "medium");
  g_assert_cmpuint (fc_recorder_get_record_time (rec), ==, 30000);
  g_assert_null (fc_recorder_get_camera (rec));
  g_assert_false (fc_recorder_get_allow_test_source (rec));
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);

  g_signal_connect_swapped (rec, "notify", G_CALLBACK (count_notify),
                            &notified);
  fc_recorder_set_record_time (rec, 2000);
  fc_recorder_set_record_time (rec, 2000);
  g_object_set (rec, "resolution", "high", "allow-test-source", TRUE, NULL);
  g_object_set (rec, "resolution", "high", "allow-test-source", TRUE, NULL);
  fc_recorder_set_camera (rec, "test");
  g_assert_cmpuint (notified, ==, 4);
  g_assert_true (fc_recorder_get_allow_test_source (rec));
  g_assert_finalize_object (rec);
}

static void
test_stop_before_start (void)
{
  FcRecorder *rec = fc_recorder_new ();
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  g_assert_false (fc_recorder_stop (rec));
  g_assert_cmpuint (ev.warnings->len, ==, 1);
  g_assert_cmpstr (ev.warnings->pdata[0], ==, "not recording");
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);
  g_assert_cmpuint (ev.n_error + ev.n_ready + ev.n_start + ev.n_end, ==, 0);
  g_assert_finalize_object (rec);
  fc_test_events_clear (&ev);
}

static void
test_no_camera (void)
{
  g_autofree char *dir = make_dir ();
  FcRecorder *rec
      = recorder_new ("pipewire:fc-no-such-camera", "test", "low", 1000, dir);
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  g_assert_false (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.error, 1000);
  g_assert_cmpstr (fc_test_lookup_s (ev.error, "errMsg"), ==, "no camera");
  g_assert_cmpstr (fc_test_lookup_s (ev.error, "errCode"), ==, "no-camera");
  g_assert_false (g_variant_lookup (ev.error, "tempVideoPath", "&s", NULL));
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);
  fc_test_recording_done (rec, &ev, dir);
}

/* Without a camera but with permission, the test pattern stands in and the
 * events say so; the recording is exact all the same. */
static void
test_test_fallback (void)
{
  g_autofree char *dir = make_dir ();
  FcRecorder *rec
      = recorder_new ("pipewire:fc-no-such-camera", "test", "low", 1000, dir);
  /* The host's clock: the length is measured on it, in running time. */
  g_autoptr (GstClock) clock = g_object_new (
      GST_TYPE_SYSTEM_CLOCK, "clock-type", GST_CLOCK_TYPE_MONOTONIC, NULL);
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  fc_recorder_set_clock (rec, clock);
  g_assert_true (fc_recorder_get_clock (rec) == clock);
  fc_recorder_set_allow_test_source (rec, TRUE);
  g_assert_true (fc_recorder_prepare (rec));
  fc_test_wait_for (&ev, &ev.ready, 5000);
  g_assert_cmpstr (fc_test_lookup_s (ev.ready, "source"), ==, "test");
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.end, 10000);
  g_assert_cmpstr (fc_test_lookup_s (ev.start, "source"), ==, "test");
  check_end (ev.end, GST_SECOND, 640, 480);
  g_assert_cmpuint (ev.n_end, ==, 1);
  fc_test_recording_done (rec, &ev, dir);
}

/* NULL camera and microphone: PipeWire's devices are found by the device
 * monitor (the session's virtual camera and microphone here). */
static void
test_auto_discovery (void)
{
  g_autofree char *dir = NULL;
  FcRecorder *rec;
  FcTestEvents ev;

  if (fc_test_microphone_node () == NULL)
    return;
  dir = make_dir ();
  rec = recorder_new (NULL, NULL, "low", 1000, dir);
  fc_test_events_connect (&ev, rec);
  g_assert_true (fc_recorder_prepare (rec));
  g_assert_false (fc_recorder_prepare (rec));
  g_assert_cmpstr (ev.warnings->pdata[0], ==, "already prepared");
  fc_test_wait_for (&ev, &ev.ready, 5000);
  g_assert_cmpstr (fc_test_lookup_s (ev.ready, "source"), ==, "pipewire");
  g_assert_cmpstr (fc_test_lookup_s (ev.ready, "microphoneSource"), ==, "pipewire");
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_READY);
  g_test_message ("found camera %s, microphone %s",
                  fc_test_lookup_s (ev.ready, "camera"),
                  fc_test_lookup_s (ev.ready, "microphone"));
  /* Closing a prepared recorder leaves no file behind. */
  g_assert_finalize_object (rec);
  g_assert_true (g_rmdir (dir) == 0);
  fc_test_events_clear (&ev);
}

/* Runs the main context while advancing CLOCK by STEP per iteration until
 * *SLOT is set; returns the virtual time that took. */
static GstClockTime
drive (FcTestEvents *ev, GstTestClock *clock, GVariant **slot, GstClockTime step)
{
  GstClockTime begin = gst_clock_get_time (GST_CLOCK (clock));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*slot == NULL && ev->error == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("nothing within 30 s of real time");
      GstClockID id;

      gst_test_clock_advance_time (clock, step);
      /* A test clock releases waits only when told to. */
      while ((id = gst_test_clock_process_next_clock_id (clock)) != NULL)
        gst_clock_id_unref (id);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  if (ev->error != NULL)
    g_error ("unexpected error: %s", g_variant_print (ev->error, TRUE));
  return gst_clock_get_time (GST_CLOCK (clock)) - begin;
}

/* Replay's case: a virtual clock the host advances. The recording is
 * record-time of that clock, and a clock standing still is no fault. */
static void
test_virtual_clock (void)
{
  g_autofree char *dir = make_dir ();
  FcRecorder *rec = recorder_new ("test", "test", "low", 1500, dir);
  GstClock *clock = gst_test_clock_new ();
  GstClockTime took;
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  fc_recorder_set_clock (rec, clock);
  fc_recorder_set_ready_timeout (rec, 3000);
  g_assert_true (fc_recorder_prepare (rec));
  drive (&ev, GST_TEST_CLOCK (clock), &ev.ready, 5 * GST_MSECOND);
  /* Longer than the preview's 1 s without a frame, in real time only. */
  fc_test_run_for (1200);
  g_assert_null (ev.error);
  g_assert_true (fc_recorder_record (rec));
  took = drive (&ev, GST_TEST_CLOCK (clock), &ev.end, 5 * GST_MSECOND);
  g_test_message ("virtual time to end: %" GST_TIME_FORMAT,
                  GST_TIME_ARGS (took));
  g_assert_cmpuint (took, >=, 1500 * GST_MSECOND);
  check_end (ev.end, 1500 * GST_MSECOND, 640, 480);
  g_assert_finalize_object (rec);
  gst_object_unref (clock);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (dir);
}

typedef struct
{
  const char *resolution;
  int width, height;
} Resolution;

static const Resolution resolutions[] = {
  { "low", 640, 480 },
  { "medium", 1280, 720 },
  { "high", 1920, 1080 },
};

static void
test_record_resolution (gconstpointer data)
{
  const Resolution *r = data;
  g_autoptr (FcTestCamera) cam = fc_test_camera_new (1280, 720);
  const char *mic = fc_test_microphone_node ();
  g_autofree char *dir = NULL, *camera = NULL, *microphone = NULL;
  FcRecorder *rec;
  gint64 record_us;
  FcTestEvents ev;

  if (cam == NULL || mic == NULL)
    return;
  dir = make_dir ();
  camera = g_strdup_printf ("pipewire:%s", fc_test_camera_get_node (cam));
  microphone = g_strdup_printf ("pipewire:%s", mic);
  rec = recorder_new (camera, microphone, r->resolution, 2000, dir);
  fc_test_events_connect (&ev, rec);
  g_assert_true (fc_recorder_prepare (rec));
  fc_test_wait_for (&ev, &ev.ready, 5000);
  g_assert_cmpstr (fc_test_lookup_s (ev.ready, "source"), ==, "pipewire");
  g_assert_cmpstr (fc_test_lookup_s (ev.ready, "camera"), ==,
                   fc_test_camera_get_node (cam));
  /* Some preview first: the file must not count it. */
  fc_test_run_for (300);
  record_us = g_get_monotonic_time ();
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.start, 3000);
  g_assert_cmpstr (fc_test_lookup_s (ev.start, "tempVideoPath"), !=, "");
  fc_test_wait_for (&ev, &ev.end, 10000);
  g_test_message (
      "%s: record to start %.0f ms, record to end %.0f ms; camera frames "
      "dropped %" G_GINT64_FORMAT ", repeated %" G_GINT64_FORMAT,
      r->resolution, (ev.start_us - record_us) / 1000.0,
      (ev.end_us - record_us) / 1000.0, fc_test_lookup_x (ev.end, "droppedFrames"),
      fc_test_lookup_x (ev.end, "duplicatedFrames"));
  g_assert_cmpstr (fc_test_lookup_s (ev.end, "tempVideoPath"), ==,
                   fc_test_lookup_s (ev.start, "tempVideoPath"));
  check_end (ev.end, 2 * GST_SECOND, r->width, r->height);
  g_assert_cmpuint (ev.n_ready, ==, 1);
  g_assert_cmpuint (ev.n_start, ==, 1);
  g_assert_cmpuint (ev.n_end, ==, 1);
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);
  fc_test_recording_done (rec, &ev, dir);
}

/* stop() ends the file early, on a frame boundary, and "end" follows fast. */
static void
test_stop_early (void)
{
  g_autoptr (FcTestCamera) cam = fc_test_camera_new (1280, 720);
  const char *mic = fc_test_microphone_node ();
  g_autofree char *dir = NULL, *camera = NULL, *microphone = NULL;
  FcRecorder *rec;
  gint64 stop_us;
  gint64 duration;
  FcTestEvents ev;

  if (cam == NULL || mic == NULL)
    return;
  dir = make_dir ();
  camera = g_strdup_printf ("pipewire:%s", fc_test_camera_get_node (cam));
  microphone = g_strdup_printf ("pipewire:%s", mic);
  rec = recorder_new (camera, microphone, "high", 20000, dir);
  fc_test_events_connect (&ev, rec);
  g_assert_true (fc_recorder_record (rec)); /* prepares first */
  fc_test_wait_for (&ev, &ev.start, 8000);
  fc_test_run_for (700);
  stop_us = g_get_monotonic_time ();
  g_assert_true (fc_recorder_stop (rec));
  fc_test_wait_for (&ev, &ev.end, 5000);
  duration = fc_test_lookup_x (ev.end, "duration");
  g_test_message ("high: stop to end %.0f ms; %" G_GINT64_FORMAT " ms recorded",
                  (ev.end_us - stop_us) / 1000.0, duration);
  g_assert_cmpint (duration, >=, 700);
  g_assert_cmpint (duration, <, 5000);
  check_end (ev.end, duration * GST_MSECOND, 1920, 1080);
  g_assert_cmpuint (ev.warnings->len, ==, 0);
  fc_test_recording_done (rec, &ev, dir);
}

static void
test_already_recording (void)
{
  g_autofree char *dir = make_dir ();
  FcRecorder *rec = recorder_new ("test", "test", "low", 1000, dir);
  g_autofree char *path = NULL;
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.start, 5000);
  path = g_strdup (fc_test_lookup_s (ev.start, "tempVideoPath"));
  g_assert_false (fc_recorder_record (rec));
  g_assert_cmpuint (ev.warnings->len, ==, 1);
  g_assert_cmpstr (ev.warnings->pdata[0], ==, "already recording");
  g_assert_cmpint (fc_recorder_get_state (rec), >=,
                   FC_RECORDER_STATE_RECORDING);
  fc_test_wait_for (&ev, &ev.end, 10000);
  g_assert_cmpstr (fc_test_lookup_s (ev.end, "tempVideoPath"), ==, path);
  check_end (ev.end, GST_SECOND, 640, 480);
  fc_test_run_for (200);
  g_assert_cmpuint (ev.n_start, ==, 1);
  g_assert_cmpuint (ev.n_end, ==, 1);
  g_assert_cmpuint (ev.n_error, ==, 0);
  fc_test_recording_done (rec, &ev, dir);
}

/* The camera node goes away mid-recording: "error" within a second, with
 * the partial file finalised, playable and named. */
static void
test_camera_vanish (void)
{
  g_autoptr (FcTestCamera) cam = fc_test_camera_new (1280, 720);
  const char *mic = fc_test_microphone_node ();
  g_autofree char *dir = NULL, *camera = NULL, *microphone = NULL;
  FcRecorder *rec;
  gint64 vanish_us;
  FcTestFileInfo info = { 0 };
  FcTestEvents ev;

  if (cam == NULL || mic == NULL)
    return;
  dir = make_dir ();
  camera = g_strdup_printf ("pipewire:%s", fc_test_camera_get_node (cam));
  microphone = g_strdup_printf ("pipewire:%s", mic);
  rec = recorder_new (camera, microphone, "medium", 10000, dir);
  fc_test_events_connect (&ev, rec);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.start, 8000);
  fc_test_run_for (600);
  vanish_us = g_get_monotonic_time ();
  fc_test_camera_vanish (cam);
  fc_test_wait_for (&ev, &ev.error, 3000);
  g_test_message ("vanish to error: %.0f ms",
                  (ev.error_us - vanish_us) / 1000.0);
  g_assert_cmpint (ev.error_us - vanish_us, <, G_USEC_PER_SEC);
  g_assert_cmpstr (fc_test_lookup_s (ev.error, "errCode"), ==, "camera-lost");
  g_assert_true (
      g_str_has_prefix (fc_test_lookup_s (ev.error, "errMsg"), "camera lost"));
  g_assert_cmpstr (fc_test_lookup_s (ev.error, "tempVideoPath"), ==,
                   fc_test_lookup_s (ev.start, "tempVideoPath"));
  g_assert_cmpuint (ev.n_end, ==, 0);
  fc_test_discover (fc_test_lookup_s (ev.error, "tempVideoPath"), &info);
  g_test_message ("partial file: %" GST_TIME_FORMAT,
                  GST_TIME_ARGS (info.duration));
  g_assert_cmpuint (info.duration, >, 300 * GST_MSECOND);
  g_assert_cmpuint (info.duration, <, 2 * GST_SECOND);
  g_free (info.profile);
  fc_test_recording_done (rec, &ev, dir);
}

/* A camera node that exists and negotiates but never gives a frame, as
 * when another program holds the device. */
static void
test_camera_busy (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) provider = NULL;
  g_autofree char *node
      = g_strdup_printf ("fc-test-busy-camera-%d", (int)getpid ());
  g_autofree char *desc = NULL, *camera = NULL, *dir = NULL;
  FcRecorder *rec;
  FcTestEvents ev;

  if (fc_test_microphone_node () == NULL)
    return;
  desc = g_strdup_printf (
      "videotestsrc is-live=true ! "
      "video/x-raw,format=YUY2,width=640,height=480,framerate=30/1 "
      "! valve drop=true drop-mode=forward-sticky-events "
      "! pipewiresink mode=provide "
      "stream-properties=\"props,media.class=Video/Source,"
      "node.name=%s,node.description=%s,priority.driver=1\"",
      node, node);
  provider = gst_parse_launch (desc, &error);
  g_assert_no_error (error);
  gst_element_set_state (provider, GST_STATE_PLAYING);
  if (!fc_test_wait_device ("Video/Source", node, 5000))
    g_error ("the stalled camera node did not appear");

  dir = make_dir ();
  camera = g_strdup_printf ("pipewire:%s", node);
  rec = recorder_new (camera, "test", "low", 1000, dir);
  fc_recorder_set_ready_timeout (rec, 1500);
  fc_test_events_connect (&ev, rec);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.error, 5000);
  g_assert_cmpstr (fc_test_lookup_s (ev.error, "errCode"), ==, "camera-busy");
  g_assert_true (
      g_str_has_prefix (fc_test_lookup_s (ev.error, "errMsg"), "camera busy"));
  g_assert_cmpuint (ev.n_ready + ev.n_start + ev.n_end, ==, 0);
  g_assert_finalize_object (rec);
  gst_element_set_state (provider, GST_STATE_NULL);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (dir);
}

/* A V4L2 device the user may not open. Runs as "nobody" in a child. */
static void
test_camera_denied (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *base = shared_dir ("denied", TRUE);
      g_autofree char *device = g_build_filename (base, "video0", NULL);
      g_autofree char *camera = g_strdup_printf ("v4l2:%s", device);
      FcRecorder *rec;
      FcTestEvents ev;

      g_assert_cmpint (setresgid (65534, 65534, 65534), ==, 0);
      g_assert_cmpint (setresuid (65534, 65534, 65534), ==, 0);
      rec = recorder_new (camera, "test", "low", 1000, NULL);
      fc_test_events_connect (&ev, rec);
      fc_recorder_record (rec);
      fc_test_wait_for (&ev, &ev.error, 5000);
      g_assert_cmpstr (fc_test_lookup_s (ev.error, "errCode"), ==, "camera-denied");
      g_assert_cmpstr (fc_test_lookup_s (ev.error, "errMsg"), ==,
                       "camera permission refused");
      g_assert_finalize_object (rec);
      fc_test_events_clear (&ev);
      return;
    }

  if (geteuid () != 0)
    {
      /* Making a device node needs root; an unprivileged user has no
       * device it may not open to try this with. */
      g_test_skip (
          "needs root to make a device node the test user may not open");
      return;
    }
  {
    g_autofree char *dir = shared_dir ("denied", FALSE);
    g_autofree char *device = g_build_filename (dir, "video0", NULL);

    fc_test_remove_tree (dir); /* left by an earlier run that crashed */
    g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
    g_chmod (dir, 0755);
    if (mknod (device, S_IFCHR | 0600, makedev (81, 99)) != 0)
      {
        g_test_skip_printf ("cannot make a device node: %s",
                            g_strerror (errno));
        g_rmdir (dir);
        return;
      }
    g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC,
                            G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_unlink (device);
    g_rmdir (dir);
    g_test_trap_assert_passed ();
  }
}

/* A full disk: the file may not grow beyond 16 KiB. */
static void
test_write_failure (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_dir ();
      struct rlimit limit = { 16 * 1024, 16 * 1024 };
      FcRecorder *rec = recorder_new ("test", "test", "low", 3000, dir);
      FcTestEvents ev;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      fc_test_events_connect (&ev, rec);
      g_assert_true (fc_recorder_record (rec));
      fc_test_wait_for (&ev, &ev.error, 10000);
      g_assert_cmpstr (fc_test_lookup_s (ev.error, "errCode"), ==, "write-failed");
      g_assert_true (
          g_str_has_prefix (fc_test_lookup_s (ev.error, "errMsg"), "write failed"));
      g_assert_cmpuint (ev.n_end, ==, 0);
      g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);
      fc_test_recording_done (rec, &ev, dir);
      return;
    }
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
count_handoff (GstElement *sink, GstBuffer *buf, GstPad *pad, guint *n)
{
  g_atomic_int_inc (n);
}

/* The view's sink gets the preview, across two recordings in a row (the
 * second prepares again with the same sink). */
static void
test_preview_and_again (void)
{
  g_autofree char *dir = make_dir ();
  FcRecorder *rec = recorder_new ("test", "test", "low", 500, dir);
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);
  g_autofree char *first = NULL;
  guint frames = 0;
  FcTestEvents ev;

  g_assert_nonnull (sink);
  g_object_set (sink, "signal-handoffs", TRUE, "sync", FALSE, "async", FALSE,
                NULL);
  g_signal_connect (sink, "handoff", G_CALLBACK (count_handoff), &frames);
  fc_recorder_set_preview_sink (rec, sink);
  g_assert_true (fc_recorder_get_preview_sink (rec) == sink);
  fc_test_events_connect (&ev, rec);

  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.end, 10000);
  g_assert_cmpuint (g_atomic_int_get (&frames), >, 10);
  check_end (ev.end, 500 * GST_MSECOND, 640, 480);
  first = g_strdup (fc_test_lookup_s (ev.end, "tempVideoPath"));
  g_clear_pointer (&ev.end, g_variant_unref);
  g_clear_pointer (&ev.start, g_variant_unref);

  g_atomic_int_set (&frames, 0);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.end, 10000);
  g_assert_cmpuint (g_atomic_int_get (&frames), >, 10);
  check_end (ev.end, 500 * GST_MSECOND, 640, 480);
  g_assert_cmpstr (fc_test_lookup_s (ev.end, "tempVideoPath"), !=, first);
  g_assert_cmpuint (ev.n_ready, ==, 2);
  g_assert_cmpuint (ev.n_end, ==, 2);
  fc_test_recording_done (rec, &ev, dir);
}

/* What is recorded starts with a frame captured after record (): not the
 * frame in flight when it is called (videorate, in front of the gate,
 * hands a frame on only when the next one has come). Called while
 * previewing, a few times at different moments between two frames. */
static void
test_first_frame_after_record (void)
{
  g_autofree char *dir = make_dir ();
  FcRecorder *rec = recorder_new ("test", "test", "low", 300, dir);
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  for (guint i = 0; i < 3; i++)
    {
      gint64 called, first = 0;

      g_assert_true (fc_recorder_prepare (rec));
      fc_test_wait_for (&ev, &ev.ready, 10000);
      g_clear_pointer (&ev.ready, g_variant_unref);
      /* previewing for a while, a different fraction of a frame each time */
      g_usleep ((200 + 11 * i) * 1000);
      called = g_get_monotonic_time ();
      g_assert_true (fc_recorder_record (rec));
      fc_test_wait_for (&ev, &ev.end, 10000);
      g_object_get (rec, "start-time", &first, NULL);
      g_test_message ("first frame captured %.1f ms after record ()",
                      (first - called) / 1000.0);
      g_assert_cmpint (first, >=, called);
      g_clear_pointer (&ev.end, g_variant_unref);
      g_clear_pointer (&ev.start, g_variant_unref);
    }
  g_assert_cmpuint (ev.n_ready, ==, 3);
  g_assert_cmpuint (ev.n_end, ==, 3);
  fc_test_recording_done (rec, &ev, dir);
}

/* Dropping the last reference mid-recording finalises the file. */
static void
test_destroy_while_recording (void)
{
  g_autofree char *dir = make_dir ();
  FcRecorder *rec = recorder_new ("test", "test", "low", 20000, dir);
  g_autofree char *path = NULL;
  FcTestFileInfo info = { 0 };
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.start, 5000);
  fc_test_run_for (800);
  path = g_strdup (fc_test_lookup_s (ev.start, "tempVideoPath"));
  g_assert_finalize_object (rec);
  g_assert_cmpuint (ev.n_end + ev.n_error, ==, 0);
  fc_test_discover (path, &info);
  g_test_message ("finalised on destruction: %" GST_TIME_FORMAT,
                  GST_TIME_ARGS (info.duration));
  g_assert_cmpuint (info.duration, >=, 700 * GST_MSECOND);
  g_assert_cmpuint (info.duration, <, 3 * GST_SECOND);
  g_free (info.profile);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (dir);
}

/* A recording process killed outright leaves a playable file. */
static void
test_sigkill (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (FcTestCamera) cam = fc_test_camera_new (1280, 720);
      const char *mic = fc_test_microphone_node ();
      g_autofree char *camera = NULL, *microphone = NULL,
                      *dir = shared_dir ("kill", TRUE);
      FcRecorder *rec;
      FcTestEvents ev;

      g_assert_nonnull (cam);
      g_assert_nonnull (mic);
      camera = g_strdup_printf ("pipewire:%s", fc_test_camera_get_node (cam));
      microphone = g_strdup_printf ("pipewire:%s", mic);
      rec = recorder_new (camera, microphone, "medium", 20000, dir);
      fc_test_events_connect (&ev, rec);
      g_assert_true (fc_recorder_record (rec));
      fc_test_wait_for (&ev, &ev.start, 8000);
      fc_test_run_for (1200);
      raise (SIGKILL);
      g_assert_not_reached ();
    }

  if (fc_test_microphone_node () == NULL)
    return;
  {
    g_autofree char *dir = shared_dir ("kill", FALSE);
    g_autoptr (GDir) d = NULL;
    g_autofree char *path = NULL;
    const char *name;
    FcTestFileInfo info = { 0 };
    GstClockTime played;

    g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC,
                            G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_failed ();

    d = g_dir_open (dir, 0, NULL);
    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      if (g_str_has_suffix (name, ".mp4"))
        path = g_build_filename (dir, name, NULL);
    g_assert_nonnull (path);
    fc_test_discover (path, &info);
    played = fc_test_played_ns (path);
    g_test_message ("killed recording: header says %" GST_TIME_FORMAT
                    ", plays %" GST_TIME_FORMAT,
                    GST_TIME_ARGS (info.duration), GST_TIME_ARGS (played));
    g_assert_cmpuint (info.duration, >, 0);
    /* Killed 1.2 s after "start"; only the fragment under way is lost. */
    g_assert_cmpuint (played, >, 800 * GST_MSECOND);
    g_free (info.profile);
    fc_test_remove_tree (dir);
  }
}

/* ---- offline --------------------------------------------------------- */

/* The video frames of PATH, decoded: how many, and whether their
 * timestamps are 0, 1/30 s, 2/30 s, ... without a gap. */
static guint
count_frames (const char *path, gboolean *regular)
{
  g_autofree char *desc = g_strdup_printf (
      "filesrc location=\"%s\" ! qtdemux ! h264parse ! avdec_h264 ! "
      "appsink name=out sync=false",
      path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) p = gst_parse_launch (desc, &error);
  g_autoptr (GstElement) sink = NULL;
  guint n = 0;

  g_assert_no_error (error);
  *regular = TRUE;
  sink = gst_bin_get_by_name (GST_BIN (p), "out");
  gst_element_set_state (p, GST_STATE_PLAYING);
  for (;;)
    {
      g_autoptr (GstSample) sample = NULL;
      GstClockTime pts, want = gst_util_uint64_scale (n, GST_SECOND, 30);

      g_signal_emit_by_name (sink, "pull-sample", &sample);
      if (!sample)
        break;
      pts = GST_BUFFER_PTS (gst_sample_get_buffer (sample));
      if (pts + GST_MSECOND < want || pts > want + GST_MSECOND)
        {
          g_test_message ("frame %u at %" GST_TIME_FORMAT, n,
                          GST_TIME_ARGS (pts));
          *regular = FALSE;
        }
      n++;
    }
  gst_element_set_state (p, GST_STATE_NULL);
  return n;
}

/* Offline: the preview holds (no "camera lost" however long it waits), and
 * the file is exactly record-time of media, every frame in it. */
static void
test_offline_record (gconstpointer data)
{
  const Resolution *r = data;
  g_autofree char *dir = make_dir ();
  FcRecorder *rec = recorder_new ("test", "test", r->resolution, 2000, dir);
  gboolean regular = FALSE;
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  fc_recorder_set_offline (rec, TRUE);
  g_assert_true (fc_recorder_get_offline (rec));
  g_assert_true (fc_recorder_prepare (rec));
  fc_test_wait_for (&ev, &ev.ready, 10000);
  g_assert_cmpstr (fc_test_lookup_s (ev.ready, "source"), ==, "test");
  g_assert_cmpstr (fc_test_lookup_s (ev.ready, "microphoneSource"), ==, "test");
  /* longer than the live preview's 1 s without a frame */
  fc_test_run_for (1300);
  g_assert_null (ev.error);
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_READY);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.end, 60000);
  check_end (ev.end, 2000 * GST_MSECOND, r->width, r->height);
  g_assert_cmpint (fc_test_lookup_x (ev.end, "duration"), ==, 2000);
  g_assert_cmpuint (count_frames (fc_test_lookup_s (ev.end, "tempVideoPath"),
                                  &regular),
                    ==, 60);
  g_assert_true (regular);
  g_assert_cmpint (fc_test_lookup_x (ev.end, "droppedFrames"), ==, 0);
  g_assert_cmpint (fc_test_lookup_x (ev.end, "duplicatedFrames"), ==, 0);
  g_assert_cmpuint (ev.warnings->len, ==, 0);
  fc_test_recording_done (rec, &ev, dir);
}

/* Offline, the host's clock is not waited on: a virtual clock that never
 * moves still gives the whole recording (replay drives it so), and a
 * record on an idle recorder prepares first. */
static void
test_offline_clock_still (void)
{
  g_autofree char *dir = make_dir ();
  FcRecorder *rec = recorder_new (NULL, NULL, "low", 1000, dir);
  GstClock *clock = gst_test_clock_new ();
  gboolean regular = FALSE;
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  g_object_set (rec, "offline", TRUE, "clock", clock, NULL);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.end, 60000);
  g_assert_cmpuint (ev.n_ready, ==, 1);
  g_assert_cmpuint (ev.n_start, ==, 1);
  g_assert_cmpuint (gst_clock_get_time (clock), ==, 0);
  check_end (ev.end, 1000 * GST_MSECOND, 640, 480);
  g_assert_cmpuint (count_frames (fc_test_lookup_s (ev.end, "tempVideoPath"),
                                  &regular),
                    ==, 30);
  g_assert_true (regular);
  /* and again, from the start */
  g_clear_pointer (&ev.end, g_variant_unref);
  fc_recorder_set_record_time (rec, 500);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.end, 60000);
  check_end (ev.end, 500 * GST_MSECOND, 640, 480);
  g_assert_cmpuint (count_frames (fc_test_lookup_s (ev.end, "tempVideoPath"),
                                  &regular),
                    ==, 15);
  g_assert_finalize_object (rec);
  gst_object_unref (clock);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (dir);
}

/* Offline, stop and destruction mid-recording: the file holds what was
 * made, whole frames on the grid, and is finalised. Ten minutes of
 * record-time: far more than is made before the stop arrives. */
static void
test_offline_stop_destroy (void)
{
  g_autofree char *dir = make_dir ();
  FcRecorder *rec = recorder_new ("test", "test", "low", 600000, dir);
  g_autofree char *path = NULL;
  gboolean regular = FALSE;
  gint64 duration;
  FcTestFileInfo info = { 0 };
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  fc_recorder_set_offline (rec, TRUE);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.start, 10000);
  g_assert_true (fc_recorder_stop (rec));
  fc_test_wait_for (&ev, &ev.end, 30000);
  duration = fc_test_lookup_x (ev.end, "duration");
  g_test_message ("offline, stopped at %" G_GINT64_FORMAT " ms", duration);
  g_assert_cmpint (duration, >, 0);
  g_assert_cmpint (duration, <, 600000);
  check_end (ev.end, duration * GST_MSECOND, 640, 480);
  g_assert_cmpuint (count_frames (fc_test_lookup_s (ev.end, "tempVideoPath"),
                                  &regular),
                    ==, (duration * 30 + 500) / 1000);
  g_assert_true (regular);
  g_assert_cmpuint (ev.warnings->len, ==, 0);

  /* again, and the recorder destroyed while recording */
  g_clear_pointer (&ev.start, g_variant_unref);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.start, 10000);
  path = g_strdup (fc_test_lookup_s (ev.start, "tempVideoPath"));
  g_assert_finalize_object (rec);
  g_assert_cmpuint (ev.n_end, ==, 1);
  g_assert_cmpuint (ev.n_error, ==, 0);
  fc_test_discover (path, &info);
  g_test_message ("offline, finalised on destruction: %" GST_TIME_FORMAT,
                  GST_TIME_ARGS (info.duration));
  g_assert_cmpuint (info.duration, >, 0);
  g_assert_cmpuint (fc_test_played_ns (path), >, 0);
  g_free (info.profile);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (dir);
}

/* Offline with a device: an error naming it, nothing started. */
static void
test_offline_device (void)
{
  static const char *const settings[][2] = {
    { "pipewire:fc-test-camera", "test" },
    { "test", "pipewire:fc-test-mic" },
    { "v4l2:/dev/video0", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *dir = make_dir ();
      FcRecorder *rec = recorder_new (settings[i][0], settings[i][1], "low",
                                      1000, dir);
      g_autofree char *want = NULL;
      FcTestEvents ev;

      fc_test_events_connect (&ev, rec);
      fc_recorder_set_allow_test_source (rec, TRUE);
      fc_recorder_set_offline (rec, TRUE);
      g_assert_false (fc_recorder_prepare (rec));
      g_assert_cmpuint (ev.n_error, ==, 1);
      g_assert_cmpstr (fc_test_lookup_s (ev.error, "errCode"), ==, "not-supported");
      want = g_strdup_printf (
          "offline recording needs the test camera and microphone, not %s "
          "\"%s\"",
          i == 1 ? "microphone" : "camera", settings[i][i == 1 ? 1 : 0]);
      g_assert_cmpstr (fc_test_lookup_s (ev.error, "errMsg"), ==, want);
      g_assert_cmpint (fc_recorder_get_state (rec), ==,
                       FC_RECORDER_STATE_IDLE);
      g_assert_false (fc_recorder_record (rec));
      g_assert_cmpuint (ev.n_error, ==, 2);
      g_assert_cmpuint (ev.n_ready, ==, 0);
      g_assert_cmpint (fc_recorder_get_state (rec), ==,
                       FC_RECORDER_STATE_IDLE);
      /* the setting itself is kept as given */
      fc_recorder_set_offline (rec, FALSE);
      g_assert_false (fc_recorder_get_offline (rec));
      fc_test_recording_done (rec, &ev, dir);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/video/recorder/properties", test_property_notify);
  g_test_add_func ("/video/recorder/stop-before-start", test_stop_before_start);
  g_test_add_func ("/video/recorder/no-camera", test_no_camera);
  g_test_add_func ("/video/recorder/test-fallback", test_test_fallback);
  g_test_add_func ("/video/recorder/auto-discovery", test_auto_discovery);
  g_test_add_func ("/video/recorder/virtual-clock", test_virtual_clock);
  for (guint i = 0; i < G_N_ELEMENTS (resolutions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/video/recorder/record/%s",
                                               resolutions[i].resolution);
      g_test_add_data_func (path, &resolutions[i], test_record_resolution);
    }
  g_test_add_func ("/video/recorder/stop-early", test_stop_early);
  g_test_add_func ("/video/recorder/already-recording", test_already_recording);
  g_test_add_func ("/video/recorder/preview-and-again", test_preview_and_again);
  g_test_add_func ("/video/recorder/first-frame-after-record",
                   test_first_frame_after_record);
  g_test_add_func ("/video/recorder/destroy-while-recording",
                   test_destroy_while_recording);
  g_test_add_func ("/video/recorder/fault/camera-vanish", test_camera_vanish);
  g_test_add_func ("/video/recorder/fault/camera-busy", test_camera_busy);
  g_test_add_func ("/video/recorder/fault/camera-denied", test_camera_denied);
  g_test_add_func ("/video/recorder/fault/write-failure", test_write_failure);
  g_test_add_func ("/video/recorder/sigkill", test_sigkill);
  g_test_add_data_func ("/video/recorder/offline/record/low", &resolutions[0],
                        test_offline_record);
  g_test_add_data_func ("/video/recorder/offline/record/high",
                        &resolutions[2], test_offline_record);
  g_test_add_func ("/video/recorder/offline/clock-standing-still",
                   test_offline_clock_still);
  g_test_add_func ("/video/recorder/offline/stop-destroy",
                   test_offline_stop_destroy);
  g_test_add_func ("/video/recorder/offline/device", test_offline_device);

  return g_test_run ();
}
