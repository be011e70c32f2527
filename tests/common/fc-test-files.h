/* Files for tests: each test works in a temporary directory of its own and
 * removes it at the end. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes PATH and everything below it; symlinks are removed, never
 * followed. A missing PATH is fine. */
void fc_test_remove_tree (const char *path);

/* A new temporary directory (named after TEMPLATE, "fc-…-XXXXXX") holding
 * FILES: pairs of a relative path and its text, ended by NULL; the folders
 * on the paths are made. Free with g_free(), remove with
 * fc_test_remove_tree(). */
char *fc_test_make_tree (const char *template, const char *const *files);

/* The platform's request signature, computed the test's own way: the four
 * ASCII values sorted bytewise (JavaScript's order for ASCII), joined,
 * SHA-1 in hex. What the bridge's signer is checked against. */
char *fc_test_reference_signature (const char *appid, const char *nonce, const char *timestamp,
                                   const char *token);

G_END_DECLS
