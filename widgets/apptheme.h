#pragma once

#include "core/preferences.h"

// Light, dark, or whatever the desktop uses. Light and dark are Qt's Fusion style with a palette
// of their own, so they look the same on every desktop; "as the system" restores what the
// application started with.
class AppTheme
{
public:
    static void apply(Preferences::Theme theme);
    // True when windows are dark, whichever way they got so: colours that carry meaning brighten.
    static bool isDark();
};
