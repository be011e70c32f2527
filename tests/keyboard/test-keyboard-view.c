/* The GTK 4 view under the virtual display: every key the core lays out
 * is a button at the place the core says, at least 44 px, labelled for
 * assistive technologies; presses and hardware keys go through the core;
 * themeColor reaches the pixels. Run through `./run test` (or
 * tests/testenv.sh); without a display the tests skip.
 *
 * Set FC_KEYBOARD_PNG_DIR to keep the rendered PNGs. */

#include "virtual-keyboard/fc-virtual-keyboard.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define WINDOW_WIDTH 720

typedef struct
{
  const char *name;
  const char *theme;
  const char *normal_type;
  const char *extra[4];
  gboolean random;
  const char *theme_color;
} ViewCase;

static const ViewCase view_cases[] = {
  { "number-default", "default", "number", { NULL }, FALSE, "#2e7cff" },
  { "number-default-extra1",
    "default",
    "number",
    { ".", NULL },
    FALSE,
    "#2e7cff" },
  { "number-default-extra3",
    "default",
    "number",
    { ".", "X", "00", NULL },
    FALSE,
    "#2e7cff" },
  { "number-custom", "custom", "number", { NULL }, FALSE, "#ff0000" },
  { "number-custom-extra1",
    "custom",
    "number",
    { ".", NULL },
    FALSE,
    "rgb(0, 160, 0)" },
  { "number-custom-extra2",
    "custom",
    "number",
    { ".", "X", NULL },
    FALSE,
    "#2e7cff" },
  { "number-custom-random", "custom", "number", { NULL }, TRUE, "orange" },
  { "letter-default", "default", "letter", { NULL }, FALSE, "#2e7cff" },
  { "letter-custom-random", "custom", "letter", { NULL }, TRUE, "#2e7cff" },
  { "symbol-default", "default", "symbol", { NULL }, FALSE, "#2e7cff" },
  { "symbol-custom", "custom", "symbol", { NULL }, FALSE, "#ff0000" },
};

static void
count_frame (GdkFrameClock *clock, guint *frames)
{
  (*frames)++;
}

/* Lets GTK lay out and paint: waits for two frames after now. */
static void
settle (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint frames = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame),
                         &frames);
  while ((frames < 2 || !gtk_widget_get_mapped (widget))
         && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  GskRenderer *renderer
      = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, w, h));
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *view;
  FcKeyboard *kb;
  GString *events;
} Harness;

static void
on_input (FcKeyboard *kb, const char *text, Harness *h)
{
  g_string_append_printf (h->events, "%sinput:%s", h->events->len ? " " : "",
                          text);
}
static void
on_delete (FcKeyboard *kb, Harness *h)
{
  g_string_append_printf (h->events, "%sdelete", h->events->len ? " " : "");
}
static void
on_close (FcKeyboard *kb, Harness *h)
{
  g_string_append_printf (h->events, "%sclose", h->events->len ? " " : "");
}

static void
harness_open (Harness *h, const ViewCase *c)
{
  GtkWidget *overlay, *background;

  h->kb = fc_keyboard_new ();
  h->events = g_string_new (NULL);
  fc_keyboard_set_transition_duration (h->kb, 0);
  g_object_set (h->kb, "theme", c->theme, "normal-type", c->normal_type,
                "is-random-number", c->random, "is-random-letter", c->random,
                "theme-color", c->theme_color, "title", "Enter your PIN", NULL);
  fc_keyboard_set_extra_key (h->kb, c->extra);
  g_signal_connect (h->kb, "input", G_CALLBACK (on_input), h);
  g_signal_connect (h->kb, "delete", G_CALLBACK (on_delete), h);
  g_signal_connect (h->kb, "close", G_CALLBACK (on_close), h);

  h->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (h->window), WINDOW_WIDTH, 560);
  overlay = gtk_overlay_new ();
  background = gtk_label_new ("page");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), background);
  h->view = fc_keyboard_view_new (h->kb);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), h->view);
  gtk_window_set_child (GTK_WINDOW (h->window), overlay);
  gtk_window_present (GTK_WINDOW (h->window));
  fc_keyboard_set_show (h->kb, TRUE);
  settle (h->window);
}

static void
harness_close (Harness *h)
{
  g_object_add_weak_pointer (G_OBJECT (h->view), (gpointer *)&h->view);
  gtk_window_destroy (GTK_WINDOW (h->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_string_free (h->events, TRUE);
  g_assert_null (h->view); /* the view went with its window */
  g_assert_finalize_object (h->kb);
}

static graphene_rect_t
bounds_of (GtkWidget *widget, GtkWidget *relative_to)
{
  graphene_rect_t r;

  g_assert_true (gtk_widget_compute_bounds (widget, relative_to, &r));
  return r;
}

static const char *
expected_accessible_label (const FcKeyboardKey *key)
{
  switch (key->kind)
    {
    case FC_KEYBOARD_KEY_DELETE:
      return "Delete";
    case FC_KEYBOARD_KEY_SPACE:
      return "Space";
    case FC_KEYBOARD_KEY_SHIFT:
      return "Shift";
    case FC_KEYBOARD_KEY_SWITCH:
      return g_str_equal (key->action, "layout:number")   ? "Numbers"
             : g_str_equal (key->action, "layout:letter") ? "Letters"
                                                          : "Symbols";
    default:
      return key->label;
    }
}

static void
check_key_widget (FcKeyboardView *view, const FcKeyboardKey *key,
                  graphene_rect_t *out)
{
  GtkWidget *button = fc_keyboard_view_get_key_widget (view, key);

  if (key->kind == FC_KEYBOARD_KEY_SPACER)
    {
      g_assert_null (button);
      return;
    }
  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (fc_keyboard_view_get_key_label (view, button), ==,
                   key->label);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button),
                                   GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       expected_accessible_label (key));
  *out = bounds_of (button, GTK_WIDGET (view));
  /* Large enough to touch. */
  g_assert_cmpfloat (out->size.width, >=, 44);
  g_assert_cmpfloat (out->size.height, >=, 44);
}

/* The widget tree agrees with the core: rows top to bottom, each key at
 * its column, as wide as its units, the sidebar right of everything. */
static void
check_positions (Harness *h)
{
  FcKeyboardView *view = FC_KEYBOARD_VIEW (h->view);
  double previous_row_y = -1, main_right = 0, main_top = G_MAXDOUBLE,
         main_bottom = 0;
  const FcKeyboardKey *sidebar;
  guint n_sidebar;

  for (guint r = 0; r < fc_keyboard_get_n_rows (h->kb); r++)
    {
      const FcKeyboardKey *keys;
      guint n, units = fc_keyboard_get_row_units (h->kb, r);
      double unit = 0, x0 = 0, y = -1;
      gboolean have_unit = FALSE;

      keys = fc_keyboard_get_row (h->kb, r, &n);
      for (guint i = 0; i < n; i++)
        {
          graphene_rect_t b;

          if (keys[i].kind == FC_KEYBOARD_KEY_SPACER)
            {
              check_key_widget (view, &keys[i], &b);
              continue;
            }
          check_key_widget (view, &keys[i], &b);
          /* The row is a grid of equal columns, one per unit; each key
           * fills its columns less its margins (3 px either side). */
          if (!have_unit)
            {
              graphene_rect_t row = bounds_of (
                  gtk_widget_get_parent (
                      fc_keyboard_view_get_key_widget (view, &keys[i])),
                  GTK_WIDGET (view));

              unit = row.size.width / units;
              x0 = row.origin.x;
              y = b.origin.y;
              have_unit = TRUE;
            }
          if (g_getenv ("KB_DEBUG_POS"))
            g_printerr ("r%u k%u col%u w%u: x=%.1f y=%.1f w=%.1f h=%.1f "
                        "unit=%.1f x0=%.1f\n",
                        r, i, keys[i].column, keys[i].width, b.origin.x,
                        b.origin.y, b.size.width, b.size.height, unit, x0);
          g_assert_cmpfloat (fabs (b.origin.y - y), <=, 1);
          g_assert_cmpfloat (
              fabs (b.origin.x - 3 - (x0 + keys[i].column * unit)), <=,
              unit / 4);
          g_assert_cmpfloat (fabs (b.size.width + 6 - keys[i].width * unit), <=,
                             unit / 4);
          main_right = MAX (main_right, b.origin.x + b.size.width);
          main_top = MIN (main_top, b.origin.y);
          main_bottom = MAX (main_bottom, b.origin.y + b.size.height);
        }
      g_assert_true (have_unit);
      g_assert_cmpfloat (units * unit, >, 0);
      g_assert_cmpfloat (y, >, previous_row_y);
      previous_row_y = y;
    }

  sidebar = fc_keyboard_get_sidebar (h->kb, &n_sidebar);
  for (guint i = 0; i < n_sidebar; i++)
    {
      graphene_rect_t b;

      check_key_widget (view, &sidebar[i], &b);
      g_assert_cmpfloat (b.origin.x, >=, main_right);
      /* Tall: each spans half the keys' height. */
      g_assert_cmpfloat (b.size.height, >=, (main_bottom - main_top) / 2 - 10);
      if (i == 0)
        g_assert_cmpfloat (fabs (b.origin.y - main_top), <=, 2);
    }
}

static GtkWidget *
find_by_class (GtkWidget *widget, const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);

      if (found)
        return found;
    }
  return NULL;
}

/* The done key (or, where the layout has none, the title bar's close
 * button) is painted in themeColor. */
static void
check_close_colour (Harness *h, GdkTexture *texture, const ViewCase *c)
{
  const FcKeyboardKey *close = fc_keyboard_find_key (h->kb, "close");
  FcKeyboardColor want;
  GtkWidget *button;
  graphene_rect_t b;
  g_autofree guchar *pixels = NULL;
  int w = gdk_texture_get_width (texture), x, y;
  guchar *px;

  g_assert_true (fc_keyboard_color_parse (c->theme_color, &want));
  if (close)
    button
        = fc_keyboard_view_get_key_widget (FC_KEYBOARD_VIEW (h->view), close);
  else
    button = find_by_class (h->view, "fc-header-close");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  b = bounds_of (button, h->view);
  pixels = g_malloc (w * gdk_texture_get_height (texture) * 4);
  gdk_texture_download (texture, pixels, w * 4);
  /* Left of the label, clear of the rounded corner. */
  x = b.origin.x + 5;
  y = b.origin.y + b.size.height / 2;
  px = pixels + (y * w + x) * 4; /* B G R A */
  g_assert_cmpint (abs (px[2] - (int)lround (want.red * 255)), <=, 3);
  g_assert_cmpint (abs (px[1] - (int)lround (want.green * 255)), <=, 3);
  g_assert_cmpint (abs (px[0] - (int)lround (want.blue * 255)), <=, 3);
}

static void
test_view_layout (gconstpointer data)
{
  const ViewCase *c = data;
  Harness h = { 0 };
  g_autoptr (GdkTexture) texture = NULL;
  const char *dir = g_getenv ("FC_KEYBOARD_PNG_DIR");

  harness_open (&h, c);
  g_assert_true (gtk_widget_get_mapped (h.view));
  g_assert_cmpint (gtk_widget_get_width (h.view), ==, WINDOW_WIDTH);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (h.view),
                                   GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (
      GTK_ACCESSIBLE (h.view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Enter your PIN");
  check_positions (&h);

  texture = render_widget (h.view);
  check_close_colour (&h, texture, c);
  if (dir)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, c->name);

      g_mkdir_with_parents (dir, 0755);
      g_assert_true (gdk_texture_save_to_png (texture, path));
    }
  harness_close (&h);
}

/* Activating a button (as assistive technologies and keyboard focus do,
 * through gtk_widget_activate()) goes through the core; its "clicked"
 * alone does nothing (a pointer press has typed by then); a layout switch rebuilds the buttons. */
static void
test_view_activate (void)
{
  static const ViewCase c
      = { "activate", "default", "letter", { NULL }, TRUE, "#2e7cff" };
  Harness h = { 0 };
  FcKeyboardView *view;
  const FcKeyboardKey *key;

  harness_open (&h, &c);
  view = FC_KEYBOARD_VIEW (h.view);
  key = fc_keyboard_find_key (h.kb, "k");
  gtk_widget_activate (fc_keyboard_view_get_key_widget (view, key));
  g_assert_cmpstr (h.events->str, ==, "input:k");
  g_assert_false (fc_keyboard_view_get_popup_visible (view));
  g_signal_emit_by_name (fc_keyboard_view_get_key_widget (view, key),
                         "clicked");
  g_assert_cmpstr (h.events->str, ==, "input:k");

  key = fc_keyboard_find_key (h.kb, "layout:symbol");
  gtk_widget_activate (fc_keyboard_view_get_key_widget (view, key));
  g_assert_cmpint (fc_keyboard_get_layout (h.kb), ==,
                   FC_KEYBOARD_LAYOUT_SYMBOL);
  settle (h.window);
  check_positions (&h);
  key = fc_keyboard_find_key (h.kb, "#");
  gtk_widget_activate (fc_keyboard_view_get_key_widget (view, key));
  key = fc_keyboard_find_key (h.kb, "delete");
  gtk_widget_activate (fc_keyboard_view_get_key_widget (view, key));
  g_assert_cmpstr (h.events->str, ==, "input:k input:# delete");

  /* Hardware keys while the view has focus. */
  g_assert_true (fc_keyboard_view_handle_keyval (view, GDK_KEY_numbersign));
  g_assert_false (fc_keyboard_view_handle_keyval (view, GDK_KEY_a));
  g_assert_true (fc_keyboard_view_handle_keyval (view, GDK_KEY_BackSpace));
  fc_keyboard_set_layout (h.kb, FC_KEYBOARD_LAYOUT_NUMBER);
  g_assert_true (fc_keyboard_view_handle_keyval (view, GDK_KEY_KP_4));
  g_assert_true (fc_keyboard_view_handle_keyval (view, GDK_KEY_7));
  g_assert_true (fc_keyboard_view_handle_keyval (view, GDK_KEY_Return));
  g_assert_cmpstr (
      h.events->str, ==,
      "input:k input:# delete input:# delete input:4 input:7 close");
  g_assert_false (fc_keyboard_get_show (h.kb));
  settle (h.window);
  /* Hidden: the keys do not take pointer input. */
  g_assert_false (gtk_widget_get_can_target (h.view));
  harness_close (&h);
}

static void
on_blur (FcKeyboard *kb, guint *count)
{
  (*count)++;
}

/* Focus leaving the view is the component's blur. */
static void
test_view_blur (void)
{
  static const ViewCase c
      = { "blur", "default", "number", { NULL }, FALSE, "#2e7cff" };
  Harness h = { 0 };
  GtkWidget *entry = gtk_entry_new ();
  guint blurs = 0;

  harness_open (&h, &c);
  g_signal_connect (h.kb, "blur", G_CALLBACK (on_blur), &blurs);
  gtk_overlay_add_overlay (
      GTK_OVERLAY (gtk_window_get_child (GTK_WINDOW (h.window))), entry);
  gtk_widget_set_valign (entry, GTK_ALIGN_START);
  settle (h.window);
  g_assert_true (gtk_widget_grab_focus (h.view));
  g_assert_cmpuint (blurs, ==, 0);
  g_assert_true (gtk_widget_grab_focus (entry));
  g_assert_cmpuint (blurs, ==, 1);
  harness_close (&h);
}

static GtkGesture *
press_gesture (GtkWidget *button)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (button);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller)
          && gtk_event_controller_get_propagation_phase (
                 GTK_EVENT_CONTROLLER (controller))
                 == GTK_PHASE_CAPTURE)
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

/* What a pointer does to a key, through the view's own press gesture (its
 * "pressed" and "end" signals, as GTK emits them; the real X input of
 * test-keyboard-real-input.c does the same through the display): held delete
 * repeats on the keyboard's clock; a pressed character shows a popup
 * unless the layout is scrambled. */
static void
test_view_press (gconstpointer data)
{
  gboolean scrambled = GPOINTER_TO_INT (data);
  ViewCase c = { "press", "default", "number", { NULL }, scrambled, "#2e7cff" };
  FcKeyboardVirtualClock *clock = fc_keyboard_virtual_clock_new ();
  Harness h = { 0 };
  FcKeyboardView *view;
  GtkWidget *button;
  GtkGesture *gesture;

  harness_open (&h, &c);
  view = FC_KEYBOARD_VIEW (h.view);
  fc_keyboard_set_clock (h.kb, FC_KEYBOARD_CLOCK (clock));

  button = fc_keyboard_view_get_key_widget (view,
                                            fc_keyboard_find_key (h.kb, "7"));
  gesture = press_gesture (button);
  g_signal_emit_by_name (gesture, "pressed", 1, 10.0, 10.0);
  g_assert_cmpstr (h.events->str, ==, "input:7");
  g_assert_true (gtk_widget_has_css_class (button, "fc-pressed"));
  g_assert_cmpint (fc_keyboard_view_get_popup_visible (view), ==, !scrambled);
  g_signal_emit_by_name (gesture, "end", NULL);
  g_assert_false (fc_keyboard_view_get_popup_visible (view));
  g_assert_false (gtk_widget_has_css_class (button, "fc-pressed"));

  button = fc_keyboard_view_get_key_widget (
      view, fc_keyboard_find_key (h.kb, "delete"));
  gesture = press_gesture (button);
  g_signal_emit_by_name (gesture, "pressed", 1, 10.0, 10.0);
  g_assert_false (fc_keyboard_view_get_popup_visible (view));
  fc_keyboard_virtual_clock_advance (
      clock, FC_KEYBOARD_REPEAT_DELAY_MS + FC_KEYBOARD_REPEAT_INTERVAL_MS);
  g_assert_cmpstr (h.events->str, ==, "input:7 delete delete delete");
  g_signal_emit_by_name (gesture, "end", NULL);
  fc_keyboard_virtual_clock_advance (clock, 2000);
  g_assert_cmpstr (h.events->str, ==, "input:7 delete delete delete");
  g_assert_cmpuint (fc_keyboard_virtual_clock_get_n_pending (clock), ==, 0);

  harness_close (&h);
  g_assert_finalize_object (clock);
}

typedef struct
{
  const char *name;
  const char *theme;
  const char *title;
  const char *extra[4];
} HeightCase;

static const HeightCase height_cases[] = {
  { "default", "default", "", { NULL } },
  { "default-title", "default", "Enter your PIN", { NULL } },
  { "default-extra1", "default", "", { ".", NULL } },
  { "default-extra3", "default", "Enter your PIN", { ".", "X", "00", NULL } },
  { "custom", "custom", "", { NULL } },
  { "custom-title", "custom", "Enter your PIN", { NULL } },
  { "custom-extra2", "custom", "", { ".", "X", NULL } },
  { "custom-extra3", "custom", "", { ".", "X", "00", NULL } },
};

/* One height for the three layouts of a theme: switching layouts, the
 * keyboard does not jump. Measured in the widget tree, shown and laid
 * out under the display; each layout's keys are still where the core
 * puts them and at least 44 px (check_positions). */
static void
test_view_height (gconstpointer data)
{
  const HeightCase *c = data;
  static const FcKeyboardLayout layouts[]
      = { FC_KEYBOARD_LAYOUT_NUMBER, FC_KEYBOARD_LAYOUT_LETTER,
          FC_KEYBOARD_LAYOUT_SYMBOL, FC_KEYBOARD_LAYOUT_NUMBER };
  ViewCase view_case
      = { c->name, c->theme, "number", { NULL }, TRUE, "#2e7cff" };
  Harness h = { 0 };
  int height[G_N_ELEMENTS (layouts)];
  GtkWidget *page;

  memcpy (view_case.extra, c->extra, sizeof view_case.extra);
  harness_open (&h, &view_case);
  fc_keyboard_set_title (h.kb, c->title);
  page = gtk_widget_get_parent (h.view);
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      graphene_rect_t b;

      fc_keyboard_set_layout (h.kb, layouts[i]);
      settle (h.window);
      g_assert_cmpint (fc_keyboard_get_layout (h.kb), ==, layouts[i]);
      check_positions (&h);
      /* The view sits at the bottom of the page; its top is where the
       * keyboard starts. */
      b = bounds_of (h.view, page);
      height[i] = gtk_widget_get_height (h.view);
      g_test_message ("%s, layout %d: %d rows, view %d px high at y %.0f",
                      c->name, layouts[i], fc_keyboard_get_n_rows (h.kb),
                      height[i], b.origin.y);
      g_assert_cmpint (height[i], >, 0);
      g_assert_cmpfloat (
          fabs (b.origin.y + b.size.height - gtk_widget_get_height (page)), <=,
          0.5);
      g_assert_cmpint (height[i], ==, height[0]);
    }
  harness_close (&h);
}

/* Every show of a scrambled keyboard rearranges the keys, and shift
 * recases them: after each, every key's widget shows what the core says
 * at the place it says, with the accessible label to match, and the
 * shift key is drawn active. */
static void
test_view_reshow (void)
{
  const ViewCase c
      = { "reshow", "default", "letter", { NULL }, TRUE, "#2e7cff" };
  Harness h = { 0 };

  harness_open (&h, &c);
  for (int i = 0; i < 3; i++)
    {
      FcKeyboardView *view = FC_KEYBOARD_VIEW (h.view);
      const FcKeyboardKey *first;
      GtkWidget *shift_button;
      guint n;

      check_positions (&h);
      g_assert_true (fc_keyboard_activate (h.kb, "shift"));
      settle (h.window);
      check_positions (&h);
      shift_button = fc_keyboard_view_get_key_widget (
          view, fc_keyboard_find_key (h.kb, "shift"));
      g_assert_true (gtk_widget_has_css_class (shift_button, "fc-active"));
      first = fc_keyboard_get_row (h.kb, 0, &n);
      g_assert_true (g_ascii_isupper (*fc_keyboard_view_get_key_label (
          view, fc_keyboard_view_get_key_widget (view, first))));
      fc_keyboard_set_show (h.kb, FALSE);
      settle (h.window);
      fc_keyboard_set_show (h.kb, TRUE);
      settle (h.window);
      shift_button = fc_keyboard_view_get_key_widget (
          view, fc_keyboard_find_key (h.kb, "shift"));
      g_assert_false (gtk_widget_has_css_class (shift_button, "fc-active"));
    }
  check_positions (&h);
  g_assert_cmpstr (h.events->str, ==, "");
  harness_close (&h);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run the suite through ./run test");
      return g_test_run ();
    }
  for (guint i = 0; i < G_N_ELEMENTS (view_cases); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/keyboard/view/layout/%s", view_cases[i].name);
      g_test_add_data_func (path, &view_cases[i], test_view_layout);
    }
  for (guint i = 0; i < G_N_ELEMENTS (height_cases); i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/keyboard/view/height/%s", height_cases[i].name);
      g_test_add_data_func (path, &height_cases[i], test_view_height);
    }
  g_test_add_func ("/keyboard/view/reshow", test_view_reshow);
  g_test_add_func ("/keyboard/view/activate", test_view_activate);
  g_test_add_func ("/keyboard/view/blur", test_view_blur);
  g_test_add_data_func ("/keyboard/view/press/plain", GINT_TO_POINTER (FALSE),
                        test_view_press);
  g_test_add_data_func ("/keyboard/view/press/scrambled",
                        GINT_TO_POINTER (TRUE), test_view_press);
  return g_test_run ();
}
