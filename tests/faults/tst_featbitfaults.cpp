// Faults survived, against the FeatBit protocol test server run as a process of its own (its state
// kept in a file, as FeatBit keeps it in its database): frozen (SIGSTOP) with a kill in flight and
// killed (SIGKILL); killed after it stored a kill but before it answered; killed with its evaluation stream open, a teammate's change stored but its push
// lost; killed in the middle of the audit sync's paging. Each time it is started again on the same
// ports and state, and the case ends checking that the rows say what the server, read again,
// says, that the audit cache holds every intent and every server audit log once, and that the
// table matches the server.
#include "connectors/flagserver.h"
#include "control/auditsync.h"
#include "control/consolecontroller.h"
#include "control/flagstore.h"
#include "control/killswitch.h"
#include "featbittestserver.h"
#include "item/flagtablemodel.h"
#include "listenport.h"
#include "store/auditcache.h"
#include "store/connectionsettings.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"
#include "testconsole.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QSettings>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QString Production = QStringLiteral("ai/production");
const QStringList FlagKeys = {QStringLiteral("fault.route"), QStringLiteral("fault.search"), QStringLiteral("fault.tools"),
                              QStringLiteral("history.filler")};

// featbitprocess: started, frozen, killed and started again on the same ports and state file.
class FeatBitProcess
{
public:
    explicit FeatBitProcess(const QString &statePath) : m_statePath(statePath), m_apiPort(listenPort()), m_evaluationPort(listenPort()) {}
    ~FeatBitProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            ::kill(pid_t(m_process.processId()), SIGKILL);
            m_process.waitForFinished(5000);
        }
    }

    // Empty once it listens; options: where it stops itself (see featbitprocess.cpp).
    QString start(const QStringList &options = {})
    {
        const QStringList arguments = QStringList{QStringLiteral("--ports"), QString::number(m_apiPort), QString::number(m_evaluationPort),
                                                  QStringLiteral("--state"), m_statePath}
                                      + options;
        m_output.clear();
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(FEATBIT_PROCESS), arguments);
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("featbitprocess did not start: ") + m_process.errorString();
        const QByteArray ready = waitForLine("ready ", 10000);
        if (ready.isEmpty())
            return QStringLiteral("featbitprocess did not say ready");
        m_environmentId = QString::fromUtf8(ready.mid(6));
        return {};
    }
    // The next line of its output starting with prefix (what came before it is used up), empty at
    // the deadline.
    QByteArray waitForLine(const QByteArray &prefix, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (true) {
            m_output += m_process.readAllStandardOutput();
            qsizetype start = 0;
            qsizetype end;
            while ((end = m_output.indexOf('\n', start)) >= 0) {
                const QByteArray line = m_output.mid(start, end - start);
                start = end + 1;
                if (line.startsWith(prefix)) {
                    m_output.remove(0, start);
                    return line;
                }
            }
            if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
                return {};
            QTest::qWait(20);
        }
    }
    void send(const QByteArray &line) { m_process.write(line + '\n'); }
    void pause() { ::kill(pid_t(m_process.processId()), SIGSTOP); }
    void killHard()
    {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(10000);
    }
    QUrl apiUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_apiPort)); }
    QUrl evaluationUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_evaluationPort)); }
    QString environmentId() const { return m_environmentId; }

    // The management API, as FeatBit's own UI would read it: the data of the envelope.
    QJsonValue get(const QString &path)
    {
        QNetworkRequest request(QUrl(apiUrl().toString() + path));
        request.setRawHeader("Authorization", FeatBitTestServer::AccessToken.toUtf8());
        request.setTransferTimeout(10000);
        QNetworkReply *reply = m_network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject envelope = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return envelope.value(QStringLiteral("data"));
    }
    std::optional<bool> enabled(const QString &key)
    {
        const QJsonValue flag = get(QStringLiteral("/api/v1/envs/%1/feature-flags/%2").arg(m_environmentId, key));
        if (!flag.isObject())
            return std::nullopt;
        return flag[QStringLiteral("isEnabled")].toBool();
    }
    QList<QJsonObject> auditLogs()
    {
        QList<QJsonObject> logs;
        const QJsonValue page = get(QStringLiteral("/api/v1/envs/%1/audit-logs?pageIndex=0&pageSize=100000").arg(m_environmentId));
        for (const QJsonValue &log : page[QStringLiteral("items")].toArray())
            logs.append(log.toObject());
        return logs;
    }
    // How many times the server turned the flag off, by its audit logs.
    int timesTurnedOff(const QString &key)
    {
        const QString flagId = get(QStringLiteral("/api/v1/envs/%1/feature-flags/%2").arg(m_environmentId, key))[QStringLiteral("id")].toString();
        int off = 0;
        for (const QJsonObject &log : auditLogs()) {
            const QJsonArray instructions = log.value(QStringLiteral("instructions")).toArray();
            if (log.value(QStringLiteral("refId")).toString() == flagId && !instructions.isEmpty()
                && instructions.first()[QStringLiteral("kind")].toString() == QLatin1String("TurnFlagOff"))
                ++off;
        }
        return off;
    }

private:
    QString m_statePath;
    quint16 m_apiPort;
    quint16 m_evaluationPort;
    QProcess m_process;
    QByteArray m_output;
    QString m_environmentId;
    QNetworkAccessManager m_network;
};

} // namespace

class tst_FeatBitFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void featbitKilledWhileAKillIsPending();
    void featbitKilledAfterStoringAKill();
    void featbitKilledMidStream();
    void featbitKilledMidAuditPage();

private:
    std::unique_ptr<ConsoleController> console(QSettings &settings, FeatBitProcess &featbit, const QString &name);
    // Every flag of the console's table is what the server says, and shown live.
    void checkTableMatches(ConsoleController &console, FeatBitProcess &featbit, const QString &connectionId);
    // After a kill of ref in flight when the server died: the row says what the server, read again,
    // says; the row never showed "Off" (seen: every state it showed); the intent is audited once
    // with these outcomes; the server did the kill at most once; the table and history match it.
    void checkKillOutcome(ConsoleController &console, FeatBitProcess &featbit, const FlagRef &ref,
                          const QList<FlagTableModel::StateKind> &seen, const QStringList &outcomes);
    // The server's audit logs are each in the cache once: none lost, none twice.
    void checkHistoryWhole(ConsoleController &console, FeatBitProcess &featbit, const QString &connectionId);

    MemorySecretStore m_secrets;
    QTemporaryDir m_dir;
};

void tst_FeatBitFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<ConsoleController> tst_FeatBitFaults::console(QSettings &settings, FeatBitProcess &featbit, const QString &name)
{
    ConnectionConfig config;
    config.id = QStringLiteral("featbit-") + name;
    config.kind = ConnectionConfig::Kind::FeatBit;
    config.displayName = QStringLiteral("FeatBit (%1)").arg(name);
    config.url = featbit.apiUrl();
    config.evaluationUrl = featbit.evaluationUrl();
    config.secretRef = QStringLiteral("connection/%1/token").arg(config.id);
    saveConnection(settings, m_secrets, config, FeatBitTestServer::AccessToken);
    return startConsole(settings, &m_secrets, QDir(m_dir.path()), name);
}

void tst_FeatBitFaults::checkTableMatches(ConsoleController &console, FeatBitProcess &featbit, const QString &connectionId)
{
    for (const QString &key : FlagKeys) {
        const std::optional<bool> enabled = featbit.enabled(key);
        QVERIFY2(enabled.has_value(), qPrintable(key));
        const FlagRef ref{connectionId, Production, key};
        QTRY_VERIFY2_WITH_TIMEOUT(console.flagStore()->find(ref) && console.flagStore()->find(ref)->flag.enabled == *enabled, qPrintable(key), 10000);
        QVERIFY(console.flagStore()->find(ref)->isLive());
    }
}

void tst_FeatBitFaults::checkHistoryWhole(ConsoleController &console, FeatBitProcess &featbit, const QString &connectionId)
{
    QSet<QString> serverIds;
    for (const QJsonObject &log : featbit.auditLogs())
        serverIds.insert(QStringLiteral("audit-log:") + log.value(QStringLiteral("id")).toString());
    QVERIFY(serverIds.size() >= 350);
    const auto cachedIds = [&] {
        console.auditWriter()->flush();
        AuditCache cache;
        QStringList ids;
        if (!cache.open(console.auditWriter()->path()))
            return ids;
        QSqlQuery query(cache.database());
        query.prepare(QStringLiteral("SELECT source_id FROM audit_events WHERE server = ? AND source_id LIKE 'audit-log:%'"));
        query.addBindValue(connectionId);
        query.exec();
        while (query.next())
            ids.append(query.value(0).toString());
        return ids;
    };
    QTRY_COMPARE_WITH_TIMEOUT(cachedIds().size(), serverIds.size(), 20000);
    const QStringList ids = cachedIds();
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), serverIds);
}

void tst_FeatBitFaults::featbitKilledWhileAKillIsPending()
{
    FeatBitProcess featbit(m_dir.filePath(QStringLiteral("pending.json")));
    QCOMPARE(featbit.start(), QString());
    QSettings settings(m_dir.filePath(QStringLiteral("pending.ini")), QSettings::IniFormat);
    const auto console = this->console(settings, featbit, QStringLiteral("pending"));
    const QString id = QStringLiteral("featbit-pending");
    QTRY_VERIFY_WITH_TIMEOUT(console->initialLoadDone(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(console->server(id)->liveUpdatesProblem().isEmpty(), 10000);
    const FlagRef ref{id, Production, QStringLiteral("fault.route")};
    QVERIFY(console->flagStore()->find(ref) && console->flagStore()->find(ref)->flag.enabled);
    QList<FlagTableModel::StateKind> seen;
    connect(console->flagStore(), &FlagStore::entryChanged, this, [&](int index) {
        if (console->flagStore()->at(index).ref == ref)
            seen.append(FlagTableModel::stateKind(console->flagStore()->at(index)));
    });

    featbit.pause();
    std::optional<ConfirmedChanges::Outcome> outcome;
    console->killSwitch()->kill({ref}, QStringLiteral("fault drill"), std::nullopt,
                                [&](const ConfirmedChanges::Outcome &ended) { outcome = ended; });
    QCOMPARE(FlagTableModel::stateKind(*console->flagStore()->find(ref)), FlagTableModel::StateKind::Pending);
    QTest::qWait(1000);
    QVERIFY(!outcome);
    featbit.killHard();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 12000);
    QVERIFY(!outcome->confirmed);
    // Its connection died with it: the failure says so, not a timeout.
    QVERIFY2(outcome->reason.contains(QLatin1String("could not be reached")), qPrintable(outcome->reason));
    QVERIFY(console->flagStore()->find(ref)->flag.enabled);
    QCOMPARE(featbit.start(), QString());

    // The stream comes back, the server is read again: the row says what it says.
    QTRY_VERIFY_WITH_TIMEOUT(console->server(id)->liveUpdatesProblem().isEmpty(), 30000);
    checkKillOutcome(*console, featbit, ref, seen, {QStringLiteral("requested"), QStringLiteral("failed")});
}

void tst_FeatBitFaults::checkKillOutcome(ConsoleController &console, FeatBitProcess &featbit, const FlagRef &ref,
                                         const QList<FlagTableModel::StateKind> &seen, const QStringList &outcomes)
{
    const std::optional<bool> enabled = featbit.enabled(ref.key);
    QVERIFY(enabled.has_value());
    checkTableMatches(console, featbit, ref.connectionId);
    const FlagStore::Entry *row = console.flagStore()->find(ref);
    QCOMPARE(FlagTableModel::stateKind(*row), *enabled ? FlagTableModel::StateKind::Failed : FlagTableModel::StateKind::Killed);
    QVERIFY(!seen.contains(FlagTableModel::StateKind::Off));
    QCOMPARE(featbit.timesTurnedOff(ref.key), *enabled ? 0 : 1);

    QHash<QString, QStringList> intents;
    QList<AuditEntry> written = TestAudit::written(*console.auditWriter());
    std::reverse(written.begin(), written.end());
    for (const AuditEntry &entry : std::as_const(written)) {
        if (entry.flagKey == ref.key && entry.sourceId.startsWith(QLatin1String("console:")))
            intents[entry.sourceId.section(QLatin1Char(':'), 1, 1)].append(entry.outcome);
    }
    QCOMPARE(intents.size(), 1);
    QCOMPARE(intents.begin().value(), outcomes);
    QCOMPARE(intents.begin().value().last() == QLatin1String("confirmed"), !*enabled);
    checkHistoryWhole(console, featbit, ref.connectionId);
}

void tst_FeatBitFaults::featbitKilledAfterStoringAKill()
{
    // The server stores the kill, then dies before its answer or its push leaves.
    FeatBitProcess featbit(m_dir.filePath(QStringLiteral("stored.json")));
    QCOMPARE(featbit.start({QStringLiteral("--stop-when-off"), QStringLiteral("fault.search")}), QString());
    QSettings settings(m_dir.filePath(QStringLiteral("stored.ini")), QSettings::IniFormat);
    const auto console = this->console(settings, featbit, QStringLiteral("stored"));
    const QString id = QStringLiteral("featbit-stored");
    QTRY_VERIFY_WITH_TIMEOUT(console->initialLoadDone(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(console->server(id)->liveUpdatesProblem().isEmpty(), 10000);
    const FlagRef ref{id, Production, QStringLiteral("fault.search")};
    QList<FlagTableModel::StateKind> seen;
    connect(console->flagStore(), &FlagStore::entryChanged, this, [&](int index) {
        if (console->flagStore()->at(index).ref == ref)
            seen.append(FlagTableModel::stateKind(console->flagStore()->at(index)));
    });

    std::optional<ConfirmedChanges::Outcome> outcome;
    console->killSwitch()->kill({ref}, QStringLiteral("fault drill"), std::nullopt,
                                [&](const ConfirmedChanges::Outcome &ended) { outcome = ended; });
    QVERIFY(!featbit.waitForLine("stored fault.search off", 10000).isEmpty());
    QCOMPARE(FlagTableModel::stateKind(*console->flagStore()->find(ref)), FlagTableModel::StateKind::Pending);
    featbit.killHard();
    // The console cannot know yet: the kill failed as far as it heard, the flag as last reported.
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 12000);
    QVERIFY(!outcome->confirmed);
    QVERIFY2(outcome->reason.contains(QLatin1String("could not be reached")), qPrintable(outcome->reason));
    QCOMPARE(FlagTableModel::stateKind(*console->flagStore()->find(ref)), FlagTableModel::StateKind::Failed);
    QVERIFY(console->flagStore()->find(ref)->flag.enabled);

    // Back, the server says the flag is off: the kill was done, and the row and audit say so.
    QCOMPARE(featbit.start(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(console->server(id)->liveUpdatesProblem().isEmpty(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(FlagTableModel::stateKind(*console->flagStore()->find(ref)), FlagTableModel::StateKind::Killed, 10000);
    QVERIFY2(FlagTableModel::stateText(*console->flagStore()->find(ref)).startsWith(QLatin1String("KILLED by")),
             qPrintable(FlagTableModel::stateText(*console->flagStore()->find(ref))));
    QCOMPARE(console->flagStore()->find(ref)->kill->reason, QStringLiteral("fault drill"));
    checkKillOutcome(*console, featbit, ref, seen,
                     {QStringLiteral("requested"), QStringLiteral("failed"), QStringLiteral("confirmed")});
    const QList<AuditEntry> written = TestAudit::written(*console->auditWriter());
    const auto late = std::find_if(written.cbegin(), written.cend(), [&](const AuditEntry &entry) {
        return entry.flagKey == ref.key && entry.outcome == QLatin1String("confirmed");
    });
    QVERIFY(late != written.cend());
    QVERIFY2(late->comment.contains(QLatin1String("after the connection broke")), qPrintable(late->comment));
}

void tst_FeatBitFaults::featbitKilledMidStream()
{
    FeatBitProcess featbit(m_dir.filePath(QStringLiteral("stream.json")));
    QCOMPARE(featbit.start(), QString());
    QSettings settings(m_dir.filePath(QStringLiteral("stream.ini")), QSettings::IniFormat);
    const auto console = this->console(settings, featbit, QStringLiteral("stream"));
    const QString id = QStringLiteral("featbit-stream");
    QTRY_VERIFY_WITH_TIMEOUT(console->initialLoadDone(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(console->server(id)->liveUpdatesProblem().isEmpty(), 10000);
    const FlagRef search{id, Production, QStringLiteral("fault.search")};
    const FlagRef tools{id, Production, QStringLiteral("fault.tools")};

    // The stream works: a teammate's change arrives by its push.
    featbit.send("set fault.tools off push");
    QVERIFY(!featbit.waitForLine("done", 5000).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!console->flagStore()->find(tools)->flag.enabled, 3000);

    // Another change is stored, and the server dies before its push goes out.
    featbit.send("set fault.search off nopush");
    QVERIFY(!featbit.waitForLine("done", 5000).isEmpty());
    featbit.killHard();
    QTRY_VERIFY_WITH_TIMEOUT(!console->server(id)->liveUpdatesProblem().isEmpty(), 10000);
    QVERIFY(console->flagStore()->find(search)->flag.enabled); // nothing said it yet

    QCOMPARE(featbit.start(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(console->server(id)->liveUpdatesProblem().isEmpty(), 30000);
    // What was stored while nobody listened arrives on reconnecting; it is off by someone else.
    QTRY_VERIFY_WITH_TIMEOUT(!console->flagStore()->find(search)->flag.enabled, 10000);
    QCOMPARE(FlagTableModel::stateKind(*console->flagStore()->find(search)), FlagTableModel::StateKind::Off);
    // And the new stream carries the next change.
    featbit.send("set fault.tools on push");
    QVERIFY(!featbit.waitForLine("done", 5000).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(console->flagStore()->find(tools)->flag.enabled, 3000);

    checkTableMatches(*console, featbit, id);
    // The console changed nothing: it recorded no intent, the teammate's changes came as history.
    for (const AuditEntry &entry : TestAudit::written(*console->auditWriter()))
        QVERIFY2(!entry.sourceId.startsWith(QLatin1String("console:")), qPrintable(entry.sourceId));
    checkHistoryWhole(*console, featbit, id);
}

void tst_FeatBitFaults::featbitKilledMidAuditPage()
{
    FeatBitProcess featbit(m_dir.filePath(QStringLiteral("audit.json")));
    QCOMPARE(featbit.start({QStringLiteral("--stop-at-audit-page"), QStringLiteral("2")}), QString());
    QSettings settings(m_dir.filePath(QStringLiteral("audit.ini")), QSettings::IniFormat);
    const auto console = this->console(settings, featbit, QStringLiteral("audit"));
    const QString id = QStringLiteral("featbit-audit");

    // The audit sync pages through 350 audit logs, 100 a page: the server dies asked for the third.
    QVERIFY(!featbit.waitForLine("audit page 2", 20000).isEmpty());
    featbit.killHard();
    {
        console->auditWriter()->flush();
        AuditCache cache;
        QVERIFY(cache.open(console->auditWriter()->path()));
        QSqlQuery query(cache.database());
        query.prepare(QStringLiteral("SELECT count(*) FROM audit_events WHERE server = ? AND source_id LIKE 'audit-log:%'"));
        query.addBindValue(id);
        QVERIFY(query.exec() && query.next());
        QVERIFY2(query.value(0).toInt() < 350, "the sync was not interrupted in the middle");
    }

    QCOMPARE(featbit.start(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(console->auditSync(id) && console->auditSync(id)->isCaughtUp(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(console->server(id)->liveUpdatesProblem().isEmpty(), 30000);
    checkHistoryWhole(*console, featbit, id);
    checkTableMatches(*console, featbit, id);

    // And it goes on from there: a change after the restart arrives once too.
    featbit.send("set fault.route off push");
    QVERIFY(!featbit.waitForLine("done", 5000).isEmpty());
    console->auditSync(id)->syncSoon();
    checkHistoryWhole(*console, featbit, id);
    checkTableMatches(*console, featbit, id);
}

QTEST_GUILESS_MAIN(tst_FeatBitFaults)
#include "tst_featbitfaults.moc"
