/* FcPromptPlayer: the prompts' clips played to the speaker, each at its
 * step's showTime. (Mixing them into the recorded track is the
 * fcpromptmix element's: fc-prompt-mix-filter.c.) */

#include "fc-recorder-private.h"
#include "fc-debug-private.h"

#include <gst/app/gstappsrc.h>
#include <string.h>

GST_DEBUG_CATEGORY_STATIC (fc_prompt_player_debug);
#define GST_CAT_DEFAULT fc_prompt_player_debug

/* The category, made on the first call into this file. */
static void
debug_init (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_prompt_player_debug, "fc-prompt-player", "prompt audio to the speaker");
}

/* The prompts to the speaker: one pipeline, appsrc ! audioconvert !
 * audioresample ! SINK, made when the recording is armed, so the sink has
 * connected to the audio server and prerolled by the time the first frame
 * comes. It holds the steps' clips as one track on the recording's
 * timeline (each clip from its showTime, overlaps added as in the file),
 * in 20 ms buffers stamped by their place in it; started, it runs on the
 * system clock with its base time at the first frame's capture, so the
 * sink puts every clip out at its showTime by itself: no timer, no
 * main-loop dispatch and no pipeline start-up between the moment and the
 * sound. (pipewiresink 0.3.65 plays buffers much shorter or longer than
 * its graph's quantum out of time: 20 ms is close to the usual 21.3.) */
struct _FcPromptPlayer
{
  GstElement *pipeline;
  gboolean started;
};

#define CHUNK_SAMPLES (FC_PCM_RATE / 50)

/* The track: the clips added from the first step with audio on, and its
 * first sample's place in the recording. NULL when no step has audio. */
static GstBuffer *
make_track (FcStepList *steps, GBytes *const *clips, gint64 *first)
{
  guint n = steps ? fc_step_list_get_n_steps (steps) : 0;
  gint64 from = G_MAXINT64, to = 0;
  GstBuffer *track;
  GstMapInfo map;

  for (guint i = 0; i < n; i++)
    {
      GBytes *pcm = clips[i];
      gint64 at;

      if (pcm == NULL || g_bytes_get_size (pcm) < sizeof (gint16))
        continue;
      at = (gint64) gst_util_uint64_scale (
          fc_step_list_get_step (steps, i)->show_time, FC_PCM_RATE, 1000);
      from = MIN (from, at);
      to = MAX (to, at + (gint64) (g_bytes_get_size (pcm) / sizeof (gint16)));
    }
  if (from >= to)
    return NULL;
  track = gst_buffer_new_allocate (NULL, (gsize) (to - from) * sizeof (gint16),
                                   NULL);
  gst_buffer_map (track, &map, GST_MAP_WRITE);
  memset (map.data, 0, map.size);
  for (guint i = 0; i < n; i++)
    {
      GBytes *pcm = clips[i];
      const gint16 *clip;
      gint16 *out;
      gsize size;
      gint64 at;

      if (pcm == NULL)
        continue;
      clip = g_bytes_get_data (pcm, &size);
      at = (gint64) gst_util_uint64_scale (
          fc_step_list_get_step (steps, i)->show_time, FC_PCM_RATE, 1000);
      out = (gint16 *) map.data + (at - from);
      for (gsize s = 0; s < size / sizeof (gint16); s++)
        {
          int v = out[s] + clip[s];

          out[s] = (gint16) CLAMP (v, G_MININT16, G_MAXINT16);
        }
    }
  gst_buffer_unmap (track, &map);
  *first = from;
  return track;
}

static void
push_track (GstAppSrc *src, GstBuffer *track, gint64 first)
{
  gint64 len = (gint64) (gst_buffer_get_size (track) / sizeof (gint16));

  for (gint64 s = 0; s < len; s += CHUNK_SAMPLES)
    {
      gint64 n = MIN (CHUNK_SAMPLES, len - s);
      GstBuffer *chunk = gst_buffer_copy_region (
          track, GST_BUFFER_COPY_MEMORY, (gsize) s * sizeof (gint16),
          (gsize) n * sizeof (gint16));

      GST_BUFFER_PTS (chunk)
          = gst_util_uint64_scale (first + s, GST_SECOND, FC_PCM_RATE);
      GST_BUFFER_DURATION (chunk)
          = gst_util_uint64_scale (first + s + n, GST_SECOND, FC_PCM_RATE)
            - GST_BUFFER_PTS (chunk);
      GST_BUFFER_OFFSET (chunk) = (guint64) (first + s);
      if (s == 0)
        GST_BUFFER_FLAG_SET (chunk, GST_BUFFER_FLAG_DISCONT);
      gst_app_src_push_buffer (src, chunk);
    }
  gst_app_src_end_of_stream (src);
}

static GstBusSyncReply
player_bus (GstBus *bus, GstMessage *msg, gpointer data)
{
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
    {
      g_autoptr (GError) error = NULL;

      /* no audio output: the prompts are still in the file */
      gst_message_parse_error (msg, &error, NULL);
      GST_INFO ("prompt audio not played: %s", error->message);
    }
  return GST_BUS_DROP;
}

/* autoaudiosink falls back to a fake sink when none of the sinks it knows
 * opens, e.g. on a PipeWire session without a PulseAudio server. */
static gboolean
has_fake_sink (GstElement *pipeline)
{
  g_autoptr (GstIterator) it = gst_bin_iterate_recurse (GST_BIN (pipeline));
  GValue item = G_VALUE_INIT;
  gboolean fake = FALSE;

  while (!fake && gst_iterator_next (it, &item) == GST_ITERATOR_OK)
    {
      GstElementFactory *factory
          = gst_element_get_factory (g_value_get_object (&item));

      fake = factory != NULL
             && g_strcmp0 (GST_OBJECT_NAME (factory), "fakesink") == 0;
      g_value_reset (&item);
    }
  g_value_unset (&item);
  return fake;
}

/* The pipeline ending in SINK, in READY (the sink has opened), or NULL. */
static GstElement *
make_pipeline (const char *sink)
{
  g_autofree char *desc = g_strdup_printf (
      "appsrc name=src format=time caps=audio/x-raw,format=" FC_PCM_FORMAT
      ",rate=" G_STRINGIFY (FC_PCM_RATE) ",channels=1,layout=interleaved"
      " ! audioconvert ! audioresample ! %s",
      sink);
  g_autoptr (GError) error = NULL;
  g_autoptr (GstBus) bus = NULL;
  GstElement *pipeline = gst_parse_launch (desc, &error);

  if (pipeline == NULL)
    {
      GST_INFO ("prompt audio not played: %s", error->message);
      return NULL;
    }
  gst_object_ref_sink (pipeline);
  bus = gst_element_get_bus (pipeline);
  gst_bus_set_sync_handler (bus, player_bus, NULL, NULL);
  if (gst_element_set_state (pipeline, GST_STATE_READY)
      == GST_STATE_CHANGE_FAILURE)
    {
      GST_INFO ("prompt audio not played: %s does not open", sink);
      gst_element_set_state (pipeline, GST_STATE_NULL);
      gst_object_unref (pipeline);
      return NULL;
    }
  return pipeline;
}

FcPromptPlayer *
fc_prompt_player_new (FcStepList *steps, GBytes *const *pcm,
                      const char *sink)
{
  g_autoptr (GstBuffer) track = NULL;
  g_autoptr (GstElement) src = NULL;
  g_autoptr (GstClock) clock = NULL;
  FcPromptPlayer *player;
  GstElement *pipeline;
  gint64 first = 0;

  debug_init ();
  track = make_track (steps, pcm, &first);
  if (track == NULL)
    return NULL;
  if (sink != NULL)
    pipeline = make_pipeline (sink);
  else
    {
      /* the default output: the system's choice of sink, else the
       * PipeWire session's default sink */
      pipeline = make_pipeline ("autoaudiosink");
      if (pipeline != NULL && has_fake_sink (pipeline))
        {
          gst_element_set_state (pipeline, GST_STATE_NULL);
          g_clear_object (&pipeline);
        }
      if (pipeline == NULL)
        pipeline = make_pipeline ("pipewiresink client-name=fc-recorder");
    }
  if (pipeline == NULL)
    return NULL;
  player = g_new0 (FcPromptPlayer, 1);
  player->pipeline = pipeline;
  /* a clock of its own, the system's: the recorder's pipeline (and the
   * clock it has from its sources) may go first */
  clock = gst_system_clock_obtain ();
  gst_pipeline_use_clock (GST_PIPELINE (pipeline), clock);
  gst_element_set_start_time (pipeline, GST_CLOCK_TIME_NONE);
  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  push_track (GST_APP_SRC (src), track, first);
  /* the sink connects and prerolls while the first frame is awaited */
  gst_element_set_state (pipeline, GST_STATE_PAUSED);
  return player;
}

void
fc_prompt_player_start (FcPromptPlayer *player, gint64 origin)
{
  g_autoptr (GstClock) clock = NULL;
  gint64 now, ago;

  if (player == NULL || player->started)
    return;
  player->started = TRUE;
  /* ORIGIN on the player's clock (the system's, monotonic too) */
  clock = gst_pipeline_get_pipeline_clock (GST_PIPELINE (player->pipeline));
  now = (gint64) gst_clock_get_time (clock);
  ago = (g_get_monotonic_time () - origin) * 1000;
  GST_INFO ("prompt audio started %.1f ms after the first frame", ago / 1e6);
  gst_element_set_base_time (player->pipeline,
                             (GstClockTime) MAX (now - ago, 0));
  gst_element_set_state (player->pipeline, GST_STATE_PLAYING);
}

void
fc_prompt_player_free (FcPromptPlayer *player)
{
  if (player == NULL)
    return;
  gst_element_set_state (player->pipeline, GST_STATE_NULL);
  gst_object_unref (player->pipeline);
  g_free (player);
}
