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
#include "store/keychainsecretstore.h"
#include "store/preferencesettings.h"
#include "apptheme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <utility>

namespace {

constexpr int ScreenshotLoadTimeoutMs = 15000;

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

// What --flag and --view ask for, once there is something to show.
void showRequested(MainWindow &window, const QString &flagKey, const QString &view)
{
    if (window.isShowingWelcome())
        return;
    if (flagKey.isEmpty() || !window.selectFlag(flagKey))
        window.selectFirstFlag();
    if (!view.isEmpty())
        window.showView(view);
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

// "audit", "contracts", "guard" or "mcp" for the commands that open no window; empty otherwise.
QByteArray commandName(int argc, char *argv[])
{
    const QByteArray first = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    return first == "audit" || first == "contracts" || first == "guard" || first == "mcp" ? first : QByteArray();
}

// --help and --version, and the audit and contracts commands, must work where no display is
// available (a terminal, a package check, a cron job, a team's CI).
bool needsNoDisplay(int argc, char *argv[])
{
    if (!commandName(argc, argv).isEmpty())
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
                                                                 "(flagdeck audit verify --help for more)."),
                                 QStringLiteral("[audit …]"));
    parser.addPositionalArgument(QStringLiteral("contracts"),
                                 QApplication::translate("main", "flagdeck contracts check DIR [--server ID]: validate contract "
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
    parser.process(*app);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "flagdeck: %s\n",
                     qPrintable(QApplication::translate("main", "unknown command \"%1\" (see flagdeck --help)")
                                    .arg(parser.positionalArguments().constFirst())));
        return 2;
    }
    if (parser.isSet(sandbox) && parser.isSet(offline)) {
        std::fprintf(stderr, "flagdeck: %s\n",
                     qPrintable(QApplication::translate("main", "--sandbox and --offline cannot be combined")));
        return 2;
    }

    if (parser.isSet(view) && !MainWindow::viewNames().contains(parser.value(view))) {
        std::fprintf(stderr, "flagdeck: %s\n",
                     qPrintable(QApplication::translate("main", "--view must be one of: %1")
                                    .arg(MainWindow::viewNames().join(QStringLiteral(", ")))));
        return 2;
    }

    QList<InjectedRegression> regressions;
    for (const QString &text : parser.values(regression)) {
        const Result<InjectedRegression> parsed = InjectedRegression::parse(text);
        if (!parsed) {
            std::fprintf(stderr, "flagdeck: %s\n", qPrintable(parsed.error()));
            return 2;
        }
        regressions.append(parsed.value());
    }
    const QUrl prometheusUrl(parser.value(prometheus));
    if (parser.isSet(prometheus) && (!prometheusUrl.isValid() || prometheusUrl.scheme().isEmpty())) {
        std::fprintf(stderr, "flagdeck: %s\n",
                     qPrintable(QApplication::translate("main", "--prometheus needs a URL such as http://127.0.0.1:9090")));
        return 2;
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
    for (const InjectedRegression &injected : std::as_const(regressions))
        controller.guardrails()->simulator()->addRegression(injected);
    if (parser.isSet(prometheus))
        controller.usePrometheus(prometheusUrl);
    // Offline first: the window is titled and built for it.
    if (parser.isSet(offline))
        controller.startOffline();
    MainWindow window(&controller);
    window.resize(1500, 860);
    window.show();
    // A first start asks where to begin; --sandbox is the answer given in advance.
    const bool firstStart = !parser.isSet(offline) && !parser.isSet(sandbox) && !controller.hasConfiguredConnections();
    if (firstStart)
        window.showWelcome();
    const bool screenshotRequested = parser.isSet(screenshot);
    whenLoaded(window, controller, screenshotRequested ? ScreenshotLoadTimeoutMs : 0,
               [&window, screenshotRequested, path = parser.value(screenshot), key = parser.value(selectFlag),
                shownView = parser.value(view), delayMs = int(parser.value(screenshotDelay).toDouble() * 1000)](bool loaded) {
                   showRequested(window, key, shownView);
                   if (screenshotRequested)
                       saveScreenshot(window, path, delayMs, loaded);
               });
    if (!parser.isSet(offline) && !firstStart)
        controller.start(parser.isSet(sandbox));
    return QApplication::exec();
}
