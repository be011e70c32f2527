/* fuzz-url: the recorder's download whitelist (video-recognition/
 * fc-url-policy.c), without a network. The input is `URL ---- WHITELIST
 * ---- LOCATIONS`: WHITELIST and LOCATIONS one entry a line. The URL is
 * checked against the whitelist (HTTPS only, then with plain HTTP
 * allowed); then each location is followed as a redirect from the URL
 * before it and the result checked again, as the loader does on every
 * hop. Every refusal must be an FC_RESOURCE_ERROR with a message; a URL
 * that is allowed must parse with a host. */
#include "fuzz-common.h"

#include "../../video-recognition/fc-url-policy.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

static gboolean
check (const char *url, char **domains, gboolean allow_http)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = fc_url_policy_check (url, (const char *const *) domains, allow_http, &error);

  if (ok)
    {
      g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

      g_assert (error == NULL);
      g_assert (uri != NULL && g_uri_get_host (uri) && *g_uri_get_host (uri));
    }
  else
    g_assert (error && error->domain == FC_RESOURCE_ERROR && *error->message);
  return ok;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  char *parts[3];
  g_auto (GStrv) domains = NULL;
  g_auto (GStrv) locations = NULL;
  g_autofree char *url = NULL;

  fuzz_split (text, parts, 3);
  if (!parts[0])
    return 0;
  domains = g_strsplit (parts[1] ? parts[1] : "", "\n", 64);
  locations = g_strsplit (parts[2] ? parts[2] : "", "\n", 16);
  check (parts[0], domains, FALSE);
  check (parts[0], domains, TRUE);
  url = g_strdup (parts[0]);
  for (guint hops = 0; locations[hops]; hops++)
    {
      g_autoptr (GError) error = NULL;
      char *next = fc_url_policy_follow (url, locations[hops], hops, &error);

      if (!next)
        {
          g_assert (error && error->domain == FC_RESOURCE_ERROR);
          break;
        }
      g_free (url);
      url = next;
      if (!check (url, domains, FALSE))
        break;
    }
  return 0;
}
