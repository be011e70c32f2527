/* fc-virtual-keyboard.h: the whole keyboard library, core and GTK view. */
#pragma once

#include "fc-virtual-keyboard-core.h"
#include "fc-keyboard-view.h"
