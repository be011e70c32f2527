/* fc-component-def.c: components defined by their own markup: a
 * `usingComponents` path naming a folder's `X.json` (`{"component":
 * true}`) and `X.fxml` (or `X.wxml`), read from the page's files (in
 * memory, then its root folder, confined to it), parsed once per page;
 * and the property schema of a component without native code, which this
 * bridge reads from the JSON's `"properties"` in the platform's syntax. */
#include <string.h>

#include "fc-component-def-private.h"
#include "fc-page-doc-private.h"
#include "fc-page-files-private.h"
#include "fc-page-wxs-private.h"
#include "fc-wxs-private.h"

void
fc_component_def_free (FcComponentDef *def)
{
  if (!def)
    return;
  g_free (def->name);
  g_free (def->fxml_name);
  g_free (def->root);
  g_free (def->wxs_prefix);
  g_clear_pointer (&def->doc, fc_shared_doc_unref);
  g_clear_pointer (&def->resolved, g_hash_table_unref);
  g_clear_pointer (&def->klass, fc_component_class_unref);
  g_free (def);
}

/* A type name of the platform's schema, as JSON writes it: "String",
 * "Number", "Boolean", "Object", "Array"; "null", "Any" and JSON null
 * are any type (0). FALSE for anything else. */
static gboolean
type_from_name (FcValue *v, FcPropertyType *type)
{
  static const struct { const char *name; FcPropertyType type; } names[] = {
    { "String", FC_PROPERTY_STRING }, { "Number", FC_PROPERTY_NUMBER }, { "Boolean", FC_PROPERTY_BOOLEAN },
    { "Object", FC_PROPERTY_OBJECT }, { "Array", FC_PROPERTY_ARRAY },   { "null", 0 },
    { "Any", 0 },
  };
  if (fc_value_get_kind (v) == FC_VALUE_NULL)
    {
      *type = 0;
      return TRUE;
    }
  if (fc_value_get_kind (v) != FC_VALUE_STRING)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (fc_value_get_string (v), names[i].name) == 0)
      {
        *type = names[i].type;
        return TRUE;
      }
  return FALSE;
}

#define ANY_TYPE (FC_PROPERTY_STRING | FC_PROPERTY_NUMBER | FC_PROPERTY_BOOLEAN | FC_PROPERTY_ARRAY | FC_PROPERTY_OBJECT)

static gboolean
bad_type (const char *where, const char *prop, FcValue *v, GError **error)
{
  g_autofree char *got = fc_value_to_json (v);
  g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_COMPONENT,
               "%s: property \"%s\": type %s is not one of \"String\", \"Number\", \"Boolean\", \"Object\", "
               "\"Array\", null",
               where, prop, got);
  return FALSE;
}

static gboolean
add_property (FcComponentClass *klass, const char *name, FcValue *d, const char *where, GError **error)
{
  FcPropertyType type = 0, optional = 0;
  FcValue *value = NULL;

  if (fc_component_class_find_property (klass, name) >= 0)
    return TRUE; /* JSON keeps the first of a duplicate key's values here too */
  if (fc_value_get_kind (d) == FC_VALUE_OBJECT)
    {
      FcValue *t = fc_value_object_get (d, "type");
      FcValue *opt = fc_value_object_get (d, "optionalTypes");
      if (t && !type_from_name (t, &type))
        return bad_type (where, name, t, error);
      if (opt && fc_value_get_kind (opt) != FC_VALUE_ARRAY)
        return bad_type (where, name, opt, error);
      for (guint i = 0; opt && i < fc_value_array_get_length (opt); i++)
        {
          FcPropertyType o;
          if (!type_from_name (fc_value_array_get (opt, i), &o))
            return bad_type (where, name, fc_value_array_get (opt, i), error);
          /* glass-easel: an any-typed property with optional types takes the first as its type */
          if (!type && i == 0 && o)
            type = o;
          optional |= o ? o : ANY_TYPE;
        }
      value = fc_value_object_get (d, "value");
    }
  else if (!type_from_name (d, &type))
    return bad_type (where, name, d, error);
  /* any type: an Object that takes every kind as it is, null by default */
  if (!type)
    {
      type = FC_PROPERTY_OBJECT;
      optional = ANY_TYPE;
    }
  fc_component_class_add_property (klass, name, type, optional & ~type, value, FALSE);
  return TRUE;
}

/**
 * fc_component_def_parse_properties: (skip)
 * @name: the class's name
 * @properties: (nullable): the JSON's `"properties"`: name → type name, or
 *   `{"type", "value", "optionalTypes"}`
 * @where: the JSON file's name, for messages
 * @error: return location for a %FC_BRIDGE_ERROR_BAD_COMPONENT error
 *
 * Returns: (transfer full) (nullable): a class with that schema
 */
FcComponentClass *
fc_component_def_parse_properties (const char *name, FcValue *properties, const char *where, GError **error)
{
  g_autoptr (FcComponentClass) klass = fc_component_class_new (name);

  if (properties && fc_value_get_kind (properties) != FC_VALUE_OBJECT)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_COMPONENT,
                   "%s: \"properties\" must be an object of name: type", where);
      return NULL;
    }
  for (guint i = 0; properties && i < fc_value_object_get_size (properties); i++)
    if (!add_property (klass, fc_value_object_get_key (properties, i), fc_value_object_get_nth (properties, i), where,
                       error))
      return NULL;
  return g_steal_pointer (&klass);
}

/* @path in @root, a plugin's package, which the real path must stay
 * inside */
static char *
read_confined (const char *root, const char *path, gpointer data, GError **error)
{
  g_autofree char *real = fc_page_files_locate (root, path, "the plugin's package", error);
  char *text = NULL;

  if (!real)
    return NULL;
  if (!g_file_get_contents (real, &text, NULL, NULL) || !g_utf8_validate (text, -1, NULL))
    {
      g_free (text);
      g_set_error (error, FC_WXS_ERROR, FC_WXS_ERROR_BAD_PATH, "cannot read %s as UTF-8 text", path);
      return NULL;
    }
  return text;
}

/* @path's text (from @root, else the page's files), NULL with no error
 * when it is not there */
static GBytes *
read_optional (FcPage *self, const char *root, const char *path, GError **error)
{
  GError *local = NULL;
  GBytes *text = root ? fc_file_cache_read (self->file_cache, root, path, read_confined, NULL, &local)
                      : fc_page_read_file (self, path, &local);
  if (text)
    return text;
  if (g_error_matches (local, FC_WXS_ERROR, FC_WXS_ERROR_NOT_FOUND))
    g_clear_error (&local);
  else
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_COMPONENT, "%s", local->message);
      g_error_free (local);
    }
  return NULL;
}

static FcComponentDef *
load (FcPage *self, const char *root, const char *norm, const char *written, FcComponentClass *native,
      const char *at, GError **error)
{
  g_autofree char *fxml_name = g_strdup_printf ("%s.fxml", norm);
  g_autofree char *json_name = g_strdup_printf ("%s.json", norm);
  g_autoptr (GBytes) fxml = NULL, json = NULL;
  g_autoptr (GError) local = NULL;
  FcComponentDef *def;
  FcValue *j, *options, *v;

  if (!(fxml = read_optional (self, root, fxml_name, &local)) && !local)
    {
      /* the platform's own suffix, as real mini-programs name it */
      g_free (fxml_name);
      fxml_name = g_strdup_printf ("%s.wxml", norm);
      fxml = read_optional (self, root, fxml_name, &local);
    }
  if (local)
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_COMPONENT, "%s: %s", at, local->message);
      return NULL;
    }
  if (!fxml)
    return NULL;
  if (!(json = read_optional (self, root, json_name, error)))
    {
      if (error && !*error)
        g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_COMPONENT,
                     "%s: component /%s has %s but no %s (a component's JSON says {\"component\": true})", at, norm,
                     fxml_name, json_name);
      return NULL;
    }
  def = g_new0 (FcComponentDef, 1);
  def->name = g_strdup_printf ("/%s", norm);
  def->root = g_strdup (root);
  def->fxml_name = g_steal_pointer (&fxml_name);
  /* the markup's JSON name is its own with .json: give a .fxml name */
  if (!(def->doc = fc_shared_doc_lookup (def->fxml_name, g_bytes_get_data (fxml, NULL), g_bytes_get_data (json, NULL),
                                         error)))
    goto fail;
  def->json = fc_shared_doc_get_json (def->doc);
  j = def->json;
  if (fc_value_get_kind (j) != FC_VALUE_OBJECT || !(v = fc_value_object_get (j, "component"))
      || fc_value_get_kind (v) != FC_VALUE_BOOLEAN || !fc_value_get_boolean (v))
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_COMPONENT,
                   "%s: %s is not a component's JSON: it needs \"component\": true", at, json_name);
      goto fail;
    }
  options = fc_value_object_get (j, "options");
  v = options && fc_value_get_kind (options) == FC_VALUE_OBJECT ? fc_value_object_get (options, "multipleSlots") : NULL;
  def->multiple_slots = v && fc_value_is_truthy (v);
  /* native code registered at the path gives the properties (its C API) */
  if (!native && !root)
    native = fc_registry_lookup_component (self->registry, def->name);
  if (!native && !root && written)
    native = fc_registry_lookup_component (self->registry, written);
  if (native)
    def->klass = fc_component_class_ref (native);
  else if (!(def->klass = fc_component_def_parse_properties (def->name, fc_value_object_get (j, "properties"),
                                                            json_name, error)))
    goto fail;
  def->page = self;
  /* its <wxs> modules, from its own folder (a plugin's package: not read) */
  if (!fc_page_wxs_load_component (self, def, root ? NULL : fc_shared_doc_get_wxs (def->doc), error))
    goto fail;
  if (root && !native)
    {
      /* inside a plugin's package: no host handler */
      g_autoptr (FcCallbackScope) none = fc_callback_scope_new ();
      fc_component_class_set_data (def->klass, "fc-plugin", fc_component_class_get_data (native ? native : def->klass, "fc-plugin"), NULL);
      fc_component_class_set_callbacks (def->klass, none);
    }
  return def;

fail:
  fc_component_def_free (def);
  return NULL;
}

/* The component at @norm (from the root), loaded once per page; a miss
 * is remembered too (a path naming a registered class is looked up at
 * every mount). */
static FcComponentDef *
lookup_norm (FcPage *self, const char *root, const char *norm, const char *written, FcComponentClass *native,
             const char *at, GError **error)
{
  g_autofree char *key = root ? g_strdup_printf ("%s:/%s", root, norm) : g_strdup_printf ("/%s", norm);
  FcComponentDef *def;
  gpointer found;
  GError *local = NULL;

  if (self->component_defs && g_hash_table_lookup_extended (self->component_defs, key, NULL, &found))
    return found;
  def = load (self, root, norm, written, native, at, &local);
  if (local)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (!self->component_defs)
    self->component_defs
        = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fc_component_def_free);
  g_hash_table_insert (self->component_defs, g_steal_pointer (&key), def);
  return def;
}

/**
 * fc_component_def_lookup: (skip)
 * @self: a page
 * @from_file: the file naming @path (from the root), for relative paths
 * @path: a `usingComponents` value: `/components/card/card` from the root,
 *   `../card/card` relative to @from_file's folder, or a bare
 *   `pkg/card/card`, which is relative first, then the npm package in the
 *   root's `miniprogram_npm/` (as the platform builds npm packages)
 * @line: where the tag is, for messages
 * @col: its column
 * @error: return location for a %FC_BRIDGE_ERROR_BAD_COMPONENT error
 *
 * Returns: (transfer none) (nullable): the component @path names, loaded
 *   once per page; %NULL without @error when no markup is there
 */
FcComponentDef *
fc_component_def_lookup (FcPage *self, const char *root, const char *from_file, const char *path, int line, int col,
                         GError **error)
{
  g_autofree char *norm = NULL, *at = NULL, *npm = NULL;
  g_autoptr (GError) local = NULL;
  GError *failed = NULL;
  FcComponentDef *def;

  if (strstr (path, "://"))
    return NULL;
  at = g_strdup_printf ("%s:%d:%d", from_file, line, col);
  if (!(norm = fc_wxs_resolve_path (from_file, path, &local)))
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_COMPONENT,
                   "%s: component \"%s\" is malformed or leaves the mini-program's root", at, path);
      return NULL;
    }
  def = lookup_norm (self, root, norm, path, NULL, at, &failed);
  if (failed)
    {
      g_propagate_error (error, failed);
      return NULL;
    }
  if (def || path[0] == '/' || path[0] == '.')
    return def;
  npm = g_strdup_printf ("miniprogram_npm/%s", path);
  g_free (norm);
  if (!(norm = fc_wxs_resolve_path (NULL, npm, NULL)))
    return NULL;
  return lookup_norm (self, root, norm, path, NULL, at, error);
}

/**
 * fc_component_def_of_class: (skip)
 * @self: a page
 * @klass: a class a resolver gave
 * @error: return location for a %FC_BRIDGE_ERROR_BAD_COMPONENT error
 *
 * Returns: (transfer none) (nullable): the template of a plugin's public
 *   component defined by its own markup (the class carries its package's
 *   folder and path, fc-plugin-store.c), or %NULL
 */
FcComponentDef *
fc_component_def_of_class (FcPage *self, FcComponentClass *klass, GError **error)
{
  const char *root = fc_component_class_get_data (klass, "fc-markup-root");
  const char *path = fc_component_class_get_data (klass, "fc-markup-path");
  g_autofree char *at = NULL;
  GError *local = NULL;
  FcComponentDef *def;

  if (!root || !path)
    return NULL;
  at = g_strdup_printf ("%s", path);
  def = lookup_norm (self, root, path, NULL, klass, at, &local);
  if (local)
    g_propagate_error (error, local);
  else if (!def)
    g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_COMPONENT, "%s: its template is gone", path);
  return def;
}
