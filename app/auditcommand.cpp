#include "auditcommand.h"

#include "connectors/flagserver.h"
#include "control/flagserverfactory.h"
#include "store/keychainsecretstore.h"
#include "control/auditsync.h"
#include "core/flagaction.h"
#include "store/auditcache.h"
#include "store/auditexporter.h"
#include "store/auditverifier.h"
#include "store/auditlookup.h"
#include "store/auditwriter.h"
#include "store/connectionsettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSqlQuery>

#include <cstdio>
#include <optional>

namespace {

// Exit codes: 0 done (for verify: intact); 1 verify found tampering; 2 the command could not run,
// a usage error among them, so that a typo in a cron job never reads as tampering.
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

int usageError(const QString &command, const QString &error)
{
    printLine(stderr, QStringLiteral("%1: %2").arg(command, error));
    return CannotRun;
}

QCommandLineOption databaseOption()
{
    return {QStringLiteral("db"), Text::tr("The audit cache file (default: %1).").arg(AuditCache::defaultPath()), Text::tr("path"),
            AuditCache::defaultPath()};
}

// The words after the verb: a usage error (exit 2) names the bad option or word, --help prints
// the verb's options (exit 0); nullopt when the command should run.
std::optional<int> parseVerb(QCommandLineParser &parser, const QString &verb, const QStringList &words)
{
    const QString command = QStringLiteral("flagdeck audit ") + verb;
    if (!parser.parse(QStringList{command} + words)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (unknown.isEmpty())
            return usageError(command, parser.errorText());
        const QString name = unknown.constFirst();
        return usageError(command, Text::tr("unknown option %1 (see %2 --help)")
                                       .arg((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name, command));
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(command, Text::tr("unexpected argument '%1' (see %2 --help)")
                                       .arg(parser.positionalArguments().constFirst(), command));
    return std::nullopt;
}

// An existing cache only: verifying or exporting a mistyped path must not create an empty one.
Result<void> openExisting(AuditCache &cache, const QString &path)
{
    if (!QFileInfo(path).isFile())
        return Result<void>::failure(Text::tr("there is no audit cache at %1").arg(path));
    return cache.open(path);
}

// What --action may name: FlagDeck's own actions, its stage holds, proposal lifecycle entries
// (proposal:ACTION), and the servers' own words this cache holds (create, feature-updated, …),
// which are open-ended and so are looked up rather than listed.
Result<void> checkAction(const AuditCache &cache, const QString &action)
{
    QStringList own;
    QStringList proposals;
    for (FlagAction known : {FlagAction::Kill, FlagAction::Restore, FlagAction::SetRollout, FlagAction::AdvanceStage,
                             FlagAction::RollbackStage, FlagAction::ServeFallback}) {
        own.append(flagActionName(known));
        proposals.append(QStringLiteral("proposal:") + flagActionName(known));
    }
    own << AuditLookup::pauseAction() << AuditLookup::resumeAction();
    if (own.contains(action) || proposals.contains(action))
        return {};
    QStringList stored;
    QSqlQuery query(cache.database());
    query.setForwardOnly(true);
    if (query.exec(QStringLiteral("SELECT DISTINCT action FROM audit_events ORDER BY action"))) {
        while (query.next())
            stored.append(query.value(0).toString());
    }
    if (stored.contains(action))
        return {};
    stored.removeIf([&](const QString &name) { return own.contains(name) || proposals.contains(name); });
    const QString servers = stored.isEmpty() ? Text::tr("none") : stored.join(QStringLiteral(", "));
    return Result<void>::failure(Text::tr("--action %1 is not an action: use %2, proposal:ACTION for a proposal's "
                                          "lifecycle (e.g. proposal:kill), or a server's own action this cache holds "
                                          "(%3)")
                                     .arg(action, own.join(QStringLiteral(", ")), servers));
}

// Its lines are for scripts as much as for people: they read the same in every language.
int verify(QCommandLineParser &parser, const QStringList &words)
{
    const QCommandLineOption database = databaseOption();
    parser.addOption(database);
    if (const std::optional<int> done = parseVerb(parser, QStringLiteral("verify"), words))
        return *done;
    AuditCache cache;
    if (const Result<void> opened = openExisting(cache, parser.value(database)); !opened)
        return cannotRun(opened.error());
    const AuditVerification result = verifyAuditChains(cache);
    if (!result.readError.isEmpty())
        return cannotRun(result.readError);
    if (!result.intact) {
        printLine(stdout, QStringLiteral("NOT INTACT: %1").arg(result.problem));
        return Tampered;
    }
    const auto counted = [](qint64 count, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? one : many));
    };
    printLine(stdout, QStringLiteral("intact: %1 in %2")
                          .arg(counted(result.entriesChecked, "entry", "entries"),
                               counted(result.heads.size(), "server chain", "server chains")));
    for (const AuditChainHead &head : result.heads)
        printLine(stdout, QStringLiteral("head %1 #%2 %3").arg(head.server).arg(head.chainSeq).arg(QString::fromLatin1(head.hash)));
    return 0;
}

int exportEntries(QCommandLineParser &parser, const QStringList &words)
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
    if (const std::optional<int> done = parseVerb(parser, QStringLiteral("export"), words))
        return *done;

    if (!parser.isSet(format))
        return cannotRun(Text::tr("--format is required: csv or ndjson"));
    const std::optional<AuditExportFormat> chosenFormat = auditExportFormatFromName(parser.value(format));
    if (!chosenFormat)
        return cannotRun(Text::tr("--format must be csv or ndjson; got \"%1\"").arg(parser.value(format)));
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
    // An empty range would export nothing and look like a quiet history.
    if (filter.sinceMs && filter.untilMs && *filter.sinceMs >= *filter.untilMs)
        return cannotRun(Text::tr("--since %1 is not before --until %2: nothing could match")
                             .arg(parser.value(since), parser.value(until)));

    AuditCache cache;
    if (const Result<void> opened = openExisting(cache, parser.value(database)); !opened)
        return cannotRun(opened.error());
    if (!filter.action.isEmpty()) {
        if (const Result<void> known = checkAction(cache, filter.action); !known)
            return cannotRun(known.error());
    }
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return cannotRun(Text::tr("cannot write to standard output"));
    if (const Result<qint64> written = AuditExporter::write(cache, filter, *chosenFormat, &out); !written)
        return cannotRun(written.error());
    return 0;
}

// Pulls every configured server's history into the cache, then exits: for cron, or before
// going offline.
int sync(QCommandLineParser &parser, const QStringList &words)
{
    const QCommandLineOption database = databaseOption();
    parser.addOption(database);
    if (const std::optional<int> done = parseVerb(parser, QStringLiteral("sync"), words))
        return *done;

    // A first sync may make the cache; a mistyped folder must not be made along with it.
    const QFileInfo target(parser.value(database));
    if (target.absoluteFilePath() != QFileInfo(AuditCache::defaultPath()).absoluteFilePath() && !target.isFile()
        && !target.absoluteDir().exists())
        return cannotRun(Text::tr("there is no folder %1 for the audit cache").arg(target.absolutePath()));
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
    const QStringList words = arguments.mid(1);
    // Shows in the usage line: "flagdeck [options] audit verify".
    parser.addPositionalArgument(QStringLiteral("audit"), QString(), QStringLiteral("audit %1").arg(verb));
    if (verb == QLatin1String("verify")) {
        parser.setApplicationDescription(Text::tr("Checks every server's hash chain in the audit cache. Exits 0 when "
                                            "intact, 1 naming the first altered or missing entry, 2 when it "
                                            "cannot check."));
        return verify(parser, words);
    }
    if (verb == QLatin1String("export")) {
        parser.setApplicationDescription(Text::tr("Writes the audit entries the options select to standard output, "
                                            "oldest first, as CSV or NDJSON."));
        return exportEntries(parser, words);
    }
    if (verb == QLatin1String("sync")) {
        parser.setApplicationDescription(Text::tr("Pulls the history of every configured server into the audit cache."));
        return sync(parser, words);
    }
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h") || verb == QLatin1String("--help-all")) {
        printLine(stdout, Text::tr("Usage: flagdeck audit verify|export|sync [options]\n\n"
                                   "The audit cache without a window, for a terminal, a script or a team's CI.\n\n"
                                   "  verify  checks every server's hash chain: exits 0 intact, 1 altered or missing "
                                   "entry, 2 cannot check\n"
                                   "  export  writes the selected entries to standard output as CSV or NDJSON\n"
                                   "  sync    pulls the history of every configured server into the cache\n\n"
                                   "Add --help after a command for its options. Exit code 2 is also a usage error."));
        return 0;
    }
    const QString flagdeck = QStringLiteral("flagdeck");
    if (verb.isEmpty())
        return usageError(flagdeck, Text::tr("flagdeck audit needs a command: use verify, export or sync (see flagdeck "
                                             "audit --help)"));
    if (verb.startsWith(QLatin1Char('-')))
        return usageError(flagdeck, Text::tr("flagdeck audit needs its command before %1: flagdeck audit "
                                             "verify|export|sync [options]")
                                        .arg(verb));
    return usageError(flagdeck, Text::tr("unknown command '%1' for flagdeck audit: use verify, export or sync").arg(verb));
}
