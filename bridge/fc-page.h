#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib-object.h>
#include "fc-bridge-macros.h"
#include "fc-value.h"
#include "fc-component.h"
#include "fc-event.h"

G_BEGIN_DECLS

/**
 * FcPage:
 *
 * A mounted page: its markup, JSON and data, the element tree built from
 * them, and the bindings that keep properties up to date on setData. It
 * runs without a display.
 *
 * Signals: `warning` (a `file:line:col: ...` message about bad input: the
 * bridge never calls g_warning() for input), `navigate` (a navigator's
 * url), `property-changed` (element, property name, value: every real
 * change after mount), `element-changed` (element, `#text` or attribute).
 */
/**
 * FC_PAGE_MAX_ELEMENTS:
 *
 * How many elements (text nodes included) a page may hold, unless its host
 * says otherwise (fc_page_set_max_elements()), before a `wx:for` builds
 * no further instance: the list renders the items built
 * so far (the last may pass the bound by its own size), the page gets a
 * `warning` naming the list, and it stays usable. Nested lists multiply
 * (`wx:for` over 20 items, each over 100,000), so the bound is the page's,
 * not a list's. The platform advises fewer than 1,000 nodes a page; this
 * is a hundred times that.
 */
#define FC_PAGE_MAX_ELEMENTS 100000

#define FC_TYPE_PAGE (fc_page_get_type ())
FC_BRIDGE_EXPORT G_DECLARE_FINAL_TYPE (FcPage, fc_page, FC, PAGE, GObject)

/**
 * FcPageResolver:
 * @page: the page being loaded
 * @tag: an element's tag
 * @path: (nullable): its `usingComponents` entry, if any
 * @line: where the element is
 * @col: where the element is
 * @user_data: the resolver's data
 * @error: set to refuse the tag
 *
 * Chooses the component class of a tag while a page loads, before the
 * page's own rules: how an #FcApp resolves `plugin://` components.
 *
 * Returns: (transfer none) (nullable): the class, or %NULL without @error
 *   for the page's own rules (built-ins, the registry's paths)
 */
typedef FcComponentClass *(*FcPageResolver) (FcPage *page, const char *tag, const char *path, int line, int col,
                                             gpointer user_data, GError **error);

FC_BRIDGE_EXPORT FcPage *fc_page_new (FcRegistry *registry, FcCallbackScope *scope);
FC_BRIDGE_EXPORT void fc_page_set_resolver (FcPage *self, FcPageResolver resolver, gpointer user_data,
                                            GDestroyNotify destroy);
FC_BRIDGE_EXPORT GObject *fc_page_select_component (FcPage *self, const char *selector);
FC_BRIDGE_EXPORT const char *fc_page_get_using_component (FcPage *self, const char *tag);
FC_BRIDGE_EXPORT FcComponentClass *fc_element_get_generic (FcElement *element, const char *name);
FC_BRIDGE_EXPORT void fc_element_emit_warning (FcElement *element, const char *message);
FC_BRIDGE_EXPORT gboolean fc_page_load (FcPage *self,
                                        const char *app_json,
                                        const char *page_json,
                                        const char *fxml,
                                        const char *fxml_filename,
                                        FcValue *data,
                                        GError **error);
FC_BRIDGE_EXPORT gboolean fc_page_load_from_dir (FcPage *self,
                                                 const char *app_dir,
                                                 const char *page_path,
                                                 FcValue *data,
                                                 GError **error);
FC_BRIDGE_EXPORT void fc_page_set_root (FcPage *self, const char *dir, const char *page_path);
FC_BRIDGE_EXPORT void fc_page_add_file (FcPage *self, const char *path, const char *text);
FC_BRIDGE_EXPORT gboolean fc_page_set_data (FcPage *self, FcValue *changes, GError **error);
FC_BRIDGE_EXPORT gboolean fc_page_set_data_path (FcPage *self, const char *key, FcValue *value, GError **error);
FC_BRIDGE_EXPORT FcValue *fc_page_get_data (FcPage *self);
FC_BRIDGE_EXPORT FcRegistry *fc_page_get_registry (FcPage *self);
FC_BRIDGE_EXPORT FcCallbackScope *fc_page_get_scope (FcPage *self);
FC_BRIDGE_EXPORT FcElement *fc_page_get_root (FcPage *self);
FC_BRIDGE_EXPORT FcElement *fc_page_select (FcPage *self, const char *selector);
FC_BRIDGE_EXPORT guint fc_page_get_n_elements (FcPage *self);
FC_BRIDGE_EXPORT void fc_page_set_max_elements (FcPage *self, guint max_elements);
FC_BRIDGE_EXPORT guint fc_page_get_max_elements (FcPage *self);

/* time: virtual by default (replay, tests); fc_page_advance() moves it */
FC_BRIDGE_EXPORT double fc_page_get_time (FcPage *self);
FC_BRIDGE_EXPORT void fc_page_advance (FcPage *self, double ms);
FC_BRIDGE_EXPORT void fc_page_hold (FcPage *self);
FC_BRIDGE_EXPORT void fc_page_release (FcPage *self);
FC_BRIDGE_EXPORT gboolean fc_page_is_held (FcPage *self);
FC_BRIDGE_EXPORT guint fc_page_add_timeout (FcPage *self, double delay_ms, GSourceFunc func,
                                            gpointer user_data, GDestroyNotify destroy);
FC_BRIDGE_EXPORT void fc_page_remove_timeout (FcPage *self, guint id);

/* elements */

/**
 * FcElement:
 *
 * One element of a mounted page: a built-in element, a text node or a
 * component instance. It is owned by its page (it lives until its
 * page goes or a wx:if / wx:for removes it), so the boxed type copies
 * nothing: g_boxed_copy() gives the same element and g_boxed_free() does
 * nothing. Signals carry it as %FC_TYPE_ELEMENT.
 */
#define FC_TYPE_ELEMENT (fc_element_get_type ())
FC_BRIDGE_EXPORT GType fc_element_get_type (void) G_GNUC_CONST;
FC_BRIDGE_EXPORT FcPage *fc_element_get_page (FcElement *element);
FC_BRIDGE_EXPORT const char *fc_element_get_tag (FcElement *element);
FC_BRIDGE_EXPORT const char *fc_element_get_id (FcElement *element);
FC_BRIDGE_EXPORT FcComponentClass *fc_element_get_class (FcElement *element);
FC_BRIDGE_EXPORT GObject *fc_element_get_instance (FcElement *element);
FC_BRIDGE_EXPORT FcElement *fc_element_get_parent (FcElement *element);
FC_BRIDGE_EXPORT guint fc_element_get_n_children (FcElement *element);
FC_BRIDGE_EXPORT FcElement *fc_element_get_child (FcElement *element, guint i);
FC_BRIDGE_EXPORT const char *fc_element_get_text (FcElement *element);
FC_BRIDGE_EXPORT FcValue *fc_element_get_property (FcElement *element, const char *name);
FC_BRIDGE_EXPORT FcValue *fc_element_get_attribute (FcElement *element, const char *name);
FC_BRIDGE_EXPORT FcValue *fc_element_dup_properties (FcElement *element);
FC_BRIDGE_EXPORT FcValue *fc_element_dup_dataset (FcElement *element);
FC_BRIDGE_EXPORT FcElement *fc_element_get_shadow_root (FcElement *element);
FC_BRIDGE_EXPORT gboolean fc_element_set_component_data (FcElement *element, FcValue *changes, GError **error);
FC_BRIDGE_EXPORT void fc_element_trigger_event (FcElement *element,
                                                const char *name,
                                                FcValue *detail,
                                                FcEventFlags flags);
FC_BRIDGE_EXPORT FcElement *fc_element_get_component_handle (FcElement *element);
/* the page's clock, for a component (a plugin's has no page) */
FC_BRIDGE_EXPORT double fc_element_get_time (FcElement *element);
FC_BRIDGE_EXPORT guint fc_element_add_timeout (FcElement *element, double delay_ms, GSourceFunc func,
                                               gpointer user_data, GDestroyNotify destroy);
FC_BRIDGE_EXPORT void fc_element_remove_timeout (FcElement *element, guint id);
FC_BRIDGE_EXPORT void fc_element_advance (FcElement *element, double ms);
FC_BRIDGE_EXPORT void fc_element_hold (FcElement *element);
FC_BRIDGE_EXPORT void fc_element_release (FcElement *element);
FC_BRIDGE_EXPORT gboolean fc_element_call_method (FcElement *element,
                                                  const char *name,
                                                  FcValue *args,
                                                  GError **error);

G_END_DECLS
