/* An offline recording whose picture is slow to come is not declared
 * stuck: it ends in onRecordStart and onRecordEnd, with its full length
 * and no error.
 *
 * Under valgrind (20-50x slower, its threads run one at a time) on a
 * loaded machine, an offline pipeline of the test sources once gave its
 * first frame after record, or its first frame at all, more than 10 s
 * late (tests/valgrind/run, plugins-subpackage); the watchdog's old rule
 * for offline sources, no frame for 10 s = stuck, then ended the
 * recording with "recording stalled" (or "camera busy" before ready)
 * and the replay, whose page did not bind onRecordError, showed neither
 * a start nor an error. Here the video source is held back for 12 s
 * after record (its streaming thread waits in a probe on the test
 * pattern's pad): longer than the old rule, well within the new one
 * (fc-recorder-watchdog.c, OFFLINE_STALL_US). */

#include <gst/gst.h>

#include "common/fc-test-recording.h"
#include "fc-recorder.h"

#define RECORD_MS 500
/* longer than the old rule's 10 s */
#define HOLD_BACK_MS 12000

/* The test pattern's streaming thread, held back: the first frame after
 * record waits in the probe until the deadline (a deadline, not a signal
 * from the main loop: a recorder tearing down meanwhile waits for this
 * thread). */
typedef struct
{
  gint armed;      /* 1: hold the next frame back */
  gint64 until_us; /* set before armed */
  gint held;       /* 1 once a frame has been held back */
} Hold;

static GstPadProbeReturn
hold_back (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  Hold *hold = data;
  gint64 now;

  (void) pad, (void) info;
  if (!g_atomic_int_compare_and_exchange (&hold->armed, 1, 0))
    return GST_PAD_PROBE_OK;
  while ((now = g_get_monotonic_time ()) < hold->until_us)
    g_usleep (MIN (hold->until_us - now, 10000));
  g_atomic_int_set (&hold->held, 1);
  return GST_PAD_PROBE_OK;
}

static void
test_first_frame_late (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fc-recorder-slow-XXXXXX", NULL);
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);
  g_autoptr (GstElement) source = NULL;
  g_autoptr (GstPad) pad = NULL;
  FcTestFileInfo info = { 0 };
  Hold hold = { 0 };
  FcTestEvents ev;
  FcRecorder *rec;
  gint64 record_us;

  gst_object_ref_sink (sink);
  g_object_set (sink, "sync", FALSE, "async", FALSE, NULL);
  rec = fc_recorder_new ();
  g_object_set (rec, "offline", TRUE, "resolution", "low", "record-time",
                RECORD_MS, "temp-dir", dir, "preview-sink", sink, NULL);
  fc_test_events_connect (&ev, rec);
  g_assert_true (fc_recorder_prepare (rec));
  fc_test_wait_for (&ev, &ev.ready, 30000);

  /* ready: the sources are held until record. The test pattern (the
   * pipeline's "vsrc", found from the preview sink) is held back for
   * HOLD_BACK_MS from record on. */
  g_assert_nonnull (GST_OBJECT_PARENT (sink));
  source = gst_bin_get_by_name (GST_BIN (GST_OBJECT_PARENT (sink)), "vsrc");
  g_assert_nonnull (source);
  pad = gst_element_get_static_pad (source, "src");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, hold_back, &hold, NULL);
  record_us = g_get_monotonic_time ();
  hold.until_us = record_us + HOLD_BACK_MS * 1000;
  g_atomic_int_set (&hold.armed, 1);
  g_assert_true (fc_recorder_record (rec));

  /* no error while the picture is late, then the whole recording */
  fc_test_wait_for (&ev, &ev.end, HOLD_BACK_MS + 30000);
  g_assert_cmpint (g_atomic_int_get (&hold.held), ==, 1);
  g_assert_cmpint (ev.end_us - record_us, >=, HOLD_BACK_MS * 1000);
  g_assert_cmpuint (ev.n_start, ==, 1);
  g_assert_cmpuint (ev.n_end, ==, 1);
  g_assert_cmpuint (ev.n_error, ==, 0);
  g_assert_cmpint (fc_test_lookup_x (ev.end, "duration"), ==, RECORD_MS);
  fc_test_discover (fc_test_lookup_s (ev.end, "tempVideoPath"), &info);
  g_assert_cmpuint (info.duration, >=, (RECORD_MS - 40) * GST_MSECOND);
  g_free (info.profile);

  fc_test_recording_done (rec, &ev, dir);
  gst_object_unref (sink);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  g_test_add_func ("/recorder-slow/offline-first-frame-late",
                   test_first_frame_late);
  return g_test_run ();
}
