/* fc-template-instance-private.h: `<template is>` and `<include>`
 * elements (fc-template-instance.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

const FcElementKind *fc_template_instance_kind_for (const FcFxmlNode *node);
gboolean fc_template_instance_is_declaration (const FcFxmlNode *node);

G_END_DECLS
