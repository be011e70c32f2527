/* fc-demo-host.c: the host API's front-end-independent half: URLs and
 * initial page data, host settings, and the calls that dispatch to the
 * backend (see fc-demo-host.h). */
#include "fc-demo-host.h"

#include <string.h>

void
fc_demo_host_show_toast (FcDemoHost *host, const char *title, guint duration_ms)
{
  g_return_if_fail (host != NULL && title != NULL);
  host->backend->show_toast (host, title, duration_ms ? duration_ms : 1500);
}

void
fc_demo_host_show_loading (FcDemoHost *host, const char *title)
{
  g_return_if_fail (host != NULL);
  host->backend->show_loading (host, title ? title : "");
}

void
fc_demo_host_hide_loading (FcDemoHost *host)
{
  g_return_if_fail (host != NULL);
  host->backend->hide_loading (host);
}

static FcValue *
read_json_file (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (FcValue) v = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  if (!(v = fc_value_from_json (text, error)))
    {
      g_prefix_error (error, "%s:", path);
      return NULL;
    }
  if (fc_value_get_kind (v) != FC_VALUE_OBJECT)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON, "%s:1:1: expected a JSON object", path);
      return NULL;
    }
  return g_steal_pointer (&v);
}

char *
fc_demo_host_page_data (FcDemoHost *host, const char *url, FcValue **data, GError **error)
{
  const char *q;
  g_autofree char *path = NULL, *file = NULL;
  g_autoptr (FcValue) from_file = NULL;
  g_autoptr (FcValue) out = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (host != NULL && url != NULL && data != NULL, NULL);
  while (*url == '/')
    url++;
  q = strchr (url, '?');
  path = q ? g_strndup (url, q - url) : g_strdup (url);
  if (!*path)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_NOT_FOUND, "navigateTo: empty page url");
      return NULL;
    }
  file = g_strdup_printf ("%s/%s.data.json", fc_app_get_dir (host->app), path);
  from_file = read_json_file (file, &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  out = from_file ? fc_value_shallow_copy (from_file) : fc_value_new_object ();
  if (q)
    {
      g_auto (GStrv) pairs = g_strsplit (q + 1, "&", -1);
      for (char **p = pairs; *p; p++)
        {
          char *eq = strchr (*p, '=');
          g_autofree char *raw_key = eq ? g_strndup (*p, eq - *p) : g_strdup (*p);
          g_autofree char *key = g_uri_unescape_string (raw_key, NULL);
          g_autofree char *value = eq ? g_uri_unescape_string (eq + 1, NULL) : g_strdup ("");
          if (!**p)
            continue;
          if (key && value)
            fc_value_object_set (out, key, fc_value_new_string (value));
        }
    }
  if (host->record_time > 0 && fc_value_object_get (out, "recordTime"))
    fc_value_object_set (out, "recordTime", fc_value_new_number (host->record_time));
  if (host->no_prompt_audio && fc_value_get_kind (fc_value_object_get (out, "stepList")) == FC_VALUE_ARRAY)
    {
      FcValue *steps = fc_value_object_get (out, "stepList");
      g_autoptr (FcValue) copy = fc_value_new_array ();
      for (guint i = 0; i < fc_value_array_get_length (steps); i++)
        {
          FcValue *st = fc_value_array_get (steps, i);
          FcValue *c = fc_value_get_kind (st) == FC_VALUE_OBJECT ? fc_value_shallow_copy (st) : fc_value_ref (st);
          if (fc_value_get_kind (c) == FC_VALUE_OBJECT && fc_value_object_get (c, "audioSrc"))
            fc_value_object_set (c, "audioSrc", fc_value_new_string (""));
          fc_value_array_append (copy, c);
        }
      fc_value_object_set (out, "stepList", g_steal_pointer (&copy));
    }
  *data = g_steal_pointer (&out);
  return g_steal_pointer (&path);
}

gboolean
fc_demo_host_navigate_to (FcDemoHost *host, const char *url, GError **error)
{
  g_autoptr (FcValue) data = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (host != NULL && url != NULL, FALSE);
  if (!(path = fc_demo_host_page_data (host, url, &data, error)))
    return FALSE;
  return host->backend->navigate_to (host, path, data, error);
}

gboolean
fc_demo_host_should_retry_without_audio (FcDemoHost *host, const FcEvent *event)
{
  FcValue *code;

  if (host->no_prompt_audio || g_strcmp0 (event->type, "onRecordError") != 0 || !event->detail
      || fc_value_get_kind (event->detail) != FC_VALUE_OBJECT)
    return FALSE;
  code = fc_value_object_get (event->detail, "errCode");
  return code && fc_value_get_kind (code) == FC_VALUE_STRING && strcmp (fc_value_get_string (code), "resource") == 0;
}

static gboolean
bad_member (GError **error, const char *where, const char *member, const char *expected)
{
  g_set_error (error, FC_PLUGIN_ERROR, FC_PLUGIN_ERROR_BAD_SETTING, "%s: \"%s\" must be %s", where, member,
               expected);
  return FALSE;
}

gboolean
fc_demo_host_settings_apply_json (FcHostSettings *settings, FcValue *host, const char *base_dir,
                                  const char *where, GError **error)
{
  FcValue *v;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (FC_IS_HOST_SETTINGS (settings), FALSE);
  if (!host)
    return TRUE;
  if (fc_value_get_kind (host) != FC_VALUE_OBJECT)
    return bad_member (error, where, "host", "an object");
  if ((v = fc_value_object_get (host, "downloadDomains")))
    {
      g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
      g_auto (GStrv) domains = NULL;

      for (guint i = 0; fc_value_get_kind (v) == FC_VALUE_ARRAY && i < fc_value_array_get_length (v); i++)
        {
          FcValue *d = fc_value_array_get (v, i);
          if (fc_value_get_kind (d) != FC_VALUE_STRING)
            return bad_member (error, where, "downloadDomains", "an array of host[:port] strings");
          g_strv_builder_add (b, fc_value_get_string (d));
        }
      if (fc_value_get_kind (v) != FC_VALUE_ARRAY)
        return bad_member (error, where, "downloadDomains", "an array of host[:port] strings");
      domains = g_strv_builder_end (b);
      if (!fc_host_settings_set_download_domains (settings, (const char *const *) domains, &local))
        goto fail;
    }
  if ((v = fc_value_object_get (host, "allowInsecureHttp")))
    {
      if (fc_value_get_kind (v) != FC_VALUE_BOOLEAN)
        return bad_member (error, where, "allowInsecureHttp", "true or false");
      fc_host_settings_set_allow_insecure_http (settings, fc_value_get_boolean (v));
    }
  if ((v = fc_value_object_get (host, "allowTestSource")))
    {
      if (fc_value_get_kind (v) != FC_VALUE_BOOLEAN)
        return bad_member (error, where, "allowTestSource", "true or false");
      fc_host_settings_set_allow_test_source (settings, fc_value_get_boolean (v));
    }
  if ((v = fc_value_object_get (host, "offline")))
    {
      if (fc_value_get_kind (v) != FC_VALUE_BOOLEAN)
        return bad_member (error, where, "offline", "true or false");
      fc_host_settings_set_offline (settings, fc_value_get_boolean (v));
    }
  if ((v = fc_value_object_get (host, "tempDir")))
    {
      g_autofree char *dir = NULL;

      if (fc_value_get_kind (v) != FC_VALUE_STRING)
        return bad_member (error, where, "tempDir", "a directory path");
      if (*fc_value_get_string (v))
        dir = g_path_is_absolute (fc_value_get_string (v)) ? g_strdup (fc_value_get_string (v))
                                                           : g_build_filename (base_dir, fc_value_get_string (v), NULL);
      if (!fc_host_settings_set_temp_dir (settings, dir, &local))
        goto fail;
    }
  for (guint k = 0; k < 2; k++)
    {
      const char *member = k == 0 ? "camera" : "microphone";

      if (!(v = fc_value_object_get (host, member)))
        continue;
      if (fc_value_get_kind (v) != FC_VALUE_STRING)
        return bad_member (error, where, member, "a device string such as \"test\" or \"pipewire:NODE\"");
      if (!(k == 0 ? fc_host_settings_set_camera : fc_host_settings_set_microphone) (settings, fc_value_get_string (v),
                                                                                      &local))
        goto fail;
    }
  /* what signs the plugins' requests: the tokens are secrets, no message
   * quotes them */
  for (guint k = 0; k < 2; k++)
    {
      const char *member = k == 0 ? "appId" : "appVersion";

      if (!(v = fc_value_object_get (host, member)))
        continue;
      if (fc_value_get_kind (v) != FC_VALUE_STRING)
        return bad_member (error, where, member, k == 0 ? "the app id string" : "a version string");
      if (!(k == 0 ? fc_host_settings_set_app_id : fc_host_settings_set_app_version) (settings, fc_value_get_string (v),
                                                                                     &local))
        goto fail;
    }
  if ((v = fc_value_object_get (host, "pluginTokens")))
    {
      if (fc_value_get_kind (v) != FC_VALUE_OBJECT)
        return bad_member (error, where, "pluginTokens", "an object of plugin provider → token string");
      for (guint i = 0; i < fc_value_object_get_size (v); i++)
        {
          FcValue *t = fc_value_object_get_nth (v, i);

          if (fc_value_get_kind (t) != FC_VALUE_STRING)
            return bad_member (error, where, "pluginTokens", "an object of plugin provider → token string");
          if (!fc_host_settings_set_plugin_token (settings, fc_value_object_get_key (v, i), fc_value_get_string (t),
                                                  &local))
            goto fail;
        }
    }
  return TRUE;

fail:
  g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", where);
  return FALSE;
}

gboolean
fc_demo_host_load_settings (FcHostSettings *settings, const char *app_dir, GError **error)
{
  g_autofree char *file = g_build_filename (app_dir, "host.json", NULL);
  g_autoptr (GError) local = NULL;
  g_autoptr (FcValue) json = read_json_file (file, &local);

  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* the demo must run on a machine without a camera or microphone */
  fc_host_settings_set_allow_test_source (settings, TRUE);
  return fc_demo_host_settings_apply_json (settings, json, app_dir, file, error);
}

char *
fc_demo_host_describe_settings (FcHostSettings *settings)
{
  const char *const *domains = fc_host_settings_get_download_domains (settings);
  g_autofree char *list = g_strjoinv (",", (char **) domains);
  const char *camera = fc_host_settings_get_camera (settings);
  const char *mic = fc_host_settings_get_microphone (settings);
  const char *app_id = fc_host_settings_get_app_id (settings);
  const char *version = fc_host_settings_get_app_version (settings);
  g_auto (GStrv) providers = fc_host_settings_dup_token_providers (settings);
  g_autofree char *signing = NULL;

  /* which plugins sign their requests, never with what */
  if (app_id)
    {
      g_autofree char *names = g_strjoinv (", ", providers);
      signing = g_strdup_printf ("; app %s version %s; requests signed for: %s", app_id, version ? version : "0 (development)",
                                 *names ? names : "(no plugin token)");
    }
  return g_strdup_printf ("downloads allowed from: %s%s; camera: %s; microphone: %s%s%s%s", *list ? list : "(none)",
                          fc_host_settings_get_allow_insecure_http (settings) ? " (plain HTTP too)" : "",
                          camera ? camera : "auto", mic ? mic : "auto",
                          fc_host_settings_get_allow_test_source (settings)
                              ? "; test pattern and tone stand in for a missing camera or microphone"
                              : "",
                          fc_host_settings_get_offline (settings) ? "; recorded offline (as fast as encoding)" : "",
                          signing ? signing : "");
}
