/* The download whitelist's verdict (video-recognition/fc-url-policy.c),
 * without a network: a row per URL and whitelist, with the exact error a
 * page's onRecordError would carry; and redirect chains as lists of URLs,
 * each hop resolved and checked again as the loader does. The loader's
 * own tests (test-recorder-resources.c, tests/hostile/test-hostile-urls.c)
 * run the same decisions against real servers on loopback. */
#include <fc-url-policy.h>

typedef struct
{
  const char *name;
  const char *url;
  const char *domains; /* comma-separated */
  gboolean allow_http;
  const char *error;   /* NULL: allowed */
} Row;

static const Row rows[] = {
  { "https-listed", "https://cdn.example.com/a.mp3", "cdn.example.com", FALSE, NULL },
  { "host-case-insensitive", "https://CDN.Example.COM/a.mp3", "cdn.example.com", FALSE, NULL },
  { "scheme-case-insensitive", "HTTPS://cdn.example.com/a.mp3", "cdn.example.com", FALSE, NULL },
  { "explicit-default-port", "https://cdn.example.com:443/a", "cdn.example.com", FALSE, NULL },
  { "listed-with-port", "https://cdn.example.com:8443/a", "cdn.example.com:8443", FALSE, NULL },
  { "port-not-listed", "https://cdn.example.com:8443/a", "cdn.example.com", FALSE,
    "domain cdn.example.com:8443 is not on the download whitelist" },
  { "default-port-not-listed", "https://cdn.example.com/a", "cdn.example.com:8443", FALSE,
    "domain cdn.example.com is not on the download whitelist" },
  { "subdomain-is-another-host", "https://evil.cdn.example.com/a", "cdn.example.com", FALSE,
    "domain evil.cdn.example.com is not on the download whitelist" },
  { "suffix-is-another-host", "https://cdn.example.com.evil.org/a", "cdn.example.com", FALSE,
    "domain cdn.example.com.evil.org is not on the download whitelist" },
  { "userinfo-does-not-fool", "https://cdn.example.com@evil.org/a", "cdn.example.com", FALSE,
    "domain evil.org is not on the download whitelist" },
  { "http-refused", "http://cdn.example.com/a", "cdn.example.com", FALSE,
    "only HTTPS is allowed (http://cdn.example.com/a)" },
  { "http-allowed-for-tests", "http://127.0.0.1:8080/a", "127.0.0.1:8080", TRUE, NULL },
  { "http-default-port-80", "http://127.0.0.1/a", "127.0.0.1:80", TRUE, NULL },
  { "ftp-refused", "ftp://cdn.example.com/a", "cdn.example.com", TRUE,
    "only HTTPS is allowed (ftp://cdn.example.com/a)" },
  { "file-refused", "file:///etc/passwd", "cdn.example.com", TRUE, "not a valid URL" },
  { "not-a-url", "cdn.example.com/a.mp3", "cdn.example.com", FALSE, "not a valid URL" },
  { "empty", "", "cdn.example.com", FALSE, "not a valid URL" },
  { "no-host", "https:///a", "cdn.example.com", FALSE, "not a valid URL" },
  { "ipv6-listed", "https://[::1]:8443/a", "[::1]:8443", FALSE, NULL },
  { "ipv6-bare-entry", "https://[::1]/a", "::1", FALSE, NULL },
  { "ipv6-bracket-entry", "https://[::1]/a", "[::1]", FALSE, NULL },
  { "empty-whitelist", "https://cdn.example.com/a", "", FALSE,
    "domain cdn.example.com is not on the download whitelist" },
  /* whitelist entries that are not host[:port] never match, and never
   * read past their end */
  { "entry-lone-bracket", "https://cdn.example.com/a", "[", FALSE,
    "domain cdn.example.com is not on the download whitelist" },
  { "entry-empty-brackets", "https://cdn.example.com/a", "[]", FALSE,
    "domain cdn.example.com is not on the download whitelist" },
  { "entry-port-overflow", "https://cdn.example.com/a", "cdn.example.com:99999999999999999999", FALSE,
    "domain cdn.example.com is not on the download whitelist" },
  { "entry-port-zero", "https://cdn.example.com:0/a", "cdn.example.com:0", FALSE,
    "domain cdn.example.com:0 is not on the download whitelist" },
  { "entry-port-text", "https://cdn.example.com/a", "cdn.example.com:https", FALSE,
    "domain cdn.example.com is not on the download whitelist" },
  { "entry-only-port", "https://cdn.example.com/a", ":443", FALSE,
    "domain cdn.example.com is not on the download whitelist" },
  { "second-entry-matches", "https://b.example.com/a", "[,a.example.com,b.example.com", FALSE, NULL },
};

static void
test_row (gconstpointer p)
{
  const Row *row = p;
  g_auto (GStrv) domains = *row->domains ? g_strsplit (row->domains, ",", -1) : g_new0 (char *, 1);
  g_autoptr (GError) error = NULL;
  gboolean ok = fc_url_policy_check (row->url, (const char *const *) domains, row->allow_http, &error);

  if (row->error)
    {
      g_assert_false (ok);
      g_assert_error (error, FC_RESOURCE_ERROR, FC_RESOURCE_ERROR_NOT_ALLOWED);
      g_assert_cmpstr (error->message, ==, row->error);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
}

/* ---- redirects: each hop resolved, then checked again ---- */

typedef struct
{
  const char *name;
  const char *chain[8]; /* the first URL, then each Location */
  const char *last;     /* the URL fetched at the end, or NULL */
  const char *error;
} RedirectRow;

static const RedirectRow redirect_rows[] = {
  { "relative", { "https://a.example.com/x/y.mp3", "../z.mp3" }, "https://a.example.com/z.mp3", NULL },
  { "absolute-listed", { "https://a.example.com/y", "https://b.example.com/z" }, "https://b.example.com/z", NULL },
  { "to-unlisted-host", { "https://a.example.com/y", "https://evil.org/z" }, NULL,
    "domain evil.org is not on the download whitelist" },
  { "downgrade-to-http", { "https://a.example.com/y", "http://a.example.com/z" }, NULL,
    "only HTTPS is allowed (http://a.example.com/z)" },
  { "scheme-relative-to-unlisted", { "https://a.example.com/y", "//evil.org/z" }, NULL,
    "domain evil.org is not on the download whitelist" },
  { "five-hops", { "https://a.example.com/0", "/1", "/2", "/3", "/4", "/5" }, "https://a.example.com/5", NULL },
  /* found by fuzz-url: GLib's resolver asserted on a hostless "//" path */
  { "hostless-double-slash", { "https://a.example.com/y", "foo:/.//b" }, NULL, "not a valid URL" },
  { "to-a-path-only-scheme", { "https://a.example.com/y", "mailto:x@a.example.com" }, NULL, "not a valid URL" },
  { "to-file", { "https://a.example.com/y", "file:///etc/passwd" }, NULL, "not a valid URL" },
  { "six-hops", { "https://a.example.com/0", "/1", "/2", "/3", "/4", "/5", "/6" }, NULL, "too many redirects" },
};

static void
test_redirect (gconstpointer p)
{
  const RedirectRow *row = p;
  const char *const domains[] = { "a.example.com", "b.example.com", NULL };
  g_autofree char *url = g_strdup (row->chain[0]);
  g_autoptr (GError) error = NULL;
  guint hops = 0;
  gboolean ok = fc_url_policy_check (url, domains, FALSE, &error);

  for (guint i = 1; ok && i < G_N_ELEMENTS (row->chain) && row->chain[i]; i++, hops++)
    {
      char *next = fc_url_policy_follow (url, row->chain[i], hops, &error);

      if (!next)
        {
          ok = FALSE;
          break;
        }
      g_free (url);
      url = next;
      ok = fc_url_policy_check (url, domains, FALSE, &error);
    }
  if (row->error)
    {
      g_assert_false (ok);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, row->error);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, row->last);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Recorder/UrlPolicy/%s", rows[i].name);

      g_test_add_data_func (path, &rows[i], test_row);
    }
  for (guint i = 0; i < G_N_ELEMENTS (redirect_rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Recorder/UrlPolicy/redirect/%s", redirect_rows[i].name);

      g_test_add_data_func (path, &redirect_rows[i], test_redirect);
    }
  return g_test_run ();
}
