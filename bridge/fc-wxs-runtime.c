/* fc-wxs-runtime.c: the WXS modules of one page, in a Duktape heap of
 * their own (the sandbox: nothing shared with other pages, no host API).
 * Modules load once (inline `<wxs>` content or a `src` file, which may
 * `require()` other `.wxs` files by relative path); bindings call their
 * functions. Every call runs under a time and memory budget: the guard
 * that fc-wxs-guard.c puts into loops and function bodies stops a call
 * past its deadline, the allocator refuses memory past the cap. */
#include <stdlib.h>
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-wxs-private.h"

// clang-format off
G_DEFINE_QUARK (fc-wxs-error, fc_wxs_error)
// clang-format on

/**
 * fc_wxs_error_code_to_string:
 * @code: a #FcWxsError
 *
 * The name of a WXS error code, as replay output and tests print it.
 *
 * Returns: (transfer none): the code's stable kebab-case name, as printed
 *   by replay (`syntax`, `runaway`, ...)
 */
const char *
fc_wxs_error_code_to_string (int code)
{
  static const char *const names[] = { "syntax",   "runtime", "not-found",
                                       "bad-path", "runaway", "bad-module" };
  return code >= 0 && code < (int)G_N_ELEMENTS (names) ? names[code]
                                                       : "unknown";
}

/* A binding's call, or a module's load, gets this long: far above what
 * formatting a price or a date takes (microseconds), low enough that a
 * runaway module costs the page a blink, not its life. */
#define DEFAULT_TIME_MS 500
/* The heap of one page's modules: page data passed to a call is copied in,
 * so leave room for large lists. */
#define DEFAULT_MEMORY (32u << 20)

struct _FcWxsRuntime
{
  duk_context *ctx;
  FcWxsReadFunc read;
  FcWxsLogFunc log;
  gpointer user_data;
  GHashTable *modules; /* name → 1 + the index of its exports on ctx's value
                          stack, where they stay (a call dups them: no
                          lookup by name in the engine) */

  gsize used;
  gsize cap;
  gint64 time_budget; /* µs */
  gint64 deadline;    /* µs, monotonic */
  gboolean stopped;   /* the current call ran out of time */
  char *stop_where;   /* "file:line" of the guard that stopped it */
  guint depth;        /* nested loads (require) */

  /* fc-wxs-simple.c's functions (registry index → FcWxsSimple), and per
   * module name, per member: the one a binding's call may run without the
   * engine, as checked when gen was what it is (gen counts the engine's
   * runs: only code that runs there can change a module) */
  GPtrArray *simple;
  GHashTable *fast; /* name → (key → Fast) */
  guint64 gen;
};

typedef struct
{
  guint64 gen;
  const FcWxsSimple *simple; /* NULL: the engine runs it */
} Fast;

/* ---- memory: a cap per heap ---- */

typedef struct
{
  gsize size;
  gsize pad; /* keeps the block 16-byte aligned */
} Header;

static void *
cap_alloc (void *udata, duk_size_t size)
{
  FcWxsRuntime *rt = udata;
  Header *h;
  if (size == 0)
    return NULL;
  if (size > rt->cap || rt->used + size > rt->cap)
    return NULL;
  if (!(h = g_try_malloc (sizeof (Header) + size)))
    return NULL;
  h->size = size;
  rt->used += size;
  return h + 1;
}

static void
cap_free (void *udata, void *ptr)
{
  FcWxsRuntime *rt = udata;
  Header *h;
  if (!ptr)
    return;
  h = (Header *)ptr - 1;
  rt->used -= h->size;
  g_free (h);
}

static void *
cap_realloc (void *udata, void *ptr, duk_size_t size)
{
  FcWxsRuntime *rt = udata;
  Header *h, *n;
  if (!ptr)
    return cap_alloc (udata, size);
  if (size == 0)
    {
      cap_free (udata, ptr);
      return NULL;
    }
  h = (Header *)ptr - 1;
  if (size > h->size
      && (size > rt->cap || rt->used + (size - h->size) > rt->cap))
    return NULL;
  if (!(n = g_try_realloc (h, sizeof (Header) + size)))
    return NULL;
  rt->used = rt->used - n->size + size;
  n->size = size;
  return n + 1;
}

/* Duktape calls this only for an error outside any protected call, which
 * this file never makes. */
static void
fatal (void *udata, const char *msg)
{
  g_error ("WXS engine: %s", msg ? msg : "fatal error");
}

static FcWxsRuntime *
runtime_of (duk_context *ctx)
{
  duk_memory_functions funcs;
  duk_get_memory_functions (ctx, &funcs);
  return funcs.udata;
}

/* ---- the guard ---- */

/* "file:line" of the innermost script function on the call stack */
static char *
where (duk_context *ctx, int level)
{
  char *r;
  duk_inspect_callstack_entry (ctx, level);
  if (duk_is_undefined (ctx, -1))
    {
      duk_pop (ctx);
      return g_strdup ("?");
    }
  duk_get_prop_string (ctx, -1, "lineNumber");
  duk_get_prop_string (ctx, -2, "function");
  duk_get_prop_string (ctx, -1, "fileName");
  r = g_strdup_printf (
      "%s:%d", duk_get_string (ctx, -1) ? duk_get_string (ctx, -1) : "?",
      duk_get_int (ctx, -3));
  duk_pop_n (ctx, 4);
  return r;
}

/* FC_WXS_GUARD: called once per FC_WXS_GUARD_EVERY checks; gives the
 * countdown's next start, or throws once the call is past its deadline
 * (and again at every check after: the countdown stays spent) */
static duk_ret_t
guard (duk_context *ctx)
{
  FcWxsRuntime *rt = runtime_of (ctx);
  if (!rt->stopped && g_get_monotonic_time () > rt->deadline)
    {
      rt->stopped = TRUE;
      g_free (rt->stop_where);
      rt->stop_where = where (ctx, -2);
    }
  if (rt->stopped)
    return duk_error (ctx, DUK_ERR_RANGE_ERROR,
                      "stopped: still running after %u ms",
                      (guint)(rt->time_budget / 1000));
  duk_push_int (ctx, FC_WXS_GUARD_EVERY);
  return 1;
}

static duk_ret_t
json_safe (duk_context *ctx, void *udata)
{
  duk_json_encode (ctx, -1);
  return 1;
}

/* console.log(...): the arguments' strings (objects as JSON) joined by
 * spaces, made in the engine: no C allocation may be pending while it can
 * throw (fc_wxs_get_value()) */
static duk_ret_t
console_log (duk_context *ctx)
{
  FcWxsRuntime *rt = runtime_of (ctx);
  duk_idx_t n = duk_get_top (ctx);
  char *line;

  duk_push_string (ctx, " ");
  for (duk_idx_t i = 0; i < n; i++)
    {
      duk_dup (ctx, i);
      if (duk_is_object (ctx, -1) && !duk_is_function (ctx, -1)
          && duk_safe_call (ctx, json_safe, NULL, 1, 1) != DUK_EXEC_SUCCESS)
        {
          duk_pop (ctx);
          duk_dup (ctx, i);
        }
      duk_safe_to_string (ctx, -1);
    }
  duk_join (ctx, n);
  line = fc_wxs_dup_string (ctx, -1);
  if (rt->log)
    rt->log (line, rt->user_data);
  g_free (line);
  return 0;
}

/* ---- errors ---- */

static void
start_call (FcWxsRuntime *rt)
{
  rt->gen++;
  if (rt->depth++ == 0)
    {
      rt->deadline = g_get_monotonic_time () + rt->time_budget;
      rt->stopped = FALSE;
      g_clear_pointer (&rt->stop_where, g_free);
    }
}

static void
end_call (FcWxsRuntime *rt)
{
  rt->depth--;
}

/* The first "(FILE:LINE)" of a traceback whose FILE is not C. */
static void
script_location (const char *stack, char **file, int *line)
{
  g_auto (GStrv) lines = g_strsplit (stack, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *open = strrchr (lines[i], '(');
      const char *colon;
      if (!open || !(colon = strrchr (open, ':')) || colon[1] < '0'
          || colon[1] > '9')
        continue;
      {
        g_autofree char *f = g_strndup (open + 1, colon - open - 1);
        if (g_str_has_suffix (f, ".c"))
          continue;
        *file = g_steal_pointer (&f);
        *line = atoi (colon + 1);
        return;
      }
    }
}

typedef struct
{
  char *message;
  char *file;
  char *stack;
  int line;
  int code; /* the engine's error code */
} ErrorInfo;

/* [error] → [ ]: what ErrorInfo holds (C strings are stored as soon as made:
 * a getter on a thrown object may throw again) */
static duk_ret_t
error_info_safe (duk_context *ctx, void *udata)
{
  ErrorInfo *e = udata;
  e->message = fc_wxs_dup_string (ctx, -1);
  if (!duk_is_error (ctx, -1))
    return 0;
  e->code = duk_get_error_code (ctx, -1);
  duk_get_prop_string (ctx, -1, "lineNumber");
  e->line = duk_get_int (ctx, -1);
  duk_pop (ctx);
  duk_get_prop_string (ctx, -1, "fileName");
  if (duk_is_string (ctx, -1))
    e->file = fc_wxs_dup_string (ctx, -1);
  duk_pop (ctx);
  duk_get_prop_string (ctx, -1, "stack");
  if (duk_is_string (ctx, -1))
    e->stack = fc_wxs_dup_string (ctx, -1);
  duk_pop (ctx);
  return 0;
}

/* The error on top of the stack (from a failed safe call) as a GError
 * naming its file and line; pops it. */
static void
set_error_from_top (FcWxsRuntime *rt, const char *context, GError **error)
{
  ErrorInfo e = { NULL, NULL, NULL, 0, 0 };
  int code = FC_WXS_ERROR_RUNTIME;
  const char *msg;

  duk_safe_call (rt->ctx, error_info_safe, &e, 1, 1);
  duk_pop (rt->ctx);
  msg = e.message ? e.message : "error";
  if (rt->stopped)
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_RUNAWAY, "%s:1: %s: %s",
                   rt->stop_where ? rt->stop_where : "?", context, msg);
      goto out;
    }
  if (e.file && g_str_has_suffix (e.file, ".c"))
    {
      /* thrown by a C function (require(), getRegExp()…): the engine
       * names its C file; the script's line is the first of the
       * traceback's that is not C */
      g_clear_pointer (&e.file, g_free);
      e.line = 0;
      if (e.stack)
        script_location (e.stack, &e.file, &e.line);
    }
  if (e.code == DUK_ERR_SYNTAX_ERROR && strcmp (context, "load") == 0)
    code = FC_WXS_ERROR_SYNTAX;
  if (strstr (msg, "alloc failed")
      || (e.code == DUK_ERR_RANGE_ERROR && rt->used + (64 << 10) >= rt->cap))
    {
      code = FC_WXS_ERROR_RUNAWAY;
      msg = "out of memory (the page's WXS modules may use no more)";
    }
  g_set_error (error, FC_WXS_ERROR, code, "%s:%d:1: %s: %s",
               e.file ? e.file : "?", e.line, context, msg);
out:
  g_free (e.message);
  g_free (e.file);
  g_free (e.stack);
}

/* ---- loading ---- */

typedef struct
{
  FcWxsRuntime *rt;
  const char *source; /* guarded */
  const char *filename;
  const char *path; /* a file's path (its cache key), or NULL (inline) */
  const char *base; /* what require() resolves from */
  guint first_simple, end_simple; /* its functions in rt->simple */
} LoadArgs;

static duk_ret_t require_fn (duk_context *ctx);

/* FC_WXS_REGISTRY[i] = f: marks f as fc-wxs-simple.c's function i */
static duk_ret_t
registry_set (duk_context *ctx)
{
  if (duk_is_function (ctx, 0))
    {
      duk_push_int (ctx, duk_get_current_magic (ctx));
      duk_put_prop_string (ctx, 0, FC_WXS_HIDDEN ("simple"));
    }
  return 0;
}

/* [ ] → [ exports ]: compiles and runs a module */
static duk_ret_t
load_safe (duk_context *ctx, void *udata)
{
  LoadArgs *a = udata;

  duk_push_string (ctx, a->filename);
  duk_compile_string_filename (ctx, DUK_COMPILE_FUNCTION, a->source);
  /* the outer function takes the registry (its setters, one per simple
   * function of this source) and gives the module's function: only the
   * rewrite's code can name it, not even through `arguments` */
  duk_push_object (ctx);
  for (guint i = a->first_simple; i < a->end_simple; i++)
    {
      char key[16];
      g_snprintf (key, sizeof key, "%u", i);
      duk_push_string (ctx, key);
      duk_push_c_function (ctx, registry_set, 1);
      duk_set_magic (ctx, -1, (duk_int_t)i);
      duk_def_prop (ctx, -3, DUK_DEFPROP_HAVE_SETTER);
    }
  duk_call (ctx, 1);
  /* module, exports */
  duk_push_object (ctx);
  duk_push_object (ctx);
  duk_dup (ctx, -1);
  duk_put_prop_string (ctx, -3, "exports");
  if (a->path)
    {
      /* a file's module is cached before it runs: a cycle gets the
       * exports as they are so far, as in CommonJS */
      duk_push_global_stash (ctx);
      duk_get_prop_string (ctx, -1, FC_WXS_HIDDEN ("files"));
      duk_dup (ctx, -4);
      duk_put_prop_string (ctx, -2, a->path);
      duk_pop_2 (ctx);
    }
  duk_push_c_function (ctx, require_fn, 1);
  duk_push_string (ctx, a->base);
  duk_put_prop_string (ctx, -2, FC_WXS_HIDDEN ("from"));
  /* [fn module exports require] */
  duk_dup (ctx, -3);
  duk_insert (ctx, -5);
  /* [module fn module exports require] */
  duk_call (ctx, 3);
  duk_pop (ctx);
  duk_get_prop_string (ctx, -1, "exports");
  duk_remove (ctx, -2);
  return 1;
}

static gboolean
load (FcWxsRuntime *rt, const char *source, const char *filename,
      int first_line, const char *path, const char *base, GError **error)
{
  g_autofree char *guarded = NULL;
  g_autofree char *padded = NULL;
  LoadArgs a;
  duk_int_t rc;

  /* earlier lines as empty ones: the engine's line numbers are then the
   * file's (an inline module starts where its <wxs> element's content does) */
  if (first_line > 1)
    {
      padded = g_malloc (first_line);
      memset (padded, '\n', first_line - 1);
      padded[first_line - 1] = '\0';
    }
  a.first_simple = rt->simple->len;
  if (!(guarded = fc_wxs_guard_source_full (
            source, filename, first_line,
            rt->simple->len < FC_WXS_MAX_SIMPLE ? rt->simple : NULL, error)))
    return FALSE;
  a.end_simple = rt->simple->len;
  {
    /* the module's function, with its earlier lines as empty ones */
    char *t = g_strconcat ("function (" FC_WXS_REGISTRY
                           ") {return function (module, exports, "
                           "require) {var " FC_WXS_COUNT "=0;",
                           padded ? padded : "", guarded, "\n}}", NULL);
    g_free (guarded);
    guarded = t;
  }
  a.rt = rt;
  a.source = guarded;
  a.filename = filename;
  a.path = path;
  a.base = base;
  start_call (rt);
  rc = duk_safe_call (rt->ctx, load_safe, &a, 0, 1);
  end_call (rt);
  if (rc != DUK_EXEC_SUCCESS)
    {
      set_error_from_top (rt, "load", error);
      return FALSE;
    }
  return TRUE;
}

/**
 * fc_wxs_resolve_path:
 * @from_file: the file that names @path (from the mini-program's root)
 * @path: a `src` or `require()` argument: relative to @from_file's folder,
 *   or from the root with a leading `/`
 * @error: return location for a %FC_WXS_ERROR_BAD_PATH error
 *
 * Returns: (transfer full) (nullable): the path from the root, normalised;
 *   %NULL when it would leave the root
 */
char *
fc_wxs_resolve_path (const char *from_file, const char *path, GError **error)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) segs = NULL;

  if (!*path || strchr (path, '\\') || strchr (path, ':'))
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_PATH,
                   "malformed path \"%s\"", path);
      return NULL;
    }
  if (path[0] != '/' && from_file)
    {
      g_auto (GStrv) base = g_strsplit (from_file, "/", -1);
      guint n = g_strv_length (base);
      for (guint i = 0; i + 1 < n; i++)
        if (*base[i])
          g_ptr_array_add (parts, g_strdup (base[i]));
    }
  segs = g_strsplit (path, "/", -1);
  for (guint i = 0; segs[i]; i++)
    {
      if (!*segs[i] || strcmp (segs[i], ".") == 0)
        continue;
      if (strcmp (segs[i], "..") == 0)
        {
          if (parts->len == 0)
            {
              g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_PATH,
                           "\"%s\" leaves the mini-program's root", path);
              return NULL;
            }
          g_ptr_array_remove_index (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, g_strdup (segs[i]));
    }
  if (parts->len == 0)
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_PATH,
                   "malformed path \"%s\"", path);
      return NULL;
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("/", (char **)parts->pdata);
}

/* [ ] → [ exports ] of the file at @path (loaded once per heap) */
static gboolean
load_file (FcWxsRuntime *rt, const char *path, GError **error)
{
  g_autoptr (GBytes) text = NULL;
  duk_context *ctx = rt->ctx;

  duk_push_global_stash (ctx);
  duk_get_prop_string (ctx, -1, FC_WXS_HIDDEN ("files"));
  if (duk_get_prop_string (ctx, -1, path))
    {
      duk_get_prop_string (ctx, -1, "exports");
      duk_replace (ctx, -4);
      duk_pop_2 (ctx);
      return TRUE;
    }
  duk_pop_3 (ctx);
  if (!g_str_has_suffix (path, ".wxs"))
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_PATH,
                   "\"%s\" is not a .wxs file", path);
      return FALSE;
    }
  if (rt->depth > 32)
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_PATH,
                   "require() nested deeper than 32 files at %s", path);
      return FALSE;
    }
  if (!rt->read || !(text = rt->read (path, rt->user_data, error)))
    {
      if (error && !*error)
        g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND, "no file %s",
                     path);
      return FALSE;
    }
  return load (rt, g_bytes_get_data (text, NULL), path, 1, path, path, error);
}

/* require(path), inside a module. The engine throws by longjmp: what is
 * allocated here is freed before anything can throw. */
static duk_ret_t
require_fn (duk_context *ctx)
{
  FcWxsRuntime *rt = runtime_of (ctx);
  char *from, *arg, *resolved;
  GError *local = NULL;
  gboolean ok;

  duk_push_current_function (ctx);
  duk_get_prop_string (ctx, -1, FC_WXS_HIDDEN ("from"));
  from = fc_wxs_dup_string (ctx, -1);
  duk_pop_2 (ctx);
  arg = fc_wxs_dup_string (ctx, 0);
  resolved = fc_wxs_resolve_path (from, arg, &local);
  ok = resolved && load_file (rt, resolved, &local);
  g_free (from);
  g_free (resolved);
  if (ok)
    {
      g_free (arg);
      return 1;
    }
  {
    char msg[512];
    g_snprintf (msg, sizeof msg, "require(\"%s\"): %s", arg, local->message);
    g_free (arg);
    g_error_free (local);
    return duk_error (ctx, DUK_ERR_ERROR, "%s", msg);
  }
}

/* The module @name is the exports on top of the stack, which stay there. */
static void
set_module (FcWxsRuntime *rt, const char *name)
{
  g_hash_table_insert (rt->modules, g_strdup (name),
                       GINT_TO_POINTER (duk_get_top (rt->ctx)));
}

static gboolean
check_name (FcWxsRuntime *rt, const char *name, GError **error)
{
  if (!name || !*name
      || !(g_ascii_isalpha (*name) || *name == '_' || *name == '$'))
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_MODULE,
                   "\"%s\" is not a module name", name ? name : "");
      return FALSE;
    }
  for (const char *c = name; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '_' && *c != '$')
      {
        g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_MODULE,
                     "\"%s\" is not a module name", name);
        return FALSE;
      }
  if (g_hash_table_contains (rt->modules, name))
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_MODULE,
                   "module \"%s\" is declared twice", name);
      return FALSE;
    }
  return TRUE;
}

/**
 * fc_wxs_runtime_add_inline:
 * @rt: a runtime
 * @name: the `module` attribute
 * @source: the `<wxs>` element's content
 * @filename: the markup file
 * @line: the line of @source's first character in @filename
 * @base: (nullable): the markup file's path from the root, which require()
 *   resolves from, when @filename (its name in messages) is not
 * @error: return location for a %FC_WXS_ERROR error
 *
 * Loads a module: compiles and runs it once.
 */
gboolean
fc_wxs_runtime_add_inline (FcWxsRuntime *rt, const char *name,
                           const char *source, const char *filename, int line,
                           const char *base, GError **error)
{
  if (!check_name (rt, name, error)
      || !load (rt, source, filename, line, NULL, base ? base : filename,
                error))
    return FALSE;
  set_module (rt, name);
  return TRUE;
}

/**
 * fc_wxs_runtime_add_file:
 * @rt: a runtime
 * @name: the `module` attribute
 * @from_file: the markup file (from the mini-program's root)
 * @src: the `src` attribute
 * @error: return location for a %FC_WXS_ERROR error
 */
gboolean
fc_wxs_runtime_add_file (FcWxsRuntime *rt, const char *name,
                         const char *from_file, const char *src, GError **error)
{
  g_autofree char *path = NULL;
  if (!check_name (rt, name, error)
      || !(path = fc_wxs_resolve_path (from_file, src, error))
      || !load_file (rt, path, error))
    return FALSE;
  set_module (rt, name);
  return TRUE;
}

/**
 * fc_wxs_runtime_has_module:
 *
 * Whether @name is a loaded module.
 */
gboolean
fc_wxs_runtime_has_module (const FcWxsRuntime *rt, const char *name)
{
  return g_hash_table_contains (rt->modules, name);
}

/* ---- calls ---- */

typedef struct
{
  const char *name;
  const char *const *keys;
  guint n_keys;
  FcValue *const *args;
  guint n_args;
  gboolean call;
  const char *missing; /* the key that was not a function */
  FcValue *result;
} CallArgs;

static duk_ret_t
call_safe (duk_context *ctx, void *udata)
{
  CallArgs *a = udata;
  /* [exports] */
  for (guint i = 0; i < a->n_keys; i++)
    {
      if (duk_is_null_or_undefined (ctx, -1))
        break;
      duk_get_prop_string (ctx, -1, a->keys[i]);
      duk_remove (ctx, -2);
    }
  if (a->call)
    {
      if (!duk_is_function (ctx, -1))
        {
          a->missing = a->n_keys ? a->keys[a->n_keys - 1] : a->name;
          a->result = fc_value_new_undefined ();
          return 0;
        }
      duk_require_stack (ctx, a->n_args + 4);
      for (guint i = 0; i < a->n_args; i++)
        fc_wxs_push_value (ctx, a->args[i]);
      /* `this` is undefined, as the platform calls them */
      duk_call (ctx, a->n_args);
    }
  a->result = fc_wxs_get_value (ctx, -1);
  return 0;
}

static FcValue *
run (FcWxsRuntime *rt, CallArgs *a, GError **error)
{
  int slot = GPOINTER_TO_INT (g_hash_table_lookup (rt->modules, a->name));
  duk_int_t rc;

  if (!slot || !duk_check_stack (rt->ctx, a->n_args + 16))
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_RUNTIME, "no module %s",
                   a->name);
      return NULL;
    }
  start_call (rt);
  duk_dup (rt->ctx, slot - 1);
  rc = duk_safe_call (rt->ctx, call_safe, a, 1, 1);
  end_call (rt);
  if (rc != DUK_EXEC_SUCCESS)
    {
      g_clear_pointer (&a->result, fc_value_unref);
      set_error_from_top (rt, a->call ? "call" : "read", error);
      return NULL;
    }
  duk_pop (rt->ctx);
  if (a->missing)
    {
      GString *path = g_string_new (a->name);
      for (guint i = 0; i < a->n_keys; i++)
        g_string_append_printf (path, ".%s", a->keys[i]);
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_RUNTIME,
                   "%s is not a function", path->str);
      g_string_free (path, TRUE);
      g_clear_pointer (&a->result, fc_value_unref);
      return NULL;
    }
  return a->result;
}

/* ---- calls without the engine (fc-wxs-simple.c) ---- */

typedef struct
{
  FcWxsRuntime *rt;
  const char *key;
  const FcWxsSimple *simple;
} FastArgs;

/* [exports] → [ ]: whether exports[key] is an own data property holding a
 * function the registry marked, and Number.prototype.toFixed the
 * sandbox's own, as a data property. Reads descriptors only: nothing of
 * the module's runs. */
static duk_ret_t
fast_check_safe (duk_context *ctx, void *udata)
{
  FastArgs *a = udata;
  /* a safe call runs in its caller's frame: exports are on top */
  duk_idx_t exports = duk_get_top (ctx) - 1;
  int id;

  duk_push_number (ctx, 0);
  duk_to_object (ctx, -1);
  duk_get_prototype (ctx, -1);
  duk_push_string (ctx, "toFixed");
  duk_get_prop_desc (ctx, -2, 0);
  if (!duk_is_object (ctx, -1) || !duk_get_prop_string (ctx, -1, "value"))
    return 0;
  duk_push_global_stash (ctx);
  duk_get_prop_string (ctx, -1, FC_WXS_HIDDEN ("toFixedFn"));
  if (!duk_strict_equals (ctx, -1, -3))
    return 0;
  duk_set_top (ctx, exports + 1);

  if (!duk_is_object (ctx, exports))
    return 0;
  duk_push_string (ctx, a->key);
  duk_get_prop_desc (ctx, exports, 0);
  if (!duk_is_object (ctx, -1) || !duk_get_prop_string (ctx, -1, "value")
      || !duk_is_function (ctx, -1)
      || !duk_get_prop_string (ctx, -1, FC_WXS_HIDDEN ("simple"))
      || !duk_is_number (ctx, -1))
    return 0;
  id = duk_get_int (ctx, -1);
  if (id >= 0 && (guint)id < a->rt->simple->len)
    a->simple = g_ptr_array_index (a->rt->simple, id);
  return 0;
}

/* The function a binding's `name.key(…)` may run without the engine, or
 * NULL */
static const FcWxsSimple *
fast_function (FcWxsRuntime *rt, const char *name, const char *key)
{
  GHashTable *members = g_hash_table_lookup (rt->fast, name);
  Fast *f = members ? g_hash_table_lookup (members, key) : NULL;
  int slot;

  if (f && f->gen == rt->gen)
    return f->simple;
  slot = GPOINTER_TO_INT (g_hash_table_lookup (rt->modules, name));
  if (!slot || !duk_check_stack (rt->ctx, 16))
    return NULL;
  if (!members)
    {
      members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (rt->fast, g_strdup (name), members);
    }
  if (!f)
    {
      if (g_hash_table_size (members) >= 256)
        return NULL; /* computed keys: not worth remembering them all */
      f = g_new0 (Fast, 1);
      g_hash_table_insert (members, g_strdup (key), f);
    }
  {
    FastArgs a = { rt, key, NULL };
    duk_dup (rt->ctx, slot - 1);
    if (duk_safe_call (rt->ctx, fast_check_safe, &a, 1, 1) != DUK_EXEC_SUCCESS)
      a.simple = NULL;
    duk_pop (rt->ctx);
    f->simple = a.simple;
    f->gen = rt->gen;
  }
  return f->simple;
}

/**
 * fc_wxs_runtime_get:
 * @rt: a runtime
 * @name: a module
 * @keys: (array length=n_keys): members in it (`m.a.b`: `a`, `b`)
 * @n_keys: their number
 *
 * Returns: (transfer full): the member's value (functions as undefined)
 */
FcValue *
fc_wxs_runtime_get (FcWxsRuntime *rt, const char *name, const char *const *keys,
                    guint n_keys)
{
  CallArgs a = { name, keys, n_keys, NULL, 0, FALSE, NULL, NULL };
  FcValue *v = run (rt, &a, NULL);
  return v ? v : fc_value_new_undefined ();
}

/**
 * fc_wxs_runtime_call:
 * @rt: a runtime
 * @name: a module
 * @keys: (array length=n_keys): the function's member path in it
 * @n_keys: their number
 * @args: (array length=n_args): the arguments (copied into the sandbox)
 * @n_args: their number
 * @error: return location for a %FC_WXS_ERROR error: a runtime error
 *   (with the module's file and line), %FC_WXS_ERROR_RUNAWAY
 *
 * Returns: (transfer full) (nullable): the result
 */
FcValue *
fc_wxs_runtime_call (FcWxsRuntime *rt, const char *name,
                     const char *const *keys, guint n_keys,
                     FcValue *const *args, guint n_args, GError **error)
{
  CallArgs a = { name, keys, n_keys, args, n_args, TRUE, NULL, NULL };
  const FcWxsSimple *simple;
  FcValue *r;

  if (n_keys == 1 && rt->depth == 0 && rt->simple->len
      && (simple = fast_function (rt, name, keys[0]))
      && (r = fc_wxs_simple_run (simple, args, n_args)))
    return r;
  return run (rt, &a, error);
}

/* ---- life ---- */

static duk_ret_t
init_safe (duk_context *ctx, void *udata)
{
  duk_push_global_stash (ctx);
  duk_push_object (ctx);
  duk_put_prop_string (ctx, -2, FC_WXS_HIDDEN ("files"));
  duk_pop (ctx);
  fc_wxs_stdlib_install (ctx, guard, console_log);
  return 0;
}

/**
 * fc_wxs_runtime_new:
 * @read: (nullable): reads `.wxs` files
 * @log: (nullable): gets console.log's lines
 * @user_data: for both
 *
 * Returns: (transfer full) (nullable): a sandbox without modules, or %NULL
 *   when the engine cannot start
 */
FcWxsRuntime *
fc_wxs_runtime_new (FcWxsReadFunc read, FcWxsLogFunc log, gpointer user_data)
{
  FcWxsRuntime *rt = g_new0 (FcWxsRuntime, 1);
  rt->read = read;
  rt->log = log;
  rt->user_data = user_data;
  rt->cap = DEFAULT_MEMORY;
  rt->time_budget = DEFAULT_TIME_MS * G_GINT64_CONSTANT (1000);
  /* a lower budget for fuzzing and tests (bridge/README.md) */
  if (g_getenv ("FC_WXS_TIME_MS"))
    rt->time_budget
        = CLAMP (g_ascii_strtoll (g_getenv ("FC_WXS_TIME_MS"), NULL, 10), 1,
                 60000)
          * 1000;
  rt->modules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rt->simple
      = g_ptr_array_new_with_free_func ((GDestroyNotify)fc_wxs_simple_free);
  rt->fast = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify)g_hash_table_unref);
  rt->ctx = duk_create_heap (cap_alloc, cap_realloc, cap_free, rt, fatal);
  if (!rt->ctx
      || duk_safe_call (rt->ctx, init_safe, NULL, 0, 1) != DUK_EXEC_SUCCESS)
    {
      fc_wxs_runtime_free (rt);
      return NULL;
    }
  duk_pop (rt->ctx);
  return rt;
}

/**
 * fc_wxs_runtime_set_limits:
 * @rt: a runtime
 * @time_ms: how long one call (or a module's load) may run
 * @memory_bytes: how much the heap may hold
 */
void
fc_wxs_runtime_set_limits (FcWxsRuntime *rt, guint time_ms, gsize memory_bytes)
{
  rt->time_budget = time_ms * G_GINT64_CONSTANT (1000);
  rt->cap = MAX (memory_bytes, rt->used);
}

void
fc_wxs_runtime_free (FcWxsRuntime *rt)
{
  if (!rt)
    return;
  if (rt->ctx)
    duk_destroy_heap (rt->ctx);
  g_hash_table_unref (rt->modules);
  g_ptr_array_unref (rt->simple);
  g_hash_table_unref (rt->fast);
  g_free (rt->stop_where);
  g_free (rt);
}
