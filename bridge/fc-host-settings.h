#pragma once

#if !defined(FC_BRIDGE_INSIDE) && !defined(FC_BRIDGE_COMPILATION)
#error "Only <fc-bridge.h> can be included directly."
#endif

#include <glib-object.h>
#include "fc-bridge-macros.h"
#include "fc-component.h"

G_BEGIN_DECLS

/**
 * FcHostSettings:
 *
 * What the host decides for the plugins its mini-program uses, as opposed
 * to what a page asks for: where recordings go (#FcHostSettings:temp-dir),
 * which camera and microphone a recorder uses (#FcHostSettings:camera,
 * #FcHostSettings:microphone), whether a test pattern and tone may stand
 * in for a missing device (#FcHostSettings:allow-test-source), and which
 * servers a plugin may download from (#FcHostSettings:download-domains,
 * #FcHostSettings:allow-insecure-http), and whether recordings from the
 * test sources are made offline, as fast as the machine encodes
 * (#FcHostSettings:offline); and what the platform's back end knows of the
 * mini-program, which signs its plugins' requests: its app id and version
 * (#FcHostSettings:app-id, #FcHostSettings:app-version) and a secret token
 * per plugin provider (fc_host_settings_set_plugin_token()).
 *
 * Each #FcApp owns one (fc_app_get_host_settings()), or shares one the host
 * gives it (fc_app_set_host_settings()). A plugin's component reads the
 * settings of the app its element is mounted in with
 * fc_host_settings_get_for_element(): the settings, not the app's pages or
 * their data. The properties are read-only: the host changes them with the
 * typed setters, which refuse a value the platform cannot use with a
 * #GError (%FC_PLUGIN_ERROR_BAD_SETTING) and keep the old one; every change
 * is notified, so a plugin may bind them to its objects.
 */
#define FC_TYPE_HOST_SETTINGS (fc_host_settings_get_type ())
FC_BRIDGE_EXPORT
G_DECLARE_FINAL_TYPE (FcHostSettings, fc_host_settings, FC, HOST_SETTINGS,
                      GObject)

FC_BRIDGE_EXPORT FcHostSettings *fc_host_settings_new (void);
FC_BRIDGE_EXPORT FcHostSettings *
fc_host_settings_get_for_element (FcElement *element);

FC_BRIDGE_EXPORT const char *
fc_host_settings_get_temp_dir (FcHostSettings *self);
FC_BRIDGE_EXPORT gboolean fc_host_settings_set_temp_dir (FcHostSettings *self,
                                                         const char *dir,
                                                         GError **error);
FC_BRIDGE_EXPORT const char *fc_host_settings_get_camera (FcHostSettings *self);
FC_BRIDGE_EXPORT gboolean fc_host_settings_set_camera (FcHostSettings *self,
                                                       const char *device,
                                                       GError **error);
FC_BRIDGE_EXPORT const char *
fc_host_settings_get_microphone (FcHostSettings *self);
FC_BRIDGE_EXPORT gboolean fc_host_settings_set_microphone (FcHostSettings *self,
                                                           const char *device,
                                                           GError **error);
FC_BRIDGE_EXPORT gboolean
fc_host_settings_get_allow_test_source (FcHostSettings *self);
FC_BRIDGE_EXPORT void
fc_host_settings_set_allow_test_source (FcHostSettings *self, gboolean allow);
FC_BRIDGE_EXPORT const char *const *
fc_host_settings_get_download_domains (FcHostSettings *self);
FC_BRIDGE_EXPORT gboolean
fc_host_settings_set_download_domains (FcHostSettings *self,
                                       const char *const *domains,
                                       GError **error);
FC_BRIDGE_EXPORT gboolean
fc_host_settings_get_allow_insecure_http (FcHostSettings *self);
FC_BRIDGE_EXPORT void
fc_host_settings_set_allow_insecure_http (FcHostSettings *self,
                                          gboolean allow);
FC_BRIDGE_EXPORT gboolean fc_host_settings_get_offline (FcHostSettings *self);
FC_BRIDGE_EXPORT void fc_host_settings_set_offline (FcHostSettings *self,
                                                    gboolean offline);
FC_BRIDGE_EXPORT const char *
fc_host_settings_get_app_id (FcHostSettings *self);
FC_BRIDGE_EXPORT gboolean fc_host_settings_set_app_id (FcHostSettings *self,
                                                       const char *app_id,
                                                       GError **error);
FC_BRIDGE_EXPORT const char *
fc_host_settings_get_app_version (FcHostSettings *self);
FC_BRIDGE_EXPORT gboolean
fc_host_settings_set_app_version (FcHostSettings *self, const char *version,
                                  GError **error);
FC_BRIDGE_EXPORT gboolean
fc_host_settings_set_plugin_token (FcHostSettings *self, const char *provider,
                                   const char *token, GError **error);
FC_BRIDGE_EXPORT gboolean
fc_host_settings_has_plugin_token (FcHostSettings *self, const char *provider);
FC_BRIDGE_EXPORT char **
fc_host_settings_dup_token_providers (FcHostSettings *self);

G_END_DECLS
