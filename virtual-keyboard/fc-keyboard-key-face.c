/* fc-keyboard-key-face.c: a key's text, drawn without a GtkLabel.
 *
 * A GtkLabel keeps its own copies of the text (label and text strings)
 * and frees them without a wipe. This widget keeps exactly two: its
 * buffer and the text of the one PangoLayout it owns; both are zeroed
 * (explicit_bzero) before they are replaced or freed. What is left in
 * GTK's and Pango's memory is listed in README.md (Security). */

#include "fc-keyboard-key-face-private.h"

#include <string.h>

struct _FcKeyboardKeyFace
{
  GtkWidget parent_instance;

  char *text;
  PangoLayout *layout;
  int width, height; /* the layout's pixel size; -1 until measured */
};

G_DEFINE_FINAL_TYPE (FcKeyboardKeyFace, fc_keyboard_key_face, GTK_TYPE_WIDGET)

static void
wipe_string (char *s)
{
  if (s != NULL)
    explicit_bzero (s, strlen (s));
}

/* Pango copies the text on pango_layout_set_text() and frees the old copy
 * with g_free(): zero it in place first. The lines and runs hold offsets
 * and glyph ids, not the text. */
static void
wipe_layout (PangoLayout *layout)
{
  if (layout == NULL)
    return;
  wipe_string ((char *)pango_layout_get_text (layout));
  pango_layout_set_text (layout, "", 0);
}

/* Laying text out is the face's one costly step: done once per text and
 * font, not on every measure and frame. */
static void
ensure_size (FcKeyboardKeyFace *self)
{
  if (self->width < 0)
    pango_layout_get_pixel_size (self->layout, &self->width, &self->height);
}

static void
fc_keyboard_key_face_measure (GtkWidget *widget, GtkOrientation orientation,
                              int for_size, int *minimum, int *natural,
                              int *minimum_baseline, int *natural_baseline)
{
  FcKeyboardKeyFace *self = FC_KEYBOARD_KEY_FACE (widget);

  ensure_size (self);
  *minimum = *natural
      = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height;
}

static void
fc_keyboard_key_face_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  FcKeyboardKeyFace *self = FC_KEYBOARD_KEY_FACE (widget);
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0')
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  ensure_size (self);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (
      snapshot, &GRAPHENE_POINT_INIT (
                    (gtk_widget_get_width (widget) - self->width) / 2.f,
                    (gtk_widget_get_height (widget) - self->height) / 2.f));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* The font comes from CSS: the widget's Pango context follows it, the
 * layout has to be told. */
static void
fc_keyboard_key_face_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  FcKeyboardKeyFace *self = FC_KEYBOARD_KEY_FACE (widget);

  GTK_WIDGET_CLASS (fc_keyboard_key_face_parent_class)
      ->css_changed (widget, change);
  pango_layout_context_changed (self->layout);
  self->width = self->height = -1;
  gtk_widget_queue_resize (widget);
}

static void
fc_keyboard_key_face_dispose (GObject *object)
{
  FcKeyboardKeyFace *self = FC_KEYBOARD_KEY_FACE (object);

  wipe_layout (self->layout);
  g_clear_object (&self->layout);
  wipe_string (self->text);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (fc_keyboard_key_face_parent_class)->dispose (object);
}

static void
fc_keyboard_key_face_class_init (FcKeyboardKeyFaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fc_keyboard_key_face_dispose;
  widget_class->measure = fc_keyboard_key_face_measure;
  widget_class->snapshot = fc_keyboard_key_face_snapshot;
  widget_class->css_changed = fc_keyboard_key_face_css_changed;
  gtk_widget_class_set_css_name (widget_class, "fc-key-face");
  /* the button carries the accessible label */
  gtk_widget_class_set_accessible_role (widget_class,
                                        GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
fc_keyboard_key_face_init (FcKeyboardKeyFace *self)
{
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  self->width = self->height = -1;
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
fc_keyboard_key_face_new (const char *text)
{
  GtkWidget *self = g_object_new (FC_TYPE_KEYBOARD_KEY_FACE, NULL);

  fc_keyboard_key_face_set_text (FC_KEYBOARD_KEY_FACE (self), text);
  return self;
}

/* New text in a face already measured (a key relabelled on show) asks
 * for a new size only if its size changes (digits do not, in most fonts):
 * otherwise only a redraw, and the frame lays out nothing again. */
void
fc_keyboard_key_face_set_text (FcKeyboardKeyFace *self, const char *text)
{
  int width, height;

  g_return_if_fail (FC_IS_KEYBOARD_KEY_FACE (self));
  width = self->width;
  height = self->height;

  wipe_layout (self->layout);
  wipe_string (self->text);
  g_clear_pointer (&self->text, g_free);
  if (text != NULL && *text)
    {
      self->text = g_strdup (text);
      pango_layout_set_text (self->layout, self->text, -1);
    }
  if (width < 0)
    {
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }
  self->width = self->height = -1;
  ensure_size (self);
  if (self->width != width || self->height != height)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: (transfer none) (nullable): the text drawn, valid until the
 * next set_text or dispose */
const char *
fc_keyboard_key_face_get_text (FcKeyboardKeyFace *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD_KEY_FACE (self), NULL);
  return self->text;
}

/* Returns: (transfer none): the layout that draws the text */
PangoLayout *
fc_keyboard_key_face_get_layout (FcKeyboardKeyFace *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD_KEY_FACE (self), NULL);
  return self->layout;
}
