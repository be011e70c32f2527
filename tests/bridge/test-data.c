/* Table-driven tests of setData paths. */
#include <fc-bridge.h>

typedef struct {
  const char *name;
  const char *before;
  const char *key;
  const char *value;
  const char *after; /* NULL: the key is malformed */
} Row;

static const Row rows[] = {
  { "top", "{}", "a", "1", "{\"a\":1}" },
  { "replace", "{\"a\":1}", "a", "2", "{\"a\":2}" },
  { "nested", "{\"a\":{\"b\":1}}", "a.b", "2", "{\"a\":{\"b\":2}}" },
  { "index", "{\"a\":[1,2]}", "a[1]", "9", "{\"a\":[1,9]}" },
  { "index-grow", "{\"a\":[1]}", "a[2]", "9", "{\"a\":[1,null,9]}" },
  { "deep-mixed", "{\"l\":[{\"t\":\"a\"}]}", "l[0].t", "\"x\"", "{\"l\":[{\"t\":\"x\"}]}" },
  { "missing-object", "{}", "a.b.c", "1", "{\"a\":{\"b\":{\"c\":1}}}" },
  { "missing-array", "{}", "a[0]", "1", "{\"a\":[1]}" },
  { "missing-array-then-object", "{}", "a[1].b", "1", "{\"a\":[null,{\"b\":1}]}" },
  { "missing-nested-array", "{}", "a[0][1]", "1", "{\"a\":[[null,1]]}" },
  { "scalar-replaced", "{\"a\":5}", "a.b", "1", "{\"a\":{\"b\":1}}" },
  { "null-replaced", "{\"a\":null}", "a[0]", "1", "{\"a\":[1]}" },
  /* glass-easel: [N] needs an array and .x an object; the other kind of
   * container is replaced (an object was kept and given key "0" here) */
  { "object-index-replaced", "{\"a\":{\"k\":1}}", "a[1]", "5", "{\"a\":[null,5]}" },
  { "array-name-replaced", "{\"a\":[1,2]}", "a.x", "5", "{\"a\":{\"x\":5}}" },
  { "array-digit-name-replaced", "{\"a\":[1,2]}", "a.0", "5", "{\"a\":{\"0\":5}}" },
  { "string-index-replaced", "{\"a\":\"str\"}", "a[0]", "5", "{\"a\":[5]}" },
  { "object-deep-index-replaced", "{\"a\":{\"b\":{}}}", "a.b[1].c", "2", "{\"a\":{\"b\":[null,{\"c\":2}]}}" },
  { "object-numeric-key", "{\"a\":{}}", "a.0", "1", "{\"a\":{\"0\":1}}" },
  { "escaped-dot", "{}", "a\\.b", "1", "{\"a.b\":1}" },
  { "escaped-bracket", "{}", "a\\[0]", "1", "{\"a[0]\":1}" },
  { "escaped-backslash", "{}", "a\\\\b", "1", "{\"a\\\\b\":1}" },
  { "object-value", "{}", "o", "{\"x\":[1]}", "{\"o\":{\"x\":[1]}}" },
  { "bad-empty", "{}", "", "1", NULL },
  { "bad-double-dot", "{}", "a..b", "1", NULL },
  { "bad-leading-dot", "{}", ".a", "1", NULL },
  { "bad-trailing-dot", "{}", "a.", "1", NULL },
  { "bad-index", "{}", "a[x]", "1", NULL },
  { "bad-unclosed", "{}", "a[0", "1", NULL },
  { "bad-negative", "{}", "a[-1]", "1", NULL },
  { "bad-after-index", "{}", "a[0]b", "1", NULL },
  { "bad-leading-index", "{}", "[0]", "1", NULL },
  /* found by tests/fuzz: a dense array of 300 million values */
  { "bad-huge-index", "{}", "q[300000000]", "1", NULL },
};

static void
test_row (gconstpointer p)
{
  const Row *row = p;
  g_autoptr (GError) error = NULL;
  g_autoptr (FcValue) root = fc_value_from_json (row->before, NULL);
  g_autoptr (FcValue) value = fc_value_from_json (row->value, NULL);
  g_autoptr (FcValue) old = fc_value_ref (root);
  g_autofree char *old_json = fc_value_to_json (old);
  FcDataPath *path = fc_data_path_parse (row->key, &error);

  if (!row->after)
    {
      g_assert_null (path);
      g_assert_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_PATH);
      return;
    }
  g_assert_no_error (error);
  fc_data_set (&root, path, value);
  {
    g_autofree char *json = fc_value_to_json (root);
    g_autofree char *old_after = fc_value_to_json (old);
    g_assert_cmpstr (json, ==, row->after);
    /* copy on write: the old root is untouched */
    g_assert_cmpstr (old_after, ==, old_json);
    g_assert_true (fc_value_equal (fc_data_get (root, path), value));
  }
  fc_data_path_free (path);
}

typedef struct {
  const char *a, *b;
  gboolean overlaps;
} OverlapRow;

static const OverlapRow overlap_rows[] = {
  { "a", "a", TRUE },
  { "a", "a.b", TRUE },
  { "a.b", "a", TRUE },
  { "a.b", "a.c", FALSE },
  { "a[0]", "a.0", TRUE },
  { "a[0]", "a[1]", FALSE },
  { "ab", "a", FALSE },
  /* an index set can change the array's length (glass-easel updates
   * {{list.length}} when list[2] is set) */
  { "l[2]", "l.length", TRUE },
  { "l.length", "l[2]", TRUE },
  { "l[2].x", "l.length", TRUE },
  { "l.x", "l.length", FALSE },
  { "l[2]", "l.size", FALSE },
};

static void
test_overlap (gconstpointer p)
{
  const OverlapRow *row = p;
  FcDataPath *a = fc_data_path_parse (row->a, NULL);
  FcDataPath *b = fc_data_path_parse (row->b, NULL);
  g_assert_cmpint (fc_data_path_overlaps (a, b), ==, row->overlaps);
  fc_data_path_free (a);
  fc_data_path_free (b);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Data/set/%s", rows[i].name);
      g_test_add_data_func (path, &rows[i], test_row);
    }
  for (guint i = 0; i < G_N_ELEMENTS (overlap_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Data/overlap/%u", i);
      g_test_add_data_func (path, &overlap_rows[i], test_overlap);
    }
  return g_test_run ();
}
