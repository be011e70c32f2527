/* GST_DEBUG_DUMP_DOT_DIR: the recording pipeline's graph is written there
 * at ready, at record and on error, and it shows the recorder's own
 * elements. An offline recording of the test sources (no device needed),
 * then a recording whose file is removed before record (an error); then
 * PipeWire cameras: frames that pass through unconverted (I420) are copied
 * out of the camera's buffers, converted ones (YUY2) are not. */

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <string.h>

#include "common/fc-test-devices.h"
#include "common/fc-test-files.h"
#include "common/fc-test-recording.h"
#include "fc-recorder.h"

static char *dot_dir;

/* How many graphs named fc-recorder-WHEN.dot there are; the last one's
 * text in *TEXT when asked. */
static guint
count_graphs (const char *when, char **text)
{
  g_autoptr (GDir) dir = g_dir_open (dot_dir, 0, NULL);
  g_autofree char *suffix = g_strdup_printf ("fc-recorder-%s.dot", when);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      {
        n++;
        if (text != NULL)
          {
            g_autofree char *path = g_build_filename (dot_dir, name, NULL);

            g_clear_pointer (text, g_free);
            g_assert_true (g_file_get_contents (path, text, NULL, NULL));
          }
      }
  return n;
}

static FcRecorder *
offline_recorder (const char *tmp)
{
  FcRecorder *rec = fc_recorder_new ();

  g_object_set (rec, "offline", TRUE, "record-time", 500, "temp-dir", tmp,
                "resolution", "low", NULL);
  return rec;
}

static void
test_ready_and_record (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("fc-graphs-XXXXXX", NULL);
  g_autofree char *text = NULL;
  FcRecorder *rec = offline_recorder (tmp);
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  g_assert_cmpuint (count_graphs ("ready", NULL), ==, 0);
  g_assert_true (fc_recorder_prepare (rec));
  fc_test_wait_for (&ev, &ev.ready, 10000);
  g_assert_cmpuint (count_graphs ("ready", &text), ==, 1);
  g_assert_nonnull (strstr (text, "FcBurnInFilter"));
  g_assert_nonnull (strstr (text, "FcPromptMixFilter"));
  g_assert_nonnull (strstr (text, "GstX264Enc"));
  g_assert_cmpuint (count_graphs ("record", NULL), ==, 0);
  g_assert_true (fc_recorder_record (rec));
  g_assert_cmpuint (count_graphs ("record", NULL), ==, 1);
  fc_test_wait_for (&ev, &ev.end, 30000);
  g_assert_cmpuint (count_graphs ("error", NULL), ==, 0);
  g_assert_finalize_object (rec);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (tmp);
}

static void
test_error (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("fc-graphs-XXXXXX", NULL);
  FcRecorder *rec = offline_recorder (tmp);
  g_autofree char *path = NULL;
  FcTestEvents ev;

  fc_test_events_connect (&ev, rec);
  g_assert_true (fc_recorder_prepare (rec));
  fc_test_wait_for (&ev, &ev.ready, 10000);
  /* the file made at prepare goes: record is a write failure */
  fc_test_remove_tree (tmp);
  g_assert_false (fc_recorder_record (rec));
  g_assert_nonnull (ev.error);
  g_assert_cmpstr (fc_test_lookup_s (ev.error, "errCode"), ==, "write-failed");
  g_assert_cmpuint (count_graphs ("error", NULL), ==, 1);
  g_assert_finalize_object (rec);
  fc_test_events_clear (&ev);
}

static void
remove_graphs (const char *when)
{
  g_autoptr (GDir) dir = g_dir_open (dot_dir, 0, NULL);
  g_autofree char *suffix = g_strdup_printf ("fc-recorder-%s.dot", when);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      {
        g_autofree char *path = g_build_filename (dot_dir, name, NULL);

        g_assert_cmpint (g_unlink (path), ==, 0);
      }
}

/* The ready graph of a recorder on a FORMAT camera: whether the camera's
 * pipewiresrc copies its frames (a non-default property is in the graph:
 * "always-copy=TRUE"); -1 when there is no PipeWire (test skipped). */
static int
camera_copies (const char *format)
{
  g_autofree char *tmp = g_dir_make_tmp ("fc-graphs-XXXXXX", NULL);
  g_autofree char *text = NULL;
  g_autofree char *setting = NULL;
  g_autoptr (FcTestCamera) camera = fc_test_camera_new_format (format, 640,
                                                               480);
  g_auto (GStrv) nodes = NULL;
  FcRecorder *rec;
  FcTestEvents ev;
  int copies = 0;

  if (camera == NULL)
    return -1;
  setting = g_strdup_printf ("pipewire:%s", fc_test_camera_get_node (camera));
  rec = fc_recorder_new ();
  g_object_set (rec, "camera", setting, "microphone", "test",
                "allow-test-source", TRUE, "temp-dir", tmp, "resolution",
                "low", NULL);
  fc_test_events_connect (&ev, rec);
  remove_graphs ("ready");
  g_assert_true (fc_recorder_prepare (rec));
  fc_test_wait_for (&ev, &ev.ready, 10000);
  g_assert_null (ev.error);
  g_assert_cmpuint (count_graphs ("ready", &text), ==, 1);
  /* the camera's node: "GstPipeWireSrc\nvsrc\n[...]\nalways-copy=TRUE..." */
  nodes = g_strsplit (text, "subgraph", -1);
  for (guint i = 0; nodes[i] != NULL; i++)
    if (strstr (nodes[i], "GstPipeWireSrc") != NULL
        && strstr (nodes[i], "vsrc") != NULL)
      copies = strstr (nodes[i], "always-copy=TRUE") != NULL;
  fc_recorder_close (rec);
  g_assert_finalize_object (rec);
  fc_test_events_clear (&ev);
  fc_test_remove_tree (tmp);
  return copies;
}

static void
test_camera_buffers (void)
{
  int yuy2 = camera_copies ("YUY2");

  if (yuy2 < 0)
    return;
  /* YUY2 is converted to I420 straight out of the camera's buffers */
  g_assert_cmpint (yuy2, ==, 0);
  /* I420 at the recording's size may pass through to the queues and the
   * encoder, which must not hold the camera's buffers: copied out */
  g_assert_cmpint (camera_copies ("I420"), ==, 1);
}

int
main (int argc, char **argv)
{
  int rc;

  dot_dir = g_dir_make_tmp ("fc-dot-XXXXXX", NULL);
  g_setenv ("GST_DEBUG_DUMP_DOT_DIR", dot_dir, TRUE);
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recorder-graphs/ready-and-record", test_ready_and_record);
  g_test_add_func ("/recorder-graphs/error", test_error);
  g_test_add_func ("/recorder-graphs/camera-buffers", test_camera_buffers);
  rc = g_test_run ();
  fc_test_remove_tree (dot_dir);
  g_free (dot_dir);
  return rc;
}
