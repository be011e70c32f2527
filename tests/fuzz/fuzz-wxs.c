/* fuzz-wxs: WXS module sources. The input is one or two `.wxs` files
 * (utils/m.wxs, and utils/n.wxs which the first may require(), split at
 * FUZZ_SEPARATOR), loaded as a page's module; what loads is called from
 * bindings (a function, a member, a call with page data, again after a
 * setData). The runaway budget is lowered (FC_WXS_TIME_MS) so that a loop
 * costs a fuzzing run 20 ms, not the default 500. */
#include "fuzz-common.h"

static FcValue *page_data;
static FcValue *changes;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  g_setenv ("FC_WXS_TIME_MS", "20", TRUE);
  page_data = fc_value_from_json ("{\"a\":{\"b\":[1,2,{\"c\":\"x\"}]},\"n\":3.5,\"s\":\"hé\",\"z\":null}", NULL);
  changes = fc_value_from_json ("{\"n\":-1,\"a.b[1]\":\"y\",\"s\":\"\"}", NULL);
  g_assert (page_data && changes);
  return 0;
}

static void
on_warning (FcPage *page, const char *message, gpointer user_data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = fc_page_new (NULL, NULL);
  char *parts[2];

  fuzz_split (text, parts, 2);
  if (!g_utf8_validate (parts[0], -1, NULL) || (parts[1] && !g_utf8_validate (parts[1], -1, NULL)))
    return 0;
  g_signal_connect (page, "warning", G_CALLBACK (on_warning), NULL);
  fc_page_add_file (page, "utils/m.wxs", parts[0]);
  if (parts[1])
    fc_page_add_file (page, "utils/n.wxs", parts[1]);
  if (!fc_page_load (page, NULL, NULL,
                     "<wxs module=\"m\" src=\"../../utils/m.wxs\"/>\n"
                     "<view id=\"v\" data-x=\"{{m.f(a, n, s)}}\">{{m.f(n)}} {{m.k}} {{m.f}} {{m.g.h(z)}}</view>\n"
                     "<view wx:for=\"{{a.b}}\">{{m.f(item, index)}}</view>",
                     "pages/index/index.fxml", page_data, &error))
    {
      g_assert (error && error->message);
      return 0;
    }
  g_assert_no_error (error);
  if (!fc_page_set_data (page, changes, &error))
    g_assert (error);
  return 0;
}
