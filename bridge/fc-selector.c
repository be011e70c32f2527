/* fc-selector.c: selectors, as replay steps and hosts name elements:
 * compounds of a tag name, `#id` and `.class` (`view.row#first`),
 * separated by `>>>`, which goes into the shadow tree of the component
 * matched on its left. The first match in document order wins. */
#include <string.h>

#include "fc-bridge-private.h"
#include "fc-page-private.h"

/* One compound: all of it must hold. */
typedef struct {
  char *tag;      /* or NULL */
  char *id;       /* or NULL */
  GPtrArray *classes; /* char* */
} Compound;

static void
compound_free (gpointer p)
{
  Compound *c = p;
  g_free (c->tag);
  g_free (c->id);
  g_ptr_array_unref (c->classes);
  g_free (c);
}

static gboolean
is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || (unsigned char) c >= 0x80;
}

static char *
read_ident (const char **p)
{
  const char *s = *p;
  while (is_ident_char (**p))
    (*p)++;
  return *p > s ? g_strndup (s, *p - s) : NULL;
}

/* @selector as its compounds, or NULL with @error. */
static GPtrArray *
parse (const char *selector, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (compound_free);
  const char *p = selector;

  while (TRUE)
    {
      Compound *c = g_new0 (Compound, 1);
      c->classes = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (out, c);
      while (*p == ' ')
        p++;
      if (is_ident_char (*p))
        c->tag = read_ident (&p);
      while (*p == '#' || *p == '.')
        {
          char kind = *p++;
          char *name = read_ident (&p);
          if (!name)
            {
              g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_SYNTAX,
                           "selector \"%s\": '%c' without a name at %d", selector, kind, (int) (p - selector));
              return NULL;
            }
          if (kind == '#' && c->id)
            {
              g_free (name);
              g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_SYNTAX, "selector \"%s\": two ids", selector);
              return NULL;
            }
          if (kind == '#')
            c->id = name;
          else
            g_ptr_array_add (c->classes, name);
        }
      if (!c->tag && !c->id && !c->classes->len)
        {
          g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_SYNTAX,
                       "selector \"%s\": expected a tag, #id or .class at %d", selector, (int) (p - selector));
          return NULL;
        }
      while (*p == ' ')
        p++;
      if (!*p)
        return g_steal_pointer (&out);
      if (strncmp (p, ">>>", 3) != 0)
        {
          g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_SYNTAX,
                       "selector \"%s\": unexpected '%c' at %d (supported: tag, #id, .class, >>>)", selector, *p,
                       (int) (p - selector));
          return NULL;
        }
      p += 3;
    }
}

static gboolean
has_class (FcElement *el, const char *name)
{
  FcValue *v = fc_element_get_attribute (el, "class");
  g_autofree char *s = NULL;
  g_auto (GStrv) words = NULL;

  if (!v || fc_value_get_kind (v) <= FC_VALUE_NULL)
    return FALSE;
  s = fc_value_to_js_string (v);
  words = g_strsplit_set (s, " \t\n\r\f", -1);
  return g_strv_contains ((const char *const *) words, name);
}

static gboolean
matches (FcElement *el, const Compound *c)
{
  if (!el->klass || el->kind->is_virtual)
    return FALSE;
  if (c->tag && strcmp (fc_element_get_tag (el), c->tag) != 0)
    return FALSE;
  if (c->id && g_strcmp0 (fc_element_id (el), c->id) != 0)
    return FALSE;
  for (guint i = 0; i < c->classes->len; i++)
    if (!has_class (el, g_ptr_array_index (c->classes, i)))
      return FALSE;
  return TRUE;
}

static FcElement *find (FcElement *el, const GPtrArray *compounds, guint k, const FcShadow *scope,
                        gboolean *no_shadow);

/* The first element below @el (not @el) in the tree @scope (NULL: the
 * page's) that matches compounds[k...]. */
static FcElement *
find_below (FcElement *el, const GPtrArray *compounds, guint k, const FcShadow *scope, gboolean *no_shadow)
{
  for (guint i = 0; i < el->n_children; i++)
    {
      FcElement *r = find (el->children[i], compounds, k, scope, no_shadow);
      if (r)
        return r;
    }
  return NULL;
}

/* @el or the first element below it (document order) that matches
 * compounds[k], and, through its shadow tree, the rest. Only elements of
 * the tree @scope match: the walk goes through components' templates
 * (where the page's content sits in their slots) without matching them. */
static FcElement *
find (FcElement *el, const GPtrArray *compounds, guint k, const FcShadow *scope, gboolean *no_shadow)
{
  if (el->dead)
    return NULL;
  if (el->shadow == scope && matches (el, g_ptr_array_index (compounds, k)))
    {
      FcElement *shadow, *r;
      if (k + 1 == compounds->len)
        return el;
      /* the host's shadow root (fc_element_get_shadow_root(), read here
       * from the element so that the selectors call nothing that builds) */
      FcShadow *inner = fc_element_resolve (el)->inner;
      if ((shadow = inner ? inner->root : NULL) && (r = find_below (shadow, compounds, k + 1, inner, no_shadow)))
        return r;
      if (!shadow)
        *no_shadow = TRUE;
    }
  return find_below (el, compounds, k, scope, no_shadow);
}

/**
 * fc_page_query:
 * @page: a loaded page
 * @selector: a tag name, `#id`, `.class`, or a compound of them
 *   (`view.row#first`), optionally followed by `>>> SELECTOR` into the
 *   shadow tree of the component the left side matched
 * @error: return location for a %FC_BRIDGE_ERROR_SYNTAX error (a malformed
 *   selector) or %FC_BRIDGE_ERROR_NOT_FOUND (nothing matches)
 *
 * The elements the page's markup made, virtual ones (`wx:if`, `wx:for`,
 * `<template is>`, `<include>`) excepted, are searched in document order.
 *
 * Returns: (transfer none) (nullable): the first matching element
 */
FcElement *
fc_page_query (FcPage *page, const char *selector, GError **error)
{
  g_autoptr (GPtrArray) compounds = NULL;
  FcElement *root, *r;
  gboolean no_shadow = FALSE;

  g_return_val_if_fail (FC_IS_PAGE (page) && selector, NULL);
  if (!(compounds = parse (selector, error)))
    return NULL;
  root = page->root;
  if (root && (r = find_below (root, compounds, 0, NULL, &no_shadow)))
    return r;
  g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_NOT_FOUND, "no element matches \"%s\"%s", selector,
               no_shadow ? " (a component on the left of >>> has no shadow tree)" : "");
  return NULL;
}

/**
 * fc_page_select:
 * @self: a page
 * @selector: a selector of fc_page_query(): `#id`, a tag name, `.class`…
 *
 * fc_page_query() without the error.
 *
 * The first element that matches a selector (`#id`, `.class` or a tag), in
 * document order, as `selectComponent()` finds it.
 *
 * Returns: (transfer none) (nullable): the first matching element
 */
FcElement *
fc_page_select (FcPage *self, const char *selector)
{
  g_return_val_if_fail (FC_IS_PAGE (self) && selector, NULL);
  if (!self->root)
    return NULL;
  return fc_page_query (self, selector, NULL);
}

/**
 * fc_page_select_component:
 * @self: a page
 * @selector: `#id` or a tag name
 *
 * What the platform's `selectComponent` gives a page: the instance of the
 * first matching element, except that a plugin's component (a class
 * carrying `fc-plugin` data, see fc_plugin_context_add_component()) gives
 * %NULL, so a page cannot reach inside a plugin. fc_page_select() is the
 * host's privileged view (replay drives plugin components through it).
 *
 * Returns: (transfer none) (nullable): the component instance
 */
GObject *
fc_page_select_component (FcPage *self, const char *selector)
{
  FcElement *el = fc_page_select (self, selector);
  if (!el || !el->klass || fc_component_class_get_data (el->klass, "fc-plugin"))
    return NULL;
  return el->instance;
}
