/* fuzz-data: setData path keys. Each input line is `KEY` or `KEY<TAB>JSON`
 * (a missing or bad JSON value sets the number of the line). Every key is
 * parsed (fc_data_path_parse), printed back, compared with the others,
 * applied to a private copy of the data (fc_data_set, fc_data_get) and to
 * a mounted page's data (fc_page_set_data_path, then fc_page_set_data
 * with all lines as one changes object). */
#include "fuzz-common.h"

static const char *start_json =
  "{\"a\":{\"b\":[10,20,{\"c\":\"x\"}],\"k\":\"v\"},\"l\":[{\"t\":\"a\"},{\"t\":\"b\"}],"
  "\"show\":false,\"n\":5,\"s\":\"hi\",\"z\":null}";
static const char *page_fxml =
  "<view id=\"v\" data-x=\"{{a.k}}\">{{a.b[0]}} {{s}}</view>\n"
  "<view wx:for=\"{{l}}\" wx:key=\"t\">{{item.t}} {{index}}</view>\n"
  "<view wx:if=\"{{show}}\">{{n + 1}}</view><view wx:else>{{a.b[2].c}}</view>\n"
  "<kb id=\"k\" show=\"{{show}}\" title=\"{{s}}\" z-index=\"{{n}}\" extraKey=\"{{a.b}}\"/>\n";
static const char *page_json = "{\"usingComponents\":{\"kb\":\"plugin://virtual-keyboard/keyboard\"}}";
static const char *app_json =
  "{\"plugins\":{\"virtual-keyboard\":{\"version\":\"1.0.0\",\"provider\":\"fc-virtual-keyboard\"}}}";

static FcRegistry *registry;
static FcCallbackScope *scope;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  registry = fuzz_registry_new ();
  scope = fuzz_scope_new ();
  return 0;
}

#define FUZZ_MAX_ITEMS 10000

static gboolean
long_list (const FcDataPath *path)
{
  for (guint k = 0; k < path->len; k++)
    if (g_array_index (path, FcPathSegment, k).is_index
        && g_array_index (path, FcPathSegment, k).index >= FUZZ_MAX_ITEMS)
      return TRUE;
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_auto (GStrv) lines = g_strsplit (text, "\n", 64);
  g_autoptr (FcValue) start = fc_value_from_json (start_json, NULL);
  g_autoptr (FcValue) copy = fc_value_ref (start);
  g_autoptr (FcValue) changes = fc_value_new_object ();
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_data_path_free);
  g_autoptr (FcPage) page = fc_page_new (registry, scope);
  g_autoptr (GError) error = NULL;
  guint warnings = 0;

  g_signal_connect (page, "warning", G_CALLBACK (fuzz_on_warning), &warnings);
  /* a host's smaller element budget: every list rebuild stays small */
  fc_page_set_max_elements (page, 5000);
  if (!fc_page_load (page, app_json, page_json, page_fxml, "fuzz.fxml", start, &error))
    {
      g_printerr ("fuzz-data: the fixed page does not load: %s\n", error->message);
      abort ();
    }

  for (guint i = 0; lines[i]; i++)
    {
      char *tab = strchr (lines[i], '\t');
      g_autoptr (FcValue) value = NULL;
      g_autoptr (GError) local = NULL;
      FcDataPath *path;

      if (tab)
        {
          *tab = '\0';
          value = fc_value_from_json (tab + 1, NULL);
        }
      if (!value)
        value = fc_value_new_number (i);

      path = fc_data_path_parse (lines[i], &local);
      if (path)
        {
          g_autofree char *back = fc_data_path_to_string (path);
          (void) back;
          FcValue *got;
          for (guint j = 0; j < paths->len; j++)
            (void) fc_data_path_overlaps (path, g_ptr_array_index (paths, j));
          fc_data_set (&copy, path, value);
          got = fc_data_get (copy, path); /* transfer none */
          if (got)
            (void) fc_value_get_kind (got);
          g_ptr_array_add (paths, path);
        }
      else
        g_assert (local != NULL);
      g_clear_error (&local);

      /* a list grown to 1,000,000 items (the largest index setData takes)
       * costs seconds a setData line under the sanitizers even within the
       * page's element budget (the data and the lists' item arrays are
       * that long; the ten-minute run timed out on `l[49999]` with a
       * budget of 5,000): here lists on the page stay under FUZZ_MAX_ITEMS
       * (fc_data_set above took any index) */
      if (path && long_list (path))
        continue;
      if (!fc_page_set_data_path (page, lines[i], value, &local))
        g_assert (local != NULL);
      fc_value_object_set (changes, lines[i], fc_value_ref (value));
    }
  if (!fc_page_set_data (page, changes, &error))
    g_assert (error != NULL);
  {
    g_autofree char *json = fc_value_to_json (fc_page_get_data (page));
    (void) json;
  }
  return 0;
}
