/* The prompt timeline as a subtitle track of the recording.
 *
 * mp4mux takes text/x-raw (utf8) on a subtitle_%u pad and writes it as a
 * 3GPP timed-text (tx3g) track, in the fragments like the other tracks.
 * An appsrc feeds it from the video gate, on the recorded frames' stamps
 * (from 0), before each frame goes on to the encoder. Three properties of
 * mp4mux (GStreamer 1.22) shape the feed:
 *
 * - A subtitle sample's length is its buffer's duration, never shortened
 *   by the next one: a sample is pushed once its end is known, so that a
 *   recording that ends early (stop, a lost camera) ends the track with
 *   the video.
 * - The muxer holds each pad's last buffer until the next one comes, and
 *   picks the pad to take from by that held buffer's time. A subtitle
 *   buffer far behind the frames makes it take only from the subtitle pad
 *   while the frames wait: the file stalls once the queues in front of it
 *   are full (tried: a step of 8 s stalled the recording 1.3 s after it).
 *   So the track is contiguous samples of at most CHUNK_NS: each step's
 *   text, cut into pieces, and empty samples where no step shows.
 * - Not live (offline), the muxer waits for every pad to have data: a gap
 *   event follows every frame (the muxer drops them; they are no
 *   samples).
 *
 * A killed process leaves the samples pushed before the last one. */

#include "fc-recorder-private.h"

#include <gst/app/app.h>
#include <string.h>

/* Samples of at most this long: well within what the queues in front of
 * the muxer hold (offline the least: 4 frames and 1 s). */
#define CHUNK_NS (250 * GST_MSECOND)

struct _FcSubtitleFeed
{
  GMutex lock;
  GstElement *src;      /* appsrc, in the pipeline once attached */
  GPtrArray *cues;      /* Cue, in time order */
  GstClockTime pushed;  /* samples are in the track up to here */
  GstClockTime covered; /* and gap events up to here */
  gboolean ended;
};

typedef struct
{
  GstClockTime start, end;
  char *text;
} Cue;

static void
cue_free (gpointer data)
{
  Cue *cue = data;

  g_free (cue->text);
  g_free (cue);
}

/* A step's text as plain text: its lines, spans joined by spaces. */
static char *
step_text (const FcStep *step)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < step->lines->len; i++)
    {
      const FcPromptLine *line = step->lines->pdata[i];
      gboolean first = TRUE;

      for (guint j = 0; j < line->spans->len; j++)
        {
          const FcPromptSpan *span = line->spans->pdata[j];

          if (*span->text == '\0')
            continue;
          if (out->len > 0 && first)
            g_string_append_c (out, '\n');
          else if (!first)
            g_string_append_c (out, ' ');
          g_string_append (out, span->text);
          first = FALSE;
        }
    }
  return g_string_free (out, FALSE);
}

FcSubtitleFeed *
fc_subtitle_feed_new (FcStepList *steps, GstClockTime duration)
{
  FcSubtitleFeed *feed;
  g_autoptr (GPtrArray) cues = g_ptr_array_new_with_free_func (cue_free);
  guint n = steps ? fc_step_list_get_n_steps (steps) : 0;

  for (guint i = 0; i < n; i++)
    {
      const FcStep *step = fc_step_list_get_step (steps, i);
      GstClockTime start = step->show_time * GST_MSECOND, end = duration;
      Cue *cue;

      if (start >= duration)
        break;
      if (i + 1 < n)
        end = MIN (end,
                   fc_step_list_get_step (steps, i + 1)->show_time * GST_MSECOND);
      if (end <= start)
        continue;
      cue = g_new0 (Cue, 1);
      cue->start = start;
      cue->end = end;
      cue->text = step_text (step);
      if (*cue->text == '\0')
        {
          cue_free (cue);
          continue;
        }
      g_ptr_array_add (cues, cue);
    }
  if (cues->len == 0)
    return NULL;
  feed = g_atomic_rc_box_new0 (FcSubtitleFeed);
  g_mutex_init (&feed->lock);
  feed->cues = g_steal_pointer (&cues);
  return feed;
}

FcSubtitleFeed *
fc_subtitle_feed_ref (FcSubtitleFeed *feed)
{
  return g_atomic_rc_box_acquire (feed);
}

static void
feed_clear (gpointer data)
{
  FcSubtitleFeed *feed = data;

  g_clear_object (&feed->src);
  g_ptr_array_unref (feed->cues);
  g_mutex_clear (&feed->lock);
}

void
fc_subtitle_feed_unref (FcSubtitleFeed *feed)
{
  g_atomic_rc_box_release_full (feed, feed_clear);
}

gboolean
fc_subtitle_feed_attach (FcSubtitleFeed *feed, GstElement *pipeline,
                         GstElement *mux, GError **error)
{
  g_autoptr (GstCaps) caps
      = gst_caps_new_simple ("text/x-raw", "format", G_TYPE_STRING, "utf8",
                             NULL);
  g_autoptr (GstPad) src = NULL;
  GstPad *sink;
  GstElement *appsrc = gst_element_factory_make ("appsrc", "subsrc");

  if (appsrc == NULL)
    {
      g_set_error_literal (error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN,
                           "no appsrc element");
      return FALSE;
    }
  g_object_set (appsrc, "format", GST_FORMAT_TIME, "caps", caps,
                "is-live", FALSE, NULL);
  gst_bin_add (GST_BIN (pipeline), appsrc);
  sink = gst_element_request_pad_simple (mux, "subtitle_%u");
  src = gst_element_get_static_pad (appsrc, "src");
  if (sink == NULL || gst_pad_link (src, sink) != GST_PAD_LINK_OK)
    {
      if (sink != NULL)
        {
          gst_element_release_request_pad (mux, sink);
          gst_object_unref (sink);
        }
      gst_bin_remove (GST_BIN (pipeline), appsrc);
      g_set_error_literal (error, GST_CORE_ERROR, GST_CORE_ERROR_NEGOTIATION,
                           "the muxer takes no subtitle track");
      return FALSE;
    }
  gst_object_unref (sink);
  gst_element_sync_state_with_parent (appsrc);
  g_mutex_lock (&feed->lock);
  feed->src = gst_object_ref (appsrc);
  g_mutex_unlock (&feed->lock);
  return TRUE;
}

/* The next sample boundary after T: a cue's start or end, or T + CHUNK. */
static GstClockTime
next_boundary (FcSubtitleFeed *feed, GstClockTime t)
{
  GstClockTime b = t + CHUNK_NS;

  for (guint i = 0; i < feed->cues->len; i++)
    {
      Cue *cue = feed->cues->pdata[i];

      if (cue->start > t)
        b = MIN (b, cue->start);
      if (cue->end > t)
        b = MIN (b, cue->end);
    }
  return b;
}

/* Pushes the sample [feed->pushed, END): the text of the cue showing then,
 * or nothing. */
static void
push_sample (FcSubtitleFeed *feed, GstClockTime end)
{
  GstClockTime t = feed->pushed;
  GstBuffer *buf = NULL;

  for (guint i = 0; i < feed->cues->len && buf == NULL; i++)
    {
      Cue *cue = feed->cues->pdata[i];

      if (cue->start <= t && t < cue->end)
        buf = gst_buffer_new_memdup (cue->text, strlen (cue->text));
    }
  if (buf == NULL)
    buf = gst_buffer_new ();
  GST_BUFFER_PTS (buf) = GST_BUFFER_DTS (buf) = t;
  GST_BUFFER_DURATION (buf) = end - t;
  gst_app_src_push_buffer (GST_APP_SRC (feed->src), buf);
  feed->pushed = end;
}

void
fc_subtitle_feed_advance (FcSubtitleFeed *feed, GstClockTime until)
{
  GstClockTime b;

  g_mutex_lock (&feed->lock);
  if (feed->src == NULL || feed->ended)
    {
      g_mutex_unlock (&feed->lock);
      return;
    }
  while ((b = next_boundary (feed, feed->pushed)) <= until)
    push_sample (feed, b);
  if (until > feed->covered)
    {
      gst_element_send_event (feed->src,
                              gst_event_new_gap (feed->covered,
                                                 until - feed->covered));
      feed->covered = until;
    }
  g_mutex_unlock (&feed->lock);
}

void
fc_subtitle_feed_end (FcSubtitleFeed *feed, GstClockTime end)
{
  g_mutex_lock (&feed->lock);
  if (feed->src != NULL && !feed->ended)
    {
      while (feed->pushed < end)
        push_sample (feed, MIN (next_boundary (feed, feed->pushed), end));
      gst_app_src_end_of_stream (GST_APP_SRC (feed->src));
    }
  feed->ended = TRUE;
  g_mutex_unlock (&feed->lock);
}
