#include "fc-test-devices.h"

#include <gio/gio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

struct _FcTestCamera {
  GstElement *pipeline;
  char *node;
};

static gboolean
have_session (void)
{
  const char *runtime = g_getenv ("XDG_RUNTIME_DIR");
  g_autofree char *socket = runtime ? g_build_filename (runtime, "pipewire-0", NULL) : NULL;

  if (socket == NULL || !g_file_test (socket, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no PipeWire session: run the suite through ./run test");
      return FALSE;
    }
  return TRUE;
}

/* Polls PipeWire's registry rather than a GstDeviceMonitor: on PipeWire
 * 0.3.65 a stopped monitor's provider touches freed devices when a node goes
 * away afterwards, which is exactly what test cameras do. */
gboolean
fc_test_wait_device (const char *klass, const char *node, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  g_autofree char *want_node = g_strdup_printf ("node.name = \"%s\"", node);
  g_autofree char *want_class = g_strdup_printf ("media.class = \"%s\"", klass);
  const char *argv[] = { "pw-cli", "ls", "Node", NULL };

  do
    {
      g_autofree char *out = NULL;
      g_auto (GStrv) objects = NULL;

      if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, &out, NULL, NULL, NULL) && out != NULL)
        {
          objects = g_strsplit (out, "\tid ", -1);
          for (guint i = 0; objects[i] != NULL; i++)
            if (strstr (objects[i], want_node) && strstr (objects[i], want_class))
              return TRUE;
        }
      g_usleep (20 * 1000);
    }
  while (g_get_monotonic_time () < deadline);
  return FALSE;
}

FcTestCamera *
fc_test_camera_new (int width, int height)
{
  return fc_test_camera_new_format ("YUY2", width, height);
}

FcTestCamera *
fc_test_camera_new_format (const char *format, int width, int height)
{
  static gint counter;
  g_autoptr (GError) error = NULL;
  g_autofree char *desc = NULL;
  FcTestCamera *camera;

  if (!have_session ())
    return NULL;

  camera = g_new0 (FcTestCamera, 1);
  camera->node = g_strdup_printf ("fc-test-camera-%d-%d", (int) getpid (), g_atomic_int_add (&counter, 1));
  /* Lowest driver priority: the graph's dummy driver drives the node, which
   * otherwise elects itself driver and stalls when a consumer leaves. */
  desc = g_strdup_printf (
      "videotestsrc is-live=true pattern=smpte "
      "! video/x-raw,format=%s,width=%d,height=%d,framerate=30/1 "
      "! pipewiresink mode=provide "
      "stream-properties=\"props,media.class=Video/Source,node.name=%s,"
      "node.description=%s,priority.driver=1\"",
      format, width, height, camera->node, camera->node);
  camera->pipeline = gst_parse_launch (desc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_element_set_state (camera->pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  if (!fc_test_wait_device ("Video/Source", camera->node, 5000))
    g_error ("the test camera node %s did not appear within 5 s", camera->node);
  return camera;
}

const char *
fc_test_camera_get_node (FcTestCamera *camera)
{
  return camera->node;
}

void
fc_test_camera_vanish (FcTestCamera *camera)
{
  gst_element_set_state (camera->pipeline, GST_STATE_NULL);
}

void
fc_test_camera_free (FcTestCamera *camera)
{
  if (camera == NULL)
    return;
  gst_element_set_state (camera->pipeline, GST_STATE_NULL);
  gst_object_unref (camera->pipeline);
  g_free (camera->node);
  g_free (camera);
}

const char *
fc_test_microphone_node (void)
{
  const char *node = g_getenv ("FC_TEST_MIC_NODE");

  if (!have_session () || node == NULL || *node == '\0')
    {
      if (!g_test_failed ())
        g_test_skip ("no virtual microphone: run the suite through ./run test");
      return NULL;
    }
  return node;
}

struct _FcTestMicrophone {
  GSubprocess *loopback;
  GstElement *feed;
  char *node;
};

FcTestMicrophone *
fc_test_microphone_new (void)
{
  static gint counter;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL, *capture = NULL, *playback = NULL, *feed = NULL;
  g_autofree char *desc = NULL;
  FcTestMicrophone *mic;

  if (!have_session ())
    return NULL;

  mic = g_new0 (FcTestMicrophone, 1);
  mic->node = g_strdup_printf ("fc-test-mic-%d-%d", (int) getpid (), g_atomic_int_add (&counter, 1));
  name = g_strdup_printf ("%s-loopback", mic->node);
  feed = g_strdup_printf ("%s-feed", mic->node);
  capture = g_strdup_printf ("--capture-props=media.class=Audio/Sink node.name=%s audio.position=[MONO]", feed);
  playback = g_strdup_printf ("--playback-props=media.class=Audio/Source node.name=%s "
                              "node.description=%s audio.position=[MONO]", mic->node, mic->node);
  mic->loopback = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                    &error, "pw-loopback", "--name", name, capture, playback, NULL);
  g_assert_no_error (error);
  if (!fc_test_wait_device ("Audio/Sink", feed, 5000) || !fc_test_wait_device ("Audio/Source", mic->node, 5000))
    g_error ("the test microphone %s did not appear within 5 s", mic->node);
  /* The tone goes to this loopback only: when it vanishes, the feed is not
   * moved to the session's microphone. */
  desc = g_strdup_printf (
      "audiotestsrc is-live=true wave=sine freq=440 volume=0.3 "
      "! audio/x-raw,format=S16LE,rate=48000,channels=1 "
      "! pipewiresink target-object=%s stream-properties=\"props,node.dont-reconnect=true\"",
      feed);
  mic->feed = gst_parse_launch (desc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_element_set_state (mic->feed, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  return mic;
}

const char *
fc_test_microphone_get_node (FcTestMicrophone *mic)
{
  return mic->node;
}

void
fc_test_microphone_vanish (FcTestMicrophone *mic)
{
  if (g_subprocess_get_identifier (mic->loopback) != NULL)
    {
      g_subprocess_force_exit (mic->loopback);
      g_subprocess_wait (mic->loopback, NULL, NULL);
    }
}

void
fc_test_microphone_free (FcTestMicrophone *mic)
{
  if (mic == NULL)
    return;
  gst_element_set_state (mic->feed, GST_STATE_NULL);
  gst_object_unref (mic->feed);
  fc_test_microphone_vanish (mic);
  g_object_unref (mic->loopback);
  g_free (mic->node);
  g_free (mic);
}
