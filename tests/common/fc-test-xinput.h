/* Real input for GTK tests: X test events (XTest, through xdotool) on the
 * virtual X display, aimed at a widget's place on the screen. The events
 * come from the X server the way a person's mouse and keyboard do, so
 * they go through GTK's event delivery, its gestures and its focus, not
 * around them. Only on X11: fc_test_xinput_skip_unless_available() skips
 * the test elsewhere. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* TRUE when the default display is X11 and xdotool can be run; else
 * marks the test skipped (g_test_skip) and returns FALSE. */
gboolean fc_test_xinput_skip_unless_available (void);

/* Moves the pointer to (X, Y) in WIDGET's coordinates; a negative X or Y
 * is the middle of WIDGET on that axis. */
void fc_test_xinput_move (GtkWidget *widget, double x, double y);

/* Presses (DOWN) or releases the primary button where the pointer is. */
void fc_test_xinput_button (GtkWidget *widget, gboolean down);

/* A click in the middle of WIDGET: move, press, release. */
void fc_test_xinput_click (GtkWidget *widget);

/* One notch of the mouse wheel (DOWN or up) over the middle of WIDGET. */
void fc_test_xinput_wheel (GtkWidget *widget, gboolean down);

/* Types KEYS, an xdotool key list such as "7", "BackSpace", "alt+Left". */
void fc_test_xinput_key (GtkWidget *widget, const char *keys);

/* Lets the events sent so far reach WIDGET's window and be handled: an X
 * round trip, then the main loop runs until it is idle and two frames
 * have been painted. */
void fc_test_xinput_sync (GtkWidget *widget);

/* Runs the main loop for MS milliseconds. */
void fc_test_xinput_wait (guint ms);

G_END_DECLS
