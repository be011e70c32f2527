/* fc-page-signals-private.h: emitting the page's signals (fc-page-signals.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

void fc_page_signals_install (GType type);
void fc_page_emit_warning (FcPage *page, int line, int col, const char *fmt, ...) G_GNUC_PRINTF (4, 5);
void fc_element_emit_warning_at (FcElement *el, int line, int col, const char *fmt, ...) G_GNUC_PRINTF (4, 5);
void fc_shadow_emit_warning_at (FcPage *page, FcShadow *in, int line, int col, const char *fmt, ...) G_GNUC_PRINTF (5, 6);
void fc_page_emit_navigate (FcPage *page, const char *url);
void fc_page_emit_property_changed (FcPage *page, FcElement *el, const char *name, FcValue *value);
void fc_page_emit_element_changed (FcPage *page, FcElement *el, const char *what);
void fc_page_emit_children_changed (FcPage *page, FcElement *el);

G_END_DECLS
