/* fc-corpus-resolve.h: a corpus repository's custom components, found in
 * its own folders (fc-corpus-resolve.c), for fc-corpus-check. Paths are
 * relative to the repository's folder @repo, without a leading `/`. */
#pragma once

#include <fc-bridge.h>

G_BEGIN_DECLS

/* The folder (repository-relative, "" for the repository's) of the
 * mini-program @rel_file is in: the nearest holding app.json, or the
 * example mini-program a demo page is copied into; NULL for none. */
char *fc_corpus_mini_root (const char *repo, const char *rel_file);

/* The component (its path without extension) that the usingComponents
 * @path names in @rel_file, or NULL when the repository has none there. */
char *fc_corpus_resolve (const char *repo, const char *rel_file, const char *path);

typedef struct {
  char *text;             /* the JSON to hand the bridge */
  GHashTable *resolved;   /* tag → the component's path */
  GHashTable *unresolved; /* tag → the usingComponents path, as written */
  GHashTable *generics;   /* the componentGenerics' names (abstract nodes) */
} FcCorpusJson;

/* @json_text (NULL: `{}`) with its usingComponents, and app.json's global
 * ones under a mini-program's root (the file's own win), each written from
 * the root (`/packages/button/index`) where the repository has the
 * component, as written where not. FALSE when @json_text is not a JSON
 * object (out->text is then @json_text as it is). */
gboolean fc_corpus_rewrite_json (const char *repo, const char *rel_file, const char *json_text, FcCorpusJson *out);
void fc_corpus_json_clear (FcCorpusJson *json);

G_END_DECLS
