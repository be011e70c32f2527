/* fc-wxs-value.c: page values into the WXS engine and back. Page data is
 * JSON-like (FcValue); what a module returns is converted the way a
 * binding sees it: functions are left out, a Date becomes its string.
 * Very deep page data is cut at a depth; a cyclic result is an error. */
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-wxs-private.h"

/* Deeper values are cut (as undefined): deep enough for any page data,
 * shallow enough for the C stack. */
#define MAX_DEPTH 64

static void
push_value (duk_context *ctx, const FcValue *v, int depth)
{
  if (depth > MAX_DEPTH)
    {
      duk_push_undefined (ctx);
      return;
    }
  duk_require_stack (ctx, 4);
  switch (fc_value_get_kind (v))
    {
    case FC_VALUE_UNDEFINED:
      duk_push_undefined (ctx);
      break;
    case FC_VALUE_NULL:
      duk_push_null (ctx);
      break;
    case FC_VALUE_BOOLEAN:
      duk_push_boolean (ctx, fc_value_get_boolean (v));
      break;
    case FC_VALUE_NUMBER:
      duk_push_number (ctx, fc_value_get_number (v));
      break;
    case FC_VALUE_STRING:
      duk_push_string (ctx, fc_value_get_string (v));
      break;
    case FC_VALUE_ARRAY:
      duk_push_array (ctx);
      for (guint i = 0; i < fc_value_array_get_length (v); i++)
        {
          push_value (ctx, fc_value_array_get (v, i), depth + 1);
          duk_put_prop_index (ctx, -2, i);
        }
      break;
    case FC_VALUE_OBJECT:
    default:
      duk_push_object (ctx);
      for (guint i = 0; i < fc_value_object_get_size (v); i++)
        {
          push_value (ctx, fc_value_object_get_nth (v, i), depth + 1);
          duk_put_prop_string (ctx, -2, fc_value_object_get_key (v, i));
        }
      break;
    }
}

/**
 * fc_wxs_push_value:
 * @ctx: a WXS heap
 * @value: a page value
 *
 * Pushes a copy of @value.
 */
void
fc_wxs_push_value (duk_context *ctx, const FcValue *value)
{
  push_value (ctx, value, 0);
}

/* Duktape keeps strings in CESU-8: a character beyond the BMP is two
 * three-byte surrogates. Gives UTF-8, with anything invalid replaced. */
static char *
cesu8_to_utf8 (const char *s, gsize len)
{
  GString *out;
  gsize i = 0;

  if (!memchr (s, 0xed, len))
    return g_utf8_make_valid (s, len);
  out = g_string_sized_new (len);
  while (i < len)
    {
      const guchar *u = (const guchar *)s + i;
      if (i + 5 < len && u[0] == 0xed && (u[1] & 0xf0) == 0xa0 && u[3] == 0xed
          && (u[4] & 0xf0) == 0xb0)
        {
          gunichar hi = 0xd000 | ((u[1] & 0x3f) << 6) | (u[2] & 0x3f);
          gunichar lo = 0xd000 | ((u[4] & 0x3f) << 6) | (u[5] & 0x3f);
          g_string_append_unichar (out, 0x10000 + ((hi - 0xd800) << 10)
                                            + (lo - 0xdc00));
          i += 6;
          continue;
        }
      g_string_append_c (out, s[i]);
      i++;
    }
  {
    char *valid = g_utf8_make_valid (out->str, out->len);
    g_string_free (out, TRUE);
    return valid;
  }
}

/**
 * fc_wxs_dup_string:
 * @ctx: a WXS heap
 * @idx: a value's index
 *
 * Returns: (transfer full): `String(value)`, as UTF-8
 */
char *
fc_wxs_dup_string (duk_context *ctx, duk_idx_t idx)
{
  duk_size_t len;
  const char *s;

  /* a string needs no coercion, which is a protected call of its own */
  if (duk_is_string (ctx, idx) && !duk_is_symbol (ctx, idx))
    {
      s = duk_get_lstring (ctx, idx, &len);
      return cesu8_to_utf8 (s, len);
    }
  duk_dup (ctx, idx);
  s = duk_safe_to_lstring (ctx, -1, &len);
  {
    char *r = cesu8_to_utf8 (s, len);
    duk_pop (ctx);
    return r;
  }
}

static gboolean
is_class (duk_context *ctx, duk_idx_t idx, const char *tag)
{
  gboolean r;
  /* Object.prototype.toString, kept in the stash by fc-wxs-stdlib.c:
   * the sandbox may have changed the global one */
  duk_push_global_stash (ctx);
  duk_get_prop_string (ctx, -1, FC_WXS_HIDDEN ("toString"));
  duk_dup (ctx, idx);
  duk_call_method (ctx, 0);
  r = g_strcmp0 (duk_get_string (ctx, -1), tag) == 0;
  duk_pop_2 (ctx);
  return r;
}

/**
 * fc_wxs_get_value:
 * @ctx: a WXS heap
 * @idx: a value's index
 *
 * The engine reports errors by longjmp, past any C cleanup: nothing the C
 * side allocates may be pending while it can throw (a getter, cyclic
 * input, out of memory). So objects and arrays cross as JSON text, made in
 * the engine (functions and undefined members left out, as JSON does;
 * cycles throw), and are parsed once nothing can throw any more.
 * Primitives, and a Date or RegExp (as its string), cross directly.
 *
 * Returns: (transfer full): the value as a page value
 */
FcValue *
fc_wxs_get_value (duk_context *ctx, duk_idx_t idx)
{
  g_autofree char *json = NULL;
  FcValue *v;

  idx = duk_normalize_index (ctx, idx);
  switch (duk_get_type (ctx, idx))
    {
    case DUK_TYPE_NULL:
      return fc_value_new_null ();
    case DUK_TYPE_BOOLEAN:
      return fc_value_new_boolean (duk_get_boolean (ctx, idx));
    case DUK_TYPE_NUMBER:
      return fc_value_new_number (duk_get_number (ctx, idx));
    case DUK_TYPE_STRING:
      return fc_value_new_string_take (fc_wxs_dup_string (ctx, idx));
    case DUK_TYPE_OBJECT:
      break;
    default:
      return fc_value_new_undefined ();
    }
  if (duk_is_function (ctx, idx))
    return fc_value_new_undefined ();
  if (is_class (ctx, idx, "[object Date]")
      || is_class (ctx, idx, "[object RegExp]"))
    return fc_value_new_string_take (fc_wxs_dup_string (ctx, idx));
  duk_dup (ctx, idx);
  duk_json_encode (ctx, -1);
  json = fc_wxs_dup_string (ctx, -1);
  duk_pop (ctx);
  /* from here on, nothing throws */
  v = fc_value_from_json (json, NULL);
  return v ? v : fc_value_new_undefined ();
}
