#include "auditcommand.h"
#include "contractscommand.h"
#include "guardcommand.h"
#include "mcpcommand.h"
#include "control/consolecontroller.h"
#include "control/guardrailwatcher.h"
#include "metrics/trafficsimulator.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "store/auditcache.h"
#include "store/auditwriter.h"
#include "store/connectionsettings.h"
#include "store/contractlibrary.h"
#include "store/keychainsecretstore.h"
#include "store/preferencesettings.h"
#include "apptheme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <utility>

namespace {

constexpr int ScreenshotLoadTimeoutMs = 15000;
constexpr double MaxScreenshotDelaySeconds = 3600;
// Exit codes of the console: 0 done, 1 a screenshot that could not be taken, 2 a usage error
// (a bad option, value or command), which a script must never read as success.
constexpr int UsageError = 2;

int usageError(const QString &error)
{
    std::fprintf(stderr, "flagdeck: %s\n", qPrintable(error));
    return UsageError;
}

// The parser's complaint, with an unknown option named the way it was typed.
QString optionError(const QCommandLineParser &parser)
{
    const QStringList unknown = parser.unknownOptionNames();
    if (unknown.isEmpty())
        return parser.errorText();
    const QString name = unknown.constFirst();
    return QApplication::translate("main", "unknown option %1 (see flagdeck --help)")
        .arg((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name);
}

// Runs then(true) once every connection loaded, or at once on the welcome page, which waits for
// the person rather than for servers. With a timeout, then(false) runs if loading takes longer.
void whenLoaded(MainWindow &window, ConsoleController &controller, int timeoutMs, std::function<void(bool)> then)
{
    if (controller.initialLoadDone() || window.isShowingWelcome()) {
        then(true);
        return;
    }
    const auto ran = std::make_shared<bool>(false);
    const auto once = [then, ran](bool loaded) {
        if (!std::exchange(*ran, true))
            then(loaded);
    };
    QObject::connect(&controller, &ConsoleController::initialLoadFinished, &window, [once] { once(true); });
    if (timeoutMs > 0)
        QTimer::singleShot(timeoutMs, &window, [once] { once(false); });
}

// What --flag and --view ask for, once there is something to show. False when --flag names a
// key no loaded flag has: flags arrive from servers, so that is only known now.
bool showRequested(MainWindow &window, const QString &flagKey, const QString &view)
{
    if (window.isShowingWelcome())
        return flagKey.isEmpty();
    const bool found = flagKey.isEmpty() || window.selectFlag(flagKey);
    if (!found)
        window.selectFirstFlag();
    if (!view.isEmpty())
        window.showView(view);
    return found;
}

QString missingFlagText(const MainWindow &window, const QString &flagKey, bool loaded)
{
    if (window.isShowingWelcome())
        return QApplication::translate("main", "--flag %1: no flags are loaded on a first start (add --sandbox)").arg(flagKey);
    return loaded ? QApplication::translate("main", "--flag %1: no loaded flag has this key").arg(flagKey)
                  : QApplication::translate("main", "--flag %1: no loaded flag has this key (not every connection "
                                                    "had loaded)")
                        .arg(flagKey);
}

// Saves the window, or the dialog a view opened, delayMs after it was shown (for live charts to move).
void saveScreenshot(MainWindow &window, const QString &path, int delayMs, bool loaded)
{
    // At least one more turn of the event loop so the selection and layout are painted.
    QTimer::singleShot(std::max(50, delayMs), &window, [&window, path, loaded] {
        QWidget *dialog = QApplication::activeModalWidget();
        const bool saved = (dialog ? dialog : static_cast<QWidget *>(&window))->grab().save(path, "PNG");
        if (!saved)
            std::fprintf(stderr, "flagdeck: could not write the screenshot to %s\n", qPrintable(path));
        if (!loaded)
            std::fprintf(stderr, "flagdeck: not every connection had loaded when the screenshot was taken\n");
        QApplication::exit(saved && loaded ? 0 : 1);
    });
}

const QStringList &commandNames()
{
    static const QStringList names{QStringLiteral("audit"), QStringLiteral("contracts"), QStringLiteral("guard"),
                                   QStringLiteral("mcp")};
    return names;
}

// "audit", "contracts", "guard" or "mcp" for the commands that open no window; empty otherwise.
QByteArray commandName(int argc, char *argv[])
{
    const QByteArray first = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    return commandNames().contains(QString::fromLatin1(first)) ? first : QByteArray();
}

// Every --sandbox-regression checked against what this run will simulate: a regression that
// could never show must stop the start, not pass in silence.
Result<QList<InjectedRegression>> readRegressions(const QStringList &texts, const QCommandLineParser &parser,
                                                  QSettings &settings, const QString &contractsFolder)
{
    using Regressions = Result<QList<InjectedRegression>>;
    QList<InjectedRegression> regressions;
    if (texts.isEmpty())
        return regressions;
    if (parser.isSet(QStringLiteral("offline")))
        return Regressions::failure(
            QApplication::translate("main", "--sandbox-regression cannot be combined with --offline: nothing is simulated offline"));
    // With Prometheus, guardrail data comes from there for every connection, the sandbox's too.
    if (parser.isSet(QStringLiteral("prometheus"))
        || !settings.value(QStringLiteral("metrics/prometheus/url")).toString().isEmpty())
        return Regressions::failure(QApplication::translate(
            "main", "--sandbox-regression has no effect while guardrail data comes from Prometheus (--prometheus or the "
                    "Prometheus set in the preferences)"));
    const QList<ConnectionConfig> configured = ConnectionSettings(settings).load();
    const bool sandboxConfigured = std::any_of(configured.cbegin(), configured.cend(), [](const ConnectionConfig &config) {
        return config.kind == ConnectionConfig::Kind::Sandbox;
    });
    if (!configured.isEmpty() && !sandboxConfigured && !parser.isSet(QStringLiteral("sandbox")))
        return Regressions::failure(QApplication::translate(
            "main", "--sandbox-regression acts on the sandbox, and no sandbox connection is configured: add --sandbox"));
    const QList<Contract> teamContracts = contractsFolder.isEmpty() ? QList<Contract>()
                                                                    : loadContractFolder(contractsFolder).contracts;
    for (const QString &text : texts) {
        Result<InjectedRegression> parsed = InjectedRegression::parse(text);
        if (!parsed)
            return Regressions::failure(parsed.error());
        if (const Result<void> checked = parsed->checkOnSandbox(teamContracts); !checked)
            return Regressions::failure(QStringLiteral("--sandbox-regression %1: %2").arg(text, checked.error()));
        regressions.append(std::move(parsed).value());
    }
    return regressions;
}

// Whether a window could be shown at all. Without, the command line is still read and checked, so
// a mistake is reported as one instead of as a failing display connection.
bool hasDisplay()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

// --help and --version, and the audit and contracts commands, must work where no display is
// available (a terminal, a package check, a cron job, a team's CI).
bool needsNoDisplay(int argc, char *argv[])
{
    if (!commandName(argc, argv).isEmpty() || !hasDisplay())
        return true;
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--help" || argument == "-h" || argument == "--help-all" || argument == "--version"
            || argument == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = needsNoDisplay(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FlagDeck"));
    QApplication::setApplicationName(QStringLiteral("FlagDeck"));
    QApplication::setApplicationVersion(QStringLiteral(FLAGDECK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.flagdeck.FlagDeck"));
    // The language chosen in the preferences, or the system's.
    QSettings settings;
    installTranslations(PreferenceSettings(settings).load().language);

    if (commandName(argc, argv) == "audit")
        return runAuditCommand(QCoreApplication::arguments().mid(2));
    if (commandName(argc, argv) == "contracts")
        return runContractsCommand(QCoreApplication::arguments().mid(2));
    if (commandName(argc, argv) == "mcp")
        return runMcpCommand(QCoreApplication::arguments().mid(2));
    if (commandName(argc, argv) == "guard")
        return runGuardCommand(QCoreApplication::arguments().mid(2));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "FlagDeck, the operator console for AI release engineering."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
                                     QApplication::translate("main", "Start on the sandbox, even when servers are configured."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QApplication::translate("main", "Render the main window once loaded, save it as a PNG and exit."),
                                        QApplication::translate("main", "file"));
    const QCommandLineOption offline(QStringLiteral("offline"),
                                     QApplication::translate("main", "Open the audit cache and the last known flag states; connect to nothing."));
    const QCommandLineOption contracts(QStringLiteral("contracts"),
                                       QApplication::translate("main", "Hold flags against the FeatureOps contracts in this folder (for this run)."),
                                       QApplication::translate("main", "folder"));
    const QCommandLineOption regression(
        QStringLiteral("sandbox-regression"),
        QApplication::translate("main", "Make the sandbox's traffic regress: FLAG:VARIATION:METRIC:FACTOR[@SECONDS], from the start or "
                                        "SECONDS after it, e.g. chat-model-route:distilled_small:p95_latency:1.4 (may be repeated)."),
        QApplication::translate("main", "regression"));
    const QCommandLineOption prometheus(
        QStringLiteral("prometheus"),
        QApplication::translate("main", "Read guardrail metrics from this Prometheus server (for this run)."),
        QApplication::translate("main", "url"));
    const QCommandLineOption selectFlag(QStringLiteral("flag"),
                                        QApplication::translate("main", "Select this flag once loaded."),
                                        QApplication::translate("main", "key"));
    const QCommandLineOption screenshotDelay(
        QStringLiteral("screenshot-delay"),
        QApplication::translate("main", "With --screenshot: wait this many seconds after loading."),
        QApplication::translate("main", "seconds"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QApplication::translate("main", "Open this view once loaded: %1.").arg(MainWindow::viewNames().join(QStringLiteral(", "))),
        QApplication::translate("main", "view"));
    parser.addOption(sandbox);
    parser.addOption(view);
    parser.addOption(regression);
    parser.addOption(prometheus);
    parser.addOption(selectFlag);
    parser.addOption(screenshotDelay);
    parser.addOption(offline);
    parser.addOption(contracts);
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("audit"),
                                 QApplication::translate("main", "flagdeck audit verify|export|sync: the audit cache without a window "
                                                                 "(flagdeck audit --help for more)."),
                                 QStringLiteral("[audit …]"));
    parser.addPositionalArgument(QStringLiteral("contracts"),
                                 QApplication::translate("main", "flagdeck contracts check DIR|FILE [--server ID]: validate contract "
                                                                 "files, for a team's CI."),
                                 QStringLiteral("[contracts …]"));
    parser.addPositionalArgument(QStringLiteral("mcp"),
                                 QApplication::translate("main", "flagdeck mcp [--inbox PATH | --inbox-url URL]: the MCP server "
                                                                 "AI agents use to propose actions, over stdio."),
                                 QStringLiteral("[mcp …]"));
    parser.addPositionalArgument(QStringLiteral("guard"),
                                 QApplication::translate("main", "flagdeck guard --config FILE: the guardrail monitor without "
                                                                 "a window, for a server (flagdeck guard --help for more)."),
                                 QStringLiteral("[guard …]"));
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(optionError(parser));
    // --help, --help-all and --version: everything else was checked above.
    parser.process(*app);
    if (!parser.positionalArguments().isEmpty()) {
        const QString word = parser.positionalArguments().constFirst();
        if (commandNames().contains(word))
            return usageError(QApplication::translate("main", "the command %1 comes first: flagdeck %1 [options]").arg(word));
        return usageError(QApplication::translate("main", "unknown command '%1' for flagdeck: use audit, contracts, guard or mcp "
                                                          "(see flagdeck --help)")
                              .arg(word));
    }
    if (parser.isSet(sandbox) && parser.isSet(offline))
        return usageError(QApplication::translate("main", "--sandbox and --offline cannot be combined"));

    if (parser.isSet(view) && !MainWindow::viewNames().contains(parser.value(view)))
        return usageError(QApplication::translate("main", "--view must be one of: %1")
                              .arg(MainWindow::viewNames().join(QStringLiteral(", "))));

    int delayMs = 0;
    if (parser.isSet(screenshotDelay)) {
        if (!parser.isSet(screenshot))
            return usageError(QApplication::translate("main", "--screenshot-delay needs --screenshot"));
        bool isNumber = false;
        const double seconds = parser.value(screenshotDelay).toDouble(&isNumber);
        if (!isNumber || !std::isfinite(seconds) || seconds < 0 || seconds > MaxScreenshotDelaySeconds)
            return usageError(QApplication::translate("main", "--screenshot-delay is a number of seconds from 0 to %1, such as 1 "
                                                              "or 2.5; got \"%2\"")
                                  .arg(MaxScreenshotDelaySeconds)
                                  .arg(parser.value(screenshotDelay)));
        delayMs = int(std::lround(seconds * 1000));
    }

    // A mistyped folder would otherwise hold every flag against no contract at all.
    if (parser.isSet(contracts) && !QFileInfo(parser.value(contracts)).isDir())
        return usageError(QApplication::translate("main", "--contracts %1: there is no such folder").arg(parser.value(contracts)));

    const QString contractsFolder = parser.isSet(contracts) ? parser.value(contracts)
                                                            : PreferenceSettings(settings).load().contractsFolder;
    const Result<QList<InjectedRegression>> regressions = readRegressions(parser.values(regression), parser, settings,
                                                                          contractsFolder);
    if (!regressions)
        return usageError(regressions.error());
    const QUrl prometheusUrl(parser.value(prometheus));
    if (parser.isSet(prometheus) && (!prometheusUrl.isValid() || prometheusUrl.scheme().isEmpty()))
        return usageError(QApplication::translate("main", "--prometheus needs a URL such as http://127.0.0.1:9090"));

    if (!qobject_cast<QApplication *>(app.get())) {
        std::fprintf(stderr, "flagdeck: %s\n",
                     qPrintable(QApplication::translate("main", "there is no display to show the window on: start it in a "
                                                                "desktop session, or with QT_QPA_PLATFORM=offscreen for "
                                                                "--screenshot")));
        return 1;
    }
    AppTheme::apply(PreferenceSettings(settings).load().theme);
    auto audit = std::make_unique<AuditWriter>();
    if (const Result<void> opened = audit->open(AuditCache::defaultPath()); !opened) {
        // Without the cache, nothing a person does could be recorded: say so and stop.
        std::fprintf(stderr, "flagdeck: %s\n", qPrintable(opened.error()));
        return 2;
    }
    KeychainSecretStore secrets;
    ConsoleController controller(settings, std::move(audit), &secrets);
    if (parser.isSet(contracts))
        controller.setContractsFolder(parser.value(contracts), false);
    for (const InjectedRegression &injected : regressions.value())
        controller.guardrails()->simulator()->addRegression(injected);
    if (parser.isSet(prometheus))
        controller.usePrometheus(prometheusUrl);
    // Offline first: the window is titled and built for it.
    if (parser.isSet(offline))
        controller.startOffline();
    MainWindow window(&controller);
    // Roomy where the screen allows, never larger than it (a laptop's 1366×768 included).
    const QScreen *screen = QGuiApplication::primaryScreen();
    window.resize(screen ? QSize(1500, 860).boundedTo(screen->availableGeometry().size()) : QSize(1500, 860));
    window.show();
    // A first start asks where to begin; --sandbox is the answer given in advance.
    const bool firstStart = !parser.isSet(offline) && !parser.isSet(sandbox) && !controller.hasConfiguredConnections();
    if (firstStart)
        window.showWelcome();
    const bool screenshotRequested = parser.isSet(screenshot);
    whenLoaded(window, controller, screenshotRequested ? ScreenshotLoadTimeoutMs : 0,
               [&window, screenshotRequested, path = parser.value(screenshot), key = parser.value(selectFlag),
                shownView = parser.value(view), delayMs](bool loaded) {
                   if (!showRequested(window, key, shownView)) {
                       const QString missing = missingFlagText(window, key, loaded);
                       std::fprintf(stderr, "flagdeck: %s\n", qPrintable(missing));
                       // A screenshot of another flag than the one asked for is not what was asked for.
                       if (screenshotRequested) {
                           QApplication::exit(UsageError);
                           return;
                       }
                       window.statusBar()->showMessage(missing);
                   }
                   if (screenshotRequested)
                       saveScreenshot(window, path, delayMs, loaded);
               });
    if (!parser.isSet(offline) && !firstStart)
        controller.start(parser.isSet(sandbox));
    return QApplication::exec();
}
