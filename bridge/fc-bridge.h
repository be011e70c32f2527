/* fc-bridge.h: the component bridge, single include. */
#pragma once

#define FC_BRIDGE_INSIDE
#include "fc-bridge-macros.h"
#include "fc-bridge-error.h"
#include "fc-value.h"
#include "fc-fxml.h"
#include "fc-expr.h"
#include "fc-data.h"
#include "fc-component.h"
#include "fc-event.h"
#include "fc-page.h"
#include "fc-selector.h"
#include "fc-inline-style.h"
#include "fc-plugin.h"
#include "fc-host-settings.h"
#include "fc-host-sign.h"
#include "fc-app.h"
#include "fc-wxs.h"
#undef FC_BRIDGE_INSIDE
