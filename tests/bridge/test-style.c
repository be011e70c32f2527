/* Lengths and inline styles of built-in elements. */
#include <fc-bridge.h>

typedef struct {
  const char *text;
  gboolean valid;
  double px; /* on a 375x667 page, parent 200; -1 auto */
} Row;

static const Row rows[] = {
  { "16px", TRUE, 16 },
  { "750rpx", TRUE, 375 },
  { "80rpx", TRUE, 40 },
  { "100vw", TRUE, 375 },
  { "16vw", TRUE, 60 },
  { "100vh", TRUE, 667 },
  { "50%", TRUE, 100 },
  { " 12.5px ", TRUE, 12.5 },
  { "0", TRUE, 0 },
  { "auto", TRUE, -1 },
  { "12", FALSE, 0 },
  { "px", FALSE, 0 },
  { "12em", FALSE, 0 },
  { "", FALSE, 0 },
  { "abc", FALSE, 0 },
};

static void
test_length (gconstpointer p)
{
  const Row *row = p;
  FcLength l;
  g_assert_cmpint (fc_length_parse (row->text, &l), ==, row->valid);
  if (row->valid)
    g_assert_cmpfloat_with_epsilon (fc_length_resolve (&l, 375, 667, 200), row->px, 1e-9);
}

static void
test_style (void)
{
  g_autoptr (FcValue) s = fc_style_parse ("width: 100vw;height: 100vh; COLOR : red;bad;width:50%; :x");
  g_autofree char *json = fc_value_to_json (s);
  FcLength l;
  g_assert_cmpstr (json, ==, "{\"width\":\"50%\",\"height\":\"100vh\",\"color\":\"red\"}");
  g_assert_true (fc_style_get_length (s, "height", &l));
  g_assert_cmpint (l.unit, ==, FC_LENGTH_VH);
  g_assert_false (fc_style_get_length (s, "color", &l));
  g_assert_false (fc_style_get_length (s, "top", &l));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Bridge/Style/length/%u", i);
      g_test_add_data_func (path, &rows[i], test_length);
    }
  g_test_add_func ("/Bridge/Style/declarations", test_style);
  return g_test_run ();
}
