/* fc-page-markup.c: the markup files a page's markup names: `<import
 * src>` (their `<template name>`s become usable, not transitively) and
 * `<include src>` (their content but templates is placed there), loaded
 * once per page with the files they name in turn, and the template
 * lookup: a name used in a file resolves to that file's own template of
 * the name, else to one of a file it imports (glass-easel's order).
 * Paths are relative to the naming file or absolute from the
 * mini-program's root, confined there (fc_wxs_resolve_path()); files
 * come from memory (fc_page_add_file()) or the root folder
 * (fc_page_read_file()). */
#include <string.h>

#include "fc-page-markup-private.h"
#include "fc-page-doc-private.h"
#include "fc-page-signals-private.h"
#include "fc-page-files-private.h"
#include "fc-page-wxs-private.h"
#include "fc-wxs-private.h"

typedef struct _MarkupFile MarkupFile;
struct _MarkupFile {
  char *path;            /* from the root, normalised */
  SharedDoc *owned;      /* the parsed file (shared by the pages that load it,
                            fc-page-doc.c); NULL for the page's own markup */
  const FcFxmlNode *doc; /* its document node */
  GHashTable *templates; /* name → const FcFxmlNode * <template name>, its own */
  GPtrArray *imports;    /* MarkupFile * it imports, in order (not owned) */
  GHashTable *includes;  /* const FcFxmlNode * <include> → MarkupFile *, or NULL */
  gboolean loading;      /* its includes are being loaded (cycle check) */
};

struct _FcMarkupLib {
  GHashTable *by_path; /* path → MarkupFile (owned) */
  GHashTable *by_doc;  /* doc node → MarkupFile */
  GPtrArray *wxs;      /* the page's <wxs> then the loaded files', or NULL */
  GPtrArray *loaded;      /* the loaded files' markup (const FcFxmlNode *), each after the files it loads */
};

static void
markup_file_free (MarkupFile *f)
{
  g_free (f->path);
  g_clear_pointer (&f->owned, fc_shared_doc_unref);
  g_hash_table_unref (f->templates);
  g_ptr_array_unref (f->imports);
  if (f->includes)
    g_hash_table_unref (f->includes);
  g_free (f);
}

void
fc_markup_lib_free (FcMarkupLib *lib)
{
  if (!lib)
    return;
  g_hash_table_unref (lib->by_doc);
  g_hash_table_unref (lib->by_path);
  g_clear_pointer (&lib->loaded, g_ptr_array_unref);
  if (lib->wxs)
    g_ptr_array_unref (lib->wxs);
  g_free (lib);
}

static gboolean
is_tag (const FcFxmlNode *n, const char *tag)
{
  return n->type == FC_FXML_ELEMENT && strcmp (n->name, tag) == 0;
}

/* The document node @node is in. */
static const FcFxmlNode *
doc_of (const FcFxmlNode *node)
{
  while (node->parent)
    node = node->parent;
  return node;
}

/* The <template name>, <import>, <include> and <wxs> elements of @node
 * and below, in document order; template bodies included (a template may
 * hold an include, and a module). */
static void
collect (const FcFxmlNode *node, GPtrArray *out)
{
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      const FcFxmlNode *c = g_ptr_array_index (node->children, i);
      if (c->type != FC_FXML_ELEMENT)
        continue;
      if (is_tag (c, "import") || is_tag (c, "include") || fc_fxml_node_is_wxs (c)
          || (is_tag (c, "template") && fc_fxml_node_get_attribute (c, "name")))
        g_ptr_array_add (out, (gpointer) c);
      if (!fc_fxml_node_is_wxs (c))
        collect (c, out);
    }
}

/* A file's path from its `src`: `.wxml` is the platform's name for this
 * bridge's `.fxml`, and a name without an extension is either. Sets
 * *@alt to the other name to try when the first is not there. */
static char *
file_path (const char *from, const char *src, char **alt, GError **error)
{
  g_autofree char *p = fc_wxs_resolve_path (from, src, error);
  const char *base;

  *alt = NULL;
  if (!p)
    return NULL;
  base = strrchr (p, '/') ? strrchr (p, '/') + 1 : p;
  if (g_str_has_suffix (p, ".wxml"))
    {
      *alt = g_strdup (p);
      return g_strdup_printf ("%.*s.fxml", (int) strlen (p) - 5, p);
    }
  if (!strchr (base, '.'))
    {
      *alt = g_strdup_printf ("%s.wxml", p);
      return g_strdup_printf ("%s.fxml", p);
    }
  return g_steal_pointer (&p);
}

static MarkupFile *
file_new (FcMarkupLib *lib, const char *path, SharedDoc *owned, const FcFxmlNode *doc)
{
  MarkupFile *f = g_new0 (MarkupFile, 1);
  f->path = g_strdup (path);
  f->owned = owned;
  f->doc = doc;
  f->templates = g_hash_table_new (g_str_hash, g_str_equal);
  f->imports = g_ptr_array_new ();
  g_hash_table_insert (lib->by_path, f->path, f);
  g_hash_table_insert (lib->by_doc, (gpointer) doc, f);
  return f;
}

static gboolean load_file (FcPage *self, FcMarkupLib *lib, MarkupFile *f, GError **error);

/* The file @src names from @from's element @at: loaded (and what it names
 * in turn) unless it was already; NULL with a warning when it cannot be
 * read (glass-easel renders nothing for it), NULL with @error when it
 * leaves the root or does not parse. */
static MarkupFile *
file_for (FcPage *self, FcMarkupLib *lib, MarkupFile *from, const FcFxmlNode *at, GError **error)
{
  const FcFxmlAttribute *src = fc_fxml_node_get_attribute (at, "src");
  g_autoptr (GError) local = NULL;
  g_autofree char *path = NULL, *alt = NULL;
  g_autoptr (GBytes) text = NULL;
  const FcFxmlNode *doc;
  SharedDoc *shared;
  MarkupFile *f;

  if (!src || !src->value || !*src->value)
    {
      fc_page_emit_warning (self, at->line, at->col, "%s<%s> without a src: ignored",
                            from->owned ? from->path : "", at->name);
      return NULL;
    }
  if (!(path = file_path (from->path, src->value, &alt, &local)))
    {
      g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_PATH, "%s:%d:%d: <%s src=\"%s\">: %s",
                   from->owned ? from->path : self->filename, src->line, src->col, at->name, src->value,
                   local->message);
      return NULL;
    }
  if ((f = g_hash_table_lookup (lib->by_path, path)))
    return f;
  if (!(text = fc_page_read_file (self, path, &local)) && alt && local->code == FC_WXS_ERROR_NOT_FOUND)
    {
      g_clear_error (&local);
      text = fc_page_read_file (self, alt, &local);
    }
  if (!text)
    {
      if (local->code == FC_WXS_ERROR_BAD_PATH)
        {
          g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_BAD_PATH, "%s:%d:%d: <%s src=\"%s\">: %s",
                       from->owned ? from->path : self->filename, src->line, src->col, at->name, src->value,
                       local->message);
          return NULL;
        }
      fc_page_emit_warning (self, src->line, src->col, "%s%s<%s src=\"%s\">: %s: nothing is %s",
                            from->owned ? from->path : "", from->owned ? ": " : "", at->name, src->value,
                            local->message, is_tag (at, "import") ? "imported" : "included");
      return NULL;
    }
  /* parsed once for every page that loads it, like a page's markup */
  if (!(shared = fc_shared_doc_lookup (path, g_bytes_get_data (text, NULL), NULL, error)))
    return NULL;
  doc = fc_shared_doc_get_markup (shared);
  for (guint i = 0; doc->warnings && i < doc->warnings->len; i++)
    {
      const FcFxmlWarning *w = g_ptr_array_index (doc->warnings, i);
      fc_page_emit_warning (self, w->line, w->col, "%s: %s", path, w->message);
    }
  f = file_new (lib, path, shared, doc);
  return load_file (self, lib, f, error) ? f : NULL;
}

/* @f's templates, then the files it imports and includes, and its
 * modules. An include that leads back to a file whose includes are being
 * loaded would place that file inside itself without end: an error. */
static gboolean
load_file (FcPage *self, FcMarkupLib *lib, MarkupFile *f, GError **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect (f->doc, found);
  /* own templates first: a file's import of itself, or a cycle of
   * imports, finds them (glass-easel accepts import cycles) */
  for (guint i = 0; i < found->len; i++)
    {
      const FcFxmlNode *n = g_ptr_array_index (found, i);
      const FcFxmlAttribute *name = is_tag (n, "template") ? fc_fxml_node_get_attribute (n, "name") : NULL;
      if (name && name->value && !g_hash_table_contains (f->templates, name->value))
        g_hash_table_insert (f->templates, name->value, (gpointer) n);
    }
  f->loading = TRUE;
  for (guint i = 0; i < found->len; i++)
    {
      const FcFxmlNode *n = g_ptr_array_index (found, i);
      MarkupFile *to;

      if (fc_fxml_node_is_wxs (n))
        {
          if (f->owned)
            {
              if (!lib->wxs)
                lib->wxs = g_ptr_array_new ();
              g_ptr_array_add (lib->wxs, (gpointer) n);
            }
          continue;
        }
      if (!is_tag (n, "import") && !is_tag (n, "include"))
        continue;
      to = file_for (self, lib, f, n, error);
      if (!to)
        {
          if (error && *error)
            return FALSE;
          continue;
        }
      if (is_tag (n, "import"))
        g_ptr_array_add (f->imports, to);
      else
        {
          if (to->loading)
            {
              g_set_error (error, FC_BRIDGE_ERROR, FC_BRIDGE_ERROR_RECURSION,
                           "%s:%d:%d: <include src=\"%s\"> includes %s inside itself",
                           f->owned ? f->path : self->filename, n->line, n->col,
                           fc_fxml_node_get_attribute (n, "src")->value, to->path);
              return FALSE;
            }
          if (!f->includes)
            f->includes = g_hash_table_new (NULL, NULL);
          g_hash_table_insert (f->includes, (gpointer) n, to);
        }
    }
  f->loading = FALSE;
  /* what an included file shows must resolve like the page's own tags:
   * the page validates it (fc_page_markup_get_loaded()) */
  if (f->owned)
    g_ptr_array_add (self->markup->loaded, (gpointer) f->doc);
  return TRUE;
}

/* The markup of the files the page's imports and includes loaded, each
 * after the files it loads itself; NULL when it loaded none. */
const GPtrArray *
fc_page_markup_get_loaded (FcPage *self)
{
  return self->markup ? self->markup->loaded : NULL;
}

/**
 * fc_page_markup_load:
 * @self: a page whose markup is parsed
 * @error: return location for a %FC_BRIDGE_ERROR error
 *
 * Loads the files the page's markup imports and includes, and theirs.
 * A page without templates, imports or includes gets nothing.
 */
gboolean
fc_page_markup_load (FcPage *self, GError **error)
{
  FcMarkupLib *lib;
  MarkupFile *page;

  if (!fc_shared_doc_uses_templates (self->shared_doc))
    return TRUE;
  lib = g_new0 (FcMarkupLib, 1);
  lib->by_path = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) markup_file_free);
  lib->by_doc = g_hash_table_new (NULL, NULL);
  lib->loaded = g_ptr_array_new ();
  self->markup = lib;
  {
    g_autofree char *path = fc_wxs_resolve_path (NULL, self->root_page_path ? self->root_page_path : self->filename,
                                                 NULL);
    page = file_new (lib, path ? path : "page.fxml", NULL, self->doc);
  }
  return load_file (self, lib, page, error);
}

/**
 * fc_page_markup_get_wxs:
 * @self: a page
 * @own: (nullable) (element-type FcFxmlNode): its markup's `<wxs>` elements
 *
 * Returns: (nullable) (element-type FcFxmlNode) (transfer none): @own,
 *   then those of the files it imports and includes
 */
const GPtrArray *
fc_page_markup_get_wxs (FcPage *self, const GPtrArray *own)
{
  FcMarkupLib *lib = self->markup;
  if (!lib || !lib->wxs)
    return own;
  for (guint i = 0; own && i < own->len; i++)
    g_ptr_array_insert (lib->wxs, (int) i, g_ptr_array_index (own, i));
  return lib->wxs;
}

/**
 * fc_page_markup_file_of:
 * @self: a page
 * @node: a node of its markup or of a file it loaded
 *
 * Returns: (nullable): the path from the root of the file @node is in,
 *   when it is not the page's own markup
 */
const char *
fc_page_markup_file_of (FcPage *self, const FcFxmlNode *node)
{
  MarkupFile *f = self->markup ? g_hash_table_lookup (self->markup->by_doc, doc_of (node)) : NULL;
  return f && f->owned ? f->path : NULL;
}

/**
 * fc_page_markup_lookup_template:
 * @self: a page
 * @at: the `<template is>` element naming it
 * @name: the template's name
 *
 * Returns: (nullable): the `<template name>` element @name means in the
 *   file of @at: its own, else the last of its imports' own
 */
const FcFxmlNode *
fc_page_markup_lookup_template (FcPage *self, const FcFxmlNode *at, const char *name)
{
  MarkupFile *f = self->markup ? g_hash_table_lookup (self->markup->by_doc, doc_of (at)) : NULL;
  const FcFxmlNode *t;

  if (!f)
    return NULL;
  if ((t = g_hash_table_lookup (f->templates, name)))
    return t;
  for (guint i = f->imports->len; i > 0; i--)
    if ((t = g_hash_table_lookup (((MarkupFile *) g_ptr_array_index (f->imports, i - 1))->templates, name)))
      return t;
  return NULL;
}

/**
 * fc_page_markup_lookup_include:
 * @self: a page
 * @at: an `<include>` element
 *
 * Returns: (nullable): the document node of the file @at includes, or
 *   %NULL when it could not be read (a warning said so at load)
 */
const FcFxmlNode *
fc_page_markup_lookup_include (FcPage *self, const FcFxmlNode *at)
{
  MarkupFile *f = self->markup ? g_hash_table_lookup (self->markup->by_doc, doc_of (at)) : NULL;
  MarkupFile *to = f && f->includes ? g_hash_table_lookup (f->includes, at) : NULL;
  return to ? to->doc : NULL;
}
