/* fc-keyboard-clock.c: the clock interface, the main-loop clock and the
 * virtual clock. */

#include "fc-keyboard-clock.h"

G_DEFINE_INTERFACE (FcKeyboardClock, fc_keyboard_clock, G_TYPE_OBJECT)

static void
fc_keyboard_clock_default_init (FcKeyboardClockInterface *iface)
{
}

/**
 * fc_keyboard_clock_get_time:
 * @self: a clock
 *
 * The clock's current time, in microseconds (monotonic).
 *
 * Returns: the time in µs
 */
gint64
fc_keyboard_clock_get_time (FcKeyboardClock *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD_CLOCK (self), 0);
  return FC_KEYBOARD_CLOCK_GET_IFACE (self)->get_time (self);
}

/**
 * fc_keyboard_clock_add_timeout:
 * @self: a clock
 * @interval_ms: the interval, in ms
 * @func: (scope notified) (closure data) (destroy notify): the function
 * @data: data for @func
 * @notify: (nullable): frees @data when the timeout ends
 *
 * Calls @func every @interval_ms of the clock's time until it returns
 * %G_SOURCE_REMOVE, like g_timeout_add_full().
 *
 * Returns: the timeout's id, above 0
 */
guint
fc_keyboard_clock_add_timeout (FcKeyboardClock *self, guint interval_ms,
                               GSourceFunc func, gpointer data,
                               GDestroyNotify notify)
{
  g_return_val_if_fail (FC_IS_KEYBOARD_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);
  return FC_KEYBOARD_CLOCK_GET_IFACE (self)->add_timeout (self, interval_ms,
                                                          func, data, notify);
}

/**
 * fc_keyboard_clock_remove_timeout:
 * @self: a clock
 * @id: the timeout's id
 *
 * Cancels a timeout of fc_keyboard_clock_add_timeout().
 */
void
fc_keyboard_clock_remove_timeout (FcKeyboardClock *self, guint id)
{
  g_return_if_fail (FC_IS_KEYBOARD_CLOCK (self));
  if (id == 0)
    return;
  FC_KEYBOARD_CLOCK_GET_IFACE (self)->remove_timeout (self, id);
}

/* Main-loop clock */

struct _FcKeyboardMainLoopClock
{
  GObject parent_instance;
};

static void
fc_keyboard_main_loop_clock_iface_init (FcKeyboardClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (
    FcKeyboardMainLoopClock, fc_keyboard_main_loop_clock, G_TYPE_OBJECT,
    G_IMPLEMENT_INTERFACE (FC_TYPE_KEYBOARD_CLOCK,
                           fc_keyboard_main_loop_clock_iface_init))

static gint64
main_loop_get_time (FcKeyboardClock *clock)
{
  return g_get_monotonic_time ();
}

static guint
main_loop_add_timeout (FcKeyboardClock *clock, guint interval_ms,
                       GSourceFunc func, gpointer data, GDestroyNotify notify)
{
  return g_timeout_add_full (G_PRIORITY_DEFAULT, interval_ms, func, data,
                             notify);
}

static void
main_loop_remove_timeout (FcKeyboardClock *clock, guint id)
{
  g_source_remove (id);
}

static void
fc_keyboard_main_loop_clock_iface_init (FcKeyboardClockInterface *iface)
{
  iface->get_time = main_loop_get_time;
  iface->add_timeout = main_loop_add_timeout;
  iface->remove_timeout = main_loop_remove_timeout;
}

static void
fc_keyboard_main_loop_clock_class_init (FcKeyboardMainLoopClockClass *klass)
{
}

static void
fc_keyboard_main_loop_clock_init (FcKeyboardMainLoopClock *self)
{
}

/**
 * fc_keyboard_main_loop_clock_new:
 *
 * A clock on the default main context and g_get_monotonic_time(): what a
 * keyboard uses when no other clock is given.
 *
 * Returns: (transfer full): a new clock
 */
FcKeyboardClock *
fc_keyboard_main_loop_clock_new (void)
{
  return g_object_new (FC_TYPE_KEYBOARD_MAIN_LOOP_CLOCK, NULL);
}

/* Virtual clock */

typedef struct
{
  guint id;
  guint interval_ms;
  gint64 due_ms;
  GSourceFunc func;
  gpointer data;
  GDestroyNotify notify;
} VirtualTimer;

struct _FcKeyboardVirtualClock
{
  GObject parent_instance;
  gint64 now_ms;
  guint next_id;
  GPtrArray *timers; /* VirtualTimer*, unordered */
};

static void
fc_keyboard_virtual_clock_iface_init (FcKeyboardClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (
    FcKeyboardVirtualClock, fc_keyboard_virtual_clock, G_TYPE_OBJECT,
    G_IMPLEMENT_INTERFACE (FC_TYPE_KEYBOARD_CLOCK,
                           fc_keyboard_virtual_clock_iface_init))

static void
virtual_timer_free (VirtualTimer *timer)
{
  if (timer->notify)
    timer->notify (timer->data);
  g_free (timer);
}

static gint64
virtual_get_time (FcKeyboardClock *clock)
{
  return FC_KEYBOARD_VIRTUAL_CLOCK (clock)->now_ms * 1000;
}

static guint
virtual_add_timeout (FcKeyboardClock *clock, guint interval_ms,
                     GSourceFunc func, gpointer data, GDestroyNotify notify)
{
  FcKeyboardVirtualClock *self = FC_KEYBOARD_VIRTUAL_CLOCK (clock);
  VirtualTimer *timer = g_new0 (VirtualTimer, 1);

  timer->id = ++self->next_id;
  timer->interval_ms = interval_ms;
  timer->due_ms = self->now_ms + interval_ms;
  timer->func = func;
  timer->data = data;
  timer->notify = notify;
  g_ptr_array_add (self->timers, timer);
  return timer->id;
}

static gboolean
virtual_take (FcKeyboardVirtualClock *self, guint id, VirtualTimer **out)
{
  for (guint i = 0; i < self->timers->len; i++)
    {
      VirtualTimer *timer = g_ptr_array_index (self->timers, i);

      if (timer->id == id)
        {
          *out = g_ptr_array_steal_index_fast (self->timers, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
virtual_remove_timeout (FcKeyboardClock *clock, guint id)
{
  FcKeyboardVirtualClock *self = FC_KEYBOARD_VIRTUAL_CLOCK (clock);
  VirtualTimer *timer;

  if (virtual_take (self, id, &timer))
    virtual_timer_free (timer);
}

static void
fc_keyboard_virtual_clock_iface_init (FcKeyboardClockInterface *iface)
{
  iface->get_time = virtual_get_time;
  iface->add_timeout = virtual_add_timeout;
  iface->remove_timeout = virtual_remove_timeout;
}

static void
fc_keyboard_virtual_clock_finalize (GObject *object)
{
  FcKeyboardVirtualClock *self = FC_KEYBOARD_VIRTUAL_CLOCK (object);

  g_ptr_array_unref (self->timers);
  G_OBJECT_CLASS (fc_keyboard_virtual_clock_parent_class)->finalize (object);
}

static void
fc_keyboard_virtual_clock_class_init (FcKeyboardVirtualClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fc_keyboard_virtual_clock_finalize;
}

static void
fc_keyboard_virtual_clock_init (FcKeyboardVirtualClock *self)
{
  self->timers
      = g_ptr_array_new_with_free_func ((GDestroyNotify)virtual_timer_free);
}

/**
 * fc_keyboard_virtual_clock_new:
 *
 * Creates a clock that stands still until
 * fc_keyboard_virtual_clock_advance() moves it: for replay and tests.
 *
 * Returns: (transfer full): the clock
 */
FcKeyboardVirtualClock *
fc_keyboard_virtual_clock_new (void)
{
  return g_object_new (FC_TYPE_KEYBOARD_VIRTUAL_CLOCK, NULL);
}

/**
 * fc_keyboard_virtual_clock_advance:
 * @self: a virtual clock
 * @ms: how far to move time
 *
 * Moves time forward by @ms, firing every timeout that falls due on the
 * way, in order of due time (ties by creation), each at its own due time.
 * Callbacks may add and remove timeouts.
 */
void
fc_keyboard_virtual_clock_advance (FcKeyboardVirtualClock *self, guint ms)
{
  gint64 target;

  g_return_if_fail (FC_IS_KEYBOARD_VIRTUAL_CLOCK (self));

  target = self->now_ms + ms;
  g_object_ref (self);
  for (;;)
    {
      VirtualTimer *next = NULL, *timer;
      guint id;

      for (guint i = 0; i < self->timers->len; i++)
        {
          VirtualTimer *t = g_ptr_array_index (self->timers, i);

          if (t->due_ms <= target
              && (next == NULL || t->due_ms < next->due_ms
                  || (t->due_ms == next->due_ms && t->id < next->id)))
            next = t;
        }
      if (next == NULL)
        break;

      self->now_ms = next->due_ms;
      id = next->id;
      if (next->func (next->data) == G_SOURCE_CONTINUE)
        {
          /* The callback may have removed itself; look it up again. */
          for (guint i = 0; i < self->timers->len; i++)
            {
              timer = g_ptr_array_index (self->timers, i);
              if (timer->id == id)
                timer->due_ms += MAX (timer->interval_ms, 1);
            }
        }
      else if (virtual_take (self, id, &timer))
        virtual_timer_free (timer);
    }
  self->now_ms = target;
  g_object_unref (self);
}

/**
 * fc_keyboard_virtual_clock_get_n_pending:
 * @self: a virtual clock
 *
 * How many timeouts wait on the clock, for tests that check a keyboard
 * left none behind.
 *
 * Returns: the number of pending timeouts
 */
guint
fc_keyboard_virtual_clock_get_n_pending (FcKeyboardVirtualClock *self)
{
  g_return_val_if_fail (FC_IS_KEYBOARD_VIRTUAL_CLOCK (self), 0);
  return self->timers->len;
}
