/* fc-request-sign.c: the headers that sign a plugin's requests, made for
 * its element: which plugin the element's component belongs to, the app
 * id, version and that plugin's token from the app's host settings, and
 * the page's nonce and timestamp pair, kept FC_HOST_SIGN_PERIOD seconds
 * on the page's clock (virtual in replay) and then made anew. */
#include "fc-plugin-private.h"
#include "fc-page-private.h"

typedef struct
{
  gint64 wall0;   /* the Unix second the page clock's 0 stands for */
  double made_at; /* page time (ms) the pair was made; < 0: none yet */
  gint64 timestamp;
  char *nonce;
} SignPair;

static void
sign_pair_free (gpointer data)
{
  SignPair *p = data;

  g_free (p->nonce);
  g_free (p);
}

/* The page's pair at page time @now (ms), made anew once it is
 * FC_HOST_SIGN_PERIOD seconds old; %NULL when no nonce could be made. */
static SignPair *
page_pair (FcPage *page, double now, GError **error)
{
  GQuark quark = g_quark_from_static_string ("fc-request-sign-pair");
  SignPair *p;

  p = g_object_get_qdata (G_OBJECT (page), quark);
  if (!p)
    {
      p = g_new0 (SignPair, 1);
      p->wall0 = g_get_real_time () / G_USEC_PER_SEC - (gint64)(now / 1000);
      p->made_at = -1;
      g_object_set_qdata_full (G_OBJECT (page), quark, p, sign_pair_free);
    }
  if (p->nonce && now - p->made_at < FC_HOST_SIGN_PERIOD * 1000.0)
    return p;
  {
    char *nonce = fc_host_sign_new_nonce (error);

    if (!nonce)
      return NULL;
    g_free (p->nonce);
    p->nonce = nonce;
    p->made_at = now;
    p->timestamp = p->wall0 + (gint64)(now / 1000);
  }
  return p;
}

/**
 * fc_element_dup_request_headers:
 * @element: a plugin component's element, or its handle
 *
 * The headers the platform adds to each request the element's plugin makes
 * (a recorder's downloads, on every redirect hop): %FC_HOST_SIGN_HEADER
 * with the signature of the app id, the page's nonce and timestamp and the
 * plugin's token (see fc_host_sign_compute()), and `Referer`
 * (fc_host_sign_make_referer()), when the app's host settings have an app
 * id and a token for the plugin's provider; none otherwise, and none for an
 * element that is not a plugin's, whose page was loaded without an app, or
 * that is gone. The page keeps one nonce and timestamp (Unix seconds, on
 * the page's clock) for %FC_HOST_SIGN_PERIOD seconds of that clock, then
 * makes a new pair; the nonce comes from the system's CSPRNG (if that
 * fails the page gets a warning and the request goes unsigned).
 *
 * Returns: (transfer full) (array zero-terminated=1): header names and
 *   values in turn (`X-WECHAT-HOSTSIGN`, its value, `Referer`, its value),
 *   or an empty array
 */
char **
fc_element_dup_request_headers (FcElement *element)
{
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *header = NULL, *referer = NULL;
  FcElement *el;
  FcPlugin *plugin;
  FcApp *app;
  FcHostSettings *settings;
  const char *app_id, *token;
  SignPair *pair;

  g_return_val_if_fail (element != NULL, NULL);
  el = fc_element_resolve (element);
  if (!el || !el->page || !el->klass)
    return g_strv_builder_end (out);
  plugin = fc_component_class_get_data (el->klass, "fc-plugin");
  app = fc_app_from_page (el->page);
  if (!plugin || !app)
    return g_strv_builder_end (out);
  settings = fc_app_get_host_settings (app);
  app_id = fc_host_settings_get_app_id (settings);
  token = fc_host_settings_peek_plugin_token (settings,
                                              fc_plugin_get_provider (plugin));
  if (!app_id || !token)
    return g_strv_builder_end (out);
  if (!(pair = page_pair (el->page, fc_page_get_time (el->page), &error)))
    {
      fc_element_emit_warning (el, error->message);
      return g_strv_builder_end (out);
    }
  header
      = fc_host_sign_make_header (app_id, pair->nonce, pair->timestamp, token);
  referer = fc_host_sign_make_referer (
      app_id, fc_host_settings_get_app_version (settings));
  g_strv_builder_add_many (out, FC_HOST_SIGN_HEADER, header, "Referer", referer,
                           NULL);
  return g_strv_builder_end (out);
}
