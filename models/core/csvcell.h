#pragma once

#include <QByteArray>
#include <QString>

// One CSV cell, RFC 4180 quoted. A text cell that a spreadsheet would run as a formula (=, +, -, @
// first) gets a leading apostrophe: keys, actors and comments come from servers and agents.
QByteArray csvCell(const QString &text, bool isText = true);
