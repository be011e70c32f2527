/* fc-page-timers-private.h: a page's timeouts (fc-page-timers.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

void fc_page_remove_timeouts_of (FcPage *page, FcElement *owner);

G_END_DECLS
