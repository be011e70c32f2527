/* fc-keyboard-view-private.h: what the files of FcKeyboardView share
 * (fc-keyboard-view.c, -view-keys.c): the instance struct, the sizes and
 * the key widgets' entry points, which are in fc-keyboard-view-keys.c.
 * Not installed. */
#pragma once

#include "fc-keyboard-view.h"

G_BEGIN_DECLS

#define LOG_DOMAIN_VIEW "fc-keyboard-view"

/* Sizes in px the CSS and the height reservation share. */
#define KEY_SIZE 44      /* a key's least width and height: touchable */
#define KEY_MARGIN 3     /* around each key */
#define HEADER_HEIGHT 40 /* the title bar */
#define ROW_HEIGHT (KEY_SIZE + 2 * KEY_MARGIN)

/* Where a key's widget sits; a new layout with the same shapes in the
 * same order is shown by relabelling the widgets, not rebuilding them. */
typedef struct
{
  FcKeyboardKeyKind kind;
  gboolean sidebar;
  guint row, column, width, height;
} KeyShape;

struct _FcKeyboardView
{
  GtkWidget parent_instance;

  FcKeyboard *keyboard;
  GtkWidget *revealer;
  GtkWidget *frame;
  GtkWidget *header;
  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *close_button;
  GtkWidget *body;
  GtkWidget *popover;
  GtkWidget *popover_face;

  GHashTable *key_widgets; /* FcKeyboardKey* → GtkButton*, this layout's */
  GPtrArray *key_slots;    /* each key's widget (spacers too), in order */
  GArray *key_shapes;      /* KeyShape, one per key_slots entry */
  FcKeyboardLayout shape_layout;
  GtkCssProvider *theme_css;
  GdkDisplay *display;
  char *css_class;

  GWeakRef focus_before; /* where the focus was when the keyboard showed */
  gboolean in_press;
  gboolean stale; /* the core rebuilt during a press */
  guint rebuild_idle;
};

/* Shows the core's layout now: relabels the key widgets where the shapes
 * are the same, builds new ones otherwise; hides the popup. */
void fc_keyboard_view_rebuild_keys (FcKeyboardView *self);

/* Hides the pressed key's preview and wipes its text. */
void fc_keyboard_view_popup_hide (FcKeyboardView *self);

/* Shows or hides the title bar and reserves the keyboard's height. */
void fc_keyboard_view_update_header_visible (FcKeyboardView *self);

G_END_DECLS
