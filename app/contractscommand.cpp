#include "contractscommand.h"

#include "connectors/flagserver.h"
#include "control/flagserverfactory.h"
#include "store/keychainsecretstore.h"
#include "core/stageplan.h"
#include "store/connectionsettings.h"
#include "store/contractlibrary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// Exit codes: 0 no errors (warnings allowed); 1 errors found; 2 the check could not run.
constexpr int ErrorsFound = 1;
constexpr int CannotRun = 2;
constexpr int ServerLoadTimeoutMs = 20000;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ContractsCommand)
};

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", qPrintable(text));
}

struct ServerFlags
{
    QString name;
    QString error;
    QMap<QString, QList<Flag>> flagsByEnvironment;
};

// Connects to one configured server and waits for every environment's flags.
ServerFlags loadServer(const ConnectionConfig &config)
{
    ServerFlags loaded{config.displayName, {}, {}};
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

// Contracts against a server's flags: variations the server lacks are errors, contracts for flags
// it does not have and flags without a contract ("unowned controls") are warnings.
QList<ContractFinding> crossCheck(const ContractSet &set, const ServerFlags &server)
{
    QList<ContractFinding> findings;
    QSet<QString> contracted;
    for (auto it = server.flagsByEnvironment.cbegin(); it != server.flagsByEnvironment.cend(); ++it) {
        for (const Flag &flag : it.value()) {
            const Contract *contract = set.find(flag.key, it.key());
            if (!contract) {
                findings.append({ContractFinding::Severity::Warning, server.name, 0, 0,
                                 Text::tr("unowned control: %1 in %2 has no contract").arg(flag.key, it.key())});
                continue;
            }
            contracted.insert(flag.key);
            for (const QString &variation : contract->namedVariations()) {
                if (StagePlan::resolveVariation(flag, variation).isEmpty())
                    findings.append({ContractFinding::Severity::Error, contract->sourceFile, 0, 0,
                                     Text::tr("%1 on %2 (%3) has no variation \"%4\"")
                                         .arg(flag.key, server.name, it.key(), variation)});
            }
        }
    }
    for (const Contract &contract : set.contracts) {
        if (!contracted.contains(contract.flagKey))
            findings.append({ContractFinding::Severity::Warning, contract.sourceFile, 0, 0,
                             Text::tr("%1 has no flag \"%2\"").arg(server.name, contract.flagKey)});
    }
    return findings;
}

} // namespace

int runContractsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Checks every contract file of a folder, and with --server against that "
                                              "server's flags. Prints each finding as file:line:column; exits 1 when "
                                              "there are errors, 2 when it cannot check."));
    parser.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"),
                                    Text::tr("A configured connection (its id) to check the contracts against; may be "
                                             "repeated."),
                                    Text::tr("id"));
    parser.addOption(server);
    parser.addPositionalArgument(QStringLiteral("contracts"), QString(), QStringLiteral("contracts check DIR"));
    parser.process(QCoreApplication::arguments());
    if (arguments.value(0) != QLatin1String("check") || parser.positionalArguments().size() != 3) {
        printLine(stderr, Text::tr("flagdeck contracts: usage: flagdeck contracts check DIR [--server ID …]"));
        return CannotRun;
    }
    const QString folder = parser.positionalArguments().at(2);
    if (!QDir(folder).exists()) {
        printLine(stderr, Text::tr("flagdeck contracts: there is no folder %1").arg(folder));
        return CannotRun;
    }
    const ContractSet set = loadContractFolder(folder);
    if (set.filesRead == 0) {
        printLine(stderr, Text::tr("flagdeck contracts: %1 holds no .yaml or .yml files").arg(folder));
        return CannotRun;
    }
    QList<ContractFinding> findings = set.findings;

    if (parser.isSet(server)) {
        QSettings settings;
        QList<ConnectionConfig> configs = ConnectionSettings(settings).load();
        if (configs.isEmpty())
            configs.append(ConnectionSettings::defaultSandbox(Text::tr("Sandbox")));
        for (const QString &id : parser.values(server)) {
            const auto config = std::find_if(configs.cbegin(), configs.cend(),
                                             [&](const ConnectionConfig &each) { return each.id == id; });
            if (config == configs.cend()) {
                printLine(stderr, Text::tr("flagdeck contracts: no connection \"%1\" is configured").arg(id));
                return CannotRun;
            }
            const ServerFlags flags = loadServer(*config);
            if (!flags.error.isEmpty()) {
                printLine(stderr, Text::tr("flagdeck contracts: %1: %2").arg(config->displayName, flags.error));
                return CannotRun;
            }
            findings.append(crossCheck(set, flags));
        }
    }

    int errors = 0;
    for (const ContractFinding &finding : std::as_const(findings)) {
        printLine(stdout, finding.text());
        if (finding.severity == ContractFinding::Severity::Error)
            ++errors;
    }
    printLine(stdout, Text::tr("%n file(s) read, ", nullptr, set.filesRead)
                          + Text::tr("%n contract(s) valid, ", nullptr, int(set.contracts.size()))
                          + Text::tr("%n error(s), ", nullptr, errors)
                          + Text::tr("%n warning(s)", nullptr, int(findings.size()) - errors));
    return errors > 0 ? ErrorsFound : 0;
}
