#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib-object.h>
#include "fc-bridge-macros.h"
#include "fc-value.h"
#include "fc-component.h"

G_BEGIN_DECLS

/**
 * FcEventFlags:
 * @FC_EVENT_NONE: the event stays on its target
 * @FC_EVENT_BUBBLES: the event bubbles up through the page's elements
 * @FC_EVENT_CAPTURE_PHASE: capture handlers (root to target) run first
 * @FC_EVENT_COMPOSED: crosses component boundaries (the bridge's tree is
 *   flat, so this is recorded for fidelity only)
 *
 * How an event raised with fc_element_trigger_event() travels.
 */
typedef enum {
  FC_EVENT_NONE = 0,
  FC_EVENT_BUBBLES = 1 << 0,
  FC_EVENT_CAPTURE_PHASE = 1 << 1,
  FC_EVENT_COMPOSED = 1 << 2,
} FcEventFlags;

/**
 * FcEvent:
 * @type: the event name
 * @time_stamp: milliseconds since the page opened
 * @target: the element that raised it
 * @current_target: the element whose binding is being run
 * @detail: the event's detail
 * @handler: the handler name being called
 * @line: line of the binding attribute
 * @col: column of the binding attribute
 * @mark: (nullable): the `mark:NAME` values of the target and the
 *   elements above it, merged (the nearest wins); %NULL when there are none
 *
 * An event as a handler sees it; valid during the callback only. A copy
 * (g_boxed_copy() of %FC_TYPE_EVENT) keeps its own type, handler name and
 * detail; its elements are the page's (see #FcElement).
 */
typedef struct {
  const char *type;
  double time_stamp;
  FcElement *target;
  FcElement *current_target;
  FcValue *detail;
  const char *handler;
  int line;
  int col;
  FcValue *mark;
} FcEvent;

#define FC_TYPE_EVENT (fc_event_get_type ())
FC_BRIDGE_EXPORT GType fc_event_get_type (void) G_GNUC_CONST;
FC_BRIDGE_EXPORT FcValue *fc_event_to_value (const FcEvent *event);
FC_BRIDGE_EXPORT const char *fc_event_get_component (const FcEvent *event);

/**
 * FcEventCallback:
 * @event: the event
 * @user_data: the data given with the callback
 *
 * A handler the host registers by name.
 */
typedef void (*FcEventCallback) (const FcEvent *event, gpointer user_data);

/**
 * FcCallbackScope:
 *
 * Handler names → C callbacks, as `GtkBuilderCScope` does for GtkBuilder:
 * an explicit table rather than dlsym().
 */
#define FC_TYPE_CALLBACK_SCOPE (fc_callback_scope_get_type ())
FC_BRIDGE_EXPORT G_DECLARE_FINAL_TYPE (FcCallbackScope, fc_callback_scope, FC, CALLBACK_SCOPE, GObject)

FC_BRIDGE_EXPORT FcCallbackScope *fc_callback_scope_new (void);
FC_BRIDGE_EXPORT void fc_callback_scope_add_callback (FcCallbackScope *self,
                                                      const char *name,
                                                      FcEventCallback callback,
                                                      gpointer user_data,
                                                      GDestroyNotify destroy);
FC_BRIDGE_EXPORT void fc_callback_scope_set_fallback (FcCallbackScope *self,
                                                      FcEventCallback callback,
                                                      gpointer user_data,
                                                      GDestroyNotify destroy);
FC_BRIDGE_EXPORT void fc_callback_scope_set_observer (FcCallbackScope *self,
                                                      FcEventCallback callback,
                                                      gpointer user_data,
                                                      GDestroyNotify destroy);
FC_BRIDGE_EXPORT gboolean fc_callback_scope_has_callback (FcCallbackScope *self, const char *name);
FC_BRIDGE_EXPORT void fc_component_class_set_callbacks (FcComponentClass *klass, FcCallbackScope *scope);
FC_BRIDGE_EXPORT gboolean fc_callback_scope_invoke (FcCallbackScope *self, const FcEvent *event);

G_END_DECLS
