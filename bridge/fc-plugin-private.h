/* fc-plugin-private.h: shared by the plugin files (fc-plugin.c,
 * fc-plugin-store.c, fc-plugin-files.c, fc-host-settings.c) and fc-app.c. */
#pragma once

#include "fc-bridge-private.h"

G_BEGIN_DECLS

typedef struct
{
  FcPluginFunction func;
  gpointer user_data;
  GDestroyNotify destroy;
} FcPluginFunctionSpec;

struct _FcPlugin
{
  char *provider;
  char *version;
  char *dir;       /* real path of PROVIDER/VERSION */
  char *json_name; /* PROVIDER/VERSION/plugin.json, for messages */
  char *json_text;
  GHashTable *public; /* name → path */
  GHashTable *pages;  /* name → path */
  char *main;
  GHashTable *components; /* path → FcComponentClass */
  GHashTable *functions;  /* name → FcPluginFunctionSpec */
  GHashTable *values;     /* name → FcValue */
  GHashTable *page_scopes; /* page path → FcCallbackScope: its handlers */
};

struct _FcPluginContext
{
  FcPlugin *plugin;
};

struct _FcPluginInterface
{
  FcPlugin *plugin;
  FcValue *exported; /* the host's export, shared between plugins exporting one
                        file */
  FcApp *app;        /* the app declaring it (not a reference: the interface
                        lives in the app's declaration) */
  int subpackage;    /* where it is declared: -1 for the main package */
};

/* fc-plugin.c */
void fc_plugin_free (FcPlugin *p);
void fc_plugin_function_spec_free (gpointer p);
/* The handlers the module registered for its page at @path (a value of
 * plugin.json `pages`), or %NULL when it registered none. */
FcCallbackScope *fc_plugin_get_page_scope (FcPlugin *plugin, const char *path);

/* fc-plugin-files.c */
/* Parses @text as a JSON object; errors are `NAME:line:col: ...`. */
FcValue *fc_json_load (const char *text, const char *name, GError **error);
/* `NAME:line:col` of the first occurrence of the JSON string @needle in
 * @text (quoted), or `NAME` when absent. */
char *fc_json_where (const char *text, const char *name, const char *needle);
/* Normalises @rel against @base_dir (both relative to @root); refuses `..`
 * that leaves @root and absolute paths: the text alone, no file looked at. */
char *fc_path_normalize (const char *root, const char *base_dir, const char *rel,
                         gboolean allow_dotdot, const char *where,
                         const char *what, GError **error);
/* fc_path_normalize(), and refuses symlinks resolving outside @root. */
char *fc_path_confine (const char *root, const char *base_dir, const char *rel,
                       gboolean allow_dotdot, const char *where,
                       const char *what, GError **error);

/* fc-host-settings.c: a plugin provider's token (a secret: never logged,
 * never copied but to sign), or %NULL; and how a secret is freed (wiped
 * first). */
const char *fc_host_settings_peek_plugin_token (FcHostSettings *self,
                                                const char *provider);
void fc_secret_free (gpointer secret);

G_END_DECLS
