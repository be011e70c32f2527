/* fc-keyboard-clock.h: where the keyboard takes its time from.
 *
 * The keyboard never calls g_timeout_add() or g_get_monotonic_time()
 * itself: it asks an FcKeyboardClock. By default that is the main-loop
 * clock (real monotonic time, GLib timeouts); replay and tests give it an
 * FcKeyboardVirtualClock and advance time by hand. A host with a clock of
 * its own implements the interface (three functions). */
#pragma once

#include <glib-object.h>

#include "fc-keyboard-export.h"

G_BEGIN_DECLS

/**
 * FcKeyboardClock:
 *
 * Where a keyboard's time comes from (slides, key repeat): the main loop
 * (#FcKeyboardMainLoopClock), a page's clock inside a page, or a virtual
 * clock in replay and tests (#FcKeyboardVirtualClock).
 */
#define FC_TYPE_KEYBOARD_CLOCK (fc_keyboard_clock_get_type ())
FC_KEYBOARD_EXPORT
G_DECLARE_INTERFACE (FcKeyboardClock, fc_keyboard_clock, FC, KEYBOARD_CLOCK,
                     GObject)

/**
 * FcKeyboardClockInterface:
 * @get_time: the current time in microseconds (monotonic)
 * @add_timeout: calls @func every @interval_ms until it returns
 *   %G_SOURCE_REMOVE (then @notify is called), like g_timeout_add_full();
 *   returns an id > 0
 * @remove_timeout: cancels a timeout by id; @notify is called
 */
struct _FcKeyboardClockInterface
{
  GTypeInterface g_iface;

  gint64 (*get_time) (FcKeyboardClock *self);
  guint (*add_timeout) (FcKeyboardClock *self, guint interval_ms,
                        GSourceFunc func, gpointer data, GDestroyNotify notify);
  void (*remove_timeout) (FcKeyboardClock *self, guint id);
};

FC_KEYBOARD_EXPORT
gint64 fc_keyboard_clock_get_time (FcKeyboardClock *self);
FC_KEYBOARD_EXPORT
guint fc_keyboard_clock_add_timeout (FcKeyboardClock *self, guint interval_ms,
                                     GSourceFunc func, gpointer data,
                                     GDestroyNotify notify);
FC_KEYBOARD_EXPORT
void fc_keyboard_clock_remove_timeout (FcKeyboardClock *self, guint id);

/**
 * FcKeyboardMainLoopClock:
 *
 * The real clock: g_get_monotonic_time() and GLib main-loop timeouts.
 */
#define FC_TYPE_KEYBOARD_MAIN_LOOP_CLOCK                                       \
  (fc_keyboard_main_loop_clock_get_type ())
FC_KEYBOARD_EXPORT
G_DECLARE_FINAL_TYPE (FcKeyboardMainLoopClock, fc_keyboard_main_loop_clock, FC,
                      KEYBOARD_MAIN_LOOP_CLOCK, GObject)

FC_KEYBOARD_EXPORT
FcKeyboardClock *fc_keyboard_main_loop_clock_new (void);

/**
 * FcKeyboardVirtualClock:
 *
 * A clock that only moves when told to (fc_keyboard_virtual_clock_advance()):
 * replay and tests.
 */
#define FC_TYPE_KEYBOARD_VIRTUAL_CLOCK (fc_keyboard_virtual_clock_get_type ())
FC_KEYBOARD_EXPORT
G_DECLARE_FINAL_TYPE (FcKeyboardVirtualClock, fc_keyboard_virtual_clock, FC,
                      KEYBOARD_VIRTUAL_CLOCK, GObject)

FC_KEYBOARD_EXPORT
FcKeyboardVirtualClock *fc_keyboard_virtual_clock_new (void);
FC_KEYBOARD_EXPORT
void fc_keyboard_virtual_clock_advance (FcKeyboardVirtualClock *self, guint ms);
FC_KEYBOARD_EXPORT
guint fc_keyboard_virtual_clock_get_n_pending (FcKeyboardVirtualClock *self);

G_END_DECLS
