/* fc-bench-list.h: issue 16's list page in fc-bench-bridge. */
#pragma once

#include <fc-bridge.h>

/* Mounts bench/listpage's page @n_mount times, then sets one item's field
 * @n_ops times, checking what card 42 reads; prints both figures. */
void fc_bench_list (const char *root, FcRegistry *registry, FcCallbackScope *scope, int n_mount, int n_ops);
