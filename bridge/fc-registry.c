/* fc-registry.c: FcRegistry: the component classes a page may use: the
 * built-in elements (fc-builtins.c), plugin components by provider and
 * name, components by usingComponents path. */
#include "fc-registry-private.h"
#include "fc-builtins-private.h"

struct _FcRegistry {
  GObject parent_instance;
  GHashTable *classes;  /* key → FcComponentClass */
  GHashTable *builtins; /* tag → FcComponentClass: the platform's, shared */
};

G_DEFINE_FINAL_TYPE (FcRegistry, fc_registry, G_TYPE_OBJECT)

static void
fc_registry_finalize (GObject *object)
{
  FcRegistry *self = FC_REGISTRY (object);
  g_hash_table_unref (self->classes);
  g_hash_table_unref (self->builtins);
  G_OBJECT_CLASS (fc_registry_parent_class)->finalize (object);
}

static void
fc_registry_class_init (FcRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fc_registry_finalize;
}

static void
fc_registry_init (FcRegistry *self)
{
  self->classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) fc_component_class_unref);
  self->builtins = fc_builtins_dup_table ();
}

/**
 * fc_registry_new:
 *
 * Creates a registry with the built-in elements only; a host adds its
 * components and plugin components.
 *
 * Returns: (transfer full): a registry holding the built-in elements
 *   (`view`, `text`, `image`, `button`, `navigator`, `block`, `page`) and
 *   nothing else
 */
FcRegistry *
fc_registry_new (void)
{
  return g_object_new (FC_TYPE_REGISTRY, NULL);
}

/**
 * fc_registry_add_plugin_component:
 * @self: a registry
 * @provider: the plugin's provider id, e.g. `fc-video-recognition`
 * @name: the public component name, e.g. `video-recognition`
 * @klass: (transfer none): the class
 *
 * Makes a plugin's component class available by provider and name, for
 * `plugin://ALIAS/NAME`.
 */
void
fc_registry_add_plugin_component (FcRegistry *self, const char *provider, const char *name,
                                  FcComponentClass *klass)
{
  g_return_if_fail (FC_IS_REGISTRY (self) && provider && name && klass);
  g_hash_table_replace (self->classes, g_strdup_printf ("plugin-provider://%s/%s", provider, name),
                        fc_component_class_ref (klass));
}

/**
 * fc_registry_add_component:
 * @self: a registry
 * @path: the path pages use in `usingComponents`, e.g.
 *   `plugin://video/video-recognition` to resolve it without app.json
 * @klass: (transfer none): the class
 *
 * Makes a component class available by path, as a page's `usingComponents`
 * names it.
 */
void
fc_registry_add_component (FcRegistry *self, const char *path, FcComponentClass *klass)
{
  g_return_if_fail (FC_IS_REGISTRY (self) && path && klass);
  g_hash_table_replace (self->classes, g_strdup (path), fc_component_class_ref (klass));
}

/**
 * fc_registry_lookup_plugin_component:
 * @self: a registry
 * @provider: a provider id
 * @name: a component name
 *
 * Finds the class registered for a plugin provider and component name.
 *
 * Returns: (transfer none) (nullable): the class
 */
FcComponentClass *
fc_registry_lookup_plugin_component (FcRegistry *self, const char *provider, const char *name)
{
  g_autofree char *key = g_strdup_printf ("plugin-provider://%s/%s", provider, name);
  g_return_val_if_fail (FC_IS_REGISTRY (self), NULL);
  return g_hash_table_lookup (self->classes, key);
}

/**
 * fc_registry_lookup_component:
 * @self: a registry
 * @path: a path
 *
 * Finds the class registered for a path.
 *
 * Returns: (transfer none) (nullable): the class
 */
FcComponentClass *
fc_registry_lookup_component (FcRegistry *self, const char *path)
{
  g_return_val_if_fail (FC_IS_REGISTRY (self), NULL);
  return g_hash_table_lookup (self->classes, path);
}

/* The class of the built-in element @tag, or NULL: how a page resolves a
 * tag that no usingComponents entry names. */
FcComponentClass *
fc_registry_lookup_builtin (FcRegistry *self, const char *tag)
{
  return g_hash_table_lookup (self->builtins, tag);
}

