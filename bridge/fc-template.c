/* fc-template.c: templates: markup text with `{{ }}` bindings, parsed
 * into literal parts and expressions (fc-expr.c), with the data paths they
 * read; evaluated as one value or a string. */
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-source-private.h"
#include "fc-value-private.h"

typedef struct {
  char *text;   /* literal part, or NULL */
  FcExpr *expr; /* binding, or NULL */
} Part;

struct _FcTemplate {
  Part *parts;
  guint n_parts;
  GPtrArray *deps; /* FcDataPath*, NULL when constant */
  FcValue *constant;
};

/**
 * fc_template_free:
 * @tpl: (nullable): a template
 *
 * Frees a parsed template.
 */
void
fc_template_free (FcTemplate *tpl)
{
  if (!tpl)
    return;
  for (guint i = 0; i < tpl->n_parts; i++)
    {
      g_free (tpl->parts[i].text);
      fc_expr_free (tpl->parts[i].expr);
    }
  g_free (tpl->parts);
  if (tpl->deps)
    g_ptr_array_unref (tpl->deps);
  g_clear_pointer (&tpl->constant, fc_value_unref);
  g_free (tpl);
}

static gboolean
decode_at (const char *raw, gsize len, GString *out, const char *base, const char *filename,
           int line, int col, GError **error)
{
  gsize bad;
  if (fc_decode_entities (raw, len, out, &bad))
    return TRUE;
  fc_advance_position (base, (raw - base) + bad, &line, &col);
  g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_ENTITY,
               "%s:%d:%d: bad entity", filename, line, col);
  return FALSE;
}

/**
 * fc_template_parse: (skip)
 * @text: raw markup text (entities not yet decoded)
 * @filename: for messages
 * @line: line of @text's first character
 * @col: column of @text's first character
 * @error: return location for an error
 *
 * Parses an attribute value or a text with `{{ }}` bindings once, for
 * evaluation on every change.
 *
 * Returns: (transfer full) (nullable): the template
 */
FcTemplate *
fc_template_parse (const char *text, const char *filename, int line, int col, GError **error)
{
  GArray *parts = g_array_new (FALSE, TRUE, sizeof (Part));
  FcTemplate *tpl = g_new0 (FcTemplate, 1);
  const char *p = text;
  const char *text_end = text + strlen (text);

  while (*p)
    {
      const char *open = strstr (p, "{{");
      const char *close;
      Part part = { NULL, NULL };

      if (!open)
        open = text_end;
      if (open > p)
        {
          GString *s = g_string_new (NULL);
          if (!decode_at (p, open - p, s, text, filename, line, col, error))
            {
              g_string_free (s, TRUE);
              goto fail;
            }
          part.text = g_string_free (s, FALSE);
          g_array_append_val (parts, part);
        }
      if (!*open)
        break;
      close = fc_find_binding_end (open + 2, text_end);
      if (!close)
        {
          int l = line, c = col;
          fc_advance_position (text, open - text, &l, &c);
          g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_UNTERMINATED_BINDING,
                       "%s:%d:%d: unterminated {{", filename, l, c);
          goto fail;
        }
      {
        /* the expression's text as written: entities are markup, and
         * glass-easel does not decode them inside a binding ("a&&b",
         * "'&id=' + id") */
        GString *s = g_string_new_len (open + 2, close - open - 2);
        GError *local = NULL;
        int off = 0;
        part.text = NULL;
        part.expr = fc_expr_parse (s->str, &off, &local);
        if (!part.expr)
          {
            int l = line, c = col;
            fc_advance_position (text, (open + 2 - text) + MIN ((gsize) off, (gsize) (close - open - 2)), &l, &c);
            g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_EXPRESSION,
                         "%s:%d:%d: %s", filename, l, c, local->message);
            g_error_free (local);
            g_string_free (s, TRUE);
            goto fail;
          }
        g_string_free (s, TRUE);
        g_array_append_val (parts, part);
      }
      p = close + 2;
    }

  tpl->n_parts = parts->len;
  tpl->parts = (Part *) g_array_free (parts, FALSE);
  for (guint i = 0; i < tpl->n_parts; i++)
    if (tpl->parts[i].expr)
      {
        if (!tpl->deps)
          tpl->deps = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_data_path_free);
        fc_expr_collect_dependencies (tpl->parts[i].expr, tpl->deps);
      }
  if (!tpl->deps)
    tpl->constant = fc_template_evaluate (tpl, NULL);
  return tpl;

fail:
  for (guint i = 0; i < parts->len; i++)
    {
      g_free (g_array_index (parts, Part, i).text);
      fc_expr_free (g_array_index (parts, Part, i).expr);
    }
  g_array_free (parts, TRUE);
  g_free (tpl);
  return NULL;
}

/**
 * fc_template_is_constant:
 *
 * Whether a template has no binding that reads page data, so that it never
 * needs re-evaluating.
 *
 * Whether @tpl has no binding reading data.
 *
 * Returns: whether @tpl is constant
 */
gboolean
fc_template_is_constant (const FcTemplate *tpl)
{
  return tpl->deps == NULL;
}

/**
 * fc_template_evaluate:
 * @tpl: a template
 * @data: page data
 *
 * Exactly one `{{expr}}` keeps the expression's type; anything else is a
 * string, with null and undefined as "".
 *
 * Returns: (transfer full): the value
 */
FcValue *
fc_template_evaluate (const FcTemplate *tpl, FcValue *data)
{
  return fc_template_evaluate_in_scope (tpl, data, NULL);
}

/**
 * fc_template_evaluate_in_scope:
 * @tpl: a template
 * @data: page data
 * @scope: (nullable): variables that shadow @data
 *
 * Evaluates a template against page data with the names a wx:for scope
 * adds.
 *
 * Returns: (transfer full): the value
 */
FcValue *
fc_template_evaluate_in_scope (const FcTemplate *tpl, FcValue *data, const FcScope *scope)
{
  return fc_template_evaluate_with (tpl, data, scope, NULL);
}

/**
 * fc_template_evaluate_with:
 * @tpl: a template
 * @data: page data
 * @scope: (nullable): variables that shadow @data
 * @calls: (nullable): the page's WXS modules
 *
 * Evaluates a template as fc_template_evaluate_in_scope() does, with the
 * page's WXS modules callable.
 *
 * Returns: (transfer full): the value
 */
FcValue *
fc_template_evaluate_with (const FcTemplate *tpl, FcValue *data, const FcScope *scope, const FcExprCalls *calls)
{
  GString *s;

  if (tpl->constant)
    return fc_value_ref (tpl->constant);
  if (tpl->n_parts == 0)
    return fc_value_new_string ("");
  if (tpl->n_parts == 1 && tpl->parts[0].expr)
    return fc_expr_evaluate_with (tpl->parts[0].expr, data, scope, calls);
  if (tpl->n_parts == 1)
    return fc_value_new_string (tpl->parts[0].text);
  s = g_string_sized_new (32);
  for (guint i = 0; i < tpl->n_parts; i++)
    {
      if (tpl->parts[i].text)
        g_string_append (s, tpl->parts[i].text);
      else
        {
          g_autoptr (FcValue) v = fc_expr_evaluate_with (tpl->parts[i].expr, data, scope, calls);
          if (fc_value_get_kind (v) > FC_VALUE_NULL)
            fc_value_append_js_string (v, s);
        }
    }
  return fc_value_new_string_take (g_string_free (s, FALSE));
}

/**
 * fc_template_get_dependencies:
 * @tpl: a template
 *
 * The data paths the template's bindings read.
 *
 * Returns: (transfer none) (nullable) (element-type FcDataPath): the data
 *   paths @tpl reads
 */
const GPtrArray *
fc_template_get_dependencies (const FcTemplate *tpl)
{
  return tpl->deps;
}

const FcDataPath *
fc_template_get_path (const FcTemplate *tpl)
{
  if (tpl->n_parts != 1 || !tpl->parts[0].expr || !tpl->deps || tpl->deps->len != 1
      || !fc_expr_is_static_path (tpl->parts[0].expr))
    return NULL;
  return g_ptr_array_index (tpl->deps, 0);
}

/**
 * fc_template_depends_on:
 * @tpl: a template
 * @changed: the path a setData changed
 *
 * Whether a change at @changed can change @tpl's value.
 *
 * Returns: whether @tpl must be re-evaluated
 */
gboolean
fc_template_depends_on (const FcTemplate *tpl, const FcDataPath *changed)
{
  if (!tpl->deps)
    return FALSE;
  for (guint i = 0; i < tpl->deps->len; i++)
    if (fc_data_path_overlaps (g_ptr_array_index (tpl->deps, i), changed))
      return TRUE;
  return FALSE;
}
