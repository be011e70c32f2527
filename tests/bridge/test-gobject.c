/* Components that are plain GObjects: fc_component_class_set_gtype(). */
#include <fc-bridge.h>

#define TEST_TYPE_REC (test_rec_get_type ())
G_DECLARE_FINAL_TYPE (TestRec, test_rec, TEST, REC, GObject)

struct _TestRec {
  GObject parent_instance;
  double record_time;
  char *resolution;
  int z_index;
  gboolean show;
  FcValue *step_list;
  guint n_notify_record_time;
};

enum { PROP_0, PROP_RECORD_TIME, PROP_RESOLUTION, PROP_Z_INDEX, PROP_SHOW, PROP_STEP_LIST, N_PROPS };
static GParamSpec *props[N_PROPS];
static guint record_end_signal;

G_DEFINE_FINAL_TYPE (TestRec, test_rec, G_TYPE_OBJECT)

static void
test_rec_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  TestRec *self = TEST_REC (object);
  switch (id)
    {
    case PROP_RECORD_TIME:
      if (self->record_time != g_value_get_double (value))
        {
          self->record_time = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_RESOLUTION:
      g_free (self->resolution);
      self->resolution = g_value_dup_string (value);
      break;
    case PROP_Z_INDEX:
      self->z_index = g_value_get_int (value);
      break;
    case PROP_SHOW:
      self->show = g_value_get_boolean (value);
      break;
    case PROP_STEP_LIST:
      g_clear_pointer (&self->step_list, fc_value_unref);
      self->step_list = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
test_rec_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  TestRec *self = TEST_REC (object);
  switch (id)
    {
    case PROP_RECORD_TIME: g_value_set_double (value, self->record_time); break;
    case PROP_RESOLUTION: g_value_set_string (value, self->resolution); break;
    case PROP_Z_INDEX: g_value_set_int (value, self->z_index); break;
    case PROP_SHOW: g_value_set_boolean (value, self->show); break;
    case PROP_STEP_LIST: g_value_set_boxed (value, self->step_list); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
test_rec_finalize (GObject *object)
{
  TestRec *self = TEST_REC (object);
  g_free (self->resolution);
  g_clear_pointer (&self->step_list, fc_value_unref);
  G_OBJECT_CLASS (test_rec_parent_class)->finalize (object);
}

static void
test_rec_class_init (TestRecClass *klass)
{
  GObjectClass *oc = G_OBJECT_CLASS (klass);
  oc->set_property = test_rec_set_property;
  oc->get_property = test_rec_get_property;
  oc->finalize = test_rec_finalize;
  props[PROP_RECORD_TIME] = g_param_spec_double ("record-time", NULL, NULL, 0, 600000, 30000,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_RESOLUTION] = g_param_spec_string ("resolution", NULL, NULL, "medium",
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY);
  props[PROP_Z_INDEX] = g_param_spec_int ("z-index", NULL, NULL, 0, 10000, 999, G_PARAM_READWRITE);
  props[PROP_SHOW] = g_param_spec_boolean ("show", NULL, NULL, FALSE, G_PARAM_READWRITE);
  props[PROP_STEP_LIST] = g_param_spec_boxed ("step-list", NULL, NULL, FC_TYPE_VALUE, G_PARAM_READWRITE);
  g_object_class_install_properties (oc, N_PROPS, props);
  record_end_signal = g_signal_new ("record-end", TEST_TYPE_REC, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
test_rec_init (TestRec *self)
{
}

static void
on_record_end (TestRec *rec, const char *path, FcElement *element)
{
  g_autoptr (FcValue) detail = fc_value_new_object ();
  fc_value_object_set (detail, "tempVideoPath", fc_value_new_string (path));
  fc_element_trigger_event (element, "onRecordEnd", detail, FC_EVENT_NONE);
}

static void
connect (GObject *instance, FcElement *element, gpointer user_data)
{
  g_signal_connect (instance, "record-end", G_CALLBACK (on_record_end), element);
}

static void
on_notify (TestRec *rec, GParamSpec *pspec, guint *n)
{
  (*n)++;
}

static char *last_path;

static void
on_end (const FcEvent *event, gpointer user_data)
{
  g_free (last_path);
  last_path = g_strdup (fc_value_get_string (fc_value_object_get (event->detail, "tempVideoPath")));
}

static void
add (FcComponentClass *k, const char *name, FcPropertyType type, const char *json, gboolean init_only)
{
  g_autoptr (FcValue) def = fc_value_from_json (json, NULL);
  fc_component_class_add_property (k, name, type, 0, def, init_only);
}

static void
test_gtype (void)
{
  g_autoptr (FcComponentClass) k = fc_component_class_new ("rec");
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcCallbackScope) scope = fc_callback_scope_new ();
  g_autoptr (FcValue) data = fc_value_from_json ("{\"t\":5000,\"steps\":[{\"showTime\":0}],\"z\":\"12\"}", NULL);
  g_autoptr (FcValue) set = fc_value_from_json ("{\"t\":7000,\"z\":99999}", NULL);
  g_autoptr (FcValue) same = fc_value_from_json ("{\"t\":7000}", NULL);
  g_autoptr (GError) error = NULL;
  FcPage *page;
  TestRec *rec;
  guint n_notify = 0;
  g_autofree char *steps = NULL;

  add (k, "resolution", FC_PROPERTY_STRING, "\"medium\"", TRUE);
  add (k, "recordTime", FC_PROPERTY_NUMBER, "30000", FALSE);
  add (k, "zIndex", FC_PROPERTY_NUMBER, "999", FALSE);
  add (k, "show", FC_PROPERTY_BOOLEAN, "false", FALSE);
  add (k, "stepList", FC_PROPERTY_ARRAY, "[]", FALSE);
  add (k, "mask", FC_PROPERTY_STRING, "\"\"", FALSE); /* no GObject property: bridge only */
  fc_component_class_add_event (k, "onRecordEnd");
  fc_component_class_set_gtype (k, TEST_TYPE_REC, connect, NULL, NULL);
  fc_registry_add_component (registry, "rec", k);
  fc_callback_scope_add_callback (scope, "done", on_end, NULL, NULL);

  page = fc_page_new (registry, scope);
  g_assert_true (fc_page_load (page, NULL, "{\"usingComponents\":{\"rec\":\"rec\"}}",
                               "<rec id=\"r\" resolution=\"low\" record-time=\"{{t}}\" zIndex=\"{{z}}\" show "
                               "stepList=\"{{steps}}\" mask=\"m.png\" bind:onRecordEnd=\"done\"/>",
                               "t.fxml", data, &error));
  g_assert_no_error (error);
  rec = TEST_REC (fc_element_get_instance (fc_page_select (page, "#r")));
  g_assert_cmpstr (rec->resolution, ==, "low"); /* construct-only, set at creation */
  g_assert_cmpfloat (rec->record_time, ==, 5000);
  g_assert_cmpint (rec->z_index, ==, 12);
  g_assert_true (rec->show);
  steps = fc_value_to_json (rec->step_list);
  g_assert_cmpstr (steps, ==, "[{\"showTime\":0}]");

  g_signal_connect (rec, "notify::record-time", G_CALLBACK (on_notify), &n_notify);
  g_assert_true (fc_page_set_data (page, set, &error));
  g_assert_cmpfloat (rec->record_time, ==, 7000);
  g_assert_cmpint (rec->z_index, ==, 10000); /* clamped to the pspec's range */
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (fc_page_set_data (page, same, &error));
  g_assert_cmpuint (n_notify, ==, 1); /* unchanged: not set again */

  g_signal_emit (rec, record_end_signal, 0, "/tmp/x.mp4");
  g_assert_cmpstr (last_path, ==, "/tmp/x.mp4");
  g_clear_pointer (&last_path, g_free);

  g_object_add_weak_pointer (G_OBJECT (rec), (gpointer *) &rec);
  g_assert_finalize_object (page);
  g_assert_null (rec);
}

/* The GParamSpecs are looked up when the hooks are set; a schema property
 * added afterwards still reaches its GObject property, at creation and on
 * every change. */
static void
test_gtype_property_added_later (void)
{
  g_autoptr (FcComponentClass) k = fc_component_class_new ("rec");
  g_autoptr (FcRegistry) registry = fc_registry_new ();
  g_autoptr (FcValue) data = fc_value_from_json ("{\"t\":5000,\"z\":12}", NULL);
  g_autoptr (FcValue) set = fc_value_from_json ("{\"t\":6000,\"z\":34}", NULL);
  g_autoptr (GError) error = NULL;
  FcPage *page;
  TestRec *rec;

  add (k, "recordTime", FC_PROPERTY_NUMBER, "30000", FALSE);
  fc_component_class_set_gtype (k, TEST_TYPE_REC, NULL, NULL, NULL);
  add (k, "zIndex", FC_PROPERTY_NUMBER, "999", FALSE);
  fc_registry_add_component (registry, "rec", k);

  page = fc_page_new (registry, NULL);
  g_assert_true (fc_page_load (page, NULL, "{\"usingComponents\":{\"rec\":\"rec\"}}",
                               "<rec id=\"r\" recordTime=\"{{t}}\" zIndex=\"{{z}}\"/>", "t.fxml", data, &error));
  g_assert_no_error (error);
  rec = TEST_REC (fc_element_get_instance (fc_page_select (page, "#r")));
  g_assert_cmpfloat (rec->record_time, ==, 5000);
  g_assert_cmpint (rec->z_index, ==, 12);
  g_assert_true (fc_page_set_data (page, set, &error));
  g_assert_cmpfloat (rec->record_time, ==, 6000);
  g_assert_cmpint (rec->z_index, ==, 34);
  g_assert_finalize_object (page);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Bridge/GObject/gtype", test_gtype);
  g_test_add_func ("/Bridge/GObject/gtype-property-added-later", test_gtype_property_added_later);
  return g_test_run ();
}
