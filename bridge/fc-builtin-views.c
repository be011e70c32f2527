/* fc-builtin-views.c: the plain GTK views of the platform's other
 * built-ins (fc-builtins.c): GTK's obvious widget where there is one
 * (input a GtkEntry, textarea a GtkTextView, switch a GtkSwitch,
 * checkbox and radio a GtkCheckButton, slider a GtkScale, progress a
 * GtkProgressBar, icon a GtkImage, rich-text a label of its text,
 * scroll-view a GtkScrolledWindow around its box), a box for the rest. What a person does on those widgets calls the
 * element's methods (fc-builtin-forms.c), which raise the platform's
 * events; a property the page changes is shown without raising any. */
#include <string.h>

#include "fc-builtin-views-private.h"

/* set while a widget shows a property, so its signals raise nothing */
#define SYNCING_KEY "fc-builtin-view-syncing"
/* the JavaScript keyCode of the last key pressed in a text field */
#define KEY_CODE_KEY "fc-builtin-view-key-code"
/* a scroll-view's box: its GtkScrolledWindow, which goes in the page */
#define OUTER_KEY "fc-builtin-view-outer"
/* a scroll-view's scrollTop/scrollLeft as last shown, and the position
 * of the last scroll event (for deltaX/Y) */
#define SHOWN_TOP_KEY "fc-builtin-view-shown-top"
#define SHOWN_LEFT_KEY "fc-builtin-view-shown-left"

static const char *const tags[] = {
  "scroll-view", "swiper", "swiper-item", "movable-area", "movable-view", "cover-view", "cover-image",
  "match-media", "page-container", "root-portal", "grid-view", "list-view", "sticky-header", "sticky-section",
  "share-element", "icon", "progress", "rich-text", "selection", "form", "input", "textarea", "switch",
  "checkbox", "checkbox-group", "radio", "radio-group", "slider", "label", "picker", "picker-view",
  "picker-view-column", "editor", "keyboard-accessory", "functional-page-navigator", "audio", "video", "camera",
  "live-player", "live-pusher", "map", "canvas", "web-view", "ad", "ad-custom", "official-account", "open-data",
  "page-meta", "navigation-bar",
};

/**
 * fc_builtin_view_has_tag:
 * @tag: an element name
 *
 * Returns: whether @tag is one of the built-ins this file gives a view
 *   (an element name in a stylesheet selects their widgets)
 */
gboolean
fc_builtin_view_has_tag (const char *tag)
{
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (strcmp (tag, tags[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
syncing (GtkWidget *w)
{
  return g_object_get_data (G_OBJECT (w), SYNCING_KEY) != NULL;
}

static void
call (GtkWidget *w, const char *method, FcValue *args)
{
  FcElement *el = g_object_get_data (G_OBJECT (w), "fc-element");
  g_autoptr (GError) error = NULL;

  if (el && !fc_element_call_method (el, method, args, &error))
    fc_element_emit_warning (el, error->message);
}

static FcValue *
args_with (const char *name, FcValue *value)
{
  FcValue *args = fc_value_new_object ();
  fc_value_object_set (args, name, value);
  return args;
}

/* The keyCode a browser gives @keyval, or 0 when not one of the plain
 * keys: letters (upper case), digits, space, and the editing keys. */
static guint
js_key_code (guint keyval)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if (c < 128 && g_ascii_isalpha (c))
    return g_ascii_toupper (c);
  if ((c < 128 && g_ascii_isdigit (c)) || c == ' ')
    return c;
  switch (keyval)
    {
    case GDK_KEY_BackSpace: return 8;
    case GDK_KEY_Tab: return 9;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: return 13;
    case GDK_KEY_Delete: return 46;
    default: return 0;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state, GtkWidget *w)
{
  g_object_set_data (G_OBJECT (w), KEY_CODE_KEY, GUINT_TO_POINTER (js_key_code (keyval)));
  return FALSE;
}

static void
text_changed (GtkWidget *w, const char *text)
{
  g_autoptr (FcValue) args = NULL;
  guint code = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), KEY_CODE_KEY));

  if (syncing (w))
    return;
  args = args_with ("value", fc_value_new_string (text));
  if (code)
    fc_value_object_set (args, "keyCode", fc_value_new_number (code));
  g_object_set_data (G_OBJECT (w), KEY_CODE_KEY, NULL);
  call (w, "input", args);
}

static void
on_entry_changed (GtkEditable *editable, GtkWidget *w)
{
  text_changed (w, gtk_editable_get_text (editable));
}

static void
on_buffer_changed (GtkTextBuffer *buffer, GtkWidget *w)
{
  GtkTextIter a, b;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  text_changed (w, text);
}

static void
on_activate (GtkEntry *entry, GtkWidget *w)
{
  call (w, "confirm", NULL);
}

static void
on_focus_enter (GtkEventControllerFocus *focus, GtkWidget *w)
{
  call (w, "focus", NULL);
}

static void
on_focus_leave (GtkEventControllerFocus *focus, GtkWidget *w)
{
  call (w, "blur", NULL);
}

static void
watch_text_field (GtkWidget *w, GtkWidget *field)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), w);
  gtk_widget_add_controller (field, key);
  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter), w);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), w);
  gtk_widget_add_controller (field, focus);
}

static void show_properties (FcElement *el, GtkWidget *w);

static void
on_switch_active (GtkSwitch *sw, GParamSpec *pspec, GtkWidget *w)
{
  g_autoptr (FcValue) args = NULL;
  FcElement *el = g_object_get_data (G_OBJECT (w), "fc-element");

  if (syncing (w))
    return;
  args = args_with ("value", fc_value_new_boolean (gtk_switch_get_active (sw)));
  call (w, "change", args);
  /* a disabled switch stays as it was; a handler may have removed the
   * element (and its widget from the page's boxes) */
  if (el && gtk_widget_get_parent (w))
    show_properties (el, w);
}

static void
on_toggled (GtkCheckButton *check, GtkWidget *w)
{
  g_autoptr (FcValue) args = NULL;
  FcElement *el = g_object_get_data (G_OBJECT (w), "fc-element");

  if (syncing (w))
    return;
  args = args_with ("value", fc_value_new_boolean (gtk_check_button_get_active (check)));
  call (w, "change", args);
  /* a radio cannot be unchecked by its user; a handler may have removed
   * the element (and its widget from the page's boxes) */
  if (el && gtk_widget_get_parent (w))
    show_properties (el, w);
}

static void
on_scale_changed (GtkRange *range, GtkWidget *w)
{
  g_autoptr (FcValue) args = NULL;

  if (syncing (w))
    return;
  args = args_with ("value", fc_value_new_number (gtk_range_get_value (range)));
  call (w, "change", args);
}

static double number (FcElement *el, const char *name);
static gboolean boolean (FcElement *el, const char *name);

typedef struct {
  double top, left;
} ScrollPos;

/* the user scrolled: scroll {scrollLeft, scrollTop, scrollHeight,
 * scrollWidth, deltaX, deltaY}, in px as GTK lays the content out */
static void
on_scrolled (GtkAdjustment *adj, GtkWidget *w)
{
  GtkScrolledWindow *sw = g_object_get_data (G_OBJECT (w), OUTER_KEY);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (sw), *h = gtk_scrolled_window_get_hadjustment (sw);
  ScrollPos *last = g_object_get_data (G_OBJECT (w), "fc-builtin-view-scroll-pos");
  g_autoptr (FcValue) args = fc_value_new_object ();

  if (syncing (w))
    return;
  fc_value_object_set (args, "scrollLeft", fc_value_new_number (gtk_adjustment_get_value (h)));
  fc_value_object_set (args, "scrollTop", fc_value_new_number (gtk_adjustment_get_value (v)));
  fc_value_object_set (args, "scrollHeight", fc_value_new_number (gtk_adjustment_get_upper (v)));
  fc_value_object_set (args, "scrollWidth", fc_value_new_number (gtk_adjustment_get_upper (h)));
  fc_value_object_set (args, "deltaX", fc_value_new_number (gtk_adjustment_get_value (h) - last->left));
  fc_value_object_set (args, "deltaY", fc_value_new_number (gtk_adjustment_get_value (v) - last->top));
  last->left = gtk_adjustment_get_value (h);
  last->top = gtk_adjustment_get_value (v);
  call (w, "scroll", args);
}

/* scroll-view: the policies from scrollX/scrollY, the style's size on
 * the scrolled window (the page sizes the box), scrollTop/scrollLeft
 * when the page changes them */
static void
show_scroll_view (FcElement *el, GtkWidget *w)
{
  GtkScrolledWindow *sw = g_object_get_data (G_OBJECT (w), OUTER_KEY);
  int width, height;
  double top = number (el, "scrollTop"), left = number (el, "scrollLeft");
  double *shown_top = g_object_get_data (G_OBJECT (w), SHOWN_TOP_KEY);
  double *shown_left = g_object_get_data (G_OBJECT (w), SHOWN_LEFT_KEY);
  ScrollPos *last = g_object_get_data (G_OBJECT (w), "fc-builtin-view-scroll-pos");

  gtk_scrolled_window_set_policy (sw, boolean (el, "scrollX") ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER,
                                  boolean (el, "scrollY") ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  gtk_widget_get_size_request (w, &width, &height);
  gtk_widget_set_size_request (GTK_WIDGET (sw), width, height);
  gtk_scrolled_window_set_max_content_height (sw, height);
  gtk_scrolled_window_set_max_content_width (sw, width);
  gtk_widget_set_size_request (w, -1, -1);
  gtk_widget_set_visible (GTK_WIDGET (sw), gtk_widget_get_visible (w));
  gtk_widget_set_visible (w, TRUE);
  if (top != *shown_top)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (sw), top);
      *shown_top = last->top = top;
    }
  if (left != *shown_left)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (sw), left);
      *shown_left = last->left = left;
    }
}

static double
number (FcElement *el, const char *name)
{
  FcValue *v = fc_element_get_property (el, name);
  return v && fc_value_get_kind (v) == FC_VALUE_NUMBER ? fc_value_get_number (v) : 0;
}

static gboolean
boolean (FcElement *el, const char *name)
{
  FcValue *v = fc_element_get_property (el, name);
  return v && fc_value_is_truthy (v);
}

static const char *
string (FcElement *el, const char *name)
{
  FcValue *v = fc_element_get_property (el, name);
  return v && fc_value_get_kind (v) == FC_VALUE_STRING ? fc_value_get_string (v) : "";
}

static void
append_text (FcElement *el, GString *s)
{
  for (guint i = 0; i < fc_element_get_n_children (el); i++)
    {
      FcElement *c = fc_element_get_child (el, i);
      if (fc_element_get_text (c))
        g_string_append (s, fc_element_get_text (c));
      else
        append_text (c, s);
    }
}

/* rich-text's nodes as plain text: a string's text outside its tags; an
 * array's text nodes, depth first. */
static void
append_nodes (FcValue *nodes, GString *s)
{
  if (fc_value_get_kind (nodes) == FC_VALUE_STRING)
    {
      gboolean in_tag = FALSE;
      for (const char *p = fc_value_get_string (nodes); *p; p++)
        {
          if (*p == '<')
            in_tag = TRUE;
          else if (*p == '>')
            in_tag = FALSE;
          else if (!in_tag)
            g_string_append_c (s, *p);
        }
      return;
    }
  if (fc_value_get_kind (nodes) != FC_VALUE_ARRAY)
    return;
  for (guint i = 0; i < fc_value_array_get_length (nodes); i++)
    {
      FcValue *n = fc_value_array_get (nodes, i);
      FcValue *text, *children;
      if (fc_value_get_kind (n) != FC_VALUE_OBJECT)
        continue;
      text = fc_value_object_get (n, "text");
      if (text && fc_value_get_kind (text) == FC_VALUE_STRING)
        g_string_append (s, fc_value_get_string (text));
      if ((children = fc_value_object_get (n, "children")))
        append_nodes (children, s);
    }
}

static const char *
icon_name (const char *type)
{
  static const char *const map[][2] = {
    { "success", "emblem-ok-symbolic" }, { "success_no_circle", "object-select-symbolic" },
    { "info", "dialog-information-symbolic" }, { "warn", "dialog-warning-symbolic" },
    { "waiting", "alarm-symbolic" }, { "cancel", "window-close-symbolic" },
    { "download", "folder-download-symbolic" }, { "search", "system-search-symbolic" },
    { "clear", "edit-clear-symbolic" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (type, map[i][0]) == 0)
      return map[i][1];
  return "image-missing-symbolic";
}

/* Shows @el's properties on @w without raising events. */
static void
show_properties (FcElement *el, GtkWidget *w)
{
  const char *tag = fc_element_get_tag (el);

  g_object_set_data (G_OBJECT (w), SYNCING_KEY, GINT_TO_POINTER (1));
  gtk_widget_set_sensitive (w, !boolean (el, "disabled"));
  if (strcmp (tag, "input") == 0)
    {
      GtkEntry *e = GTK_ENTRY (w);
      double max = number (el, "maxlength");
      if (strcmp (gtk_editable_get_text (GTK_EDITABLE (e)), string (el, "value")) != 0)
        gtk_editable_set_text (GTK_EDITABLE (e), string (el, "value"));
      gtk_entry_set_placeholder_text (e, string (el, "placeholder"));
      gtk_entry_set_visibility (e, !boolean (el, "password"));
      gtk_entry_set_max_length (e, max > 0 ? (int) MIN (max, G_MAXINT) : 0);
    }
  else if (strcmp (tag, "textarea") == 0)
    {
      GtkTextView *tv = GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (w)));
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (tv);
      GtkTextIter a, b;
      g_autofree char *now = NULL;
      gtk_text_buffer_get_bounds (buffer, &a, &b);
      now = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
      if (strcmp (now, string (el, "value")) != 0)
        gtk_text_buffer_set_text (buffer, string (el, "value"), -1);
    }
  else if (strcmp (tag, "switch") == 0)
    gtk_switch_set_active (GTK_SWITCH (w), boolean (el, "checked"));
  else if (strcmp (tag, "checkbox") == 0 || strcmp (tag, "radio") == 0)
    {
      g_autoptr (GString) label = g_string_new (NULL);
      append_text (el, label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (w), boolean (el, "checked"));
      gtk_check_button_set_label (GTK_CHECK_BUTTON (w), label->len ? label->str : NULL);
    }
  else if (strcmp (tag, "slider") == 0)
    {
      double min = number (el, "min"), max = MAX (number (el, "max"), min), step = number (el, "step");
      gtk_range_set_range (GTK_RANGE (w), min, max > min ? max : min + 1);
      gtk_range_set_increments (GTK_RANGE (w), step > 0 ? step : 1, step > 0 ? step : 1);
      gtk_range_set_value (GTK_RANGE (w), number (el, "value"));
      gtk_scale_set_draw_value (GTK_SCALE (w), boolean (el, "showValue"));
    }
  else if (strcmp (tag, "progress") == 0)
    {
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (w), CLAMP (number (el, "percent"), 0, 100) / 100);
      gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (w), boolean (el, "showInfo"));
    }
  else if (strcmp (tag, "icon") == 0)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (w), icon_name (string (el, "type")));
      gtk_image_set_pixel_size (GTK_IMAGE (w), (int) CLAMP (number (el, "size"), 1, 1024));
    }
  else if (strcmp (tag, "scroll-view") == 0)
    show_scroll_view (el, w);
  else if (strcmp (tag, "rich-text") == 0)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      FcValue *nodes = fc_element_get_property (el, "nodes");
      if (nodes)
        append_nodes (nodes, text);
      gtk_label_set_text (GTK_LABEL (w), text->str);
    }
  g_object_set_data (G_OBJECT (w), SYNCING_KEY, NULL);
}

/**
 * fc_builtin_view_new:
 * @el: an element
 * @container: (out): whether its children's widgets go inside (a box)
 *
 * Returns: (transfer floating) (nullable): the widget of a built-in of
 *   this file's tags, %NULL for other elements
 */
GtkWidget *
fc_builtin_view_new (FcElement *el, gboolean *container)
{
  const char *tag = fc_element_get_tag (el);
  GtkWidget *w;

  *container = FALSE;
  if (!fc_builtin_view_has_tag (tag))
    return NULL;
  if (strcmp (tag, "input") == 0)
    {
      w = gtk_entry_new ();
      g_signal_connect (w, "changed", G_CALLBACK (on_entry_changed), w);
      g_signal_connect (w, "activate", G_CALLBACK (on_activate), w);
      watch_text_field (w, w);
    }
  else if (strcmp (tag, "textarea") == 0)
    {
      GtkWidget *tv = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (tv), GTK_WRAP_WORD_CHAR);
      w = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (w), tv);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (w), 80);
      g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (tv)), "changed", G_CALLBACK (on_buffer_changed), w);
      watch_text_field (w, tv);
    }
  else if (strcmp (tag, "switch") == 0)
    {
      w = gtk_switch_new ();
      gtk_widget_set_halign (w, GTK_ALIGN_START);
      g_signal_connect (w, "notify::active", G_CALLBACK (on_switch_active), w);
    }
  else if (strcmp (tag, "checkbox") == 0 || strcmp (tag, "radio") == 0)
    {
      w = gtk_check_button_new ();
      g_signal_connect (w, "toggled", G_CALLBACK (on_toggled), w);
    }
  else if (strcmp (tag, "slider") == 0)
    {
      w = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, NULL);
      g_signal_connect (w, "value-changed", G_CALLBACK (on_scale_changed), w);
    }
  else if (strcmp (tag, "progress") == 0)
    w = gtk_progress_bar_new ();
  else if (strcmp (tag, "icon") == 0)
    {
      w = gtk_image_new ();
      gtk_widget_set_halign (w, GTK_ALIGN_START);
    }
  else if (strcmp (tag, "scroll-view") == 0)
    {
      GtkWidget *sw = gtk_scrolled_window_new ();
      w = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      *container = TRUE;
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), w);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (sw), TRUE);
      gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (sw), TRUE);
      g_object_set_data (G_OBJECT (w), OUTER_KEY, sw);
      g_object_set_data_full (G_OBJECT (w), SHOWN_TOP_KEY, g_new0 (double, 1), g_free);
      g_object_set_data_full (G_OBJECT (w), SHOWN_LEFT_KEY, g_new0 (double, 1), g_free);
      g_object_set_data_full (G_OBJECT (w), "fc-builtin-view-scroll-pos", g_new0 (ScrollPos, 1), g_free);
      g_signal_connect (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw)), "value-changed",
                        G_CALLBACK (on_scrolled), w);
      g_signal_connect (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (sw)), "value-changed",
                        G_CALLBACK (on_scrolled), w);
    }
  else if (strcmp (tag, "rich-text") == 0)
    {
      w = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (w), TRUE);
      gtk_label_set_xalign (GTK_LABEL (w), 0);
    }
  else
    {
      w = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      *container = TRUE;
    }
  return w;
}

/**
 * fc_builtin_view_update:
 * @el: an element fc_builtin_view_new() made @w for
 * @w: its widget
 *
 * Shows @el's current properties (the page's changes) without raising
 * events. Does nothing for other elements.
 */
void
fc_builtin_view_update (FcElement *el, GtkWidget *w)
{
  if (fc_builtin_view_has_tag (fc_element_get_tag (el)))
    show_properties (el, w);
}

/**
 * fc_builtin_view_outer:
 * @w: a widget fc_builtin_view_new() made, or any other
 *
 * Returns: (transfer none): what goes in the page's boxes for @w: a
 *   scroll-view's GtkScrolledWindow, else @w
 */
GtkWidget *
fc_builtin_view_outer (GtkWidget *w)
{
  GtkWidget *outer = g_object_get_data (G_OBJECT (w), OUTER_KEY);
  return outer ? outer : w;
}
