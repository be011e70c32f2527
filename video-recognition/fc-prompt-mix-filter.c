/* fcpromptmix: adds the prompts' clips (FcPromptMix, its "clips"
 * property) into mono S16LE 48 kHz buffers whose OFFSET is their first
 * sample's index in the recording (the audio gate in front of it stamps
 * them so), in place. A buffer no clip sounds in passes untouched.
 * "clips" may change from any thread while the sound flows: each buffer
 * takes the clips current when it arrives. */

#include "fc-prompt-mix-filter.h"

#include "fc-prompt-mix.h"

#include <gst/audio/audio.h>

GST_DEBUG_CATEGORY_STATIC (fc_prompt_mix_filter_debug);
#define GST_CAT_DEFAULT fc_prompt_mix_filter_debug

struct _FcPromptMixFilter
{
  GstBaseTransform parent_instance;

  FcPromptMix *clips;   /* under the object lock */
  FcPromptMix *current; /* the buffer's (streaming thread only) */
};

enum
{
  PROP_0,
  PROP_CLIPS,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (FcPromptMixFilter, fc_prompt_mix_filter,
                     GST_TYPE_BASE_TRANSFORM)

#define CAPS                                                                   \
  "audio/x-raw,format=" FC_PCM_FORMAT ",rate=" G_STRINGIFY (                   \
      FC_PCM_RATE) ",channels=1,layout=interleaved"

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE (
    "sink", GST_PAD_SINK, GST_PAD_ALWAYS, GST_STATIC_CAPS (CAPS));
static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE (
    "src", GST_PAD_SRC, GST_PAD_ALWAYS, GST_STATIC_CAPS (CAPS));

/* With no clip sounding during INBUF, INBUF itself (no copy). */
static GstFlowReturn
fc_prompt_mix_filter_prepare_output_buffer (GstBaseTransform *trans,
                                            GstBuffer *inbuf,
                                            GstBuffer **outbuf)
{
  FcPromptMixFilter *self = FC_PROMPT_MIX_FILTER (trans);

  g_clear_pointer (&self->current, fc_prompt_mix_unref);
  GST_OBJECT_LOCK (self);
  if (self->clips != NULL)
    self->current = fc_prompt_mix_ref (self->clips);
  GST_OBJECT_UNLOCK (self);
  if (self->current == NULL
      || !fc_prompt_mix_covers (self->current, GST_BUFFER_OFFSET (inbuf),
                                (gint64) (gst_buffer_get_size (inbuf)
                                          / sizeof (gint16))))
    {
      g_clear_pointer (&self->current, fc_prompt_mix_unref);
      *outbuf = inbuf;
      return GST_FLOW_OK;
    }
  return GST_BASE_TRANSFORM_CLASS (fc_prompt_mix_filter_parent_class)
      ->prepare_output_buffer (trans, inbuf, outbuf);
}

static GstFlowReturn
fc_prompt_mix_filter_transform_ip (GstBaseTransform *trans, GstBuffer *buf)
{
  FcPromptMixFilter *self = FC_PROMPT_MIX_FILTER (trans);
  GstBuffer *out;

  if (self->current == NULL)
    return GST_FLOW_OK;
  GST_LOG_OBJECT (self, "mixing into samples from %" G_GUINT64_FORMAT,
                  GST_BUFFER_OFFSET (buf));
  /* writable here: the same buffer comes back */
  out = fc_prompt_mix_apply (self->current, buf);
  g_warn_if_fail (out == buf);
  g_clear_pointer (&self->current, fc_prompt_mix_unref);
  return GST_FLOW_OK;
}

static gboolean
fc_prompt_mix_filter_stop (GstBaseTransform *trans)
{
  FcPromptMixFilter *self = FC_PROMPT_MIX_FILTER (trans);

  g_clear_pointer (&self->current, fc_prompt_mix_unref);
  return TRUE;
}

static void
fc_prompt_mix_filter_get_property (GObject *object, guint prop_id,
                                   GValue *value, GParamSpec *pspec)
{
  FcPromptMixFilter *self = FC_PROMPT_MIX_FILTER (object);

  switch (prop_id)
    {
    case PROP_CLIPS:
      GST_OBJECT_LOCK (self);
      g_value_set_boxed (value, self->clips);
      GST_OBJECT_UNLOCK (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_prompt_mix_filter_set_property (GObject *object, guint prop_id,
                                   const GValue *value, GParamSpec *pspec)
{
  FcPromptMixFilter *self = FC_PROMPT_MIX_FILTER (object);
  FcPromptMix *old;

  switch (prop_id)
    {
    case PROP_CLIPS:
      GST_OBJECT_LOCK (self);
      old = self->clips;
      self->clips = g_value_dup_boxed (value);
      GST_OBJECT_UNLOCK (self);
      g_clear_pointer (&old, fc_prompt_mix_unref);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_prompt_mix_filter_finalize (GObject *object)
{
  FcPromptMixFilter *self = FC_PROMPT_MIX_FILTER (object);

  g_clear_pointer (&self->clips, fc_prompt_mix_unref);
  g_clear_pointer (&self->current, fc_prompt_mix_unref);
  G_OBJECT_CLASS (fc_prompt_mix_filter_parent_class)->finalize (object);
}

static void
fc_prompt_mix_filter_class_init (FcPromptMixFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *trans_class = GST_BASE_TRANSFORM_CLASS (klass);

  object_class->get_property = fc_prompt_mix_filter_get_property;
  object_class->set_property = fc_prompt_mix_filter_set_property;
  object_class->finalize = fc_prompt_mix_filter_finalize;

  /* FcPromptMixFilter:clips: the prompts' clips (FcPromptMix), NULL for
   * none; may change while the sound flows. */
  props[PROP_CLIPS] = g_param_spec_boxed (
      "clips", "Clips", "The prompts' clips to add into the sound",
      FC_TYPE_PROMPT_MIX,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING);
  g_object_class_install_properties (object_class, N_PROPS, props);

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (
      element_class, "Prompt audio mixer", "Filter/Effect/Audio",
      "Adds the recorder's prompt clips into the sound at their showTime, "
      "to the sample",
      "fc-platform");

  trans_class->prepare_output_buffer
      = fc_prompt_mix_filter_prepare_output_buffer;
  trans_class->transform_ip = fc_prompt_mix_filter_transform_ip;
  trans_class->stop = fc_prompt_mix_filter_stop;

  GST_DEBUG_CATEGORY_INIT (fc_prompt_mix_filter_debug, "fcpromptmix", 0,
                           "fc-platform prompt audio mixer");
}

static void
fc_prompt_mix_filter_init (FcPromptMixFilter *self)
{
  gst_base_transform_set_in_place (GST_BASE_TRANSFORM (self), TRUE);
}
