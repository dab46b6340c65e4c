// The servers a test starts end with the test, however it ends: a child test process
// (crashwithservers) starts PostgreSQL, Unleash with its PostgreSQL, a Node service and
// Prometheus, says which processes and ports it holds, and dies by SIGKILL or abort(), with no
// destructor run. Within a few seconds every one of those processes must be gone and every
// port free.

#include "testchildprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>
#include <sys/wait.h>

namespace {

constexpr int GoneWithinMs = 5000;

// No process of that id any more, or only its exit status waiting to be collected.
bool gone(qint64 pid)
{
    // The orphans come to this test (a subreaper): collect them, as init would.
    ::waitpid(pid_t(pid), nullptr, WNOHANG);
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const char state = text.size() > text.lastIndexOf(')') + 2 ? text.at(text.lastIndexOf(')') + 2) : '?';
    return state == 'Z' || state == 'X';
}

bool portFree(quint16 port)
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

// Who holds the port, as ss(8) says it ("users:(("postgres",pid=123,fd=5))").
QString holderOf(quint16 port)
{
    QProcess ss;
    ss.start(QStringLiteral("ss"), {QStringLiteral("-Htanp"), QStringLiteral("sport = :%1").arg(port)});
    return ss.waitForFinished(5000) ? QString::fromUtf8(ss.readAll()) : QStringLiteral("(ss did not answer)");
}

qint64 parentOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2).split(' ').value(1).toLongLong();
}

// The living processes under this one. Orphans of the crashed test come here (a subreaper), so
// anything it left running, listed or not, is among them.
QStringList livingDescendants()
{
    QStringList found;
    const qint64 self = QCoreApplication::applicationPid();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == self || gone(pid))
            continue;
        for (qint64 up = parentOf(pid); up > 1; up = parentOf(up)) {
            if (up == self) {
                QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
                found.append(QStringLiteral("%1 (%2)").arg(pid).arg(
                    QString::fromUtf8(comm.open(QIODevice::ReadOnly) ? comm.readAll().trimmed() : QByteArray("?"))));
                break;
            }
        }
    }
    return found;
}

// A port that is taken again, by a process that is none of ours, was freed and then handed to
// another program on this shared machine (tests pick free ports from the same range).
bool takenByOthers(const QString &holder)
{
    static const QRegularExpression pidField(QStringLiteral("pid=(\\d+)"));
    QRegularExpressionMatchIterator it = pidField.globalMatch(holder);
    if (!it.hasNext())
        return false;
    const qint64 self = QCoreApplication::applicationPid();
    while (it.hasNext()) {
        for (qint64 up = it.next().captured(1).toLongLong(); up > 1; up = parentOf(up)) {
            if (up == self)
                return false;
        }
    }
    return true;
}

} // namespace

class tst_TestServerLifetime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nothingOutlivesTheTest_data();
    void nothingOutlivesTheTest();
};

void tst_TestServerLifetime::initTestCase()
{
    // What the crashed test leaves becomes this process's to collect, whatever PID 1 does.
    QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
}

void tst_TestServerLifetime::nothingOutlivesTheTest_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGKILL") << QStringLiteral("sigkill") << int(SIGKILL);
    QTest::newRow("abort") << QStringLiteral("abort") << int(SIGABRT);
}

void tst_TestServerLifetime::nothingOutlivesTheTest()
{
    QFETCH(QString, how);
    QFETCH(int, signal);

    // The crashed test's temporary folders, removed here since its destructors never run. Open to
    // the postgres user, whose data folder is inside.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QVERIFY(QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                     | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    QProcess test;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TMPDIR"), folder.path());
    test.setProcessEnvironment(environment);
    TestChildProcess::endWithTest(test);
    test.start(QStringLiteral(CRASH_WITH_SERVERS), {how});
    QVERIFY2(test.waitForFinished(90000), "the crashing test did not end in 90 s");
    const QByteArray said = test.readAllStandardOutput();
    const QByteArray complained = test.readAllStandardError();
    QVERIFY2(said.contains("\nREADY\n"), complained.constData());
    QCOMPARE(test.exitStatus(), QProcess::CrashExit);
    QCOMPARE(test.exitCode(), signal);

    QList<qint64> pids;
    QStringList names;
    QList<quint16> ports;
    QStringList portNames;
    for (const QByteArray &line : said.split('\n')) {
        const QList<QByteArray> words = line.split(' ');
        if (words.value(0) == "PROCESS") {
            pids.append(words.value(1).toLongLong());
            names.append(QString::fromUtf8(words.value(2)));
        } else if (words.value(0) == "PORT") {
            ports.append(quint16(words.value(1).toUInt()));
            portNames.append(QString::fromUtf8(words.value(2)));
        }
    }
    // What was started really ran: two postmasters with their helpers, Unleash and the service
    // on Node, Prometheus.
    QVERIFY2(names.count(QStringLiteral("postgres")) >= 4, qPrintable(names.join(QLatin1Char(' '))));
    QVERIFY2(names.count(QStringLiteral("node")) >= 2, qPrintable(names.join(QLatin1Char(' '))));
    QVERIFY2(names.contains(QStringLiteral("prometheus")), qPrintable(names.join(QLatin1Char(' '))));
    QCOMPARE(ports.size(), 4);

    QElapsedTimer waited;
    waited.start();
    const auto living = [&] {
        QStringList left;
        for (qsizetype i = 0; i < pids.size(); ++i) {
            if (!gone(pids.at(i)))
                left.append(QStringLiteral("%1 (%2)").arg(pids.at(i)).arg(names.at(i)));
        }
        return left;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(living().isEmpty(), qPrintable(QStringLiteral("still running: ") + living().join(QStringLiteral(", "))),
                              GoneWithinMs);
    // Nor anything it started that was not listed (a backend forked later, say).
    QTRY_VERIFY2_WITH_TIMEOUT(livingDescendants().isEmpty(),
                              qPrintable(QStringLiteral("left behind: ") + livingDescendants().join(QStringLiteral(", "))), GoneWithinMs);
    qInfo("%lld processes gone %lld ms after the test died", qint64(pids.size()), waited.elapsed());
    for (qsizetype i = 0; i < ports.size(); ++i) {
        const quint16 port = ports.at(i);
        if (QTest::qWaitFor([port] { return portFree(port); }, GoneWithinMs))
            continue;
        const QString holder = holderOf(port);
        QVERIFY2(takenByOthers(holder), qPrintable(QStringLiteral("port %1 (%2) is still taken: %3").arg(port).arg(portNames.at(i), holder)));
        qInfo("port %d (%s) was freed and taken again by another program: %s", int(port), qPrintable(portNames.at(i)),
              qPrintable(holder.trimmed()));
    }
}

QTEST_GUILESS_MAIN(tst_TestServerLifetime)
#include "tst_testserverlifetime.moc"
