/* fc-debug-private.h: the recorder's files' debug categories, each made
 * once, on the first call into its file (the files are reached from
 * threads of their own, so not from one library init). */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* Inside a function: makes the category CAT named NAME (DESCRIPTION)
 * the first time it runs, in whatever thread. */
#define FC_DEBUG_CATEGORY_INIT_ONCE(cat, name, description)                  \
  G_STMT_START                                                               \
  {                                                                          \
    static gsize fc_debug_once_ = 0;                                         \
    if (g_once_init_enter (&fc_debug_once_))                                 \
      {                                                                      \
        GST_DEBUG_CATEGORY_INIT (cat, name, 0, description);                 \
        g_once_init_leave (&fc_debug_once_, 1);                              \
      }                                                                      \
  }                                                                          \
  G_STMT_END

G_END_DECLS
