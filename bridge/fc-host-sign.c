/* fc-host-sign.c: request signatures as the platform makes them for a
 * plugin's requests (`X-WECHAT-HOSTSIGN` and `Referer`), and their check
 * on a plugin's server. Pure: no clock but in fc_host_sign_verify(), no
 * state; the nonce and timestamp a page signs with are kept by
 * fc-request-sign.c. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "fc-bridge-private.h"

/* clang-format off */
G_DEFINE_QUARK (fc-host-sign-error, fc_host_sign_error)
/* clang-format on */

/* JavaScript's default sort order of strings: by UTF-16 code units (which
 * differs from code point order for characters beyond U+FFFF against
 * U+E000..U+FFFF). Invalid UTF-8 compares bytewise. */
static int
js_compare (const void *pa, const void *pb)
{
  const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
  g_autofree gunichar2 *ua = g_utf8_to_utf16 (a, -1, NULL, NULL, NULL);
  g_autofree gunichar2 *ub = g_utf8_to_utf16 (b, -1, NULL, NULL, NULL);
  gsize i = 0;

  if (!ua || !ub)
    return strcmp (a, b);
  while (ua[i] && ua[i] == ub[i])
    i++;
  return (int)ua[i] - (int)ub[i];
}

/**
 * fc_host_sign_compute:
 * @app_id: the host mini-program's app id
 * @noncestr: the nonce
 * @timestamp: the timestamp (Unix seconds) as a string
 * @token: the plugin's token
 *
 * The platform's signature of a plugin's request:
 * `sha1([APPID, NONCESTR, TIMESTAMP, TOKEN].sort().join(''))`, the four
 * strings sorted as JavaScript sorts strings, joined without a separator,
 * as lowercase hexadecimal. The joined string (which holds the token) is
 * never made: the pieces are hashed in turn.
 *
 * Returns: (transfer full): 40 hexadecimal digits
 */
char *
fc_host_sign_compute (const char *app_id, const char *noncestr,
                      const char *timestamp, const char *token)
{
  const char *parts[4] = { app_id, noncestr, timestamp, token };
  g_autoptr (GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);

  g_return_val_if_fail (app_id && noncestr && timestamp && token, NULL);
  qsort (parts, 4, sizeof parts[0], js_compare);
  for (int i = 0; i < 4; i++)
    g_checksum_update (sha1, (const guchar *)parts[i], strlen (parts[i]));
  return g_strdup (g_checksum_get_string (sha1));
}

/**
 * fc_host_sign_make_header:
 * @app_id: the host mini-program's app id
 * @noncestr: the nonce (ASCII letters and digits)
 * @timestamp: Unix seconds
 * @token: the plugin's token
 *
 * The value of %FC_HOST_SIGN_HEADER:
 * `{"noncestr":"…","timestamp":"…","signature":"…"}`.
 *
 * Returns: (transfer full): the header's value
 */
char *
fc_host_sign_make_header (const char *app_id, const char *noncestr,
                          gint64 timestamp, const char *token)
{
  g_autofree char *ts = g_strdup_printf ("%" G_GINT64_FORMAT, timestamp);
  g_autofree char *sig = NULL;

  g_return_val_if_fail (app_id && noncestr && token, NULL);
  sig = fc_host_sign_compute (app_id, noncestr, ts, token);
  return g_strdup_printf (
      "{\"noncestr\":\"%s\",\"timestamp\":\"%s\",\"signature\":\"%s\"}",
      noncestr, ts, sig);
}

/**
 * fc_host_sign_make_referer:
 * @app_id: the host mini-program's app id
 * @version: (nullable): its version; %NULL for a development version
 *
 * Makes the `Referer` header of a plugin's signed requests from the host's
 * app id and version, as the platform's servers expect it.
 *
 * Returns: (transfer full):
 *   `https://servicewechat.com/APPID/VERSION/page-frame.html`, VERSION `0`
 *   for a development version
 */
char *
fc_host_sign_make_referer (const char *app_id, const char *version)
{
  g_return_val_if_fail (app_id != NULL, NULL);
  return g_strdup_printf ("https://servicewechat.com/%s/%s/page-frame.html",
                          app_id, version && *version ? version : "0");
}

/**
 * fc_host_sign_new_nonce:
 * @error: return location for a %FC_HOST_SIGN_ERROR_NO_RANDOM error
 *
 * A new nonce: 16 ASCII letters and digits drawn from the system's
 * cryptographic random source (getrandom(2)), about 95 bits.
 *
 * Returns: (transfer full) (nullable): the nonce
 */
char *
fc_host_sign_new_nonce (GError **error)
{
  static const char alphabet[]
      = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  char *out = g_malloc0 (17);
  guint8 buf[64];
  gsize used = sizeof buf, n = 0;

  while (n < 16)
    {
      if (used == sizeof buf)
        {
          gsize got = 0;

          while (got < sizeof buf)
            {
              ssize_t r = getrandom (buf + got, sizeof buf - got, 0);

              if (r < 0 && errno == EINTR)
                continue;
              if (r <= 0)
                {
                  int saved = errno;

                  g_set_error (error, FC_HOST_SIGN_ERROR,
                               FC_HOST_SIGN_ERROR_NO_RANDOM,
                               "no random bytes for a request nonce: %s",
                               g_strerror (saved));
                  g_free (out);
                  return NULL;
                }
              got += (gsize)r;
            }
          used = 0;
        }
      /* 248 = 4 × 62: no bias */
      if (buf[used] < 248)
        out[n++] = alphabet[buf[used] % 62];
      used++;
    }
  explicit_bzero (buf, sizeof buf);
  return out;
}

static gboolean
malformed (GError **error, const char *what)
{
  g_set_error (error, FC_HOST_SIGN_ERROR, FC_HOST_SIGN_ERROR_MALFORMED,
               "%s header: %s; expected {\"noncestr\":\"…\",\"timestamp\":"
               "\"…\",\"signature\":\"…\"}",
               FC_HOST_SIGN_HEADER, what);
  return FALSE;
}

/* a member that is a non-empty string (or, for the timestamp, an
 * integral number) */
static const char *
member (FcValue *o, const char *name, char **owned)
{
  FcValue *v = fc_value_object_get (o, name);

  if (v && fc_value_get_kind (v) == FC_VALUE_STRING && *fc_value_get_string (v))
    return fc_value_get_string (v);
  /* an integer in range: the cast of a larger double would be undefined */
  if (v && owned && fc_value_get_kind (v) == FC_VALUE_NUMBER)
    {
      double d = fc_value_get_number (v);

      if (d >= 0 && d <= 9007199254740992.0 && d == floor (d))
        return *owned = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)d);
      return *owned = g_strdup ("-"); /* refused as not Unix seconds */
    }
  return NULL;
}

/**
 * fc_host_sign_verify:
 * @header: the value of the request's %FC_HOST_SIGN_HEADER header
 * @app_id: the app id the request says it comes from (a server reads it
 *   from the `Referer`: `https://servicewechat.com/APPID/…`)
 * @token: the plugin's token
 * @max_age: how many seconds the timestamp may be away from the server's
 *   clock (either way); 0 for no limit. The platform makes a new pair
 *   every %FC_HOST_SIGN_PERIOD seconds, so a request may carry a
 *   timestamp that old: allow at least that, plus clock skew.
 * @error: return location for a %FC_HOST_SIGN_ERROR error
 *
 * What a plugin's server written in C checks on each request: that
 * @header is `{"noncestr":"…","timestamp":"…","signature":"…"}` and that
 * the signature is fc_host_sign_compute() of @app_id, the nonce, the
 * timestamp and @token (compared in constant time), and that the timestamp
 * is recent enough.
 *
 * Returns: %TRUE when the request was signed with @token for @app_id
 */
gboolean
fc_host_sign_verify (const char *header, const char *app_id, const char *token,
                     gint64 max_age, GError **error)
{
  g_autoptr (FcValue) json = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *ts_owned = NULL, *expected = NULL;
  const char *nonce, *ts, *sig;
  guint diff = 0;
  gint64 when, now;
  char *end;

  g_return_val_if_fail (app_id != NULL && token != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!header || !*header)
    return malformed (error, "missing");
  json = fc_value_from_json (header, &local);
  if (!json || fc_value_get_kind (json) != FC_VALUE_OBJECT)
    return malformed (error, "not a JSON object");
  nonce = member (json, "noncestr", NULL);
  ts = member (json, "timestamp", &ts_owned);
  sig = member (json, "signature", NULL);
  if (!nonce || !ts || !sig)
    return malformed (error, !nonce ? "no \"noncestr\" string"
                             : !ts  ? "no \"timestamp\""
                                    : "no \"signature\" string");
  errno = 0;
  when = g_ascii_strtoll (ts, &end, 10);
  if (*end || errno || !g_ascii_isdigit (*ts))
    return malformed (error, "the timestamp is not Unix seconds");
  expected = fc_host_sign_compute (app_id, nonce, ts, token);
  if (strlen (sig) != strlen (expected))
    diff = 1;
  else
    for (gsize i = 0; expected[i]; i++)
      diff |= (guint)(g_ascii_tolower (sig[i]) ^ expected[i]);
  if (diff)
    {
      g_set_error (error, FC_HOST_SIGN_ERROR, FC_HOST_SIGN_ERROR_MISMATCH,
                   "%s header: the signature does not match app id \"%s\" "
                   "and the plugin's token",
                   FC_HOST_SIGN_HEADER, app_id);
      return FALSE;
    }
  now = g_get_real_time () / G_USEC_PER_SEC;
  if (max_age > 0 && (now - when > max_age || when - now > max_age))
    {
      g_set_error (
          error, FC_HOST_SIGN_ERROR, FC_HOST_SIGN_ERROR_EXPIRED,
          "%s header: timestamp %" G_GINT64_FORMAT " is %" G_GINT64_FORMAT
          " s %s this server's clock (at most %" G_GINT64_FORMAT " s allowed)",
          FC_HOST_SIGN_HEADER, when, ABS (now - when),
          when < now ? "behind" : "ahead of", max_age);
      return FALSE;
    }
  return TRUE;
}
