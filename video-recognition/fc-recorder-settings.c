/* FcRecorderSettings: the recorder's part-1 values (resolution,
 * record-time, camera, microphone, allow-test-source, temp-dir, clock,
 * ready-timeout, offline), the properties that expose them on their owner
 * (FcRecorder) and the checks on them (fc-recorder-settings.h). */

#include "fc-recorder-settings.h"

#include "fc-recorder-private.h"

#include <glib/gstdio.h>
#include <string.h>

enum
{
  PROP_RESOLUTION,
  PROP_RECORD_TIME,
  PROP_CAMERA,
  PROP_MICROPHONE,
  PROP_ALLOW_TEST_SOURCE,
  PROP_TEMP_DIR,
  PROP_CLOCK,
  PROP_READY_TIMEOUT,
  PROP_OFFLINE,
  PROP_CAMERA_SOURCE,
  N_PROPS
};

G_STATIC_ASSERT (N_PROPS == FC_RECORDER_SETTINGS_N_PROPS);

static GParamSpec *props[N_PROPS];
static guint first_prop_id;

void
fc_recorder_settings_init (FcRecorderSettings *self, GObject *owner)
{
  memset (self, 0, sizeof *self);
  self->owner = owner;
  self->resolution = g_strdup ("medium");
  self->record_time = 30000;
  self->ready_timeout = 5000;
}

void
fc_recorder_settings_dispose (FcRecorderSettings *self)
{
  g_clear_object (&self->clock);
  g_clear_object (&self->camera_source);
}

void
fc_recorder_settings_clear (FcRecorderSettings *self)
{
  g_clear_object (&self->clock);
  g_clear_object (&self->camera_source);
  g_clear_pointer (&self->resolution, g_free);
  g_clear_pointer (&self->camera, g_free);
  g_clear_pointer (&self->microphone, g_free);
  g_clear_pointer (&self->temp_dir, g_free);
  if (self->own_temp_dir != NULL)
    g_rmdir (self->own_temp_dir); /* only if the application left it empty */
  g_clear_pointer (&self->own_temp_dir, g_free);
}

void
fc_recorder_settings_install (GObjectClass *klass, guint first_id)
{
  GParamFlags flags
      = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  first_prop_id = first_id;
  /**
   * FcRecorder:resolution:
   *
   * "low" (640x480), "medium" (1280x720) or "high" (1920x1080), all at
   * 30 fps; the camera's picture is scaled and cropped to fill. Read when
   * the pipeline starts: a later change waits for the next prepare.
   */
  props[PROP_RESOLUTION]
      = g_param_spec_string ("resolution", NULL, NULL, "medium", flags);
  /**
   * FcRecorder:record-time:
   *
   * Length of a recording in milliseconds of pipeline running time.
   */
  props[PROP_RECORD_TIME] = g_param_spec_uint ("record-time", NULL, NULL, 0,
                                               G_MAXUINT, 30000, flags);
  /**
   * FcRecorder:camera:
   *
   * NULL or "auto" (PipeWire cameras, then V4L2; sandboxed, the camera
   * portal first), "portal" (the camera portal, sandboxed or not: the
   * user's permission, then the session's default camera), "test" (a
   * pattern), "pipewire:NODE_NAME" or "v4l2:/dev/videoN".
   */
  props[PROP_CAMERA] = g_param_spec_string ("camera", NULL, NULL, NULL, flags);
  /**
   * FcRecorder:microphone:
   *
   * NULL or "auto" (the first PipeWire audio source), "test" (a tone) or
   * "pipewire:NODE_NAME".
   */
  props[PROP_MICROPHONE]
      = g_param_spec_string ("microphone", NULL, NULL, NULL, flags);
  /**
   * FcRecorder:allow-test-source:
   *
   * Whether a missing camera or microphone is replaced by a test source;
   * the events' detail then says "source": "test".
   */
  props[PROP_ALLOW_TEST_SOURCE]
      = g_param_spec_boolean ("allow-test-source", NULL, NULL, FALSE, flags);
  /**
   * FcRecorder:temp-dir:
   *
   * The application's private directory for recordings (made 0700; files
   * are 0600). When unset, one is made under the system's temporary
   * directory on first use.
   */
  props[PROP_TEMP_DIR]
      = g_param_spec_string ("temp-dir", NULL, NULL, NULL, flags);
  /**
   * FcRecorder:clock:
   *
   * The clock the pipeline runs on (the host's); NULL for GStreamer's.
   */
  props[PROP_CLOCK]
      = g_param_spec_object ("clock", NULL, NULL, GST_TYPE_CLOCK, flags);
  /**
   * FcRecorder:ready-timeout:
   *
   * How long (ms) the camera and microphone may take to deliver their
   * first frame and samples before "error" (camera busy).
   */
  props[PROP_READY_TIMEOUT] = g_param_spec_uint ("ready-timeout", NULL, NULL,
                                                 100, G_MAXUINT, 5000, flags);
  /**
   * FcRecorder:offline:
   *
   * Record from the test pattern and tone as fast as the machine can
   * encode, not in real time (replay, benchmarks). The test sources are
   * then not live and the pipeline runs without a clock: record-time is
   * media time (the file holds exactly record-time ms, however long the
   * encoding takes), and burn-in, the prompt audio mixed into the file
   * and the subtitles follow the stream's timestamps. No prompt audio is
   * played to the speaker, and the preview shows the first frame until
   * record. Only with the test sources: the camera and microphone must be
   * unset, "auto" or "test" (allow-test-source is not needed); a device
   * gives "error" with errCode "not-supported" at prepare (or record),
   * which then return FALSE. Read when the pipeline starts.
   */
  props[PROP_OFFLINE]
      = g_param_spec_boolean ("offline", NULL, NULL, FALSE, flags);
  /**
   * FcRecorder:camera-source:
   *
   * The host's own camera element (a #GstElement giving raw video, e.g. a
   * pipewiresrc on the host's own portal session, or a bin reading a file
   * for a kiosk), used instead of the camera property: its picture is
   * converted, cropped and scaled like a camera's, and its errors are the
   * camera's. NULL: the camera property chooses. Read when the pipeline
   * starts; the element goes back to the host (state NULL, out of the
   * pipeline) when the pipeline is dropped, so it can serve again. The
   * events say "source": "element" and "camera": the element's name.
   */
  props[PROP_CAMERA_SOURCE] = g_param_spec_object (
      "camera-source", NULL, NULL, GST_TYPE_ELEMENT, flags);
  for (guint i = 0; i < N_PROPS; i++)
    g_object_class_install_property (klass, first_id + i, props[i]);
}

static void
notify (FcRecorderSettings *self, guint prop)
{
  g_object_notify_by_pspec (self->owner, props[prop]);
}

static gboolean
set_string (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
fc_recorder_settings_get_property (FcRecorderSettings *self, guint prop_id,
                                   GValue *value)
{
  switch (prop_id - first_prop_id)
    {
    case PROP_RESOLUTION:
      g_value_set_string (value, fc_recorder_settings_get_resolution (self));
      break;
    case PROP_RECORD_TIME:
      g_value_set_uint (value, self->record_time);
      break;
    case PROP_CAMERA:
      g_value_set_string (value, self->camera);
      break;
    case PROP_MICROPHONE:
      g_value_set_string (value, self->microphone);
      break;
    case PROP_ALLOW_TEST_SOURCE:
      g_value_set_boolean (value, self->allow_test_source);
      break;
    case PROP_TEMP_DIR:
      g_value_set_string (value, fc_recorder_settings_get_temp_dir (self));
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_READY_TIMEOUT:
      g_value_set_uint (value, self->ready_timeout);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    case PROP_CAMERA_SOURCE:
      g_value_set_object (value, self->camera_source);
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

gboolean
fc_recorder_settings_set_property (FcRecorderSettings *self, guint prop_id,
                                   const GValue *value)
{
  guint prop = prop_id - first_prop_id;

  switch (prop)
    {
    case PROP_RESOLUTION:
      if (set_string (&self->resolution, g_value_get_string (value)))
        notify (self, prop);
      break;
    case PROP_RECORD_TIME:
      if (self->record_time == g_value_get_uint (value))
        break;
      self->record_time = g_value_get_uint (value);
      notify (self, prop);
      break;
    case PROP_CAMERA:
      if (set_string (&self->camera, g_value_get_string (value)))
        notify (self, prop);
      break;
    case PROP_MICROPHONE:
      if (set_string (&self->microphone, g_value_get_string (value)))
        notify (self, prop);
      break;
    case PROP_ALLOW_TEST_SOURCE:
      if (self->allow_test_source == !!g_value_get_boolean (value))
        break;
      self->allow_test_source = !!g_value_get_boolean (value);
      notify (self, prop);
      break;
    case PROP_TEMP_DIR:
      if (set_string (&self->temp_dir, g_value_get_string (value)))
        notify (self, prop);
      break;
    case PROP_CLOCK:
      if (g_set_object (&self->clock, g_value_get_object (value)))
        notify (self, prop);
      break;
    case PROP_READY_TIMEOUT:
      if (self->ready_timeout == g_value_get_uint (value))
        break;
      self->ready_timeout = g_value_get_uint (value);
      notify (self, prop);
      break;
    case PROP_OFFLINE:
      if (self->offline == !!g_value_get_boolean (value))
        break;
      self->offline = !!g_value_get_boolean (value);
      notify (self, prop);
      break;
    case PROP_CAMERA_SOURCE:
      {
        GstElement *element = g_value_get_object (value);

        if (element == self->camera_source)
          break;
        if (element != NULL)
          gst_object_ref_sink (element);
        g_clear_object (&self->camera_source);
        self->camera_source = element;
        notify (self, prop);
        break;
      }
    default:
      return FALSE;
    }
  return TRUE;
}

const char *
fc_recorder_settings_get_resolution (FcRecorderSettings *self)
{
  return self->resolution ? self->resolution : "medium";
}

const char *
fc_recorder_settings_get_temp_dir (FcRecorderSettings *self)
{
  return self->temp_dir ? self->temp_dir : self->own_temp_dir;
}

const char *
fc_recorder_settings_ensure_temp_dir (FcRecorderSettings *self,
                                      GError **error)
{
  if (self->temp_dir != NULL)
    return fc_recorder_ensure_dir (self->temp_dir, error) ? self->temp_dir
                                                          : NULL;
  if (self->own_temp_dir == NULL)
    {
      g_autofree char *name = g_strdup_printf (
          "fc-recorder-%s-XXXXXX", g_get_prgname () ? g_get_prgname () : "app");

      g_strdelimit (name, "/", '_');
      self->own_temp_dir = g_dir_make_tmp (name, error);
    }
  return self->own_temp_dir;
}

static gboolean
is_test_setting (const char *setting)
{
  return setting == NULL || *setting == '\0'
         || g_strcmp0 (setting, "auto") == 0
         || g_strcmp0 (setting, "test") == 0;
}

gboolean
fc_recorder_settings_check_offline (FcRecorderSettings *self, GError **error)
{
  const char *what = NULL, *setting = NULL;

  if (self->camera_source != NULL)
    what = "camera-source", setting = GST_OBJECT_NAME (self->camera_source);
  else if (!is_test_setting (self->camera))
    what = "camera", setting = self->camera;
  else if (!is_test_setting (self->microphone))
    what = "microphone", setting = self->microphone;
  if (what == NULL)
    return TRUE;
  g_set_error (error, FC_RECORDER_ERROR, FC_RECORDER_ERROR_NOT_SUPPORTED,
               "offline recording needs the test camera and "
               "microphone, not %s \"%s\"",
               what, setting);
  return FALSE;
}

void
fc_recorder_settings_size (FcRecorderSettings *self, int *width, int *height)
{
  const char *resolution = self->resolution;

  if (g_strcmp0 (resolution, "low") == 0)
    *width = 640, *height = 480;
  else if (g_strcmp0 (resolution, "high") == 0)
    *width = 1920, *height = 1080;
  else
    *width = 1280, *height = 720;
}
