/* fuzz-expr: `{{ }}` expressions and templates. The input is parsed as a
 * bare expression (fc_expr_parse) and as a template (fc_template_parse);
 * what parses is evaluated against the data of tests/bridge/test-expr.c,
 * also inside a wx:for-like scope, and its dependencies are collected. */
#include "fuzz-common.h"

static FcValue *fixed_data;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  fixed_data = fc_value_from_json (
      "{\"a\":{\"b\":[10,20,{\"c\":\"x\"}],\"k\":\"v\"},\"n\":5,\"s\":\"hi\",\"t\":true,"
      "\"z\":null,\"i\":1,\"arr\":[1,2],\"obj\":{\"p\":1},\"key\":\"k\",\"zero\":0,\"empty\":\"\","
      "\"big\":1e308,\"neg\":-0.5,\"list\":[{\"t\":\"a\"},{\"t\":\"b\"}]}",
      NULL);
  g_assert (fixed_data);
  return 0;
}

static void
use (FcValue *v)
{
  g_autofree char *json = fc_value_to_json (v);
  g_autofree char *str = fc_value_to_js_string (v);
  (void) json;
  (void) str;
  (void) fc_value_is_truthy (v);
  (void) fc_value_to_number (v);
  fc_value_unref (v);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcExpr) expr = NULL;
  g_autoptr (FcTemplate) tpl = NULL;
  g_autoptr (FcValue) item = fc_value_new_string ("item");
  g_autoptr (FcValue) index = fc_value_new_number (3);
  FcScope outer = { NULL, "index", index };
  FcScope inner = { &outer, "item", item };
  int offset = -1;

  expr = fc_expr_parse (text, &offset, &error);
  if (expr)
    {
      g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_data_path_free);
      use (fc_expr_evaluate (expr, fixed_data));
      use (fc_expr_evaluate_in_scope (expr, fixed_data, &inner));
      fc_expr_collect_dependencies (expr, paths);
    }
  else
    g_assert (error != NULL);
  g_clear_error (&error);

  tpl = fc_template_parse (text, "fuzz.fxml", 1, 1, &error);
  if (tpl)
    {
      const GPtrArray *deps = fc_template_get_dependencies (tpl);
      FcDataPath *changed = fc_data_path_new ();
      fc_data_path_append (changed, "a", FALSE, 0);
      use (fc_template_evaluate (tpl, fixed_data));
      use (fc_template_evaluate_in_scope (tpl, fixed_data, &inner));
      (void) fc_template_is_constant (tpl);
      (void) fc_template_depends_on (tpl, changed);
      for (guint i = 0; deps && i < deps->len; i++)
        {
          g_autofree char *s = fc_data_path_to_string (g_ptr_array_index (deps, i));
          (void) s;
        }
      fc_data_path_free (changed);
    }
  else
    g_assert (error != NULL);
  return 0;
}
