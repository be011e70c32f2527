/* The test environment ./run test starts: its virtual camera and microphone
 * are real PipeWire nodes that GStreamer finds and records. Later tests rely
 * on this, so it is proven first. */

#include <gst/gst.h>
#include <gst/audio/audio.h>
#include <gst/pbutils/pbutils.h>
#include <glib/gstdio.h>

#include "common/fc-test-devices.h"

#define RECORD_NS GST_SECOND
#define FRAME_NS (GST_SECOND / 30)

static const char *
env_node (const char *var)
{
  const char *node = g_getenv (var);

  if (node == NULL || *node == '\0')
    g_test_skip ("no test environment: run the suite through ./run test");
  return node;
}

static GstDevice *
find_device (GstDeviceMonitor *monitor, const char *klass, const char *node)
{
  g_autolist (GstDevice) devices = gst_device_monitor_get_devices (monitor);

  for (GList *l = devices; l != NULL; l = l->next)
    {
      GstDevice *device = l->data;
      g_autoptr (GstStructure) props = gst_device_get_properties (device);
      const char *name = props ? gst_structure_get_string (props, "node.name") : NULL;

      if (gst_device_has_classes (device, klass) && g_strcmp0 (name, node) == 0)
        return g_object_ref (device);
    }
  return NULL;
}

/* One monitor for the whole process, stopped only at exit: PipeWire
 * 0.3.65's device provider corrupts the heap when nodes come and go after
 * its monitor was stopped (tests/common/fc-test-devices.c). */
static GstDeviceMonitor *monitor;

static void
test_devices_visible (void)
{
  const char *camera = env_node ("FC_TEST_CAMERA_NODE");
  const char *mic = env_node ("FC_TEST_MIC_NODE");
  g_autoptr (GstDevice) cam_device = NULL;
  g_autoptr (GstDevice) mic_device = NULL;

  if (g_test_failed () || camera == NULL || mic == NULL)
    return;

  monitor = gst_device_monitor_new ();
  gst_device_monitor_add_filter (monitor, "Video/Source", NULL);
  gst_device_monitor_add_filter (monitor, "Audio/Source", NULL);
  g_assert_true (gst_device_monitor_start (monitor));

  cam_device = find_device (monitor, "Video/Source", camera);
  mic_device = find_device (monitor, "Audio/Source", mic);

  g_assert_nonnull (cam_device);
  g_assert_nonnull (mic_device);
}

/* Recording state shared by the pad probes: the video's first timestamp
 * starts the window, both branches are cut to exactly RECORD_NS of it. */
typedef struct {
  GstElement *vsrc, *asrc;
  GstClockTime start;
  gboolean video_done, audio_done;
  guint frames;
  GMutex lock;
} Window;

static GstPadProbeReturn
video_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  Window *w = data;
  GstBuffer *buf = GST_PAD_PROBE_INFO_BUFFER (info);
  GstClockTime pts = GST_BUFFER_PTS (buf);
  gboolean stop = FALSE;

  g_mutex_lock (&w->lock);
  if (w->start == GST_CLOCK_TIME_NONE)
    w->start = pts;
  if (w->video_done || pts >= w->start + RECORD_NS)
    stop = !w->video_done, w->video_done = TRUE;
  else
    w->frames++;
  g_mutex_unlock (&w->lock);

  if (stop)
    gst_element_send_event (w->vsrc, gst_event_new_eos ());
  return w->video_done ? GST_PAD_PROBE_DROP : GST_PAD_PROBE_OK;
}

static GstPadProbeReturn
audio_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  Window *w = data;
  GstBuffer *buf = GST_PAD_PROBE_INFO_BUFFER (info);
  g_autoptr (GstCaps) caps = gst_pad_get_current_caps (pad);
  GstAudioInfo ainfo;
  GstClockTime pts = GST_BUFFER_PTS (buf), start, end;
  gsize frames;
  gssize skip, keep;
  gboolean stop = FALSE;

  if (caps == NULL || !gst_audio_info_from_caps (&ainfo, caps))
    return GST_PAD_PROBE_DROP;
  frames = gst_buffer_get_size (buf) / GST_AUDIO_INFO_BPF (&ainfo);

  g_mutex_lock (&w->lock);
  start = w->start;
  g_mutex_unlock (&w->lock);
  if (start == GST_CLOCK_TIME_NONE || w->audio_done)
    return GST_PAD_PROBE_DROP;

  end = start + RECORD_NS;
  skip = pts < start ? (gssize) gst_util_uint64_scale (start - pts, ainfo.rate, GST_SECOND) : 0;
  keep = (gssize) frames - skip;
  if (pts >= end)
    keep = 0, stop = TRUE;
  else if (pts + gst_util_uint64_scale (frames, GST_SECOND, ainfo.rate) >= end)
    {
      keep = MIN (keep, (gssize) gst_util_uint64_scale (end - MAX (pts, start), ainfo.rate, GST_SECOND));
      stop = TRUE;
    }
  if (keep <= 0)
    {
      if (stop)
        w->audio_done = TRUE, gst_element_send_event (w->asrc, gst_event_new_eos ());
      return GST_PAD_PROBE_DROP;
    }
  buf = gst_audio_buffer_truncate (buf, GST_AUDIO_INFO_BPF (&ainfo), skip, keep);
  GST_PAD_PROBE_INFO_DATA (info) = buf;
  if (stop)
    {
      w->audio_done = TRUE;
      gst_element_send_event (w->asrc, gst_event_new_eos ());
    }
  return GST_PAD_PROBE_OK;
}

static void
test_record_mp4 (void)
{
  g_autoptr (FcTestCamera) cam = fc_test_camera_new (1280, 720);
  const char *camera = cam ? fc_test_camera_get_node (cam) : NULL;
  const char *mic = fc_test_microphone_node ();
  g_autofree char *dir = NULL, *path = NULL, *uri = NULL, *desc = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) pipeline = NULL;
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GstMessage) msg = NULL;
  g_autoptr (GstPad) vpad = NULL, apad = NULL;
  g_autoptr (GstDiscoverer) discoverer = NULL;
  g_autoptr (GstDiscovererInfo) info = NULL;
  GList *videos, *audios;
  GstClockTime duration;
  Window w = { .start = GST_CLOCK_TIME_NONE };

  if (g_test_failed () || camera == NULL || mic == NULL)
    return;

  dir = g_dir_make_tmp ("fc-env-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "env.mp4", NULL);
  desc = g_strdup_printf (
      "pipewiresrc name=vsrc always-copy=true do-timestamp=true target-object=%s ! video/x-raw,format=YUY2 ! videorate ! video/x-raw,framerate=30/1 "
      "! identity name=vgate ! videoconvert ! video/x-raw,format=I420 "
      "! x264enc speed-preset=ultrafast tune=zerolatency ! h264parse "
      "! queue ! mp4mux name=mux fragment-duration=500 ! filesink location=\"%s\" "
      "pipewiresrc name=asrc always-copy=true do-timestamp=true target-object=%s ! audio/x-raw,format=S16LE "
      "! audioconvert ! audioresample ! audio/x-raw,format=S16LE,rate=48000,channels=1 "
      "! identity name=agate ! audioconvert ! avenc_aac ! aacparse ! queue ! mux.",
      camera, path, mic);
  pipeline = gst_parse_launch (desc, &error);
  g_assert_no_error (error);

  g_mutex_init (&w.lock);
  w.vsrc = gst_bin_get_by_name (GST_BIN (pipeline), "vsrc");
  w.asrc = gst_bin_get_by_name (GST_BIN (pipeline), "asrc");
  {
    g_autoptr (GstElement) vgate = gst_bin_get_by_name (GST_BIN (pipeline), "vgate");
    g_autoptr (GstElement) agate = gst_bin_get_by_name (GST_BIN (pipeline), "agate");
    vpad = gst_element_get_static_pad (vgate, "sink");
    apad = gst_element_get_static_pad (agate, "sink");
  }
  gst_pad_add_probe (vpad, GST_PAD_PROBE_TYPE_BUFFER, video_probe, &w, NULL);
  gst_pad_add_probe (apad, GST_PAD_PROBE_TYPE_BUFFER, audio_probe, &w, NULL);

  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  bus = gst_element_get_bus (pipeline);
  msg = gst_bus_timed_pop_filtered (bus, 20 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  if (msg == NULL)
    g_error ("no end of stream within 20 s: %u frames captured", w.frames);
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
    {
      g_autoptr (GError) gerr = NULL;
      gst_message_parse_error (msg, &gerr, NULL);
      g_error ("recording failed: %s", gerr->message);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  g_assert_cmpuint (w.frames, ==, 30);

  discoverer = gst_discoverer_new (10 * GST_SECOND, &error);
  g_assert_no_error (error);
  uri = gst_filename_to_uri (path, &error);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (info), ==, GST_DISCOVERER_OK);

  duration = gst_discoverer_info_get_duration (info);
  g_test_message ("recorded %u frames, file duration %" GST_TIME_FORMAT, w.frames, GST_TIME_ARGS (duration));
  g_assert_cmpuint (duration, >=, RECORD_NS - FRAME_NS);
  g_assert_cmpuint (duration, <=, RECORD_NS + FRAME_NS);

  videos = gst_discoverer_info_get_video_streams (info);
  audios = gst_discoverer_info_get_audio_streams (info);
  g_assert_cmpuint (g_list_length (videos), ==, 1);
  g_assert_cmpuint (g_list_length (audios), ==, 1);
  {
    g_autoptr (GstCaps) vcaps = gst_discoverer_stream_info_get_caps (videos->data);
    g_autoptr (GstCaps) acaps = gst_discoverer_stream_info_get_caps (audios->data);
    GstStructure *v = gst_caps_get_structure (vcaps, 0);
    GstStructure *a = gst_caps_get_structure (acaps, 0);
    const char *profile = gst_structure_get_string (v, "profile");

    g_assert_true (gst_structure_has_name (v, "video/x-h264"));
    g_assert_nonnull (profile);
    g_test_message ("H.264 profile %s", profile);
    g_assert_null (strstr (profile, "4:4:4"));
    g_assert_true (gst_structure_has_name (a, "audio/mpeg"));
    g_assert_cmpuint (gst_discoverer_audio_info_get_sample_rate (audios->data), ==, 48000);
  }
  gst_discoverer_stream_info_list_free (videos);
  gst_discoverer_stream_info_list_free (audios);

  gst_object_unref (w.vsrc);
  gst_object_unref (w.asrc);
  g_mutex_clear (&w.lock);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/environment/devices-visible", test_devices_visible);
  g_test_add_func ("/environment/record-mp4", test_record_mp4);
  g_test_add_func ("/environment/record-mp4-again", test_record_mp4);

  ret = g_test_run ();
  if (monitor != NULL)
    {
      gst_device_monitor_stop (monitor);
      gst_object_unref (monitor);
    }
  return ret;
}
