/* fc-page-wxs.c: a page's WXS modules: its markup's `<wxs>` elements
 * (inline, or `src` files from the mini-program's root or the plugin's,
 * or given to the page in memory) loaded into a sandbox of the page's own
 * (fc-wxs-runtime.c), and the FcExprCalls its bindings call them with.
 * A call's error is a warning at the binding and gives `undefined`. */
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-page-files-private.h"
#include "fc-page-markup-private.h"
#include "fc-page-signals-private.h"
#include "fc-page-wxs-private.h"
#include "fc-wxs-private.h"

/* Reads @path (normalised, from the root): the files given in memory
 * first, then the root folder, where the real path must stay inside (a
 * symlink out is refused like `..`). */
static GBytes *
read_file (const char *path, gpointer user_data, GError **error)
{
  return fc_page_read_file (user_data, path, error);
}

static void
log_line (const char *message, gpointer user_data)
{
  FcPage *self = user_data;
  fc_page_emit_warning (self, self->wxs_line, self->wxs_col, "console.log: %s",
                        message);
}

static gboolean
has_module (gpointer user_data, const char *name)
{
  FcPage *self = user_data;
  return fc_wxs_runtime_has_module (self->wxs, name);
}

static FcValue *
get (gpointer user_data, const char *name, const char *const *keys,
     guint n_keys)
{
  FcPage *self = user_data;
  return fc_wxs_runtime_get (self->wxs, name, keys, n_keys);
}

static FcValue *
call (gpointer user_data, const char *name, const char *const *keys,
      guint n_keys, FcValue *const *args, guint n_args)
{
  FcPage *self = user_data;
  g_autoptr (GError) error = NULL;
  FcValue *r = fc_wxs_runtime_call (self->wxs, name, keys, n_keys, args, n_args,
                                    &error);
  if (r)
    return r;
  fc_page_emit_warning (self, self->wxs_line, self->wxs_col,
                        "a WXS call failed, the binding is undefined: %s",
                        error->message);
  return fc_value_new_undefined ();
}

static void
warn (gpointer user_data, const char *message)
{
  FcPage *self = user_data;
  fc_page_emit_warning (self, self->wxs_line, self->wxs_col, "%s", message);
}

/* Loads the module @node declares as @prefix + its name; @file is the
 * markup (from the root), which relative paths start from. */
static gboolean
add_module (FcPage *self, const FcFxmlNode *node, const char *prefix, const char *file, const char *base,
            GError **error)
{
  const FcFxmlAttribute *module = fc_fxml_node_get_attribute (node, "module");
  const FcFxmlAttribute *src = fc_fxml_node_get_attribute (node, "src");
  const FcFxmlNode *script
      = node->children->len ? g_ptr_array_index (node->children, 0) : NULL;
  /* a page's module in an imported or included file: its relative paths
   * start from that file (fc-page-markup.c) */
  const char *included = prefix ? NULL : fc_page_markup_file_of (self, node);
  const char *filename = included ? included : file;
  g_autoptr (GError) local = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  if (included)
    base = included;
  /* a page and the files it loads share one sandbox: a module another
   * file declared (vant's `utils` in every file) is the one used */
  if (included && module && module->value && fc_wxs_runtime_has_module (self->wxs, module->value))
    return TRUE;

  if (!module || !module->value)
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_MODULE,
                   "%s:%d:%d: <wxs> without a module name", filename,
                   node->line, node->col);
      return FALSE;
    }
  /* a component's modules: under a prefix of its own ($ is a name's) */
  name = g_strconcat (prefix ? prefix : "", module->value, NULL);
  if (src && src->value)
    ok = fc_wxs_runtime_add_file (self->wxs, name, base, src->value, &local);
  else
    ok = fc_wxs_runtime_add_inline (
        self->wxs, name,
        script && script->type == FC_FXML_SCRIPT ? script->text : "",
        filename, script ? script->line : node->line, base, &local);
  if (ok)
    return TRUE;
  /* the module's own errors name its file and line; the others are the
   * element's */
  if (local->code == FC_WXS_ERROR_SYNTAX || local->code == FC_WXS_ERROR_RUNTIME
      || local->code == FC_WXS_ERROR_RUNAWAY)
    g_propagate_error (error, g_steal_pointer (&local));
  else
    {
      const FcFxmlAttribute *at
          = src && local->code != FC_WXS_ERROR_BAD_MODULE ? src : module;
      g_set_error (error, FC_WXS_ERROR, local->code,
                   "%s:%d:%d: <wxs module=\"%s\">: %s", filename,
                   at->line, at->col, module->value, local->message);
    }
  return FALSE;
}

/**
 * fc_page_wxs_load:
 * @self: a page whose markup is parsed
 * @nodes: (nullable) (element-type FcFxmlNode): its `<wxs>` elements
 * @error: return location for a %FC_WXS_ERROR error
 *
 * Loads the markup's modules into a fresh sandbox; a page without any
 * gets none.
 */
gboolean
fc_page_wxs_load (FcPage *self, const GPtrArray *nodes, GError **error)
{
  self->wxs_calls = (FcExprCalls){ NULL, get, call, warn, self };
  if (!nodes || nodes->len == 0)
    return TRUE;
  if (!(self->wxs = fc_wxs_runtime_new (read_file, log_line, self)))
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_RUNAWAY,
                   "%s: the WXS engine could not start", self->filename);
      return FALSE;
    }
  for (guint i = 0; i < nodes->len; i++)
    if (!add_module (self, g_ptr_array_index (nodes, i), NULL, self->filename,
                     self->root_page_path ? self->root_page_path : self->filename, error))
      {
        fc_page_wxs_clear (self);
        return FALSE;
      }
  self->wxs_calls.has_module = has_module;
  return TRUE;
}

/* A component's calls: its module names under its prefix */
static char *
prefixed (FcComponentDef *def, const char *name)
{
  return g_strconcat (def->wxs_prefix, name, NULL);
}

static gboolean
def_has_module (gpointer user_data, const char *name)
{
  FcComponentDef *def = user_data;
  g_autofree char *p = prefixed (def, name);
  return def->page->wxs && fc_wxs_runtime_has_module (def->page->wxs, p);
}

static FcValue *
def_get (gpointer user_data, const char *name, const char *const *keys, guint n_keys)
{
  FcComponentDef *def = user_data;
  g_autofree char *p = prefixed (def, name);
  return get (def->page, p, keys, n_keys);
}

static FcValue *
def_call (gpointer user_data, const char *name, const char *const *keys, guint n_keys, FcValue *const *args,
          guint n_args)
{
  FcComponentDef *def = user_data;
  g_autofree char *p = prefixed (def, name);
  return call (def->page, p, keys, n_keys, args, n_args);
}

static void
def_warn (gpointer user_data, const char *message)
{
  FcComponentDef *def = user_data;
  warn (def->page, message);
}

/**
 * fc_page_wxs_load_component:
 * @self: the page
 * @def: a component loaded for it
 * @nodes: (nullable) (element-type FcFxmlNode): its template's `<wxs>` elements
 * @error: return location for a %FC_WXS_ERROR error
 *
 * Loads a component's modules into the page's sandbox under names of its
 * own, and sets @def's calls; a file two components require is one module.
 */
gboolean
fc_page_wxs_load_component (FcPage *self, FcComponentDef *def, const GPtrArray *nodes, GError **error)
{
  static guint next_id;

  def->wxs_calls = (FcExprCalls){ NULL, def_get, def_call, def_warn, def };
  if (!nodes || nodes->len == 0)
    return TRUE;
  if (!self->wxs && !(self->wxs = fc_wxs_runtime_new (read_file, log_line, self)))
    {
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_RUNAWAY, "%s: the WXS engine could not start", def->fxml_name);
      return FALSE;
    }
  self->wxs_calls.has_module = has_module;
  def->wxs_prefix = g_strdup_printf ("c%u$", g_atomic_int_add (&next_id, 1));
  for (guint i = 0; i < nodes->len; i++)
    if (!add_module (self, g_ptr_array_index (nodes, i), def->wxs_prefix, def->fxml_name, def->fxml_name, error))
      return FALSE;
  def->wxs_calls.has_module = def_has_module;
  return TRUE;
}

/* Frees the sandbox and what the page was given for it. */
void
fc_page_wxs_clear (FcPage *self)
{
  g_clear_pointer (&self->wxs, fc_wxs_runtime_free);
  self->wxs_calls.has_module = NULL;
}

/**
 * fc_page_set_root:
 * @self: a page not loaded yet
 * @dir: (nullable): the folder of the mini-program (or plugin) the page is
 *   in: `<wxs src>` and `require()` read files there, and nowhere else
 * @page_path: (nullable): the page's markup file's path from @dir
 *   (`pages/a/a.fxml`), which relative paths start from, when its name in
 *   messages (fc_page_load()'s) is not: a plugin's page is named
 *   `PROVIDER/VERSION/pages/…` but sits at `pages/…` in its package
 *
 * fc_page_load_from_dir() and #FcApp's pages set it themselves.
 */
void
fc_page_set_root (FcPage *self, const char *dir, const char *page_path)
{
  g_return_if_fail (FC_IS_PAGE (self));
  g_free (self->root_dir);
  self->root_dir = g_strdup (dir);
  g_free (self->root_page_path);
  self->root_page_path = g_strdup (page_path);
}

/**
 * fc_page_add_file:
 * @self: a page not loaded yet
 * @path: a file's path from the mini-program's root (`utils/fmt.wxs`)
 * @text: its content
 *
 * Gives the page a file in memory, found before the root folder's (replay
 * cases carry their `.wxs` files this way).
 */
void
fc_page_add_file (FcPage *self, const char *path, const char *text)
{
  g_autofree char *norm = NULL;
  g_return_if_fail (FC_IS_PAGE (self));
  if (!(norm = fc_wxs_resolve_path (NULL, path, NULL)))
    return;
  if (!self->wxs_files)
    self->wxs_files
        = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (self->wxs_files, g_steal_pointer (&norm),
                        g_strdup (text));
}
