// The FeatBit protocol test server in a process of its own, so a fault test can freeze it
// (SIGSTOP), kill it (SIGKILL) and start it again: on the ports it is given, with its state kept in
// a file as a database keeps it — written once a change is stored, before it is answered or
// pushed — so the server started again is the same server.
//
//   featbitprocess STATE-FILE API-PORT EVALUATION-PORT [--stop-at-audit-page N] [--stop-when-off FLAG]
//
// A missing state file is seeded: project "ai", environment "production", the flags fault.route,
// fault.search and fault.tools on, and a history of HistoryChanges changes of history.filler.
// Prints "ready <environment id>" once it listens. Lines on its standard input:
//   set <flag> on|off push|nopush   a teammate's change; nopush: the stream never hears of it
// With --stop-at-audit-page, a request for that page of the audit logs prints
// "audit page N" and the process stops itself (SIGSTOP) before answering: killed there, it dies
// in the middle of an audit sync's paging. With --stop-when-off, once a change that turns that flag
// off is stored (and saved), it prints "stored FLAG off" and stops itself before answering or
// pushing: killed there, the change is done but its answer never leaves.
#include "featbittestserver.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

constexpr int HistoryChanges = 349; // with its creation, 350 audit logs: four pages of 100

void say(const QByteArray &line)
{
    std::fprintf(stdout, "%s\n", line.constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    int stopAtPage = -1;
    QString stopWhenOff;
    bool usage = arguments.size() < 4 || arguments.size() % 2 != 0;
    for (qsizetype i = 4; !usage && i + 1 < arguments.size(); i += 2) {
        if (arguments.at(i) == QLatin1String("--stop-at-audit-page"))
            stopAtPage = arguments.at(i + 1).toInt();
        else if (arguments.at(i) == QLatin1String("--stop-when-off"))
            stopWhenOff = arguments.at(i + 1);
        else
            usage = true;
    }
    if (usage) {
        std::fprintf(stderr, "usage: featbitprocess STATE-FILE API-PORT EVALUATION-PORT [--stop-at-audit-page N] "
                             "[--stop-when-off FLAG]\n");
        return 2;
    }
    const QString statePath = arguments.at(1);
    FeatBitTestServer server(quint16(arguments.at(2).toUInt()), quint16(arguments.at(3).toUInt()));
    if (server.apiUrl().port() != arguments.at(2).toInt() || server.evaluationUrl().port() != arguments.at(3).toInt()) {
        std::fprintf(stderr, "featbitprocess: cannot listen on the ports given\n");
        return 1;
    }

    QString environmentId;
    QFile stored(statePath);
    if (stored.open(QIODevice::ReadOnly)) {
        server.restoreState(QJsonDocument::fromJson(stored.readAll()).object());
        environmentId = server.saveState().value(QStringLiteral("environments")).toArray().first().toObject().value(QStringLiteral("id")).toString();
    } else {
        environmentId = server.addEnvironment(QStringLiteral("ai"), QStringLiteral("production"));
        for (const char *key : {"fault.route", "fault.search", "fault.tools"})
            server.addBooleanFlag(environmentId, QString::fromLatin1(key), true, 10000);
        server.addBooleanFlag(environmentId, QStringLiteral("history.filler"), true, 5000);
        for (int i = 0; i < HistoryChanges; ++i)
            server.changeFlag(environmentId, QStringLiteral("history.filler"),
                              [i](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), i % 2 == 1); },
                              i % 2 == 1 ? QStringLiteral("TurnFlagOn") : QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"),
                              0, false);
    }
    const auto save = [&] {
        QSaveFile file(statePath);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(server.saveState()).toJson(QJsonDocument::Compact)) < 0
            || !file.commit())
            qFatal("featbitprocess: cannot write its state to %s", qPrintable(statePath));
    };
    save();
    server.setOnChange([&] {
        save();
        if (!stopWhenOff.isEmpty() && !server.flag(environmentId, stopWhenOff).value(QStringLiteral("isEnabled")).toBool(true)) {
            say("stored " + stopWhenOff.toUtf8() + " off");
            ::raise(SIGSTOP);
        }
    });
    if (stopAtPage >= 0) {
        server.setOnAuditLogPage([stopAtPage](const QString &, int pageIndex) {
            if (pageIndex != stopAtPage)
                return;
            say("audit page " + QByteArray::number(pageIndex));
            ::raise(SIGSTOP);
        });
    }

    QByteArray input;
    QSocketNotifier commands(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&commands, &QSocketNotifier::activated, &app, [&] {
        char buffer[512];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0) {
            commands.setEnabled(false);
            return;
        }
        input.append(buffer, got);
        qsizetype end;
        while ((end = input.indexOf('\n')) >= 0) {
            const QStringList words = QString::fromUtf8(input.left(end)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            input.remove(0, end + 1);
            if (words.size() == 4 && words.at(0) == QLatin1String("set")) {
                const bool on = words.at(2) == QLatin1String("on");
                server.changeFlag(environmentId, words.at(1), [on](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), on); },
                                  on ? QStringLiteral("TurnFlagOn") : QStringLiteral("TurnFlagOff"), QStringLiteral("Teammate"), 0,
                                  words.at(3) == QLatin1String("push"));
                say("done");
            }
        }
    });
    say("ready " + environmentId.toUtf8());
    return app.exec();
}
