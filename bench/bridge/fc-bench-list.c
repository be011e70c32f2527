/* fc-bench-list.c: issue 16's page in fc-bench-bridge (bench/listpage, a
 * mini-program folder): 100 items, each a local component (`card`, its own
 * template with a slot) holding a template imported from another file.
 * Mounts it through FcApp as a host does, then sets one item's field. */
#include <stdio.h>

#include "fc-bench-list.h"

#define LIST_WARM_UP 50

/* what a person reads in card @id: its own title and price around the
 * slot, and in the slot the imported row template */
static void
append_text (FcElement *el, GString *out)
{
  const char *text = fc_element_get_text (el);
  if (text)
    g_string_append (out, text);
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    append_text (fc_element_get_child (el, i), out);
}

static char *
card_text (FcPage *page, const char *id)
{
  g_autofree char *sel = g_strdup_printf ("#%s >>> view", id);
  GString *out = g_string_new (NULL);
  FcElement *el = fc_page_select (page, sel);

  if (el)
    append_text (el, out);
  return g_string_free (out, FALSE);
}

static void
mount_list (FcApp *app, FcRegistry *registry, FcCallbackScope *scope, FcValue *data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FcPage) page = fc_page_new (registry, scope);

  if (!fc_app_load_page (app, page, "pages/list/list", data, &error))
    g_error ("%s", error->message);
}

static G_GNUC_NO_INLINE double
bench_list_mount (FcApp *app, FcRegistry *registry, FcCallbackScope *scope, FcValue *data, int n)
{
  gint64 t0 = g_get_monotonic_time ();

  for (int i = 0; i < n; i++)
    mount_list (app, registry, scope, data);
  return (g_get_monotonic_time () - t0) / (double) n;
}

static G_GNUC_NO_INLINE double
bench_list_set_data (FcPage *page, int n)
{
  gint64 t0 = g_get_monotonic_time ();

  for (int i = 0; i < n; i++)
    {
      g_autoptr (FcValue) set = fc_value_new_object ();
      fc_value_object_set (set, "items[42].price", fc_value_new_number (i));
      fc_page_set_data (page, set, NULL);
    }
  return (g_get_monotonic_time () - t0) / (double) n;
}

void
fc_bench_list (const char *root, FcRegistry *registry, FcCallbackScope *scope, int n_mount, int n_ops)
{
  g_autofree char *dir = g_build_filename (root, "bench", "listpage", NULL);
  g_autofree char *data_path = g_build_filename (dir, "pages", "list", "list.data.json", NULL);
  g_autofree char *data_text = NULL, *text = NULL, *expected = NULL;
  g_autoptr (FcPluginStore) store = fc_plugin_store_new ();
  g_autoptr (FcValue) data = NULL;
  g_autoptr (FcApp) app = NULL;
  g_autoptr (FcPage) page = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_file_get_contents (data_path, &data_text, NULL, &error) || !(data = fc_value_from_json (data_text, &error))
      || !(app = fc_app_new_from_dir (store, dir, &error)))
    g_error ("%s", error->message);
  /* warm, as the peer is (bench/glass-easel/bench.js mounts the page 50
   * times before it times 200): the first mount reads and parses the
   * page's and its component's files, which later ones share */
  for (int i = 0; i < LIST_WARM_UP; i++)
    mount_list (app, registry, scope, data);
  printf ("mount list page (100 cards): %8.2f us/op\n", bench_list_mount (app, registry, scope, data, n_mount));

  page = fc_page_new (registry, scope);
  if (!fc_app_load_page (app, page, "pages/list/list", data, &error))
    g_error ("%s", error->message);
  text = card_text (page, "card-42");
  g_assert_cmpstr (text, ==, "Item 42Item 42420420");
  printf ("setData({'items[42].price'}): %8.3f us/op\n", bench_list_set_data (page, n_ops));
  g_free (text);
  text = card_text (page, "card-42");
  expected = g_strdup_printf ("Item 42Item 42%d%d", n_ops - 1, n_ops - 1);
  g_assert_cmpstr (text, ==, expected);
}
