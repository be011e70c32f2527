/* hello-plugin.c: the seed's hello-plugin as a native test plugin, built
 * once per version (HELLO_VERSION) into hello-plugin/VERSION/plugin.so.
 *
 * - components/hello-component (public): property `name`, event `hello`,
 *   method `greet` raising `hello` with {text, version, generic}, where
 *   generic names the class the page gave its abstract node `mp-view`
 *   (`generic:mp-view="..."`); method `peek` raising `peeked` with what
 *   the plugin's code can reach from its element by every route the API
 *   offers (the isolation test: only what the page passed it); method
 *   `wait` holding the page and raising `waited` after args.ms of page
 *   time (the lifetime test: both end with the element);
 * - components/private-thing: registered, not public;
 * - pages/hello-page (a page with an abstract node <mp-view>), whose
 *   handler onPageHello is the plugin's: it counts the calls on its page
 *   and sets {greeted: the event's text, calls: the count}; the page's
 *   onHostOnly is a name the plugin does not register;
 * - main: hello() → "hello from VERSION, " + requireMiniProgram().whoami,
 *   and the value world. */
#include <gmodule.h>
#include <fc-bridge.h>

G_MODULE_EXPORT gboolean fc_plugin_register (FcPluginContext *ctx,
                                             GError **error);

static GObject *
plain_new (FcComponentClass *klass, FcElement *element, gpointer user_data)
{
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static gboolean
greet (FcElement *element, FcValue *args, gpointer user_data, GError **error)
{
  g_autoptr (FcValue) detail = fc_value_new_object ();
  FcComponentClass *generic = fc_element_get_generic (element, "mp-view");
  g_autofree char *name
      = fc_value_to_js_string (fc_element_get_property (element, "name"));
  fc_value_object_set (
      detail, "text",
      fc_value_new_string_take (g_strdup_printf ("hello %s", name)));
  fc_value_object_set (detail, "version", fc_value_new_string (HELLO_VERSION));
  fc_value_object_set (
      detail, "generic",
      generic ? fc_value_new_string (fc_component_class_get_name (generic))
              : fc_value_new_null ());
  fc_element_trigger_event (element, "hello", detail, FC_EVENT_NONE);
  return TRUE;
}

/* Everything reachable from @element: the page (and its data), the
 * elements around it, the app's settings, the properties and dataset the
 * page passed. */
static gboolean
peek (FcElement *element, FcValue *args, gpointer user_data, GError **error)
{
  g_autoptr (FcValue) detail = fc_value_new_object ();
  FcPage *page = fc_element_get_page (element);
  FcElement *parent = fc_element_get_parent (element);

  fc_value_object_set (detail, "page", fc_value_new_boolean (page != NULL));
  fc_value_object_set (detail, "pageData",
                       page ? fc_value_ref (fc_page_get_data (page))
                            : fc_value_new_null ());
  fc_value_object_set (detail, "parent", fc_value_new_boolean (parent != NULL));
  fc_value_object_set (detail, "parentDataset",
                       parent ? fc_element_dup_dataset (parent)
                              : fc_value_new_null ());
  fc_value_object_set (detail, "children",
                       fc_value_new_number (fc_element_get_n_children (element)));
  fc_value_object_set (detail, "settings",
                       fc_value_new_boolean (fc_host_settings_get_for_element (element)
                                          != NULL));
  fc_value_object_set (detail, "props", fc_element_dup_properties (element));
  fc_value_object_set (detail, "dataset", fc_element_dup_dataset (element));
  fc_element_trigger_event (element, "peeked", detail, FC_EVENT_NONE);
  return TRUE;
}

static gboolean
waited (gpointer data)
{
  FcElement *element = data;

  fc_element_trigger_event (element, "waited", NULL, FC_EVENT_NONE);
  fc_element_release (element);
  return G_SOURCE_REMOVE;
}

static gboolean
wait (FcElement *element, FcValue *args, gpointer user_data, GError **error)
{
  FcValue *ms = args ? fc_value_object_get (args, "ms") : NULL;

  fc_element_hold (element);
  fc_element_add_timeout (element, ms ? fc_value_to_number (ms) : 1000, waited,
                          element, NULL);
  return TRUE;
}

/* onPageHello of pages/hello-page: state per page instance */
static void
on_page_hello (const FcEvent *event, gpointer user_data)
{
  FcPage *page = fc_element_get_page (event->target);
  guint calls = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (page),
                                                     "hello-page-calls"))
                + 1;
  g_autoptr (FcValue) changes = fc_value_new_object ();
  g_autoptr (GError) error = NULL;
  FcValue *text = fc_value_object_get (event->detail, "text");

  g_object_set_data (G_OBJECT (page), "hello-page-calls",
                     GUINT_TO_POINTER (calls));
  fc_value_object_set (changes, "greeted",
                       text ? fc_value_ref (text) : fc_value_new_null ());
  fc_value_object_set (changes, "calls", fc_value_new_number (calls));
  if (!fc_page_set_data (page, changes, &error))
    g_critical ("hello-page: %s", error->message);
}

/* onCardTap inside components/hello-card's template (2.0.0): the plugin's
 * own handler; it sets the page's "cardTaps" so a case can see it ran */
static void
on_card_tap (const FcEvent *event, gpointer user_data)
{
  FcPage *page = fc_element_get_page (event->current_target);
  FcValue *n = fc_value_object_get (fc_page_get_data (page), "cardTaps");
  g_autoptr (FcValue) v = fc_value_new_number ((n ? fc_value_get_number (n) : 0) + 1);
  g_autoptr (GError) error = NULL;

  if (!fc_page_set_data_path (page, "cardTaps", v, &error))
    g_critical ("hello-card: %s", error->message);
}

static FcValue *
hello (FcPluginInterface *iface, FcValue *args, gpointer user_data,
       GError **error)
{
  FcValue *mp = fc_plugin_interface_require_mini_program (iface);
  FcValue *who = fc_value_object_get (mp, "whoami");
  g_autofree char *w = who ? fc_value_to_js_string (who) : g_strdup ("nobody");
  return fc_value_new_string_take (
      g_strdup_printf ("hello from " HELLO_VERSION ", %s", w));
}

gboolean
fc_plugin_register (FcPluginContext *ctx, GError **error)
{
  g_autoptr (FcComponentClass) hc
      = fc_component_class_new ("hello-component@" HELLO_VERSION);
  g_autoptr (FcComponentClass) pt
      = fc_component_class_new ("private-thing@" HELLO_VERSION);
  g_autoptr (FcValue) empty = fc_value_new_string ("");
  g_autoptr (FcValue) world = fc_value_new_string ("world " HELLO_VERSION);

  fc_component_class_add_property (hc, "name", FC_PROPERTY_STRING, 0, empty,
                                   FALSE);
  fc_component_class_add_event (hc, "hello");
  fc_component_class_add_event (hc, "peeked");
  fc_component_class_add_event (hc, "waited");
  fc_component_class_add_method (hc, "greet", greet, NULL, NULL);
  fc_component_class_add_method (hc, "peek", peek, NULL, NULL);
  fc_component_class_add_method (hc, "wait", wait, NULL, NULL);
  fc_component_class_set_hooks (hc, plain_new, NULL, NULL, NULL, NULL);
  fc_component_class_set_hooks (pt, plain_new, NULL, NULL, NULL, NULL);
  fc_plugin_context_add_component (ctx, "components/hello-component", hc);
  fc_plugin_context_add_component (ctx, "components/private-thing", pt);
  fc_plugin_context_add_function (ctx, "hello", hello, NULL, NULL);
  fc_plugin_context_add_value (ctx, "world", world);
  fc_plugin_context_add_page_callback (ctx, "pages/hello-page", "onPageHello",
                                       on_page_hello, NULL, NULL);
  /* 2.0.0's hello-card is defined by its own markup: its template's handler */
  if (g_str_equal (HELLO_VERSION, "2.0.0"))
    fc_plugin_context_add_page_callback (ctx, "components/hello-card", "onCardTap",
                                         on_card_tap, NULL, NULL);
  return TRUE;
}
