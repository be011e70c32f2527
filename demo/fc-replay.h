#pragma once

#include <glib.h>

G_BEGIN_DECLS

int fc_replay_run (const char *file, GString *out);

G_END_DECLS
