#include "auditcommand.h"

#include "connectors/flagserver.h"
#include "control/flagserverfactory.h"
#include "store/keychainsecretstore.h"
#include "control/auditsync.h"
#include "store/auditcache.h"
#include "store/auditexporter.h"
#include "store/auditverifier.h"
#include "store/auditwriter.h"
#include "store/connectionsettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

#include <cstdio>

namespace {

// Exit codes: 0 done (for verify: intact); 1 verify found tampering; 2 the command could not run.
constexpr int Tampered = 1;
constexpr int CannotRun = 2;

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommand)
};

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", qPrintable(text));
}

int cannotRun(const QString &error)
{
    printLine(stderr, QStringLiteral("flagdeck audit: %1").arg(error));
    return CannotRun;
}

QCommandLineOption databaseOption()
{
    return {QStringLiteral("db"), Text::tr("The audit cache file (default: %1).").arg(AuditCache::defaultPath()), Text::tr("path"),
            AuditCache::defaultPath()};
}

// An existing cache only: verifying or exporting a mistyped path must not create an empty one.
Result<void> openExisting(AuditCache &cache, const QString &path)
{
    if (!QFileInfo(path).isFile())
        return Result<void>::failure(Text::tr("there is no audit cache at %1").arg(path));
    return cache.open(path);
}

int verify(QCommandLineParser &parser)
{
    const QCommandLineOption database = databaseOption();
    parser.addOption(database);
    parser.process(QCoreApplication::arguments());
    AuditCache cache;
    if (const Result<void> opened = openExisting(cache, parser.value(database)); !opened)
        return cannotRun(opened.error());
    const AuditVerification result = verifyAuditChains(cache);
    if (!result.readError.isEmpty())
        return cannotRun(result.readError);
    if (!result.intact) {
        printLine(stdout, Text::tr("NOT INTACT: %1").arg(result.problem));
        return Tampered;
    }
    printLine(stdout, Text::tr("intact: %n entries", nullptr, int(result.entriesChecked))
                          + Text::tr(" in %n server chains", nullptr, int(result.heads.size())));
    for (const AuditChainHead &head : result.heads)
        printLine(stdout, Text::tr("head %1 #%2 %3").arg(head.server).arg(head.chainSeq).arg(QString::fromLatin1(head.hash)));
    return 0;
}

int exportEntries(QCommandLineParser &parser)
{
    const QCommandLineOption database = databaseOption();
    const QCommandLineOption format(QStringLiteral("format"), Text::tr("csv or ndjson."), Text::tr("format"));
    const QCommandLineOption since(QStringLiteral("since"), Text::tr("Entries at or after T: 2026-11-21, 2026-11-21T09:30 (UTC unless a zone is given), or an age such as 24h or 7d."), Text::tr("T"));
    const QCommandLineOption until(QStringLiteral("until"), Text::tr("Entries before T (same forms as --since)."), Text::tr("T"));
    const QCommandLineOption flag(QStringLiteral("flag"), Text::tr("Only this flag key."), Text::tr("key"));
    const QCommandLineOption server(QStringLiteral("server"), Text::tr("Only this server (connection id)."), Text::tr("id"));
    const QCommandLineOption environment(QStringLiteral("environment"), Text::tr("Only this environment."), Text::tr("name"));
    const QCommandLineOption actor(QStringLiteral("actor"), Text::tr("Only this actor."), Text::tr("name"));
    const QCommandLineOption actorKind(QStringLiteral("actor-kind"), Text::tr("Only human, agent, system or token."), Text::tr("kind"));
    const QCommandLineOption action(QStringLiteral("action"), Text::tr("Only this action (kill, restore, set_rollout, …)."), Text::tr("action"));
    const QCommandLineOption search(QStringLiteral("search"), Text::tr("Only entries containing these words."), Text::tr("words"));
    parser.addOptions({database, format, since, until, flag, server, environment, actor, actorKind, action, search});
    parser.process(QCoreApplication::arguments());

    const std::optional<AuditExportFormat> chosenFormat = auditExportFormatFromName(parser.value(format));
    if (!chosenFormat)
        return cannotRun(Text::tr("--format must be csv or ndjson"));
    AuditFilter filter;
    filter.flagKey = parser.value(flag);
    filter.server = parser.value(server);
    filter.environment = parser.value(environment);
    filter.actor = parser.value(actor);
    filter.action = parser.value(action);
    filter.text = parser.value(search);
    if (parser.isSet(actorKind)) {
        filter.actorKind = actorKindFromName(parser.value(actorKind));
        if (!filter.actorKind)
            return cannotRun(Text::tr("--actor-kind must be human, agent, system or token"));
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &[option, bound] : {std::pair{&since, &filter.sinceMs}, std::pair{&until, &filter.untilMs}}) {
        if (!parser.isSet(*option))
            continue;
        const Result<qint64> time = AuditFilter::parseTime(parser.value(*option), now);
        if (!time)
            return cannotRun(time.error());
        *bound = time.value();
    }

    AuditCache cache;
    if (const Result<void> opened = openExisting(cache, parser.value(database)); !opened)
        return cannotRun(opened.error());
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return cannotRun(Text::tr("cannot write to standard output"));
    if (const Result<qint64> written = AuditExporter::write(cache, filter, *chosenFormat, &out); !written)
        return cannotRun(written.error());
    return 0;
}

// Pulls every configured server's history into the cache, then exits: for cron, or before
// going offline.
int sync(QCommandLineParser &parser)
{
    const QCommandLineOption database = databaseOption();
    parser.addOption(database);
    parser.process(QCoreApplication::arguments());

    AuditWriter writer;
    if (const Result<void> opened = writer.open(parser.value(database)); !opened)
        return cannotRun(opened.error());
    QSettings settings;
    QList<ConnectionConfig> configs = ConnectionSettings(settings).load();
    if (configs.isEmpty())
        configs.append(ConnectionSettings::defaultSandbox(Text::tr("Sandbox")));

    KeychainSecretStore secrets;
    int running = 0;
    int failures = 0;
    std::vector<std::unique_ptr<FlagServer>> servers;
    std::vector<std::unique_ptr<AuditSync>> syncs;
    const auto finishOne = [&] {
        if (--running == 0)
            QCoreApplication::exit(failures == 0 ? 0 : CannotRun);
    };
    for (const ConnectionConfig &config : std::as_const(configs)) {
        std::unique_ptr<FlagServer> server(createFlagServer(config, &secrets));
        if (!server || !server->capabilities().testFlag(FlagServer::Capability::AuditHistory)) {
            printLine(stderr, Text::tr("%1: skipped, this version cannot read its history").arg(config.displayName));
            continue;
        }
        auto auditSync = std::make_unique<AuditSync>(server.get(), &writer);
        FlagServer *rawServer = server.get();
        AuditSync *rawSync = auditSync.get();
        ++running;
        QObject::connect(rawServer, &FlagServer::loaded, rawSync, [&, rawServer, rawSync] {
            if (rawServer->state() == ConnectionState::Failed) {
                printLine(stderr, Text::tr("%1: %2").arg(rawServer->displayName(), rawServer->stateDetail()));
                ++failures;
                finishOne();
                return;
            }
            rawSync->start();
        });
        QObject::connect(rawSync, &AuditSync::caughtUp, rawSync, [&, rawServer, rawSync] {
            printLine(stdout, Text::tr("%1: %n new entries", nullptr, int(rawSync->entriesFetched())).arg(rawServer->displayName()));
            rawServer->disconnect(rawSync);
            finishOne();
        });
        QObject::connect(rawSync, &AuditSync::failed, rawSync, [&, rawServer, rawSync](const QString &reason) {
            printLine(stderr, Text::tr("%1: %2").arg(rawServer->displayName(), reason));
            rawSync->disconnect();
            ++failures;
            finishOne();
        });
        servers.push_back(std::move(server));
        syncs.push_back(std::move(auditSync));
    }
    if (running == 0)
        return 0;
    for (const auto &server : servers)
        server->connectToServer();
    const int code = QCoreApplication::exec();
    syncs.clear();
    servers.clear();
    writer.flush();
    return code;
}

} // namespace

int runAuditCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QString verb = arguments.value(0);
    // Shows in the usage line: "flagdeck [options] audit verify".
    parser.addPositionalArgument(QStringLiteral("audit"), QString(), QStringLiteral("audit %1").arg(verb));
    const QString usage = Text::tr("usage: flagdeck audit verify|export|sync [options]; add --help after the verb for its options");
    if (verb == QLatin1String("verify")) {
        parser.setApplicationDescription(Text::tr("Checks every server's hash chain in the audit cache. Exits 0 when "
                                            "intact, 1 naming the first altered or missing entry, 2 when it "
                                            "cannot check."));
        return verify(parser);
    }
    if (verb == QLatin1String("export")) {
        parser.setApplicationDescription(Text::tr("Writes the audit entries the options select to standard output, "
                                            "oldest first, as CSV or NDJSON."));
        return exportEntries(parser);
    }
    if (verb == QLatin1String("sync")) {
        parser.setApplicationDescription(Text::tr("Pulls the history of every configured server into the audit cache."));
        return sync(parser);
    }
    return cannotRun(usage);
}
