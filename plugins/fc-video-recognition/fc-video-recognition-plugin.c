/* fc-video-recognition-plugin.c: the native module of plugin
 * fc-video-recognition: registers the public component
 * `video-recognition` (components/video-recognition), backed by the
 * recorder core FcRecorder (video-recognition/), and the main interface
 * (`listCameras`).
 *
 * The recorder's signals become the component's events (their GVariant
 * details become the events' details), and the replay actions `record` and
 * `stop` its methods. What the host decides reaches the recorder from the
 * app's FcHostSettings (fc_host_settings_get_for_element()), bound to the
 * recorder's properties of the same names: temp-dir, camera, microphone,
 * allow-test-source, download-domains, allow-insecure-http and offline.
 * Each download carries the platform's signature of the plugin's requests
 * when the host set an app id and this plugin's token
 * (fc_element_dup_request_headers()).
 * A page loaded without an app gets the recorder's defaults (the system's
 * devices, no test source, no downloads, live).
 * Local resources (the mask, prompt audio) resolve inside the
 * mini-program's root (fc_element_resolve_path()). While the camera
 * negotiates and while a recording is encoded the page is held
 * (fc_element_hold), so a headless host waits for the events to come.
 * The module sees its element's handle, never the page (fc_element_get_page()
 * is NULL for it): its properties in, its events out, the page's clock.
 * Offline (FcHostSettings:offline) a recording is encoded faster than real
 * time, on media time; the page's clock then moves on media time too:
 * onRecordEnd comes when onRecordStart's page time plus the recording's
 * duration has been reached (fc_element_advance), however long the encoding
 * took. */
#include <gmodule.h>
#include <fc-bridge.h>
#include <fc-recorder.h>
#include <gst/gst.h>

G_MODULE_EXPORT gboolean fc_plugin_register (FcPluginContext *ctx,
                                             GError **error);

/* What ties one recorder to its element. The element's handle outlives
 * the element as long as the recorder lives: once the element is gone,
 * the bridge has ended its holds and its events go nowhere. */
typedef struct
{
  FcElement *element;
  gboolean preparing; /* holding the page until ready or error */
  gboolean recording; /* holding the page until end or error */
  double start_time; /* page time (ms) of the last onRecordStart */
} Binding;

static void
binding_release (Binding *b, gboolean *held)
{
  if (*held)
    fc_element_release (b->element);
  *held = FALSE;
}

static void
binding_free (gpointer data)
{
  /* the recorder goes after its element, whose holds the bridge ended */
  g_free (data);
}

static Binding *
binding_of (FcElement *element)
{
  GObject *instance = fc_element_get_instance (element);

  return instance ? g_object_get_data (instance, "fc-binding") : NULL;
}

static void
trigger (Binding *b, const char *event, GVariant *detail)
{
  g_autoptr (FcValue) value = detail ? fc_value_new_from_variant (detail) : fc_value_new_object ();

  fc_element_trigger_event (b->element, event, value, FC_EVENT_NONE);
}

static void
on_ready (FcRecorder *recorder, GVariant *detail, Binding *b)
{
  binding_release (b, &b->preparing);
  trigger (b, "onRecordReady", detail);
}

static void
on_start (FcRecorder *recorder, GVariant *detail, Binding *b)
{
  b->start_time = fc_element_get_time (b->element);
  trigger (b, "onRecordStart", detail);
}

static void
on_end (FcRecorder *recorder, GVariant *detail, Binding *b)
{
  gint64 duration;

  /* offline, the recording's duration is the page time it took */
  if (detail && fc_recorder_get_offline (recorder)
      && g_variant_lookup (detail, "duration", "x", &duration))
    fc_element_advance (b->element, b->start_time + (double) duration
                                        - fc_element_get_time (b->element));
  trigger (b, "onRecordEnd", detail);
  binding_release (b, &b->recording);
}

static void
on_error (FcRecorder *recorder, GVariant *detail, Binding *b)
{
  trigger (b, "onRecordError", detail);
  /* an error ends whatever was under way */
  if (fc_recorder_get_state (recorder) != FC_RECORDER_STATE_RECORDING
      && fc_recorder_get_state (recorder) != FC_RECORDER_STATE_FINISHING)
    binding_release (b, &b->recording);
  if (fc_recorder_get_state (recorder) != FC_RECORDER_STATE_PREPARING)
    binding_release (b, &b->preparing);
}

static void
on_warning (FcRecorder *recorder, GVariant *detail, Binding *b)
{
  g_autoptr (FcValue) value = detail ? fc_value_new_from_variant (detail) : fc_value_new_object ();
  FcValue *msg = fc_value_object_get (value, "errMsg");

  if (msg == NULL || fc_value_get_kind (msg) != FC_VALUE_STRING)
    msg = fc_value_object_get (value, "message");
  fc_element_emit_warning (b->element, msg && fc_value_get_kind (msg) == FC_VALUE_STRING
                                           ? fc_value_get_string (msg)
                                           : "video-recognition: a request was ignored");
}

/* the host's settings, bound: a later change reaches the recorder (a
 * device change at its next start) */
static void
bind_host_settings (FcRecorder *recorder, FcHostSettings *settings)
{
  static const char *const names[]
      = { "temp-dir",         "camera",           "microphone",
          "allow-test-source", "download-domains", "allow-insecure-http",
          "offline" };

  for (guint i = 0; settings && i < G_N_ELEMENTS (names); i++)
    g_object_bind_property (settings, names[i], recorder, names[i],
                            G_BINDING_SYNC_CREATE);
}

/* the platform's signature on each download (X-WECHAT-HOSTSIGN and
 * Referer), made by the bridge for this element's plugin: the module
 * never sees the token */
static char **
request_headers (gpointer data)
{
  Binding *b = data;

  return fc_element_dup_request_headers (b->element);
}

static void
recorder_connect (GObject *instance, FcElement *element, gpointer user_data)
{
  FcRecorder *recorder = FC_RECORDER (instance);
  Binding *b = g_new0 (Binding, 1);
  FcValue *mask = fc_element_get_property (element, "mask");
  const char *app_dir = fc_element_get_app_dir (element);

  b->element = element;
  g_object_set_data_full (instance, "fc-binding", b, binding_free);

  /* the mask is a mini-program path: refuse one leaving the app's root */
  if (app_dir && mask && fc_value_get_kind (mask) == FC_VALUE_STRING
      && *fc_value_get_string (mask))
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *file = fc_element_resolve_path (
          element, fc_value_get_string (mask), &error);
      if (!file)
        fc_element_emit_warning (element, error->message);
    }

  if (app_dir)
    fc_recorder_set_root_dir (recorder, app_dir);
  bind_host_settings (recorder, fc_host_settings_get_for_element (element));
  /* the binding lives as long as the recorder, hence its loader */
  fc_resource_loader_set_headers_func (
      fc_recorder_get_resource_loader (recorder), request_headers, b, NULL);

  g_signal_connect (recorder, "ready", G_CALLBACK (on_ready), b);
  g_signal_connect (recorder, "start", G_CALLBACK (on_start), b);
  g_signal_connect (recorder, "end", G_CALLBACK (on_end), b);
  g_signal_connect (recorder, "error", G_CALLBACK (on_error), b);
  g_signal_connect (recorder, "warning", G_CALLBACK (on_warning), b);

  /* attached: the camera starts, onRecordReady (or onRecordError) follows */
  fc_element_hold (element);
  b->preparing = TRUE;
  if (!fc_recorder_prepare (recorder))
    binding_release (b, &b->preparing);
}

static gboolean
recorder_record (FcElement *element, FcValue *args, gpointer user_data,
                 GError **error)
{
  Binding *b = binding_of (element);
  FcRecorder *recorder = FC_RECORDER (fc_element_get_instance (element));
  /* whether this request holds the page: a request refused because one is
   * under way ("already recording", a warning) leaves that one's hold,
   * which its end or error releases (one still waiting for ready too) */
  gboolean own = !b->recording;

  if (own)
    {
      fc_element_hold (element);
      b->recording = TRUE;
    }
  if (!fc_recorder_record (recorder) && own
      && fc_recorder_get_state (recorder) != FC_RECORDER_STATE_RECORDING
      && fc_recorder_get_state (recorder) != FC_RECORDER_STATE_FINISHING)
    binding_release (b, &b->recording);
  return TRUE;
}

static gboolean
recorder_stop (FcElement *element, FcValue *args, gpointer user_data,
               GError **error)
{
  fc_recorder_stop (FC_RECORDER (fc_element_get_instance (element)));
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
  g_autoptr (GError) gst_error = NULL;

  /* a host need not know the recorder is GStreamer underneath */
  if (!gst_init_check (NULL, NULL, &gst_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&gst_error),
                                  "video-recognition: GStreamer did not start: ");
      return FALSE;
    }

  g_autofree char *name
      = g_strdup_printf ("plugin-private://%s/components/video-recognition",
                         fc_plugin_context_get_provider (ctx));
  g_autoptr (FcComponentClass) rec = fc_component_class_new (name);
  add (rec, "resolution", FC_PROPERTY_STRING, 0, "\"medium\"", TRUE);
  add (rec, "mask", FC_PROPERTY_STRING, 0, "\"\"", FALSE);
  add (rec, "recordTime", FC_PROPERTY_NUMBER, 0, "30000", FALSE);
  add (rec, "top", FC_PROPERTY_NUMBER, 0, "20", FALSE);
  add (rec, "stepList", FC_PROPERTY_ARRAY, 0, "[]", FALSE);
  add (rec, "buttonStyle", FC_PROPERTY_OBJECT, 0, "{}", TRUE);
  /* ours: the prompts and the mask composited into the recorded frames */
  add (rec, "burnIn", FC_PROPERTY_BOOLEAN, 0, "false", TRUE);
  for (const char *const *e
       = (const char *const[]){ "onRecordReady", "onRecordStart", "onRecordEnd",
                                "onRecordError", NULL };
       *e; e++)
    fc_component_class_add_event (rec, *e);
  fc_component_class_add_method (rec, "record", recorder_record, NULL, NULL);
  fc_component_class_add_method (rec, "stop", recorder_stop, NULL, NULL);
  /* every attribute reaches the recorder's GObject property of the same
   * name in dash-case (recordTime → record-time; stepList and buttonStyle
   * as GVariants) */
  fc_component_class_set_gtype (rec, FC_TYPE_RECORDER, recorder_connect, NULL, NULL);
  fc_plugin_context_add_component (ctx, "components/video-recognition", rec);
  fc_plugin_context_add_function (ctx, "listCameras", list_cameras, NULL, NULL);
  /* GStreamer's plugins load in a worker thread now, not at the first
   * attach: a page's first onRecordReady comes sooner. The thread may
   * outlive this call (the bridge keeps plugin modules resident); it is
   * stopped and joined at exit, before the libraries' teardown
   * (fc_recorder_preload_stop()). */
  fc_recorder_preload ();
  return TRUE;
}
