#include "contractscommand.h"

#include "connectors/flagserver.h"
#include "control/evalwatcher.h"
#include "control/flagserverfactory.h"
#include "store/keychainsecretstore.h"
#include "core/stageplan.h"
#include "store/connectionsettings.h"
#include "store/contractlibrary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// Exit codes: 0 no errors (warnings allowed); 1 errors found; 2 the check could not run (a usage
// error, nothing to check, a server that did not answer).
constexpr int ErrorsFound = 1;
constexpr int CannotRun = 2;
constexpr int ServerLoadTimeoutMs = 20000;
// As the console: a contract is a page of YAML; anything far larger is not one.

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ContractsCommand)
};

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", qPrintable(text));
}

int cannotRun(const QString &error)
{
    printLine(stderr, QStringLiteral("flagdeck contracts: %1").arg(error));
    return CannotRun;
}

// A usage error is 2, never 1: a typo in a CI script must not read as "the contracts have errors".
int usageError(const QString &error)
{
    return cannotRun(error);
}

struct ServerFlags
{
    QString id;
    QString name;
    QString error;
    QMap<QString, QList<Flag>> flagsByEnvironment;
};

// Connects to one configured server and waits for every environment's flags.
ServerFlags loadServer(const ConnectionConfig &config)
{
    ServerFlags loaded{config.id, config.displayName, {}, {}};
    KeychainSecretStore secrets;
    std::unique_ptr<FlagServer> server(createFlagServer(config, &secrets));
    if (!server) {
        loaded.error = Text::tr("this version has no %1 connector").arg(connectionKindName(config.kind));
        return loaded;
    }
    QEventLoop loop;
    QObject::connect(server.get(), &FlagServer::flagsReplaced, &loop, [&](const QString &environment, const QList<Flag> &flags) {
        loaded.flagsByEnvironment.insert(environment, flags);
    });
    QObject::connect(server.get(), &FlagServer::loaded, &loop, [&] {
        if (server->state() == ConnectionState::Failed)
            loaded.error = server->stateDetail();
        loop.quit();
    });
    QTimer::singleShot(ServerLoadTimeoutMs, &loop, [&] {
        loaded.error = Text::tr("did not deliver its flags within %1 s").arg(ServerLoadTimeoutMs / 1000);
        loop.quit();
    });
    server->connectToServer();
    loop.exec();
    return loaded;
}

// A finding about a line of a contract file, found against a server.
ContractFinding fileFinding(ContractFinding::Severity severity, const Contract &contract, ContractPosition at,
                            const QString &message)
{
    return {severity, contract.sourceFile, at.line, at.column, message};
}

// A finding about a server's flag rather than a file: "server ID" (the connection id, as given to
// --server) stands where a file would, so the line still reads "where: severity: message".
ContractFinding serverFinding(ContractFinding::Severity severity, const ServerFlags &server, const QString &message)
{
    return {severity, QStringLiteral("server %1").arg(server.id), 0, 0, message};
}

// Contracts against a server's flags, as the console would hold them: the team's contract first;
// none when the team's file for the flag is unreadable (its error is already reported); on a
// sandbox, the sandbox's built-in contract for a flag the team has none for. Variations the server
// lacks are errors; contracts for flags it does not have, and flags without any contract
// ("unowned controls"), are warnings.
QList<ContractFinding> crossCheck(const ContractSet &team, const ContractSet *builtIn, const ServerFlags &server)
{
    QList<ContractFinding> findings;
    QHash<QString, QStringList> environmentsOf; // flag key → the environments that have it
    QSet<const Contract *> used;
    for (auto it = server.flagsByEnvironment.cbegin(); it != server.flagsByEnvironment.cend(); ++it) {
        const QString &environment = it.key();
        for (const Flag &flag : it.value()) {
            environmentsOf[flag.key].append(environment);
            const Contract *contract = team.find(flag.key, environment);
            if (contract)
                used.insert(contract);
            else if (team.findUnreadable(flag.key, environment))
                continue;
            else if (builtIn)
                contract = builtIn->find(flag.key, environment);
            if (!contract) {
                // "unowned control:" is a fixed label, like the severity: scripts count these.
                findings.append(serverFinding(ContractFinding::Severity::Warning, server,
                                              QStringLiteral("unowned control: ")
                                                  + Text::tr("%1 in %2 has no contract").arg(flag.key, environment)));
                continue;
            }
            for (const QString &variation : contract->namedVariations()) {
                if (StagePlan::resolveVariation(flag, variation).isEmpty())
                    findings.append(fileFinding(ContractFinding::Severity::Error, *contract,
                                                contract->variationPositions.value(variation),
                                                Text::tr("%1 on %2 (%3) has no variation \"%4\"")
                                                    .arg(flag.key, server.name, environment, variation)));
            }
        }
    }
    for (const Contract &contract : team.contracts) {
        if (used.contains(&contract))
            continue;
        const QStringList environments = environmentsOf.value(contract.flagKey);
        findings.append(fileFinding(ContractFinding::Severity::Warning, contract, contract.flagKeyPosition,
                                    !environments.isEmpty()
                                        ? Text::tr("%1 has \"%2\" only in environments this contract does not name (%3)")
                                              .arg(server.name, contract.flagKey, environments.join(QStringLiteral(", ")))
                                        : Text::tr("%1 has no flag \"%2\"").arg(server.name, contract.flagKey)));
    }
    return findings;
}

// The eval reports the contracts name: a report that is missing, cannot be read, or is not of the
// suite or variation the contract says is an error, at the line to fix — the contract's, or the
// report's own. A report that fails its threshold or is too old is not: the contract is right, and
// the gate says so.
QList<ContractFinding> checkEvalReferences(const ContractSet &set)
{
    EvalWatcher watcher;
    const auto all = [&] {
        QList<std::pair<const Contract *, EvalCheck>> checks;
        for (const Contract &contract : set.contracts) {
            for (int stage = 0; stage < contract.stages.size(); ++stage) {
                for (const EvalCheck &check : watcher.checks(contract, stage))
                    checks.append({&contract, check});
            }
        }
        return checks;
    };
    all(); // asks for every URL at once
    if (watcher.fetching()) {
        QEventLoop loop;
        QObject::connect(&watcher, &EvalWatcher::changed, &loop, [&] {
            if (!watcher.fetching())
                loop.quit();
        });
        QTimer::singleShot(EvalWatcher::FetchTimeoutMs + 1000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QList<ContractFinding> findings;
    for (const auto &[contract, check] : all()) {
        // Captured by name: clang before 16 cannot capture a structured binding.
        const Contract &checked = *contract;
        const auto at = [&](ContractPosition position, const QString &message) {
            findings.append(fileFinding(ContractFinding::Severity::Error, checked, position, message));
        };
        const QString which = Text::tr("eval of %1 for stage \"%2\"").arg(check.eval.variation, check.stage);
        switch (check.state) {
        case EvalCheck::State::Missing:
        case EvalCheck::State::Pending:
            at(check.eval.reportPosition, Text::tr("%1: %2").arg(which, check.summary));
            break;
        case EvalCheck::State::Unreadable:
            if (check.mismatch == EvalCheck::Mismatch::Suite)
                at(check.eval.suitePosition, Text::tr("%1: %2").arg(which, check.summary));
            else if (check.mismatch == EvalCheck::Mismatch::Variation)
                at(check.eval.variationPosition, Text::tr("%1: %2").arg(which, check.summary));
            else if (check.eval.isUrl())
                at(check.eval.reportPosition, Text::tr("%1: %2").arg(which, check.summary));
            else
                // What is wrong is in the report: point there, and say which contract needs it.
                findings.append({ContractFinding::Severity::Error, check.location, check.problemLine, check.problemColumn,
                                 Text::tr("%1 (the %2 in %3:%4)")
                                     .arg(check.summary, which, contract->sourceFile)
                                     .arg(check.eval.reportPosition.line)});
            break;
        case EvalCheck::State::Passed:
        case EvalCheck::State::Failed:
        case EvalCheck::State::Stale:
            break;
        }
    }
    return findings;
}

// "3 files read": the summary is in English in every language, for the scripts that read it.
QString counted(int count, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? one : many));
}

} // namespace

int runContractsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Checks contract files — every .yaml and .yml file of a folder, or one file — and with --server also "
                 "against that server's flags. Prints each finding as file:line:column: error|warning: message, then a "
                 "summary; exits 0 when there is no error, 1 when there is, 2 when it cannot check."));
    parser.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    Text::tr("A configured connection (its id) to check the contracts against; may be "
                                             "repeated."),
                                    Text::tr("id"));
    parser.addOption(server);
    parser.addPositionalArgument(QStringLiteral("contracts"),
                                 Text::tr("check DIR|FILE: a folder of contracts or one contract file."),
                                 QStringLiteral("contracts check DIR|FILE"));
    // parse(), not process(): process() exits 1 on an unknown option, and 1 means "errors found".
    if (!parser.parse(QStringList{QStringLiteral("flagdeck contracts")} + arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (unknown.isEmpty())
            return usageError(parser.errorText());
        const QString name = unknown.constFirst();
        return usageError(Text::tr("unknown option %1 (see flagdeck contracts --help)")
                              .arg((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name));
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty())
        return usageError(Text::tr("no command given: use check (see flagdeck contracts --help)"));
    if (words.constFirst() != QLatin1String("check"))
        return usageError(Text::tr("unknown command '%1': use check (see flagdeck contracts --help)").arg(words.constFirst()));
    if (words.size() < 2)
        return usageError(Text::tr("check needs a folder or a contract file: flagdeck contracts check DIR|FILE"));
    if (words.size() > 2)
        return usageError(Text::tr("unexpected argument '%1': check takes one folder or file (see flagdeck contracts "
                                   "--help)")
                              .arg(words.at(2)));

    const QString path = words.at(1);
    const QFileInfo info(path);
    ContractSet set;
    if (info.isDir()) {
        set = loadContractFolder(path);
        if (set.filesRead == 0)
            return cannotRun(Text::tr("%1 holds no .yaml or .yml files").arg(path));
    } else if (info.exists()) {
        set = loadContractFile(path);
    } else {
        return cannotRun(Text::tr("there is no file or folder %1").arg(path));
    }
    QList<ContractFinding> findings = set.findings;
    findings.append(checkEvalReferences(set));

    if (parser.isSet(server)) {
        QSettings settings;
        QList<ConnectionConfig> configs = ConnectionSettings(settings).load();
        if (configs.isEmpty())
            configs.append(ConnectionSettings::defaultSandbox(Text::tr("Sandbox")));
        std::optional<ContractSet> builtIn;
        for (const QString &id : parser.values(server)) {
            const auto config = std::find_if(configs.cbegin(), configs.cend(),
                                             [&](const ConnectionConfig &each) { return each.id == id; });
            if (config == configs.cend()) {
                QStringList ids;
                for (const ConnectionConfig &each : std::as_const(configs))
                    ids.append(each.id);
                return cannotRun(Text::tr("no connection \"%1\" is configured (the connections are: %2)")
                                     .arg(id, ids.join(QStringLiteral(", "))));
            }
            const ServerFlags flags = loadServer(*config);
            if (!flags.error.isEmpty())
                return cannotRun(QStringLiteral("server %1: %2").arg(config->id, flags.error));
            // A sandbox carries contracts for its own flags, and the console holds them to those.
            const bool sandbox = config->kind == ConnectionConfig::Kind::Sandbox;
            if (sandbox && !builtIn)
                builtIn = loadContractFolder(QStringLiteral(":/contracts"));
            findings.append(crossCheck(set, sandbox ? &*builtIn : nullptr, flags));
        }
    }

    int errors = 0;
    for (const ContractFinding &finding : std::as_const(findings)) {
        printLine(stdout, finding.text());
        if (finding.severity == ContractFinding::Severity::Error)
            ++errors;
    }
    printLine(stdout, QStringList{counted(set.filesRead, "file read", "files read"),
                                  counted(int(set.contracts.size()), "contract valid", "contracts valid"),
                                  counted(errors, "error", "errors"),
                                  counted(int(findings.size()) - errors, "warning", "warnings")}
                          .join(QStringLiteral(", ")));
    return errors > 0 ? ErrorsFound : 0;
}
