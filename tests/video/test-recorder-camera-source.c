/* A host's own camera element (FcRecorder:camera-source): the recording
 * comes from it (a moving test pattern named like a kiosk's camera), the
 * events name it, it goes back to the host after each recording and serves
 * again; an element that cannot be linked is an error, and offline refuses
 * it. No device needed (the microphone is the test tone). */

#include <gst/gst.h>
#include <string.h>

#include "common/fc-test-files.h"
#include "common/fc-test-recording.h"
#include "fc-recorder.h"

static FcRecorder *
recorder_with (GstElement *camera, const char *dir)
{
  FcRecorder *rec = fc_recorder_new ();

  g_object_set (rec, "camera-source", camera, "microphone", "test",
                "resolution", "low", "record-time", 1000, "temp-dir", dir,
                NULL);
  return rec;
}

static void
record_once (FcRecorder *rec, FcTestEvents *ev)
{
  FcTestFileInfo info = { 0 };

  fc_test_events_reset (ev);
  g_assert_true (fc_recorder_prepare (rec));
  fc_test_wait_for (ev, &ev->ready, 10000);
  g_assert_cmpstr (fc_test_lookup_s (ev->ready, "source"), ==, "element");
  g_assert_cmpstr (fc_test_lookup_s (ev->ready, "camera"), ==, "kiosk-cam");
  g_assert_true (fc_recorder_record (rec));
  fc_test_wait_for (ev, &ev->end, 20000);
  g_assert_cmpstr (fc_test_lookup_s (ev->start, "source"), ==, "element");
  g_assert_cmpint (fc_test_lookup_x (ev->end, "duration"), ==, 1000);
  fc_test_discover (fc_test_lookup_s (ev->end, "tempVideoPath"), &info);
  g_assert_cmpint (info.width, ==, 640);
  g_assert_cmpint (info.height, ==, 480);
  g_free (info.profile);
}

static void
test_records_and_serves_again (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fc-camsrc-XXXXXX", NULL);
  GstElement *camera = gst_element_factory_make_full (
      "videotestsrc", "name", "kiosk-cam", "is-live", TRUE, NULL);
  FcRecorder *rec;
  FcTestEvents ev;

  gst_object_ref_sink (camera);
  gst_util_set_object_arg (G_OBJECT (camera), "pattern", "ball");
  rec = recorder_with (camera, dir);
  g_assert_true (fc_recorder_get_camera_source (rec) == camera);
  fc_test_events_connect (&ev, rec);
  record_once (rec, &ev);
  /* back with the host: out of the pipeline, stopped */
  g_assert_null (GST_OBJECT_PARENT (camera));
  g_assert_cmpint (GST_STATE (camera), ==, GST_STATE_NULL);
  record_once (rec, &ev);
  g_assert_null (GST_OBJECT_PARENT (camera));
  g_assert_finalize_object (rec);
  fc_test_events_clear (&ev);
  /* the host's reference is the last one */
  g_assert_cmpint (GST_OBJECT_REFCOUNT_VALUE (camera), ==, 1);
  gst_object_unref (camera);
  fc_test_remove_tree (dir);
}

static void
test_cannot_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fc-camsrc-XXXXXX", NULL);
  GstElement *sink = gst_element_factory_make_full ("fakesink", "name",
                                                    "not-a-source", NULL);
  FcRecorder *rec = recorder_with (sink, dir);
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  g_assert_false (fc_recorder_prepare (rec));
  g_assert_nonnull (ev.error);
  g_assert_cmpstr (fc_test_lookup_s (ev.error, "errCode"), ==, "failed");
  g_assert_nonnull (strstr (fc_test_lookup_s (ev.error, "errMsg"),
                            "cannot link the camera source not-a-source"));
  g_assert_cmpint (fc_recorder_get_state (rec), ==, FC_RECORDER_STATE_IDLE);
  g_assert_null (GST_OBJECT_PARENT (sink));
  g_assert_finalize_object (rec);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (dir);
}

static void
test_not_offline (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fc-camsrc-XXXXXX", NULL);
  GstElement *camera = gst_element_factory_make_full (
      "videotestsrc", "name", "kiosk-cam", NULL);
  FcRecorder *rec = recorder_with (camera, dir);
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  fc_recorder_set_offline (rec, TRUE);
  g_assert_false (fc_recorder_prepare (rec));
  g_assert_cmpstr (fc_test_lookup_s (ev.error, "errCode"), ==,
                   "not-supported");
  g_assert_nonnull (strstr (fc_test_lookup_s (ev.error, "errMsg"),
                            "not camera-source \"kiosk-cam\""));
  g_assert_finalize_object (rec);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recorder-camera-source/records-and-serves-again",
                   test_records_and_serves_again);
  g_test_add_func ("/recorder-camera-source/cannot-link", test_cannot_link);
  g_test_add_func ("/recorder-camera-source/not-offline", test_not_offline);
  return g_test_run ();
}
