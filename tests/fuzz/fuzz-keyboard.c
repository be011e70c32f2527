/* fuzz-keyboard: the virtual keyboard's headless core (virtual-keyboard/
 * fc-keyboard.c with its -attributes, -keys, -input and -state files, its
 * layouts and scrambling). The input is `ATTRIBUTES
 * ---- ACTIONS`. ATTRIBUTES is a JSON object of the plugin's attributes by
 * their page names (extraKey, themeColor, normalType, zIndex,
 * isRandomLetter, isRandomNumber, theme, title, closeButtonText, icon,
 * show, transitionDuration), set on the keyboard as the bridge would
 * (strings, numbers, booleans, arrays for extraKey, whatever type the
 * input gives). ACTIONS is a line each: `press NAME` (press and release
 * the key NAME finds), `hw NAME` (a hardware key), `layout NAME`,
 * `release`, `close`, `blur`, `show`, `hide`, or NAME alone (activate).
 * After every action the layout shown is walked; every key and every
 * `input` must carry valid UTF-8. A GLib warning or critical aborts (the
 * keyboard reports bad attributes with its `warning` signal). */
#include "fuzz-common.h"

#include <fc-keyboard.h>

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
on_input (FcKeyboard *kb, const char *text, gpointer data)
{
  g_assert (text != NULL && g_utf8_validate (text, -1, NULL));
  (*(guint *) data)++;
}

static void
on_warning (FcKeyboard *kb, const char *message, gpointer data)
{
  g_assert (message != NULL && *message);
}

/* An attribute by its page name (the pspec's nick), as the bridge sets it. */
static void
set_attribute (FcKeyboard *kb, const char *name, FcValue *v)
{
  GParamSpec **specs;
  guint n;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (kb), &n);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *p = specs[i];
      GValue gv = G_VALUE_INIT;

      if (strcmp (g_param_spec_get_nick (p), name) != 0 || !(p->flags & G_PARAM_WRITABLE)
          || p->value_type == FC_TYPE_KEYBOARD_CLOCK)
        continue;
      g_value_init (&gv, p->value_type);
      if (p->value_type == G_TYPE_STRING)
        {
          g_autofree char *s = fc_value_to_js_string (v);

          g_value_set_string (&gv, s);
        }
      else if (p->value_type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&gv, fc_value_is_truthy (v));
      else if (p->value_type == G_TYPE_INT || p->value_type == G_TYPE_UINT)
        {
          /* as the bridge's coercion does: clamped into the pspec's range */
          double d = fc_value_to_number (v);

          if (d != d)
            d = 0;
          if (p->value_type == G_TYPE_INT)
            g_value_set_int (&gv, (int) CLAMP (d, G_PARAM_SPEC_INT (p)->minimum, G_PARAM_SPEC_INT (p)->maximum));
          else
            g_value_set_uint (&gv, (guint) CLAMP (d, G_PARAM_SPEC_UINT (p)->minimum, G_PARAM_SPEC_UINT (p)->maximum));
        }
      else if (p->value_type == G_TYPE_STRV)
        {
          g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

          if (fc_value_get_kind (v) == FC_VALUE_ARRAY)
            for (guint j = 0; j < fc_value_array_get_length (v) && j < 64; j++)
              g_ptr_array_add (items, fc_value_to_js_string (fc_value_array_get (v, j)));
          else
            g_ptr_array_add (items, fc_value_to_js_string (v));
          g_ptr_array_add (items, NULL);
          g_value_set_boxed (&gv, items->pdata);
        }
      else
        {
          g_value_unset (&gv);
          continue;
        }
      g_object_set_property (G_OBJECT (kb), p->name, &gv);
      g_value_unset (&gv);
    }
  g_free (specs);
}

static void
walk (FcKeyboard *kb)
{
  guint rows = fc_keyboard_get_n_rows (kb), n = 0;
  const FcKeyboardKey *keys;

  g_assert (rows <= fc_keyboard_get_max_rows (kb));
  for (guint r = 0; r < rows; r++)
    {
      keys = fc_keyboard_get_row (kb, r, &n);
      for (guint k = 0; k < n; k++)
        {
          g_assert (!keys[k].label || g_utf8_validate (keys[k].label, -1, NULL));
          g_assert (!keys[k].text || g_utf8_validate (keys[k].text, -1, NULL));
        }
    }
  keys = fc_keyboard_get_sidebar (kb, &n);
  for (guint k = 0; k < n; k++)
    g_assert (!keys[k].label || g_utf8_validate (keys[k].label, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  char *parts[2];
  g_autoptr (FcKeyboard) kb = fc_keyboard_new ();
  g_autoptr (FcValue) attrs = NULL;
  g_auto (GStrv) actions = NULL;
  guint inputs = 0;

  fuzz_split (text, parts, 2);
  g_signal_connect (kb, "input", G_CALLBACK (on_input), &inputs);
  g_signal_connect (kb, "warning", G_CALLBACK (on_warning), NULL);
  attrs = parts[0] ? fc_value_from_json (parts[0], NULL) : NULL;
  if (attrs && fc_value_get_kind (attrs) == FC_VALUE_OBJECT)
    for (guint i = 0; i < fc_value_object_get_size (attrs) && i < 64; i++)
      set_attribute (kb, fc_value_object_get_key (attrs, i), fc_value_object_get_nth (attrs, i));
  walk (kb);
  actions = g_strsplit (parts[1] ? parts[1] : "", "\n", 256);
  for (guint i = 0; actions[i]; i++)
    {
      const char *a = actions[i];

      if (g_str_has_prefix (a, "press "))
        {
          const FcKeyboardKey *key = fc_keyboard_find_key (kb, a + 6);

          if (key)
            {
              fc_keyboard_press (kb, key);
              fc_keyboard_release (kb);
            }
        }
      else if (g_str_has_prefix (a, "hw "))
        fc_keyboard_handle_hardware_key (kb, a + 3);
      else if (g_str_has_prefix (a, "layout "))
        {
          g_autofree char *name = g_strconcat ("layout:", a + 7, NULL);

          fc_keyboard_activate (kb, name);
        }
      else if (strcmp (a, "release") == 0)
        fc_keyboard_release (kb);
      else if (strcmp (a, "close") == 0)
        fc_keyboard_close (kb);
      else if (strcmp (a, "blur") == 0)
        fc_keyboard_blur (kb);
      else if (strcmp (a, "show") == 0 || strcmp (a, "hide") == 0)
        fc_keyboard_set_show (kb, a[0] == 's');
      else
        fc_keyboard_activate (kb, a);
      walk (kb);
    }
  return 0;
}
