// The FeatBit protocol test server as a process of its own, so that it outlives the consoles that
// change its flags (and die doing it) and can be asked afterwards, through its own audit-log API,
// what it did. Creates COUNT boolean flags (key PREFIX-0000 …, on, half of everyone served true)
// in one environment, writes where it listens and what it holds to FILE as JSON:
//   {"api": url, "evaluation": url, "environment": id, "token": access token,
//    "flags": [{"key", "id", "revision", "on", "off"}]}
// then prints "ready" and serves until it is terminated or its standard input closes.
#include "featbittestserver.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: featbitserverprocess COUNT PREFIX FILE\n");
        return 2;
    }
    const int count = args.at(1).toInt();
    FeatBitTestServer server;
    const QString environment = server.addEnvironment(QStringLiteral("once"), QStringLiteral("production"));
    QJsonArray flags;
    for (int i = 0; i < count; ++i) {
        const QString key = QStringLiteral("%1-%2").arg(args.at(2)).arg(i, 4, 10, QLatin1Char('0'));
        const QJsonObject flag = server.addBooleanFlag(environment, key, true, 5000);
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
    QFile file(args.at(3));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(args.at(3)));
        return 2;
    }
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("api"), server.apiUrl().toString()},
                                         {QStringLiteral("evaluation"), server.evaluationUrl().toString()},
                                         {QStringLiteral("environment"), environment},
                                         {QStringLiteral("token"), FeatBitTestServer::AccessToken},
                                         {QStringLiteral("flags"), flags}})
                   .toJson(QJsonDocument::Compact));
    file.close();
    // Whoever started it goes: so does the server (a test that dies leaves nothing listening).
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[256];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
            app.quit();
    });
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}
