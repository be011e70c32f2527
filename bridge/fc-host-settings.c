/* fc-host-settings.c: FcHostSettings, what the host decides for the
 * plugins of its mini-program (see fc-host-settings.h). */
#include <string.h>
#include <stdlib.h>

#include "fc-plugin-private.h"


struct _FcHostSettings
{
  GObject parent_instance;
  char *temp_dir;
  char *camera;
  char *microphone;
  char **download_domains; /* never NULL */
  gboolean allow_test_source;
  gboolean allow_insecure_http;
  gboolean offline;
  char *app_id;      /* NULL: not set, requests go unsigned */
  char *app_version; /* NULL: a development version ("0" in a Referer) */
  GHashTable *tokens; /* provider → token (secret: wiped when dropped) */
};

enum
{
  HS_PROP_0,
  HS_PROP_TEMP_DIR,
  HS_PROP_CAMERA,
  HS_PROP_MICROPHONE,
  HS_PROP_ALLOW_TEST_SOURCE,
  HS_PROP_DOWNLOAD_DOMAINS,
  HS_PROP_ALLOW_INSECURE_HTTP,
  HS_PROP_OFFLINE,
  HS_PROP_APP_ID,
  HS_PROP_APP_VERSION,
  HS_PROP_TOKEN_PROVIDERS,
  HS_N_PROPS
};

static GParamSpec *hs_props[HS_N_PROPS];

G_DEFINE_FINAL_TYPE (FcHostSettings, fc_host_settings, G_TYPE_OBJECT)

static void
fc_host_settings_finalize (GObject *object)
{
  FcHostSettings *self = FC_HOST_SETTINGS (object);

  g_free (self->temp_dir);
  g_free (self->camera);
  g_free (self->microphone);
  g_strfreev (self->download_domains);
  g_free (self->app_id);
  g_free (self->app_version);
  g_hash_table_unref (self->tokens);
  G_OBJECT_CLASS (fc_host_settings_parent_class)->finalize (object);
}

static void
fc_host_settings_get_property (GObject *object, guint prop_id, GValue *value,
                               GParamSpec *pspec)
{
  FcHostSettings *self = FC_HOST_SETTINGS (object);

  switch (prop_id)
    {
    case HS_PROP_TEMP_DIR:
      g_value_set_string (value, self->temp_dir);
      break;
    case HS_PROP_CAMERA:
      g_value_set_string (value, self->camera);
      break;
    case HS_PROP_MICROPHONE:
      g_value_set_string (value, self->microphone);
      break;
    case HS_PROP_ALLOW_TEST_SOURCE:
      g_value_set_boolean (value, self->allow_test_source);
      break;
    case HS_PROP_DOWNLOAD_DOMAINS:
      g_value_set_boxed (value, self->download_domains);
      break;
    case HS_PROP_ALLOW_INSECURE_HTTP:
      g_value_set_boolean (value, self->allow_insecure_http);
      break;
    case HS_PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    case HS_PROP_APP_ID:
      g_value_set_string (value, self->app_id);
      break;
    case HS_PROP_APP_VERSION:
      g_value_set_string (value, self->app_version);
      break;
    case HS_PROP_TOKEN_PROVIDERS:
      g_value_take_boxed (value,
                          fc_host_settings_dup_token_providers (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fc_host_settings_class_init (FcHostSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags
      = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fc_host_settings_finalize;
  object_class->get_property = fc_host_settings_get_property;

  /**
   * FcHostSettings:temp-dir:
   *
   * The absolute path of the directory recordings are written to, or
   * %NULL for a private directory made under g_get_tmp_dir().
   */
  hs_props[HS_PROP_TEMP_DIR]
      = g_param_spec_string ("temp-dir", NULL, NULL, NULL, flags);
  /**
   * FcHostSettings:camera:
   *
   * The camera: %NULL for the system's (a PipeWire camera, else a V4L2
   * device), `"test"` for a test pattern, `"pipewire:NODE"` for a PipeWire
   * node by name, or `"v4l2:PATH"` for a V4L2 device file.
   */
  hs_props[HS_PROP_CAMERA]
      = g_param_spec_string ("camera", NULL, NULL, NULL, flags);
  /**
   * FcHostSettings:microphone:
   *
   * The microphone: %NULL for the system's, `"test"` for a tone, or
   * `"pipewire:NODE"`.
   */
  hs_props[HS_PROP_MICROPHONE]
      = g_param_spec_string ("microphone", NULL, NULL, NULL, flags);
  /**
   * FcHostSettings:allow-test-source:
   *
   * Whether a test pattern and tone stand in, with a warning, where the
   * machine has no camera or microphone (instead of an error). %FALSE by
   * default; demos and tests turn it on.
   */
  hs_props[HS_PROP_ALLOW_TEST_SOURCE] = g_param_spec_boolean (
      "allow-test-source", NULL, NULL, FALSE, flags);
  /**
   * FcHostSettings:download-domains:
   *
   * The download whitelist: `host`, `host:port` or `[IPv6]:port` entries
   * (HTTPS, port 443 unless given). Empty by default: no downloads.
   */
  hs_props[HS_PROP_DOWNLOAD_DOMAINS] = g_param_spec_boxed (
      "download-domains", NULL, NULL, G_TYPE_STRV, flags);
  /**
   * FcHostSettings:allow-insecure-http:
   *
   * Whether plain HTTP is allowed for the whitelisted domains (port 80
   * unless given). For tests with a loopback server only.
   */
  hs_props[HS_PROP_ALLOW_INSECURE_HTTP] = g_param_spec_boolean (
      "allow-insecure-http", NULL, NULL, FALSE, flags);
  /**
   * FcHostSettings:offline:
   *
   * Whether a recorder records from the test pattern and tone offline: not
   * in real time but as fast as the machine encodes, a recording holding
   * exactly its recordTime of media however long the encoding takes.
   * Only with the test sources: with a device for the camera or the
   * microphone the recorder reports an error (errCode "not-supported").
   * Headless hosts on a virtual clock turn it on (`fc-demo replay`);
   * %FALSE by default.
   */
  hs_props[HS_PROP_OFFLINE]
      = g_param_spec_boolean ("offline", NULL, NULL, FALSE, flags);
  /**
   * FcHostSettings:app-id:
   *
   * The host mini-program's app id (`wx…` on WeChat), as the platform's
   * back end knows it: with a plugin's token
   * (fc_host_settings_set_plugin_token()) it signs the plugin's requests
   * (`X-WECHAT-HOSTSIGN`, see fc_host_sign_verify()). %NULL by default:
   * requests go unsigned.
   */
  hs_props[HS_PROP_APP_ID]
      = g_param_spec_string ("app-id", NULL, NULL, NULL, flags);
  /**
   * FcHostSettings:app-version:
   *
   * The mini-program's version as its `Referer` names it
   * (`https://servicewechat.com/APPID/VERSION/page-frame.html`); %NULL for
   * a development version, written `0`.
   */
  hs_props[HS_PROP_APP_VERSION]
      = g_param_spec_string ("app-version", NULL, NULL, NULL, flags);
  /**
   * FcHostSettings:token-providers:
   *
   * The plugin providers that have a token, sorted; the tokens themselves
   * are secrets no property, log or dump shows. Notified when a token is
   * set, replaced or removed.
   */
  hs_props[HS_PROP_TOKEN_PROVIDERS] = g_param_spec_boxed (
      "token-providers", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, HS_N_PROPS, hs_props);
}

static void
fc_host_settings_init (FcHostSettings *self)
{
  self->download_domains = g_new0 (char *, 1);
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        fc_secret_free);
}

/**
 * fc_host_settings_new:
 *
 * Settings with every default: the system's camera and microphone, no test
 * source, no downloads, recordings in a private temporary directory.
 *
 * Returns: (transfer full): new settings
 */
FcHostSettings *
fc_host_settings_new (void)
{
  return g_object_new (FC_TYPE_HOST_SETTINGS, NULL);
}

static gboolean
bad_setting (GError **error, const char *what, const char *value,
             const char *expected)
{
  g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_SETTING,
               "host setting %s: \"%s\": expected %s", what, value, expected);
  return FALSE;
}

static gboolean
set_string (FcHostSettings *self, char **field, const char *value, guint prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return TRUE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), hs_props[prop]);
  return TRUE;
}

/**
 * fc_host_settings_get_temp_dir:
 * @self: the settings
 *
 * The folder where plugins write their files (the recorder's videos,
 * thumbnails and subtitles).
 *
 * Returns: (transfer none) (nullable) (type filename): the folder; %NULL
 *   for a private folder made under g_get_tmp_dir()
 */
const char *
fc_host_settings_get_temp_dir (FcHostSettings *self)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), NULL);
  return self->temp_dir;
}

/**
 * fc_host_settings_set_temp_dir:
 * @self: the settings
 * @dir: (nullable): an absolute directory path, or %NULL (or "") for a
 *   private temporary directory
 * @error: return location for an error
 *
 * Sets where recordings go. The directory need not exist yet (the recorder
 * makes it); a relative path is refused, as it would depend on the
 * process's working directory.
 *
 * Returns: %TRUE, or %FALSE with @error set and the setting unchanged
 */
gboolean
fc_host_settings_set_temp_dir (FcHostSettings *self, const char *dir,
                               GError **error)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (dir && !*dir)
    dir = NULL;
  if (dir && !g_path_is_absolute (dir))
    return bad_setting (error, "temp-dir", dir, "an absolute directory path");
  return set_string (self, &self->temp_dir, dir, HS_PROP_TEMP_DIR);
}

/* NULL, "", "auto", "test", "pipewire:NODE" and, for a camera,
 * "v4l2:/PATH" and "portal" */
static gboolean
set_device (FcHostSettings *self, const char *what, char **field,
            const char *device, gboolean video, guint prop, GError **error)
{
  const char *expected
      = video ? "\"test\", \"pipewire:NODE\", \"v4l2:/dev/videoN\", "
                "\"portal\" or none for the system's camera"
              : "\"test\", \"pipewire:NODE\" or none for the system's "
                "microphone";

  if (device && (!*device || strcmp (device, "auto") == 0))
    device = NULL;
  if (device && strcmp (device, "test") != 0
      && !(g_str_has_prefix (device, "pipewire:")
           && device[strlen ("pipewire:")])
      && !(video && g_str_has_prefix (device, "v4l2:")
           && g_path_is_absolute (device + strlen ("v4l2:")))
      && !(video && strcmp (device, "portal") == 0))
    return bad_setting (error, what, device, expected);
  return set_string (self, field, device, prop);
}

/**
 * fc_host_settings_get_camera:
 * @self: the settings
 *
 * The camera a recording uses (#FcHostSettings:camera): the system's,
 * `test` (the test pattern), `pipewire:NODE` or `v4l2:PATH`.
 *
 * Returns: (transfer none) (nullable): the camera; %NULL for the system's
 */
const char *
fc_host_settings_get_camera (FcHostSettings *self)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), NULL);
  return self->camera;
}

/**
 * fc_host_settings_set_camera:
 * @self: the settings
 * @device: (nullable): `"test"`, `"pipewire:NODE"`, `"v4l2:/dev/videoN"`,
 *   `"portal"` (the camera portal, sandboxed or not), or %NULL (also ""
 *   and "auto") for the system's camera
 * @error: return location for an error
 *
 * Sets the camera recorders use. Whether the device exists is found when a
 * recorder starts (its onRecordError says so), as devices come and go.
 *
 * Returns: %TRUE, or %FALSE with @error set and the setting unchanged
 */
gboolean
fc_host_settings_set_camera (FcHostSettings *self, const char *device,
                             GError **error)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return set_device (self, "camera", &self->camera, device, TRUE,
                     HS_PROP_CAMERA, error);
}

/**
 * fc_host_settings_get_microphone:
 * @self: the settings
 *
 * The microphone a recording uses (#FcHostSettings:microphone): the
 * system's, `test` (a tone) or `pipewire:NODE`.
 *
 * Returns: (transfer none) (nullable): the microphone; %NULL for the system's
 */
const char *
fc_host_settings_get_microphone (FcHostSettings *self)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), NULL);
  return self->microphone;
}

/**
 * fc_host_settings_set_microphone:
 * @self: the settings
 * @device: (nullable): `"test"`, `"pipewire:NODE"`, or %NULL (also "" and
 *   "auto") for the system's microphone
 * @error: return location for an error
 *
 * Sets the microphone recorders use.
 *
 * Returns: %TRUE, or %FALSE with @error set and the setting unchanged
 */
gboolean
fc_host_settings_set_microphone (FcHostSettings *self, const char *device,
                                 GError **error)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return set_device (self, "microphone", &self->microphone, device, FALSE,
                     HS_PROP_MICROPHONE, error);
}

/**
 * fc_host_settings_get_allow_test_source:
 * @self: the settings
 *
 * Whether the test pattern and tone may stand in for a missing camera or
 * microphone.
 *
 * Returns: whether the test sources may stand in
 */
gboolean
fc_host_settings_get_allow_test_source (FcHostSettings *self)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), FALSE);
  return self->allow_test_source;
}

/**
 * fc_host_settings_set_allow_test_source:
 * @self: the settings
 * @allow: whether a test pattern and tone may stand in for missing devices
 *
 * Lets (or stops) the test pattern and tone stand in for a missing camera
 * or microphone.
 */
void
fc_host_settings_set_allow_test_source (FcHostSettings *self, gboolean allow)
{
  g_return_if_fail (FC_IS_HOST_SETTINGS (self));
  allow = !!allow;
  if (self->allow_test_source == allow)
    return;
  self->allow_test_source = allow;
  g_object_notify_by_pspec (G_OBJECT (self),
                            hs_props[HS_PROP_ALLOW_TEST_SOURCE]);
}

/**
 * fc_host_settings_get_download_domains:
 * @self: the settings
 *
 * The download whitelist: the domains plugins may fetch resources from
 * (the recorder's prompt audio and mask).
 *
 * Returns: (transfer none): the whitelist, %NULL-terminated (empty when
 *   nothing may be downloaded)
 */
const char *const *
fc_host_settings_get_download_domains (FcHostSettings *self)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), NULL);
  return (const char *const *) self->download_domains;
}

/* "host", "host:port", "[v6]" or "[v6]:port"; no scheme, user, path */
static gboolean
valid_domain (const char *d)
{
  g_autofree char *uri = NULL;
  g_autofree char *host = NULL;
  int port = -1;

  if (!*d || strpbrk (d, "/@?#\\ \t\r\n"))
    return FALSE;
  uri = g_strconcat ("https://", d, NULL);
  if (!g_uri_split_network (uri, G_URI_FLAGS_NONE, NULL, &host, &port, NULL)
      || !host || !*host)
    return FALSE;
  /* an explicit port: 1 to 65535 (GUri takes ":" alone as no port) */
  if (g_str_has_suffix (d, ":") || port == 0)
    return FALSE;
  return TRUE;
}

/**
 * fc_host_settings_set_download_domains:
 * @self: the settings
 * @domains: (nullable) (array zero-terminated=1): `host`, `host:port` or
 *   `[IPv6]:port` entries; %NULL or empty for no downloads
 * @error: return location for an error
 *
 * Sets the servers plugins may download resources from (a step's prompt
 * audio, a mask given as a URL). An entry with a scheme, a path, user
 * information or a bad port is refused, naming the entry.
 *
 * Returns: %TRUE, or %FALSE with @error set and the setting unchanged
 */
gboolean
fc_host_settings_set_download_domains (FcHostSettings *self,
                                       const char *const *domains,
                                       GError **error)
{
  static const char *const none[] = { NULL };

  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (domains == NULL)
    domains = none;
  for (const char *const *d = domains; *d; d++)
    if (!valid_domain (*d))
      return bad_setting (error, "download-domains", *d,
                          "host, host:port or [IPv6]:port, without a scheme "
                          "or a path");
  if (g_strv_equal (domains, (const char *const *) self->download_domains))
    return TRUE;
  g_strfreev (self->download_domains);
  self->download_domains = g_strdupv ((char **) domains);
  g_object_notify_by_pspec (G_OBJECT (self),
                            hs_props[HS_PROP_DOWNLOAD_DOMAINS]);
  return TRUE;
}

/**
 * fc_host_settings_get_allow_insecure_http:
 * @self: the settings
 *
 * Whether plugins may fetch over plain HTTP from whitelisted domains
 * (tests on loopback).
 *
 * Returns: whether plain HTTP is allowed
 */
gboolean
fc_host_settings_get_allow_insecure_http (FcHostSettings *self)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), FALSE);
  return self->allow_insecure_http;
}

/**
 * fc_host_settings_set_allow_insecure_http:
 * @self: the settings
 * @allow: whether plain HTTP is allowed for the whitelisted domains
 *
 * For tests with a loopback server; a real host leaves it off.
 */
void
fc_host_settings_set_allow_insecure_http (FcHostSettings *self,
                                          gboolean allow)
{
  g_return_if_fail (FC_IS_HOST_SETTINGS (self));
  allow = !!allow;
  if (self->allow_insecure_http == allow)
    return;
  self->allow_insecure_http = allow;
  g_object_notify_by_pspec (G_OBJECT (self),
                            hs_props[HS_PROP_ALLOW_INSECURE_HTTP]);
}

/**
 * fc_host_settings_get_offline:
 * @self: the settings
 *
 * Whether recordings from the test sources are made offline: as fast as
 * the machine encodes, on media time.
 *
 * Returns: whether recordings from the test sources are offline
 */
gboolean
fc_host_settings_get_offline (FcHostSettings *self)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), FALSE);
  return self->offline;
}

/**
 * fc_host_settings_set_offline:
 * @self: the settings
 * @offline: whether recordings from the test sources are made offline
 *
 * See #FcHostSettings:offline. A recorder reads it when its pipeline
 * starts.
 */
void
fc_host_settings_set_offline (FcHostSettings *self, gboolean offline)
{
  g_return_if_fail (FC_IS_HOST_SETTINGS (self));
  offline = !!offline;
  if (self->offline == offline)
    return;
  self->offline = offline;
  g_object_notify_by_pspec (G_OBJECT (self), hs_props[HS_PROP_OFFLINE]);
}

/* ---- what signs a plugin's requests ---- */

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Wipes and frees a secret (a token), so that no freed block holds it. */
void
fc_secret_free (gpointer secret)
{
  if (secret == NULL)
    return;
  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

/* 1 to 64 characters of @extra, ASCII letters and digits */
static gboolean
valid_name (const char *s, const char *extra)
{
  gsize n = strlen (s);

  if (n == 0 || n > 64)
    return FALSE;
  for (const char *c = s; *c; c++)
    if (!g_ascii_isalnum (*c) && !strchr (extra, *c))
      return FALSE;
  return TRUE;
}

/**
 * fc_host_settings_get_app_id:
 * @self: the settings
 *
 * The mini-program's app id, which the platform's request signatures name.
 *
 * Returns: (transfer none) (nullable): the app id
 */
const char *
fc_host_settings_get_app_id (FcHostSettings *self)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), NULL);
  return self->app_id;
}

/**
 * fc_host_settings_set_app_id:
 * @self: the settings
 * @app_id: (nullable): the mini-program's app id: 1 to 64 ASCII letters,
 *   digits, `_` or `-`; %NULL (or "") for none
 * @error: return location for an error
 *
 * Sets #FcHostSettings:app-id. An id that could not stand in a URL path
 * (`/`, spaces, non-ASCII) is refused.
 *
 * Returns: %TRUE, or %FALSE with @error set and the setting unchanged
 */
gboolean
fc_host_settings_set_app_id (FcHostSettings *self, const char *app_id,
                             GError **error)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (app_id && !*app_id)
    app_id = NULL;
  if (app_id && !valid_name (app_id, "_-"))
    return bad_setting (error, "app-id", app_id,
                        "1 to 64 ASCII letters, digits, '_' or '-'");
  return set_string (self, &self->app_id, app_id, HS_PROP_APP_ID);
}

/**
 * fc_host_settings_get_app_version:
 * @self: the settings
 *
 * The mini-program's version, which the platform's request signatures
 * name.
 *
 * Returns: (transfer none) (nullable): the version
 */
const char *
fc_host_settings_get_app_version (FcHostSettings *self)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), NULL);
  return self->app_version;
}

/**
 * fc_host_settings_set_app_version:
 * @self: the settings
 * @version: (nullable): the released version (`12`, `1.0.3`): 1 to 64
 *   ASCII letters, digits, `.`, `_` or `-`; %NULL (or "", or "0") for a
 *   development version
 * @error: return location for an error
 *
 * Sets #FcHostSettings:app-version.
 *
 * Returns: %TRUE, or %FALSE with @error set and the setting unchanged
 */
gboolean
fc_host_settings_set_app_version (FcHostSettings *self, const char *version,
                                  GError **error)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (version && (!*version || strcmp (version, "0") == 0))
    version = NULL;
  if (version && (!valid_name (version, "._-") || strcmp (version, ".") == 0
                  || strcmp (version, "..") == 0))
    return bad_setting (error, "app-version", version,
                        "1 to 64 ASCII letters, digits, '.', '_' or '-'");
  return set_string (self, &self->app_version, version,
                     HS_PROP_APP_VERSION);
}

/**
 * fc_host_settings_set_plugin_token:
 * @self: the settings
 * @provider: a plugin's provider id (`fc-video-recognition`)
 * @token: (nullable): its token, from the plugin's settings on the
 *   platform: 1 to 512 printable ASCII characters without spaces; %NULL
 *   (or "") to remove it
 * @error: return location for an error
 *
 * Sets the token that signs the requests of @provider's code (with
 * #FcHostSettings:app-id). The token is a secret: no property, log,
 * message or dump shows it (an error about a bad one does not quote it),
 * and the memory of a token replaced or removed is wiped before it is
 * freed. #FcHostSettings:token-providers is notified.
 *
 * Returns: %TRUE, or %FALSE with @error set and the setting unchanged
 */
gboolean
fc_host_settings_set_plugin_token (FcHostSettings *self, const char *provider,
                                   const char *token, GError **error)
{
  const char *old;

  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (provider != NULL, FALSE);
  if (!valid_name (provider, "._-"))
    return bad_setting (error, "plugin-token", provider,
                        "a plugin provider id (ASCII letters, digits, '.', "
                        "'_' or '-')");
  if (token && !*token)
    token = NULL;
  if (token)
    {
      gsize n = strlen (token);
      gboolean ok = n <= 512;

      for (const char *c = token; ok && *c; c++)
        ok = *c > 0x20 && *c < 0x7f;
      if (!ok)
        {
          /* the message names the provider, never the token */
          g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_SETTING,
                       "host setting plugin-token of \"%s\": expected 1 to "
                       "512 printable ASCII characters without spaces (the "
                       "token is not shown)",
                       provider);
          return FALSE;
        }
    }
  old = g_hash_table_lookup (self->tokens, provider);
  if (g_strcmp0 (old, token) == 0)
    return TRUE;
  if (token)
    g_hash_table_replace (self->tokens, g_strdup (provider),
                          g_strdup (token));
  else
    g_hash_table_remove (self->tokens, provider);
  g_object_notify_by_pspec (G_OBJECT (self),
                            hs_props[HS_PROP_TOKEN_PROVIDERS]);
  return TRUE;
}

/**
 * fc_host_settings_has_plugin_token:
 * @self: the settings
 * @provider: a plugin's provider id
 *
 * Whether the host gave a back-end token for a plugin provider
 * (fc_host_settings_set_plugin_token()).
 *
 * Returns: whether @provider has a token (which only the bridge reads)
 */
gboolean
fc_host_settings_has_plugin_token (FcHostSettings *self, const char *provider)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), FALSE);
  g_return_val_if_fail (provider != NULL, FALSE);
  return g_hash_table_contains (self->tokens, provider);
}

/**
 * fc_host_settings_dup_token_providers:
 * @self: the settings
 *
 * The providers the host gave a back-end token for; the tokens themselves
 * are not given out.
 *
 * Returns: (transfer full) (array zero-terminated=1): the providers that
 *   have a token, sorted (#FcHostSettings:token-providers)
 */
char **
fc_host_settings_dup_token_providers (FcHostSettings *self)
{
  g_autofree const char **keys = NULL;
  guint n = 0;
  char **out;

  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), NULL);
  keys = (const char **) g_hash_table_get_keys_as_array (self->tokens, &n);
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = g_strdup (keys[i]);
  qsort (out, n, sizeof (char *), compare_strings);
  return out;
}

/* For the bridge only (fc-request-sign.c): the token, or %NULL. */
const char *
fc_host_settings_peek_plugin_token (FcHostSettings *self, const char *provider)
{
  g_return_val_if_fail (FC_IS_HOST_SETTINGS (self), NULL);
  return provider ? g_hash_table_lookup (self->tokens, provider) : NULL;
}
