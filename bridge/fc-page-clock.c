/* fc-page-clock.c: running the page's virtual clock: the timeouts that
 * fall due (fc-page-timers.c keeps them) run inside one update, so that
 * elements they remove are freed after. */
#include "fc-page-timers-private.h"
#include "fc-element-private.h"

/**
 * fc_page_advance:
 * @self: a page
 * @ms: how far to move virtual time
 *
 * Runs the timeouts that fall due, in order, each at its own time.
 */
void
fc_page_advance (FcPage *self, double ms)
{
  double target;

  g_return_if_fail (FC_IS_PAGE (self));
  target = self->now + MAX (ms, 0);
  fc_page_update_begin (self);
  while (TRUE)
    {
      int best = -1;
      for (guint i = 0; i < self->timers->len; i++)
        {
          Timer *t = &g_array_index (self->timers, Timer, i);
          if (t->due <= target && (best < 0 || t->due < g_array_index (self->timers, Timer, best).due))
            best = (int) i;
        }
      if (best < 0)
        break;
      {
        Timer t = g_array_index (self->timers, Timer, best);
        self->now = MAX (self->now, t.due);
        if (t.func (t.user_data) == G_SOURCE_CONTINUE)
          {
            /* the timer list may have changed during the call */
            for (guint i = 0; i < self->timers->len; i++)
              if (g_array_index (self->timers, Timer, i).id == t.id)
                g_array_index (self->timers, Timer, i).due = self->now + MAX (t.interval, 1);
          }
        else
          fc_page_remove_timeout (self, t.id);
      }
    }
  self->now = target;
  fc_page_update_end (self);
}

/**
 * fc_element_advance:
 * @element: an element
 * @ms: how far, in ms
 *
 * Moves the clock of @element's page on (fc_page_advance()): for a
 * component that drives time itself, as the recorder does offline.
 *
 * Fc_page_advance() on @element's page.
 */
void
fc_element_advance (FcElement *element, double ms)
{
  FcElement *el;

  g_return_if_fail (element != NULL);
  if ((el = fc_element_resolve (element)))
    fc_page_advance (el->page, ms);
}
