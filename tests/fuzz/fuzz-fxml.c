/* fuzz-fxml: the markup parser (fc_fxml_parse) on arbitrary bytes. The
 * tree is walked so that every node and attribute is read once. */
#include "fuzz-common.h"

static guint
walk (const FcFxmlNode *node)
{
  guint n = 1;
  if (node->attributes)
    for (guint i = 0; i < node->attributes->len; i++)
      {
        const FcFxmlAttribute *a = g_ptr_array_index (node->attributes, i);
        n += strlen (a->name) + (a->value ? strlen (a->value) : 0);
        n += fc_fxml_node_get_attribute (node, a->name) != NULL;
        n += fc_template_is_constant (a->tpl);
      }
  if (node->children)
    for (guint i = 0; i < node->children->len; i++)
      n += walk (g_ptr_array_index (node->children, i));
  return n;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcFxmlNode) doc = NULL;
  g_autofree char *text = fuzz_strndup (data, size);

  /* once with the length (embedded NULs included), once as a C string */
  doc = fc_fxml_parse ((const char *) data, size, "fuzz.fxml", &error);
  if (doc)
    walk (doc);
  else
    g_assert (error != NULL);
  g_clear_pointer (&doc, fc_fxml_node_free);
  g_clear_error (&error);
  doc = fc_fxml_parse (text, -1, "fuzz.fxml", &error);
  g_assert (doc != NULL || error != NULL);
  return 0;
}
