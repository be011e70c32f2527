/* FcRecorder's accessors (fc-recorder.h) for its part-1 values
 * (fc-recorder-settings.c) and its prompt set's (fc-prompts.c); each
 * notifies the recorder's property as it changes. */

#include "fc-recorder-private.h"

#include "fc-recorder-settings.h"

#define SETTINGS(self) (fc_recorder_get_settings (self))

const char *
fc_recorder_get_resolution (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_recorder_settings_get_resolution (SETTINGS (self));
}

void
fc_recorder_set_resolution (FcRecorder *self, const char *resolution)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "resolution", resolution, NULL);
}

guint
fc_recorder_get_record_time (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), 0);
  return SETTINGS (self)->record_time;
}

void
fc_recorder_set_record_time (FcRecorder *self, guint record_time_ms)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "record-time", record_time_ms, NULL);
}

const char *
fc_recorder_get_camera (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return SETTINGS (self)->camera;
}

void
fc_recorder_set_camera (FcRecorder *self, const char *camera)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "camera", camera, NULL);
}

const char *
fc_recorder_get_microphone (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return SETTINGS (self)->microphone;
}

void
fc_recorder_set_microphone (FcRecorder *self, const char *microphone)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "microphone", microphone, NULL);
}

gboolean
fc_recorder_get_allow_test_source (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return SETTINGS (self)->allow_test_source;
}

void
fc_recorder_set_allow_test_source (FcRecorder *self, gboolean allow)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "allow-test-source", allow, NULL);
}

/**
 * fc_recorder_get_temp_dir:
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

void
fc_recorder_set_clock (FcRecorder *self, GstClock *clock)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_return_if_fail (clock == NULL || GST_IS_CLOCK (clock));
  g_object_set (self, "clock", clock, NULL);
}

/**
 * fc_recorder_get_camera_source:
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

guint
fc_recorder_get_ready_timeout (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), 0);
  return SETTINGS (self)->ready_timeout;
}

void
fc_recorder_set_ready_timeout (FcRecorder *self, guint timeout_ms)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "ready-timeout", timeout_ms, NULL);
}

gboolean
fc_recorder_get_offline (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return SETTINGS (self)->offline;
}

void
fc_recorder_set_offline (FcRecorder *self, gboolean offline)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  g_object_set (self, "offline", offline, NULL);
}

/**
 * fc_recorder_get_step_list:
 *
 * Returns: (transfer none) (nullable): the stepList as set
 */
GVariant *
fc_recorder_get_step_list (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_step_list (fc_recorder_get_prompts (self));
}

void
fc_recorder_set_step_list (FcRecorder *self, GVariant *step_list)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_step_list (fc_recorder_get_prompts (self), step_list);
}

/**
 * fc_recorder_get_steps:
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

double
fc_recorder_get_top (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), 0);
  return fc_prompts_get_top (fc_recorder_get_prompts (self));
}

void
fc_recorder_set_top (FcRecorder *self, double top_rpx)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_top (fc_recorder_get_prompts (self), top_rpx);
}

const char *
fc_recorder_get_mask (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_mask_src (fc_recorder_get_prompts (self));
}

void
fc_recorder_set_mask (FcRecorder *self, const char *mask)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_mask (fc_recorder_get_prompts (self), mask);
}

/**
 * fc_recorder_get_mask_bytes:
 *
 * Returns: (transfer none) (nullable): the mask image's bytes, once loaded
 */
GBytes *
fc_recorder_get_mask_bytes (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_mask (fc_recorder_get_prompts (self));
}

GVariant *
fc_recorder_get_button_style (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_button_style (fc_recorder_get_prompts (self));
}

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
 */
void
fc_recorder_get_button_layout (FcRecorder *self, const FcViewport *viewport,
                               FcRect *out)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_button_style_layout (fc_prompts_get_button (fc_recorder_get_prompts (self)),
                          viewport, out);
}

const char *const *
fc_recorder_get_download_domains (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_resource_loader_get_download_domains (
      fc_prompts_get_loader (fc_recorder_get_prompts (self)));
}

void
fc_recorder_set_download_domains (FcRecorder *self,
                                  const char *const *domains)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_download_domains (fc_recorder_get_prompts (self), domains);
}

const char *
fc_recorder_get_root_dir (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_resource_loader_get_root_dir (
      fc_prompts_get_loader (fc_recorder_get_prompts (self)));
}

void
fc_recorder_set_root_dir (FcRecorder *self, const char *root_dir)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_root_dir (fc_recorder_get_prompts (self), root_dir);
}

gboolean
fc_recorder_get_allow_insecure_http (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return fc_resource_loader_get_allow_insecure_http (
      fc_prompts_get_loader (fc_recorder_get_prompts (self)));
}

void
fc_recorder_set_allow_insecure_http (FcRecorder *self, gboolean allow)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_allow_insecure_http (fc_recorder_get_prompts (self), allow);
}

gboolean
fc_recorder_get_burn_in (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), FALSE);
  return fc_prompts_get_burn_in (fc_recorder_get_prompts (self));
}

void
fc_recorder_set_burn_in (FcRecorder *self, gboolean burn_in)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_burn_in (fc_recorder_get_prompts (self), burn_in);
}

const char *
fc_recorder_get_prompt_audio_sink (FcRecorder *self)
{
  g_return_val_if_fail (FC_IS_RECORDER (self), NULL);
  return fc_prompts_get_prompt_audio_sink (fc_recorder_get_prompts (self));
}

void
fc_recorder_set_prompt_audio_sink (FcRecorder *self, const char *sink)
{
  g_return_if_fail (FC_IS_RECORDER (self));
  fc_prompts_set_prompt_audio_sink (fc_recorder_get_prompts (self), sink);
}
