/* fc-builtins.c: the platform's built-in elements as headless classes,
 * which every FcRegistry holds. */
#include <string.h>

#include "fc-builtins-private.h"
#include "fc-page-signals-private.h"

static gboolean
tap (FcElement *element, FcValue *args, gpointer user_data, GError **error)
{
  g_autoptr (FcValue) detail = fc_value_new_object ();
  FcValue *disabled = fc_element_get_property (element, "disabled");

  if (disabled && fc_value_is_truthy (disabled))
    return TRUE;
  fc_value_object_set (detail, "x", fc_value_new_number (0));
  fc_value_object_set (detail, "y", fc_value_new_number (0));
  fc_element_trigger_event (element, "tap", detail, FC_EVENT_BUBBLES | FC_EVENT_CAPTURE_PHASE | FC_EVENT_COMPOSED);
  if (strcmp (fc_element_get_tag (element), "navigator") == 0)
    {
      FcValue *url = fc_element_get_property (element, "url");
      if (url && fc_value_get_string (url)[0])
        fc_page_emit_navigate (fc_element_get_page (element), fc_value_get_string (url));
    }
  return TRUE;
}

static void
prop (FcComponentClass *k, const char *name, FcPropertyType type, FcValue *def)
{
  fc_component_class_add_property (k, name, type, 0, def, FALSE);
  if (def)
    fc_value_unref (def);
}

static FcComponentClass *
make (const char *tag)
{
  FcComponentClass *k = fc_component_class_new (tag);
  k->builtin = TRUE;
  if (strcmp (tag, "page") != 0)
    {
      fc_component_class_add_method (k, "tap", tap, NULL, NULL);
      fc_component_class_add_event (k, "tap");
      fc_component_class_add_event (k, "longpress");
    }
  if (strcmp (tag, "view") == 0)
    prop (k, "hoverClass", FC_PROPERTY_STRING, fc_value_new_string ("none"));
  else if (strcmp (tag, "text") == 0)
    {
      prop (k, "selectable", FC_PROPERTY_BOOLEAN, NULL);
      prop (k, "userSelect", FC_PROPERTY_BOOLEAN, NULL);
      prop (k, "space", FC_PROPERTY_STRING, NULL);
      prop (k, "decode", FC_PROPERTY_BOOLEAN, NULL);
    }
  else if (strcmp (tag, "image") == 0)
    {
      prop (k, "src", FC_PROPERTY_STRING, NULL);
      prop (k, "mode", FC_PROPERTY_STRING, fc_value_new_string ("scaleToFill"));
      prop (k, "lazyLoad", FC_PROPERTY_BOOLEAN, NULL);
      prop (k, "showMenuByLongpress", FC_PROPERTY_BOOLEAN, NULL);
    }
  else if (strcmp (tag, "button") == 0)
    {
      prop (k, "size", FC_PROPERTY_STRING, fc_value_new_string ("default"));
      prop (k, "type", FC_PROPERTY_STRING, fc_value_new_string ("default"));
      prop (k, "plain", FC_PROPERTY_BOOLEAN, NULL);
      prop (k, "disabled", FC_PROPERTY_BOOLEAN, NULL);
      prop (k, "loading", FC_PROPERTY_BOOLEAN, NULL);
      prop (k, "formType", FC_PROPERTY_STRING, NULL);
      prop (k, "openType", FC_PROPERTY_STRING, NULL);
    }
  else if (strcmp (tag, "navigator") == 0)
    {
      prop (k, "url", FC_PROPERTY_STRING, NULL);
      prop (k, "openType", FC_PROPERTY_STRING, fc_value_new_string ("navigate"));
      prop (k, "delta", FC_PROPERTY_NUMBER, fc_value_new_number (1));
      prop (k, "target", FC_PROPERTY_STRING, fc_value_new_string ("self"));
    }
  return k;
}

/* The classes live for the process, like GTypes; every registry shares
 * them (fc_registry_new()). */
GHashTable *
fc_builtins_dup_table (void)
{
  static const char *const tags[] = { "page", "view", "text", "image", "button", "navigator", "block" };
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) fc_component_class_unref);
      for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
        g_hash_table_insert (t, (gpointer) tags[i], make (tags[i]));
      g_once_init_leave (&table, t);
    }
  return g_hash_table_ref (table);
}
