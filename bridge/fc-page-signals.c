/* fc-page-signals.c: the page's signals, and the one place each is
 * emitted from. */
#include "fc-page-signals-private.h"

enum { SIGNAL_WARNING, SIGNAL_NAVIGATE, SIGNAL_PROPERTY_CHANGED, SIGNAL_ELEMENT_CHANGED, SIGNAL_CHILDREN_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Called once, from fc_page_class_init(). */
void
fc_page_signals_install (GType type)
{
  /**
   * FcPage::warning:
   * @page: the page
   * @message: `file:line:col: ...`
   *
   * Bad input that the page survives: a property of the wrong type, an
   * unknown attribute, a change to an init-only property, a missing
   * handler.
   */
  signals[SIGNAL_WARNING] = g_signal_new ("warning", type, G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * FcPage::navigate:
   * @page: the page
   * @url: a navigator's url
   *
   * A `navigator` was tapped (or a page asked to navigate): the host opens
   * @url, as the platform's navigateTo does.
   */
  signals[SIGNAL_NAVIGATE] = g_signal_new ("navigate", type, G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * FcPage::property-changed:
   * @page: the page
   * @element: the #FcElement
   * @name: the property
   * @value: the new value
   *
   * Emitted for every real property change after mount.
   */
  signals[SIGNAL_PROPERTY_CHANGED] = g_signal_new ("property-changed", type,
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                                   FC_TYPE_ELEMENT | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_STRING, FC_TYPE_VALUE);
  /**
   * FcPage::element-changed:
   * @page: the page
   * @element: the #FcElement
   * @what: `#text` for a text node's text, else the attribute (`style`,
   *   `class`, `hidden`, `id`)
   *
   * Emitted after mount when a bound text or non-property attribute changes.
   */
  signals[SIGNAL_ELEMENT_CHANGED] = g_signal_new ("element-changed", type,
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                                  FC_TYPE_ELEMENT | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_STRING);
  /**
   * FcPage::children-changed:
   * @page: the page
   * @element: the #FcElement whose children were replaced
   *
   * Emitted after mount when wx:if switches branch or wx:for's list changes
   * length; the element's old children are gone.
   */
  signals[SIGNAL_CHILDREN_CHANGED] = g_signal_new ("children-changed", type,
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                                   FC_TYPE_ELEMENT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void emit_warning_va (FcPage *page, const char *file, int line, int col, const char *fmt, va_list ap)
    G_GNUC_PRINTF (5, 0);

static void
emit_warning_va (FcPage *page, const char *file, int line, int col, const char *fmt, va_list ap)
{
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  g_autofree char *full = NULL;

  full = g_strdup_printf ("%s:%d:%d: %s", file ? file : page->filename ? page->filename : "<page>", line, col, msg);
  g_signal_emit (page, signals[SIGNAL_WARNING], 0, full);
}

void
fc_page_emit_warning (FcPage *page, int line, int col, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  emit_warning_va (page, NULL, line, col, fmt, ap);
  va_end (ap);
}

/* A warning about @el's markup: in its component's file, or the page's */
void
fc_element_emit_warning_at (FcElement *el, int line, int col, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  emit_warning_va (el->page, el->shadow ? el->shadow->def->fxml_name : NULL, line, col, fmt, ap);
  va_end (ap);
}

/* A warning about markup in the tree @in (a component's: its file), or
 * the page's (@in NULL) */
void
fc_shadow_emit_warning_at (FcPage *page, FcShadow *in, int line, int col, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  emit_warning_va (page, in ? in->def->fxml_name : NULL, line, col, fmt, ap);
  va_end (ap);
}

void
fc_page_emit_navigate (FcPage *page, const char *url)
{
  g_signal_emit (page, signals[SIGNAL_NAVIGATE], 0, url);
}

/* Only when someone listens: building the emission costs more than a
 * setData does. The emission holds its own reference to @value while
 * handlers run. */
void
fc_page_emit_property_changed (FcPage *page, FcElement *el, const char *name, FcValue *value)
{
  if (g_signal_has_handler_pending (page, signals[SIGNAL_PROPERTY_CHANGED], 0, FALSE))
    g_signal_emit (page, signals[SIGNAL_PROPERTY_CHANGED], 0, el, name, value);
}

void
fc_page_emit_element_changed (FcPage *page, FcElement *el, const char *what)
{
  g_signal_emit (page, signals[SIGNAL_ELEMENT_CHANGED], 0, el, what);
}

/* Only once the page is mounted: while it loads, nobody shows it yet. */
void
fc_page_emit_children_changed (FcPage *page, FcElement *el)
{
  if (page->root && page->root->mounted)
    g_signal_emit (page, signals[SIGNAL_CHILDREN_CHANGED], 0, el);
}
