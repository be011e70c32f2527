/* fc-page-timers.c: the timeouts and holds of a page's virtual clock, on
 * the page and through an element (fc-page-clock.c runs them). */
#include "fc-page-timers-private.h"

/**
 * fc_page_get_time:
 * @self: a page
 *
 * Milliseconds since the page opened (virtual).
 *
 * Returns: the page time in ms
 */
double
fc_page_get_time (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), 0);
  return self->now;
}

/**
 * fc_page_add_timeout:
 * @self: a page
 * @delay_ms: after how long (virtual time)
 * @func: called then; returning %G_SOURCE_CONTINUE repeats it
 * @user_data: its data
 * @destroy: (nullable): frees @user_data when the timeout ends
 *
 * Calls @func after @delay_ms of the page's time (virtual unless the host
 * moves it with the real clock), as the page's setTimeout; @func returns
 * %G_SOURCE_CONTINUE to run again after the same delay.
 *
 * Returns: the timeout's id
 */
guint
fc_page_add_timeout (FcPage *self, double delay_ms, GSourceFunc func, gpointer user_data, GDestroyNotify destroy)
{
  Timer t = { self->next_timer_id++, self->now + MAX (delay_ms, 0), MAX (delay_ms, 0), func, user_data, destroy, NULL };
  g_return_val_if_fail (FC_IS_PAGE (self) && func, 0);
  g_array_append_val (self->timers, t);
  return t.id;
}

/**
 * fc_page_remove_timeout:
 * @self: a page
 * @id: what fc_page_add_timeout() returned
 *
 * Removes a timeout of fc_page_add_timeout() before it runs, as
 * clearTimeout.
 */
void
fc_page_remove_timeout (FcPage *self, guint id)
{
  g_return_if_fail (FC_IS_PAGE (self));
  for (guint i = 0; i < self->timers->len; i++)
    if (g_array_index (self->timers, Timer, i).id == id)
      {
        Timer t = g_array_index (self->timers, Timer, i);
        g_array_remove_index (self->timers, i);
        if (t.destroy)
          t.destroy (t.user_data);
        return;
      }
}

/**
 * fc_page_hold:
 * @self: a page
 *
 * Tells the page a component has asynchronous work in flight whose events
 * are still to come (a camera negotiating, a recording being encoded). A
 * host that runs a page headlessly (`fc-demo replay`) iterates the main
 * context while the page is held before it concludes an expected event
 * never came. Each hold is ended by one fc_page_release().
 */
void
fc_page_hold (FcPage *self)
{
  g_return_if_fail (FC_IS_PAGE (self));
  self->holds++;
}

/**
 * fc_page_release:
 * @self: a page
 *
 * Ends one fc_page_hold().
 */
void
fc_page_release (FcPage *self)
{
  g_return_if_fail (FC_IS_PAGE (self));
  g_return_if_fail (self->holds > 0);
  self->holds--;
}

/**
 * fc_page_is_held:
 * @self: a page
 *
 * Whether a component holds the page (fc_page_hold()): a camera
 * negotiating, a recording being encoded. A host that runs page time ahead
 * waits while it is held.
 *
 * Returns: whether a component has asynchronous work in flight
 */
gboolean
fc_page_is_held (FcPage *self)
{
  g_return_val_if_fail (FC_IS_PAGE (self), FALSE);
  return self->holds > 0;
}

/* Ends the timeouts made through @owner (an element or a handle). */
void
fc_page_remove_timeouts_of (FcPage *page, FcElement *owner)
{
  for (guint i = page->timers->len; i > 0; i--)
    if (g_array_index (page->timers, Timer, i - 1).owner == owner)
      fc_page_remove_timeout (page, g_array_index (page->timers, Timer, i - 1).id);
}

/* ---- the page's clock, as a component reaches it ----
 *
 * A component's code holds its element (a plugin's: a handle of it), not
 * the page: these give it the page's clock and nothing else. */

/**
 * fc_element_get_time:
 * @element: an element
 *
 * The clock of @element's page, in milliseconds since it opened: what a
 * component uses for its animations and timers.
 *
 * Returns: the time of @element's page, in ms (virtual)
 */
double
fc_element_get_time (FcElement *element)
{
  FcElement *el;

  g_return_val_if_fail (element != NULL, 0);
  el = fc_element_resolve (element);
  return el ? el->page->now : 0;
}

/**
 * fc_element_add_timeout:
 * @element: an element, or a plugin's handle of one
 * @delay_ms: after how long (the page's time)
 * @func: called then; returning %G_SOURCE_CONTINUE repeats it
 * @user_data: its data
 * @destroy: (nullable): frees @user_data when the timeout ends
 *
 * fc_page_add_timeout() on @element's page; the timeout ends with the
 * element, if it has not run before.
 *
 * Returns: the timeout's id; 0 when @element is gone
 */
guint
fc_element_add_timeout (FcElement *element, double delay_ms, GSourceFunc func, gpointer user_data,
                        GDestroyNotify destroy)
{
  FcElement *el;
  guint id;

  g_return_val_if_fail (element != NULL && func != NULL, 0);
  if (!(el = fc_element_resolve (element)))
    {
      if (destroy)
        destroy (user_data);
      return 0;
    }
  id = fc_page_add_timeout (el->page, delay_ms, func, user_data, destroy);
  g_array_index (el->page->timers, Timer, el->page->timers->len - 1).owner = element;
  return id;
}

/**
 * fc_element_remove_timeout:
 * @element: an element
 * @id: what fc_element_add_timeout() returned
 *
 * Removes a timeout of fc_element_add_timeout() before it runs.
 *
 * Ends a timeout of fc_element_add_timeout().
 */
void
fc_element_remove_timeout (FcElement *element, guint id)
{
  FcElement *el;

  g_return_if_fail (element != NULL);
  if ((el = fc_element_resolve (element)) && id != 0)
    fc_page_remove_timeout (el->page, id);
}

/**
 * fc_element_hold:
 * @element: an element, or a plugin's handle of one
 *
 * fc_page_hold() on @element's page: its component has work in flight
 * whose events are still to come. Ended by fc_element_release(), or when
 * the element goes.
 */
void
fc_element_hold (FcElement *element)
{
  FcElement *el;

  g_return_if_fail (element != NULL);
  if (!(el = fc_element_resolve (element)))
    return;
  element->holds++;
  el->page->holds++;
}

/**
 * fc_element_release:
 *
 * Ends one fc_element_hold() made through @element.
 */
void
fc_element_release (FcElement *element)
{
  FcElement *el;

  g_return_if_fail (element != NULL);
  if (!(el = fc_element_resolve (element)) || element->holds == 0)
    return;
  element->holds--;
  fc_page_release (el->page);
}
