/* peer-plugin.c: a test plugin that uses another plugin, hello-plugin,
 * when the mini-program declares both (tests/bridge/test-plugin-peers.c).
 *
 * - components/peer (public): method `ask` (args: a provider id, default
 *   "hello-plugin") requires that plugin from the component's code
 *   (fc_element_require_plugin) and raises `asked` with {result} of its
 *   hello(), or {error} with the message;
 * - pages/peer-page: hello-plugin's components through plugin-private://;
 *   its handlers (the plugin's own) onPeerHello sets {heard: detail.text},
 *   onAsked sets {asked: detail};
 * - main: relay(provider) requires that plugin from the interface's code
 *   (fc_plugin_interface_require_plugin) and returns its hello(). */
#include <gmodule.h>
#include <fc-bridge.h>

G_MODULE_EXPORT gboolean fc_plugin_register (FcPluginContext *ctx,
                                             GError **error);

static GObject *
plain_new (FcComponentClass *klass, FcElement *element, gpointer user_data)
{
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static const char *
provider_of (FcValue *args)
{
  return args && fc_value_get_kind (args) == FC_VALUE_STRING
             ? fc_value_get_string (args)
             : "hello-plugin";
}

static gboolean
ask (FcElement *element, FcValue *args, gpointer user_data, GError **error)
{
  g_autoptr (FcValue) detail = fc_value_new_object ();
  g_autoptr (GError) local = NULL;
  FcPluginInterface *other
      = fc_element_require_plugin (element, provider_of (args), &local);
  FcValue *result
      = other ? fc_plugin_interface_call (other, "hello", NULL, &local) : NULL;

  if (result)
    fc_value_object_set (detail, "result", result);
  else
    fc_value_object_set (detail, "error", fc_value_new_string (local->message));
  fc_element_trigger_event (element, "asked", detail, FC_EVENT_NONE);
  return TRUE;
}

static void
on_peer_hello (const FcEvent *event, gpointer user_data)
{
  FcPage *page = fc_element_get_page (event->target);
  g_autoptr (FcValue) changes = fc_value_new_object ();
  g_autoptr (GError) error = NULL;
  FcValue *text = fc_value_object_get (event->detail, "text");

  fc_value_object_set (changes, "heard",
                       text ? fc_value_ref (text) : fc_value_new_null ());
  if (!fc_page_set_data (page, changes, &error))
    g_critical ("peer-page: %s", error->message);
}

static void
on_asked (const FcEvent *event, gpointer user_data)
{
  FcPage *page = fc_element_get_page (event->target);
  g_autoptr (GError) error = NULL;

  if (!fc_page_set_data_path (page, "asked", event->detail, &error))
    g_critical ("peer-page: %s", error->message);
}

static FcValue *
relay (FcPluginInterface *iface, FcValue *args, gpointer user_data,
       GError **error)
{
  FcPluginInterface *other
      = fc_plugin_interface_require_plugin (iface, provider_of (args), error);

  return other ? fc_plugin_interface_call (other, "hello", NULL, error) : NULL;
}

gboolean
fc_plugin_register (FcPluginContext *ctx, GError **error)
{
  g_autoptr (FcComponentClass) peer = fc_component_class_new ("peer@1.0.0");

  fc_component_class_add_event (peer, "asked");
  fc_component_class_add_method (peer, "ask", ask, NULL, NULL);
  fc_component_class_set_hooks (peer, plain_new, NULL, NULL, NULL, NULL);
  fc_plugin_context_add_component (ctx, "components/peer", peer);
  fc_plugin_context_add_function (ctx, "relay", relay, NULL, NULL);
  fc_plugin_context_add_page_callback (ctx, "pages/peer-page", "onPeerHello",
                                       on_peer_hello, NULL, NULL);
  fc_plugin_context_add_page_callback (ctx, "pages/peer-page", "onAsked",
                                       on_asked, NULL, NULL);
  return TRUE;
}
