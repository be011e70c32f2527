/* What a page's element tree shows, as text a test can compare: tag#id,
 * children in (), a component's template in {}, text in quotes; wx:if,
 * wx:for, <template is>, <include> and shadow roots are transparent. */
#pragma once

#include <fc-bridge.h>

G_BEGIN_DECLS

/* Appends @el and what is below it to @out. */
void fc_test_dump_element (FcElement *el, GString *out);

G_END_DECLS
