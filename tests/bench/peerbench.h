#pragma once

// FlagDeck beside Unleash's own web console, on the same real unleash-server (issue 19, item 4).
// Prints the figures of both and their ratios; returns false, having said why on standard output
// and standard error, when either side could not be measured (no number is printed then).
bool peerUnleashUi();
