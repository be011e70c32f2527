/* fuzz-prompt: the recorder's stepList and the textList renderer
 * (video-recognition/fc-steps.c, fc-prompt-render.c). The input is a
 * page's stepList as JSON, converted as the bridge hands it to the
 * recorder (fc_value_from_json, fc_value_to_variant: the plugin's path,
 * then what fc-prompts.c does at prepare: fc_step_list_new).
 * Every step is laid out and drawn onto a small ARGB32 overlay (the
 * picture the view shows and burn-in blends), at a few `top` values; the
 * active step is asked at a few times and the WebVTT timeline is made.
 * A JSON value that is not an array goes through fc_step_list_new too
 * (it must fail with FC_STEP_LIST_ERROR). */
#include "fuzz-common.h"

#include <math.h>

#include "../../video-recognition/fc-prompt-render.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  /* fontconfig reads the system's configuration once; no per-user cache
   * is written into the home directory */
  g_setenv ("XDG_CACHE_HOME", g_get_tmp_dir (), FALSE);
  return 0;
}

static void
on_warning (const char *message, gpointer user_data)
{
  guint *n = user_data;

  g_assert (message != NULL && *message != '\0');
  (*n)++;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_autoptr (FcValue) value = fc_value_from_json (text, NULL);
  g_autoptr (GVariant) variant = NULL;
  g_autoptr (FcStepList) list = NULL;
  g_autoptr (GError) error = NULL;
  static const double tops[] = { 20, 0, -40 };
  static const gint64 times[] = { -1, 0, 1, 999, 5000, G_MAXINT64 };
  guint warnings = 0;
  guint n;

  if (!value)
    return 0;
  variant = fc_value_to_variant (value);
  list = fc_step_list_new (variant, on_warning, &warnings, &error);
  if (!list)
    {
      g_assert (error != NULL && error->domain == FC_STEP_LIST_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  n = fc_step_list_get_n_steps (list);
  g_assert (n <= FC_STEP_LIST_MAX);
  for (guint i = 0; i < n; i++)
    {
      const FcStep *step = fc_step_list_get_step (list, i);
      g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (FcPromptSpanBox));
      FcViewport vp = { 96, 160 };

      g_assert (step != NULL);
      for (guint t = 0; t < G_N_ELEMENTS (tops); t++)
        {
          double bottom = fc_prompt_layout (step, &vp, tops[t], boxes);

          (void) bottom;
        }
      for (guint b = 0; b < boxes->len; b++)
        {
          const FcPromptSpanBox *box = &g_array_index (boxes, FcPromptSpanBox, b);

          g_assert (box->line < step->lines->len);
        }
      {
        cairo_surface_t *overlay = fc_prompt_render_overlay (step, NULL, 96, 160, 20);

        g_assert (cairo_surface_status (overlay) == CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (overlay);
      }
    }
  for (guint t = 0; t < G_N_ELEMENTS (times); t++)
    {
      int active = fc_step_list_active_at (list, times[t]);

      g_assert (active >= -1 && active < (int) n);
    }
  {
    g_autofree char *vtt = fc_step_list_to_webvtt (list, 10000);

    g_assert (vtt != NULL && g_str_has_prefix (vtt, "WEBVTT"));
  }
  return 0;
}
