/* fc-demo-pages.c: what the sample pages' JavaScript handlers do on the
 * platform, as C callbacks on the host API (fc-demo-host.h).
 *
 * pages/video/video   the seed's Quick Start: loading until onRecordReady,
 *                     toasts on start and end, then navigateTo the
 *                     playback page with the file; errMsg on error
 * pages/video-zh/video-zh  the same page with the prompts in Chinese
 * pages/pin/pin       six dots filled by a scrambled custom keyboard;
 *                     delete, done
 * pages/amount/amount a money amount with an extra "." key
 * pages/letters/letters  the letter layout
 * pages/index/index   navigators to the others (no handlers) */
#include "fc-demo-pages.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#define PIN_LENGTH 6
#define AMOUNT_MAX 10

static void
notify (FcDemoHost *host, const FcEvent *event)
{
  if (host->backend->on_event)
    host->backend->on_event (host, event);
}

/* the key an input event carries ("" for anything else) */
static const char *
key_of (const FcEvent *event)
{
  return event->detail && fc_value_get_kind (event->detail) == FC_VALUE_STRING
             ? fc_value_get_string (event->detail) : "";
}

static FcPage *
page_of (const FcEvent *event)
{
  FcElement *el = event->target ? event->target : event->current_target;
  return el ? fc_element_get_page (el) : NULL;
}

static void
set_string (FcPage *page, const char *key, const char *value)
{
  g_autoptr (FcValue) v = fc_value_new_string (value);
  g_autoptr (GError) error = NULL;
  if (!fc_page_set_data_path (page, key, v, &error))
    g_printerr ("fc-demo: setData %s: %s\n", key, error->message);
}

static void
set_number (FcPage *page, const char *key, double value)
{
  g_autoptr (FcValue) v = fc_value_new_number (value);
  g_autoptr (GError) error = NULL;
  if (!fc_page_set_data_path (page, key, v, &error))
    g_printerr ("fc-demo: setData %s: %s\n", key, error->message);
}

static void
set_boolean (FcPage *page, const char *key, gboolean value)
{
  g_autoptr (FcValue) v = fc_value_new_boolean (value);
  g_autoptr (GError) error = NULL;
  if (!fc_page_set_data_path (page, key, v, &error))
    g_printerr ("fc-demo: setData %s: %s\n", key, error->message);
}

static const char *
data_string (FcPage *page, const char *key)
{
  FcValue *v = fc_value_object_get (fc_page_get_data (page), key);
  return v && fc_value_get_kind (v) == FC_VALUE_STRING ? fc_value_get_string (v) : "";
}

static const char *
detail_string (const FcEvent *event, const char *key)
{
  FcValue *v = event->detail && fc_value_get_kind (event->detail) == FC_VALUE_OBJECT
                   ? fc_value_object_get (event->detail, key) : NULL;
  return v && fc_value_get_kind (v) == FC_VALUE_STRING ? fc_value_get_string (v) : NULL;
}

/* ---- pages/video/video: the seed's Quick Start page ---- */

static void
on_record_ready (const FcEvent *event, gpointer user_data)
{
  FcDemoHost *host = user_data;
  const char *source = detail_string (event, "source");

  fc_demo_host_hide_loading (host);
  /* not in the seed: the demo says when the test pattern stands in */
  if (source && strcmp (source, "test") == 0)
    fc_demo_host_show_toast (host, _("No camera found: recording the test pattern"), 2500);
}

static void
on_record_start (const FcEvent *event, gpointer user_data)
{
  FcDemoHost *host = user_data;

  fc_demo_host_show_toast (host, _("Recording started"), 1500);
}

typedef struct {
  FcDemoHost *host;
  char *url;
} Later;

static gboolean
navigate_later (gpointer data)
{
  Later *l = data;
  g_autoptr (GError) error = NULL;

  if (!fc_demo_host_navigate_to (l->host, l->url, &error))
    fc_demo_host_show_toast (l->host, error->message, 3000);
  return G_SOURCE_REMOVE;
}

static void
later_free (gpointer data)
{
  Later *l = data;
  g_free (l->url);
  g_free (l);
}

static void
on_record_end (const FcEvent *event, gpointer user_data)
{
  FcDemoHost *host = user_data;
  const char *path = detail_string (event, "tempVideoPath");
  g_autofree char *title = NULL, *escaped = NULL;
  Later *l;

  if (!path)
    return;
  title = g_strconcat (_("Recording ended, address: "), path, NULL);
  fc_demo_host_show_toast (host, title, 3000);
  escaped = g_uri_escape_string (path, NULL, FALSE);
  l = g_new0 (Later, 1);
  l->host = host;
  l->url = g_strconcat ("/pages/playback/playback?url=", escaped, NULL);
  if (host->navigate_delay_ms == 0)
    {
      navigate_later (l);
      later_free (l);
    }
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, host->navigate_delay_ms, navigate_later, l, later_free);
}

static void
on_record_error (const FcEvent *event, gpointer user_data)
{
  FcDemoHost *host = user_data;
  const char *msg = detail_string (event, "errMsg");

  fc_demo_host_hide_loading (host);
  fc_demo_host_show_toast (host, msg ? msg : "recording failed", 3000);
}

/* ---- pages/pin/pin: six dots ---- */

static void
pin_free (GString *pin)
{
  memset (pin->str, 0, pin->allocated_len);
  g_string_free (pin, TRUE);
}

/* The digits stay in the host's memory, never in page data (which a
 * dump or a log could show): the page gets only how many there are. */
static GString *
pin_of (FcPage *page)
{
  GString *pin = g_object_get_data (G_OBJECT (page), "fc-demo-pin");
  if (!pin)
    {
      pin = g_string_new (NULL);
      g_object_set_data_full (G_OBJECT (page), "fc-demo-pin", pin, (GDestroyNotify) pin_free);
    }
  return pin;
}

static void
pin_show (FcPage *page, GString *pin)
{
  for (guint i = 0; i < PIN_LENGTH; i++)
    {
      g_autofree char *key = g_strdup_printf ("dots[%u]", i);
      set_boolean (page, key, i < pin->len);
    }
  set_number (page, "length", pin->len);
}

static void
pin_input (const FcEvent *event, gpointer user_data)
{
  FcPage *page = page_of (event);
  GString *pin;
  const char *key = key_of (event);

  if (!page)
    return;
  pin = pin_of (page);
  if (pin->len >= PIN_LENGTH || strlen (key) != 1 || !g_ascii_isdigit (key[0]))
    return;
  g_string_append_c (pin, key[0]);
  pin_show (page, pin);
}

static void
pin_delete (const FcEvent *event, gpointer user_data)
{
  FcPage *page = page_of (event);
  GString *pin;

  if (!page)
    return;
  pin = pin_of (page);
  if (pin->len == 0)
    return;
  pin->str[pin->len - 1] = 0;
  g_string_truncate (pin, pin->len - 1);
  pin_show (page, pin);
}

static void
pin_done (const FcEvent *event, gpointer user_data)
{
  FcDemoHost *host = user_data;
  FcPage *page = page_of (event);
  GString *pin;

  if (!page)
    return;
  pin = pin_of (page);
  set_boolean (page, "show", FALSE);
  if (pin->len < PIN_LENGTH)
    {
      g_autofree char *t = g_strdup_printf (_("Enter all %d digits (%u so far)"), PIN_LENGTH, (guint) pin->len);
      fc_demo_host_show_toast (host, t, 2000);
      return;
    }
  /* a real host would hand the PIN to its verifier here */
  fc_demo_host_show_toast (host, _("PIN entered"), 2000);
  memset (pin->str, 0, pin->len);
  g_string_truncate (pin, 0);
  pin_show (page, pin);
}

/* ---- pages/amount/amount: digits and "." ---- */

static void
amount_input (const FcEvent *event, gpointer user_data)
{
  FcPage *page = page_of (event);
  const char *key = key_of (event);
  const char *amount, *dot;
  g_autoptr (GString) next = NULL;

  if (!page || strlen (key) != 1 || !(g_ascii_isdigit (key[0]) || key[0] == '.'))
    return;
  amount = data_string (page, "amount");
  dot = strchr (amount, '.');
  if (strlen (amount) >= AMOUNT_MAX)
    return;
  if (key[0] == '.' && dot)
    return;                               /* one decimal point */
  if (dot && key[0] != '.' && strlen (dot + 1) >= 2)
    return;                               /* cents: two decimals */
  next = g_string_new (amount);
  if (key[0] == '.' && next->len == 0)
    g_string_append_c (next, '0');        /* ".5" reads "0.5" */
  if (strcmp (next->str, "0") == 0 && key[0] != '.')
    g_string_truncate (next, 0);          /* no leading zeros */
  g_string_append_c (next, key[0]);
  set_string (page, "amount", next->str);
}

/* The delete key of the amount and letters pages: the string in page data
 * KEY loses its last character. */
static void
drop_last_char (FcPage *page, const char *key)
{
  g_autofree char *text = g_strdup (data_string (page, key));

  if (!*text)
    return;
  *g_utf8_find_prev_char (text, text + strlen (text)) = '\0';
  set_string (page, key, text);
}

static void
amount_delete (const FcEvent *event, gpointer user_data)
{
  FcPage *page = page_of (event);

  if (page)
    drop_last_char (page, "amount");
}

static void
amount_done (const FcEvent *event, gpointer user_data)
{
  FcDemoHost *host = user_data;
  FcPage *page = page_of (event);
  g_autofree char *t = NULL;

  if (!page)
    return;
  set_boolean (page, "show", FALSE);
  t = g_strdup_printf (_("Amount: %.2f"), g_ascii_strtod (data_string (page, "amount"), NULL));
  fc_demo_host_show_toast (host, t, 2000);
}

/* ---- pages/letters/letters ---- */

static void
letters_input (const FcEvent *event, gpointer user_data)
{
  FcPage *page = page_of (event);
  const char *key = key_of (event);
  g_autofree char *text = NULL;

  if (!page || !*key || g_utf8_strlen (data_string (page, "text"), -1) >= 32)
    return;
  text = g_strconcat (data_string (page, "text"), key, NULL);
  set_string (page, "text", text);
}

static void
letters_delete (const FcEvent *event, gpointer user_data)
{
  FcPage *page = page_of (event);

  if (page)
    drop_last_char (page, "text");
}

static void
letters_done (const FcEvent *event, gpointer user_data)
{
  FcDemoHost *host = user_data;
  FcPage *page = page_of (event);
  g_autofree char *t = NULL;

  if (!page)
    return;
  set_boolean (page, "show", FALSE);
  t = g_strdup_printf (_("You typed \"%s\""), data_string (page, "text"));
  fc_demo_host_show_toast (host, t, 2000);
}

/* the keyboard pages' "Show keyboard" button: the keyboard hides itself
 * on done, so bring it back */
static void
show_keyboard (const FcEvent *event, gpointer user_data)
{
  FcPage *page = page_of (event);

  if (!page)
    return;
  set_boolean (page, "show", FALSE);
  set_boolean (page, "show", TRUE);
}

/* handlers a page names but the demo gives no behaviour (pages/kb/kb,
 * kept as the bridge issue's sample): the backend still sees them */
/* every handler call, the plugin pages' too (their handlers are the
 * plugins' own), reaches the host's event log through the observer */
static void
observe (const FcEvent *event, gpointer user_data)
{
  notify (user_data, event);
}

/* names the host does not handle (the sample's pages bind some only to
 * show them in the log) */
static void
on_other (const FcEvent *event, gpointer user_data)
{
}

FcCallbackScope *
fc_demo_pages_new_scope (FcDemoHost *host)
{
  static const struct {
    const char *name;
    FcEventCallback callback;
  } table[] = {
    { "onRecordReady", on_record_ready },
    { "onRecordStart", on_record_start },
    { "onRecordEnd", on_record_end },
    { "onRecordError", on_record_error },
    { "pinInput", pin_input },
    { "pinDelete", pin_delete },
    { "pinDone", pin_done },
    { "amountInput", amount_input },
    { "amountDelete", amount_delete },
    { "amountDone", amount_done },
    { "lettersInput", letters_input },
    { "lettersDelete", letters_delete },
    { "lettersDone", letters_done },
    { "showKeyboard", show_keyboard },
  };
  FcCallbackScope *scope = fc_callback_scope_new ();

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    fc_callback_scope_add_callback (scope, table[i].name, table[i].callback, host, NULL);
  fc_callback_scope_set_fallback (scope, on_other, host, NULL);
  fc_callback_scope_set_observer (scope, observe, host, NULL);
  return scope;
}

static void
on_warning (FcPage *page, const char *message, FcDemoHost *host)
{
  g_printerr ("fc-demo: %s\n", message);
}

static void
on_navigate (FcPage *page, const char *url, FcDemoHost *host)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  host->navigating_from = page;
  ok = fc_demo_host_navigate_to (host, url, &error);
  host->navigating_from = NULL;
  if (!ok)
    fc_demo_host_show_toast (host, error->message, 3000);
}

static gboolean
is_quick_start (const char *page_path)
{
  return strcmp (page_path, "pages/video/video") == 0
         || strcmp (page_path, "pages/video-zh/video-zh") == 0;
}

FcPage *
fc_demo_pages_mount (FcDemoHost *host, const char *page_path, FcValue *data, GError **error)
{
  g_autoptr (FcPage) page = fc_page_new (host->registry, host->scope);

  g_signal_connect (page, "navigate", G_CALLBACK (on_navigate), host);
  g_signal_connect (page, "warning", G_CALLBACK (on_warning), host);
  /* onLoad: the Quick Start (and its Chinese twin, pages/video-zh)
   * shows the loading indicator until ready */
  if (is_quick_start (page_path))
    fc_demo_host_show_loading (host, _("Preparing the camera"));
  if (!fc_app_load_page_from (host->app, page, host->navigating_from, page_path, data, error))
    {
      if (is_quick_start (page_path))
        fc_demo_host_hide_loading (host);
      return NULL;
    }
  return g_steal_pointer (&page);
}
