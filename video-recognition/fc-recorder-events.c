/* The details of the recorder's signals (fc-recorder-events.h): what
 * onRecordReady, onRecordStart, onRecordEnd, onRecordError and the
 * warnings carry. */

#include "fc-recorder-events.h"

#include <glib/gstdio.h>

gboolean
fc_file_has_data (const char *path)
{
  GStatBuf st;

  return path != NULL && g_stat (path, &st) == 0 && st.st_size > 0;
}

static const char *
error_code_nick (int code)
{
  GEnumClass *klass = g_type_class_ref (FC_TYPE_RECORDER_ERROR);
  GEnumValue *value = g_enum_get_value (klass, code);
  const char *nick = value ? value->value_nick : "failed";

  g_type_class_unref (klass);
  return nick;
}

GVariant *
fc_event_warning_detail (const char *message)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "errMsg", "s", message);
  return g_variant_dict_end (&dict);
}

GVariant *
fc_event_error_detail (const GError *error, const char *path)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "errMsg", "s", error->message);
  g_variant_dict_insert (&dict, "errCode", "s",
                         error->domain == FC_RECORDER_ERROR
                             ? error_code_nick (error->code)
                             : "failed");
  if (fc_file_has_data (path))
    g_variant_dict_insert (&dict, "tempVideoPath", "s", path);
  return g_variant_dict_end (&dict);
}

GVariant *
fc_event_ready_detail (const FcSource *camera, const FcSource *microphone,
                       int width, int height)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "source", "s",
                         fc_source_kind_name (camera->kind));
  g_variant_dict_insert (&dict, "camera", "s",
                         camera->target    ? camera->target
                         : camera->fd >= 0 ? "portal"
                                           : "test");
  g_variant_dict_insert (&dict, "microphoneSource", "s",
                         fc_source_kind_name (microphone->kind));
  g_variant_dict_insert (&dict, "microphone", "s",
                         microphone->target ? microphone->target : "test");
  g_variant_dict_insert (&dict, "width", "i", width);
  g_variant_dict_insert (&dict, "height", "i", height);
  return g_variant_dict_end (&dict);
}

GVariant *
fc_event_start_detail (const char *video_path, const FcSource *camera)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "tempVideoPath", "s", video_path);
  g_variant_dict_insert (&dict, "source", "s",
                         fc_source_kind_name (camera->kind));
  return g_variant_dict_end (&dict);
}

GVariant *
fc_event_end_detail (const FcRecordingSummary *summary)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "tempVideoPath", "s", summary->video_path);
  g_variant_dict_insert (&dict, "tempThumbPath", "s", summary->thumb_path);
  g_variant_dict_insert (&dict, "duration", "x", summary->duration_ms);
  g_variant_dict_insert (&dict, "size", "x", summary->size);
  g_variant_dict_insert (&dict, "sha256", "s", summary->sha256);
  g_variant_dict_insert (&dict, "droppedFrames", "x",
                         (gint64) summary->dropped_frames);
  g_variant_dict_insert (&dict, "duplicatedFrames", "x",
                         (gint64) summary->duplicated_frames);
  if (summary->subtitle_path != NULL)
    g_variant_dict_insert (&dict, "tempSubtitlePath", "s",
                           summary->subtitle_path);
  return g_variant_dict_end (&dict);
}
