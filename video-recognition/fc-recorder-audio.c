/* Prompt audio: decoding a downloaded clip to the recording's sample
 * format, and mixing the clips into the recorded track, each starting at
 * its step's showTime to the sample. The mix is a pad probe after the
 * audio gate, where buffers are stamped by their sample offset in the
 * recording, so the file holds the prompt exactly where the step began
 * whatever the machine's speed. */

#include "fc-recorder-private.h"

#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/audio/audio.h>
#include <string.h>

GST_DEBUG_CATEGORY_EXTERN (fc_recorder_debug);
#define GST_CAT_DEFAULT fc_recorder_debug

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

struct _FcPromptMix
{
  gatomicrefcount ref;
  guint n;
  gint64 at[FC_STEP_LIST_MAX]; /* first sample, in the encoder's input */
  GBytes *pcm[FC_STEP_LIST_MAX];
};

FcPromptMix *
fc_prompt_mix_new (FcPrompts *prompts)
{
  FcStepList *steps = fc_prompts_get_steps (prompts);
  FcPromptMix *self = g_new0 (FcPromptMix, 1);

  g_atomic_ref_count_init (&self->ref);
  for (guint i = 0; steps && i < fc_step_list_get_n_steps (steps); i++)
    {
      GBytes *pcm = fc_prompts_get_pcm (prompts, i);

      if (pcm == NULL)
        continue;
      /* at showTime in the file: the encoder's priming comes first */
      self->at[self->n]
          = (gint64) gst_util_uint64_scale (
                fc_step_list_get_step (steps, i)->show_time, FC_PCM_RATE,
                1000)
            - FC_AAC_PRIMING;
      self->pcm[self->n] = g_bytes_ref (pcm);
      self->n++;
    }
  return self;
}

FcPromptMix *
fc_prompt_mix_ref (FcPromptMix *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
fc_prompt_mix_unref (FcPromptMix *self)
{
  if (!self || !g_atomic_ref_count_dec (&self->ref))
    return;
  for (guint i = 0; i < self->n; i++)
    g_bytes_unref (self->pcm[i]);
  g_free (self);
}

gboolean
fc_prompt_mix_is_empty (FcPromptMix *self)
{
  return self->n == 0;
}

GstBuffer *
fc_prompt_mix_apply (FcPromptMix *self, GstBuffer *buffer)
{
  gint64 first, frames = gst_buffer_get_size (buffer) / sizeof (gint16);
  GstMapInfo map;

  if (GST_BUFFER_OFFSET (buffer) == GST_BUFFER_OFFSET_NONE)
    return buffer;
  first = (gint64) GST_BUFFER_OFFSET (buffer);
  for (guint i = 0; i < self->n; i++)
    {
      gsize size;
      const gint16 *clip = g_bytes_get_data (self->pcm[i], &size);
      gint64 len = size / sizeof (gint16);
      gint64 from = MAX (first, self->at[i]);
      gint64 to = MIN (first + frames, self->at[i] + len);
      gint16 *out;

      if (from >= to)
        continue;
      buffer = gst_buffer_make_writable (buffer);
      if (!gst_buffer_map (buffer, &map, GST_MAP_READWRITE))
        return buffer;
      out = (gint16 *) map.data;
      /* what the person hears is the prompt over the room: add, clipped */
      for (gint64 s = from; s < to; s++)
        {
          int v = out[s - first] + clip[s - self->at[i]];

          out[s - first] = (gint16) CLAMP (v, G_MININT16, G_MAXINT16);
        }
      gst_buffer_unmap (buffer, &map);
    }
  return buffer;
}

/* ---- playing the prompts ---------------------------------------------- */

/* One clip playing: appsrc ! audioconvert ! audioresample ! SINK. Gone at
 * its end of stream or error. */
typedef struct
{
  GstElement *pipeline;
  guint watch;
} Playing;

struct _FcPromptPlayer
{
  FcPrompts *prompts;
  char *sink;
  FcStepTimer *timer;
  GPtrArray *playing; /* Playing */
};

static void
playing_free (gpointer data)
{
  Playing *p = data;

  if (p->watch != 0)
    g_source_remove (p->watch);
  gst_element_set_state (p->pipeline, GST_STATE_NULL);
  gst_object_unref (p->pipeline);
  g_free (p);
}

static gboolean
playing_bus (GstBus *bus, GstMessage *msg, gpointer data)
{
  FcPromptPlayer *player = data;

  if (GST_MESSAGE_TYPE (msg) != GST_MESSAGE_EOS
      && GST_MESSAGE_TYPE (msg) != GST_MESSAGE_ERROR)
    return G_SOURCE_CONTINUE;
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
    {
      g_autoptr (GError) error = NULL;

      /* no audio output: the prompt is still in the file */
      gst_message_parse_error (msg, &error, NULL);
      GST_INFO ("prompt audio not played: %s", error->message);
    }
  for (guint i = 0; i < player->playing->len; i++)
    {
      Playing *p = player->playing->pdata[i];
      g_autoptr (GstBus) b = gst_element_get_bus (p->pipeline);

      if (b == bus)
        {
          /* removing frees P and this watch: the source is destroyed
           * after the callback returns G_SOURCE_REMOVE */
          p->watch = 0;
          g_ptr_array_remove_index (player->playing, i);
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_REMOVE;
}

static void
play_step (int step, gpointer data)
{
  FcPromptPlayer *player = data;
  GBytes *pcm = fc_prompts_get_pcm (player->prompts, (guint) step);
  g_autofree char *desc = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GstElement) src = NULL;
  g_autoptr (GstBus) bus = NULL;
  Playing *p;

  if (pcm == NULL)
    return;
  desc = g_strdup_printf (
      "appsrc name=src format=time caps=audio/x-raw,format=" FC_PCM_FORMAT
      ",rate=" G_STRINGIFY (FC_PCM_RATE) ",channels=1,layout=interleaved"
      " ! audioconvert ! audioresample ! %s",
      player->sink ? player->sink : "autoaudiosink");
  p = g_new0 (Playing, 1);
  p->pipeline = gst_parse_launch (desc, &error);
  if (p->pipeline == NULL)
    {
      GST_INFO ("prompt audio not played: %s", error->message);
      g_free (p);
      return;
    }
  gst_object_ref_sink (p->pipeline);
  bus = gst_element_get_bus (p->pipeline);
  p->watch = gst_bus_add_watch (bus, playing_bus, player);
  src = gst_bin_get_by_name (GST_BIN (p->pipeline), "src");
  gst_app_src_push_buffer (GST_APP_SRC (src),
                           gst_buffer_new_wrapped_bytes (pcm));
  gst_app_src_end_of_stream (GST_APP_SRC (src));
  g_ptr_array_add (player->playing, p);
  if (gst_element_set_state (p->pipeline, GST_STATE_PLAYING)
      == GST_STATE_CHANGE_FAILURE)
    {
      GST_INFO ("prompt audio not played: no audio output");
      g_ptr_array_remove (player->playing, p);
    }
}

FcPromptPlayer *
fc_prompt_player_new (FcPrompts *prompts, const char *sink, GstClock *clock,
                      GstClockTime start)
{
  FcPromptPlayer *player = g_new0 (FcPromptPlayer, 1);

  player->prompts = prompts;
  player->sink = g_strdup (sink);
  player->playing = g_ptr_array_new_with_free_func (playing_free);
  if (fc_prompts_get_steps (prompts) != NULL)
    player->timer = fc_step_timer_new (fc_prompts_get_steps (prompts), clock,
                                       start, NULL, play_step, player);
  return player;
}

void
fc_prompt_player_free (FcPromptPlayer *player)
{
  if (player == NULL)
    return;
  g_clear_pointer (&player->timer, fc_step_timer_free);
  g_ptr_array_unref (player->playing);
  g_free (player->sink);
  g_free (player);
}
