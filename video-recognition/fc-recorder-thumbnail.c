/* The recording's thumbnail: its first frame as a JPEG, encoded in a
 * thread of its own as soon as the frame is recorded.
 *
 * The first frame was held until the end of the recording and encoded
 * then: at 1080p a 3 MB frame of the camera branch's buffer pool, out of
 * the pool for the recording's length, so the pool made others in its
 * place (live at high, the recorder's RSS while recording was 3-4 MB
 * higher with it held: bench/video/README.md). The JPEG is the same (the
 * same conversion of the same frame), and is kept until the summary asks
 * for it. */

#include "fc-recorder-thumbnail.h"

#include <gst/video/video.h>

struct _FcThumbnail
{
  GThread *thread;  /* encoding; NULL once joined or if it did not start */
  GstSample *frame; /* until encoded */
  GBytes *jpeg;     /* or error, once encoded */
  GError *error;
};

/* Encodes the frame; in the thread, or by fc_thumbnail_get_jpeg when the
 * thread could not start. */
static void
encode (FcThumbnail *self)
{
  g_autoptr (GstCaps) jpeg = gst_caps_new_empty_simple ("image/jpeg");
  g_autoptr (GstSample) frame = g_steal_pointer (&self->frame);
  g_autoptr (GstSample) out = NULL;
  GstBuffer *buffer;

  out = gst_video_convert_sample (frame, jpeg, 5 * GST_SECOND, &self->error);
  if (out == NULL)
    return;
  buffer = gst_sample_get_buffer (out);
  {
    GstMapInfo map;

    if (buffer == NULL || !gst_buffer_map (buffer, &map, GST_MAP_READ))
      {
        g_set_error_literal (&self->error, FC_RECORDER_ERROR,
                             FC_RECORDER_ERROR_FAILED,
                             "cannot read the thumbnail");
        return;
      }
    self->jpeg = g_bytes_new (map.data, map.size);
    gst_buffer_unmap (buffer, &map);
  }
}

static gpointer
encode_thread (gpointer data)
{
  encode (data);
  return NULL;
}

FcThumbnail *
fc_thumbnail_new (GstSample *frame)
{
  FcThumbnail *self = g_new0 (FcThumbnail, 1);

  self->frame = frame;
  /* without a thread, the summary encodes it (as it did before) */
  self->thread = g_thread_try_new ("fc-thumbnail", encode_thread, self, NULL);
  return self;
}

static void
join (FcThumbnail *self)
{
  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));
}

GBytes *
fc_thumbnail_get_jpeg (FcThumbnail *self, GError **error)
{
  join (self);
  if (self->frame != NULL)
    encode (self);
  if (self->jpeg == NULL)
    {
      if (self->error == NULL)
        g_set_error_literal (&self->error, FC_RECORDER_ERROR,
                             FC_RECORDER_ERROR_FAILED,
                             "cannot make the thumbnail");
      if (error != NULL)
        *error = g_error_copy (self->error);
      return NULL;
    }
  return self->jpeg;
}

void
fc_thumbnail_free (FcThumbnail *self)
{
  join (self);
  g_clear_pointer (&self->frame, gst_sample_unref);
  g_clear_pointer (&self->jpeg, g_bytes_unref);
  g_clear_error (&self->error);
  g_free (self);
}
