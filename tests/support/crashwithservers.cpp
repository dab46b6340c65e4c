// A test process that starts the servers tests start (PostgreSQL, Unleash with its own
// PostgreSQL, Prometheus, a Node service), says what it started, then dies without a word:
// `crashwithservers sigkill` kills itself with SIGKILL, `crashwithservers abort` aborts.
// tst_testserverlifetime checks that nothing it started outlives it.
//
// Standard output, one line each:
//   PROCESS <pid> <name>   every process under this one once all are up
//   PORT <port> <what>     every port they listen on
// Their folders (no destructor will remove them) are under TMPDIR, which the test gives and removes.
//   READY                  the last line before the end

#include "instrumentedservice.h"
#include "postgresserver.h"
#include "prometheusserver.h"
#include "unleashundertest.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "crashwithservers: %s\n", qPrintable(what));
    std::fflush(stderr);
    std::exit(3);
}

void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QByteArray processName(qint64 pid)
{
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    return comm.open(QIODevice::ReadOnly) ? comm.readAll().trimmed() : QByteArray("?");
}

// Every process whose chain of parents leads to root, from /proc.
QList<qint64> descendants(qint64 root)
{
    QHash<qint64, qint64> parents;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            parents.insert(pid, fields.at(1).toLongLong());
    }
    QList<qint64> found;
    for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
        for (qint64 up = it.value(); up > 1; up = parents.value(up, 0)) {
            if (up == root) {
                found.append(it.key());
                break;
            }
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

quint16 portOf(const QString &target)
{
    return quint16(target.section(QLatin1Char(':'), -1).toUInt());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString how = app.arguments().value(1);
    if (how != QLatin1String("sigkill") && how != QLatin1String("abort"))
        fail(QStringLiteral("say how to end: sigkill or abort"));

    PostgresServer postgres;
    if (const QString error = postgres.start(); !error.isEmpty())
        fail(error);
    UnleashUnderTest unleash;
    if (const QString error = unleash.start(); !error.isEmpty())
        fail(error);
    InstrumentedService service;
    const QJsonObject plan{
        {QStringLiteral("variants"), QJsonArray{QStringLiteral("small"), QStringLiteral("large")}},
        {QStringLiteral("streams"),
         QJsonArray{QJsonObject{{QStringLiteral("flag"), QStringLiteral("chat-model-route")},
                                {QStringLiteral("setId"), QStringLiteral("production")},
                                {QStringLiteral("perSecond"), 20},
                                {QStringLiteral("latencySeconds"), QJsonObject{{QStringLiteral("small"), 0.2}, {QStringLiteral("large"), 0.4}}},
                                {QStringLiteral("errorRate"), QJsonObject{{QStringLiteral("small"), 0.01}, {QStringLiteral("large"), 0.02}}}}}}};
    if (const QString error = service.start(plan); !error.isEmpty())
        fail(error);
    PrometheusServer prometheus;
    if (const QString error = prometheus.startScraping({service.target()}, QStringLiteral("1s")); !error.isEmpty())
        fail(error);

    for (const qint64 pid : descendants(QCoreApplication::applicationPid()))
        say("PROCESS " + QByteArray::number(pid) + ' ' + processName(pid));
    say("PORT " + QByteArray::number(postgres.port()) + " postgresql");
    say("PORT " + QByteArray::number(unleash.url().port()) + " unleash");
    say("PORT " + QByteArray::number(portOf(service.target())) + " node-service");
    say("PORT " + QByteArray::number(prometheus.url().port()) + " prometheus");
    say("READY");

    if (how == QLatin1String("abort"))
        std::abort();
    ::kill(::getpid(), SIGKILL);
    return 4; // never reached
}
