#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib-object.h>
#include "fc-bridge-macros.h"
#include "fc-value.h"
#include "fc-page.h"
#include "fc-plugin.h"
#include "fc-host-settings.h"

G_BEGIN_DECLS

/**
 * FcApp:
 *
 * A mini-program: its `app.json` (pages, subpackages, plugins), the
 * plugins it declares (loaded from an #FcPluginStore at creation, so an
 * unknown version fails early), and the rules that let its pages reach
 * them: `plugin://ALIAS/NAME` in `usingComponents` (public components
 * only), `plugin://ALIAS/PAGE` as a page to load (the plugin's pages),
 * `plugin-private://PROVIDER/PATH` inside a plugin, subpackage scoping,
 * abstract nodes, requirePlugin() and requireMiniProgram(). Every file
 * path is confined to the mini-program's root or the plugin's package.
 */
#define FC_TYPE_APP (fc_app_get_type ())
FC_BRIDGE_EXPORT
G_DECLARE_FINAL_TYPE (FcApp, fc_app, FC, APP, GObject)

FC_BRIDGE_EXPORT FcApp *fc_app_new_from_dir (FcPluginStore *store,
                                             const char *dir, GError **error);
FC_BRIDGE_EXPORT FcApp *fc_app_new (FcPluginStore *store, const char *dir,
                                    const char *app_json, GError **error);
FC_BRIDGE_EXPORT const char *fc_app_get_dir (FcApp *self);
FC_BRIDGE_EXPORT FcPluginStore *fc_app_get_store (FcApp *self);
FC_BRIDGE_EXPORT FcHostSettings *fc_app_get_host_settings (FcApp *self);
FC_BRIDGE_EXPORT void fc_app_set_host_settings (FcApp *self,
                                                FcHostSettings *settings);
FC_BRIDGE_EXPORT FcPlugin *fc_app_get_plugin (FcApp *self,
                                              const char *alias_or_provider);

FC_BRIDGE_EXPORT gboolean fc_app_load_page (FcApp *self, FcPage *page,
                                            const char *page_path,
                                            FcValue *data, GError **error);
FC_BRIDGE_EXPORT gboolean fc_app_load_page_text (FcApp *self, FcPage *page,
                                                 const char *page_path,
                                                 const char *page_json,
                                                 const char *fxml,
                                                 FcValue *data, GError **error);
FC_BRIDGE_EXPORT FcApp *fc_app_from_page (FcPage *page);
FC_BRIDGE_EXPORT gboolean fc_app_load_page_from (FcApp *self, FcPage *page,
                                                 FcPage *from,
                                                 const char *url,
                                                 FcValue *data,
                                                 GError **error);

FC_BRIDGE_EXPORT FcPluginInterface *
fc_app_require_plugin (FcApp *self, const char *from_page,
                       const char *alias_or_provider, GError **error);
FC_BRIDGE_EXPORT char *fc_app_resolve_path (FcApp *self, const char *page_path,
                                            const char *path, GError **error);

/* what a plugin's component reaches of the app: paths, not pages */
FC_BRIDGE_EXPORT const char *fc_element_get_app_dir (FcElement *element);
FC_BRIDGE_EXPORT char *fc_element_resolve_path (FcElement *element,
                                                const char *path,
                                                GError **error);

G_END_DECLS
