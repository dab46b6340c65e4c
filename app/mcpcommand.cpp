#include "mcpcommand.h"

#include "agents/mcpserver.h"
#include "store/approvalsettings.h"
#include "store/auditcache.h"
#include "store/changehistory.h"
#include "store/connectionsettings.h"
#include "store/proposalinbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
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

bool samePath(const QString &a, const QString &b)
{
    return QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath();
}

// A SQLite inbox is made only where a console reads (the default, or the one its settings name)
// or when asked to: anywhere else, a missing file is a typo, and proposals sent there would wait
// in a file no reviewer ever sees.
Result<void> checkSqliteInbox(const QString &path, bool mayCreate, const QString &consoleInbox)
{
    const QFileInfo file(path);
    if (file.isDir())
        return Result<void>::failure(Text::tr("--inbox %1 is a folder; give the inbox file").arg(path));
    if (file.exists() || mayCreate || samePath(path, consoleInbox) || samePath(path, ProposalInbox::defaultPath()))
        return {};
    return Result<void>::failure(Text::tr("there is no inbox at %1: give the inbox a console reads (this machine's is "
                                          "%2), or add --create-inbox to start a new one there")
                                     .arg(path, ProposalInbox::displayLocation(consoleInbox)));
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
    const QCommandLineOption inbox(QStringLiteral("inbox"),
                                   Text::tr("The SQLite inbox file (default: the console's). It must exist, unless it is "
                                            "the console's or --create-inbox is given."),
                                   Text::tr("path"));
    const QCommandLineOption createInbox(QStringLiteral("create-inbox"),
                                         Text::tr("Make the --inbox file if it does not exist yet."));
    const QCommandLineOption inboxUrl(QStringLiteral("inbox-url"),
                                      Text::tr("A team inbox on PostgreSQL: postgresql://role@host:port/database "
                                               "(the password from PGPASSWORD or ~/.pgpass)."),
                                      Text::tr("url"));
    const QCommandLineOption cache(QStringLiteral("cache"),
                                   Text::tr("The audit cache to read flags from (default: %1). It must exist, unless it "
                                            "is the default.")
                                       .arg(AuditCache::defaultPath()),
                                   Text::tr("path"), AuditCache::defaultPath());
    parser.addOptions({inbox, createInbox, inboxUrl, cache});
    if (!parser.parse(QStringList{QStringLiteral("flagdeck mcp")} + arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (unknown.isEmpty())
            return cannotRun(parser.errorText());
        const QString name = unknown.constFirst();
        return cannotRun(Text::tr("unknown option %1 (see flagdeck mcp --help)")
                             .arg((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name));
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return cannotRun(Text::tr("unexpected argument '%1' (see flagdeck mcp --help)").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(inbox) && parser.isSet(inboxUrl))
        return cannotRun(Text::tr("--inbox and --inbox-url cannot be combined"));
    if (parser.isSet(inboxUrl) && !ProposalInbox::isPostgresUrl(parser.value(inboxUrl)))
        return cannotRun(Text::tr("--inbox-url needs a postgresql:// URL"));
    if (parser.isSet(createInbox) && !parser.isSet(inbox))
        return cannotRun(Text::tr("--create-inbox goes with --inbox PATH"));

    QSettings settings;
    const QString consoleInbox = ApprovalSettings(settings).inboxLocation();
    const QString location = parser.isSet(inbox)      ? parser.value(inbox)
                           : parser.isSet(inboxUrl) ? parser.value(inboxUrl)
                                                    : consoleInbox;
    if (parser.isSet(inbox)) {
        if (const Result<void> usable = checkSqliteInbox(location, parser.isSet(createInbox), consoleInbox); !usable)
            return cannotRun(usable.error());
    }
    // Only the console writes the cache: a missing one elsewhere than the default is a typo, and
    // an agent reading it would see no flags at all.
    const QString cachePath = parser.value(cache);
    if (!QFileInfo(cachePath).isFile() && !samePath(cachePath, AuditCache::defaultPath()))
        return cannotRun(Text::tr("there is no audit cache at %1 (the console's is %2)").arg(cachePath, AuditCache::defaultPath()));
    ProposalInbox proposals;
    if (const Result<void> opened = proposals.open(location); !opened)
        return cannotRun(opened.error());
    AuditCache auditCache;
    if (const Result<void> opened = auditCache.open(cachePath); !opened)
        return cannotRun(opened.error());

    ChangeHistory history;
    if (const Result<void> opened = history.open(cachePath); !opened)
        return cannotRun(opened.error());
    ConnectionSettings connections(settings);
    McpServer server({[&connections] { return connections.load(); }, [&auditCache] { return auditCache.cachedFlags(); },
                      &history},
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
