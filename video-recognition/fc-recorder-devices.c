/* Finding cameras and microphones: PipeWire nodes, then V4L2 devices
 * (each through its own device provider), or a test pattern by name. */

#include "fc-recorder-private.h"

#include <string.h>
#include <unistd.h>

/* The device providers the recorder takes sources from, each started on
 * first use and never stopped: on PipeWire 0.3.65 a stopped provider
 * touches freed devices when a node disappears later (a GLib-GObject
 * warning). Only these two: a GstDeviceMonitor would start every
 * provider of the class (PulseAudio's, which without a server leaks a
 * context on every query; DeckLink's...), each loading its libraries into
 * the host for devices the recorder never uses. */
static GstDeviceProvider *
shared_provider (gboolean pipewire)
{
  static GstDeviceProvider *providers[2];
  static gsize initialised[2];

  if (g_once_init_enter (&initialised[pipewire]))
    {
      GstDeviceProvider *provider = gst_device_provider_factory_get_by_name (
          pipewire ? "pipewiredeviceprovider" : "v4l2deviceprovider");

      if (provider != NULL && !gst_device_provider_start (provider))
        g_clear_object (&provider);
      providers[pipewire] = provider;
      g_once_init_leave (&initialised[pipewire], 1);
    }
  return providers[pipewire];
}

void
fc_source_clear (FcSource *source)
{
  g_clear_pointer (&source->target, g_free);
  g_clear_pointer (&source->caps, gst_caps_unref);
  if (source->fd >= 0)
    close (source->fd);
  source->fd = -1;
  g_clear_object (&source->element);
  source->kind = FC_SOURCE_TEST;
}

const char *
fc_source_kind_name (FcSourceKind kind)
{
  switch (kind)
    {
    case FC_SOURCE_PIPEWIRE:
      return "pipewire";
    case FC_SOURCE_V4L2:
      return "v4l2";
    case FC_SOURCE_ELEMENT:
      return "element";
    case FC_SOURCE_TEST:
    default:
      return "test";
    }
}

static gboolean
is_pipewire_device (GstDevice *device)
{
  return g_str_has_prefix (G_OBJECT_TYPE_NAME (device), "GstPipeWire");
}

/* The first device of KLASS from the wanted provider whose node.name
 * (PipeWire) or device.path (V4L2) is NODE (any device when NODE is
 * NULL), with that name in *NAME; NULL when there is none. */
static GstDevice *
lookup_device (const char *klass, gboolean pipewire, const char *node,
               char **name)
{
  GstDeviceProvider *provider = shared_provider (pipewire);
  const char *key = pipewire ? "node.name" : "device.path";
  GstDevice *found = NULL;
  GList *devices;

  if (provider == NULL)
    return NULL;
  devices = gst_device_provider_get_devices (provider);
  for (GList *l = devices; l != NULL && found == NULL; l = l->next)
    {
      GstDevice *device = l->data;
      g_autoptr (GstStructure) props = NULL;
      const char *value;

      if (!gst_device_has_classes (device, klass)
          || is_pipewire_device (device) != pipewire)
        continue;
      props = gst_device_get_properties (device);
      value = props ? gst_structure_get_string (props, key) : NULL;
      if (value == NULL || (node != NULL && strcmp (value, node) != 0))
        continue;
      *name = g_strdup (value);
      found = gst_object_ref (device);
    }
  g_list_free_full (devices, gst_object_unref);
  return found;
}

/* Fills OUT with the device lookup_device() finds. */
static gboolean
find_device (const char *klass, gboolean pipewire, const char *node,
             FcSource *out)
{
  g_autofree char *name = NULL;
  g_autoptr (GstDevice) device = lookup_device (klass, pipewire, node, &name);

  if (device == NULL)
    return FALSE;
  out->kind = pipewire ? FC_SOURCE_PIPEWIRE : FC_SOURCE_V4L2;
  out->target = g_steal_pointer (&name);
  out->caps = gst_device_get_caps (device);
  return TRUE;
}

GstDevice *
fc_source_get_device (const FcSource *source, gboolean video)
{
  g_autofree char *name = NULL;

  if ((source->kind != FC_SOURCE_PIPEWIRE && source->kind != FC_SOURCE_V4L2)
      || source->target == NULL || source->fd >= 0)
    return NULL;
  return lookup_device (video ? "Video/Source" : "Audio/Source",
                        source->kind == FC_SOURCE_PIPEWIRE, source->target,
                        &name);
}

gboolean
fc_source_find (const char *setting, gboolean video, FcSource *out)
{
  const char *klass = video ? "Video/Source" : "Audio/Source";

  *out = (FcSource)FC_SOURCE_INIT;
  if (setting == NULL || *setting == '\0' || strcmp (setting, "auto") == 0)
    {
      if (find_device (klass, TRUE, NULL, out))
        return TRUE;
      return video && find_device (klass, FALSE, NULL, out);
    }
  if (strcmp (setting, "test") == 0)
    {
      out->kind = FC_SOURCE_TEST;
      return TRUE;
    }
  if (g_str_has_prefix (setting, "pipewire:"))
    {
      const char *node = setting + strlen ("pipewire:");
      /* A node that has just appeared may not have reached the provider. */
      gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

      do
        {
          if (find_device (klass, TRUE, node, out))
            return TRUE;
          g_usleep (20 * 1000);
        }
      while (g_get_monotonic_time () < deadline);
      return FALSE;
    }
  if (video && g_str_has_prefix (setting, "v4l2:"))
    {
      const char *path = setting + strlen ("v4l2:");

      if (find_device (klass, FALSE, path, out))
        return TRUE;
      /* Not enumerated (e.g. no udev): try the path itself; opening it
       * tells busy, refused and missing apart. */
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return FALSE;
      out->kind = FC_SOURCE_V4L2;
      out->target = g_strdup (path);
      return TRUE;
    }
  return FALSE;
}

/* Lower is better: first what keeps up with 30 fps (25 and more), then
 * what covers the size asked for, then raw before JPEG (no decoding), then
 * the smallest size that covers, or the largest of those that do not. */
static gint64
score_structure (GstStructure *s, int width, int height)
{
  int w = 0, h = 0, num = 30, den = 1;
  gboolean fast, covers, raw;
  gint64 area;

  gst_structure_get_int (s, "width", &w);
  gst_structure_get_int (s, "height", &h);
  gst_structure_get_fraction (s, "framerate", &num, &den);
  fast = den > 0 && num >= 25 * den;
  covers = w >= width && h >= height;
  raw = gst_structure_has_name (s, "video/x-raw");
  area = MIN ((gint64)w * h, G_GINT64_CONSTANT (1) << 40);
  return ((gint64)!fast << 62) | ((gint64)!covers << 61) | ((gint64)!raw << 60)
         | (covers ? area : (G_GINT64_CONSTANT (1) << 40) - area);
}

GstCaps *
fc_source_choose_video_caps (const FcSource *source, int width, int height,
                             gboolean *decode)
{
  GstStructure *best = NULL;
  gint64 best_score = G_MAXINT64;
  GstCaps *caps;

  *decode = FALSE;
  if (source->caps != NULL && !gst_caps_is_any (source->caps))
    {
      for (guint i = 0; i < gst_caps_get_size (source->caps); i++)
        {
          GstStructure *s
              = gst_structure_copy (gst_caps_get_structure (source->caps, i));
          gint64 score;

          if (!gst_structure_has_name (s, "video/x-raw")
              && !gst_structure_has_name (s, "image/jpeg"))
            {
              gst_structure_free (s);
              continue;
            }
          /* Keep only what decides the format; a camera's other fields
           * (colorimetry, ranges of aspect) only get in the way. */
          gst_structure_remove_fields (s, "colorimetry", "pixel-aspect-ratio",
                                       "chroma-site", "interlace-mode",
                                       "max-framerate", "multiview-mode",
                                       "multiview-flags", NULL);
          if (gst_structure_has_field (s, "format"))
            gst_structure_fixate_field (s, "format");
          gst_structure_fixate_field_nearest_int (s, "width", width);
          gst_structure_fixate_field_nearest_int (s, "height", height);
          if (gst_structure_has_field (s, "framerate"))
            gst_structure_fixate_field_nearest_fraction (s, "framerate", 30, 1);
          score = score_structure (s, width, height);
          if (score < best_score)
            {
              g_clear_pointer (&best, gst_structure_free);
              best = s, best_score = score;
            }
          else
            gst_structure_free (s);
        }
    }
  if (best == NULL)
    {
      /* Unknown offer: insist on raw video, the only thing we can use
       * without a decoder; pipewiresrc needs a format to negotiate. */
      return gst_caps_new_empty_simple ("video/x-raw");
    }
  *decode = gst_structure_has_name (best, "image/jpeg");
  caps = gst_caps_new_empty ();
  gst_caps_append_structure (caps, best);
  return caps;
}
