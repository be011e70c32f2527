/* fc-keyboard-view.c: the GTK 4 view of an FcKeyboard: the widget, its
 * styles, title bar, show and hide, focus and hardware keys. The key
 * widgets are in fc-keyboard-view-keys.c. See the header. */

#include "fc-keyboard-view-private.h"

#include "fc-keyboard-key-face-private.h"

#include <string.h>
#include <glib/gi18n-lib.h>

enum
{
  PROP_0,
  PROP_KEYBOARD,
  PROP_Z_INDEX,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (FcKeyboardView, fc_keyboard_view, GTK_TYPE_WIDGET)

#define PX(n) G_STRINGIFY (n) "px"

/* clang-format off */
static const char base_css[]
    = ".fc-keyboard { background: #d4d7dd; padding: 4px 4px 8px 4px; }\n"
      ".fc-keyboard-header { min-height: " PX (HEADER_HEIGHT) ";"
      "  padding: 0 8px; }\n"
      ".fc-keyboard-header label.fc-title { color: #333; }\n"
      /* Flat, square keys: no box-shadow, no theme border or shadow, no
       * rounded corners on any button. Each would need a render path of
       * its own (GL: another shader program, and blur and offscreens for
       * shadows): under Mesa's software GL a shadow and border cost about
       * 4 MB of the GL renderer's memory, rounded corners 1.5 MB (a
       * rounded-clip program plus a clip per key), where all the rest of
       * the shown keyboard costs 5.5 MB; see bench/keyboard. */
      ".fc-key { min-width: " PX (KEY_SIZE) "; min-height: " PX (KEY_SIZE) ";"
      "  margin: " PX (KEY_MARGIN) "; padding: 0;"
      "  border-radius: 0; border: none; box-shadow: none;"
      "  background: #ffffff; color: #111111; font-size: 20px; }\n"
      ".fc-keyboard-header button.fc-header-close { border: none;"
      "  box-shadow: none; border-radius: 0; padding: 0 12px;"
      "  min-height: 32px; }\n"
      ".fc-key.fc-key-function { background: #b3b8c2; font-size: 16px; }\n"
      ".fc-key.fc-pressed { background: #9aa0aa; }\n"
      ".fc-key-spacer { min-width: 0; min-height: " PX (KEY_SIZE) "; }\n"
      ".fc-keyboard-popup fc-key-face { font-size: 28px; min-width: 44px; "
      "min-height: 52px; }\n";
/* clang-format on */

static guint view_serial;

/* One base style sheet per display, shared by every view on it. */
static void
install_base_css (GdkDisplay *display)
{
  g_autoptr (GtkCssProvider) provider = NULL;

  if (display == NULL
      || g_object_get_data (G_OBJECT (display), "fc-keyboard-base-css"))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, base_css, -1);
  gtk_style_context_add_provider_for_display (
      display, GTK_STYLE_PROVIDER (provider),
      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "fc-keyboard-base-css",
                          g_steal_pointer (&provider), g_object_unref);
}

/* The accent comes from themeColor through fc_keyboard_color_to_string(),
 * which prints numbers only, so no attribute text reaches the CSS. */
static void
update_theme_css (FcKeyboardView *self)
{
  FcKeyboardColor color;
  g_autofree char *accent = NULL, *css = NULL;
  double luminance;
  const char *fg;

  fc_keyboard_get_theme_rgba (self->keyboard, &color);
  accent = fc_keyboard_color_to_string (&color);
  luminance = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue;
  fg = luminance > 0.6 ? "#111111" : "#ffffff";
  css = g_strdup_printf (
      ".%1$s .fc-key.fc-key-close, .%1$s button.fc-header-close"
      " { background: %2$s; color: %3$s; }\n"
      ".%1$s .fc-key.fc-key-close.fc-pressed { background: shade(%2$s, 0.8); "
      "}\n"
      ".%1$s .fc-key.fc-key-shift.fc-active { color: %2$s; }\n"
      ".%1$s .fc-key.fc-key-extra { color: %2$s; }\n",
      self->css_class, accent, fg);
  gtk_css_provider_load_from_data (self->theme_css, css, -1);
}


static gboolean
rebuild_idle_cb (gpointer data)
{
  FcKeyboardView *self = data;

  self->rebuild_idle = 0;
  fc_keyboard_view_rebuild_keys (self);
  return G_SOURCE_REMOVE;
}

static void
on_layout_changed (FcKeyboard *keyboard, FcKeyboardView *self)
{
  /* Inside a button's own handler its widget must not go away under it:
   * rebuild right after, and let no button act until then. */
  if (self->in_press)
    {
      self->stale = TRUE;
      g_hash_table_remove_all (self->key_widgets);
      if (self->rebuild_idle == 0)
        self->rebuild_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE,
                                              rebuild_idle_cb, self, NULL);
      return;
    }
  fc_keyboard_view_rebuild_keys (self);
}

static void
update_header (FcKeyboardView *self)
{
  const char *title = fc_keyboard_get_title (self->keyboard);
  const char *icon = fc_keyboard_get_icon (self->keyboard);
  const char *close_text = fc_keyboard_get_close_button_text (self->keyboard);

  gtk_label_set_text (GTK_LABEL (self->title), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  *title ? title : _("Keyboard"), -1);
  /* The bridge resolves the path inside the mini-program; a missing file
   * shows GTK's missing-image icon rather than failing. */
  if (*icon)
    gtk_image_set_from_file (GTK_IMAGE (self->icon), icon);
  else
    gtk_image_clear (GTK_IMAGE (self->icon));
  gtk_widget_set_visible (self->icon, *icon != '\0');
  gtk_button_set_label (GTK_BUTTON (self->close_button),
                        *close_text ? close_text : _("Done"));
  fc_keyboard_view_update_header_visible (self);
}

static void
on_show_changed (FcKeyboardView *self)
{
  gboolean show = fc_keyboard_get_show (self->keyboard);

  gtk_revealer_set_transition_duration (
      GTK_REVEALER (self->revealer),
      fc_keyboard_get_transition_duration (self->keyboard));
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), show);
  if (!show)
    fc_keyboard_view_popup_hide (self);
}

/* Hidden: the focus goes back where it was before the keyboard showed
 * (if that widget is still in the window and can take it). */
static void
on_hidden (FcKeyboardView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr (GtkWidget) before = g_weak_ref_get (&self->focus_before);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_widget_set_can_target (widget, FALSE);
  g_weak_ref_set (&self->focus_before, NULL);
  if (root == NULL || !gtk_widget_has_focus (widget))
    return;
  if (before != NULL && gtk_widget_get_root (before) == root
      && gtk_widget_grab_focus (before))
    return;
  gtk_root_set_focus (root, NULL);
}

/* Shown: the keyboard takes the focus, so hardware keys (digits,
 * Backspace, Enter, Escape) reach it at once; on_hidden gives it back. */
static void
on_shown (FcKeyboardView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  gtk_widget_set_can_target (widget, TRUE);
  if (root == NULL || gtk_widget_has_focus (widget))
    return;
  g_weak_ref_set (&self->focus_before, focus);
  gtk_widget_grab_focus (widget);
}

static void
on_z_index_changed (FcKeyboardView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_Z_INDEX]);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, FcKeyboardView *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;
  return fc_keyboard_view_handle_keyval (self, keyval);
}

static void
on_focus_leave (GtkEventControllerFocus *controller, FcKeyboardView *self)
{
  fc_keyboard_blur (self->keyboard);
}

static void
close_button_clicked (GtkButton *button, FcKeyboardView *self)
{
  fc_keyboard_close (self->keyboard);
}

static void
fc_keyboard_view_measure (GtkWidget *widget, GtkOrientation orientation,
                          int for_size, int *minimum, int *natural,
                          int *minimum_baseline, int *natural_baseline)
{
  FcKeyboardView *self = FC_KEYBOARD_VIEW (widget);

  gtk_widget_measure (self->revealer, orientation, for_size, minimum, natural,
                      NULL, NULL);
}

static void
fc_keyboard_view_size_allocate (GtkWidget *widget, int width, int height,
                                int baseline)
{
  FcKeyboardView *self = FC_KEYBOARD_VIEW (widget);

  gtk_widget_allocate (self->revealer, width, height, baseline, NULL);
  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
fc_keyboard_view_get_property (GObject *object, guint prop_id, GValue *value,
                               GParamSpec *pspec)
{
  FcKeyboardView *self = FC_KEYBOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_KEYBOARD:
      g_value_set_object (value, self->keyboard);
      break;
    case PROP_Z_INDEX:
      g_value_set_int (value, fc_keyboard_get_z_index (self->keyboard));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_keyboard_view_set_property (GObject *object, guint prop_id,
                               const GValue *value, GParamSpec *pspec)
{
  FcKeyboardView *self = FC_KEYBOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_KEYBOARD:
      self->keyboard = g_value_dup_object (value);
      if (self->keyboard == NULL)
        self->keyboard = fc_keyboard_new ();
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_keyboard_view_constructed (GObject *object)
{
  FcKeyboardView *self = FC_KEYBOARD_VIEW (object);

  G_OBJECT_CLASS (fc_keyboard_view_parent_class)->constructed (object);

  g_signal_connect_object (self->keyboard, "layout-changed",
                           G_CALLBACK (on_layout_changed), self, 0);
  g_signal_connect_object (self->keyboard, "notify::show",
                           G_CALLBACK (on_show_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keyboard, "notify::title",
                           G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keyboard, "notify::icon",
                           G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keyboard, "notify::close-button-text",
                           G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keyboard, "notify::theme-color",
                           G_CALLBACK (update_theme_css), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keyboard, "notify::z-index",
                           G_CALLBACK (on_z_index_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keyboard, "show", G_CALLBACK (on_shown), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keyboard, "hide", G_CALLBACK (on_hidden), self,
                           G_CONNECT_SWAPPED);

  /* Styles are in place before the first frame: a provider added later
   * (in realize) can miss it. Views live on the default display. */
  self->display = g_object_ref (gtk_widget_get_display (GTK_WIDGET (self)));
  install_base_css (self->display);
  gtk_style_context_add_provider_for_display (
      self->display, GTK_STYLE_PROVIDER (self->theme_css),
      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  update_header (self);
  update_theme_css (self);
  fc_keyboard_view_rebuild_keys (self);
  gtk_revealer_set_transition_duration (
      GTK_REVEALER (self->revealer),
      fc_keyboard_get_transition_duration (self->keyboard));
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer),
                                 fc_keyboard_get_show (self->keyboard));
  gtk_widget_set_can_target (GTK_WIDGET (self),
                             fc_keyboard_get_show (self->keyboard));
}

static void
fc_keyboard_view_dispose (GObject *object)
{
  FcKeyboardView *self = FC_KEYBOARD_VIEW (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_weak_ref_set (&self->focus_before, NULL);
  if (self->key_widgets)
    g_hash_table_remove_all (self->key_widgets);
  if (self->key_slots)
    g_ptr_array_set_size (self->key_slots, 0);
  g_clear_pointer (&self->revealer, gtk_widget_unparent);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  self->popover_face = NULL;
  g_clear_object (&self->keyboard);
  if (self->display)
    gtk_style_context_remove_provider_for_display (
        self->display, GTK_STYLE_PROVIDER (self->theme_css));
  g_clear_object (&self->display);

  G_OBJECT_CLASS (fc_keyboard_view_parent_class)->dispose (object);
}

static void
fc_keyboard_view_finalize (GObject *object)
{
  FcKeyboardView *self = FC_KEYBOARD_VIEW (object);

  g_clear_pointer (&self->key_widgets, g_hash_table_unref);
  g_clear_pointer (&self->key_slots, g_ptr_array_unref);
  g_clear_pointer (&self->key_shapes, g_array_unref);
  g_clear_object (&self->theme_css);
  g_free (self->css_class);
  g_weak_ref_clear (&self->focus_before);

  G_OBJECT_CLASS (fc_keyboard_view_parent_class)->finalize (object);
}

static void
fc_keyboard_view_class_init (FcKeyboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = fc_keyboard_view_get_property;
  object_class->set_property = fc_keyboard_view_set_property;
  object_class->constructed = fc_keyboard_view_constructed;
  object_class->dispose = fc_keyboard_view_dispose;
  object_class->finalize = fc_keyboard_view_finalize;
  widget_class->measure = fc_keyboard_view_measure;
  widget_class->size_allocate = fc_keyboard_view_size_allocate;

  /**
   * FcKeyboardView:keyboard:
   *
   * The keyboard core the view renders and reports presses to; set when
   * the view is created.
   */
  props[PROP_KEYBOARD] = g_param_spec_object (
      "keyboard", NULL, NULL, FC_TYPE_KEYBOARD,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * FcKeyboardView:z-index:
   *
   * The core's zIndex, for the host that stacks its overlays: an
   * FcPageView orders every component view with an int "z-index"
   * property among the page's overlays by it (higher on top).
   */
  props[PROP_Z_INDEX] = g_param_spec_int (
      "z-index", NULL, NULL, G_MININT, G_MAXINT, FC_KEYBOARD_DEFAULT_Z_INDEX,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  gtk_widget_class_set_css_name (widget_class, "fc-keyboard-view");
  gtk_widget_class_set_accessible_role (widget_class,
                                        GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
fc_keyboard_view_init (FcKeyboardView *self)
{
  g_weak_ref_init (&self->focus_before, NULL);
  GtkEventController *controller;
  GtkWidget *box;

  self->key_widgets = g_hash_table_new (NULL, NULL);
  self->key_slots = g_ptr_array_new ();
  self->key_shapes = g_array_new (FALSE, FALSE, sizeof (KeyShape));
  self->theme_css = gtk_css_provider_new ();
  self->css_class = g_strdup_printf ("fc-kb-%u", ++view_serial);

  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_END);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));

  self->frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->frame, "fc-keyboard");
  gtk_widget_add_css_class (self->frame, self->css_class);
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), self->frame);

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (self->header, "fc-keyboard-header");
  self->icon = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (self->icon), 24);
  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "fc-title");
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_END);
  self->close_button = gtk_button_new_with_label (_("Done"));
  gtk_widget_set_focusable (self->close_button, FALSE);
  gtk_widget_add_css_class (self->close_button, "fc-header-close");
  g_signal_connect (self->close_button, "clicked",
                    G_CALLBACK (close_button_clicked), self);
  box = self->header;
  gtk_box_append (GTK_BOX (box), self->icon);
  gtk_box_append (GTK_BOX (box), self->title);
  gtk_box_append (GTK_BOX (box), self->close_button);
  gtk_box_append (GTK_BOX (self->frame), self->header);

  self->body = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->body), TRUE);
  gtk_widget_add_css_class (self->body, "fc-keyboard-body");
  gtk_box_append (GTK_BOX (self->frame), self->body);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed),
                    self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * fc_keyboard_view_new:
 * @keyboard: (nullable): the core to render; %NULL makes a new one
 *
 * Creates the GTK 4 view of a keyboard: it draws the layout, follows the
 * core's changes and reports presses back to it.
 *
 * Returns: (transfer floating): the view
 */
GtkWidget *
fc_keyboard_view_new (FcKeyboard *keyboard)
{
  g_return_val_if_fail (keyboard == NULL || FC_IS_KEYBOARD (keyboard), NULL);
  return g_object_new (FC_TYPE_KEYBOARD_VIEW, "keyboard", keyboard, NULL);
}

/**
 * fc_keyboard_view_get_keyboard:
 *
 * The core the view renders (#FcKeyboardView:keyboard).
 *
 * Returns: (transfer none): the core
 */
FcKeyboard *
fc_keyboard_view_get_keyboard (FcKeyboardView *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD_VIEW (self), NULL);
  return self->keyboard;
}

/**
 * fc_keyboard_view_get_key_widget:
 * @key: a key of the core's current layout
 *
 * The button that renders one key of the layout shown now, for tests and
 * accessibility checks.
 *
 * Returns: (transfer none) (nullable): the button that renders @key
 */
GtkWidget *
fc_keyboard_view_get_key_widget (FcKeyboardView *self, const FcKeyboardKey *key)
{
  g_return_val_if_fail (FC_IS_KEYBOARD_VIEW (self), NULL);
  return g_hash_table_lookup (self->key_widgets, key);
}

/**
 * fc_keyboard_view_get_key_label:
 * @key_widget: a key's widget (fc_keyboard_view_get_key_widget())
 *
 * The text drawn on a key's button.
 *
 * Returns: (transfer none) (nullable): the text drawn on @key_widget,
 *   valid while the key exists
 */
const char *
fc_keyboard_view_get_key_label (FcKeyboardView *self, GtkWidget *key_widget)
{
  GtkWidget *face;

  g_return_val_if_fail (FC_IS_KEYBOARD_VIEW (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (key_widget), NULL);
  face = GTK_IS_BUTTON (key_widget)
             ? gtk_button_get_child (GTK_BUTTON (key_widget))
             : NULL;
  return FC_IS_KEYBOARD_KEY_FACE (face)
             ? fc_keyboard_key_face_get_text (FC_KEYBOARD_KEY_FACE (face))
             : NULL;
}

/**
 * fc_keyboard_view_get_key_layout:
 * @key_widget: a key's widget (fc_keyboard_view_get_key_widget())
 *
 * For inspection and tests: the one PangoLayout that holds @key_widget's
 * text; its text is wiped before the key goes.
 *
 * Returns: (transfer none) (nullable): the layout
 */
PangoLayout *
fc_keyboard_view_get_key_layout (FcKeyboardView *self, GtkWidget *key_widget)
{
  GtkWidget *face;

  g_return_val_if_fail (FC_IS_KEYBOARD_VIEW (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (key_widget), NULL);
  face = GTK_IS_BUTTON (key_widget)
             ? gtk_button_get_child (GTK_BUTTON (key_widget))
             : NULL;
  return FC_IS_KEYBOARD_KEY_FACE (face)
             ? fc_keyboard_key_face_get_layout (FC_KEYBOARD_KEY_FACE (face))
             : NULL;
}

/**
 * fc_keyboard_view_get_popup_visible:
 *
 * Whether the key preview popup (shown above a pressed letter) is visible.
 *
 * Returns: whether the popup shows
 */
gboolean
fc_keyboard_view_get_popup_visible (FcKeyboardView *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD_VIEW (self), FALSE);
  return self->popover != NULL && gtk_widget_get_visible (self->popover);
}

/**
 * fc_keyboard_view_handle_keyval:
 * @keyval: a GDK keyval
 *
 * What the view does with a hardware key while it has focus: passes the
 * character it types, or its name, to fc_keyboard_handle_hardware_key().
 *
 * Returns: %TRUE if handled
 */
gboolean
fc_keyboard_view_handle_keyval (FcKeyboardView *self, guint keyval)
{
  gunichar ch;
  char text[8] = { 0 };
  const char *name;
  gboolean handled;

  g_return_val_if_fail (FC_IS_KEYBOARD_VIEW (self), FALSE);
  ch = gdk_keyval_to_unicode (keyval);
  if (ch >= 0x20 && ch != 0x7f)
    {
      g_unichar_to_utf8 (ch, text);
      name = text;
    }
  else
    name = gdk_keyval_name (keyval);
  if (name == NULL)
    return FALSE;
  handled = fc_keyboard_handle_hardware_key (self->keyboard, name);
  explicit_bzero (text, sizeof text);
  return handled;
}
