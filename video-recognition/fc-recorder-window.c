/* FcRecordWindow: the recording window, shared by the streaming threads
 * and the main thread under a lock of its own (fc-recorder-window.h).
 *
 * The gates are pad probes: on the video branch in front of fcburnin, on
 * the audio branch in front of its queue, and on the file sink. They drop
 * everything until the window is armed; the first video frame after that
 * opens it, and both branches are cut at exactly start + length of running
 * time (the buffers' timestamps), audio to the sample, and stamped from 0.
 * Then end-of-stream goes down each branch and mp4mux finalises the file.
 * What the main thread must know is posted as an FcStreamEvent. */

#include "fc-recorder-window.h"

#include "fc-stream-message.h"
#include "fc-debug-private.h"

#include <gst/audio/audio.h>
#include <string.h>

GST_DEBUG_CATEGORY_STATIC (fc_record_window_debug);
#define GST_CAT_DEFAULT fc_record_window_debug

/* The category, made on the first call into this file. */
static void
debug_init (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_record_window_debug, "fc-recorder-window", "the recording window: gates, rebase, length");
}

struct _FcRecordWindow
{
  GMutex lock;
  GstClock *clock; /* what the stamps are taken on */
  GstPad *vgate, *agate; /* the gated sink pads (a reference each) */
  gboolean armed, video_done, audio_done, saw_video, saw_audio, file_started;
  gboolean video_eos, audio_eos;
  GstClockTime record_ns, start, end, last_video_pts;
  GstClockTime armed_at; /* running time of arm(): no older frame opens */
  gint64 audio_samples; /* recorded so far */
  guint64 frames;
  FcStamp last_video_at, last_audio_at, last_write_at;
  gint64 longest_gap; /* µs between two frames while recording (logged) */
  GstSample *first_frame;
  FcSubtitleFeed *subs; /* the prompt timeline's subtitle track */
};

FcStamp
fc_stamp_now (GstClock *clock)
{
  FcStamp now = { g_get_monotonic_time (), 0 };

  now.clock = clock ? (gint64) (gst_clock_get_time (clock) / GST_USECOND)
                    : now.wall;
  return now;
}

gint64
fc_stamp_elapsed (GstClock *clock, FcStamp then)
{
  FcStamp now = fc_stamp_now (clock);

  return MIN (now.wall - then.wall, now.clock - then.clock);
}

static FcStamp
stamp_now (FcRecordWindow *self)
{
  return fc_stamp_now (self->clock);
}

/* Ends one recording branch (once): the muxer finalises the file when both
 * have ended. The sources and the preview go on until the teardown. */
void
fc_record_window_end_branch (FcRecordWindow *self, gboolean video)
{
  FcSubtitleFeed *subs;
  GstClockTime end;
  GstPad *pad;
  gboolean send;

  g_mutex_lock (&self->lock);
  pad = video ? self->vgate : self->agate;
  send = video ? !self->video_eos : !self->audio_eos;
  if (video)
    self->video_eos = TRUE;
  else
    self->audio_eos = TRUE;
  pad = send && pad ? gst_object_ref (pad) : NULL;
  subs = video && send && self->subs ? fc_subtitle_feed_ref (self->subs) : NULL;
  end = GST_CLOCK_TIME_IS_VALID (self->start) ? self->end - self->start : 0;
  if (video && send)
    GST_INFO ("longest gap between frames while recording: %" G_GINT64_FORMAT
              " ms (%" G_GUINT64_FORMAT " frames)",
              self->longest_gap / 1000, self->frames);
  g_mutex_unlock (&self->lock);
  /* the subtitle track ends with the picture */
  if (subs != NULL)
    {
      fc_subtitle_feed_end (subs, end);
      fc_subtitle_feed_unref (subs);
    }
  if (pad != NULL)
    {
      GST_DEBUG ("ending the %s branch", video ? "video" : "audio");
      gst_pad_send_event (pad, gst_event_new_eos ());
      gst_object_unref (pad);
    }
}

/* Recorded buffers are stamped from 0: mp4mux otherwise counts the running
 * time before the recording as part of the file's duration. */
static void
rebase (GstPadProbeInfo *info, GstClockTime start)
{
  GstBuffer *buf = gst_buffer_make_writable (GST_PAD_PROBE_INFO_BUFFER (info));

  GST_BUFFER_PTS (buf) -= start;
  if (GST_BUFFER_DTS_IS_VALID (buf))
    GST_BUFFER_DTS (buf)
        = GST_BUFFER_DTS (buf) > start ? GST_BUFFER_DTS (buf) - start : 0;
  GST_PAD_PROBE_INFO_DATA (info) = buf;
}

/* Every frame into the recording branch (videorate's sink): the camera
 * delivers. Its first makes the video "flowing", and each one is what the
 * watchdog's silence is counted from. Taken here, not at the gate behind
 * videorate, which passes a frame on only when the next one has come
 * (33 ms later). */
static GstPadProbeReturn
video_seen (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  FcRecordWindow *self = data;
  gboolean flowing = FALSE;
  FcStamp now;

  g_mutex_lock (&self->lock);
  now = stamp_now (self);
  /* the silence the watchdog would see, for the log at the end */
  if (GST_CLOCK_TIME_IS_VALID (self->start) && !self->video_done)
    self->longest_gap
        = MAX (self->longest_gap, now.wall - self->last_video_at.wall);
  self->last_video_at = now;
  if (!self->saw_video)
    {
      self->saw_video = TRUE;
      flowing = self->saw_audio;
    }
  g_mutex_unlock (&self->lock);
  if (flowing)
    fc_stream_event_post (pad, FC_STREAM_FLOWING);
  return GST_PAD_PROBE_OK;
}

static GstPadProbeReturn
video_gate (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  FcRecordWindow *self = data;
  GstBuffer *buf = GST_PAD_PROBE_INFO_BUFFER (info);
  GstClockTime pts = GST_BUFFER_PTS (buf);
  gboolean pass = FALSE, done = FALSE, opened = FALSE;
  GstClockTime start;
  FcSubtitleFeed *subs = NULL;

  GST_LOG ("frame %" GST_TIME_FORMAT, GST_TIME_ARGS (pts));
  g_mutex_lock (&self->lock);
  if (self->armed && !self->video_done && GST_CLOCK_TIME_IS_VALID (pts)
      && (GST_CLOCK_TIME_IS_VALID (self->start)
          || !GST_CLOCK_TIME_IS_VALID (self->armed_at)
          || pts >= self->armed_at))
    {
      if (!GST_CLOCK_TIME_IS_VALID (self->start))
        {
          self->start = pts;
          self->end = pts + self->record_ns;
          opened = TRUE;
        }
      if (pts >= self->end)
        done = self->video_done = TRUE;
      else
        {
          pass = TRUE;
          self->frames++;
          self->last_video_pts = pts;
          if (self->subs != NULL)
            subs = fc_subtitle_feed_ref (self->subs);
        }
    }
  start = self->start;
  g_mutex_unlock (&self->lock);

  if (opened)
    {
      /* the thumbnail's: a copy (outside the lock), so that the frame goes
       * back to the pool at once and the pool makes no other in its place
       * (fc-recorder-thumbnail.c) */
      g_autoptr (GstCaps) caps = gst_pad_get_current_caps (pad);
      g_autoptr (GstBuffer) copy = gst_buffer_copy_deep (buf);
      GstSample *frame = gst_sample_new (copy, caps, NULL, NULL);

      g_mutex_lock (&self->lock);
      g_clear_pointer (&self->first_frame, gst_sample_unref);
      self->first_frame = frame;
      g_mutex_unlock (&self->lock);
      fc_stream_event_post (pad, FC_STREAM_WINDOW_OPEN);
    }
  if (done)
    {
      fc_record_window_end_branch (self, TRUE);
      fc_stream_event_post (pad, FC_STREAM_VIDEO_DONE);
    }
  if (!pass)
    return GST_PAD_PROBE_DROP;
  rebase (info, start);
  /* The subtitle track follows the frames into the muxer: its samples
   * that have ended by the end of this frame, and a gap up to there. */
  if (subs != NULL)
    {
      GstBuffer *frame = GST_PAD_PROBE_INFO_BUFFER (info);
      GstClockTime dur = GST_BUFFER_DURATION_IS_VALID (frame)
                             ? GST_BUFFER_DURATION (frame)
                             : FC_FRAME_NS;

      fc_subtitle_feed_advance (subs, GST_BUFFER_PTS (frame) + dur);
      fc_subtitle_feed_unref (subs);
    }
  /* fcburnin, next, works on the frames stamped from 0 in the source's
   * thread: the queue behind it lets the encoder work on the frame before
   * at the same time. */
  return GST_PAD_PROBE_OK;
}

static GstPadProbeReturn
audio_gate (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  FcRecordWindow *self = data;
  GstBuffer *buf = GST_PAD_PROBE_INFO_BUFFER (info);
  g_autoptr (GstCaps) caps = gst_pad_get_current_caps (pad);
  GstAudioInfo ainfo;
  GstClockTime pts = GST_BUFFER_PTS (buf), start, end;
  gboolean flowing = FALSE, stop, skip_all, was_done;
  gint64 frames, skip, keep, limit, done_samples;

  if (caps == NULL || !gst_audio_info_from_caps (&ainfo, caps)
      || !GST_CLOCK_TIME_IS_VALID (pts))
    return GST_PAD_PROBE_DROP;

  g_mutex_lock (&self->lock);
  self->last_audio_at = stamp_now (self);
  if (!self->saw_audio)
    {
      self->saw_audio = TRUE;
      flowing = self->saw_video;
    }
  start = self->start, end = self->end;
  done_samples = self->audio_samples;
  skip_all
      = !self->armed || self->audio_done || !GST_CLOCK_TIME_IS_VALID (start);
  stop = self->armed && self->audio_done;
  g_mutex_unlock (&self->lock);

  if (flowing)
    fc_stream_event_post (pad, FC_STREAM_FLOWING);
  /* The buffer after the last one ends the branch: from inside this probe,
   * end-of-stream would overtake the last buffer. */
  if (stop)
    fc_record_window_end_branch (self, FALSE);
  if (skip_all)
    return GST_PAD_PROBE_DROP;

  /* The first buffer is cut at the window's start, to the sample; the rest
   * are taken whole and stamped by their sample count, so the track has no
   * jitter (these sources stamp buffers on arrival). The track's length,
   * priming included, is the video's: [start, end). */
  frames = gst_buffer_get_size (buf) / GST_AUDIO_INFO_BPF (&ainfo);
  skip = 0;
  if (done_samples == 0 && pts < start)
    skip = MIN (frames, (gint64)gst_util_uint64_scale (start - pts, ainfo.rate,
                                                       GST_SECOND));
  limit = (gint64)gst_util_uint64_scale (end - start, ainfo.rate, GST_SECOND)
          - FC_AAC_PRIMING;
  keep = MIN (frames - skip, limit - done_samples);
  GST_LOG ("audio %" GST_TIME_FORMAT " %" G_GINT64_FORMAT
           " samples, %" G_GINT64_FORMAT " recorded of %" G_GINT64_FORMAT,
           GST_TIME_ARGS (pts), frames, done_samples, limit);
  stop = done_samples + MAX (keep, 0) >= limit;
  g_mutex_lock (&self->lock);
  if (keep > 0)
    self->audio_samples += keep;
  was_done = self->audio_done;
  self->audio_done = stop;
  g_mutex_unlock (&self->lock);
  if (stop && !was_done)
    fc_stream_event_post (pad, FC_STREAM_AUDIO_DONE);

  if (keep <= 0)
    {
      if (stop)
        fc_record_window_end_branch (self, FALSE);
      return GST_PAD_PROBE_DROP;
    }
  buf = gst_audio_buffer_truncate (buf, GST_AUDIO_INFO_BPF (&ainfo), skip,
                                   keep);
  buf = gst_buffer_make_writable (buf);
  GST_BUFFER_PTS (buf)
      = gst_util_uint64_scale (done_samples, GST_SECOND, ainfo.rate);
  GST_BUFFER_DTS (buf) = GST_CLOCK_TIME_NONE;
  GST_BUFFER_DURATION (buf)
      = gst_util_uint64_scale (done_samples + keep, GST_SECOND, ainfo.rate)
        - GST_BUFFER_PTS (buf);
  GST_BUFFER_OFFSET (buf) = done_samples;
  GST_BUFFER_OFFSET_END (buf) = done_samples + keep;
  if (done_samples == 0)
    GST_BUFFER_FLAG_SET (buf, GST_BUFFER_FLAG_DISCONT);
  else
    GST_BUFFER_FLAG_UNSET (buf, GST_BUFFER_FLAG_DISCONT);
  GST_PAD_PROBE_INFO_DATA (info) = buf;
  return GST_PAD_PROBE_OK;
}

/* "start" means a frame is in the file: the first fragment (moof) has
 * reached the file sink. */
static GstPadProbeReturn
file_probe (GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
  FcRecordWindow *self = data;
  GstBuffer *buf;
  char tag[4];
  gboolean first = FALSE;

  if (GST_PAD_PROBE_INFO_TYPE (info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM)
    {
      /* mp4mux has rewritten the header and sent everything: the file is
       * complete (the sink writes unbuffered). */
      if (GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_EOS)
        fc_stream_event_post (pad, FC_STREAM_FILE_DONE);
      return GST_PAD_PROBE_OK;
    }
  buf = GST_PAD_PROBE_INFO_BUFFER (info);
  g_mutex_lock (&self->lock);
  self->last_write_at = stamp_now (self);
  if (gst_buffer_extract (buf, 4, tag, 4) == 4 && memcmp (tag, "moof", 4) == 0)
    {
      first = !self->file_started;
      self->file_started = TRUE;
    }
  g_mutex_unlock (&self->lock);
  if (first)
    fc_stream_event_post (pad, FC_STREAM_FILE_STARTED);
  return GST_PAD_PROBE_OK;
}


/* Returns the pad, with a reference. */
static GstPad *
add_probe (GstElement *pipeline, const char *element, GstPadProbeType type,
           GstPadProbeCallback cb, gpointer data)
{
  g_autoptr (GstElement) e = gst_bin_get_by_name (GST_BIN (pipeline), element);
  GstPad *pad = gst_element_get_static_pad (e, "sink");

  gst_pad_add_probe (pad, type, cb, data, NULL);
  return pad;
}

FcRecordWindow *
fc_record_window_new (void)
{
  FcRecordWindow *self = g_new0 (FcRecordWindow, 1);

  debug_init ();
  g_mutex_init (&self->lock);
  self->start = self->end = self->last_video_pts = GST_CLOCK_TIME_NONE;
  self->armed_at = GST_CLOCK_TIME_NONE;
  return self;
}

void
fc_record_window_free (FcRecordWindow *self)
{
  if (self == NULL)
    return;
  fc_record_window_detach (self);
  g_mutex_clear (&self->lock);
  g_free (self);
}

void
fc_record_window_attach (FcRecordWindow *self, GstElement *pipeline,
                         GstClock *clock)
{
  g_mutex_lock (&self->lock);
  g_set_object (&self->clock, clock);
  self->vgate = add_probe (pipeline, "burn", GST_PAD_PROBE_TYPE_BUFFER,
                           video_gate, self);
  self->agate = add_probe (pipeline, "aq", GST_PAD_PROBE_TYPE_BUFFER,
                           audio_gate, self);
  g_mutex_unlock (&self->lock);
  gst_object_unref (add_probe (pipeline, "vrate", GST_PAD_PROBE_TYPE_BUFFER,
                               video_seen, self));
  gst_object_unref (add_probe (pipeline, "fsink",
                               GST_PAD_PROBE_TYPE_BUFFER
                                   | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
                               file_probe, self));
}

void
fc_record_window_detach (FcRecordWindow *self)
{
  g_mutex_lock (&self->lock);
  g_clear_object (&self->vgate);
  g_clear_object (&self->agate);
  g_clear_pointer (&self->subs, fc_subtitle_feed_unref);
  g_clear_object (&self->clock);
  self->saw_video = self->saw_audio = FALSE;
  g_mutex_unlock (&self->lock);
  fc_record_window_reset (self);
}

void
fc_record_window_reset (FcRecordWindow *self)
{
  g_mutex_lock (&self->lock);
  self->armed = self->video_done = self->audio_done = FALSE;
  self->video_eos = self->audio_eos = FALSE;
  self->file_started = FALSE;
  self->start = self->end = self->last_video_pts = GST_CLOCK_TIME_NONE;
  self->armed_at = GST_CLOCK_TIME_NONE;
  self->frames = 0;
  self->longest_gap = 0;
  self->audio_samples = 0;
  g_clear_pointer (&self->first_frame, gst_sample_unref);
  g_mutex_unlock (&self->lock);
}

void
fc_record_window_set_subtitles (FcRecordWindow *self, FcSubtitleFeed *subs)
{
  FcSubtitleFeed *old;

  g_mutex_lock (&self->lock);
  old = self->subs;
  self->subs = subs ? fc_subtitle_feed_ref (subs) : NULL;
  g_mutex_unlock (&self->lock);
  g_clear_pointer (&old, fc_subtitle_feed_unref);
}

void
fc_record_window_arm (FcRecordWindow *self, GstClockTime length)
{
  g_mutex_lock (&self->lock);
  self->armed = TRUE;
  self->record_ns = MAX (length, FC_FRAME_NS);
  /* The window opens with a frame captured after this call: videorate
   * hands a frame on only when the next has come, so the frame at the
   * gate now may be older (a live source's stamps are running time; no
   * clock, offline: any frame). */
  self->armed_at = GST_CLOCK_TIME_NONE;
  if (self->vgate != NULL)
    {
      g_autoptr (GstElement) gated = gst_pad_get_parent_element (self->vgate);

      if (gated != NULL)
        self->armed_at = gst_element_get_current_running_time (gated);
    }
  self->last_video_at = self->last_audio_at = stamp_now (self);
  g_mutex_unlock (&self->lock);
}

gboolean
fc_record_window_stop (FcRecordWindow *self, GstClockTime now)
{
  GstClockTime start;

  g_mutex_lock (&self->lock);
  start = self->start;
  if (!GST_CLOCK_TIME_IS_VALID (start))
    {
      /* Nothing has gone into the file: disarm. */
      self->armed = FALSE;
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  {
    /* End on the first frame boundary after now and after the sound
     * already recorded (the audio branch runs ahead of the video's), so the
     * file holds all that was seen up to the stop, in whole frames. */
    GstClockTime audio_end
        = start
          + gst_util_uint64_scale (self->audio_samples + FC_AAC_PRIMING,
                                   GST_SECOND, 48000);
    GstClockTime target
        = GST_CLOCK_TIME_IS_VALID (now) ? MAX (now, audio_end) : audio_end;
    guint64 n = (target - start + FC_FRAME_NS - 1) / FC_FRAME_NS;

    self->end = MIN (self->end, start + MAX (n, 1) * FC_FRAME_NS);
  }
  g_mutex_unlock (&self->lock);
  return TRUE;
}

void
fc_record_window_close (FcRecordWindow *self)
{
  g_mutex_lock (&self->lock);
  self->video_done = TRUE;
  if (GST_CLOCK_TIME_IS_VALID (self->last_video_pts))
    self->end = MIN (self->end, self->last_video_pts + FC_FRAME_NS);
  g_mutex_unlock (&self->lock);
  fc_record_window_end_branch (self, TRUE);
}

GstClockTime
fc_record_window_get_start (FcRecordWindow *self)
{
  GstClockTime start;

  g_mutex_lock (&self->lock);
  start = self->start;
  g_mutex_unlock (&self->lock);
  return start;
}

void
fc_record_window_get_health (FcRecordWindow *self, FcWindowHealth *out)
{
  g_mutex_lock (&self->lock);
  out->silent = fc_stamp_elapsed (self->clock, self->last_video_at);
  out->mute = fc_stamp_elapsed (self->clock, self->last_audio_at);
  out->unwritten = fc_stamp_elapsed (self->clock, self->last_write_at);
  out->saw_video = self->saw_video;
  out->started = GST_CLOCK_TIME_IS_VALID (self->start);
  g_mutex_unlock (&self->lock);
}

GstSample *
fc_record_window_take_first_frame (FcRecordWindow *self)
{
  GstSample *sample;

  g_mutex_lock (&self->lock);
  sample = g_steal_pointer (&self->first_frame);
  g_mutex_unlock (&self->lock);
  return sample;
}

guint64
fc_record_window_get_frames (FcRecordWindow *self)
{
  guint64 frames;

  g_mutex_lock (&self->lock);
  frames = self->frames;
  g_mutex_unlock (&self->lock);
  return frames;
}
