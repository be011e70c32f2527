/* fc-event-mark-private.h: an event's `mark` (fc-event-mark.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

FcValue *fc_event_mark_collect (FcElement *target);

G_END_DECLS
