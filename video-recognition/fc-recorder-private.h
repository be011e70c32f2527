/* What only the recorder's own files share. */
#pragma once

#include "fc-prompt-mix.h"
#include "fc-recorder.h"
#include "fc-recorder-thumbnail.h"
#include "fc-resource-loader.h"
#include "fc-steps.h"

G_BEGIN_DECLS

/* A moment on the wall clock and on the host's clock, in microseconds. */
typedef struct
{
  gint64 wall, clock;
} FcStamp;

/* Where frames or samples come from. */
typedef enum
{
  FC_SOURCE_PIPEWIRE,
  FC_SOURCE_V4L2,
  FC_SOURCE_TEST,
  FC_SOURCE_ELEMENT, /* the host's own element (FcRecorder:camera-source) */
} FcSourceKind;

typedef struct
{
  FcSourceKind kind;
  char *target;  /* PipeWire node name or V4L2 device path; NULL for test */
  GstCaps *caps; /* what the device offers, when known */
  int fd;        /* a PipeWire remote of its own (the camera portal's), or -1 */
  GstElement *element; /* FC_SOURCE_ELEMENT: the host's (a reference) */
} FcSource;

#define FC_SOURCE_INIT                                                         \
  {                                                                            \
    FC_SOURCE_TEST, NULL, NULL, -1, NULL                                       \
  }

/* Frees what SOURCE holds (closing its fd) and leaves it FC_SOURCE_INIT. */
void fc_source_clear (FcSource *source);
const char *fc_source_kind_name (FcSourceKind kind);

/* Resolves a camera or microphone setting (NULL/"auto", "test",
 * "pipewire:NODE", "v4l2:PATH") to a source. Returns FALSE when none is
 * found; test sources are never chosen here unless asked for by name. */
gboolean fc_source_find (const char *setting, gboolean video, FcSource *out);

/* The device SOURCE was found as, from the recorder's device providers
 * (a new reference), or NULL: a test source, the host's element, the
 * camera portal's own PipeWire remote, a V4L2 path not enumerated, or a
 * device gone already. */
GstDevice *fc_source_get_device (const FcSource *source, gboolean video);

/* The caps to force right after a camera source: a raw (or JPEG) format
 * the device offers, as close as possible to WIDTHxHEIGHT. *DECODE is set
 * when the chosen format is JPEG. */
GstCaps *fc_source_choose_video_caps (const FcSource *source, int width,
                                      int height, gboolean *decode);

/* Temporary files. */
gboolean fc_recorder_ensure_dir (const char *dir, GError **error);
char *fc_recorder_create_file (const char *dir, const char *suffix,
                               GError **error);

typedef struct
{
  char *video_path;
  char *thumb_path;
  FcThumbnail *thumbnail; /* the first frame's JPEG, being encoded */
  gint64 duration_ms;
  guint64 dropped_frames, duplicated_frames;
  char *subtitle_text; /* WebVTT of the prompts, or NULL */
  /* filled by fc_recorder_summarise */
  char *subtitle_path; /* beside the video, when subtitle_text is set */
  gint64 size;
  char *sha256;
} FcRecordingSummary;

void fc_recording_summary_free (FcRecordingSummary *summary);
/* Writes the thumbnail and computes size and digest; runs in a thread. */
gboolean fc_recorder_summarise (FcRecordingSummary *summary, GError **error);
/* The same in a thread, SUMMARY taken: CALLBACK (with SOURCE, an object
 * held until then) on the caller's thread-default main context. */
void fc_recorder_summarise_async (FcRecordingSummary *summary, gpointer source,
                                  GAsyncReadyCallback callback, gpointer data);
/* The summary (RESULT's) and ERROR when it could not be completed. */
FcRecordingSummary *fc_recorder_summarise_finish (GAsyncResult *result,
                                                  GError **error);

/* Prompts (fc-prompts.c): the parsed stepList and the resources
 * it needs (each step's audio, the mask), loaded when the component is
 * prepared. */
#define FC_TYPE_PROMPTS (fc_prompts_get_type ())
G_DECLARE_FINAL_TYPE (FcPrompts, fc_prompts, FC, PROMPTS, GObject)
/* ERROR is NULL when everything is in. Called once per start, on the
 * thread-default main context of fc_prompts_start's caller. */
typedef void (*FcPromptsDone) (const GError *error, gpointer user_data);

/* A prompt set whose properties are OWNER's (see
 * fc_prompts_install_properties). Bad values are its "warning" signal
 * (a string), emitted on the thread that set or parsed them. */
FcPrompts *fc_prompts_new (GObject *owner);
FcResourceLoader *fc_prompts_get_loader (FcPrompts *prompts);
/* Parses the step-list property (NULL: none) and starts loading the
 * steps' audio and the mask (NULL or "": none). FALSE with ERROR
 * (FC_STEP_LIST_ERROR) for a stepList that cannot be used; bad style
 * values are the set's "warning". DONE follows unless FALSE is
 * returned or the prompts are stopped first. */
gboolean fc_prompts_start (FcPrompts *prompts, FcPromptsDone done,
                           gpointer done_data, GError **error);
/* Cancels loading; DONE will not be called. What was loaded is kept. */
void fc_prompts_stop (FcPrompts *prompts);
gboolean fc_prompts_is_loaded (FcPrompts *prompts);
/* NULL before a successful start. */
FcStepList *fc_prompts_get_steps (FcPrompts *prompts);
/* The audio of step I (showTime order), or NULL. */
GBytes *fc_prompts_get_audio (FcPrompts *prompts, guint i);
/* The decoded clip of step I (showTime order), or NULL. */
GBytes *fc_prompts_get_pcm (FcPrompts *prompts, guint i);
GBytes *fc_prompts_get_mask (FcPrompts *prompts);

/* The part-2 properties of FcRecorder (step-list, top, mask, button-style,
 * download-domains, root-dir, allow-insecure-http, burn-in,
 * prompt-audio-sink, start-time) are the prompt set's: installed on KLASS
 * with ids from FIRST_ID on; the owner's get/set_property pass those ids
 * here. */
void fc_prompts_install_properties (GObjectClass *klass, guint first_id);
void fc_prompts_get_property (FcPrompts *prompts, guint prop_id,
                              GValue *value);
void fc_prompts_set_property (FcPrompts *prompts, guint prop_id,
                              const GValue *value);
GVariant *fc_prompts_get_step_list (FcPrompts *prompts);
void fc_prompts_set_step_list (FcPrompts *prompts, GVariant *step_list);
double fc_prompts_get_top (FcPrompts *prompts);
void fc_prompts_set_top (FcPrompts *prompts, double top_rpx);
const char *fc_prompts_get_mask_src (FcPrompts *prompts);
void fc_prompts_set_mask (FcPrompts *prompts, const char *mask);
GVariant *fc_prompts_get_button_style (FcPrompts *prompts);
/* Init-only: after the first start a change is ignored with a warning. */
void fc_prompts_set_button_style (FcPrompts *prompts, GVariant *style);
const FcButtonStyle *fc_prompts_get_button (FcPrompts *prompts);
void fc_prompts_set_download_domains (FcPrompts *prompts,
                                      const char *const *domains);
void fc_prompts_set_root_dir (FcPrompts *prompts, const char *root_dir);
void fc_prompts_set_allow_insecure_http (FcPrompts *prompts, gboolean allow);
gboolean fc_prompts_get_burn_in (FcPrompts *prompts);
void fc_prompts_set_burn_in (FcPrompts *prompts, gboolean burn_in);
const char *fc_prompts_get_prompt_audio_sink (FcPrompts *prompts);
void fc_prompts_set_prompt_audio_sink (FcPrompts *prompts, const char *sink);
/* FcRecorder:start-time, set when a live recording's first frame is in. */
void fc_prompts_set_start_time (FcPrompts *prompts, gint64 start_time);
/* What a recording takes from the set: the burn-in pictures for
 * WIDTHxHEIGHT frames (NULL with ERROR when the mask cannot be decoded),
 * the clips to mix into the sound (NULL: none), the player of the clips
 * to the speaker (NULL: none, or no output). */
struct _FcBurnIn *fc_prompts_make_pictures (FcPrompts *prompts, int width,
                                            int height, GError **error);
FcPromptMix *fc_prompts_make_clips (FcPrompts *prompts);
struct _FcPromptPlayer *fc_prompts_make_player (FcPrompts *prompts);

/* Prompt audio (fc-audio-decode.c, fc-prompt-player.c), in the
 * recording's sample format (FC_PCM_RATE, FC_PCM_FORMAT: fc-prompt-mix.h). */
/* The AAC encoder's priming: the file's decoded audio is the encoder's
 * input delayed by this many samples (the recording window cuts the track short
 * by as much, so its length is the video's). */
#define FC_AAC_PRIMING 1024
/* Decodes a clip to FC_PCM_FORMAT mono at FC_PCM_RATE (blocks: call from
 * a worker thread). */
GBytes *fc_audio_decode_pcm (GBytes *bytes, GError **error);
/* The prompt timeline as the recording's subtitle track
 * (fc-recorder-subtitles.c). NULL when no step shows text within
 * DURATION. Attach adds an appsrc feeding a new subtitle pad of MUX (before
 * the muxer has started); advance (the video gate's thread) pushes the
 * samples (pieces of the steps' text, or empty) that have ended by UNTIL
 * (recorded time, from 0) and a gap event up to it; end pushes the rest
 * up to END (where the video ended) and end-of-stream. */
typedef struct _FcSubtitleFeed FcSubtitleFeed;
FcSubtitleFeed *fc_subtitle_feed_new (FcStepList *steps,
                                      GstClockTime duration);
FcSubtitleFeed *fc_subtitle_feed_ref (FcSubtitleFeed *feed);
void fc_subtitle_feed_unref (FcSubtitleFeed *feed);
gboolean fc_subtitle_feed_attach (FcSubtitleFeed *feed, GstElement *pipeline,
                                  GstElement *mux, GError **error);
void fc_subtitle_feed_advance (FcSubtitleFeed *feed, GstClockTime until);
void fc_subtitle_feed_end (FcSubtitleFeed *feed, GstClockTime end);

/* Plays the clips PCM[i] (mono FC_PCM_FORMAT, NULL: none) of STEPS'
 * steps through SINK (a gst-launch description; NULL: the
 * default output, autoaudiosink or else PipeWire's default sink), each at
 * its showTime. New prepares (the sink connects); start gives the first
 * frame's capture on the monotonic clock (µs), from which the sink times
 * the clips itself. NULL when no step has audio or there is no output:
 * the prompts are in the file all the same. */
typedef struct _FcPromptPlayer FcPromptPlayer;
FcPromptPlayer *fc_prompt_player_new (FcStepList *steps,
                                      GBytes *const *pcm, const char *sink);
void fc_prompt_player_start (FcPromptPlayer *player, gint64 origin);
void fc_prompt_player_free (FcPromptPlayer *player);

/* Frames of the raw video branch in mappings of their own, not from malloc
 * (fc-recorder-memory.c): offered to every element upstream of SINK. */
void fc_recorder_map_frames (GstPad *sink);
/* The streaming threads of PIPELINE's sources, queues and muxer on threads
 * kept for the process, one per role, so that each allocates in the same
 * malloc arena every recording (fc-recorder-memory.c). */
void fc_recorder_keep_threads (GstElement *pipeline);

/* Whether a warm-up (fc_recorder_preload()) is under way; another
 * fc_recorder_preload_async() then reports when it is done. */
gboolean fc_recorder_preload_running (void);

/* Puts SINK (NULL: a fakesink) in PIPELINE (playing, or NULL: nothing
 * happens) in place of the preview sink linked to its "pq" queue, when no
 * frame is passing; the new sink does not preroll
 * (fc-recorder-preview.c). */
void fc_preview_swap (GstElement *pipeline, GstElement *sink);

/* What fc-recorder.c shares with it. */
FcPrompts *fc_recorder_get_prompts (FcRecorder *self);
typedef struct _FcRecorderSettings FcRecorderSettings;
FcRecorderSettings *fc_recorder_get_settings (FcRecorder *self);
void fc_recorder_emit_warning (FcRecorder *self, const char *message);

G_END_DECLS
