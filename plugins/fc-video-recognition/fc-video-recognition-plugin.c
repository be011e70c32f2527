/* fc-video-recognition-plugin.c: the native module of plugin
 * fc-video-recognition: registers the public component
 * `video-recognition` (components/video-recognition) and the main
 * interface (`listCameras`).
 *
 * The component is still the headless STAND-IN that demo/ used (exact
 * schema; ready at mount; record/stop raise onRecordStart and, after
 * recordTime virtual ms, onRecordEnd with a tempVideoPath) until the real
 * recorder (video-recognition/) lands; then this file registers that
 * instead. Recordings' temp folder: $FC_TEMP_DIR, else the system's. */
#include <string.h>

#include <gmodule.h>
#include <fc-bridge.h>
#include <gst/gst.h>

G_MODULE_EXPORT gboolean fc_plugin_register (FcPluginContext *ctx,
                                             GError **error);

#define FC_TYPE_VR_STAND_IN (fc_vr_stand_in_get_type ())
G_DECLARE_FINAL_TYPE (FcVrStandIn, fc_vr_stand_in, FC, VR_STAND_IN, GObject)

struct _FcVrStandIn
{
  GObject parent_instance;
  FcElement *element;
  guint record_timer;
  guint n_recordings;
};

G_DEFINE_FINAL_TYPE (FcVrStandIn, fc_vr_stand_in, G_TYPE_OBJECT)

static void
fc_vr_stand_in_dispose (GObject *object)
{
  FcVrStandIn *self = FC_VR_STAND_IN (object);
  /* a recording in progress ends with the element (wx:if, page close) */
  if (self->record_timer)
    fc_page_remove_timeout (fc_element_get_page (self->element),
                            self->record_timer);
  self->record_timer = 0;
  G_OBJECT_CLASS (fc_vr_stand_in_parent_class)->dispose (object);
}

static void
fc_vr_stand_in_class_init (FcVrStandInClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fc_vr_stand_in_dispose;
}

static void
fc_vr_stand_in_init (FcVrStandIn *self)
{
}

typedef struct
{
  char *temp_dir;
} Config;

static void
config_free (gpointer p)
{
  Config *c = p;
  g_free (c->temp_dir);
  g_free (c);
}

static GObject *
stub_new (FcComponentClass *klass, FcElement *element, gpointer user_data)
{
  FcVrStandIn *self = g_object_new (FC_TYPE_VR_STAND_IN, NULL);
  self->element = element;
  return G_OBJECT (self);
}

static FcVrStandIn *
stub_of (FcElement *element)
{
  return FC_VR_STAND_IN (fc_element_get_instance (element));
}

/* ---- recorder ---- */

static void
recorder_connect (GObject *instance, FcElement *element, gpointer user_data)
{
  /* the mask is a mini-program path: refuse one leaving the app's root */
  FcValue *mask = fc_element_get_property (element, "mask");
  FcApp *app = fc_app_from_page (fc_element_get_page (element));
  if (app && mask && fc_value_get_kind (mask) == FC_VALUE_STRING
      && *fc_value_get_string (mask))
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *file
          = fc_app_resolve_path (app, NULL, fc_value_get_string (mask), &error);
      if (!file)
        fc_element_emit_warning (element, error->message);
    }
  /* no resources to fetch in the stand-in: ready at once */
  fc_element_trigger_event (element, "onRecordReady", NULL, FC_EVENT_NONE);
}

static void
end_recording (FcVrStandIn *self, Config *config)
{
  g_autoptr (FcValue) detail = fc_value_new_object ();
  g_autofree char *name
      = g_strdup_printf ("fc-record-%u.mp4", ++self->n_recordings);
  const char *temp = g_getenv (
      "FC_TEMP_DIR"); /* the host's choice, read at each recording */
  fc_value_object_set (
      detail, "tempVideoPath",
      fc_value_new_string_take (g_build_filename (
          temp && *temp ? temp : config->temp_dir, name, NULL)));
  self->record_timer = 0;
  fc_element_trigger_event (self->element, "onRecordEnd", detail,
                            FC_EVENT_NONE);
}

typedef struct
{
  FcVrStandIn *self;
  Config *config;
} EndData;

static gboolean
record_done (gpointer p)
{
  EndData *d = p;
  end_recording (d->self, d->config);
  return G_SOURCE_REMOVE;
}

static gboolean
recorder_record (FcElement *element, FcValue *args, gpointer user_data,
                 GError **error)
{
  FcVrStandIn *self = stub_of (element);
  FcValue *t = fc_element_get_property (element, "recordTime");
  EndData *d;

  if (self->record_timer)
    {
      g_autoptr (FcValue) detail = fc_value_new_object ();
      fc_value_object_set (detail, "errMsg",
                           fc_value_new_string ("already recording"));
      fc_element_trigger_event (element, "onRecordError", detail,
                                FC_EVENT_NONE);
      return TRUE;
    }
  fc_element_trigger_event (element, "onRecordStart", NULL, FC_EVENT_NONE);
  d = g_new (EndData, 1);
  d->self = self;
  d->config = user_data;
  self->record_timer
      = fc_page_add_timeout (fc_element_get_page (element),
                             fc_value_get_number (t), record_done, d, g_free);
  return TRUE;
}

static gboolean
recorder_stop (FcElement *element, FcValue *args, gpointer user_data,
               GError **error)
{
  FcVrStandIn *self = stub_of (element);
  if (!self->record_timer)
    {
      g_autoptr (FcValue) detail = fc_value_new_object ();
      fc_value_object_set (detail, "errMsg",
                           fc_value_new_string ("not recording"));
      fc_element_trigger_event (element, "onRecordError", detail,
                                FC_EVENT_NONE);
      return TRUE;
    }
  fc_page_remove_timeout (fc_element_get_page (element), self->record_timer);
  end_recording (self, user_data);
  return TRUE;
}

static void
add (FcComponentClass *k, const char *name, FcPropertyType type,
     FcPropertyType optional, const char *json, gboolean init_only)
{
  g_autoptr (FcValue) def = fc_value_from_json (json, NULL);
  fc_component_class_add_property (k, name, type, optional, def, init_only);
}

/* One device monitor for the process, started once and never stopped: on
 * PipeWire 0.3.65 a stopped monitor's provider touches freed devices when
 * a node goes away afterwards. */
static GstDeviceMonitor *
camera_monitor (void)
{
  static GMutex lock;
  static gboolean tried;
  static GstDeviceMonitor *monitor;
  GstDeviceMonitor *m;

  g_mutex_lock (&lock);
  if (!tried)
    {
      tried = TRUE;
      if (gst_init_check (NULL, NULL, NULL))
        {
          monitor = gst_device_monitor_new ();
          gst_device_monitor_add_filter (monitor, "Video/Source", NULL);
          if (!gst_device_monitor_start (monitor))
            g_clear_object (&monitor);
        }
    }
  m = monitor;
  g_mutex_unlock (&lock);
  return m;
}

/* requirePlugin('video').listCameras(): [{name, deviceClass, node}] */
static FcValue *
list_cameras (FcPluginInterface *iface, FcValue *args, gpointer user_data,
              GError **error)
{
  GstDeviceMonitor *m = camera_monitor ();
  GList *devices = m ? gst_device_monitor_get_devices (m) : NULL;
  FcValue *out = fc_value_new_array ();
  for (GList *l = devices; l; l = l->next)
    {
      GstDevice *d = l->data;
      FcValue *o = fc_value_new_object ();
      g_autoptr (GstStructure) props = gst_device_get_properties (d);
      const char *node
          = props ? gst_structure_get_string (props, "node.name") : NULL;
      fc_value_object_set (
          o, "name",
          fc_value_new_string_take (gst_device_get_display_name (d)));
      fc_value_object_set (
          o, "deviceClass",
          fc_value_new_string_take (gst_device_get_device_class (d)));
      fc_value_object_set (
          o, "node", node ? fc_value_new_string (node) : fc_value_new_null ());
      fc_value_array_append (out, o);
    }
  g_list_free_full (devices, gst_object_unref);
  return out;
}

gboolean
fc_plugin_register (FcPluginContext *ctx, GError **error)
{
  g_autofree char *name
      = g_strdup_printf ("plugin-private://%s/components/video-recognition",
                         fc_plugin_context_get_provider (ctx));
  g_autoptr (FcComponentClass) rec = fc_component_class_new (name);
  Config *config = g_new0 (Config, 1);

  config->temp_dir = g_strdup (g_get_tmp_dir ());
  add (rec, "resolution", FC_PROPERTY_STRING, 0, "\"medium\"", TRUE);
  add (rec, "mask", FC_PROPERTY_STRING, 0, "\"\"", FALSE);
  add (rec, "recordTime", FC_PROPERTY_NUMBER, 0, "30000", FALSE);
  add (rec, "top", FC_PROPERTY_NUMBER, 0, "20", FALSE);
  add (rec, "stepList", FC_PROPERTY_ARRAY, 0, "[]", FALSE);
  add (rec, "buttonStyle", FC_PROPERTY_OBJECT, 0, "{}", TRUE);
  for (const char *const *e
       = (const char *const[]){ "onRecordReady", "onRecordStart", "onRecordEnd",
                                "onRecordError", NULL };
       *e; e++)
    fc_component_class_add_event (rec, *e);
  fc_component_class_add_method (rec, "record", recorder_record, config,
                                 config_free);
  fc_component_class_add_method (rec, "stop", recorder_stop, config, NULL);
  fc_component_class_set_hooks (rec, stub_new, NULL, recorder_connect, NULL,
                                NULL);
  fc_plugin_context_add_component (ctx, "components/video-recognition", rec);
  fc_plugin_context_add_function (ctx, "listCameras", list_cameras, NULL, NULL);
  return TRUE;
}
