/* The caps the recorder forces after a camera, from what the camera offers:
 * a table, a row per camera. */

#include <gst/gst.h>

#include "fc-recorder-private.h"

typedef struct
{
  const char *offer; /* the device's caps; NULL when unknown */
  int width, height; /* the resolution asked for */
  const char *want;  /* the caps chosen */
  gboolean decode;
} Row;

static const Row rows[] = {
  /* The test environment's camera. */
  { "video/x-raw,format=YUY2,width=1280,height=720,framerate=30/1", 1280, 720,
    "video/x-raw,format=YUY2,width=1280,height=720,framerate=30/1", FALSE },
  /* The smallest size that covers the request wins... */
  { "video/x-raw,format=YUY2,width=640,height=480,framerate=30/1;"
    "video/x-raw,format=YUY2,width=1920,height=1080,framerate=30/1;"
    "video/x-raw,format=YUY2,width=1280,height=720,framerate=30/1",
    1280, 720, "video/x-raw,format=YUY2,width=1280,height=720,framerate=30/1",
    FALSE },
  /* ...else the largest there is. */
  { "video/x-raw,format=NV12,width=640,height=480,framerate=30/1;"
    "video/x-raw,format=NV12,width=320,height=240,framerate=30/1",
    1920, 1080, "video/x-raw,format=NV12,width=640,height=480,framerate=30/1",
    FALSE },
  /* Raw before JPEG, when both keep up with 30 fps... */
  { "image/jpeg,width=1280,height=720,framerate=30/1;"
    "video/x-raw,format=YUY2,width=1280,height=720,framerate=30/1",
    1280, 720, "video/x-raw,format=YUY2,width=1280,height=720,framerate=30/1",
    FALSE },
  /* ...but 30 fps first: a typical webcam (raw is slow when big). */
  { "video/x-raw,format=YUY2,width=640,height=480,framerate=30/1;"
    "video/x-raw,format=YUY2,width=1280,height=720,framerate=10/1;"
    "video/x-raw,format=YUY2,width=1920,height=1080,framerate=5/1;"
    "image/jpeg,width=1280,height=720,framerate=30/1;"
    "image/jpeg,width=1920,height=1080,framerate=30/1",
    1280, 720, "image/jpeg,width=1280,height=720,framerate=30/1", TRUE },
  { "video/x-raw,format=YUY2,width=640,height=480,framerate=30/1;"
    "video/x-raw,format=YUY2,width=1280,height=720,framerate=10/1;"
    "image/jpeg,width=1280,height=720,framerate=30/1",
    640, 480, "video/x-raw,format=YUY2,width=640,height=480,framerate=30/1",
    FALSE },
  /* A JPEG-only camera needs a decoder. */
  { "image/jpeg,width=1280,height=720,framerate=30/1", 640, 480,
    "image/jpeg,width=1280,height=720,framerate=30/1", TRUE },
  /* Ranges and lists are fixed near the request; 30 fps preferred. */
  { "video/x-raw,format={I420,YUY2},width=[160,4096],height=[120,2160],"
    "framerate=[1/1,60/1],colorimetry=bt709,pixel-aspect-ratio=1/1",
    1280, 720, "video/x-raw,format=I420,width=1280,height=720,framerate=30/1",
    FALSE },
  /* Unknown offers: raw video, and the camera negotiates the rest. */
  { NULL, 1280, 720, "video/x-raw", FALSE },
  { "ANY", 1280, 720, "video/x-raw", FALSE },
  { "audio/x-raw,format=S16LE", 1280, 720, "video/x-raw", FALSE },
};

static void
test_choose (gconstpointer data)
{
  const Row *row = data;
  FcSource source = FC_SOURCE_INIT;
  g_autoptr (GstCaps) want = gst_caps_from_string (row->want);
  g_autoptr (GstCaps) got = NULL;
  g_autofree char *text = NULL;
  gboolean decode = !row->decode;

  if (row->offer != NULL)
    source.caps = gst_caps_from_string (row->offer);
  got = fc_source_choose_video_caps (&source, row->width, row->height, &decode);
  text = gst_caps_to_string (got);
  g_test_message ("chose %s", text);
  g_assert_true (gst_caps_is_equal (got, want));
  g_assert_cmpint (decode, ==, row->decode);
  fc_source_clear (&source);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/video/recorder-caps/%u", i);
      g_test_add_data_func (path, &rows[i], test_choose);
    }
  return g_test_run ();
}
