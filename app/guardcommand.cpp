#include "guardcommand.h"

#include "control/consolecontroller.h"
#include "control/guardrailwatcher.h"
#include "core/connectionconfig.h"
#include "metrics/trafficsimulator.h"
#include "store/approvalsettings.h"
#include "store/auditcache.h"
#include "store/auditwriter.h"
#include "store/connectionsettings.h"
#include "store/contractlibrary.h"
#include "store/filesecretstore.h"
#include "store/guardlease.h"
#include "store/preferencesettings.h"
#include "store/proposalinbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QSocketNotifier>
#include <QSysInfo>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(GuardCommand)
};

int cannotRun(const QString &error)
{
    std::fprintf(stderr, "flagdeck guard: %s\n", qPrintable(error));
    return 2;
}

// One line per event, as key=value pairs (logfmt) that log shippers split. Under systemd
// (JOURNAL_STREAM set) each line starts with its syslog priority, which journald reads.
class GuardLog
{
public:
    enum Priority { Error = 3, Warning = 4, Notice = 5, Info = 6 };

    explicit GuardLog(QString guardId)
        : m_guardId(std::move(guardId))
        , m_journal(qEnvironmentVariableIsSet("JOURNAL_STREAM"))
    {
    }

    void write(Priority priority, const char *event, const QList<std::pair<const char *, QString>> &fields = {}) const
    {
        QString line = m_journal ? QStringLiteral("<%1>").arg(int(priority))
                                 : QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char(' ')
                                       + QLatin1String(priorityName(priority)) + QLatin1Char(' ');
        line += QStringLiteral("event=%1 guard=%2").arg(QLatin1String(event), quoted(m_guardId));
        for (const auto &[key, value] : fields) {
            if (!value.isEmpty())
                line += QLatin1Char(' ') + QLatin1String(key) + QLatin1Char('=') + quoted(value);
        }
        std::fprintf(stderr, "%s\n", line.toUtf8().constData());
        std::fflush(stderr);
    }

private:
    static const char *priorityName(Priority priority)
    {
        switch (priority) {
        case Error: return "error";
        case Warning: return "warning";
        case Notice: return "notice";
        case Info: return "info";
        }
        return "info";
    }

    static QString quoted(QString value)
    {
        const bool plain = !value.isEmpty()
            && std::none_of(value.cbegin(), value.cend(), [](QChar c) {
                   return c.isSpace() || c == QLatin1Char('"') || c == QLatin1Char('=') || c == QLatin1Char('\\');
               });
        if (plain)
            return value;
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""))
            .replace(QLatin1Char('\n'), QStringLiteral("\\n"))
            .replace(QLatin1Char('\r'), QStringLiteral("\\r"))
            .replace(QLatin1Char('\t'), QStringLiteral("\\t"));
        return QLatin1Char('"') + value + QLatin1Char('"');
    }

    QString m_guardId;
    bool m_journal;
};

// SIGTERM and SIGINT end the event loop, so the guard gives up its lead before it goes.
int stopSignalPipe[2] = {-1, -1};

void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(stopSignalPipe[1], &byte, 1);
}

void quitOnStopSignals(QObject *context)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, stopSignalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(stopSignalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

QString flagText(const FlagRef &ref)
{
    return ref.key + QLatin1Char('@') + ref.environment;
}

// The command line, as parsed.
struct GuardOptions
{
    QCommandLineOption config{QStringLiteral("config"),
                              Text::tr("The guard's settings: its connections, approvals/inbox (the team inbox's "
                                       "postgresql:// URL) and contracts/folder, in the console's settings format."),
                              Text::tr("file")};
    QCommandLineOption credentials{
        QStringLiteral("credentials"),
        Text::tr("The folder of token files, one per connection, named by the connection's id, readable by the "
                 "guard's user only (default: $CREDENTIALS_DIRECTORY, as systemd's LoadCredential= sets it)."),
        Text::tr("folder")};
    QCommandLineOption name{QStringLiteral("name"), Text::tr("How consoles and the audit name this guard (default: guard@host)."),
                            Text::tr("name")};
    QCommandLineOption contracts{QStringLiteral("contracts"),
                                 Text::tr("The contracts folder, instead of the one in the settings."), Text::tr("folder")};
    QCommandLineOption regression{
        QStringLiteral("sandbox-regression"),
        Text::tr("For a trial on the sandbox: make its traffic regress, FLAG:VARIATION:METRIC:FACTOR[@SECONDS], e.g. "
                 "chat-model-route:distilled_small:p95_latency:1.4 (may be repeated). With --simulated-traffic, any "
                 "connection's flag."),
        Text::tr("regression")};
    QCommandLineOption drill{
        QStringLiteral("simulated-traffic"),
        Text::tr("A drill: guardrail data for every connection comes from the sandbox's traffic simulator (with "
                 "--sandbox-regression), so the response can be practised against a staging server. It acts on "
                 "made-up numbers: never point it at production.")};
};

// What a guard runs with, every part checked.
struct GuardSetup
{
    QString inboxLocation;
    QString contractsFolder;
    QList<InjectedRegression> regressions;
    QString host;
    QString guardId;
    bool drill = false;
};

// Everything a guard needs is checked before it connects anywhere: a service that starts with a
// bad configuration stops at once with a sentence that says what to fix. Token files are handed
// to secrets.
Result<GuardSetup> readSetup(const QCommandLineParser &parser, const GuardOptions &options, QSettings &settings,
                             FileSecretStore &secrets)
{
    const QString configPath = parser.value(options.config);
    GuardSetup setup;
    setup.inboxLocation = settings.value(QStringLiteral("approvals/inbox")).toString();
    if (!ProposalInbox::isPostgresUrl(setup.inboxLocation))
        return Result<GuardSetup>::failure(Text::tr("%1 must set approvals/inbox to the team inbox's postgresql:// URL: "
                                                    "guards and consoles meet there")
                                               .arg(configPath));

    const QList<ConnectionConfig> connections = ConnectionSettings(settings).load();
    if (connections.isEmpty())
        return Result<GuardSetup>::failure(Text::tr("%1 configures no connections").arg(configPath));
    const QString credentialsFolder = parser.isSet(options.credentials) ? parser.value(options.credentials)
                                                                        : qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    for (const ConnectionConfig &connection : connections) {
        if (connection.kind == ConnectionConfig::Kind::Sandbox)
            continue;
        if (credentialsFolder.isEmpty())
            return Result<GuardSetup>::failure(Text::tr("%1 needs a token: give --credentials FOLDER or run under "
                                                        "systemd with LoadCredential=%2:PATH")
                                                   .arg(connection.displayName, connection.id));
        if (const Result<void> added = secrets.addFile(connection.secretRef, QDir(credentialsFolder).filePath(connection.id));
            !added)
            return Result<GuardSetup>::failure(Text::tr("%1: %2").arg(connection.displayName, added.error()));
    }

    setup.contractsFolder = parser.isSet(options.contracts) ? parser.value(options.contracts)
                                                            : PreferenceSettings(settings).load().contractsFolder;
    if (setup.contractsFolder.isEmpty())
        return Result<GuardSetup>::failure(
            Text::tr("no contracts folder: set contracts/folder in %1 or give --contracts").arg(configPath));
    if (!QFileInfo(setup.contractsFolder).isDir())
        return Result<GuardSetup>::failure(Text::tr("the contracts folder %1 does not exist").arg(setup.contractsFolder));
    if (loadContractFolder(setup.contractsFolder).hasErrors())
        return Result<GuardSetup>::failure(
            Text::tr("the contracts in %1 have errors; see flagdeck contracts check %1").arg(setup.contractsFolder));

    setup.drill = parser.isSet(options.drill);
    // A drill may regress any server's flags; otherwise only the sandbox's traffic is simulated,
    // and a regression it could never show must stop the start rather than pass in silence.
    const bool hasSandbox = std::any_of(connections.cbegin(), connections.cend(), [](const ConnectionConfig &connection) {
        return connection.kind == ConnectionConfig::Kind::Sandbox;
    });
    for (const QString &text : parser.values(options.regression)) {
        Result<InjectedRegression> parsed = InjectedRegression::parse(text);
        if (!parsed)
            return Result<GuardSetup>::failure(parsed.error());
        setup.regressions.append(std::move(parsed).value());
    }
    if (!setup.regressions.isEmpty() && !setup.drill) {
        if (!hasSandbox)
            return Result<GuardSetup>::failure(Text::tr("--sandbox-regression acts on a sandbox connection and %1 "
                                                        "configures none: add one, or make it a drill with "
                                                        "--simulated-traffic")
                                                   .arg(configPath));
        const QList<Contract> teamContracts = loadContractFolder(setup.contractsFolder).contracts;
        for (const InjectedRegression &regression : std::as_const(setup.regressions)) {
            if (const Result<void> checked = regression.checkOnSandbox(teamContracts); !checked)
                return Result<GuardSetup>::failure(QStringLiteral("--sandbox-regression: %1").arg(checked.error()));
        }
    }
    setup.host = QSysInfo::machineHostName();
    setup.guardId = parser.isSet(options.name) ? parser.value(options.name) : QStringLiteral("guard@") + setup.host;
    return setup;
}

// Every event worth a line: the lead, the inbox, the servers, regressions and what was done.
void logEvents(const GuardLog &log, ConsoleController &controller, GuardLease &lease)
{
    const auto server = [&controller](const FlagRef &ref) { return controller.flagStore()->serverName(ref.connectionId); };
    QObject::connect(&lease, &GuardLease::leadingChanged, &controller, [&log](bool leading) {
        if (leading)
            log.write(GuardLog::Notice, "leading", {{"message", Text::tr("this guard acts on regressions")}});
        else
            log.write(GuardLog::Warning, "standing_by", {{"message", Text::tr("another guard acts; this one watches")}});
    });
    QObject::connect(&lease, &GuardLease::problem, &controller, [&log](const QString &description) {
        log.write(GuardLog::Error, "inbox_lost", {{"message", description}});
    });
    QObject::connect(&lease, &GuardLease::recovered, &controller, [&log] { log.write(GuardLog::Notice, "inbox_back"); });
    QObject::connect(&controller, &ConsoleController::connectionProblem, &controller,
                     [&log](const QString &where, const QString &detail) {
                         log.write(GuardLog::Error, "problem", {{"where", where}, {"message", detail}});
                     });
    QObject::connect(&controller, &ConsoleController::connectionStatusChanged, &controller,
                     [&log, states = std::make_shared<QHash<QString, ConnectionState>>()](const ConnectionStatus &status) {
                         const auto known = states->constFind(status.id);
                         if (known != states->constEnd() && *known == status.state)
                             return;
                         states->insert(status.id, status.state);
                         log.write(GuardLog::Info, "server", {{"server", status.displayName},
                                                              {"state", connectionStateName(status.state)},
                                                              {"detail", status.detail}});
                     });
    QObject::connect(controller.guardrails(), &GuardrailWatcher::regressionDetected, &controller,
                     [&log, server](const FlagRef &ref, const QString &, const QString &message, bool killing) {
                         log.write(GuardLog::Warning, killing ? "regression_killing" : "regression",
                                   {{"flag", flagText(ref)}, {"server", server(ref)}, {"message", message}});
                     });
    QObject::connect(controller.guardrails(), &GuardrailWatcher::autoKillFinished, &controller,
                     [&log, server](const FlagRef &ref, bool confirmed, const QString &reason) {
                         log.write(confirmed ? GuardLog::Notice : GuardLog::Error, confirmed ? "kill_confirmed" : "kill_failed",
                                   {{"flag", flagText(ref)}, {"server", server(ref)}, {"message", reason}});
                     });
    QObject::connect(&controller, &ConsoleController::rollbackProposed, &controller, [&log, server](const Proposal &proposal) {
        log.write(GuardLog::Notice, "rollback_proposed",
                  {{"flag", flagText(proposal.target)}, {"server", server(proposal.target)},
                   {"action", flagActionName(proposal.action)}, {"proposal", proposal.id}});
    });
    QObject::connect(&controller, &ConsoleController::auditProblem, &controller, [&log](const QString &error) {
        log.write(GuardLog::Error, "audit_problem", {{"message", error}});
    });
}

} // namespace

int runGuardCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Watches the guardrails of every flag whose contract names some, without a window, and acts as a "
                 "console would: auto_kill through the server, otherwise a rollback proposal in the team inbox. "
                 "Any number of guards may share a team inbox; one acts, the others stand by."));
    parser.addHelpOption();
    const GuardOptions options;
    parser.addOptions({options.config, options.credentials, options.name, options.contracts, options.regression,
                       options.drill});
    if (!parser.parse(QStringList{QStringLiteral("flagdeck guard")} + arguments))
        return cannotRun(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return cannotRun(Text::tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(options.config))
        return cannotRun(Text::tr("--config FILE is required (see flagdeck guard --help)"));
    const QString configPath = parser.value(options.config);
    if (!QFileInfo(configPath).isReadable())
        return cannotRun(Text::tr("cannot read the settings file %1").arg(configPath));
    QSettings settings(configPath, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return cannotRun(Text::tr("%1 is not a settings file FlagDeck can read").arg(configPath));
    FileSecretStore secrets;
    const Result<GuardSetup> setup = readSetup(parser, options, settings, secrets);
    if (!setup)
        return cannotRun(setup.error());

    const GuardLog log(setup->guardId);
    auto audit = std::make_unique<AuditWriter>();
    if (const Result<void> opened = audit->open(AuditCache::defaultPath()); !opened)
        return cannotRun(opened.error());
    ConsoleController controller(settings, std::move(audit), &secrets);
    controller.setContractsFolder(setup->contractsFolder, false);
    for (const InjectedRegression &injected : setup->regressions)
        controller.guardrails()->simulator()->addRegression(injected);
    if (setup->drill) {
        controller.guardrails()->simulateEveryConnection();
        log.write(GuardLog::Warning, "drill",
                  {{"message", Text::tr("guardrail data is simulated for every connection: flags are killed on "
                                        "made-up numbers")}});
    }

    GuardLease lease(setup->inboxLocation, setup->guardId, setup->host);
    const Proposer proposer{QStringLiteral("FlagDeck guard %1").arg(setup->guardId), QStringLiteral("flagdeck guard"),
                            QStringLiteral(FLAGDECK_VERSION), {}};
    controller.runAsGuard([&lease] { return lease.confirmLeading(); }, proposer);
    logEvents(log, controller, lease);
    // What it could not act on while it stood by or was cut off, it looks at as soon as it can.
    QObject::connect(&lease, &GuardLease::leadingChanged, &controller, [&controller](bool leading) {
        if (leading)
            controller.guardrails()->reconsider();
    });
    QObject::connect(&lease, &GuardLease::recovered, controller.guardrails(), &GuardrailWatcher::reconsider);

    log.write(GuardLog::Info, "started",
              {{"inbox", ProposalInbox::displayLocation(setup->inboxLocation)}, {"contracts", setup->contractsFolder}});
    controller.start(false);
    // Not a configuration error: the service manager should try again (exit 1, not 2).
    if (!controller.inbox()->isOpen()) {
        std::fprintf(stderr, "flagdeck guard: %s\n",
                     qPrintable(Text::tr("cannot open the team inbox %1; trying again is up to the service manager")
                                    .arg(ProposalInbox::displayLocation(setup->inboxLocation))));
        return 1;
    }
    if (const Result<void> started = lease.start(); !started)
        return cannotRun(started.error());
    if (!lease.isLeading())
        log.write(GuardLog::Warning, "standing_by", {{"message", Text::tr("another guard acts; this one watches")}});
    quitOnStopSignals(&controller);
    const int code = QCoreApplication::exec();
    // Giving up the lead on the way out is not news for the log.
    lease.disconnect();
    lease.stop();
    log.write(GuardLog::Info, "stopped");
    return code;
}
