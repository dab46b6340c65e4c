#include "mcpcommand.h"

#include "agents/mcpserver.h"
#include "store/approvalsettings.h"
#include "store/auditcache.h"
#include "store/connectionsettings.h"
#include "store/proposalinbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>

#include <cstdio>
#include <cstring>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(McpCommand)
};

int cannotRun(const QString &error)
{
    std::fprintf(stderr, "flagdeck mcp: %s\n", qPrintable(error));
    return 2;
}

// One line from stdin, however long; beyond the limit the rest of the line is read and dropped,
// and tooLong is set, so a huge message costs no memory and still gets its error.
bool readLine(QByteArray &line, bool &tooLong)
{
    line.clear();
    tooLong = false;
    char buffer[65536];
    while (std::fgets(buffer, sizeof buffer, stdin)) {
        const size_t length = std::strlen(buffer);
        const bool complete = length > 0 && buffer[length - 1] == '\n';
        if (!tooLong) {
            line.append(buffer, qsizetype(complete ? length - 1 : length));
            if (line.size() > McpServer::MaxMessageBytes) {
                tooLong = true;
                line.clear();
            }
        }
        if (complete)
            return true;
    }
    return !line.isEmpty() || tooLong;
}

} // namespace

int runMcpCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("The MCP server for AI agents, over stdio: agents read flags and propose actions; people approve them "
                 "in FlagDeck. No tool changes a flag."));
    parser.addHelpOption();
    const QCommandLineOption inbox(QStringLiteral("inbox"), Text::tr("The SQLite inbox file (default: the console's)."),
                                   Text::tr("path"));
    const QCommandLineOption inboxUrl(QStringLiteral("inbox-url"),
                                      Text::tr("A team inbox on PostgreSQL: postgresql://role@host:port/database "
                                               "(the password from PGPASSWORD or ~/.pgpass)."),
                                      Text::tr("url"));
    const QCommandLineOption cache(QStringLiteral("cache"),
                                   Text::tr("The audit cache to read flags from (default: %1).").arg(AuditCache::defaultPath()),
                                   Text::tr("path"), AuditCache::defaultPath());
    parser.addOptions({inbox, inboxUrl, cache});
    if (!parser.parse(QStringList{QStringLiteral("flagdeck mcp")} + arguments))
        return cannotRun(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (parser.isSet(inbox) && parser.isSet(inboxUrl))
        return cannotRun(Text::tr("--inbox and --inbox-url cannot be combined"));
    if (parser.isSet(inboxUrl) && !ProposalInbox::isPostgresUrl(parser.value(inboxUrl)))
        return cannotRun(Text::tr("--inbox-url needs a postgresql:// URL"));

    QSettings settings;
    const QString location = parser.isSet(inbox)      ? parser.value(inbox)
                           : parser.isSet(inboxUrl) ? parser.value(inboxUrl)
                                                    : ApprovalSettings(settings).inboxLocation();
    ProposalInbox proposals;
    if (const Result<void> opened = proposals.open(location); !opened)
        return cannotRun(opened.error());
    AuditCache auditCache;
    if (const Result<void> opened = auditCache.open(parser.value(cache)); !opened)
        return cannotRun(opened.error());

    ConnectionSettings connections(settings);
    McpServer server({[&connections] { return connections.load(); }, [&auditCache] { return auditCache.cachedFlags(); }},
                     &proposals, QCoreApplication::applicationVersion());
    // stdout carries the protocol only; anything else goes to stderr.
    QByteArray line;
    bool tooLong = false;
    while (readLine(line, tooLong)) {
        const QByteArray message = tooLong ? QByteArray(McpServer::MaxMessageBytes + 1, ' ') : line;
        if (!tooLong && line.trimmed().isEmpty())
            continue;
        if (const std::optional<QByteArray> reply = server.handleMessage(message)) {
            std::fwrite(reply->constData(), 1, size_t(reply->size()), stdout);
            std::fputc('\n', stdout);
            std::fflush(stdout);
        }
    }
    return 0;
}
