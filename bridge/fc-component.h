#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib-object.h>
#include "fc-bridge-macros.h"
#include "fc-value.h"

G_BEGIN_DECLS

/**
 * FcPropertyType:
 * @FC_PROPERTY_STRING: `String`
 * @FC_PROPERTY_NUMBER: `Number`
 * @FC_PROPERTY_BOOLEAN: `Boolean`
 * @FC_PROPERTY_ARRAY: `Array`
 * @FC_PROPERTY_OBJECT: `Object`
 *
 * Property types of the platform's schemas, as flags so that a schema can
 * list optional types.
 */
typedef enum {
  FC_PROPERTY_STRING = 1 << 0,
  FC_PROPERTY_NUMBER = 1 << 1,
  FC_PROPERTY_BOOLEAN = 1 << 2,
  FC_PROPERTY_ARRAY = 1 << 3,
  FC_PROPERTY_OBJECT = 1 << 4,
} FcPropertyType;

/* FcElement: one element of a mounted page (documented in fc-page.h). */
typedef struct _FcElement FcElement;

/**
 * FcComponentClass:
 *
 * A component described to the bridge: tag, property schema, event names,
 * methods and the hooks that create and drive the component's GObject.
 * The bridge itself knows no component; plugin modules build these.
 */
typedef struct _FcComponentClass FcComponentClass;

/**
 * FcComponentFactory:
 * @klass: the class
 * @element: the element being mounted; its properties are already set
 * @user_data: the hooks' user data
 *
 * Creates the GObject of a component instance when its element mounts.
 *
 * Returns: (transfer full) (nullable): the component's GObject
 */
typedef GObject *(*FcComponentFactory) (FcComponentClass *klass, FcElement *element, gpointer user_data);

/**
 * FcComponentSetProperty:
 * @instance: the component
 * @name: the property (schema name)
 * @value: (transfer none): the coerced value
 * @user_data: the hooks' user data
 *
 * Called on every real change after mount (not for unchanged values).
 */
typedef void (*FcComponentSetProperty) (GObject *instance, const char *name, FcValue *value, gpointer user_data);

/**
 * FcComponentConnect:
 * @instance: the component
 * @element: its element; the component raises events with
 *   fc_element_trigger_event()
 * @user_data: the hooks' user data
 *
 * Called once after the factory: connect the component's signals to
 * handlers that call fc_element_trigger_event().
 */
typedef void (*FcComponentConnect) (GObject *instance, FcElement *element, gpointer user_data);

/**
 * FcComponentMethod:
 * @element: the element
 * @args: (nullable): the arguments, as given (a replay step's `args`)
 * @user_data: the method's user data
 * @error: return location for an error
 *
 * A method the host or a replay `input` step can call.
 *
 * Returns: whether the method did its work; %FALSE with @error set
 */
typedef gboolean (*FcComponentMethod) (FcElement *element, FcValue *args, gpointer user_data, GError **error);

#define FC_TYPE_COMPONENT_CLASS (fc_component_class_get_type ())
FC_BRIDGE_EXPORT GType fc_component_class_get_type (void);

FC_BRIDGE_EXPORT FcComponentClass *fc_component_class_new (const char *name);
FC_BRIDGE_EXPORT FcComponentClass *fc_component_class_ref (FcComponentClass *klass);
FC_BRIDGE_EXPORT void fc_component_class_unref (FcComponentClass *klass);
FC_BRIDGE_EXPORT const char *fc_component_class_get_name (const FcComponentClass *klass);

FC_BRIDGE_EXPORT void fc_component_class_add_property (FcComponentClass *klass,
                                                       const char *name,
                                                       FcPropertyType type,
                                                       FcPropertyType optional_types,
                                                       FcValue *default_value,
                                                       gboolean init_only);
FC_BRIDGE_EXPORT void fc_component_class_add_event (FcComponentClass *klass, const char *name);
FC_BRIDGE_EXPORT void fc_component_class_add_method (FcComponentClass *klass,
                                                     const char *name,
                                                     FcComponentMethod method,
                                                     gpointer user_data,
                                                     GDestroyNotify destroy);
FC_BRIDGE_EXPORT void fc_component_class_set_hooks (FcComponentClass *klass,
                                                    FcComponentFactory factory,
                                                    FcComponentSetProperty set_property,
                                                    FcComponentConnect connect,
                                                    gpointer user_data,
                                                    GDestroyNotify destroy);

FC_BRIDGE_EXPORT void fc_component_class_set_data (FcComponentClass *klass, const char *key,
                                                   gpointer data, GDestroyNotify destroy);
FC_BRIDGE_EXPORT gpointer fc_component_class_get_data (const FcComponentClass *klass, const char *key);

FC_BRIDGE_EXPORT void fc_component_class_set_gtype (FcComponentClass *klass,
                                                    GType type,
                                                    FcComponentConnect connect,
                                                    gpointer user_data,
                                                    GDestroyNotify destroy);

FC_BRIDGE_EXPORT guint fc_component_class_get_n_properties (const FcComponentClass *klass);
FC_BRIDGE_EXPORT int fc_component_class_find_property (const FcComponentClass *klass, const char *name);
FC_BRIDGE_EXPORT const char *fc_component_class_get_property_name (const FcComponentClass *klass, guint i);
FC_BRIDGE_EXPORT FcValue *fc_component_class_get_property_default (const FcComponentClass *klass, guint i);
FC_BRIDGE_EXPORT gboolean fc_component_class_has_event (const FcComponentClass *klass, const char *name);

FC_BRIDGE_EXPORT FcValue *fc_component_class_coerce (const FcComponentClass *klass,
                                                     guint i,
                                                     FcValue *value,
                                                     char **problem);

FC_BRIDGE_EXPORT const char *fc_property_type_to_string (FcPropertyType type);

/**
 * FcRegistry:
 *
 * The component classes a host makes available: plugin components by
 * provider id and name (reached from `plugin://ALIAS/NAME` through
 * `app.json`'s `plugins`), and components by path.
 */
#define FC_TYPE_REGISTRY (fc_registry_get_type ())
FC_BRIDGE_EXPORT G_DECLARE_FINAL_TYPE (FcRegistry, fc_registry, FC, REGISTRY, GObject)

FC_BRIDGE_EXPORT FcRegistry *fc_registry_new (void);
FC_BRIDGE_EXPORT void fc_registry_add_plugin_component (FcRegistry *self,
                                                        const char *provider,
                                                        const char *name,
                                                        FcComponentClass *klass);
FC_BRIDGE_EXPORT void fc_registry_add_component (FcRegistry *self, const char *path, FcComponentClass *klass);
FC_BRIDGE_EXPORT FcComponentClass *fc_registry_lookup_plugin_component (FcRegistry *self,
                                                                        const char *provider,
                                                                        const char *name);
FC_BRIDGE_EXPORT FcComponentClass *fc_registry_lookup_component (FcRegistry *self, const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcComponentClass, fc_component_class_unref)

G_END_DECLS
