/* fc-demo-test-components.c: headless stand-ins for
 * plugin://video/video-recognition and plugin://virtual-keyboard/keyboard.
 *
 * They have exactly the schemas of the real components and just enough
 * behaviour to drive replay: the keyboard raises input/delete/close and
 * show/hide; the recorder is ready at mount, and record/stop raise
 * onRecordStart and, after recordTime virtual ms, onRecordEnd. */
#include "fc-demo-test-components.h"

#include <string.h>

#define FC_TYPE_DEMO_STUB (fc_demo_stub_get_type ())
G_DECLARE_FINAL_TYPE (FcDemoStub, fc_demo_stub, FC, DEMO_STUB, GObject)

struct _FcDemoStub {
  GObject parent_instance;
  FcElement *element;
  guint record_timer;
  guint n_recordings;
};

G_DEFINE_FINAL_TYPE (FcDemoStub, fc_demo_stub, G_TYPE_OBJECT)

static void
fc_demo_stub_dispose (GObject *object)
{
  FcDemoStub *self = FC_DEMO_STUB (object);
  /* a recording in progress ends with the element (wx:if, page close) */
  if (self->record_timer)
    fc_page_remove_timeout (fc_element_get_page (self->element), self->record_timer);
  self->record_timer = 0;
  G_OBJECT_CLASS (fc_demo_stub_parent_class)->dispose (object);
}

static void
fc_demo_stub_class_init (FcDemoStubClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fc_demo_stub_dispose;
}

static void
fc_demo_stub_init (FcDemoStub *self)
{
}

typedef struct {
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
  FcDemoStub *self = g_object_new (FC_TYPE_DEMO_STUB, NULL);
  self->element = element;
  return G_OBJECT (self);
}

static FcDemoStub *
stub_of (FcElement *element)
{
  return FC_DEMO_STUB (fc_element_get_instance (element));
}

/* ---- keyboard ---- */

static void
keyboard_set_property (GObject *instance, const char *name, FcValue *value, gpointer user_data)
{
  FcDemoStub *self = FC_DEMO_STUB (instance);
  if (strcmp (name, "show") == 0)
    fc_element_trigger_event (self->element, fc_value_is_truthy (value) ? "show" : "hide", NULL, FC_EVENT_NONE);
}

static gboolean
keyboard_key (FcElement *element, FcValue *args, gpointer user_data, GError **error)
{
  FcValue *key = args && fc_value_get_kind (args) == FC_VALUE_OBJECT ? fc_value_object_get (args, "key") : NULL;
  if (!key || fc_value_get_kind (key) != FC_VALUE_STRING)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED, "key: args.key must be a string");
      return FALSE;
    }
  fc_element_trigger_event (element, "input", key, FC_EVENT_NONE);
  return TRUE;
}

static gboolean
keyboard_simple (FcElement *element, FcValue *args, gpointer user_data)
{
  fc_element_trigger_event (element, user_data, NULL, FC_EVENT_NONE);
  return TRUE;
}

static gboolean
keyboard_delete (FcElement *element, FcValue *args, gpointer user_data, GError **error)
{
  return keyboard_simple (element, args, (gpointer) "delete");
}

static gboolean
keyboard_close (FcElement *element, FcValue *args, gpointer user_data, GError **error)
{
  return keyboard_simple (element, args, (gpointer) "close");
}

/* ---- recorder ---- */

static void
recorder_connect (GObject *instance, FcElement *element, gpointer user_data)
{
  /* no resources to fetch in the stand-in: ready at once */
  fc_element_trigger_event (element, "onRecordReady", NULL, FC_EVENT_NONE);
}

static void
end_recording (FcDemoStub *self, Config *config)
{
  g_autoptr (FcValue) detail = fc_value_new_object ();
  g_autofree char *name = g_strdup_printf ("fc-record-%u.mp4", ++self->n_recordings);
  fc_value_object_set (detail, "tempVideoPath", fc_value_new_string_take (g_build_filename (config->temp_dir, name, NULL)));
  self->record_timer = 0;
  fc_element_trigger_event (self->element, "onRecordEnd", detail, FC_EVENT_NONE);
}

typedef struct {
  FcDemoStub *self;
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
recorder_record (FcElement *element, FcValue *args, gpointer user_data, GError **error)
{
  FcDemoStub *self = stub_of (element);
  FcValue *t = fc_element_get_property (element, "recordTime");
  EndData *d;

  if (self->record_timer)
    {
      g_autoptr (FcValue) detail = fc_value_new_object ();
      fc_value_object_set (detail, "errMsg", fc_value_new_string ("already recording"));
      fc_element_trigger_event (element, "onRecordError", detail, FC_EVENT_NONE);
      return TRUE;
    }
  fc_element_trigger_event (element, "onRecordStart", NULL, FC_EVENT_NONE);
  d = g_new (EndData, 1);
  d->self = self;
  d->config = user_data;
  self->record_timer = fc_page_add_timeout (fc_element_get_page (element), fc_value_get_number (t),
                                            record_done, d, g_free);
  return TRUE;
}

static gboolean
recorder_stop (FcElement *element, FcValue *args, gpointer user_data, GError **error)
{
  FcDemoStub *self = stub_of (element);
  if (!self->record_timer)
    {
      g_autoptr (FcValue) detail = fc_value_new_object ();
      fc_value_object_set (detail, "errMsg", fc_value_new_string ("not recording"));
      fc_element_trigger_event (element, "onRecordError", detail, FC_EVENT_NONE);
      return TRUE;
    }
  fc_page_remove_timeout (fc_element_get_page (element), self->record_timer);
  end_recording (self, user_data);
  return TRUE;
}

static void
add (FcComponentClass *k, const char *name, FcPropertyType type, FcPropertyType optional, const char *json,
     gboolean init_only)
{
  g_autoptr (FcValue) def = fc_value_from_json (json, NULL);
  fc_component_class_add_property (k, name, type, optional, def, init_only);
}

void
fc_demo_register_test_components (FcRegistry *registry, const char *temp_dir)
{
  g_autoptr (FcComponentClass) rec = fc_component_class_new ("plugin://video/video-recognition");
  g_autoptr (FcComponentClass) kb = fc_component_class_new ("plugin://virtual-keyboard/keyboard");
  Config *config = g_new0 (Config, 1);

  config->temp_dir = g_strdup (temp_dir ? temp_dir : g_get_tmp_dir ());

  add (rec, "resolution", FC_PROPERTY_STRING, 0, "\"medium\"", TRUE);
  add (rec, "mask", FC_PROPERTY_STRING, 0, "\"\"", FALSE);
  add (rec, "recordTime", FC_PROPERTY_NUMBER, 0, "30000", FALSE);
  add (rec, "top", FC_PROPERTY_NUMBER, 0, "20", FALSE);
  add (rec, "stepList", FC_PROPERTY_ARRAY, 0, "[]", FALSE);
  add (rec, "buttonStyle", FC_PROPERTY_OBJECT, 0, "{}", TRUE);
  for (const char *const *e = (const char *const[]) { "onRecordReady", "onRecordStart", "onRecordEnd", "onRecordError", NULL }; *e; e++)
    fc_component_class_add_event (rec, *e);
  fc_component_class_add_method (rec, "record", recorder_record, config, config_free);
  fc_component_class_add_method (rec, "stop", recorder_stop, config, NULL);
  fc_component_class_set_hooks (rec, stub_new, NULL, recorder_connect, NULL, NULL);

  add (kb, "title", FC_PROPERTY_STRING, 0, "\"\"", FALSE);
  add (kb, "show", FC_PROPERTY_BOOLEAN, 0, "false", FALSE);
  add (kb, "theme", FC_PROPERTY_STRING, 0, "\"default\"", FALSE);
  add (kb, "themeColor", FC_PROPERTY_STRING, 0, "\"#2e7cff\"", FALSE);
  add (kb, "zIndex", FC_PROPERTY_NUMBER, FC_PROPERTY_STRING, "999", FALSE);
  add (kb, "isRandomLetter", FC_PROPERTY_BOOLEAN, 0, "false", FALSE);
  add (kb, "isRandomNumber", FC_PROPERTY_BOOLEAN, 0, "false", FALSE);
  add (kb, "normalType", FC_PROPERTY_STRING, 0, "\"number\"", FALSE);
  add (kb, "closeButtonText", FC_PROPERTY_STRING, 0, "\"\"", FALSE);
  add (kb, "extraKey", FC_PROPERTY_ARRAY, FC_PROPERTY_STRING, "[]", FALSE);
  add (kb, "icon", FC_PROPERTY_STRING, 0, "\"\"", FALSE);
  for (const char *const *e = (const char *const[]) { "input", "delete", "close", "blur", "show", "hide", NULL }; *e; e++)
    fc_component_class_add_event (kb, *e);
  fc_component_class_add_method (kb, "key", keyboard_key, NULL, NULL);
  fc_component_class_add_method (kb, "delete", keyboard_delete, NULL, NULL);
  fc_component_class_add_method (kb, "close", keyboard_close, NULL, NULL);
  fc_component_class_set_hooks (kb, stub_new, keyboard_set_property, NULL, NULL, NULL);

  /* as a host declares them in app.json ... */
  fc_registry_add_plugin_component (registry, "fc-video-recognition", "video-recognition", rec);
  fc_registry_add_plugin_component (registry, "fc-virtual-keyboard", "keyboard", kb);
  /* ... and directly, until the plugins issue resolves plugin.json */
  fc_registry_add_component (registry, "plugin://video/video-recognition", rec);
  fc_registry_add_component (registry, "plugin://virtual-keyboard/keyboard", kb);
}
