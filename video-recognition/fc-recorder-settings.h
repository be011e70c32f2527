/* FcRecorderSettings: the recorder's part-1 values and their properties
 * (fc-recorder-settings.c). Private to the library. */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

#define FC_RECORDER_SETTINGS_N_PROPS 10

typedef struct _FcRecorderSettings FcRecorderSettings;

struct _FcRecorderSettings
{
  GObject *owner; /* whose properties these are (not a reference) */
  char *resolution;
  guint record_time; /* ms */
  char *camera, *microphone;
  gboolean allow_test_source;
  char *temp_dir;
  GstClock *clock;
  GstElement *camera_source; /* the host's camera element, or NULL */
  guint ready_timeout; /* ms */
  gboolean offline;
  char *own_temp_dir; /* made on first use when temp_dir is unset */
};

void fc_recorder_settings_init (FcRecorderSettings *settings, GObject *owner);
/* Drops the clock (the owner's dispose). */
void fc_recorder_settings_dispose (FcRecorderSettings *settings);
/* Frees everything; the temporary directory made is removed if empty. */
void fc_recorder_settings_clear (FcRecorderSettings *settings);
/* Installs the properties on KLASS with ids FIRST_ID to FIRST_ID +
 * FC_RECORDER_SETTINGS_N_PROPS - 1; the owner's get/set_property pass
 * them here (FALSE: not one of them). Setting one notifies the owner. */
void fc_recorder_settings_install (GObjectClass *klass, guint first_id);
gboolean fc_recorder_settings_get_property (FcRecorderSettings *settings,
                                            guint prop_id, GValue *value);
gboolean fc_recorder_settings_set_property (FcRecorderSettings *settings,
                                            guint prop_id,
                                            const GValue *value);
const char *fc_recorder_settings_get_resolution (FcRecorderSettings *settings);
/* The directory recordings go to, NULL until one has been made when
 * temp-dir is unset. */
const char *fc_recorder_settings_get_temp_dir (FcRecorderSettings *settings);
/* The directory recordings go to, made (0700) if need be; NULL with
 * ERROR. */
const char *fc_recorder_settings_ensure_temp_dir (FcRecorderSettings *settings,
                                                  GError **error);
/* Offline recording is for the test sources only: FALSE with ERROR
 * (FC_RECORDER_ERROR_NOT_SUPPORTED) when a device is set. */
gboolean fc_recorder_settings_check_offline (FcRecorderSettings *settings,
                                             GError **error);
/* The recording's size for the resolution (unknown: medium's). */
void fc_recorder_settings_size (FcRecorderSettings *settings, int *width,
                                int *height);

G_END_DECLS
