/* fc-event.c: FcCallbackScope: handler names to C callbacks, the fallback
 * and the observer (the event object, fc_event_to_value(), is built in
 * fc-element.c, which knows elements). */
#include "fc-event-private.h"

/* FcEvent as a boxed type: a copy owns its strings and detail. */
static FcEvent *
event_copy (const FcEvent *event)
{
  FcEvent *copy = g_new (FcEvent, 1);
  *copy = *event;
  copy->type = g_strdup (event->type);
  copy->handler = g_strdup (event->handler);
  copy->detail = event->detail ? fc_value_ref (event->detail) : NULL;
  copy->mark = event->mark ? fc_value_ref (event->mark) : NULL;
  return copy;
}

static void
event_free (FcEvent *event)
{
  g_free ((char *) event->type);
  g_free ((char *) event->handler);
  g_clear_pointer (&event->detail, fc_value_unref);
  g_clear_pointer (&event->mark, fc_value_unref);
  g_free (event);
}

G_DEFINE_BOXED_TYPE (FcEvent, fc_event, event_copy, event_free)

typedef struct {
  FcEventCallback callback;
  gpointer user_data;
  GDestroyNotify destroy;
} Callback;

static void
callback_free (gpointer p)
{
  Callback *c = p;
  if (c->destroy)
    c->destroy (c->user_data);
  g_free (c);
}

struct _FcCallbackScope {
  GObject parent_instance;
  GHashTable *callbacks; /* name → Callback */
  Callback *fallback;
  Callback *observer;
};

G_DEFINE_FINAL_TYPE (FcCallbackScope, fc_callback_scope, G_TYPE_OBJECT)

static void
fc_callback_scope_finalize (GObject *object)
{
  FcCallbackScope *self = FC_CALLBACK_SCOPE (object);
  g_hash_table_unref (self->callbacks);
  g_clear_pointer (&self->fallback, callback_free);
  g_clear_pointer (&self->observer, callback_free);
  G_OBJECT_CLASS (fc_callback_scope_parent_class)->finalize (object);
}

static void
fc_callback_scope_class_init (FcCallbackScopeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fc_callback_scope_finalize;
}

static void
fc_callback_scope_init (FcCallbackScope *self)
{
  self->callbacks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, callback_free);
}

/**
 * fc_callback_scope_new:
 *
 * Creates an empty table of handler names; a host fills it and gives it to
 * fc_page_new().
 *
 * Returns: (transfer full): an empty scope
 */
FcCallbackScope *
fc_callback_scope_new (void)
{
  return g_object_new (FC_TYPE_CALLBACK_SCOPE, NULL);
}

/**
 * fc_callback_scope_add_callback:
 * @self: a scope
 * @name: the handler name used in markup (`bind:input="changeInput"`)
 * @callback: (scope notified): the function
 * @user_data: its data
 * @destroy: (nullable): frees @user_data when replaced or with the scope
 *
 * Registers the host's function for one handler name that pages bind
 * (`bindinput="pinInput"`); it replaces an earlier one of the same name.
 */
void
fc_callback_scope_add_callback (FcCallbackScope *self, const char *name, FcEventCallback callback,
                                gpointer user_data, GDestroyNotify destroy)
{
  Callback *c;
  g_return_if_fail (FC_IS_CALLBACK_SCOPE (self) && name && callback);
  c = g_new (Callback, 1);
  *c = (Callback) { callback, user_data, destroy };
  g_hash_table_replace (self->callbacks, g_strdup (name), c);
}

/**
 * fc_callback_scope_set_fallback:
 * @self: a scope
 * @callback: (nullable) (scope notified): called for names without a
 *   callback of their own (replay uses it to record every handler)
 * @user_data: its data
 * @destroy: (nullable): frees @user_data
 *
 * Sets the function called for every handler name that has no callback of
 * its own: a host in another language can take every event through one
 * function (event->handler names it).
 */
void
fc_callback_scope_set_fallback (FcCallbackScope *self, FcEventCallback callback, gpointer user_data,
                                GDestroyNotify destroy)
{
  g_return_if_fail (FC_IS_CALLBACK_SCOPE (self));
  g_clear_pointer (&self->fallback, callback_free);
  if (callback)
    {
      self->fallback = g_new (Callback, 1);
      *self->fallback = (Callback) { callback, user_data, destroy };
    }
}

/**
 * fc_callback_scope_has_callback:
 * @self: a scope
 * @name: a handler name
 *
 * Whether a handler name has a callback of its own (the fallback does not
 * count).
 *
 * Returns: whether @name has a callback
 */
gboolean
fc_callback_scope_has_callback (FcCallbackScope *self, const char *name)
{
  g_return_val_if_fail (FC_IS_CALLBACK_SCOPE (self), FALSE);
  return g_hash_table_contains (self->callbacks, name) || self->fallback;
}

/**
 * fc_callback_scope_set_observer:
 * @self: a scope
 * @callback: (nullable) (scope notified): called before each callback the
 *   scope runs (its fallback included), and before each callback a plugin
 *   page's scope runs on a page created with @self (fc_page_new()): a host
 *   watches every handler call this way, plugin pages' too, without
 *   handling them (replay prints each call). Not called for a name nothing
 *   handles: the page reports that as a `warning`.
 * @user_data: its data
 * @destroy: (nullable): frees @user_data
 *
 * Sets a function told of every handler call before it runs, the ones with
 * a callback included: for logging or tests.
 */
void
fc_callback_scope_set_observer (FcCallbackScope *self, FcEventCallback callback, gpointer user_data,
                                GDestroyNotify destroy)
{
  g_return_if_fail (FC_IS_CALLBACK_SCOPE (self));
  g_clear_pointer (&self->observer, callback_free);
  if (callback)
    {
      self->observer = g_new (Callback, 1);
      *self->observer = (Callback) { callback, user_data, destroy };
    }
}

/* Runs @event->handler of @self, after telling the observers of @self and
 * of @host (the scope of the page's host, when @self is a plugin page's):
 * @host's callbacks and fallback are never run. */
gboolean
fc_callback_scope_invoke_observed (FcCallbackScope *self, FcCallbackScope *host, const FcEvent *event)
{
  Callback *c;
  g_return_val_if_fail (FC_IS_CALLBACK_SCOPE (self) && event && event->handler, FALSE);
  c = g_hash_table_lookup (self->callbacks, event->handler);
  if (!c)
    c = self->fallback;
  if (!c)
    return FALSE;
  if (self->observer)
    self->observer->callback (event, self->observer->user_data);
  if (host && host != self && host->observer)
    host->observer->callback (event, host->observer->user_data);
  c->callback (event, c->user_data);
  return TRUE;
}

/**
 * fc_callback_scope_invoke:
 * @self: a scope
 * @event: the event; @event->handler names the callback
 *
 * Runs the callback (or the fallback), after the observer.
 *
 * Returns: %FALSE when the scope has no callback for the name
 */
gboolean
fc_callback_scope_invoke (FcCallbackScope *self, const FcEvent *event)
{
  return fc_callback_scope_invoke_observed (self, NULL, event);
}

/**
 * fc_component_class_set_callbacks:
 * @klass: a class
 * @scope: (nullable): the handlers of the class's own template
 *
 * For a component defined by its own markup that has native code: the
 * handlers its template's event bindings call (`bindtap="onTap"` inside
 * `card.fxml`), as a component's methods are on the platform. Without
 * them the page's scope handles them (a host page's, or a plugin page's
 * own). The page's scope observer sees the calls either way.
 */
void
fc_component_class_set_callbacks (FcComponentClass *klass, FcCallbackScope *scope)
{
  g_return_if_fail (klass != NULL && (scope == NULL || FC_IS_CALLBACK_SCOPE (scope)));
  fc_component_class_set_data (klass, "fc-callbacks", scope ? g_object_ref (scope) : NULL,
                               scope ? g_object_unref : NULL);
}
