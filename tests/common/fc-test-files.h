/* Files for tests: each test works in a temporary directory of its own and
 * removes it at the end. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes PATH and everything below it; symlinks are removed, never
 * followed. A missing PATH is fine. */
void fc_test_remove_tree (const char *path);

G_END_DECLS
