/* fc-keyboard-view-keys.c: the key widgets of FcKeyboardView: building
 * and relabelling them from the core's layout, their presses (pointer,
 * touch and activation) and the pressed key's preview popup. It calls
 * nothing of fc-keyboard-view.c. See fc-keyboard-view-private.h. */

#include "fc-keyboard-view-private.h"

#include "fc-keyboard-key-face-private.h"

#include <glib/gi18n-lib.h>

static const char *
accessible_label (const FcKeyboardKey *key, FcKeyboardShift shift)
{
  switch (key->kind)
    {
    case FC_KEYBOARD_KEY_DELETE:
      return _("Delete");
    case FC_KEYBOARD_KEY_SPACE:
      return _("Space");
    case FC_KEYBOARD_KEY_SHIFT:
      return shift == FC_KEYBOARD_SHIFT_LOCKED ? _("Caps lock") : _("Shift");
    case FC_KEYBOARD_KEY_SWITCH:
      if (g_str_equal (key->action, "layout:number"))
        return _("Numbers");
      if (g_str_equal (key->action, "layout:letter"))
        return _("Letters");
      return _("Symbols");
    case FC_KEYBOARD_KEY_CHARACTER:
    case FC_KEYBOARD_KEY_EXTRA:
    case FC_KEYBOARD_KEY_CLOSE:
    case FC_KEYBOARD_KEY_SPACER:
    default:
      return key->label;
    }
}

static const char *
kind_class (FcKeyboardKeyKind kind)
{
  switch (kind)
    {
    case FC_KEYBOARD_KEY_CHARACTER:
      return "fc-key-character";
    case FC_KEYBOARD_KEY_EXTRA:
      return "fc-key-extra";
    case FC_KEYBOARD_KEY_SPACE:
      return "fc-key-space";
    case FC_KEYBOARD_KEY_DELETE:
      return "fc-key-delete";
    case FC_KEYBOARD_KEY_CLOSE:
      return "fc-key-close";
    case FC_KEYBOARD_KEY_SHIFT:
      return "fc-key-shift";
    case FC_KEYBOARD_KEY_SWITCH:
      return "fc-key-switch";
    case FC_KEYBOARD_KEY_SPACER:
    default:
      return "fc-key-spacer";
    }
}

/* Buttons know their key by place, not by pointer: the place is looked
 * up in the core at press time, so a button can never reach freed keys. */
static const FcKeyboardKey *
key_of_button (FcKeyboardView *self, GtkWidget *button)
{
  int row
      = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "fc-key-row"))
        - 1;
  int index
      = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "fc-key-index"));
  const FcKeyboardKey *keys;
  guint n;

  if (self->stale)
    return NULL;
  if (row < 0)
    keys = fc_keyboard_get_sidebar (self->keyboard, &n);
  else if ((guint)row < fc_keyboard_get_n_rows (self->keyboard))
    keys = fc_keyboard_get_row (self->keyboard, row, &n);
  else
    return NULL;
  return index >= 0 && (guint)index < n ? &keys[index] : NULL;
}

void
fc_keyboard_view_popup_hide (FcKeyboardView *self)
{
  if (self->popover == NULL)
    return;
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  fc_keyboard_key_face_set_text (FC_KEYBOARD_KEY_FACE (self->popover_face),
                                 NULL);
}

/* Made on the first press that shows it: a keyboard that is only ever
 * scrambled, or never pressed, spends nothing on it. */
static void
popup_ensure (FcKeyboardView *self)
{
  if (self->popover != NULL)
    return;
  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_TOP);
  gtk_widget_add_css_class (self->popover, "fc-keyboard-popup");
  gtk_widget_set_can_target (self->popover, FALSE);
  self->popover_face = fc_keyboard_key_face_new (NULL);
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->popover_face);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

/* A preview of the pressed key above it, as phone keyboards do; never
 * while the layout is scrambled, where it would show onlookers the key. */
static void
popup_show (FcKeyboardView *self, GtkWidget *button, const FcKeyboardKey *key)
{
  graphene_rect_t bounds;

  if (key->kind != FC_KEYBOARD_KEY_CHARACTER
      || fc_keyboard_get_is_scrambled (self->keyboard))
    return;
  if (!gtk_widget_compute_bounds (button, GTK_WIDGET (self), &bounds))
    return;
  popup_ensure (self);
  fc_keyboard_key_face_set_text (FC_KEYBOARD_KEY_FACE (self->popover_face),
                                 key->label);
  gtk_popover_set_pointing_to (
      GTK_POPOVER (self->popover),
      &(GdkRectangle){ bounds.origin.x, bounds.origin.y, bounds.size.width,
                       bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
press_button (FcKeyboardView *self, GtkWidget *button, gboolean hold)
{
  const FcKeyboardKey *key = key_of_button (self, button);

  if (key == NULL)
    return;
  g_object_ref (self);
  self->in_press = TRUE;
  if (hold)
    {
      gtk_widget_add_css_class (button, "fc-pressed");
      popup_show (self, button, key);
    }
  fc_keyboard_press (self->keyboard, key);
  if (!hold)
    fc_keyboard_release (self->keyboard);
  self->in_press = FALSE;
  g_object_unref (self);
}

static void
on_gesture_pressed (GtkGestureClick *gesture, int n_press, double x, double y,
                    FcKeyboardView *self)
{
  GtkWidget *button
      = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  /* Claimed, so the button's own click gesture stays out of it: every
   * press acts once, on the way down, however fast the taps come. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  press_button (self, button, TRUE);
}

static void
on_gesture_up (GtkGesture *gesture, GdkEventSequence *sequence,
               FcKeyboardView *self)
{
  GtkWidget *button
      = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_remove_css_class (button, "fc-pressed");
  fc_keyboard_view_popup_hide (self);
  fc_keyboard_release (self->keyboard);
}

/* The pointer (or finger) slid off the key with the button still down:
 * the key goes up there, so a held delete stops repeating, and letting
 * go elsewhere types nothing more. */
static void
on_gesture_update (GtkGesture *gesture, GdkEventSequence *sequence,
                   FcKeyboardView *self)
{
  GtkWidget *button
      = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  double x, y;

  if (!gtk_widget_has_css_class (button, "fc-pressed")
      || !gtk_gesture_get_point (gesture, sequence, &x, &y)
      || gtk_widget_contains (button, x, y))
    return;
  on_gesture_up (gesture, sequence, self);
}

/* Keyboard focus and assistive technologies activate a button without a
 * pointer (gtk_widget_activate(), which is what GtkButton's Space and
 * Enter bindings and its accessible "click" action call): that is a tap.
 * The button's "clicked" is not used: GtkButton's own click gesture
 * emits it on the release of a pointer press the press gesture above
 * has already typed, which typed every click twice. */
static void
on_button_activate (GtkButton *button, FcKeyboardView *self)
{
  press_button (self, GTK_WIDGET (button), FALSE);
}

static void
remember_slot (FcKeyboardView *self, const FcKeyboardKey *key, gboolean sidebar,
               GtkWidget *widget)
{
  KeyShape shape = {
    .kind = key->kind,
    .sidebar = sidebar,
    .row = key->row,
    .column = key->column,
    .width = key->width,
    .height = key->height,
  };

  g_array_append_val (self->key_shapes, shape);
  g_ptr_array_add (self->key_slots, widget);
}

static gboolean
same_shape (const KeyShape *shape, const FcKeyboardKey *key, gboolean sidebar)
{
  return shape->kind == key->kind && shape->sidebar == sidebar
         && shape->row == key->row && shape->column == key->column
         && shape->width == key->width && shape->height == key->height;
}

/* The parts of a key's widget that follow its text and the shift state. */
static void
label_key (FcKeyboardView *self, GtkWidget *button, const FcKeyboardKey *key,
           FcKeyboardShift shift)
{
  fc_keyboard_key_face_set_text (
      FC_KEYBOARD_KEY_FACE (gtk_button_get_child (GTK_BUTTON (button))),
      key->label);
  if (key->kind == FC_KEYBOARD_KEY_SHIFT && shift != FC_KEYBOARD_SHIFT_OFF)
    gtk_widget_add_css_class (button, "fc-active");
  else
    gtk_widget_remove_css_class (button, "fc-active");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label (key, shift), -1);
  g_hash_table_insert (self->key_widgets, (gpointer)key, button);
}

static GtkWidget *
make_key (FcKeyboardView *self, const FcKeyboardKey *key, int row, int index,
          FcKeyboardShift shift)
{
  GtkWidget *button;
  GtkGesture *gesture;

  if (key->kind == FC_KEYBOARD_KEY_SPACER)
    {
      GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (spacer, "fc-key-spacer");
      gtk_accessible_update_state (GTK_ACCESSIBLE (spacer),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      remember_slot (self, key, row < 0, spacer);
      return spacer;
    }

  /* Key text is drawn by a face that wipes its copies, not a GtkLabel. */
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), fc_keyboard_key_face_new (NULL));
  gtk_widget_set_focusable (button, FALSE);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_vexpand (button, TRUE);
  gtk_widget_add_css_class (button, "fc-key");
  gtk_widget_add_css_class (button, kind_class (key->kind));
  if (key->kind != FC_KEYBOARD_KEY_CHARACTER
      && key->kind != FC_KEYBOARD_KEY_EXTRA
      && key->kind != FC_KEYBOARD_KEY_SPACE)
    gtk_widget_add_css_class (button, "fc-key-function");
  label_key (self, button, key, shift);
  g_object_set_data (G_OBJECT (button), "fc-key-row",
                     GINT_TO_POINTER (row + 1));
  g_object_set_data (G_OBJECT (button), "fc-key-index",
                     GINT_TO_POINTER (index));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture),
                                 GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_gesture_pressed), self);
  g_signal_connect (gesture, "update", G_CALLBACK (on_gesture_update), self);
  /* "end" comes after a release and after a cancel alike, and also when
   * GtkGestureClick gives up on a press that moved ("released" does not). */
  g_signal_connect (gesture, "end", G_CALLBACK (on_gesture_up), self);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (gesture));
  g_signal_connect (button, "activate", G_CALLBACK (on_button_activate), self);

  remember_slot (self, key, row < 0, button);
  return button;
}

/* An empty title bar takes no room. The keyboard keeps one height in all
 * three layouts of a theme, as a platform keyboard does: the keys take
 * the room of the tallest layout's rows and, where another layout of the
 * theme shows the title bar and this one does not, the bar's room too
 * (the default theme's number layout has its done button there). */
void
fc_keyboard_view_update_header_visible (FcKeyboardView *self)
{
  gboolean title = *fc_keyboard_get_title (self->keyboard)
                   || *fc_keyboard_get_icon (self->keyboard);
  gboolean visible = title || gtk_widget_get_visible (self->close_button);
  gboolean elsewhere
      = title
        || fc_keyboard_get_theme (self->keyboard) == FC_KEYBOARD_THEME_DEFAULT;
  int height = fc_keyboard_get_max_rows (self->keyboard) * ROW_HEIGHT;

  gtk_widget_set_visible (self->header, visible);
  if (elsewhere && !visible)
    height += HEADER_HEIGHT;
  gtk_widget_set_size_request (self->body, -1, height);
}

/* The widgets show @keys, rows then sidebar, if they have their shapes:
 * only the text and state change. */
static gboolean
relabel_keys (FcKeyboardView *self, FcKeyboardShift shift)
{
  const FcKeyboardKey *keys;
  guint n_rows = fc_keyboard_get_n_rows (self->keyboard), n, slot = 0;

  if (self->key_slots->len == 0
      || self->shape_layout != fc_keyboard_get_layout (self->keyboard))
    return FALSE;
  for (guint r = 0; r <= n_rows; r++)
    {
      gboolean sidebar = r == n_rows;

      keys = sidebar ? fc_keyboard_get_sidebar (self->keyboard, &n)
                     : fc_keyboard_get_row (self->keyboard, r, &n);
      for (guint i = 0; i < n; i++, slot++)
        if (slot >= self->key_shapes->len
            || !same_shape (&g_array_index (self->key_shapes, KeyShape, slot),
                            &keys[i], sidebar))
          return FALSE;
    }
  if (slot != self->key_shapes->len)
    return FALSE;

  slot = 0;
  for (guint r = 0; r <= n_rows; r++)
    {
      keys = r == n_rows ? fc_keyboard_get_sidebar (self->keyboard, &n)
                         : fc_keyboard_get_row (self->keyboard, r, &n);
      for (guint i = 0; i < n; i++, slot++)
        if (keys[i].kind != FC_KEYBOARD_KEY_SPACER)
          label_key (self, g_ptr_array_index (self->key_slots, slot), &keys[i],
                     shift);
    }
  return TRUE;
}

/* New widgets for every key. */
static void
build_keys (FcKeyboardView *self, FcKeyboardShift shift)
{
  const FcKeyboardKey *sidebar;
  GtkWidget *rows, *child;
  guint n_rows, n_sidebar, main_span;

  g_ptr_array_set_size (self->key_slots, 0);
  g_array_set_size (self->key_shapes, 0);
  self->shape_layout = fc_keyboard_get_layout (self->keyboard);
  while ((child = gtk_widget_get_first_child (self->body)))
    gtk_grid_remove (GTK_GRID (self->body), child);

  rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (rows), TRUE);
  gtk_widget_set_hexpand (rows, TRUE);
  gtk_widget_add_css_class (rows, "fc-keyboard-rows");
  /* The body is a grid of equal columns: with a sidebar, the keys take
   * 3 of 4 columns in the number layout (the sidebar is as wide as a
   * digit) and 5 of 6 in the letter and symbol layouts. */
  main_span
      = fc_keyboard_get_layout (self->keyboard) == FC_KEYBOARD_LAYOUT_NUMBER
            ? 3
            : 5;
  gtk_grid_attach (GTK_GRID (self->body), rows, 0, 0, main_span, 1);

  n_rows = fc_keyboard_get_n_rows (self->keyboard);
  for (guint r = 0; r < n_rows; r++)
    {
      GtkWidget *grid = gtk_grid_new ();
      const FcKeyboardKey *keys;
      guint n;

      gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
      gtk_widget_add_css_class (grid, "fc-keyboard-row");
      keys = fc_keyboard_get_row (self->keyboard, r, &n);
      for (guint i = 0; i < n; i++)
        gtk_grid_attach (GTK_GRID (grid),
                         make_key (self, &keys[i], r, i, shift), keys[i].column,
                         0, keys[i].width, 1);
      gtk_box_append (GTK_BOX (rows), grid);
    }

  sidebar = fc_keyboard_get_sidebar (self->keyboard, &n_sidebar);
  if (n_sidebar > 0)
    {
      GtkWidget *grid = gtk_grid_new ();

      gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
      gtk_widget_add_css_class (grid, "fc-keyboard-sidebar");
      for (guint i = 0; i < n_sidebar; i++)
        gtk_grid_attach (GTK_GRID (grid),
                         make_key (self, &sidebar[i], -1, i, shift), 0,
                         sidebar[i].row, 1, sidebar[i].height);
      gtk_grid_attach (GTK_GRID (self->body), grid, main_span, 0, 1, 1);
    }
}

void
fc_keyboard_view_rebuild_keys (FcKeyboardView *self)
{
  FcKeyboardShift shift = fc_keyboard_get_shift (self->keyboard);
  gboolean custom
      = fc_keyboard_get_theme (self->keyboard) == FC_KEYBOARD_THEME_CUSTOM;
  gboolean relabelled;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  self->stale = FALSE;
  fc_keyboard_view_popup_hide (self);
  g_hash_table_remove_all (self->key_widgets);
  /* A new arrangement, a shift, a new done-key text or a hide leaves
   * every key where it was: the same widgets take the new text (the
   * face wipes the old), which spares new widgets, their styles and a
   * full layout on every show. Other changes build new widgets. */
  relabelled = relabel_keys (self, shift);
  if (!relabelled)
    build_keys (self, shift);

  if (custom)
    gtk_widget_add_css_class (self->frame, "fc-theme-custom");
  else
    gtk_widget_remove_css_class (self->frame, "fc-theme-custom");
  /* The title bar's close button stands in for a done key where the
   * layout has none (the default theme's number layout). */
  gtk_widget_set_visible (self->close_button,
                          fc_keyboard_find_key (self->keyboard, "close")
                              == NULL);
  fc_keyboard_view_update_header_visible (self);
  g_log (LOG_DOMAIN_VIEW, G_LOG_LEVEL_DEBUG,
         relabelled ? "keys relabelled" : "keys rebuilt");
}
