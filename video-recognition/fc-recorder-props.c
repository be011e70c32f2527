/* FcRecorder's accessors (fc-recorder.h) for its part-1 values
 * (fc-recorder-settings.c) and its prompt set's (fc-prompts.c); each
 * notifies the recorder's property as it changes. */

#include "fc-recorder-private.h"

#include "fc-recorder-settings.h"

#define SETTINGS(self) (fc_recorder_get_settings (self))

/**
 * fc_recorder_get_resolution:
 * @self: a recorder
 *
 * Gets the resolution the camera is asked for (`low`, `medium` or `high`;
 * the `resolution` attribute).
 *
 * Returns: (transfer none): the resolution
 */
const char *
fc_recorder_get_resolution (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_recorder_settings_get_resolution (SETTINGS (self));
}

/**
 * fc_recorder_set_resolution:
 * @self: a recorder
 * @resolution: the new value
 *
 * Sets the resolution the camera is asked for (`low`, `medium` or `high`;
 * the `resolution` attribute).
 */
void
fc_recorder_set_resolution (FcRecorder *self, const char *resolution)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "resolution", resolution, NULL);
}

/**
 * fc_recorder_get_record_time:
 * @self: a recorder
 *
 * Gets how long a recording lasts, in ms (the `recordTime` attribute).
 *
 * Returns: the duration in ms
 */
guint
fc_recorder_get_record_time (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), 0);
  return SETTINGS (self)->record_time;
}

/**
 * fc_recorder_set_record_time:
 * @self: a recorder
 * @record_time_ms: the new value
 *
 * Sets how long a recording lasts, in ms (the `recordTime` attribute).
 */
void
fc_recorder_set_record_time (FcRecorder *self, guint record_time_ms)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "record-time", record_time_ms, NULL);
}

/**
 * fc_recorder_get_camera:
 * @self: a recorder
 *
 * Gets the camera (#FcRecorder:camera): %NULL or `auto` for the system's,
 * `portal`, `test`, `pipewire:NODE` or `v4l2:PATH` (the host's setting).
 *
 * Returns: (transfer none) (nullable): the camera
 */
const char *
fc_recorder_get_camera (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return SETTINGS (self)->camera;
}

/**
 * fc_recorder_set_camera:
 * @self: a recorder
 * @camera: (nullable): the new value
 *
 * Sets the camera (#FcRecorder:camera): %NULL or `auto` for the system's,
 * `portal`, `test`, `pipewire:NODE` or `v4l2:PATH` (the host's setting).
 */
void
fc_recorder_set_camera (FcRecorder *self, const char *camera)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "camera", camera, NULL);
}

/**
 * fc_recorder_get_microphone:
 * @self: a recorder
 *
 * Gets the microphone: %NULL or `auto` for the system's, `test` or
 * `pipewire:NODE` (the host's setting).
 *
 * Returns: (transfer none) (nullable): the microphone
 */
const char *
fc_recorder_get_microphone (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return SETTINGS (self)->microphone;
}

/**
 * fc_recorder_set_microphone:
 * @self: a recorder
 * @microphone: (nullable): the new value
 *
 * Sets the microphone: %NULL or `auto` for the system's, `test` or
 * `pipewire:NODE` (the host's setting).
 */
void
fc_recorder_set_microphone (FcRecorder *self, const char *microphone)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "microphone", microphone, NULL);
}

/**
 * fc_recorder_get_allow_test_source:
 * @self: a recorder
 *
 * Gets whether the test pattern and tone may stand in for a missing camera
 * or microphone.
 *
 * Returns: whether they may
 */
gboolean
fc_recorder_get_allow_test_source (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return SETTINGS (self)->allow_test_source;
}

/**
 * fc_recorder_set_allow_test_source:
 * @self: a recorder
 * @allow: the new value
 *
 * Sets whether the test pattern and tone may stand in for a missing camera
 * or microphone.
 */
void
fc_recorder_set_allow_test_source (FcRecorder *self, gboolean allow)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "allow-test-source", allow, NULL);
}

/**
 * fc_recorder_get_temp_dir:
 * @self: a recorder
 *
 * Gets the folder recordings, thumbnails and subtitles are written to;
 * %NULL for a private one under g_get_tmp_dir().
 *
 * Returns: (nullable): the directory recordings go to, NULL until one has
 * been made when the temp-dir property is unset.
 */
const char *
fc_recorder_get_temp_dir (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_recorder_settings_get_temp_dir (SETTINGS (self));
}

/**
 * fc_recorder_set_temp_dir:
 * @self: a recorder
 * @temp_dir: (nullable): the new value
 *
 * Sets the folder recordings, thumbnails and subtitles are written to;
 * %NULL for a private one under g_get_tmp_dir().
 */
void
fc_recorder_set_temp_dir (FcRecorder *self, const char *dir)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "temp-dir", dir, NULL);
}

/**
 * fc_recorder_get_clock:
 * @self: a recorder
 *
 * The clock prompts and timers follow (#FcRecorder:clock).
 *
 * Returns: (transfer none) (nullable): the clock
 */
GstClock *
fc_recorder_get_clock (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return SETTINGS (self)->clock;
}

/**
 * fc_recorder_set_clock:
 * @self: a recorder
 * @clock: (nullable): the clock; %NULL for the system clock
 *
 * Sets the clock prompts and timers follow (#FcRecorder:clock): a page's,
 * so that prompts follow page time.
 */
void
fc_recorder_set_clock (FcRecorder *self, GstClock *clock)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_return_if_fail (clock == NULL || GST_IS_CLOCK (clock));
  g_object_set (self, "clock", clock, NULL);
}

/**
 * fc_recorder_get_camera_source:
 * @self: a recorder
 *
 * Gets the element the host gave as the camera source, if any
 * (#FcRecorder:camera-source).
 *
 * Returns: (transfer none) (nullable): the host's camera element
 */
GstElement *
fc_recorder_get_camera_source (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return SETTINGS (self)->camera_source;
}

/**
 * fc_recorder_set_camera_source:
 * @self: the recorder
 * @element: (nullable) (transfer none): a source element giving raw video
 *
 * Gives the recorder a camera source element of the host's own (a portal's
 * PipeWire stream); it is used instead of #FcRecorder:camera.
 *
 * Records from @element instead of the camera property's camera
 * (FcRecorder:camera-source); NULL goes back to the camera property.
 */
void
fc_recorder_set_camera_source (FcRecorder *self, GstElement *element)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_return_if_fail (element == NULL || GST_IS_ELEMENT (element));
  g_object_set (self, "camera-source", element, NULL);
}

/**
 * fc_recorder_get_ready_timeout:
 * @self: a recorder
 *
 * Gets how long the camera may take to give its first frame before
 * #FcRecorder::error (`camera-busy`), in ms.
 *
 * Returns: the timeout in ms
 */
guint
fc_recorder_get_ready_timeout (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), 0);
  return SETTINGS (self)->ready_timeout;
}

/**
 * fc_recorder_set_ready_timeout:
 * @self: a recorder
 * @timeout_ms: the new value
 *
 * Sets how long the camera may take to give its first frame before
 * #FcRecorder::error (`camera-busy`), in ms.
 */
void
fc_recorder_set_ready_timeout (FcRecorder *self, guint timeout_ms)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "ready-timeout", timeout_ms, NULL);
}

/**
 * fc_recorder_get_offline:
 * @self: a recorder
 *
 * Gets whether recordings from the test sources are made offline: as fast
 * as the machine encodes, on media time, so that a recording holds exactly
 * #FcRecorder:record-time ms.
 *
 * Returns: whether recordings are offline
 */
gboolean
fc_recorder_get_offline (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return SETTINGS (self)->offline;
}

/**
 * fc_recorder_set_offline:
 * @self: a recorder
 * @offline: the new value
 *
 * Sets whether recordings from the test sources are made offline: as fast
 * as the machine encodes, on media time, so that a recording holds exactly
 * #FcRecorder:record-time ms.
 */
void
fc_recorder_set_offline (FcRecorder *self, gboolean offline)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "offline", offline, NULL);
}

/**
 * fc_recorder_get_step_list:
 * @self: a recorder
 *
 * Gets the stepList attribute as given (`aa{sv}`): the prompts, their
 * audio and when they show.
 *
 * Returns: (transfer none) (nullable): the stepList as set
 */
GVariant *
fc_recorder_get_step_list (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_step_list (fc_recorder_get_prompts (self));
}

/**
 * fc_recorder_set_step_list:
 * @self: a recorder
 * @step_list: (nullable) (transfer none): an array of steps (`aa{sv}`)
 *
 * Sets the stepList attribute; it is parsed at once (#FcRecorder::warning
 * for ignored members), and its resources load when the recorder prepares.
 */
void
fc_recorder_set_step_list (FcRecorder *self, GVariant *step_list)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_step_list (fc_recorder_get_prompts (self), step_list);
}

/**
 * fc_recorder_get_steps:
 * @self: a recorder
 *
 * Gets the parsed stepList, sorted by showTime.
 *
 * Returns: (transfer none) (nullable): the stepList as parsed at the last
 * prepare, in showTime order
 */
FcStepList *
fc_recorder_get_steps (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_steps (fc_recorder_get_prompts (self));
}

/**
 * fc_recorder_get_top:
 * @self: a recorder
 *
 * Gets the distance of the prompt block from the top, in rpx (the `top`
 * attribute).
 *
 * Returns: the distance in rpx
 */
double
fc_recorder_get_top (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), 0);
  return fc_prompts_get_top (fc_recorder_get_prompts (self));
}

/**
 * fc_recorder_set_top:
 * @self: a recorder
 * @top_rpx: the new value
 *
 * Sets the distance of the prompt block from the top, in rpx (the `top`
 * attribute).
 */
void
fc_recorder_set_top (FcRecorder *self, double top_rpx)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_top (fc_recorder_get_prompts (self), top_rpx);
}

/**
 * fc_recorder_get_mask:
 * @self: a recorder
 *
 * Gets the mask image's path or URL, drawn over the preview (the `mask`
 * attribute).
 *
 * Returns: (transfer none) (nullable): the mask
 */
const char *
fc_recorder_get_mask (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_mask_src (fc_recorder_get_prompts (self));
}

/**
 * fc_recorder_set_mask:
 * @self: a recorder
 * @mask: (nullable): the new value
 *
 * Sets the mask image's path or URL, drawn over the preview (the `mask`
 * attribute).
 */
void
fc_recorder_set_mask (FcRecorder *self, const char *mask)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_mask (fc_recorder_get_prompts (self), mask);
}

/**
 * fc_recorder_get_mask_bytes:
 * @self: a recorder
 *
 * Gets the mask image once loaded, for a view to draw.
 *
 * Returns: (transfer none) (nullable): the mask image's bytes, once loaded
 */
GBytes *
fc_recorder_get_mask_bytes (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_mask (fc_recorder_get_prompts (self));
}

/**
 * fc_recorder_get_button_style:
 * @self: a recorder
 *
 * Gets the buttonStyle attribute as given (`a{sv}`: width, height,
 * bottom).
 *
 * Returns: (transfer none) (nullable): the style
 */
GVariant *
fc_recorder_get_button_style (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_button_style (fc_recorder_get_prompts (self));
}

/**
 * fc_recorder_set_button_style:
 * @self: a recorder
 * @style: (nullable) (transfer none): the style (`a{sv}`)
 *
 * Sets the buttonStyle attribute: the record button's size and distance
 * from the bottom.
 */
void
fc_recorder_set_button_style (FcRecorder *self, GVariant *style)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_button_style (fc_recorder_get_prompts (self), style);
}

/**
 * fc_recorder_get_button_layout:
 * @viewport: the component's size in pixels
 * @out: (out): where the record button goes
 * @self: a recorder
 *
 * Where the record button goes in a view of the given size, from
 * #FcRecorder:button-style.
 */
void
fc_recorder_get_button_layout (FcRecorder *self, const FcViewport *viewport,
                               FcRect *out)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_button_style_layout (fc_prompts_get_button (fc_recorder_get_prompts (self)),
                          viewport, out);
}

/**
 * fc_recorder_get_download_domains:
 * @self: a recorder
 *
 * Gets the download whitelist: the domains prompt audio and masks may come
 * from.
 *
 * Returns: (transfer none) (array zero-terminated=1): the domains
 */
const char *const *
fc_recorder_get_download_domains (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_resource_loader_get_download_domains (
      fc_prompts_get_loader (fc_recorder_get_prompts (self)));
}

/**
 * fc_recorder_set_download_domains:
 * @self: a recorder
 * @domains: (nullable) (array zero-terminated=1): the domains
 *
 * Sets the download whitelist: the domains prompt audio and masks may come
 * from (the host's setting).
 */
void
fc_recorder_set_download_domains (FcRecorder *self,
                                  const char *const *domains)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_download_domains (fc_recorder_get_prompts (self), domains);
}

/**
 * fc_recorder_get_root_dir:
 * @self: a recorder
 *
 * Gets the mini-program's folder, which relative paths of the mask and
 * prompt audio are resolved in.
 *
 * Returns: (transfer none) (nullable) (type filename): the folder
 */
const char *
fc_recorder_get_root_dir (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_resource_loader_get_root_dir (
      fc_prompts_get_loader (fc_recorder_get_prompts (self)));
}

/**
 * fc_recorder_set_root_dir:
 * @self: a recorder
 * @root_dir: (nullable): the new value
 *
 * Sets the mini-program's folder, which relative paths of the mask and
 * prompt audio are resolved in.
 */
void
fc_recorder_set_root_dir (FcRecorder *self, const char *root_dir)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_root_dir (fc_recorder_get_prompts (self), root_dir);
}

/**
 * fc_recorder_get_allow_insecure_http:
 * @self: a recorder
 *
 * Gets whether prompt audio and masks may be fetched over plain HTTP from
 * whitelisted domains.
 *
 * Returns: whether plain HTTP is allowed
 */
gboolean
fc_recorder_get_allow_insecure_http (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return fc_resource_loader_get_allow_insecure_http (
      fc_prompts_get_loader (fc_recorder_get_prompts (self)));
}

/**
 * fc_recorder_set_allow_insecure_http:
 * @self: a recorder
 * @allow: the new value
 *
 * Sets whether prompt audio and masks may be fetched over plain HTTP from
 * whitelisted domains.
 */
void
fc_recorder_set_allow_insecure_http (FcRecorder *self, gboolean allow)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_allow_insecure_http (fc_recorder_get_prompts (self), allow);
}

/**
 * fc_recorder_get_burn_in:
 * @self: a recorder
 *
 * Gets whether the prompts are drawn into the recorded video as well as
 * shown.
 *
 * Returns: whether prompts are burnt in
 */
gboolean
fc_recorder_get_burn_in (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return fc_prompts_get_burn_in (fc_recorder_get_prompts (self));
}

/**
 * fc_recorder_set_burn_in:
 * @self: a recorder
 * @burn_in: the new value
 *
 * Sets whether the prompts are drawn into the recorded video as well as
 * shown.
 */
void
fc_recorder_set_burn_in (FcRecorder *self, gboolean burn_in)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_burn_in (fc_recorder_get_prompts (self), burn_in);
}

/**
 * fc_recorder_get_prompt_audio_sink:
 * @self: a recorder
 *
 * Gets where the prompts' audio plays (#FcRecorder:prompt-audio-sink), as a
 * gst-launch description such as `pulsesink`; %NULL for autoaudiosink.
 *
 * Returns: (transfer none) (nullable): the sink
 */
const char *
fc_recorder_get_prompt_audio_sink (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_prompt_audio_sink (fc_recorder_get_prompts (self));
}

/**
 * fc_recorder_set_prompt_audio_sink:
 * @self: a recorder
 * @sink: (nullable): the new value
 *
 * Sets where the prompts' audio plays (#FcRecorder:prompt-audio-sink), as a
 * gst-launch description such as `pulsesink`; %NULL for autoaudiosink.
 */
void
fc_recorder_set_prompt_audio_sink (FcRecorder *self, const char *sink)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_prompt_audio_sink (fc_recorder_get_prompts (self), sink);
}
