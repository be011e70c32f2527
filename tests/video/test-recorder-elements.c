/* The recorder's elements on their own, with GstHarness: frames and
 * samples in, frames and samples out.
 *
 * fcburnin: a step's text is in exactly the frames at or after its
 * showTime (and the one before has the previous step's), frames with
 * nothing to draw pass as the very same buffer, pictures made for
 * another size are not drawn, and "pictures" set from another thread
 * while frames flow gives every frame either the old or the new pictures,
 * never half of each.
 *
 * fcpromptmix: a clip is added from its sample on, to the sample, clipped
 * at full scale; buffers it does not sound in pass untouched; "clips" set
 * from another thread while the sound flows.
 *
 * The element sources are compiled in (they are private to the library);
 * they register the "fcrecorder" plugin as the library does. */

#include <gst/check/gstharness.h>
#include <gst/gst.h>
#include <gst/video/video.h>
#include <string.h>

#include "fc-burn-in.h"
#include "fc-prompt-mix.h"
#include "fc-recorder-elements.h"

#define W 320
#define H 240
/* 40 fps: the showTimes below fall exactly on frames */
#define FRAME (25 * GST_MSECOND)
#define TOP 20.0

/* Red text from 100 ms, green from 200 ms; without a mask, frames before
 * 100 ms have nothing to draw. */
static const char steps_text[]
    = "[<{'showTime': <100.0>, 'textList': <[<{'text': <'MMMM'>,"
      "   'color': <'#ff0000'>, 'fontSize': <'60px'>}>]>}>,"
      " <{'showTime': <200.0>, 'textList': <[<{'text': <'MMMM'>,"
      "   'color': <'#00ff00'>, 'fontSize': <'60px'>}>]>}>]";

static FcStepList *
make_steps (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) value
      = g_variant_parse (G_VARIANT_TYPE ("av"), steps_text, NULL, NULL, &error);
  FcStepList *steps;

  g_assert_no_error (error);
  steps = fc_step_list_new (value, NULL, NULL, &error);
  g_assert_no_error (error);
  return steps;
}

static GstHarness *
burn_in_harness (void)
{
  GstHarness *h;

  g_assert_true (fc_recorder_elements_register ());
  h = gst_harness_new ("fcburnin");
  gst_harness_set_src_caps_str (
      h, "video/x-raw,format=I420,width=" G_STRINGIFY (W) ",height=" G_STRINGIFY (
             H) ",framerate=40/1,pixel-aspect-ratio=1/1");
  return h;
}

/* A mid-grey I420 frame at frame N's time. */
static GstBuffer *
grey_frame (guint n)
{
  GstVideoInfo info;
  GstBuffer *buf;

  gst_video_info_set_format (&info, GST_VIDEO_FORMAT_I420, W, H);
  buf = gst_buffer_new_allocate (NULL, GST_VIDEO_INFO_SIZE (&info), NULL);
  gst_buffer_memset (buf, 0, 128, GST_VIDEO_INFO_SIZE (&info));
  GST_BUFFER_PTS (buf) = n * FRAME;
  GST_BUFFER_DURATION (buf) = FRAME;
  return buf;
}

/* What the frame shows over the grey: 0 nothing, 1 red text, 2 green
 * text (by the chroma of the samples that changed). */
static int
frame_shows (GstBuffer *buf)
{
  GstVideoInfo info;
  GstVideoFrame frame;
  guint changed = 0;
  gint64 cb = 0, cr = 0;

  gst_video_info_set_format (&info, GST_VIDEO_FORMAT_I420, W, H);
  g_assert_true (gst_video_frame_map (&frame, &info, buf, GST_MAP_READ));
  for (int y = 0; y < H / 2; y++)
    for (int x = 0; x < W / 2; x++)
      {
        int u = ((const guint8 *) GST_VIDEO_FRAME_COMP_DATA (&frame, 1))
            [y * GST_VIDEO_FRAME_COMP_STRIDE (&frame, 1) + x];
        int v = ((const guint8 *) GST_VIDEO_FRAME_COMP_DATA (&frame, 2))
            [y * GST_VIDEO_FRAME_COMP_STRIDE (&frame, 2) + x];

        if (u != 128 || v != 128)
          {
            changed++;
            cb += u - 128;
            cr += v - 128;
          }
      }
  gst_video_frame_unmap (&frame);
  if (changed < 50)
    return 0;
  /* red: Cr well above neutral; green: both below */
  if (cr / (gint64) changed > 20)
    return 1;
  if (cr / (gint64) changed < -10 && cb / (gint64) changed < -10)
    return 2;
  return -1;
}

static void
test_burn_in_show_time (void)
{
  g_autoptr (FcStepList) steps = make_steps ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FcBurnIn) pictures
      = fc_burn_in_new (steps, NULL, W, H, TOP, &error);
  GstHarness *h = burn_in_harness ();

  g_assert_no_error (error);
  g_object_set (h->element, "pictures", pictures, NULL);
  /* 100 ms is frame 4 exactly, 200 ms frame 8 */
  for (guint n = 0; n < 11; n++)
    {
      GstBuffer *in = grey_frame (n);
      g_autoptr (GstBuffer) out = NULL;
      int expect = n >= 8 ? 2 : n >= 4 ? 1 : 0;

      gst_buffer_ref (in);
      g_assert_cmpint (gst_harness_push (h, in), ==, GST_FLOW_OK);
      out = gst_harness_pull (h);
      g_assert_nonnull (out);
      g_assert_cmpuint (GST_BUFFER_PTS (out), ==, n * FRAME);
      g_assert_cmpint (frame_shows (out), ==, expect);
      if (expect == 0)
        g_assert_true (out == in); /* nothing to draw: the same buffer */
      else
        {
          g_assert_true (out != in);
          g_assert_cmpint (frame_shows (in), ==, 0); /* input untouched */
        }
      gst_buffer_unref (in);
    }
  /* none: every frame as it came */
  g_object_set (h->element, "pictures", NULL, NULL);
  {
    GstBuffer *in = grey_frame (20);
    g_autoptr (GstBuffer) out = NULL;

    gst_buffer_ref (in);
    gst_harness_push (h, in);
    out = gst_harness_pull (h);
    g_assert_true (out == in);
    gst_buffer_unref (in);
  }
  gst_harness_teardown (h);
}

static void
test_burn_in_other_size (void)
{
  g_autoptr (FcStepList) steps = make_steps ();
  g_autoptr (GError) error = NULL;
  g_autoptr (FcBurnIn) pictures
      = fc_burn_in_new (steps, NULL, W * 2, H * 2, TOP, &error);
  GstHarness *h = burn_in_harness ();
  GstBuffer *in = grey_frame (7);
  g_autoptr (GstBuffer) out = NULL;

  g_assert_no_error (error);
  g_object_set (h->element, "pictures", pictures, NULL);
  gst_buffer_ref (in);
  g_assert_cmpint (gst_harness_push (h, in), ==, GST_FLOW_OK);
  out = gst_harness_pull (h);
  g_assert_true (out == in);
  g_assert_cmpint (frame_shows (out), ==, 0);
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

static void
test_burn_in_bad_mask (void)
{
  g_autoptr (GBytes) junk = g_bytes_new_static ("not an image", 12);
  g_autoptr (GError) error = NULL;
  FcBurnIn *pictures = fc_burn_in_new (NULL, junk, W, H, TOP, &error);

  g_assert_null (pictures);
  g_assert_nonnull (error);
}

typedef struct
{
  GstElement *element;
  FcBurnIn *a, *b;
  gint stop;
} Toggle;

static gpointer
toggle_thread (gpointer data)
{
  Toggle *t = data;

  for (guint i = 0; !g_atomic_int_get (&t->stop); i++)
    {
      g_object_set (t->element, "pictures", i % 3 == 2 ? NULL
                                            : i % 3 ? t->b
                                                    : t->a,
                    NULL);
      g_usleep (200);
    }
  return NULL;
}

/* Pictures A show the steps; B are the same steps over a mask-free frame
 * of another colour set (red only): each frame must be one of them or
 * untouched, whatever the other thread does. */
static void
test_burn_in_property_while_flowing (void)
{
  static const char red_only[]
      = "[<{'showTime': <0.0>, 'textList': <[<{'text': <'MMMM'>,"
        "   'color': <'#ff0000'>, 'fontSize': <'60px'>}>]>}>]";
  g_autoptr (GVariant) value
      = g_variant_parse (G_VARIANT_TYPE ("av"), red_only, NULL, NULL, NULL);
  g_autoptr (FcStepList) steps = make_steps ();
  g_autoptr (FcStepList) red = fc_step_list_new (value, NULL, NULL, NULL);
  GstHarness *h = burn_in_harness ();
  Toggle t = { h->element, NULL, NULL, 0 };
  GThread *thread;
  guint seen[4] = { 0 };

  t.a = fc_burn_in_new (steps, NULL, W, H, TOP, NULL);
  t.b = fc_burn_in_new (red, NULL, W, H, TOP, NULL);
  g_assert_nonnull (t.a);
  g_assert_nonnull (t.b);
  thread = g_thread_new ("toggle", toggle_thread, &t);
  for (guint n = 0; n < 300; n++)
    {
      /* from frame 8 on, A gives green and B red */
      g_autoptr (GstBuffer) out = NULL;
      int shows;

      g_assert_cmpint (gst_harness_push (h, grey_frame (8 + n % 3)), ==,
                       GST_FLOW_OK);
      out = gst_harness_pull (h);
      shows = frame_shows (out);
      g_assert_cmpint (shows, >=, 0);
      seen[shows]++;
    }
  g_atomic_int_set (&t.stop, 1);
  g_thread_join (thread);
  g_test_message ("untouched %u, red %u, green %u", seen[0], seen[1],
                  seen[2]);
  gst_harness_teardown (h);
  fc_burn_in_unref (t.a);
  fc_burn_in_unref (t.b);
}

/* ---- fcpromptmix ---- */

#define RATE 48000

static GstHarness *
mix_harness (void)
{
  GstHarness *h;

  g_assert_true (fc_recorder_elements_register ());
  h = gst_harness_new ("fcpromptmix");
  gst_harness_set_src_caps_str (
      h, "audio/x-raw,format=S16LE,rate=48000,channels=1,layout=interleaved");
  return h;
}

/* N samples of VALUE, the first being sample OFFSET of the recording. */
static GstBuffer *
samples (guint64 offset, guint n, gint16 value)
{
  GstBuffer *buf = gst_buffer_new_allocate (NULL, n * sizeof (gint16), NULL);
  GstMapInfo map;

  gst_buffer_map (buf, &map, GST_MAP_WRITE);
  for (guint i = 0; i < n; i++)
    ((gint16 *) map.data)[i] = value;
  gst_buffer_unmap (buf, &map);
  GST_BUFFER_OFFSET (buf) = offset;
  GST_BUFFER_OFFSET_END (buf) = offset + n;
  GST_BUFFER_PTS (buf) = gst_util_uint64_scale (offset, GST_SECOND, RATE);
  GST_BUFFER_DURATION (buf) = gst_util_uint64_scale (n, GST_SECOND, RATE);
  return buf;
}

static GBytes *
clip (guint n, gint16 value)
{
  gint16 *data = g_new (gint16, n);

  for (guint i = 0; i < n; i++)
    data[i] = value;
  return g_bytes_new_take (data, n * sizeof (gint16));
}

static void
test_mix_to_the_sample (void)
{
  g_autoptr (GBytes) pcm = clip (1000, 20000);
  g_autoptr (FcPromptMix) mix = fc_prompt_mix_new ();
  GstHarness *h = mix_harness ();

  /* the clip from sample 1500 to 2500 */
  fc_prompt_mix_add (mix, 1500, pcm);
  g_object_set (h->element, "clips", mix, NULL);
  for (guint b = 0; b < 4; b++)
    {
      GstBuffer *in = samples (b * 960, 960, 15000);
      g_autoptr (GstBuffer) out = NULL;
      GstMapInfo map;

      gst_buffer_ref (in);
      g_assert_cmpint (gst_harness_push (h, in), ==, GST_FLOW_OK);
      out = gst_harness_pull (h);
      if (b == 0 || b == 3)
        g_assert_true (out == in); /* [0, 960), [2880, 3840): no clip */
      gst_buffer_unref (in);
      gst_buffer_map (out, &map, GST_MAP_READ);
      for (guint i = 0; i < 960; i++)
        {
          guint64 s = b * 960 + i;
          gint16 v = ((const gint16 *) map.data)[i];

          /* 15000 + 20000 clipped at full scale */
          g_assert_cmpint (v, ==, s >= 1500 && s < 2500 ? G_MAXINT16 : 15000);
        }
      gst_buffer_unmap (out, &map);
    }
  gst_harness_teardown (h);
}

static void
test_mix_no_offset (void)
{
  g_autoptr (GBytes) pcm = clip (100, 1000);
  g_autoptr (FcPromptMix) mix = fc_prompt_mix_new ();
  GstHarness *h = mix_harness ();
  GstBuffer *in = samples (0, 480, 7);
  g_autoptr (GstBuffer) out = NULL;

  fc_prompt_mix_add (mix, 0, pcm);
  g_object_set (h->element, "clips", mix, NULL);
  GST_BUFFER_OFFSET (in) = GST_BUFFER_OFFSET_NONE;
  gst_buffer_ref (in);
  gst_harness_push (h, in);
  out = gst_harness_pull (h);
  g_assert_true (out == in); /* not placed in the recording: untouched */
  gst_buffer_unref (in);
  gst_harness_teardown (h);
}

typedef struct
{
  GstElement *element;
  FcPromptMix *mix;
  gint stop;
} MixToggle;

static gpointer
mix_toggle_thread (gpointer data)
{
  MixToggle *t = data;

  for (guint i = 0; !g_atomic_int_get (&t->stop); i++)
    {
      g_object_set (t->element, "clips", i % 2 ? t->mix : NULL, NULL);
      g_usleep (100);
    }
  return NULL;
}

/* Each buffer has the clip added throughout or not at all. */
static void
test_mix_property_while_flowing (void)
{
  g_autoptr (GBytes) pcm = clip (RATE, 100);
  MixToggle t = { NULL, fc_prompt_mix_new (), 0 };
  GstHarness *h = mix_harness ();
  GThread *thread;
  guint with = 0, without = 0;

  fc_prompt_mix_add (t.mix, 0, pcm);
  t.element = h->element;
  thread = g_thread_new ("toggle", mix_toggle_thread, &t);
  for (guint b = 0; b < 400; b++)
    {
      g_autoptr (GstBuffer) out = NULL;
      GstMapInfo map;
      gint16 first;

      gst_harness_push (h, samples ((b % 40) * 480, 480, 1));
      out = gst_harness_pull (h);
      gst_buffer_map (out, &map, GST_MAP_READ);
      first = ((const gint16 *) map.data)[0];
      g_assert_true (first == 1 || first == 101);
      for (guint i = 0; i < 480; i++)
        g_assert_cmpint (((const gint16 *) map.data)[i], ==, first);
      gst_buffer_unmap (out, &map);
      if (first == 101)
        with++;
      else
        without++;
    }
  g_atomic_int_set (&t.stop, 1);
  g_thread_join (thread);
  g_test_message ("with the clip %u, without %u", with, without);
  gst_harness_teardown (h);
  fc_prompt_mix_unref (t.mix);
}

int
main (int argc, char **argv)
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recorder-elements/burn-in/show-time",
                   test_burn_in_show_time);
  g_test_add_func ("/recorder-elements/burn-in/other-size",
                   test_burn_in_other_size);
  g_test_add_func ("/recorder-elements/burn-in/bad-mask",
                   test_burn_in_bad_mask);
  g_test_add_func ("/recorder-elements/burn-in/property-while-flowing",
                   test_burn_in_property_while_flowing);
  g_test_add_func ("/recorder-elements/prompt-mix/to-the-sample",
                   test_mix_to_the_sample);
  g_test_add_func ("/recorder-elements/prompt-mix/no-offset",
                   test_mix_no_offset);
  g_test_add_func ("/recorder-elements/prompt-mix/property-while-flowing",
                   test_mix_property_while_flowing);
  return g_test_run ();
}
