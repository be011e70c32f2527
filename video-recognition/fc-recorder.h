/* FcRecorder: the headless core of plugin://video/video-recognition.
 *
 * It owns one GStreamer pipeline (camera and microphone, a preview branch
 * and an H.264 + AAC fragmented-MP4 recording branch) and reports what
 * happens through signals that mirror the component's events. No display
 * is needed; the GTK view (part 2) renders the preview sink it is given. */
#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

G_BEGIN_DECLS

#include "fc-recorder-export.h"

#include "fc-steps.h"
#include "fc-resource-loader.h"

/**
 * FcRecorderError:
 * @FC_RECORDER_ERROR_NO_CAMERA: no camera was found ("no camera")
 * @FC_RECORDER_ERROR_CAMERA_BUSY: the camera is held elsewhere or gives no
 * frames
 * @FC_RECORDER_ERROR_CAMERA_DENIED: access to the camera was refused
 * @FC_RECORDER_ERROR_CAMERA_LOST: the camera went away while in use
 * @FC_RECORDER_ERROR_NO_MICROPHONE: no microphone, or it gives no samples
 * @FC_RECORDER_ERROR_WRITE_FAILED: the recording could not be written
 * @FC_RECORDER_ERROR_FAILED: anything else the pipeline reported
 * @FC_RECORDER_ERROR_INVALID_STEPS: the stepList cannot be used (e.g.
 * "stepList supports at most 3 steps, got 4"); nothing is started
 * @FC_RECORDER_ERROR_RESOURCE: a prompt audio or the mask could not be
 * loaded ("cannot load stepList[1].audioSrc \"URL\": HTTP 404 Not Found")
 * @FC_RECORDER_ERROR_NOT_SUPPORTED: the settings cannot go together (an
 * offline recording from a device); nothing is started
 *
 * The `errCode` of an error detail is the nick of one of these
 * (e.g. "camera-lost").
 */
typedef enum
{
  FC_RECORDER_ERROR_NO_CAMERA,
  FC_RECORDER_ERROR_CAMERA_BUSY,
  FC_RECORDER_ERROR_CAMERA_DENIED,
  FC_RECORDER_ERROR_CAMERA_LOST,
  FC_RECORDER_ERROR_NO_MICROPHONE,
  FC_RECORDER_ERROR_WRITE_FAILED,
  FC_RECORDER_ERROR_FAILED,
  FC_RECORDER_ERROR_INVALID_STEPS,
  FC_RECORDER_ERROR_RESOURCE,
  FC_RECORDER_ERROR_NOT_SUPPORTED,
} FcRecorderError;

/**
 * FcRecorderState:
 * @FC_RECORDER_STATE_IDLE: no pipeline
 * @FC_RECORDER_STATE_PREPARING: pipeline starting, waiting for frames
 * @FC_RECORDER_STATE_READY: previewing; "ready" has been emitted
 * @FC_RECORDER_STATE_RECORDING: frames are going into the file
 * @FC_RECORDER_STATE_FINISHING: the file is being finalised
 *
 * Where a recorder is (#FcRecorder:state).
 */
typedef enum
{
  FC_RECORDER_STATE_IDLE,
  FC_RECORDER_STATE_PREPARING,
  FC_RECORDER_STATE_READY,
  FC_RECORDER_STATE_RECORDING,
  FC_RECORDER_STATE_FINISHING,
} FcRecorderState;

#define FC_RECORDER_ERROR (fc_recorder_error_quark ())
/**
 * fc_recorder_error_quark:
 *
 * The error domain of the recorder: what its #FcRecorder::error reports
 * and its functions fail with.
 *
 * Returns: the quark of %FC_RECORDER_ERROR
 */
FC_RECORDER_EXPORT GQuark fc_recorder_error_quark (void);

#define FC_TYPE_RECORDER_ERROR (fc_recorder_error_get_type ())
FC_RECORDER_EXPORT GType fc_recorder_error_get_type (void);
#define FC_TYPE_RECORDER_STATE (fc_recorder_state_get_type ())
FC_RECORDER_EXPORT GType fc_recorder_state_get_type (void);

/**
 * FcRecorder:
 *
 * The headless core of the one-way video recording component
 * (`plugin://video/video-recognition`): one GStreamer pipeline with the
 * camera and microphone, a preview branch and an H.264 + AAC fragmented-MP4
 * recording branch, the prompts of the stepList and their audio. What
 * happens is reported through signals that mirror the component's events:
 * #FcRecorder::ready (onRecordReady), #FcRecorder::start, #FcRecorder::end
 * and #FcRecorder::error. No display is needed; #FcRecorderView shows it.
 */
#define FC_TYPE_RECORDER (fc_recorder_get_type ())
FC_RECORDER_EXPORT
G_DECLARE_FINAL_TYPE (FcRecorder, fc_recorder, FC, RECORDER, GObject)

FC_RECORDER_EXPORT FcRecorder *fc_recorder_new (void);

/* Starts the camera and microphone (the preview); "ready" or "error"
 * follows. Returns FALSE (and emits "warning") when already prepared. */
FC_RECORDER_EXPORT gboolean fc_recorder_prepare (FcRecorder *self);
/* Starts a recording of record-time ms, preparing first if needed. Returns
 * FALSE and emits "warning" ("already recording") when one is under way. */
FC_RECORDER_EXPORT gboolean fc_recorder_record (FcRecorder *self);
/* Ends the recording early; "end" follows. Returns FALSE and emits
 * "warning" ("not recording") when there is nothing to stop. */
FC_RECORDER_EXPORT gboolean fc_recorder_stop (FcRecorder *self);
/* Stops everything without finalising events (the pipeline is torn down;
 * a recording under way is finalised synchronously, as on destruction). */
FC_RECORDER_EXPORT void fc_recorder_close (FcRecorder *self);

/* Warm-up: loads the GStreamer plugins and element classes the recorder's
 * pipelines use (camera, encoders, muxer, prompt decoding), in a worker
 * thread, so that the first fc_recorder_prepare() in a process does not
 * pay for it. Call it early (the plugin module does when it is loaded);
 * it never blocks the caller's main loop. Idempotent: once done, further
 * calls finish at once. It initialises GStreamer if nothing has yet. An
 * element that is missing is skipped: building the pipeline reports it. */
FC_RECORDER_EXPORT void fc_recorder_preload (void);
FC_RECORDER_EXPORT void fc_recorder_preload_async (GCancellable *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer user_data);
/* Returns: the number of element factories loaded (by this call or an
 * earlier one), or -1 with ERROR set (GStreamer cannot be initialised). */
FC_RECORDER_EXPORT int fc_recorder_preload_finish (GAsyncResult *result,
                                                   GError **error);
/* Stops the warm-up at its next plugin and joins its thread (an atexit()
 * handler does it at exit): no thread is left loading plugins while the
 * process or GStreamer is torn down. */
FC_RECORDER_EXPORT void fc_recorder_preload_stop (void);

FC_RECORDER_EXPORT FcRecorderState fc_recorder_get_state (FcRecorder *self);

FC_RECORDER_EXPORT const char *fc_recorder_get_resolution (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_resolution (FcRecorder *self,
                                                    const char *resolution);
FC_RECORDER_EXPORT guint fc_recorder_get_record_time (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_record_time (FcRecorder *self,
                                                     guint record_time_ms);
FC_RECORDER_EXPORT const char *fc_recorder_get_camera (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_camera (FcRecorder *self,
                                                const char *camera);
FC_RECORDER_EXPORT const char *fc_recorder_get_microphone (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_microphone (FcRecorder *self,
                                                    const char *microphone);
FC_RECORDER_EXPORT gboolean
fc_recorder_get_allow_test_source (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_allow_test_source (FcRecorder *self,
                                                           gboolean allow);
FC_RECORDER_EXPORT const char *fc_recorder_get_temp_dir (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_temp_dir (FcRecorder *self,
                                                  const char *temp_dir);
FC_RECORDER_EXPORT GstClock *fc_recorder_get_clock (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_clock (FcRecorder *self,
                                               GstClock *clock);
FC_RECORDER_EXPORT GstElement *fc_recorder_get_preview_sink (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_preview_sink (FcRecorder *self,
                                                      GstElement *sink);
FC_RECORDER_EXPORT GstElement *
fc_recorder_get_camera_source (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_camera_source (FcRecorder *self,
                                                       GstElement *element);
FC_RECORDER_EXPORT guint fc_recorder_get_ready_timeout (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_ready_timeout (FcRecorder *self,
                                                       guint timeout_ms);
/* Offline (property "offline"): the test pattern and tone recorded as fast
 * as the machine encodes, on stream time instead of in real time: a
 * recording holds exactly record-time ms of media, and the prompts (burn-in,
 * their audio in the file, the subtitles) are placed by the frames' and
 * samples' timestamps. Only with the test sources (camera and microphone
 * unset, "auto" or "test"): with a device, prepare and record emit "error"
 * (errCode "not-supported") and return FALSE. Read when the pipeline
 * starts. */
FC_RECORDER_EXPORT gboolean fc_recorder_get_offline (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_offline (FcRecorder *self,
                                                 gboolean offline);

/* Part 2: prompts, resources, button, burn-in (fc-recorder-props.c, the
 * prompt set in fc-prompts.c). */
FC_RECORDER_EXPORT GVariant *fc_recorder_get_step_list (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_step_list (FcRecorder *self,
                                                   GVariant *step_list);
FC_RECORDER_EXPORT FcStepList *fc_recorder_get_steps (FcRecorder *self);
FC_RECORDER_EXPORT double fc_recorder_get_top (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_top (FcRecorder *self,
                                             double top_rpx);
FC_RECORDER_EXPORT const char *fc_recorder_get_mask (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_mask (FcRecorder *self,
                                              const char *mask);
FC_RECORDER_EXPORT GBytes *fc_recorder_get_mask_bytes (FcRecorder *self);
FC_RECORDER_EXPORT GVariant *fc_recorder_get_button_style (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_button_style (FcRecorder *self,
                                                      GVariant *style);
FC_RECORDER_EXPORT void
fc_recorder_get_button_layout (FcRecorder *self, const FcViewport *viewport,
                               FcRect *out);
FC_RECORDER_EXPORT const char *const *
fc_recorder_get_download_domains (FcRecorder *self);
FC_RECORDER_EXPORT void
fc_recorder_set_download_domains (FcRecorder *self,
                                  const char *const *domains);
/* The loader of the recorder's prompt audio and mask: its host sets what
 * signs its requests there (fc_resource_loader_set_headers_func()). */
FC_RECORDER_EXPORT FcResourceLoader *
fc_recorder_get_resource_loader (FcRecorder *self);
FC_RECORDER_EXPORT const char *fc_recorder_get_root_dir (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_root_dir (FcRecorder *self,
                                                  const char *root_dir);
FC_RECORDER_EXPORT gboolean
fc_recorder_get_allow_insecure_http (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_allow_insecure_http (FcRecorder *self,
                                                             gboolean allow);
FC_RECORDER_EXPORT gboolean fc_recorder_get_burn_in (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_burn_in (FcRecorder *self,
                                                 gboolean burn_in);
FC_RECORDER_EXPORT const char *
fc_recorder_get_prompt_audio_sink (FcRecorder *self);
FC_RECORDER_EXPORT void fc_recorder_set_prompt_audio_sink (FcRecorder *self,
                                                           const char *sink);

G_END_DECLS
