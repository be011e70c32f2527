#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib-object.h>
#include "fc-bridge-macros.h"

G_BEGIN_DECLS

/**
 * FcValueKind:
 * @FC_VALUE_UNDEFINED: `undefined`
 * @FC_VALUE_NULL: `null`
 * @FC_VALUE_BOOLEAN: `true` or `false` (fc_value_get_boolean())
 * @FC_VALUE_NUMBER: a number, a double (fc_value_get_number())
 * @FC_VALUE_STRING: UTF-8 text (fc_value_get_string())
 * @FC_VALUE_ARRAY: an array of values (fc_value_array_get())
 * @FC_VALUE_OBJECT: members by name, in insertion order (fc_value_object_get())
 *
 * The kinds of a JavaScript-like value; %FC_VALUE_UNDEFINED is distinct
 * from %FC_VALUE_NULL as in the platform.
 */
typedef enum {
  FC_VALUE_UNDEFINED,
  FC_VALUE_NULL,
  FC_VALUE_BOOLEAN,
  FC_VALUE_NUMBER,
  FC_VALUE_STRING,
  FC_VALUE_ARRAY,
  FC_VALUE_OBJECT,
} FcValueKind;

/**
 * FcValue:
 *
 * A reference-counted JSON-like value (plus `undefined`).
 *
 * Values are shared, not copied: evaluating `{{a.b}}` returns a new
 * reference to the node inside the page data. Containers are therefore
 * treated as immutable once shared; the mutators below are only for values
 * the caller owns alone (reference count 1), which `setData` guarantees by
 * copying containers along the changed path when they are shared.
 */
typedef struct _FcValue FcValue;

#define FC_TYPE_VALUE (fc_value_get_type ())
FC_BRIDGE_EXPORT GType fc_value_get_type (void);

FC_BRIDGE_EXPORT FcValue *fc_value_ref (FcValue *value);
FC_BRIDGE_EXPORT void fc_value_unref (FcValue *value);

FC_BRIDGE_EXPORT FcValue *fc_value_new_undefined (void);
FC_BRIDGE_EXPORT FcValue *fc_value_new_null (void);
FC_BRIDGE_EXPORT FcValue *fc_value_new_boolean (gboolean b);
FC_BRIDGE_EXPORT FcValue *fc_value_new_number (double n);
FC_BRIDGE_EXPORT FcValue *fc_value_new_string (const char *s);
FC_BRIDGE_EXPORT FcValue *fc_value_new_string_take (char *s);
FC_BRIDGE_EXPORT FcValue *fc_value_new_array (void);
FC_BRIDGE_EXPORT FcValue *fc_value_new_object (void);

FC_BRIDGE_EXPORT FcValueKind fc_value_get_kind (const FcValue *value);
FC_BRIDGE_EXPORT GVariant *fc_value_to_variant (const FcValue *value);
FC_BRIDGE_EXPORT FcValue *fc_value_new_from_variant (GVariant *variant);
FC_BRIDGE_EXPORT gboolean fc_value_get_boolean (const FcValue *value);
FC_BRIDGE_EXPORT double fc_value_get_number (const FcValue *value);
FC_BRIDGE_EXPORT const char *fc_value_get_string (const FcValue *value);

FC_BRIDGE_EXPORT guint fc_value_array_get_length (const FcValue *array);
FC_BRIDGE_EXPORT FcValue *fc_value_array_get (const FcValue *array, guint index);
FC_BRIDGE_EXPORT void fc_value_array_append (FcValue *array, FcValue *element);
FC_BRIDGE_EXPORT void fc_value_array_set (FcValue *array, guint index, FcValue *element);

FC_BRIDGE_EXPORT guint fc_value_object_get_size (const FcValue *object);
FC_BRIDGE_EXPORT const char *fc_value_object_get_key (const FcValue *object, guint i);
FC_BRIDGE_EXPORT FcValue *fc_value_object_get_nth (const FcValue *object, guint i);
FC_BRIDGE_EXPORT FcValue *fc_value_object_get (const FcValue *object, const char *key);
FC_BRIDGE_EXPORT void fc_value_object_set (FcValue *object, const char *key, FcValue *member);

FC_BRIDGE_EXPORT FcValue *fc_value_shallow_copy (const FcValue *value);
FC_BRIDGE_EXPORT gboolean fc_value_equal (const FcValue *a, const FcValue *b);
FC_BRIDGE_EXPORT gboolean fc_value_is_truthy (const FcValue *value);
FC_BRIDGE_EXPORT double fc_value_to_number (const FcValue *value);
FC_BRIDGE_EXPORT char *fc_value_to_js_string (const FcValue *value);
FC_BRIDGE_EXPORT const char *fc_value_type_name (const FcValue *value);

FC_BRIDGE_EXPORT char *fc_value_to_json (const FcValue *value);
FC_BRIDGE_EXPORT void fc_value_append_json (const FcValue *value, GString *out);
FC_BRIDGE_EXPORT FcValue *fc_value_from_json (const char *text, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcValue, fc_value_unref)

G_END_DECLS
