/* fc-value-js.c: a value as JavaScript sees it: truthiness, Number(),
 * String() and JSON text (JSON.stringify). Reading JSON is
 * fc-value-json.c's; the value type itself is fc-value.c's. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fc-value-private.h"

/**
 * fc_value_is_truthy:
 * @value: a value
 *
 * JavaScript truthiness of @value.
 *
 * Returns: whether @value is truthy
 */
gboolean
fc_value_is_truthy (const FcValue *value)
{
  switch (fc_value_get_kind (value))
    {
    case FC_VALUE_UNDEFINED:
    case FC_VALUE_NULL:
      return FALSE;
    case FC_VALUE_BOOLEAN:
      return value->b;
    case FC_VALUE_NUMBER:
      return value->n != 0 && !isnan (value->n);
    case FC_VALUE_STRING:
      return value->s[0] != '\0';
    default:
      return TRUE;
    }
}

static double
string_to_number (const char *s)
{
  const char *p = s, *end;
  char *stop;
  double d;

  while (g_ascii_isspace (*p))
    p++;
  end = p + strlen (p);
  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  if (p == end)
    return 0;
  g_autofree char *t = g_strndup (p, end - p);
  if (strcmp (t, "Infinity") == 0 || strcmp (t, "+Infinity") == 0)
    return INFINITY;
  if (strcmp (t, "-Infinity") == 0)
    return -INFINITY;
  if (t[0] == '0' && (t[1] == 'x' || t[1] == 'X'))
    {
      guint64 u;
      if (g_ascii_string_to_unsigned (t + 2, 16, 0, G_MAXUINT64, &u, NULL))
        return (double) u;
      return NAN;
    }
  /* strtod accepts "inf", "nan" and hex floats, which Number() does not. */
  for (const char *c = t; *c; c++)
    if (!strchr ("0123456789+-.eE", *c))
      return NAN;
  d = g_ascii_strtod (t, &stop);
  if (*stop != '\0' || stop == t)
    return NAN;
  return d;
}

/**
 * fc_value_to_number:
 * @value: a value
 *
 * JavaScript `Number(value)`.
 *
 * Returns: the number
 */
double
fc_value_to_number (const FcValue *value)
{
  switch (fc_value_get_kind (value))
    {
    case FC_VALUE_UNDEFINED:
      return NAN;
    case FC_VALUE_NULL:
      return 0;
    case FC_VALUE_BOOLEAN:
      return value->b ? 1 : 0;
    case FC_VALUE_NUMBER:
      return value->n;
    case FC_VALUE_STRING:
      return string_to_number (value->s);
    case FC_VALUE_ARRAY:
      {
        /* Number(String(array)): [] 0, [5] 5, ["7"] 7, [true] NaN */
        g_autofree char *s = fc_value_to_js_string (value);
        return string_to_number (s);
      }
    default:
      return NAN;
    }
}

/* Whether @n (not negative) is a whole number below 2^53: exact, its
 * digits are all it takes */
static inline gboolean
is_whole (double n)
{
  return n < 9007199254740992.0 && n == floor (n);
}

/* room for the digits of a guint64 and the NUL */
#define WHOLE_DIGITS 21

/* @u's decimal digits, written at the end of @buf; returns where they start */
static const char *
format_whole (guint64 u, char buf[WHOLE_DIGITS])
{
  int w = WHOLE_DIGITS - 1;

  buf[w] = '\0';
  do
    buf[--w] = (char) ('0' + u % 10);
  while ((u /= 10) > 0);
  return buf + w;
}

/* Number::toString of ECMAScript (also what JSON.stringify writes): the
 * shortest digits that read back to @n, placed by the rules on their
 * exponent (1e-7, 0.000001, 123456789012345680000, 1e+21). */
static void
append_number (GString *out, double n)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char fmt[8];
  char digits[20];
  int k = 0, e;
  const char *p;

  if (isnan (n))
    {
      g_string_append (out, "NaN");
      return;
    }
  if (n < 0)
    {
      g_string_append_c (out, '-');
      n = -n;
    }
  if (isinf (n))
    {
      g_string_append (out, "Infinity");
      return;
    }
  if (n == 0)
    {
      g_string_append_c (out, '0'); /* also -0, as JavaScript prints it */
      return;
    }
  /* a whole number below 2^53 is exact: its digits, without the search
   * below (most numbers a page shows: prices in cents, counts, ids) */
  if (is_whole (n))
    {
      char whole[WHOLE_DIGITS];

      g_string_append (out, format_whole ((guint64) n, whole));
      return;
    }
  for (int prec = 0; prec <= 16; prec++)
    {
      g_snprintf (fmt, sizeof fmt, "%%.%de", prec);
      g_ascii_formatd (buf, sizeof buf, fmt, n);
      if (g_ascii_strtod (buf, NULL) == n)
        break;
    }
  /* buf is "d.ddde±XX": the digits without trailing zeros, and n, the
   * position of the decimal point after the first digit */
  for (p = buf; *p && *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      digits[k++] = *p;
  while (k > 1 && digits[k - 1] == '0')
    k--;
  digits[k] = '\0';
  e = atoi (p + 1) + 1;
  if (k <= e && e <= 21)
    {
      g_string_append (out, digits);
      for (int i = k; i < e; i++)
        g_string_append_c (out, '0');
    }
  else if (0 < e && e <= 21)
    {
      g_string_append_len (out, digits, e);
      g_string_append_c (out, '.');
      g_string_append (out, digits + e);
    }
  else if (-6 < e && e <= 0)
    {
      g_string_append (out, "0.");
      for (int i = e; i < 0; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else
    {
      g_string_append_c (out, digits[0]);
      if (k > 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + 1);
        }
      g_string_append_printf (out, "e%c%d", e - 1 >= 0 ? '+' : '-', abs (e - 1));
    }
}

void
fc_value_append_js_string (const FcValue *value, GString *out)
{
  switch (fc_value_get_kind (value))
    {
    case FC_VALUE_UNDEFINED:
      g_string_append (out, "undefined");
      break;
    case FC_VALUE_NULL:
      g_string_append (out, "null");
      break;
    case FC_VALUE_BOOLEAN:
      g_string_append (out, value->b ? "true" : "false");
      break;
    case FC_VALUE_NUMBER:
      append_number (out, value->n);
      break;
    case FC_VALUE_STRING:
      g_string_append (out, value->s);
      break;
    case FC_VALUE_ARRAY:
      /* Array.prototype.join: null and undefined become "". */
      for (guint i = 0; i < value->array->len; i++)
        {
          FcValue *e = g_ptr_array_index (value->array, i);
          if (i)
            g_string_append_c (out, ',');
          if (e->kind != FC_VALUE_NULL && e->kind != FC_VALUE_UNDEFINED)
            fc_value_append_js_string (e, out);
        }
      break;
    case FC_VALUE_OBJECT:
      g_string_append (out, "[object Object]");
      break;
    }
}

/**
 * fc_value_to_js_string:
 * @value: a value
 *
 * The value as JavaScript's `String(value)` gives it, as text bindings
 * show it.
 *
 * Returns: (transfer full): JavaScript `String(value)`
 */
char *
fc_value_to_js_string (const FcValue *value)
{
  GString *out;

  /* a string is itself, a whole number (most a page shows) its digits:
   * no buffer to grow */
  if (fc_value_get_kind (value) == FC_VALUE_STRING)
    return g_strdup (value->s);
  if (fc_value_get_kind (value) == FC_VALUE_NUMBER && value->n >= 1 && is_whole (value->n))
    {
      char whole[WHOLE_DIGITS];

      return g_strdup (format_whole ((guint64) value->n, whole));
    }
  out = g_string_sized_new (24);
  fc_value_append_js_string (value, out);
  return g_string_free (out, FALSE);
}

FcValue *
fc_value_to_text (FcValue *value)
{
  if (fc_value_get_kind (value) == FC_VALUE_STRING)
    return fc_value_ref (value);
  if (fc_value_get_kind (value) <= FC_VALUE_NULL)
    return fc_value_new_string_len ("", 0);
  if (fc_value_get_kind (value) == FC_VALUE_NUMBER && value->n >= 1 && is_whole (value->n))
    {
      char whole[WHOLE_DIGITS];
      const char *digits = format_whole ((guint64) value->n, whole);

      return fc_value_new_string_len (digits, strlen (digits));
    }
  return fc_value_new_string_take (fc_value_to_js_string (value));
}

/**
 * fc_value_type_name:
 * @value: a value
 *
 * The JavaScript type name of a value (`typeof`, with `array` and `null`
 * told apart), for messages.
 *
 * Returns: (transfer none): "String", "Number", "Boolean", "Array",
 *   "Object", "null" or "undefined"
 */
const char *
fc_value_type_name (const FcValue *value)
{
  static const char *const names[] = { "undefined", "null", "Boolean", "Number", "String", "Array", "Object" };
  return names[fc_value_get_kind (value)];
}

static void
append_json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/**
 * fc_value_append_json:
 * @value: a value
 * @out: where to append
 *
 * Appends compact JSON as `JSON.stringify` writes it: `undefined` members
 * are left out, `undefined` elements, NaN and infinities become `null`.
 */
void
fc_value_append_json (const FcValue *value, GString *out)
{
  gboolean first = TRUE;

  switch (fc_value_get_kind (value))
    {
    case FC_VALUE_UNDEFINED:
    case FC_VALUE_NULL:
      g_string_append (out, "null");
      break;
    case FC_VALUE_BOOLEAN:
      g_string_append (out, value->b ? "true" : "false");
      break;
    case FC_VALUE_NUMBER:
      if (isnan (value->n) || isinf (value->n))
        g_string_append (out, "null");
      else
        append_number (out, value->n);
      break;
    case FC_VALUE_STRING:
      append_json_string (out, value->s);
      break;
    case FC_VALUE_ARRAY:
      g_string_append_c (out, '[');
      for (guint i = 0; i < value->array->len; i++)
        {
          if (i)
            g_string_append_c (out, ',');
          fc_value_append_json (g_ptr_array_index (value->array, i), out);
        }
      g_string_append_c (out, ']');
      break;
    case FC_VALUE_OBJECT:
      g_string_append_c (out, '{');
      for (guint i = 0; i < fc_value_object_get_size (value); i++)
        {
          Member *m = &value->object->members[i];
          if (m->value->kind == FC_VALUE_UNDEFINED)
            continue;
          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          append_json_string (out, fc_value_member_key (m));
          g_string_append_c (out, ':');
          fc_value_append_json (m->value, out);
        }
      g_string_append_c (out, '}');
      break;
    }
}

/**
 * fc_value_to_json:
 * @value: a value
 *
 * The value as compact JSON text (`undefined` members are left out, as
 * JSON.stringify() does).
 *
 * Returns: (transfer full): compact JSON text of @value
 */
char *
fc_value_to_json (const FcValue *value)
{
  GString *out = g_string_new (NULL);
  fc_value_append_json (value, out);
  return g_string_free (out, FALSE);
}
