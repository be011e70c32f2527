/* The resource loader's error domain (see fc-resource-error.h). */
#include "fc-resource-error.h"

/* clang-format off: the domain's name is its text */
G_DEFINE_QUARK (fc-resource-error, fc_resource_error)
/* clang-format on */
