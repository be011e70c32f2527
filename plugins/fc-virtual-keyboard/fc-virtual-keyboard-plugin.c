/* fc-virtual-keyboard-plugin.c: the native module of plugin
 * fc-virtual-keyboard: registers the real FcKeyboard as the public
 * component `keyboard` (components/keyboard), the main interface
 * (`getLayouts`) and the handlers of the plugin's page `try`
 * (pages/try/try: what is typed shows above the keyboard).
 *
 * The keyboard's clock is the page's virtual clock, so `show`/`hide`
 * slides and held-delete repeats follow replay's `wait` steps. */
#include <math.h>
#include <string.h>

#include <gmodule.h>
#include <fc-bridge.h>
#include <fc-bridge-gtk.h>
#include <fc-keyboard.h>
#include <fc-keyboard-view.h>

G_MODULE_EXPORT gboolean fc_plugin_register (FcPluginContext *ctx,
                                             GError **error);

/* ---- a FcKeyboardClock on the page's virtual time ----
 *
 * through the element's handle (fc_element_get_time() and beside it): the
 * module never sees the page a keyboard is mounted in */

#define FC_TYPE_VK_PAGE_CLOCK (fc_vk_page_clock_get_type ())
G_DECLARE_FINAL_TYPE (FcVkPageClock, fc_vk_page_clock, FC, VK_PAGE_CLOCK,
                      GObject)

struct _FcVkPageClock
{
  GObject parent_instance;
  FcElement *element; /* the keyboard's handle: valid while the keyboard
                         lives, inert once its element is gone */
};

static gint64
page_clock_get_time (FcKeyboardClock *clock)
{
  return (gint64)(fc_element_get_time (FC_VK_PAGE_CLOCK (clock)->element)
                  * 1000.0);
}

static guint
page_clock_add_timeout (FcKeyboardClock *clock, guint interval_ms,
                        GSourceFunc func, gpointer data, GDestroyNotify notify)
{
  return fc_element_add_timeout (FC_VK_PAGE_CLOCK (clock)->element,
                                 interval_ms, func, data, notify);
}

static void
page_clock_remove_timeout (FcKeyboardClock *clock, guint id)
{
  fc_element_remove_timeout (FC_VK_PAGE_CLOCK (clock)->element, id);
}

static void
fc_vk_page_clock_iface_init (FcKeyboardClockInterface *iface)
{
  iface->get_time = page_clock_get_time;
  iface->add_timeout = page_clock_add_timeout;
  iface->remove_timeout = page_clock_remove_timeout;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (
    FcVkPageClock, fc_vk_page_clock, G_TYPE_OBJECT,
    G_IMPLEMENT_INTERFACE (FC_TYPE_KEYBOARD_CLOCK, fc_vk_page_clock_iface_init))

static void
fc_vk_page_clock_class_init (FcVkPageClockClass *klass)
{
}

static void
fc_vk_page_clock_init (FcVkPageClock *self)
{
}

/* ---- the component ---- */

static void
apply (FcKeyboard *kb, FcElement *element, const char *name, FcValue *v)
{
  if (strcmp (name, "title") == 0)
    fc_keyboard_set_title (kb, fc_value_get_string (v));
  else if (strcmp (name, "show") == 0)
    fc_keyboard_set_show (kb, fc_value_is_truthy (v));
  else if (strcmp (name, "theme") == 0)
    fc_keyboard_set_theme (kb, fc_value_get_string (v));
  else if (strcmp (name, "themeColor") == 0)
    fc_keyboard_set_theme_color (kb, fc_value_get_string (v));
  else if (strcmp (name, "zIndex") == 0)
    {
      double n = fc_value_to_number (v);
      if (!isfinite (n))
        {
          g_autofree char *s = fc_value_to_js_string (v);
          g_autofree char *m
              = g_strdup_printf ("zIndex \"%s\" is not a number; using %d", s,
                                 FC_KEYBOARD_DEFAULT_Z_INDEX);
          fc_element_emit_warning (element, m);
          n = FC_KEYBOARD_DEFAULT_Z_INDEX;
        }
      fc_keyboard_set_z_index (kb, (int)CLAMP (n, G_MININT, G_MAXINT));
    }
  else if (strcmp (name, "isRandomLetter") == 0)
    fc_keyboard_set_is_random_letter (kb, fc_value_is_truthy (v));
  else if (strcmp (name, "isRandomNumber") == 0)
    fc_keyboard_set_is_random_number (kb, fc_value_is_truthy (v));
  else if (strcmp (name, "normalType") == 0)
    fc_keyboard_set_normal_type (kb, fc_value_get_string (v));
  else if (strcmp (name, "closeButtonText") == 0)
    fc_keyboard_set_close_button_text (kb, fc_value_get_string (v));
  else if (strcmp (name, "extraKey") == 0)
    {
      /* a single string means one key */
      g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
      g_auto (GStrv) keys = NULL;
      if (fc_value_get_kind (v) == FC_VALUE_STRING)
        g_strv_builder_add (b, fc_value_get_string (v));
      else
        for (guint i = 0; i < fc_value_array_get_length (v); i++)
          {
            g_autofree char *e
                = fc_value_to_js_string (fc_value_array_get (v, i));
            g_strv_builder_add (b, e);
          }
      keys = g_strv_builder_end (b);
      fc_keyboard_set_extra_key (kb, (const char *const *)keys);
    }
  else if (strcmp (name, "icon") == 0)
    {
      /* a mini-program path: confined to the app's root */
      const char *icon = fc_value_get_string (v);
      gboolean in_app = fc_element_get_app_dir (element) != NULL;
      g_autofree char *file = NULL;
      g_autoptr (GError) error = NULL;
      if (icon && *icon && in_app
          && !(file = fc_element_resolve_path (element, icon, &error)))
        fc_element_emit_warning (element, error->message);
      fc_keyboard_set_icon (kb, file ? file : (in_app ? "" : icon));
    }
}

static void
on_warning (FcKeyboard *kb, const char *message, FcElement *element)
{
  fc_element_emit_warning (element, message);
}

static GObject *
keyboard_new (FcComponentClass *klass, FcElement *element, gpointer user_data)
{
  FcVkPageClock *clock = g_object_new (FC_TYPE_VK_PAGE_CLOCK, NULL);
  FcKeyboard *kb;
  int show;

  clock->element = element;
  kb = g_object_new (FC_TYPE_KEYBOARD, "clock", clock, NULL);
  g_object_unref (clock);
  g_signal_connect (kb, "warning", G_CALLBACK (on_warning), element);
  /* everything else first, so that show scrambles with the final settings */
  show = fc_component_class_find_property (klass, "show");
  for (guint i = 0; i < fc_component_class_get_n_properties (klass); i++)
    if ((int)i != show)
      apply (kb, element, fc_component_class_get_property_name (klass, i),
             fc_element_get_property (
                 element, fc_component_class_get_property_name (klass, i)));
  apply (kb, element, "show", fc_element_get_property (element, "show"));
  return G_OBJECT (kb);
}

static void
keyboard_set_property (GObject *instance, const char *name, FcValue *value,
                       gpointer user_data)
{
  FcElement *element = g_object_get_data (instance, "fc-element");
  apply (FC_KEYBOARD (instance), element, name, value);
}

static void
on_input (FcKeyboard *kb, const char *text, FcElement *element)
{
  g_autoptr (FcValue) detail = fc_value_new_string (text);
  fc_element_trigger_event (element, "input", detail, FC_EVENT_NONE);
}

#define FORWARD(sig)                                                           \
  static void on_##sig (FcKeyboard *kb, FcElement *element)                    \
  {                                                                            \
    fc_element_trigger_event (element, #sig, NULL, FC_EVENT_NONE);             \
  }
FORWARD (delete)
FORWARD (close)
FORWARD (blur)
FORWARD (show)
FORWARD (hide)

static void
keyboard_connect (GObject *instance, FcElement *element, gpointer user_data)
{
  g_object_set_data (instance, "fc-element", element);
  g_signal_connect (instance, "input", G_CALLBACK (on_input), element);
  g_signal_connect (instance, "delete", G_CALLBACK (on_delete), element);
  g_signal_connect (instance, "close", G_CALLBACK (on_close), element);
  g_signal_connect (instance, "blur", G_CALLBACK (on_blur), element);
  g_signal_connect (instance, "show", G_CALLBACK (on_show), element);
  g_signal_connect (instance, "hide", G_CALLBACK (on_hide), element);
}

static const char *
key_arg (FcValue *args, const char *method, GError **error)
{
  FcValue *key = args && fc_value_get_kind (args) == FC_VALUE_OBJECT
                     ? fc_value_object_get (args, "key")
                     : NULL;
  if (!key || fc_value_get_kind (key) != FC_VALUE_STRING)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED,
                   "%s: args.key must be a string (a key's text, \"delete\", "
                   "\"close\", \"shift\", \"layout:letter\", ...)",
                   method);
      return NULL;
    }
  return fc_value_get_string (key);
}

static gboolean
no_key (FcKeyboard *kb, const char *name, GError **error)
{
  if (!fc_keyboard_get_show (kb))
    {
      /* a hidden keyboard takes no taps: say so rather than do nothing */
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED,
                   "key \"%s\": the keyboard is hidden (show is false)", name);
      return FALSE;
    }
  g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_NOT_FOUND,
               "no key \"%s\" in the %s layout shown%s", name,
               fc_keyboard_layout_to_string (fc_keyboard_get_layout (kb)),
               fc_keyboard_get_show (kb) ? "" : " (the keyboard is hidden)");
  return FALSE;
}

/* `key`: a tap, looked up in the layout shown (scrambled or not) */
static gboolean
keyboard_key (FcElement *element, FcValue *args, gpointer user_data,
              GError **error)
{
  FcKeyboard *kb = FC_KEYBOARD (fc_element_get_instance (element));
  const char *name = user_data ? user_data : key_arg (args, "key", error);
  const FcKeyboardKey *key;
  if (!name)
    return FALSE;
  /* the title bar's close button is no key of the layout */
  if (!fc_keyboard_get_show (kb)
      || (!(key = fc_keyboard_find_key (kb, name))
          && strcmp (name, "close") != 0))
    return no_key (kb, name, error);
  fc_keyboard_activate (kb, name);
  return TRUE;
}

/* `longpress`: press, hold for args.ms of virtual time, release */
static gboolean
keyboard_longpress (FcElement *element, FcValue *args, gpointer user_data,
                    GError **error)
{
  FcKeyboard *kb = FC_KEYBOARD (fc_element_get_instance (element));
  const char *name = key_arg (args, "longpress", error);
  FcValue *ms = args && fc_value_get_kind (args) == FC_VALUE_OBJECT
                    ? fc_value_object_get (args, "ms")
                    : NULL;
  const FcKeyboardKey *key;
  double hold;

  if (!name)
    return FALSE;
  hold = ms ? fc_value_to_number (ms) : 1000;
  if (!isfinite (hold) || hold < 0)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_FAILED,
                   "longpress: args.ms must be a number of ms >= 0");
      return FALSE;
    }
  if (!fc_keyboard_get_show (kb) || !(key = fc_keyboard_find_key (kb, name)))
    return no_key (kb, name, error);
  fc_keyboard_press (kb, key);
  fc_element_advance (element, hold);
  fc_keyboard_release (kb);
  return TRUE;
}

/* the real view, when a host attaches the page to GTK (fc_page_view_new) */
static GtkWidget *
keyboard_view (GObject *instance, FcElement *element, gpointer user_data)
{
  return fc_keyboard_view_new (FC_KEYBOARD (instance));
}

static void
add (FcComponentClass *k, const char *name, FcPropertyType type,
     FcPropertyType optional, const char *json)
{
  g_autoptr (FcValue) def = fc_value_from_json (json, NULL);
  fc_component_class_add_property (k, name, type, optional, def, FALSE);
}

/* requirePlugin('virtual-keyboard').getLayouts(): each layout's rows of
 * key labels, unscrambled, as the default theme shows them */
static FcValue *
get_layouts (FcPluginInterface *iface, FcValue *args, gpointer user_data,
             GError **error)
{
  g_autoptr (FcKeyboard) kb = fc_keyboard_new ();
  FcValue *out = fc_value_new_array ();
  for (FcKeyboardLayout l = FC_KEYBOARD_LAYOUT_NUMBER;
       l <= FC_KEYBOARD_LAYOUT_SYMBOL; l++)
    {
      FcValue *o = fc_value_new_object ();
      FcValue *rows = fc_value_new_array ();
      fc_keyboard_set_layout (kb, l);
      for (guint r = 0; r < fc_keyboard_get_n_rows (kb); r++)
        {
          guint n = 0;
          const FcKeyboardKey *keys = fc_keyboard_get_row (kb, r, &n);
          FcValue *row = fc_value_new_array ();
          for (guint i = 0; i < n; i++)
            if (keys[i].action)
              fc_value_array_append (row, fc_value_new_string (keys[i].action));
          fc_value_array_append (rows, row);
        }
      fc_value_object_set (
          o, "name", fc_value_new_string (fc_keyboard_layout_to_string (l)));
      fc_value_object_set (o, "rows", rows);
      fc_value_array_append (out, o);
    }
  return out;
}

/* ---- the page `try`: its handlers are the plugin's ---- */

#define TRY_PAGE "pages/try/try"

static void
try_set_typed (FcElement *target, const char *typed)
{
  g_autoptr (FcValue) v = fc_value_new_string (typed);
  g_autoptr (GError) error = NULL;
  if (!fc_page_set_data_path (fc_element_get_page (target), "typed", v,
                              &error))
    fc_element_emit_warning (target, error->message);
}

static const char *
try_get_typed (FcPage *page)
{
  FcValue *v = fc_value_object_get (fc_page_get_data (page), "typed");
  return v && fc_value_get_kind (v) == FC_VALUE_STRING ? fc_value_get_string (v)
                                                        : "";
}

static void
try_on_input (const FcEvent *event, gpointer user_data)
{
  FcPage *page = fc_element_get_page (event->target);
  g_autofree char *typed = NULL;
  if (fc_value_get_kind (event->detail) != FC_VALUE_STRING)
    return;
  typed = g_strconcat (try_get_typed (page),
                       fc_value_get_string (event->detail), NULL);
  try_set_typed (event->target, typed);
}

static void
try_on_delete (const FcEvent *event, gpointer user_data)
{
  FcPage *page = fc_element_get_page (event->target);
  g_autofree char *typed = g_strdup (try_get_typed (page));
  char *last = g_utf8_find_prev_char (typed, typed + strlen (typed));
  if (last)
    *last = '\0';
  try_set_typed (event->target, typed);
}

static void
try_on_clear (const FcEvent *event, gpointer user_data)
{
  try_set_typed (event->target, "");
}

gboolean
fc_plugin_register (FcPluginContext *ctx, GError **error)
{
  g_autofree char *name
      = g_strdup_printf ("plugin-private://%s/components/keyboard",
                         fc_plugin_context_get_provider (ctx));
  g_autoptr (FcComponentClass) kb = fc_component_class_new (name);

  add (kb, "title", FC_PROPERTY_STRING, 0, "\"\"");
  add (kb, "show", FC_PROPERTY_BOOLEAN, 0, "false");
  add (kb, "theme", FC_PROPERTY_STRING, 0, "\"default\"");
  add (kb, "themeColor", FC_PROPERTY_STRING, 0, "\"#2e7cff\"");
  add (kb, "zIndex", FC_PROPERTY_NUMBER, FC_PROPERTY_STRING, "999");
  add (kb, "isRandomLetter", FC_PROPERTY_BOOLEAN, 0, "false");
  add (kb, "isRandomNumber", FC_PROPERTY_BOOLEAN, 0, "false");
  add (kb, "normalType", FC_PROPERTY_STRING, 0, "\"number\"");
  add (kb, "closeButtonText", FC_PROPERTY_STRING, 0, "\"\"");
  add (kb, "extraKey", FC_PROPERTY_ARRAY, FC_PROPERTY_STRING, "[]");
  add (kb, "icon", FC_PROPERTY_STRING, 0, "\"\"");
  for (const char *const *e
       = (const char *const[]){ "input", "delete", "close", "blur", "show",
                                "hide", NULL };
       *e; e++)
    fc_component_class_add_event (kb, *e);
  fc_component_class_add_method (kb, "key", keyboard_key, NULL, NULL);
  fc_component_class_add_method (kb, "longpress", keyboard_longpress, NULL,
                                 NULL);
  /* shorthands: `{"action": "delete"}` is `key` with "delete" */
  fc_component_class_add_method (kb, "delete", keyboard_key,
                                 (gpointer) "delete", NULL);
  fc_component_class_add_method (kb, "close", keyboard_key, (gpointer) "close",
                                 NULL);
  fc_component_class_set_hooks (kb, keyboard_new, keyboard_set_property,
                                keyboard_connect, NULL, NULL);
  fc_component_class_set_view_factory (kb, keyboard_view, NULL, NULL);
  fc_plugin_context_add_component (ctx, "components/keyboard", kb);
  fc_plugin_context_add_function (ctx, "getLayouts", get_layouts, NULL, NULL);
  fc_plugin_context_add_page_callback (ctx, TRY_PAGE, "onInput", try_on_input,
                                       NULL, NULL);
  fc_plugin_context_add_page_callback (ctx, TRY_PAGE, "onDelete",
                                       try_on_delete, NULL, NULL);
  fc_plugin_context_add_page_callback (ctx, TRY_PAGE, "onClear", try_on_clear,
                                       NULL, NULL);
  return TRUE;
}
