/* fuzz-hostsign: request signatures. Input `HEADER ---- APPID ---- TOKEN`:
 * fc_host_sign_verify (HEADER, APPID, TOKEN) with and without an age
 * limit (a GError, never a crash, for any header); fc_host_sign_compute on
 * the parts as the four values (JavaScript's sort on any bytes, invalid
 * UTF-8 included), and the header it makes must verify; the host settings'
 * setters with APPID as app id and version and TOKEN as a token. */
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_auto (GStrv) parts = g_strsplit (text, FUZZ_SEPARATOR, 3);
  const char *header = parts[0] ? parts[0] : "";
  const char *appid = parts[0] && parts[1] ? parts[1] : "wx";
  const char *token = parts[0] && parts[1] && parts[2] ? parts[2] : "t";
  g_autoptr (FcHostSettings) settings = fc_host_settings_new ();
  g_autofree char *sig = NULL, *made = NULL;
  GError *error = NULL;

  if (!fc_host_sign_verify (header, appid, token, 0, &error))
    {
      g_assert (error && error->domain == FC_HOST_SIGN_ERROR);
      g_clear_error (&error);
    }
  if (!fc_host_sign_verify (header, appid, token, 600, &error))
    g_clear_error (&error);

  sig = fc_host_sign_compute (appid, header, "1414587457", token);
  g_assert (strlen (sig) == 40);
  /* a header the library makes verifies (the nonce must be JSON-safe:
   * the library's own are letters and digits) */
  made = fc_host_sign_make_header (appid, "Wm3WZYTPz0wzccnW", 1414587457, token);
  if (g_utf8_validate (appid, -1, NULL) && g_utf8_validate (token, -1, NULL))
    {
      gboolean ok = fc_host_sign_verify (made, appid, token, 0, &error);
      g_assert (ok);
    }
  g_clear_error (&error);

  if (!fc_host_settings_set_app_id (settings, appid, &error))
    g_clear_error (&error);
  if (!fc_host_settings_set_app_version (settings, appid, &error))
    g_clear_error (&error);
  if (!fc_host_settings_set_plugin_token (settings, "fuzz-plugin", token, &error))
    g_clear_error (&error);
  if (!fc_host_settings_set_plugin_token (settings, "fuzz-plugin", NULL, &error))
    g_clear_error (&error);
  return 0;
}
