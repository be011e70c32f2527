/* fc-virtual-keyboard-core.h: everything of the keyboard that needs no GTK. */
#pragma once

#include "fc-keyboard-clock.h"
#include "fc-keyboard-color.h"
#include "fc-keyboard-export.h"
#include "fc-keyboard.h"
