#pragma once

#include <QStringList>

// `flagdeck mcp [--inbox PATH | --inbox-url URL] [--cache PATH]`: the MCP server agents talk to
// over stdio. arguments are the words after "mcp". Returns the exit code.
int runMcpCommand(const QStringList &arguments);
