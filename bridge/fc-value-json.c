/* fc-value-json.c: reading JSON text into an FcValue (cJSON parses; a
 * position in every error). Writing JSON is fc_value_append_json() in
 * fc-value-js.c. */
#include <string.h>
#include <cjson/cJSON.h>

#include "fc-bridge-private.h"

static FcValue *
from_cjson (const cJSON *j)
{
  FcValue *v;

  if (cJSON_IsNull (j))
    return fc_value_new_null ();
  if (cJSON_IsBool (j))
    return fc_value_new_boolean (cJSON_IsTrue (j));
  if (cJSON_IsNumber (j))
    return fc_value_new_number (j->valuedouble);
  if (cJSON_IsString (j))
    return fc_value_new_string (j->valuestring);
  if (cJSON_IsArray (j))
    {
      v = fc_value_new_array ();
      for (const cJSON *c = j->child; c; c = c->next)
        fc_value_array_append (v, from_cjson (c));
      return v;
    }
  if (cJSON_IsObject (j))
    {
      v = fc_value_new_object ();
      for (const cJSON *c = j->child; c; c = c->next)
        fc_value_object_set (v, c->string, from_cjson (c));
      return v;
    }
  return fc_value_new_undefined ();
}

/* The line and column (in characters, from 1) of @at in @text. */
static void
text_position (const char *text, const char *at, int *line, int *col)
{
  *line = 1, *col = 1;
  for (const char *p = text; at && p < at; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        (*line)++, *col = 1;
      else
        (*col)++;
    }
}

/* How many arrays and objects are open at @at in @text (strings skipped). */
static int
depth_at (const char *text, const char *at)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (const char *p = text; *p && p <= at; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1])
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '[' || *p == '{')
        depth++;
      else if (*p == ']' || *p == '}')
        depth--;
    }
  return depth;
}

/* The first \u0000 escape inside a string of valid JSON @text, or NULL. */
static const char *
find_nul_escape (const char *text)
{
  gboolean in_string = FALSE;

  if (!strstr (text, "\\u0000"))
    return NULL;
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        in_string = !in_string;
      else if (in_string && *p == '\\')
        {
          if (strncmp (p + 1, "u0000", 5) == 0)
            return p;
          p++; /* the escaped character (valid JSON: never the NUL) */
        }
    }
  return NULL;
}

/**
 * fc_value_from_json:
 * @text: JSON text
 * @error: return location for a %FC_BRIDGE_ERROR_BAD_JSON error
 *
 * Parses JSON text into a value; a syntax error is reported with its line
 * and column.
 *
 * Returns: (transfer full) (nullable): the value
 */
FcValue *
fc_value_from_json (const char *text, GError **error)
{
  const char *end = NULL, *nul;
  cJSON *j;
  FcValue *v;
  int line, col;

  g_return_val_if_fail (text != NULL, NULL);
  if (!g_utf8_validate (text, -1, &end))
    {
      text_position (text, end, &line, &col);
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON,
                   "%d:%d: invalid UTF-8; expected JSON text in UTF-8", line, col);
      return NULL;
    }
  j = cJSON_ParseWithOpts (text, &end, TRUE);
  if (!j)
    {
      text_position (text, end, &line, &col);
      /* cJSON refuses deeper nesting as it refuses bad syntax */
      if (end && depth_at (text, end) > CJSON_NESTING_LIMIT)
        g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON,
                     "%d:%d: arrays and objects nested deeper than %d levels",
                     line, col, CJSON_NESTING_LIMIT);
      else
        g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON,
                     "%d:%d: malformed JSON", line, col);
      return NULL;
    }
  /* cJSON's strings end at a NUL: "a\u0000/../x" would silently become
   * "a", a path or value other than the one written */
  if ((nul = find_nul_escape (text)))
    {
      cJSON_Delete (j);
      text_position (text, nul, &line, &col);
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON,
                   "%d:%d: \\u0000 in a string: strings cannot hold NUL "
                   "characters", line, col);
      return NULL;
    }
  v = from_cjson (j);
  cJSON_Delete (j);
  return v;
}
