/* fcburnin: a GstVideoFilter that blends the prompts' pictures (FcBurnIn,
 * its "pictures" property) into the frames passing through, each frame
 * getting the step whose showTime its timestamp has reached. The frames
 * stamped from 0 come from the recording gate in front of it.
 *
 * A frame with nothing to draw (no pictures, no mask and before the first
 * step) passes untouched, the same buffer; one with a picture is blended
 * into a frame from the negotiated pool in one pass (the copy the blend
 * needs anyway: the input's memory is shared with the preview, and
 * offline with the still picture), so frames come back when the encoder
 * is done with them.
 *
 * "pictures" may change from any thread while frames flow: each frame
 * takes the pictures current when it arrives. */

#include "fc-burn-in-filter.h"

#include "fc-burn-in.h"

GST_DEBUG_CATEGORY_STATIC (fc_burn_in_filter_debug);
#define GST_CAT_DEFAULT fc_burn_in_filter_debug

struct _FcBurnInFilter
{
  GstVideoFilter parent_instance;

  FcBurnIn *pictures; /* under the object lock */
  /* the frame being made (streaming thread only) */
  FcBurnIn *current;
  const FcBurnInPicture *picture;
  gboolean warned;
};

enum
{
  PROP_0,
  PROP_PICTURES,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (FcBurnInFilter, fc_burn_in_filter, GST_TYPE_VIDEO_FILTER)

#define CAPS GST_VIDEO_CAPS_MAKE ("I420")

static GstStaticPadTemplate sink_template = GST_STATIC_PAD_TEMPLATE (
    "sink", GST_PAD_SINK, GST_PAD_ALWAYS, GST_STATIC_CAPS (CAPS));
static GstStaticPadTemplate src_template = GST_STATIC_PAD_TEMPLATE (
    "src", GST_PAD_SRC, GST_PAD_ALWAYS, GST_STATIC_CAPS (CAPS));

/* Picks the picture for INBUF; with none, INBUF itself is the output. */
static GstFlowReturn
fc_burn_in_filter_prepare_output_buffer (GstBaseTransform *trans,
                                         GstBuffer *inbuf, GstBuffer **outbuf)
{
  FcBurnInFilter *self = FC_BURN_IN_FILTER (trans);
  GstVideoFilter *filter = GST_VIDEO_FILTER (trans);

  g_clear_pointer (&self->current, fc_burn_in_unref);
  self->picture = NULL;
  GST_OBJECT_LOCK (self);
  if (self->pictures != NULL)
    self->current = fc_burn_in_ref (self->pictures);
  GST_OBJECT_UNLOCK (self);
  if (self->current != NULL && filter->negotiated
      && !fc_burn_in_fits (self->current, &filter->in_info))
    {
      if (!self->warned)
        GST_WARNING_OBJECT (self, "the pictures are not for %dx%d frames: "
                                  "the frames pass without them",
                            GST_VIDEO_INFO_WIDTH (&filter->in_info),
                            GST_VIDEO_INFO_HEIGHT (&filter->in_info));
      self->warned = TRUE;
      g_clear_pointer (&self->current, fc_burn_in_unref);
    }
  if (self->current != NULL)
    self->picture = fc_burn_in_pick (self->current, GST_BUFFER_PTS (inbuf));
  if (self->picture == NULL)
    {
      *outbuf = inbuf;
      return GST_FLOW_OK;
    }
  return GST_BASE_TRANSFORM_CLASS (fc_burn_in_filter_parent_class)
      ->prepare_output_buffer (trans, inbuf, outbuf);
}

static GstFlowReturn
fc_burn_in_filter_transform (GstBaseTransform *trans, GstBuffer *inbuf,
                             GstBuffer *outbuf)
{
  if (inbuf == outbuf)
    return GST_FLOW_OK; /* nothing to draw */
  return GST_BASE_TRANSFORM_CLASS (fc_burn_in_filter_parent_class)
      ->transform (trans, inbuf, outbuf);
}

static GstFlowReturn
fc_burn_in_filter_transform_frame (GstVideoFilter *filter,
                                   GstVideoFrame *in_frame,
                                   GstVideoFrame *out_frame)
{
  FcBurnInFilter *self = FC_BURN_IN_FILTER (filter);

  GST_LOG_OBJECT (self, "blending into the frame at %" GST_TIME_FORMAT,
                  GST_TIME_ARGS (GST_BUFFER_PTS (in_frame->buffer)));
  fc_burn_in_blend (self->picture, out_frame, in_frame);
  return GST_FLOW_OK;
}

/* Timestamps and flags; not the metas (a video meta would describe the
 * input's layout, not the pool's). */
static gboolean
fc_burn_in_filter_transform_meta (GstBaseTransform *trans, GstBuffer *outbuf,
                                  GstMeta *meta, GstBuffer *inbuf)
{
  return FALSE;
}

static gboolean
fc_burn_in_filter_stop (GstBaseTransform *trans)
{
  FcBurnInFilter *self = FC_BURN_IN_FILTER (trans);

  g_clear_pointer (&self->current, fc_burn_in_unref);
  self->picture = NULL;
  return TRUE;
}

static void
fc_burn_in_filter_get_property (GObject *object, guint prop_id,
                                GValue *value, GParamSpec *pspec)
{
  FcBurnInFilter *self = FC_BURN_IN_FILTER (object);

  switch (prop_id)
    {
    case PROP_PICTURES:
      GST_OBJECT_LOCK (self);
      g_value_set_boxed (value, self->pictures);
      GST_OBJECT_UNLOCK (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_burn_in_filter_set_property (GObject *object, guint prop_id,
                                const GValue *value, GParamSpec *pspec)
{
  FcBurnInFilter *self = FC_BURN_IN_FILTER (object);
  FcBurnIn *old;

  switch (prop_id)
    {
    case PROP_PICTURES:
      GST_OBJECT_LOCK (self);
      old = self->pictures;
      self->pictures = g_value_dup_boxed (value);
      self->warned = FALSE;
      GST_OBJECT_UNLOCK (self);
      g_clear_pointer (&old, fc_burn_in_unref);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_burn_in_filter_finalize (GObject *object)
{
  FcBurnInFilter *self = FC_BURN_IN_FILTER (object);

  g_clear_pointer (&self->pictures, fc_burn_in_unref);
  g_clear_pointer (&self->current, fc_burn_in_unref);
  G_OBJECT_CLASS (fc_burn_in_filter_parent_class)->finalize (object);
}

static void
fc_burn_in_filter_class_init (FcBurnInFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseTransformClass *trans_class = GST_BASE_TRANSFORM_CLASS (klass);
  GstVideoFilterClass *filter_class = GST_VIDEO_FILTER_CLASS (klass);

  object_class->get_property = fc_burn_in_filter_get_property;
  object_class->set_property = fc_burn_in_filter_set_property;
  object_class->finalize = fc_burn_in_filter_finalize;

  /* FcBurnInFilter:pictures: the prompts' pictures (FcBurnIn), NULL for
   * none; may change while frames flow. */
  props[PROP_PICTURES] = g_param_spec_boxed (
      "pictures", "Pictures", "The prompts' pictures to blend in",
      FC_TYPE_BURN_IN,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | GST_PARAM_MUTABLE_PLAYING);
  g_object_class_install_properties (object_class, N_PROPS, props);

  gst_element_class_add_static_pad_template (element_class, &sink_template);
  gst_element_class_add_static_pad_template (element_class, &src_template);
  gst_element_class_set_static_metadata (
      element_class, "Prompt burn-in", "Filter/Effect/Video",
      "Blends the recorder's prompts and mask into the frames at their "
      "showTime",
      "fc-platform");

  trans_class->prepare_output_buffer
      = fc_burn_in_filter_prepare_output_buffer;
  trans_class->transform = fc_burn_in_filter_transform;
  trans_class->transform_meta = fc_burn_in_filter_transform_meta;
  trans_class->stop = fc_burn_in_filter_stop;
  filter_class->transform_frame = fc_burn_in_filter_transform_frame;

  GST_DEBUG_CATEGORY_INIT (fc_burn_in_filter_debug, "fcburnin", 0,
                           "fc-platform prompt burn-in");
}

static void
fc_burn_in_filter_init (FcBurnInFilter *self)
{
}
