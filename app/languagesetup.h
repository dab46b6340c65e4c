#pragma once

#include <QString>

// Installs FlagDeck's catalogue and Qt's own for the chosen language (empty: the system's), with
// English and its plural forms for any language FlagDeck has no catalogue for. The translators
// belong to the application. Used by main() and by the GUI tests, so both show the same words.
void installTranslations(const QString &language);
