/* The download whitelist's parse and verdict (see fc-url-policy.h): pure
 * functions of their arguments, so that they can be tested and fuzzed
 * without a network (tests/fuzz/fuzz-url.c). */
#include "fc-url-policy.h"

#include <string.h>

/* A whitelist entry: "host", "host:port", "[v6]" or "[v6]:port" (a bare
 * IPv6 address, with more than one colon, is a host). FALSE for an entry
 * that is none of these, which then matches nothing. */
static gboolean
parse_entry (const char *entry, int default_port, char **name, int *port)
{
  const char *colon = NULL, *end;
  guint64 p;

  *port = default_port;
  if (entry[0] == '[')
    {
      end = strchr (entry, ']');
      if (!end || end == entry + 1)
        return FALSE;
      *name = g_strndup (entry + 1, end - entry - 1);
      if (end[1] == ':')
        colon = end + 1;
      else if (end[1] != '\0')
        goto bad;
    }
  else
    {
      colon = strchr (entry, ':');
      if (colon && strchr (colon + 1, ':'))
        colon = NULL; /* a bare IPv6 address */
      *name = colon ? g_strndup (entry, colon - entry) : g_strdup (entry);
      if (!**name)
        goto bad;
    }
  if (colon)
    {
      if (!g_ascii_string_to_unsigned (colon + 1, 10, 1, 65535, &p, NULL))
        goto bad;
      *port = (int) p;
    }
  return TRUE;

bad:
  g_clear_pointer (name, g_free);
  return FALSE;
}

gboolean
fc_url_policy_check (const char *url, const char *const *domains,
                     gboolean allow_http, GError **error)
{
  g_autoptr (GUri) uri = NULL;
  const char *scheme, *host;
  int port, default_port;

  g_return_val_if_fail (url != NULL, FALSE);
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (!uri || !g_uri_get_host (uri) || !*g_uri_get_host (uri))
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED,
                   "not a valid URL");
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    default_port = 443;
  else if (g_ascii_strcasecmp (scheme, "http") == 0 && allow_http)
    default_port = 80;
  else
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED,
                   "only HTTPS is allowed (%s)", url);
      return FALSE;
    }
  port = g_uri_get_port (uri);
  if (port < 0)
    port = default_port;
  for (const char *const *d = domains; d && *d; d++)
    {
      g_autofree char *name = NULL;
      int want;

      if (parse_entry (*d, default_port, &name, &want)
          && g_ascii_strcasecmp (name, host) == 0 && want == port)
        return TRUE;
    }
  if (port == default_port)
    g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED,
                 "domain %s is not on the download whitelist", host);
  else
    g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED,
                 "domain %s:%d is not on the download whitelist", host, port);
  return FALSE;
}

char *
fc_url_policy_follow (const char *url, const char *location, guint hops,
                      GError **error)
{
  g_autoptr (GUri) base = NULL;
  g_autoptr (GUri) target = NULL;

  g_return_val_if_fail (url != NULL && location != NULL, NULL);
  if (hops >= FC_URL_POLICY_MAX_REDIRECTS)
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_HTTP,
                   "too many redirects");
      return NULL;
    }
  /* resolved as GUris, and refused without a host before it becomes
   * text: GLib's g_uri_resolve_relative() fails an assertion on a target
   * with no host whose path starts with "//" ("foo:/.//b"; fuzz-url) */
  base = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  target = base ? g_uri_parse_relative (base, location, G_URI_FLAGS_NONE, NULL) : NULL;
  if (!target)
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_HTTP,
                   "bad redirect to \"%s\"", location);
      return NULL;
    }
  /* what fc_url_policy_check() says of a URL without a host */
  if (!g_uri_get_host (target) || !*g_uri_get_host (target))
    {
      g_set_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED,
                   "not a valid URL");
      return NULL;
    }
  return g_uri_to_string (target);
}
