#include "fc-test-tree.h"

void
fc_test_dump_element (FcElement *el, GString *out)
{
  const char *tag = fc_element_get_tag (el);
  /* virtual elements (#if, #for, #template, #include, #shadow-root) show
   * only their children */
  gboolean is_virtual = tag[0] == '#';
  FcElement *shadow = fc_element_get_shadow_root (el);
  g_autoptr (GString) inner = g_string_new (NULL);

  if (fc_element_get_text (el))
    {
      g_string_append_printf (out, "'%s'", fc_element_get_text (el));
      return;
    }
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    {
      gsize before = inner->len;
      if (inner->len)
        g_string_append_c (inner, ' ');
      fc_test_dump_element (fc_element_get_child (el, i), inner);
      if (inner->len == before + 1)
        g_string_truncate (inner, before); /* an empty virtual child */
    }
  if (is_virtual)
    {
      g_string_append (out, inner->str);
      return;
    }
  g_string_append (out, tag);
  if (*fc_element_get_id (el))
    g_string_append_printf (out, "#%s", fc_element_get_id (el));
  if (shadow)
    g_string_append_printf (out, "{%s}", inner->str);
  else if (inner->len)
    g_string_append_printf (out, "(%s)", inner->str);
}
