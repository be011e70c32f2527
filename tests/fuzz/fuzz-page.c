/* fuzz-page: a whole page, headless. Input: FXML ---- DATA_JSON ----
 * SETDATA (parts separated by a line `----`, see README.md). The fxml is
 * mounted with DATA_JSON (when it parses as an object) through
 * fc_page_load() with the two test components of `issues show 3`
 * (`kb`: plugin://virtual-keyboard/keyboard, `rec`:
 * plugin://video/video-recognition, as declared in app.json/page json);
 * then each line of SETDATA that parses as a JSON object is a setData
 * call, a line that does not is a key set to the line number; the virtual
 * clock moves between calls, and the events of both components are
 * triggered on every element with an id so that every binding form runs. */
#include "fuzz-common.h"

static const char *page_json =
  "{\"usingComponents\":{\"kb\":\"plugin://virtual-keyboard/keyboard\","
  "\"rec\":\"plugin://video/video-recognition\"}}";
static const char *app_json =
  "{\"plugins\":{\"virtual-keyboard\":{\"version\":\"1.0.0\",\"provider\":\"fc-virtual-keyboard\"},"
  "\"video\":{\"version\":\"1.0.0\",\"provider\":\"fc-video-recognition\"}}}";

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

static void
on_navigate (FcPage *page, const char *url, gpointer user_data)
{
}

/* Triggers a few events on @el and its subtree (bounded: a page may have
 * thousands of elements). */
static void
poke (FcElement *el, guint *budget)
{
  static const char *const events[] = { "input", "tap", "onRecordEnd", "show" };
  const char *id = fc_element_get_id (el);
  if (*budget == 0)
    return;
  (*budget)--;
  if (id && *id)
    {
      g_autoptr (FcValue) detail = fc_value_new_object ();
      g_autoptr (FcValue) dataset = fc_element_dup_dataset (el);
      g_autoptr (FcValue) props = fc_element_dup_properties (el);
      (void) dataset;
      (void) props;
      fc_value_object_set (detail, "value", fc_value_new_string (id));
      for (guint i = 0; i < G_N_ELEMENTS (events); i++)
        fc_element_trigger_event (el, events[i], detail, i % 2 ? FC_EVENT_BUBBLES : FC_EVENT_NONE);
    }
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    poke (fc_element_get_child (el, i), budget);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  char *part[3];
  g_autoptr (FcPage) page = fc_page_new (registry, scope);
  g_autoptr (FcValue) d = NULL;
  g_autoptr (GError) error = NULL;
  guint warnings = 0, budget = 64;

  fuzz_split (text, part, 3);
  g_signal_connect (page, "warning", G_CALLBACK (fuzz_on_warning), &warnings);
  g_signal_connect (page, "navigate", G_CALLBACK (on_navigate), NULL);
  if (part[1])
    d = fc_value_from_json (part[1], NULL);
  if (d && fc_value_get_kind (d) != FC_VALUE_OBJECT)
    g_clear_pointer (&d, fc_value_unref);

  if (!fc_page_load (page, app_json, page_json, part[0], "fuzz.fxml", d, &error))
    {
      g_assert (error != NULL);
      return 0;
    }
  if (fc_page_get_root (page))
    poke (fc_page_get_root (page), &budget);

  if (part[2])
    {
      g_auto (GStrv) lines = g_strsplit (part[2], "\n", 32);
      for (guint i = 0; lines[i]; i++)
        {
          g_autoptr (FcValue) changes = fc_value_from_json (lines[i], NULL);
          g_autoptr (GError) local = NULL;
          gboolean ok;
          if (changes && fc_value_get_kind (changes) == FC_VALUE_OBJECT)
            ok = fc_page_set_data (page, changes, &local);
          else
            {
              g_autoptr (FcValue) n = fc_value_new_number (i);
              ok = fc_page_set_data_path (page, lines[i], n, &local);
            }
          if (!ok)
            g_assert (local != NULL);
          fc_page_advance (page, 16);
        }
      budget = 64;
      if (fc_page_get_root (page))
        poke (fc_page_get_root (page), &budget);
    }
  {
    g_autofree char *json = fc_value_to_json (fc_page_get_data (page));
    (void) json;
  }
  (void) fc_page_get_n_elements (page);
  return 0;
}
