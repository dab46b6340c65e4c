// A console in a process of its own, for the fault tests that kill the console itself: the
// controller, its flag store, kill switch and audit cache, exactly as flagdeck runs them, without
// the window. Started with the settings file (its connections), the audit cache, the inbox and
// the secret's name; the token comes in FLAGDECK_FAULT_TOKEN. It prints "ready" once every
// connection delivered its flags; each line "kill <connection> <environment> <flag>" on its
// standard input kills that flag, and "sent" says the kill switch was asked.
#include "control/consolecontroller.h"
#include "control/killswitch.h"
#include "store/auditwriter.h"
#include "store/memorysecretstore.h"
#include "stdinlines.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 5) {
        std::fprintf(stderr, "usage: faultconsole SETTINGS CACHE INBOX SECRET-NAME\n");
        return 2;
    }
    QSettings settings(arguments.at(1), QSettings::IniFormat);
    MemorySecretStore secrets;
    secrets.writeSecret(arguments.at(4), qEnvironmentVariable("FLAGDECK_FAULT_TOKEN"), [](const QString &) {});
    auto audit = std::make_unique<AuditWriter>();
    if (const Result<void> opened = audit->open(arguments.at(2)); !opened) {
        std::fprintf(stderr, "cannot open the audit cache: %s\n", qPrintable(opened.error()));
        return 1;
    }
    ConsoleController console(settings, std::move(audit), &secrets);
    console.setInboxLocation(arguments.at(3));
    console.setSandboxAgentEnabled(false);

    using StdinLines::say;
    QTimer waitForLoad;
    QObject::connect(&waitForLoad, &QTimer::timeout, &app, [&] {
        if (console.initialLoadDone()) {
            waitForLoad.stop();
            say("ready");
        }
    });
    waitForLoad.start(50);

    const auto commands = StdinLines::listen([&](const QStringList &words) {
        if (words.size() == 4 && words.at(0) == QLatin1String("kill")) {
            console.killSwitch()->kill({FlagRef{words.at(1), words.at(2), words.at(3)}});
            say("sent");
        }
    });

    // What it connects to, on its standard error: why it never said "ready", when it did not.
    QObject::connect(&console, &ConsoleController::connectionStatusChanged, &app, [](const ConnectionStatus &status) {
        std::fprintf(stderr, "faultconsole: %s %s: %s\n", qPrintable(status.id), qPrintable(connectionStateName(status.state)),
                     qPrintable(status.detail));
    });
    console.start(false);
    return app.exec();
}
