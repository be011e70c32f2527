/* fc-wxs-private.h: WXS modules inside the library: the runtime of one
 * page (fc-wxs-runtime.c), the runaway guard (fc-wxs-guard.c), values
 * in and out of the engine (fc-wxs-value.c) and the sandbox's globals
 * (fc-wxs-stdlib.c). See README.md, "WXS". */
#pragma once

#include <duktape.h>

#include "fc-value.h"
#include "fc-wxs.h"

G_BEGIN_DECLS

/* The guard function's global name, and its countdown: a variable of each
 * module's function (fc-wxs-runtime.c declares it), so that a check costs
 * a decrement and the guard is called once per FC_WXS_GUARD_EVERY checks.
 * Sources may not name anything FC_WXS_RESERVED…. */
#define FC_WXS_RESERVED "__fc_wxs_"
#define FC_WXS_GUARD "__fc_wxs_guard__"
#define FC_WXS_COUNT "__fc_wxs_n__"
#define FC_WXS_GUARD_EVERY 1024
/* a check, as an expression that is true (or throws) */
#define FC_WXS_CHECK                                                           \
  "(--" FC_WXS_COUNT ">=0||(" FC_WXS_COUNT "=" FC_WXS_GUARD "()))"

/* Hidden (symbol) keys: code in the sandbox cannot name them. */
#define FC_WXS_HIDDEN(name)                                                    \
  "\xff"                                                                       \
  "fc" name

char *fc_wxs_guard_source (const char *source, const char *filename,
                           int first_line, GError **error);
/* The same, and each anonymous function literal that fc-wxs-simple.c can
 * run is compiled into @simple (appended) and registered as it is made:
 * `FC_WXS_REGISTRY[i]=function …`, where i is its index in @simple, so that
 * the module's wrapper (fc-wxs-runtime.c) can mark it. */
#define FC_WXS_REGISTRY "__fc_wxs_reg__"
#define FC_WXS_MAX_SIMPLE 30000
char *fc_wxs_guard_source_full (const char *source, const char *filename,
                                int first_line, GPtrArray *simple,
                                GError **error);

/* fc-wxs-simple.c: functions simple enough to run without the engine */
typedef struct _FcWxsSimple FcWxsSimple;
FcWxsSimple *fc_wxs_simple_compile (const char *p, const char *end);
void fc_wxs_simple_free (FcWxsSimple *s);
FcValue *fc_wxs_simple_run (const FcWxsSimple *s, FcValue *const *args,
                            guint n_args);

/* fc-wxs-value.c: FcValue <-> duktape. Both may throw (out of memory, too
 * deep): call them inside duk_safe_call(). */
void fc_wxs_push_value (duk_context *ctx, const FcValue *value);
FcValue *fc_wxs_get_value (duk_context *ctx, duk_idx_t idx);
char *fc_wxs_dup_string (duk_context *ctx, duk_idx_t idx);

/* fc-wxs-stdlib.c: Number.prototype.toFixed's formatting, without the
 * engine (0 when it is not for it) */
#define FC_WXS_FIXED_BUF 80
gsize fc_wxs_format_fixed (double x, int f, char *buf);

/* fc-wxs-stdlib.c: the sandbox's globals, on a fresh heap (inside
 * duk_safe_call()): @guard as FC_WXS_GUARD, @log as console.log. */
typedef void (*FcWxsLogFunc) (const char *message, gpointer user_data);
void fc_wxs_stdlib_install (duk_context *ctx, duk_c_function guard,
                            duk_c_function log);

/**
 * FcWxsReadFunc:
 * @path: a file's path from the mini-program's root, normalised (no `.`,
 *   `..` or leading `/`)
 * @user_data: what was given with it
 * @error: return location for a %FC_WXS_ERROR_NOT_FOUND error
 *
 * Returns: (transfer full) (nullable): the file's text, with its NUL (a C
 *   string)
 */
typedef GBytes *(*FcWxsReadFunc) (const char *path, gpointer user_data,
                                  GError **error);

typedef struct _FcWxsRuntime FcWxsRuntime;

FcWxsRuntime *fc_wxs_runtime_new (FcWxsReadFunc read, FcWxsLogFunc log,
                                  gpointer user_data);
void fc_wxs_runtime_free (FcWxsRuntime *rt);
void fc_wxs_runtime_set_limits (FcWxsRuntime *rt, guint time_ms,
                                gsize memory_bytes);
gboolean fc_wxs_runtime_add_inline (FcWxsRuntime *rt, const char *name,
                                    const char *source, const char *filename,
                                    int line, const char *base, GError **error);
gboolean fc_wxs_runtime_add_file (FcWxsRuntime *rt, const char *name,
                                  const char *from_file, const char *src,
                                  GError **error);
gboolean fc_wxs_runtime_has_module (const FcWxsRuntime *rt, const char *name);
FcValue *fc_wxs_runtime_get (FcWxsRuntime *rt, const char *name,
                             const char *const *keys, guint n_keys);
FcValue *fc_wxs_runtime_call (FcWxsRuntime *rt, const char *name,
                              const char *const *keys, guint n_keys,
                              FcValue *const *args, guint n_args,
                              GError **error);
char *fc_wxs_resolve_path (const char *from_file, const char *path,
                           GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FcWxsRuntime, fc_wxs_runtime_free)

G_END_DECLS
