/* Decoding a downloaded prompt clip to the recording's sample format
 * (mono FC_PCM_FORMAT at FC_PCM_RATE), in the calling (worker) thread. */

#include "fc-recorder-private.h"

#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>

GBytes *
fc_audio_decode_pcm (GBytes *bytes, GError **error)
{
  g_autoptr (GstElement) pipeline = NULL;
  g_autoptr (GstElement) src = NULL, sink = NULL;
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GByteArray) pcm = g_byte_array_new ();
  g_autoptr (GstMessage) msg = NULL;
  GError *local = NULL;

  pipeline = gst_parse_launch (
      "appsrc name=src format=bytes ! decodebin ! audioconvert ! "
      "audioresample ! audio/x-raw,format=" FC_PCM_FORMAT ",rate="
      G_STRINGIFY (FC_PCM_RATE) ",channels=1,layout=interleaved ! "
      "appsink name=out sync=false",
      &local);
  if (pipeline == NULL)
    {
      g_propagate_prefixed_error (error, local, "cannot decode: ");
      return NULL;
    }
  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "out");
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  gst_app_src_push_buffer (GST_APP_SRC (src),
                           gst_buffer_new_wrapped_bytes (bytes));
  gst_app_src_end_of_stream (GST_APP_SRC (src));
  for (;;)
    {
      GstSample *sample = gst_app_sink_pull_sample (GST_APP_SINK (sink));
      GstMapInfo map;

      if (sample == NULL)
        break;
      gst_buffer_map (gst_sample_get_buffer (sample), &map, GST_MAP_READ);
      g_byte_array_append (pcm, map.data, (guint) map.size);
      gst_buffer_unmap (gst_sample_get_buffer (sample), &map);
      gst_sample_unref (sample);
    }
  msg = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  if (msg != NULL || pcm->len == 0)
    {
      g_autoptr (GError) err = NULL;

      if (msg != NULL)
        gst_message_parse_error (msg, &err, NULL);
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_WRONG_TYPE,
                   "cannot decode the audio%s%s", err ? ": " : "",
                   err ? err->message : "");
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&pcm));
}
