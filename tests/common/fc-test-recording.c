#include "fc-test-recording.h"

#include "fc-test-files.h"

#include <gst/pbutils/pbutils.h>
#include <string.h>

/* ---- events ----------------------------------------------------------- */

static void
keep (GVariant **slot, guint *count, gint64 *when, GVariant *detail)
{
  g_assert_true (g_variant_is_of_type (detail, G_VARIANT_TYPE_VARDICT));
  g_clear_pointer (slot, g_variant_unref);
  *slot = g_variant_ref (detail);
  (*count)++;
  *when = g_get_monotonic_time ();
}

static void
on_ready (gpointer rec, GVariant *detail, FcTestEvents *ev)
{
  keep (&ev->ready, &ev->n_ready, &ev->ready_us, detail);
}

static void
on_start (gpointer rec, GVariant *detail, FcTestEvents *ev)
{
  keep (&ev->start, &ev->n_start, &ev->start_us, detail);
}

static void
on_end (gpointer rec, GVariant *detail, FcTestEvents *ev)
{
  g_assert_cmpuint (ev->n_start, ==, ev->n_end + 1); /* start comes first */
  keep (&ev->end, &ev->n_end, &ev->end_us, detail);
}

static void
on_error (gpointer rec, GVariant *detail, FcTestEvents *ev)
{
  g_autofree char *text = g_variant_print (detail, TRUE);

  g_test_message ("error: %s", text);
  keep (&ev->error, &ev->n_error, &ev->error_us, detail);
}

static void
on_warning (gpointer rec, GVariant *detail, FcTestEvents *ev)
{
  const char *msg = NULL;

  g_assert_true (g_variant_lookup (detail, "errMsg", "&s", &msg));
  g_ptr_array_add (ev->warnings, g_strdup (msg));
}

void
fc_test_events_connect (FcTestEvents *ev, gpointer recorder)
{
  memset (ev, 0, sizeof *ev);
  ev->warnings = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (recorder, "ready", G_CALLBACK (on_ready), ev);
  g_signal_connect (recorder, "start", G_CALLBACK (on_start), ev);
  g_signal_connect (recorder, "end", G_CALLBACK (on_end), ev);
  g_signal_connect (recorder, "error", G_CALLBACK (on_error), ev);
  g_signal_connect (recorder, "warning", G_CALLBACK (on_warning), ev);
}

void
fc_test_events_clear (FcTestEvents *ev)
{
  g_clear_pointer (&ev->ready, g_variant_unref);
  g_clear_pointer (&ev->start, g_variant_unref);
  g_clear_pointer (&ev->end, g_variant_unref);
  g_clear_pointer (&ev->error, g_variant_unref);
  g_clear_pointer (&ev->warnings, g_ptr_array_unref);
}

void
fc_test_recording_done (gpointer recorder, FcTestEvents *ev, const char *dir)
{
  g_assert_finalize_object (recorder);
  fc_test_events_clear (ev);
  fc_test_remove_tree (dir);
}

void
fc_test_events_reset (FcTestEvents *ev)
{
  GPtrArray *warnings = g_steal_pointer (&ev->warnings);

  fc_test_events_clear (ev);
  memset (ev, 0, sizeof *ev);
  g_ptr_array_set_size (warnings, 0);
  ev->warnings = warnings;
}

void
fc_test_wait_for (FcTestEvents *ev, GVariant **slot, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (*slot == NULL && (ev->error == NULL || slot == &ev->error))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no event within %u ms", timeout_ms);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  if (slot != &ev->error && ev->error != NULL)
    {
      g_autofree char *text = g_variant_print (ev->error, TRUE);
      g_error ("unexpected error: %s", text);
    }
}

void
fc_test_run_for (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

const char *
fc_test_lookup_s (GVariant *detail, const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (detail, key, "&s", &value))
    g_error ("no string \"%s\" in the detail", key);
  return value;
}

gint64
fc_test_lookup_x (GVariant *detail, const char *key)
{
  gint64 value = -1;

  if (!g_variant_lookup (detail, key, "x", &value))
    g_error ("no int64 \"%s\" in the detail", key);
  return value;
}

/* ---- files ------------------------------------------------------------ */

void
fc_test_discover (const char *path, FcTestFileInfo *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GstDiscoverer) discoverer
      = gst_discoverer_new (10 * GST_SECOND, &error);
  g_autofree char *uri = gst_filename_to_uri (path, &error);
  g_autoptr (GstDiscovererInfo) info = NULL;
  GList *videos, *audios;

  g_assert_no_error (error);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (info), ==,
                   GST_DISCOVERER_OK);
  out->duration = gst_discoverer_info_get_duration (info);

  videos = gst_discoverer_info_get_video_streams (info);
  audios = gst_discoverer_info_get_audio_streams (info);
  g_assert_cmpuint (g_list_length (videos), ==, 1);
  g_assert_cmpuint (g_list_length (audios), ==, 1);
  {
    g_autoptr (GstCaps) vcaps
        = gst_discoverer_stream_info_get_caps (videos->data);
    g_autoptr (GstCaps) acaps
        = gst_discoverer_stream_info_get_caps (audios->data);
    GstStructure *v = gst_caps_get_structure (vcaps, 0);
    GstStructure *a = gst_caps_get_structure (acaps, 0);
    const char *profile = gst_structure_get_string (v, "profile");
    int mpegversion = 0;

    g_assert_true (gst_structure_has_name (v, "video/x-h264"));
    g_assert_nonnull (profile);
    g_assert_null (strstr (profile, "4:4:4"));
    g_assert_true (g_str_equal (profile, "high")
                   || g_str_equal (profile, "main")
                   || g_str_equal (profile, "baseline")
                   || g_str_equal (profile, "constrained-baseline"));
    out->profile = g_strdup (profile);
    g_assert_true (gst_structure_has_name (a, "audio/mpeg"));
    g_assert_true (gst_structure_get_int (a, "mpegversion", &mpegversion));
    g_assert_cmpint (mpegversion, ==, 4);
    g_assert_cmpuint (gst_discoverer_audio_info_get_sample_rate (audios->data),
                      ==, 48000);
    out->width = (int)gst_discoverer_video_info_get_width (videos->data);
    out->height = (int)gst_discoverer_video_info_get_height (videos->data);
  }
  gst_discoverer_stream_info_list_free (videos);
  gst_discoverer_stream_info_list_free (audios);
}

typedef struct
{
  GstClockTime end;
  guint frames;
} Decoded;

static GstPadProbeReturn
track_end (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  Decoded *d = data;
  GstBuffer *buf = GST_PAD_PROBE_INFO_BUFFER (info);

  d->frames++;
  if (GST_BUFFER_PTS_IS_VALID (buf) && GST_BUFFER_DURATION_IS_VALID (buf))
    d->end = MAX (d->end, GST_BUFFER_PTS (buf) + GST_BUFFER_DURATION (buf));
  return GST_PAD_PROBE_OK;
}

/* Plays PIPELINE to its end, or fails the test. */
static void
run_to_eos (GstElement *pipeline)
{
  g_autoptr (GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr (GstMessage) msg = NULL;

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (bus, 20 * GST_SECOND,
                                    GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (msg);
  g_assert_cmpint (GST_MESSAGE_TYPE (msg), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

GstClockTime
fc_test_decode_video (const char *path, guint *n_frames)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = gst_filename_to_uri (path, &error);
  g_autofree char *desc = g_strdup_printf (
      "uridecodebin uri=\"%s\" caps=video/x-raw ! fakesink name=s sync=false",
      uri);
  g_autoptr (GstElement) pipeline = gst_parse_launch (desc, &error);
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GstPad) pad = NULL;
  Decoded d = { 0, 0 };

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "s");
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, track_end, &d, NULL);
  run_to_eos (pipeline);
  if (n_frames != NULL)
    *n_frames = d.frames;
  return d.end;
}

GstClockTime
fc_test_played_ns (const char *path)
{
  return fc_test_decode_video (path, NULL);
}

void
fc_test_make_tone (const char *path, double hz, int rate)
{
  g_autofree char *desc = g_strdup_printf (
      "audiotestsrc wave=sine freq=%.0f volume=0.5 samplesperbuffer=4800 "
      "num-buffers=2 ! audio/x-raw,format=S16LE,rate=%d,channels=1 ! wavenc "
      "! filesink location=\"%s\"",
      hz, rate, path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) pipeline = gst_parse_launch (desc, &error);

  g_assert_no_error (error);
  run_to_eos (pipeline);
}

GBytes *
fc_test_encode (const char *desc, gsize min_size)
{
  g_autofree char *launch = g_strdup_printf ("%s ! appsink name=out sync=false", desc);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) pipeline = gst_parse_launch (launch, &error);
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  GstSample *sample = NULL;

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "out");
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  /* appsink's action signal: no link to gstreamer-app needed */
  for (g_signal_emit_by_name (sink, "pull-sample", &sample); sample; g_signal_emit_by_name (sink, "pull-sample", &sample))
    {
      GstMapInfo map;
      GstBuffer *buf = gst_sample_get_buffer (sample);

      gst_buffer_map (buf, &map, GST_MAP_READ);
      g_byte_array_append (out, map.data, map.size);
      gst_buffer_unmap (buf, &map);
      gst_sample_unref (sample);
      sample = NULL;
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  g_assert_cmpuint (out->len, >, min_size);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
