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
 * FC_PLUGIN_ERROR:
 *
 * Error domain of app and plugin loading (`fc-plugin-error`). Messages
 * about a file start with `file:line:col: ` (or `file: ` when no position
 * applies) and say what was expected.
 */
#define FC_PLUGIN_ERROR (fc_plugin_error_quark ())

/**
 * FcPluginError:
 * @FC_PLUGIN_ERROR_BAD_JSON: malformed JSON, with its position
 * @FC_PLUGIN_ERROR_BAD_CONFIG: a member of the wrong type or missing
 * @FC_PLUGIN_ERROR_NOT_INSTALLED: no package of that provider on the search
 *   path
 * @FC_PLUGIN_ERROR_UNKNOWN_VERSION: the provider is installed, not that
 *   version
 * @FC_PLUGIN_ERROR_BAD_PACKAGE: no doc/README.md, no module, no register
 *   function
 * @FC_PLUGIN_ERROR_UNDECLARED_ALIAS: plugin://ALIAS names no declared plugin
 * @FC_PLUGIN_ERROR_NOT_PUBLIC: not in publicComponents
 * @FC_PLUGIN_ERROR_NO_SUCH_PAGE: not in the plugin's pages (or the app's)
 * @FC_PLUGIN_ERROR_DUPLICATE_SUBPACKAGE: one plugin declared by two
 *   subpackages
 * @FC_PLUGIN_ERROR_OUTSIDE_SUBPACKAGE: a subpackage's plugin used from
 *   elsewhere
 * @FC_PLUGIN_ERROR_ESCAPING_PATH: `..`, absolute, or a symlink out of the
 *   root
 * @FC_PLUGIN_ERROR_UNKNOWN_FUNCTION: requirePlugin(...).NAME does not exist
 * @FC_PLUGIN_ERROR_NOT_FOUND: a file the configuration names is missing
 * @FC_PLUGIN_ERROR_PRIVATE: plugin-private:// used outside its plugin
 * @FC_PLUGIN_ERROR_BAD_SETTING: a host setting the platform cannot use
 * @FC_PLUGIN_ERROR_PLUGIN_URL_IN_PLUGIN: plugin:// inside a plugin, which
 *   uses plugin-private://
 *
 * The codes of %FC_PLUGIN_ERROR.
 */
typedef enum
{
  FC_PLUGIN_ERROR_BAD_JSON,         /* malformed JSON, with its position */
  FC_PLUGIN_ERROR_BAD_CONFIG,       /* a member of the wrong type or missing */
  FC_PLUGIN_ERROR_NOT_INSTALLED,    /* no package of that provider on the search
                                       path */
  FC_PLUGIN_ERROR_UNKNOWN_VERSION,  /* the provider is installed, not that
                                       version */
  FC_PLUGIN_ERROR_BAD_PACKAGE,      /* no doc/README.md, no module, no register
                                       function */
  FC_PLUGIN_ERROR_UNDECLARED_ALIAS, /* plugin://ALIAS names no declared plugin
                                     */
  FC_PLUGIN_ERROR_NOT_PUBLIC,       /* not in publicComponents */
  FC_PLUGIN_ERROR_NO_SUCH_PAGE, /* not in the plugin's pages (or the app's) */
  FC_PLUGIN_ERROR_DUPLICATE_SUBPACKAGE, /* one plugin declared by two
                                           subpackages */
  FC_PLUGIN_ERROR_OUTSIDE_SUBPACKAGE,   /* a subpackage's plugin used from
                                           elsewhere */
  FC_PLUGIN_ERROR_ESCAPING_PATH, /* `..`, absolute, or a symlink out of the root
                                  */
  FC_PLUGIN_ERROR_UNKNOWN_FUNCTION, /* requirePlugin(...).NAME does not exist */
  FC_PLUGIN_ERROR_NOT_FOUND, /* a file the configuration names is missing */
  FC_PLUGIN_ERROR_PRIVATE,   /* plugin-private:// used outside its plugin */
  FC_PLUGIN_ERROR_BAD_SETTING, /* a host setting the platform cannot use */
  FC_PLUGIN_ERROR_PLUGIN_URL_IN_PLUGIN, /* plugin:// inside a plugin, which
                                           uses plugin-private:// */
} FcPluginError;

/**
 * fc_plugin_error_quark:
 *
 * The error domain of app and plugin loading.
 *
 * Returns: the quark of %FC_PLUGIN_ERROR
 */
FC_BRIDGE_EXPORT GQuark fc_plugin_error_quark (void);
/**
 * fc_plugin_error_code_to_string:
 * @code: a code of %FC_PLUGIN_ERROR
 *
 * The name of a plugin error code, as replay output and tests print it.
 *
 * Returns: (transfer none): its name
 */
FC_BRIDGE_EXPORT const char *fc_plugin_error_code_to_string (int code);

/**
 * FcPlugin:
 *
 * One loaded plugin package (`PROVIDER/VERSION/`): its plugin.json, its
 * native module's components, pages and `main` interface. Owned by its
 * #FcPluginStore, which keeps it for the process.
 */
typedef struct _FcPlugin FcPlugin;
/**
 * FcPluginContext:
 *
 * What a native module's fc_plugin_register() is given: the package being
 * loaded, to add its components, page callbacks and interface to.
 */
typedef struct _FcPluginContext FcPluginContext;
/**
 * FcPluginInterface:
 *
 * A plugin's `main` interface as one mini-program sees it
 * (`requirePlugin()`): its functions and values.
 */
typedef struct _FcPluginInterface FcPluginInterface;

/* Boxed types of their own, so that bindings can hold them (GJS cannot
 * hold a struct without one); the store, the module and the app own
 * them: the copy is the same pointer and the free does nothing. */
#define FC_TYPE_PLUGIN (fc_plugin_get_type ())
FC_BRIDGE_EXPORT GType fc_plugin_get_type (void) G_GNUC_CONST;
#define FC_TYPE_PLUGIN_CONTEXT (fc_plugin_context_get_type ())
FC_BRIDGE_EXPORT GType fc_plugin_context_get_type (void) G_GNUC_CONST;
#define FC_TYPE_PLUGIN_INTERFACE (fc_plugin_interface_get_type ())
FC_BRIDGE_EXPORT GType fc_plugin_interface_get_type (void) G_GNUC_CONST;

/**
 * FcPluginFunction:
 * @iface: the interface called (gives requireMiniProgram())
 * @args: (nullable): the argument (any JSON-like value)
 * @user_data: the function's data
 * @error: return location for an error
 *
 * One function of a plugin's `main` interface.
 *
 * Returns: (transfer full) (nullable): the result; %NULL with @error set
 *   on failure
 */
typedef FcValue *(*FcPluginFunction) (FcPluginInterface *iface, FcValue *args,
                                      gpointer user_data, GError **error);

/**
 * FcPluginRegisterFunc:
 * @ctx: the package being loaded
 * @error: return location for an error
 *
 * The one symbol a native module exports, named `fc_plugin_register`
 * (%FC_PLUGIN_REGISTER_SYMBOL).
 *
 * Returns: whether the package registered; %FALSE with @error set
 */
typedef gboolean (*FcPluginRegisterFunc) (FcPluginContext *ctx, GError **error);
/**
 * FC_PLUGIN_REGISTER_SYMBOL:
 *
 * The name of the one function a plugin's native module exports (an
 * #FcPluginRegisterFunc).
 */
#define FC_PLUGIN_REGISTER_SYMBOL "fc_plugin_register"
/**
 * FC_PLUGIN_MODULE_NAME:
 *
 * The native module's file name inside `PROVIDER/VERSION/`.
 */
#define FC_PLUGIN_MODULE_NAME "plugin.so"

FC_BRIDGE_EXPORT const char *
fc_plugin_context_get_provider (FcPluginContext *ctx);
FC_BRIDGE_EXPORT const char *
fc_plugin_context_get_version (FcPluginContext *ctx);
FC_BRIDGE_EXPORT const char *fc_plugin_context_get_dir (FcPluginContext *ctx);
FC_BRIDGE_EXPORT void fc_plugin_context_add_component (FcPluginContext *ctx,
                                                       const char *path,
                                                       FcComponentClass *klass);
FC_BRIDGE_EXPORT void fc_plugin_context_add_function (FcPluginContext *ctx,
                                                      const char *name,
                                                      FcPluginFunction func,
                                                      gpointer user_data,
                                                      GDestroyNotify destroy);
FC_BRIDGE_EXPORT void fc_plugin_context_add_value (FcPluginContext *ctx,
                                                   const char *name,
                                                   FcValue *value);
FC_BRIDGE_EXPORT void fc_plugin_context_add_page_callback (
    FcPluginContext *ctx, const char *page, const char *name,
    FcEventCallback callback, gpointer user_data, GDestroyNotify destroy);

FC_BRIDGE_EXPORT const char *fc_plugin_get_provider (FcPlugin *plugin);
FC_BRIDGE_EXPORT const char *fc_plugin_get_version (FcPlugin *plugin);
FC_BRIDGE_EXPORT const char *fc_plugin_get_dir (FcPlugin *plugin);
FC_BRIDGE_EXPORT FcComponentClass *
fc_plugin_lookup_component (FcPlugin *plugin, const char *path);
FC_BRIDGE_EXPORT const char *fc_plugin_get_public_component (FcPlugin *plugin,
                                                             const char *name);
FC_BRIDGE_EXPORT const char *fc_plugin_get_page (FcPlugin *plugin,
                                                 const char *name);

/**
 * FcPluginStore:
 *
 * The installed plugins: folders `PROVIDER/VERSION/` (with `plugin.json`,
 * `doc/README.md` and `plugin.so`) under each directory of the search path.
 * Loaded packages are cached; their modules stay resident.
 */
#define FC_TYPE_PLUGIN_STORE (fc_plugin_store_get_type ())
FC_BRIDGE_EXPORT
G_DECLARE_FINAL_TYPE (FcPluginStore, fc_plugin_store, FC, PLUGIN_STORE, GObject)

FC_BRIDGE_EXPORT FcPluginStore *fc_plugin_store_new (void);
FC_BRIDGE_EXPORT FcPluginStore *
fc_plugin_store_new_for_path (const char *const *dirs);
FC_BRIDGE_EXPORT const char *const *
fc_plugin_store_get_path (FcPluginStore *self);
FC_BRIDGE_EXPORT char **fc_plugin_store_list_versions (FcPluginStore *self,
                                                       const char *provider);
FC_BRIDGE_EXPORT FcPlugin *fc_plugin_store_load (FcPluginStore *self,
                                                 const char *provider,
                                                 const char *version,
                                                 GError **error);

FC_BRIDGE_EXPORT FcPlugin *
fc_plugin_interface_get_plugin (FcPluginInterface *iface);
FC_BRIDGE_EXPORT char **fc_plugin_interface_list (FcPluginInterface *iface);
FC_BRIDGE_EXPORT FcValue *fc_plugin_interface_get (FcPluginInterface *iface,
                                                   const char *name);
FC_BRIDGE_EXPORT FcValue *fc_plugin_interface_call (FcPluginInterface *iface,
                                                    const char *name,
                                                    FcValue *args,
                                                    GError **error);
FC_BRIDGE_EXPORT FcValue *
fc_plugin_interface_require_mini_program (FcPluginInterface *iface);
FC_BRIDGE_EXPORT FcPluginInterface *
fc_plugin_interface_require_plugin (FcPluginInterface *iface,
                                    const char *provider, GError **error);
FC_BRIDGE_EXPORT FcPluginInterface *
fc_element_require_plugin (FcElement *element, const char *provider,
                           GError **error);

G_END_DECLS
