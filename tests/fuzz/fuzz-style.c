/* fuzz-style: the recorder's CSS-like style values (video-recognition/
 * fc-style.c). The whole input, as a C string, goes through every string
 * parser (colours, lengths, margin/padding shorthand, font weights, text
 * alignment), and what parses is resolved to pixels in a few viewports.
 * When the input is a JSON object, it is also converted as the bridge
 * converts a page's data for the recorder (fc_value_from_json, then
 * fc_value_to_variant: the plugin's path) and applied as a buttonStyle
 * (then laid out) and as a textList line's style. */
#include "fuzz-common.h"

#include <math.h>

#include "../../video-recognition/fc-style.h"

static const FcViewport viewports[] = {
  { 375, 667 }, { 1, 1 }, { 0, 0 }, { 1920, 1080 },
};

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
on_warning (const char *message, gpointer user_data)
{
  guint *n = user_data;

  g_assert (message != NULL && *message != '\0');
  (*n)++;
}

static void
resolve (const FcCssLength *l)
{
  for (guint i = 0; i < G_N_ELEMENTS (viewports); i++)
    (void) fc_css_length_to_px (l, &viewports[i], 200);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_autoptr (FcValue) value = NULL;
  FcColor color;
  FcCssLength length, box[4];
  FcTextAlign align;
  int weight;
  guint warnings = 0;

  if (fc_color_parse (text, &color))
    {
      g_assert (color.r >= 0 && color.r <= 1 && color.g >= 0 && color.g <= 1);
      g_assert (color.b >= 0 && color.b <= 1 && color.a >= 0 && color.a <= 1);
    }
  if (fc_css_length_parse (text, &length))
    {
      g_assert (isfinite (length.value));
      resolve (&length);
    }
  if (fc_box_parse (text, box))
    for (int i = 0; i < 4; i++)
      resolve (&box[i]);
  if (fc_font_weight_parse (text, &weight))
    g_assert (weight >= 100 && weight <= 900);
  (void) fc_text_align_parse (text, &align);

  value = fc_value_from_json (text, NULL);
  if (value && fc_value_get_kind (value) == FC_VALUE_OBJECT)
    {
      g_autoptr (GVariant) dict = fc_value_to_variant (value);
      FcButtonStyle button;
      FcTextStyle style, child;
      FcRect rect;

      fc_button_style_init (&button);
      fc_button_style_apply (&button, dict, on_warning, &warnings);
      for (guint i = 0; i < G_N_ELEMENTS (viewports); i++)
        fc_button_style_layout (&button, &viewports[i], &rect);

      fc_text_style_init (&style);
      fc_text_style_apply (&style, dict, "stepList[0].textList[0]", on_warning,
                           &warnings);
      fc_text_style_inherit (&child, &style);
      fc_text_style_apply (&child, dict, "stepList[0].textList[0].text[0]",
                           on_warning, &warnings);
      resolve (&child.font_size);
      resolve (&child.width);
      resolve (&child.height);
      for (int i = 0; i < 4; i++)
        {
          resolve (&child.margin[i]);
          resolve (&child.padding[i]);
        }
    }
  return 0;
}
