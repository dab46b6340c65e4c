// The FeatBit protocol test server in a process of its own, so that it outlives the consoles that
// change its flags (and die doing it), can be frozen (SIGSTOP), killed (SIGKILL) and started again,
// and can be asked afterwards, through its own API, what it did.
//
//   featbitprocess [--ports API EVALUATION] [--state FILE] [--project KEY] [--flags COUNT PREFIX]
//                  [--describe FILE] [--stop-at-audit-page N] [--stop-when-off FLAG]
//
// --ports: where it listens; 0 (the default) is any free port. Started again on the ports it had,
//   it answers the same URLs.
// --state: its state kept in FILE as a database keeps it — written once a change is stored, before
//   it is answered or pushed — so the server started again on that file is the same server. Without
//   it, the state goes with the process.
// When there is no state to read, it is seeded: project KEY ("ai" unless given), environment
// "production", and
//   with --flags: COUNT boolean flags PREFIX-0000 …, on, half of everyone served true;
//   without: the flags fault.route, fault.search and fault.tools on, and history.filler with a
//   history of HistoryChanges changes.
// --describe: where it listens and what it holds, written to FILE as JSON (flags sorted by key):
//   {"api": url, "evaluation": url, "environment": id, "token": access token,
//    "flags": [{"key", "id", "revision", "on", "off"}]}
// Prints "ready <environment id>" once it listens. Lines on its standard input:
//   set <flag> on|off push|nopush   a teammate's change, answered "done"; nopush: the stream never
//                                   hears of it
// When its standard input closes it ends: whoever started it is gone, and a test that dies leaves
// nothing listening.
// --stop-at-audit-page: a request for page N of the audit logs prints "audit page N" and the
//   process stops itself (SIGSTOP) before answering: killed there, it dies in the middle of an
//   audit sync's paging.
// --stop-when-off: once a change that turns FLAG off is stored (and saved), it prints
//   "stored FLAG off" and stops itself before answering or pushing: killed there, the change is
//   done but its answer never leaves.
#include "featbittestserver.h"
#include "stdinlines.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <csignal>
#include <cstdio>
#include <optional>

namespace {

constexpr int HistoryChanges = 349; // with its creation, 350 audit logs: four pages of 100

struct Options
{
    quint16 apiPort = 0;
    quint16 evaluationPort = 0;
    QString statePath;
    QString project = QStringLiteral("ai");
    int flagCount = -1; // -1: the fault seed
    QString flagPrefix;
    QString describePath;
    int stopAtPage = -1;
    QString stopWhenOff;
};

std::optional<Options> parseArguments(const QStringList &arguments)
{
    Options options;
    qsizetype next = 1;
    // The values that follow an option; nothing when the line ends before them.
    const auto take = [&](qsizetype count) -> std::optional<QStringList> {
        if (next + count > arguments.size())
            return std::nullopt;
        next += count;
        return arguments.mid(next - count, count);
    };
    while (next < arguments.size()) {
        const QString option = arguments.at(next++);
        std::optional<QStringList> values;
        if (option == QLatin1String("--ports") && (values = take(2))) {
            options.apiPort = quint16(values->at(0).toUInt());
            options.evaluationPort = quint16(values->at(1).toUInt());
        } else if (option == QLatin1String("--state") && (values = take(1))) {
            options.statePath = values->at(0);
        } else if (option == QLatin1String("--project") && (values = take(1))) {
            options.project = values->at(0);
        } else if (option == QLatin1String("--flags") && (values = take(2))) {
            options.flagCount = values->at(0).toInt();
            options.flagPrefix = values->at(1);
        } else if (option == QLatin1String("--describe") && (values = take(1))) {
            options.describePath = values->at(0);
        } else if (option == QLatin1String("--stop-at-audit-page") && (values = take(1))) {
            options.stopAtPage = values->at(0).toInt();
        } else if (option == QLatin1String("--stop-when-off") && (values = take(1))) {
            options.stopWhenOff = values->at(0);
        } else {
            return std::nullopt;
        }
    }
    return options;
}

bool listensOn(const QUrl &url, quint16 port)
{
    return url.port() > 0 && (port == 0 || url.port() == port);
}

// Seeds an empty server as the usage above says; returns the environment's id.
QString seed(FeatBitTestServer &server, const Options &options)
{
    const QString environmentId = server.addEnvironment(options.project, QStringLiteral("production"));
    if (options.flagCount >= 0) {
        for (int i = 0; i < options.flagCount; ++i)
            server.addBooleanFlag(environmentId, QStringLiteral("%1-%2").arg(options.flagPrefix).arg(i, 4, 10, QLatin1Char('0')),
                                  true, 5000);
        return environmentId;
    }
    for (const char *key : {"fault.route", "fault.search", "fault.tools"})
        server.addBooleanFlag(environmentId, QString::fromLatin1(key), true, 10000);
    server.addBooleanFlag(environmentId, QStringLiteral("history.filler"), true, 5000);
    for (int i = 0; i < HistoryChanges; ++i)
        server.changeFlag(environmentId, QStringLiteral("history.filler"),
                          [i](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), i % 2 == 1); },
                          i % 2 == 1 ? QStringLiteral("TurnFlagOn") : QStringLiteral("TurnFlagOff"), QStringLiteral("Aiko Sato"), 0,
                          false);
    return environmentId;
}

QJsonObject description(const FeatBitTestServer &server, const QString &environmentId)
{
    QJsonArray flags;
    for (const QString &key : server.flagKeys(environmentId)) {
        const QJsonObject flag = server.flag(environmentId, key);
        QString on;
        QString off;
        for (const QJsonValue &variation : flag.value(QStringLiteral("variations")).toArray()) {
            const QJsonObject object = variation.toObject();
            (object.value(QStringLiteral("value")).toString() == QLatin1String("true") ? on : off) =
                object.value(QStringLiteral("id")).toString();
        }
        flags.append(QJsonObject{{QStringLiteral("key"), key},
                                 {QStringLiteral("id"), flag.value(QStringLiteral("id"))},
                                 {QStringLiteral("revision"), flag.value(QStringLiteral("revision"))},
                                 {QStringLiteral("on"), on},
                                 {QStringLiteral("off"), off}});
    }
    return QJsonObject{{QStringLiteral("api"), server.apiUrl().toString()},
                       {QStringLiteral("evaluation"), server.evaluationUrl().toString()},
                       {QStringLiteral("environment"), environmentId},
                       {QStringLiteral("token"), FeatBitTestServer::AccessToken},
                       {QStringLiteral("flags"), flags}};
}

using StdinLines::say;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const std::optional<Options> parsed = parseArguments(app.arguments());
    if (!parsed) {
        std::fprintf(stderr, "usage: featbitprocess [--ports API EVALUATION] [--state FILE] [--project KEY] "
                             "[--flags COUNT PREFIX] [--describe FILE] [--stop-at-audit-page N] [--stop-when-off FLAG]\n");
        return 2;
    }
    const Options &options = *parsed;
    FeatBitTestServer server(options.apiPort, options.evaluationPort);
    if (!listensOn(server.apiUrl(), options.apiPort) || !listensOn(server.evaluationUrl(), options.evaluationPort)) {
        std::fprintf(stderr, "featbitprocess: cannot listen on the ports given\n");
        return 1;
    }

    QString environmentId;
    QFile stored(options.statePath);
    if (!options.statePath.isEmpty() && stored.open(QIODevice::ReadOnly)) {
        server.restoreState(QJsonDocument::fromJson(stored.readAll()).object());
        environmentId = server.saveState().value(QStringLiteral("environments")).toArray().first().toObject().value(QStringLiteral("id")).toString();
    } else {
        environmentId = seed(server, options);
    }
    const auto save = [&] {
        if (options.statePath.isEmpty())
            return;
        QSaveFile file(options.statePath);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(server.saveState()).toJson(QJsonDocument::Compact)) < 0
            || !file.commit())
            qFatal("featbitprocess: cannot write its state to %s", qPrintable(options.statePath));
    };
    save();
    server.setOnChange([&] {
        save();
        if (!options.stopWhenOff.isEmpty()
            && !server.flag(environmentId, options.stopWhenOff).value(QStringLiteral("isEnabled")).toBool(true)) {
            say("stored " + options.stopWhenOff.toUtf8() + " off");
            ::raise(SIGSTOP);
        }
    });
    if (options.stopAtPage >= 0) {
        server.setOnAuditLogPage([stopAtPage = options.stopAtPage](const QString &, int pageIndex) {
            if (pageIndex != stopAtPage)
                return;
            say("audit page " + QByteArray::number(pageIndex));
            ::raise(SIGSTOP);
        });
    }
    if (!options.describePath.isEmpty()) {
        QFile file(options.describePath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(QJsonDocument(description(server, environmentId)).toJson(QJsonDocument::Compact)) < 0) {
            std::fprintf(stderr, "featbitprocess: cannot write %s\n", qPrintable(options.describePath));
            return 2;
        }
    }

    const auto commands = StdinLines::listen([&](const QStringList &words) {
        if (words.size() == 4 && words.at(0) == QLatin1String("set")) {
            const bool on = words.at(2) == QLatin1String("on");
            server.changeFlag(environmentId, words.at(1), [on](QJsonObject &flag) { flag.insert(QStringLiteral("isEnabled"), on); },
                              on ? QStringLiteral("TurnFlagOn") : QStringLiteral("TurnFlagOff"), QStringLiteral("Teammate"), 0,
                              words.at(3) == QLatin1String("push"));
            say("done");
        }
    });
    say("ready " + environmentId.toUtf8());
    return app.exec();
}
