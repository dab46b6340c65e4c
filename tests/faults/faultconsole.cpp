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

#include <QCoreApplication>
#include <QSettings>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

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

    const auto say = [](const char *line) {
        std::fprintf(stdout, "%s\n", line);
        std::fflush(stdout);
    };
    QTimer waitForLoad;
    QObject::connect(&waitForLoad, &QTimer::timeout, &app, [&] {
        if (console.initialLoadDone()) {
            waitForLoad.stop();
            say("ready");
        }
    });
    waitForLoad.start(50);

    QByteArray input;
    QSocketNotifier commands(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&commands, &QSocketNotifier::activated, &app, [&] {
        char buffer[512];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0) {
            QCoreApplication::exit(0);
            return;
        }
        input.append(buffer, got);
        qsizetype end;
        while ((end = input.indexOf('\n')) >= 0) {
            const QStringList words = QString::fromUtf8(input.left(end)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            input.remove(0, end + 1);
            if (words.size() == 4 && words.at(0) == QLatin1String("kill")) {
                console.killSwitch()->kill({FlagRef{words.at(1), words.at(2), words.at(3)}});
                say("sent");
            }
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
