/* What one recording takes from the prompt set into the pipeline: the
 * burn-in pictures, the clips mixed into the sound, the subtitle track
 * (fc-recording-parts.h). */

#include "fc-recording-parts.h"

#include "fc-burn-in.h"
#include "fc-debug-private.h"

GST_DEBUG_CATEGORY_STATIC (fc_parts_debug);
#define GST_CAT_DEFAULT fc_parts_debug

static void
init_debug (void)
{
  FC_DEBUG_CATEGORY_INIT_ONCE (fc_parts_debug, "fc-recording-parts", "what a recording takes from the prompts");
}

gboolean
fc_recording_parts_put (GstElement *pipeline, FcPrompts *prompts, int width,
                        int height, GstClockTime duration,
                        FcRecordWindow *window, gboolean *clips,
                        GError **error)
{
  g_autoptr (FcBurnIn) burn = NULL;
  g_autoptr (FcPromptMix) mix = NULL;
  g_autoptr (GstElement) burn_in = NULL;
  g_autoptr (GstElement) pmix = NULL;
  FcSubtitleFeed *subs;

  init_debug ();
  if (fc_prompts_get_burn_in (prompts))
    {
      g_autoptr (GError) local = NULL;

      burn = fc_prompts_make_pictures (prompts, width, height, &local);
      if (burn == NULL)
        {
          g_set_error (error, FC_RECORDER_ERROR, FC_RECORDER_ERROR_RESOURCE,
                       "cannot decode mask \"%s\": %s",
                       fc_prompts_get_mask_src (prompts), local->message);
          return FALSE;
        }
    }
  mix = fc_prompts_make_clips (prompts);
  *clips = mix != NULL;
  /* The muxer has had no buffer yet (the gates drop them all): a subtitle
   * pad can still be added. Without it, the WebVTT beside the file still
   * holds the timeline. */
  subs = fc_subtitle_feed_new (fc_prompts_get_steps (prompts), duration);
  if (subs != NULL)
    {
      g_autoptr (GstElement) mux = gst_bin_get_by_name (GST_BIN (pipeline),
                                                        "mux");
      g_autoptr (GError) local = NULL;

      if (!fc_subtitle_feed_attach (subs, pipeline, mux, &local))
        {
          GST_WARNING ("no subtitle track: %s", local->message);
          g_clear_pointer (&subs, fc_subtitle_feed_unref);
        }
    }
  burn_in = gst_bin_get_by_name (GST_BIN (pipeline), "burn");
  pmix = gst_bin_get_by_name (GST_BIN (pipeline), "pmix");
  g_object_set (burn_in, "pictures", burn, NULL);
  g_object_set (pmix, "clips", mix, NULL);
  fc_record_window_set_subtitles (window, subs);
  g_clear_pointer (&subs, fc_subtitle_feed_unref);
  return TRUE;
}
