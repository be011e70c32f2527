/* fc-template-instance-private.h: `<template is>` and `<include>`
 * elements (fc-template-instance.c). */
#pragma once

#include "fc-page-private.h"

G_BEGIN_DECLS

const FcElementKind *fc_template_instance_get_template_kind (void);
const FcElementKind *fc_template_instance_get_include_kind (void);

G_END_DECLS
