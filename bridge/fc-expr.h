#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib.h>
#include "fc-bridge-macros.h"
#include "fc-value.h"
#include "fc-data.h"

G_BEGIN_DECLS

/**
 * FcExpr:
 *
 * A parsed `{{ }}` expression (an AST), evaluated against page data.
 */
typedef struct _FcExpr FcExpr;

/**
 * FcScope:
 * @parent: (nullable): the enclosing scope
 * @name: a variable name (`item`, `index`, or their wx:for-item names)
 * @value: its value
 *
 * A chain of variables that shadow page data, as `wx:for` introduces.
 */
typedef struct _FcScope FcScope;
struct _FcScope {
  const FcScope *parent;
  const char *name;
  FcValue *value;
};

/**
 * FcExprCalls:
 * @has_module: (nullable): whether a name is a WXS module's (modules
 *   shadow page data, wx:for variables shadow modules); %NULL: no modules
 * @get: a module member's value: `m.k` gives the module `m` and the keys `k`
 * @call: calls a module's function with @args; errors are the callee's to
 *   report (as warnings): it returns `undefined` then
 * @warn: (nullable): a binding calls what it cannot (a method of a value)
 * @user_data: for all of them
 *
 * What a binding can call: a page's WXS modules (fc-wxs-runtime.c).
 */
typedef struct _FcExprCalls FcExprCalls;
struct _FcExprCalls {
  gboolean (*has_module) (gpointer user_data, const char *name);
  FcValue *(*get) (gpointer user_data, const char *name, const char *const *keys, guint n_keys);
  FcValue *(*call) (gpointer user_data, const char *name, const char *const *keys, guint n_keys,
                    FcValue *const *args, guint n_args);
  void (*warn) (gpointer user_data, const char *message);
  gpointer user_data;
};

FC_BRIDGE_EXPORT FcExpr *fc_expr_parse (const char *text, int *error_offset, GError **error);
FC_BRIDGE_EXPORT FcValue *fc_expr_evaluate (const FcExpr *expr, FcValue *data);
FC_BRIDGE_EXPORT FcValue *fc_expr_evaluate_in_scope (const FcExpr *expr, FcValue *data, const FcScope *scope);
FC_BRIDGE_EXPORT FcValue *fc_expr_evaluate_with (const FcExpr *expr, FcValue *data, const FcScope *scope,
                                                 const FcExprCalls *calls);
FC_BRIDGE_EXPORT void fc_expr_collect_dependencies (const FcExpr *expr, GPtrArray *paths);
FC_BRIDGE_EXPORT void fc_expr_free (FcExpr *expr);

/**
 * FcTemplate:
 *
 * An attribute value or text with `{{ }}` bindings, parsed once. It knows
 * the data paths it reads, so a `setData` re-evaluates only the templates
 * whose paths overlap a changed key.
 */
typedef struct _FcTemplate FcTemplate;

FC_BRIDGE_EXPORT FcTemplate *fc_template_parse (const char *text, const char *filename,
                                                int line, int col, GError **error);
FC_BRIDGE_EXPORT gboolean fc_template_is_constant (const FcTemplate *tpl);
FC_BRIDGE_EXPORT FcValue *fc_template_evaluate (const FcTemplate *tpl, FcValue *data);
FC_BRIDGE_EXPORT FcValue *fc_template_evaluate_in_scope (const FcTemplate *tpl, FcValue *data,
                                                          const FcScope *scope);
FC_BRIDGE_EXPORT FcValue *fc_template_evaluate_with (const FcTemplate *tpl, FcValue *data, const FcScope *scope,
                                                     const FcExprCalls *calls);
FC_BRIDGE_EXPORT const GPtrArray *fc_template_get_dependencies (const FcTemplate *tpl);
FC_BRIDGE_EXPORT gboolean fc_template_depends_on (const FcTemplate *tpl, const FcDataPath *changed);
FC_BRIDGE_EXPORT void fc_template_free (FcTemplate *tpl);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcExpr, fc_expr_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcTemplate, fc_template_free)

G_END_DECLS
