/* fc-data.c: setData path keys and copy-on-write updates of page data. */
#include <string.h>

#include "fc-bridge-private.h"

static void
clear_segment (gpointer p)
{
  g_free (((FcPathSegment *) p)->key);
}

/**
 * fc_data_path_new:
 *
 * Creates an empty data path, to which fc_data_path_append() adds
 * segments.
 *
 * Returns: (transfer full): an empty path
 */
FcDataPath *
fc_data_path_new (void)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (FcPathSegment));
  g_array_set_clear_func (a, clear_segment);
  return a;
}

/**
 * fc_data_path_append:
 * @path: a path
 * @key: the member name, or the index in decimal
 * @is_index: whether the segment is an index
 * @index: the index when @is_index
 *
 * Adds one segment to a data path: a member name, or an array index
 * written `[N]`.
 */
void
fc_data_path_append (FcDataPath *path, const char *key, gboolean is_index, guint index)
{
  FcPathSegment s = { g_strdup (key), is_index, index };
  g_array_append_val (path, s);
}

/**
 * fc_data_path_free:
 * @path: (nullable): a path
 *
 * Frees a data path and its segments.
 */
void
fc_data_path_free (FcDataPath *path)
{
  if (path)
    g_array_unref (path);
}

/**
 * fc_data_path_parse:
 * @key: a setData key such as `a.b[0].c`; `\.` `\[` `\\` escape
 * @error: return location for a %FC_BRIDGE_ERROR_BAD_PATH error
 *
 * Parses a setData key (`a.b[0].c`) into its segments, refusing a
 * malformed key, an index above %FC_DATA_MAX_INDEX or more than
 * %FC_DATA_MAX_SEGMENTS segments.
 *
 * Returns: (transfer full) (nullable): the path
 */
FcDataPath *
fc_data_path_parse (const char *key, GError **error)
{
  FcDataPath *path = fc_data_path_new ();
  GString *seg = g_string_new (NULL);
  const char *p = key;

  while (TRUE)
    {
      /* a field name, with backslash escapes */
      g_string_truncate (seg, 0);
      while (*p && *p != '.' && *p != '[')
        {
          if (*p == '\\' && p[1])
            p++;
          g_string_append_c (seg, *p++);
        }
      if (seg->len == 0)
        goto bad;
      if (path->len >= FC_DATA_MAX_SEGMENTS)
        goto too_deep;
      fc_data_path_append (path, seg->str, FALSE, 0);
      /* any number of [N] */
      while (*p == '[')
        {
          guint64 n;
          const char *close = strchr (p, ']');
          g_autofree char *num = NULL;
          if (!close || close == p + 1)
            goto bad;
          num = g_strndup (p + 1, close - p - 1);
          if (!g_ascii_string_to_unsigned (num, 10, 0, G_MAXUINT32, &n, NULL))
            goto bad;
          /* arrays are dense here: a[300000000] would allocate them all */
          if (n > FC_DATA_MAX_INDEX)
            {
              g_string_free (seg, TRUE);
              fc_data_path_free (path);
              g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_PATH,
                           "setData key \"%s\": index %" G_GUINT64_FORMAT " is larger than %u",
                           key, n, (guint) FC_DATA_MAX_INDEX);
              return NULL;
            }
          if (path->len >= FC_DATA_MAX_SEGMENTS)
            goto too_deep;
          fc_data_path_append (path, num, TRUE, (guint) n);
          p = close + 1;
        }
      if (*p == '\0')
        break;
      if (*p != '.')
        goto bad;
      p++;
    }
  g_string_free (seg, TRUE);
  return path;

bad:
  g_string_free (seg, TRUE);
  fc_data_path_free (path);
  g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_PATH,
               "malformed setData key \"%s\"", key);
  return NULL;

too_deep:
  {
    /* the key itself may be megabytes: quote its first characters */
    g_autofree char *start = g_utf8_validate (key, -1, NULL) ? g_utf8_substring (key, 0, 32)
                                                             : g_strndup (key, 32);

    g_string_free (seg, TRUE);
    fc_data_path_free (path);
    g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_PATH,
                 "setData key \"%s...\" (%zu bytes): more than %d segments",
                 start, strlen (key), FC_DATA_MAX_SEGMENTS);
    return NULL;
  }
}

/**
 * fc_data_path_to_string:
 * @path: a path
 *
 * Writes a data path back as a setData key, for messages.
 *
 * Returns: (transfer full): the path as `a.b[0]`
 */
char *
fc_data_path_to_string (const FcDataPath *path)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < path->len; i++)
    {
      FcPathSegment *seg = &g_array_index (path, FcPathSegment, i);
      if (seg->is_index)
        g_string_append_printf (s, "[%u]", seg->index);
      else
        {
          if (i)
            g_string_append_c (s, '.');
          for (const char *c = seg->key; *c; c++)
            {
              if (*c == '.' || *c == '[' || *c == '\\')
                g_string_append_c (s, '\\');
              g_string_append_c (s, *c);
            }
        }
    }
  return g_string_free (s, FALSE);
}

/**
 * fc_data_path_overlaps:
 * @a: a path
 * @b: a path
 *
 * Whether one path is a prefix of the other: a change at one can change
 * the value at the other. This is how `setData` finds the bindings to
 * re-evaluate.
 *
 * Whether a change at one path can change the value at the other: one is a
 * prefix of the other, or one is `x[N]` and the other `x.length` (setting
 * an index can grow an array). `a[0]` and `a.0` name the same member.
 *
 * Returns: whether @a and @b overlap
 */
gboolean
fc_data_path_overlaps (const FcDataPath *a, const FcDataPath *b)
{
  guint n = MIN (a->len, b->len);
  for (guint i = 0; i < n; i++)
    {
      const FcPathSegment *sa = &g_array_index (a, FcPathSegment, i);
      const FcPathSegment *sb = &g_array_index (b, FcPathSegment, i);
      if (strcmp (sa->key, sb->key) == 0)
        continue;
      /* setting list[2] on a two-item list changes list.length (glass-easel
       * reports it: the paging pattern setData({['list[' + n + ']']: x})) */
      return (sa->is_index && strcmp (sb->key, "length") == 0)
             || (sb->is_index && strcmp (sa->key, "length") == 0);
    }
  return TRUE;
}

static FcValue *
child_of (FcValue *v, const FcPathSegment *seg)
{
  switch (fc_value_get_kind (v))
    {
    case FC_VALUE_OBJECT:
      return fc_value_object_get (v, seg->key);
    case FC_VALUE_ARRAY:
      {
        guint64 n;
        if (!g_ascii_string_to_unsigned (seg->key, 10, 0, G_MAXUINT32, &n, NULL))
          return NULL;
        return fc_value_array_get (v, (guint) n);
      }
    default:
      return NULL;
    }
}

/**
 * fc_data_get:
 * @root: the data
 * @path: a path
 *
 * Reads the value at a data path of page data.
 *
 * Returns: (transfer none) (nullable): the value at @path
 */
FcValue *
fc_data_get (FcValue *root, const FcDataPath *path)
{
  FcValue *v = root;
  for (guint i = 0; v && i < path->len; i++)
    v = child_of (v, &g_array_index (path, FcPathSegment, i));
  return v;
}

/* Sets @value at @path from segment @i on under @node (nullable). A
 * container held only by its parent (reference count 1) is updated in
 * place: then NULL is returned and the parent needs no change. Otherwise
 * returns (transfer full) the container to put in @node's place: a shallow
 * copy of a shared @node, or a new one. */
static FcValue *
set_in (FcValue *node, const FcDataPath *path, guint i, FcValue *value)
{
  const FcPathSegment *seg = &g_array_index (path, FcPathSegment, i);
  FcValueKind kind = fc_value_get_kind (node);
  FcValue *container, *new_child;
  gboolean in_place = FALSE;

  /* Platform rule (glass-easel): an index segment `[N]` needs an array, a
   * named one (`.x`, `.0`) an object; anything else there (missing, a
   * scalar, the other kind of container) is replaced by a new [] or {}. */
  if (seg->is_index ? kind == FC_VALUE_ARRAY : kind == FC_VALUE_OBJECT)
    {
      /* setting a container inside itself (setData ("a", the page's own
       * data)) would make a cycle: it is copied instead, as JavaScript's
       * setData copies the value it is given */
      in_place = fc_value_is_exclusive (node) && node != value;
      container = in_place ? node : fc_value_shallow_copy (node);
    }
  else
    container = seg->is_index ? fc_value_new_array () : fc_value_new_object ();

  if (i + 1 == path->len)
    new_child = fc_value_ref (value);
  else
    {
      new_child = set_in (child_of (container, seg), path, i + 1, value);
      if (!new_child) /* the child changed in place */
        return in_place ? NULL : container;
    }

  if (fc_value_get_kind (container) == FC_VALUE_ARRAY)
    {
      guint64 n;
      if (g_ascii_string_to_unsigned (seg->key, 10, 0, FC_DATA_MAX_INDEX, &n, NULL))
        fc_value_array_set (container, (guint) n, new_child);
      else
        fc_value_unref (new_child);
    }
  else
    fc_value_object_set (container, seg->key, new_child);
  return in_place ? NULL : container;
}

/**
 * fc_data_set:
 * @root: (inout): the data; replaced by an updated copy
 * @path: where
 * @value: (transfer none): the new value
 *
 * Containers along @path that anyone else holds (a component's property,
 * a caller's reference) are copied shallowly, never modified, so values
 * handed out earlier keep their contents and a change is seen as one;
 * containers held only by @root's tree are updated in place.
 */
void
fc_data_set (FcValue **root, const FcDataPath *path, FcValue *value)
{
  FcValue *updated;

  g_return_if_fail (root && *root && path && path->len > 0);
  updated = set_in (*root, path, 0, value);
  if (updated)
    {
      fc_value_unref (*root);
      *root = updated;
    }
}
