/* A camera that hangs for a while and comes back does not end the
 * recording: after the hang the frames flow again and the recording
 * completes with its full length and no error. The hang is three times
 * the recorder's old 500 ms rule, which ended recordings on a busy
 * machine's half-second hiccups.
 *
 * The camera is a host's element (FcRecorder:camera-source), a live test
 * pattern whose frames are dropped on its pad for the hang: the recorder
 * sees what a hung camera gives, nothing, while the pattern's clock goes
 * on. (The test environment's PipeWire camera cannot stand in: it drives
 * the graph its consumers are in, so its hang stops the microphone too,
 * and on PipeWire 0.3.65 its consumers never get a frame again after.) */

#include <gst/gst.h>

#include "common/fc-test-files.h"
#include "common/fc-test-recording.h"
#include "fc-recorder.h"

#define RECORD_MS 4000
/* 3x the old 500 ms rule; half the rule now (fc-recorder-watchdog.c). */
#define FREEZE_MS 1500
#define FRAME_NS (GST_SECOND / 30)

static GstPadProbeReturn
drop_frames (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  (void) pad, (void) info, (void) data;
  return GST_PAD_PROBE_DROP;
}

static void
test_camera_freeze (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fc-recorder-freeze-XXXXXX", NULL);
  GstElement *camera = gst_element_factory_make_full (
      "videotestsrc", "name", "hanging-cam", "is-live", TRUE, NULL);
  g_autoptr (GstPad) pad = gst_element_get_static_pad (camera, "src");
  FcTestFileInfo info = { 0 };
  gint64 frozen_us, resumed_us;
  FcRecorder *rec;
  FcTestEvents ev;
  gulong freeze;

  gst_object_ref_sink (camera);
  rec = fc_recorder_new ();
  g_object_set (rec, "camera-source", camera, "microphone", "test",
                "resolution", "low", "record-time", RECORD_MS, "temp-dir",
                dir, NULL);
  fc_test_events_connect (&ev, rec);
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (&ev, &ev.start, 10000);
  fc_test_run_for (1000);

  frozen_us = g_get_monotonic_time ();
  freeze = gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, drop_frames,
                              NULL, NULL);
  fc_test_run_for (FREEZE_MS);
  gst_pad_remove_probe (pad, freeze);
  resumed_us = g_get_monotonic_time ();
  g_test_message ("camera hung for %.0f ms", (resumed_us - frozen_us) / 1000.0);
  g_assert_cmpuint (ev.n_error, ==, 0);

  /* an error instead of the end fails here, with its errMsg */
  fc_test_wait_for (&ev, &ev.end, RECORD_MS + 8000);
  g_test_message ("end %.0f ms after the hang, %.0f ms after start",
                  (ev.end_us - resumed_us) / 1000.0,
                  (ev.end_us - ev.start_us) / 1000.0);
  g_assert_cmpint (fc_test_lookup_x (ev.end, "duration"), ==, RECORD_MS);
  fc_test_discover (fc_test_lookup_s (ev.end, "tempVideoPath"), &info);
  g_test_message ("file: %" GST_TIME_FORMAT, GST_TIME_ARGS (info.duration));
  g_assert_cmpuint (info.duration, >=, RECORD_MS * GST_MSECOND - FRAME_NS);
  g_assert_cmpuint (info.duration, <=, RECORD_MS * GST_MSECOND + FRAME_NS);
  g_clear_pointer (&info.profile, g_free);

  fc_test_run_for (200);
  g_assert_cmpuint (ev.n_end, ==, 1);
  g_assert_cmpuint (ev.n_error, ==, 0);
  g_assert_finalize_object (rec);
  fc_test_events_clear (&ev);
  gst_object_unref (camera);
  fc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/video/recorder/fault/camera-freeze", test_camera_freeze);
  return g_test_run ();
}
