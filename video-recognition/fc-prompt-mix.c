/* FcPromptMix: the prompts' clips added into the recorded track, each
 * from its step's showTime to the sample. The buffers it mixes into are
 * stamped by their sample offset in the recording (the audio gate does
 * that), so the file holds the prompt exactly where the step began
 * whatever the machine's speed. */

#include "fc-prompt-mix.h"

#include "fc-steps.h"

struct _FcPromptMix
{
  gatomicrefcount ref;
  guint n;
  gint64 at[FC_STEP_LIST_MAX]; /* first sample, in the encoder's input */
  GBytes *pcm[FC_STEP_LIST_MAX];
};

G_DEFINE_BOXED_TYPE (FcPromptMix, fc_prompt_mix, fc_prompt_mix_ref,
                     fc_prompt_mix_unref)

FcPromptMix *
fc_prompt_mix_new (void)
{
  FcPromptMix *self = g_new0 (FcPromptMix, 1);

  g_atomic_ref_count_init (&self->ref);
  return self;
}

void
fc_prompt_mix_add (FcPromptMix *self, gint64 at, GBytes *pcm)
{
  g_return_if_fail (self->n < FC_STEP_LIST_MAX);
  g_return_if_fail (pcm != NULL);
  self->at[self->n] = at;
  self->pcm[self->n] = g_bytes_ref (pcm);
  self->n++;
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

gboolean
fc_prompt_mix_covers (FcPromptMix *self, guint64 offset, gint64 n_samples)
{
  if (offset == GST_BUFFER_OFFSET_NONE)
    return FALSE;
  for (guint i = 0; i < self->n; i++)
    {
      gint64 len = (gint64) (g_bytes_get_size (self->pcm[i]) / sizeof (gint16));

      if (MAX ((gint64) offset, self->at[i])
          < MIN ((gint64) offset + n_samples, self->at[i] + len))
        return TRUE;
    }
  return FALSE;
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
