/* fc-page-doc.c: the parsed-markup cache: a page's markup and JSON parsed
 * once per file and shared by the pages that load it. */
#include <string.h>

#include "fc-page-doc-private.h"

/* Parsed markup and page JSON are immutable, so pages of the same file
 * share them, as the platform compiles a template once per component
 * definition. The cache is keyed by file name (cheap to hash) and an entry
 * is used only when both texts are still the same. */
struct _SharedDoc {
  gint ref_count;
  char *text;      /* the markup */
  FcFxmlNode *doc;
  char *json_text; /* the page JSON, or NULL */
  FcValue *json;   /* parsed, or NULL */
  GPtrArray *wxs;  /* the <wxs> elements, in document order, or NULL */
  gboolean uses_templates; /* has <template>, <import> or <include> (fc-page-markup.c) */
};

static GMutex doc_cache_lock;
static GHashTable *doc_cache; /* filename → SharedDoc */
#define DOC_CACHE_MAX 64

void
fc_shared_doc_unref (SharedDoc *d)
{
  if (d && g_atomic_int_dec_and_test (&d->ref_count))
    {
      g_free (d->text);
      fc_fxml_node_free (d->doc);
      g_free (d->json_text);
      g_clear_pointer (&d->json, fc_value_unref);
      g_clear_pointer (&d->wxs, g_ptr_array_unref);
      g_free (d);
    }
}

/* @text as a JSON object; @name is the file in messages. */
FcValue *
fc_page_parse_json (const char *text, const char *name, GError **error)
{
  g_autoptr (GError) local = NULL;
  FcValue *v = fc_value_from_json (text, &local);
  if (!v)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON, "%s:%s", name, local->message);
      return NULL;
    }
  if (fc_value_get_kind (v) != FC_VALUE_OBJECT)
    {
      fc_value_unref (v);
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_JSON, "%s:1:1: expected a JSON object", name);
      return NULL;
    }
  return v;
}

/* The page JSON's name in messages: `pages/a/a.fxml` → `pages/a/a.json`. */
static char *
page_json_name (const char *filename)
{
  if (g_str_has_suffix (filename, ".fxml"))
    return g_strdup_printf ("%.*s.json", (int) strlen (filename) - 5, filename);
  return g_strdup ("page.json");
}

/* The `<wxs>` elements of @node and below, in document order. */
static void
collect_wxs (const FcFxmlNode *node, GPtrArray **out)
{
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      const FcFxmlNode *c = g_ptr_array_index (node->children, i);
      if (fc_fxml_node_is_wxs (c))
        {
          if (!*out)
            *out = g_ptr_array_new ();
          g_ptr_array_add (*out, (gpointer) c);
        }
      else if (c->type == FC_FXML_ELEMENT)
        collect_wxs (c, out);
    }
}

/* Whether @node or anything below it is a template, an import or an
 * include: most pages have none, and then load no markup files. */
static gboolean
uses_templates (const FcFxmlNode *node)
{
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      const FcFxmlNode *c = g_ptr_array_index (node->children, i);
      if (c->type != FC_FXML_ELEMENT)
        continue;
      if (strcmp (c->name, "template") == 0 || strcmp (c->name, "import") == 0
          || strcmp (c->name, "include") == 0 || uses_templates (c))
        return TRUE;
    }
  return FALSE;
}

/* The parsed markup of @filename with these texts, shared with the pages
 * that loaded the same; %NULL with @error for bad markup or JSON. */
SharedDoc *
fc_shared_doc_lookup (const char *filename, const char *text, const char *json_text, GError **error)
{
  SharedDoc *d;
  g_autoptr (FcValue) json = NULL;
  FcFxmlNode *doc;

  g_mutex_lock (&doc_cache_lock);
  if (!doc_cache)
    doc_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fc_shared_doc_unref);
  d = g_hash_table_lookup (doc_cache, filename);
  if (d && strcmp (d->text, text) == 0 && g_strcmp0 (d->json_text, json_text) == 0)
    {
      g_atomic_int_inc (&d->ref_count);
      g_mutex_unlock (&doc_cache_lock);
      return d;
    }
  g_mutex_unlock (&doc_cache_lock);

  if (json_text)
    {
      g_autofree char *name = page_json_name (filename);
      if (!(json = fc_page_parse_json (json_text, name, error)))
        return NULL;
    }
  doc = fc_fxml_parse (text, -1, filename, error);
  if (!doc)
    return NULL;
  d = g_new (SharedDoc, 1);
  d->ref_count = 2; /* the caller's and the cache's */
  d->text = g_strdup (text);
  d->doc = doc;
  d->json_text = g_strdup (json_text);
  d->json = g_steal_pointer (&json);
  d->wxs = NULL;
  collect_wxs (doc, &d->wxs);
  d->uses_templates = uses_templates (doc);
  g_mutex_lock (&doc_cache_lock);
  if (g_hash_table_size (doc_cache) >= DOC_CACHE_MAX)
    g_hash_table_remove_all (doc_cache);
  g_hash_table_replace (doc_cache, g_strdup (filename), d);
  g_mutex_unlock (&doc_cache_lock);
  return d;
}

const FcFxmlNode *
fc_shared_doc_get_markup (SharedDoc *d)
{
  return d->doc;
}

/* Returns: (nullable) (element-type FcFxmlNode): the markup's `<wxs>`
 * elements, found once when it was parsed */
const GPtrArray *
fc_shared_doc_get_wxs (SharedDoc *d)
{
  return d->wxs;
}

/* Whether the markup has `<template>`, `<import>` or `<include>`
 * elements, found once when it was parsed */
gboolean
fc_shared_doc_uses_templates (SharedDoc *d)
{
  return d->uses_templates;
}

/* Returns: (nullable): the page JSON */
FcValue *
fc_shared_doc_get_json (SharedDoc *d)
{
  return d->json;
}
