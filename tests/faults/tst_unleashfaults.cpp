// Faults survived, against a real Unleash with PostgreSQL on 127.0.0.1: the server frozen
// (SIGSTOP) while a kill is in flight, then thawed after 9 s or 11 s, or killed (SIGKILL) and
// restarted on the same database and port; and the console itself killed between "requested" and
// the answer. Every case ends with the same check: the row says what the server, read again, says
// (confirmed or failed, never "off" unconfirmed), the audit holds each intent once with its
// requested row and its outcome, the server turned the flag off at most once, and the table
// matches the server.
#include "control/consolecontroller.h"
#include "control/flagstore.h"
#include "control/interruptedchanges.h"
#include "control/killswitch.h"
#include "connectors/flagserver.h"
#include "item/flagtablemodel.h"
#include "store/auditlookup.h"
#include "store/connectionsettings.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"
#include "testconsole.h"
#include "unleashundertest.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QString Development = QStringLiteral("default/development");
const QStringList FlagKeys = {QStringLiteral("fault.route"), QStringLiteral("fault.search"), QStringLiteral("fault.tools")};

// Every state a row showed while a fault went on, for "never off unless the server confirmed".
struct RowTrace
{
    QList<FlagTableModel::StateKind> kinds;
    QStringList texts;
    bool everOffUnconfirmed() const
    {
        return kinds.contains(FlagTableModel::StateKind::Off);
    }
};

// Where a case spends its time, in the test's log (these cases wait on real processes).
void phase(const char *what)
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    qInfo("%6lld ms: %s", clock.elapsed(), what);
}

} // namespace

class tst_UnleashFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unleashKilledWhileAKillIsPending();
    void answerAfterNineSeconds();
    void answerAfterElevenSeconds();
    void neverAnswered();
    void consoleKilledBetweenRequestAndAnswer();

private:
    // What every case but the console's own death starts from: a console of its own (settings,
    // audit cache and inbox named after the case) connected to this Unleash, and the row of one
    // flag traced from then on.
    struct Case
    {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<ConsoleController> console;
        FlagRef ref;
        RowTrace trace;
    };
    void createFlag(const QString &key);
    // Null when the console did not connect (the test has failed then).
    std::unique_ptr<Case> startCase(const QString &name, const QString &flagKey);
    // A console with one connection to this Unleash, connected and polling every half second.
    std::unique_ptr<ConsoleController> startedConsole(QSettings &settings, const QString &name);
    // The settings file of the case name, holding its one connection to this Unleash.
    std::unique_ptr<QSettings> caseSettings(const QString &name);
    QString connectionId(const QString &name) const { return QStringLiteral("unleash-") + name; }
    // The flag's state in development as Unleash's admin API says it now.
    std::optional<bool> serverEnabled(const QString &key);
    // How many times Unleash's event log says the flag was turned off in development.
    int timesTurnedOff(const QString &key);
    // The console's intents on the flag (console:<intent>:<outcome> rows), each with its outcomes oldest first.
    QHash<QString, QStringList> intents(AuditWriter &audit, const QString &key);
    void traceRow(ConsoleController &console, const FlagRef &ref, RowTrace &trace);
    // The closing check of every case: nothing lost, duplicated or misreported.
    void checkNothingLost(ConsoleController &console, const FlagRef &ref, const QStringList &expectedOutcomes,
                          const RowTrace &trace);
    // Sends a kill of ref and returns a holder the outcome is written into.
    std::shared_ptr<std::optional<ConfirmedChanges::Outcome>> kill(ConsoleController &console, const FlagRef &ref);
    // Unleash killed if it still runs, started again on the same database and port, and console
    // connected to it again; false (said why) when not.
    bool restartedAndReconnected(ConsoleController &console, const QString &connectionId);
    // The same kill with Unleash frozen first, so that no answer can come until it is thawed.
    std::shared_ptr<std::optional<ConfirmedChanges::Outcome>> killWhileFrozen(ConsoleController &console, const FlagRef &ref);

    UnleashUnderTest m_unleash;
    MemorySecretStore m_secrets;
    QTemporaryDir m_dir;
};

void tst_UnleashFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    phase("starting Unleash");
    if (const QString error = m_unleash.start(); !error.isEmpty())
        QFAIL(qPrintable(error));
    phase("Unleash started");
    for (const QString &key : FlagKeys)
        createFlag(key);
}

void tst_UnleashFaults::createFlag(const QString &key)
{
    QCOMPARE(m_unleash.post(QStringLiteral("/api/admin/projects/default/features"),
                            QJsonObject{{QStringLiteral("name"), key}, {QStringLiteral("type"), QStringLiteral("release")}})
                 .status,
             201);
    const QJsonObject strategy{{QStringLiteral("name"), QStringLiteral("flexibleRollout")},
                               {QStringLiteral("constraints"), QJsonArray()},
                               {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("rollout"), QStringLiteral("100")},
                                                                          {QStringLiteral("stickiness"), QStringLiteral("default")},
                                                                          {QStringLiteral("groupId"), key}}}};
    const QString base = QStringLiteral("/api/admin/projects/default/features/%1/environments/development").arg(key);
    QCOMPARE(m_unleash.post(base + QStringLiteral("/strategies"), strategy).status, 200);
    QCOMPARE(m_unleash.post(base + QStringLiteral("/on")).status, 200);
}

std::unique_ptr<QSettings> tst_UnleashFaults::caseSettings(const QString &name)
{
    auto settings = std::make_unique<QSettings>(m_dir.filePath(name + QStringLiteral(".ini")), QSettings::IniFormat);
    saveConnection(*settings, m_secrets, unleashConnection(m_unleash.url(), name), UnleashUnderTest::adminToken());
    return settings;
}

std::unique_ptr<tst_UnleashFaults::Case> tst_UnleashFaults::startCase(const QString &name, const QString &flagKey)
{
    // On the heap: the row's trace is written through a reference to it.
    auto started = std::make_unique<Case>();
    started->settings = caseSettings(name);
    started->console = startedConsole(*started->settings, name);
    if (!started->console)
        return nullptr;
    started->ref = FlagRef{connectionId(name), Development, flagKey};
    traceRow(*started->console, started->ref, started->trace);
    return started;
}

std::unique_ptr<ConsoleController> tst_UnleashFaults::startedConsole(QSettings &settings, const QString &name)
{
    std::unique_ptr<ConsoleController> console =
        startConnectedConsole(settings, &m_secrets, QDir(m_dir.path()), name, connectionId(name));
    if (console)
        console->server(connectionId(name))->setPollInterval(500);
    return console;
}

std::optional<bool> tst_UnleashFaults::serverEnabled(const QString &key)
{
    const UnleashUnderTest::Response feature = m_unleash.get(QStringLiteral("/api/admin/projects/default/features/%1").arg(key));
    if (feature.status != 200)
        return std::nullopt;
    for (const QJsonValue &environment : feature.object().value(QStringLiteral("environments")).toArray()) {
        if (environment[QStringLiteral("name")].toString() == QLatin1String("development"))
            return environment[QStringLiteral("enabled")].toBool();
    }
    return std::nullopt;
}

int tst_UnleashFaults::timesTurnedOff(const QString &key)
{
    const UnleashUnderTest::Response events = m_unleash.get(QStringLiteral("/api/admin/events/%1").arg(key));
    if (events.status != 200)
        return -1;
    int off = 0;
    for (const QJsonValue &event : events.object().value(QStringLiteral("events")).toArray()) {
        if (event[QStringLiteral("type")].toString() == QLatin1String("feature-environment-disabled")
            && event[QStringLiteral("environment")].toString() == QLatin1String("development"))
            ++off;
    }
    return off;
}

QHash<QString, QStringList> tst_UnleashFaults::intents(AuditWriter &audit, const QString &key)
{
    QHash<QString, QStringList> found;
    QList<AuditEntry> entries = TestAudit::written(audit);
    std::reverse(entries.begin(), entries.end()); // oldest first
    for (const AuditEntry &entry : std::as_const(entries)) {
        if (entry.flagKey != key || !entry.sourceId.startsWith(QLatin1String("console:")))
            continue;
        const QStringList parts = entry.sourceId.split(QLatin1Char(':'));
        if (parts.size() == 3 && parts.at(2) == entry.outcome)
            found[parts.at(1)].append(entry.outcome);
    }
    return found;
}

void tst_UnleashFaults::traceRow(ConsoleController &console, const FlagRef &ref, RowTrace &trace)
{
    FlagStore *store = console.flagStore();
    connect(store, &FlagStore::entryChanged, this, [store, ref, &trace](int index) {
        const FlagStore::Entry &entry = store->at(index);
        if (entry.ref != ref)
            return;
        trace.kinds.append(FlagTableModel::stateKind(entry));
        trace.texts.append(FlagTableModel::stateText(entry));
    });
}

std::shared_ptr<std::optional<ConfirmedChanges::Outcome>> tst_UnleashFaults::kill(ConsoleController &console, const FlagRef &ref)
{
    auto outcome = std::make_shared<std::optional<ConfirmedChanges::Outcome>>();
    console.killSwitch()->kill({ref}, QStringLiteral("fault drill"), std::nullopt,
                               [outcome](const ConfirmedChanges::Outcome &ended) { *outcome = ended; });
    return outcome;
}

std::shared_ptr<std::optional<ConfirmedChanges::Outcome>> tst_UnleashFaults::killWhileFrozen(ConsoleController &console,
                                                                                         const FlagRef &ref)
{
    phase("Unleash frozen, kill sent");
    m_unleash.pause();
    return kill(console, ref);
}

bool tst_UnleashFaults::restartedAndReconnected(ConsoleController &console, const QString &connectionId)
{
    phase("restarting Unleash");
    if (const QString error = m_unleash.restart(); !error.isEmpty()) {
        qWarning("Unleash did not start again: %s", qPrintable(error));
        return false;
    }
    phase("Unleash restarted");
    if (!QTest::qWaitFor([&] { return console.connectionState(connectionId) == ConnectionState::Connected; }, 40000)) {
        qWarning("the console did not connect to the restarted Unleash in 40 s");
        return false;
    }
    phase("reconnected");
    return true;
}

void tst_UnleashFaults::checkNothingLost(ConsoleController &console, const FlagRef &ref, const QStringList &expectedOutcomes,
                                         const RowTrace &trace)
{
    // The server, read again, is the truth the row must say.
    const std::optional<bool> enabled = serverEnabled(ref.key);
    QVERIFY(enabled.has_value());
    const FlagStore::Entry *row = console.flagStore()->find(ref);
    QVERIFY(row);
    QTRY_COMPARE_WITH_TIMEOUT(console.flagStore()->find(ref)->flag.enabled, *enabled, 10000);
    row = console.flagStore()->find(ref);
    const FlagTableModel::StateKind kind = FlagTableModel::stateKind(*row);
    if (*enabled) {
        QCOMPARE(kind, FlagTableModel::StateKind::Failed);
        QVERIFY2(FlagTableModel::stateText(*row).startsWith(QLatin1String("Kill failed")), qPrintable(FlagTableModel::stateText(*row)));
    } else {
        QCOMPARE(kind, FlagTableModel::StateKind::Killed); // off, by this console's kill, confirmed by the server
        QVERIFY(row->kill.has_value());
    }
    QVERIFY2(!trace.everOffUnconfirmed(), qPrintable(trace.texts.join(QStringLiteral(" → "))));
    if (!*enabled) {
        const qsizetype firstKilled = trace.kinds.indexOf(FlagTableModel::StateKind::Killed);
        QVERIFY(firstKilled >= 0);
    }

    // The audit: one intent, its request and its outcome(s), nothing twice.
    const QHash<QString, QStringList> recorded = intents(*console.auditWriter(), ref.key);
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.begin().value(), expectedOutcomes);
    QCOMPARE(recorded.begin().value().last() == QLatin1String("confirmed"), !*enabled);

    // The server did the kill at most once, and did it exactly when it says the flag is off.
    QCOMPARE(timesTurnedOff(ref.key), *enabled ? 0 : 1);

    // The table matches the server, flag by flag.
    for (const QString &key : FlagKeys) {
        const FlagStore::Entry *entry = console.flagStore()->find({ref.connectionId, Development, key});
        QVERIFY2(entry, qPrintable(key));
        QCOMPARE(entry->flag.enabled, serverEnabled(key).value_or(!entry->flag.enabled));
        QVERIFY(entry->isLive());
    }
}

void tst_UnleashFaults::unleashKilledWhileAKillIsPending()
{
    const std::unique_ptr<Case> started = startCase(QStringLiteral("a"), QStringLiteral("fault.route"));
    QVERIFY(started);
    const auto &[settings, console, ref, trace] = *started;

    const auto outcome = killWhileFrozen(*console, ref);
    QCOMPARE(FlagTableModel::stateKind(*console->flagStore()->find(ref)), FlagTableModel::StateKind::Pending);
    QTest::qWait(1000);
    QVERIFY(!outcome->has_value());
    QCOMPARE(FlagTableModel::stateKind(*console->flagStore()->find(ref)), FlagTableModel::StateKind::Pending);
    QCOMPARE(intents(*console->auditWriter(), ref.key).begin().value(), QStringList{QStringLiteral("requested")});

    m_unleash.killHard();
    QTRY_VERIFY_WITH_TIMEOUT(outcome->has_value(), 12000);
    QVERIFY(!(*outcome)->confirmed);
    // Its connection died with it: the failure says so, not a timeout.
    QVERIFY2((*outcome)->reason.contains(QLatin1String("could not be reached")), qPrintable((*outcome)->reason));
    QVERIFY(console->flagStore()->find(ref)->flag.enabled); // no word from the server: still what it last said
    QTRY_VERIFY_WITH_TIMEOUT(console->connectionState(ref.connectionId) != ConnectionState::Connected, 10000);

    QVERIFY(restartedAndReconnected(*console, ref.connectionId));
    checkNothingLost(*console, ref, {QStringLiteral("requested"), QStringLiteral("failed")}, trace);
}

void tst_UnleashFaults::answerAfterNineSeconds()
{
    const std::unique_ptr<Case> started = startCase(QStringLiteral("c9"), QStringLiteral("fault.search"));
    QVERIFY(started);
    const auto &[settings, console, ref, trace] = *started;

    QElapsedTimer clock;
    clock.start();
    const auto outcome = killWhileFrozen(*console, ref);
    QTest::qWait(9000 - int(clock.elapsed()));
    QVERIFY(!outcome->has_value());
    QCOMPARE(FlagTableModel::stateKind(*console->flagStore()->find(ref)), FlagTableModel::StateKind::Pending);
    QVERIFY(console->flagStore()->find(ref)->flag.enabled);
    m_unleash.resume();
    QTRY_VERIFY_WITH_TIMEOUT(outcome->has_value(), 5000);
    QVERIFY2((*outcome)->confirmed, qPrintable((*outcome)->reason));
    QVERIFY(clock.elapsed() < KillSwitch::DefaultTimeoutMs);
    checkNothingLost(*console, ref, {QStringLiteral("requested"), QStringLiteral("confirmed")}, trace);
}

void tst_UnleashFaults::answerAfterElevenSeconds()
{
    const std::unique_ptr<Case> started = startCase(QStringLiteral("c11"), QStringLiteral("fault.tools"));
    QVERIFY(started);
    const auto &[settings, console, ref, trace] = *started;
    QSignalSpy confirmed(console->killSwitch(), &KillSwitch::confirmed);

    QElapsedTimer clock;
    clock.start();
    const auto outcome = killWhileFrozen(*console, ref);
    // At the timeout: failed, the flag still as the server last said (on), never "off".
    QTRY_VERIFY_WITH_TIMEOUT(outcome->has_value(), 12000);
    // Not before the 10 s the person is told (a coarse timer gave up at 9.5 s).
    QVERIFY2(clock.elapsed() >= KillSwitch::DefaultTimeoutMs - 2, qPrintable((*outcome)->reason));
    QVERIFY(!(*outcome)->confirmed);
    const FlagStore::Entry *row = console->flagStore()->find(ref);
    QCOMPARE(FlagTableModel::stateKind(*row), FlagTableModel::StateKind::Failed);
    QVERIFY(row->flag.enabled);
    QCOMPARE(FlagTableModel::rowAction(*row), FlagTableModel::RowAction::RetryKill);
    QTest::qWait(11000 - int(clock.elapsed()));
    QVERIFY(console->flagStore()->find(ref)->flag.enabled);

    // The late answer is the server's word: the row follows it, and says who killed it.
    m_unleash.resume();
    QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 1, 5000);
    row = console->flagStore()->find(ref);
    QVERIFY(!row->flag.enabled);
    QCOMPARE(row->operation, FlagStore::Operation::None);
    QVERIFY2(FlagTableModel::stateText(*row).startsWith(QLatin1String("KILLED by")), qPrintable(FlagTableModel::stateText(*row)));
    QCOMPARE(row->kill->reason, QStringLiteral("fault drill"));
    checkNothingLost(*console, ref, {QStringLiteral("requested"), QStringLiteral("failed"), QStringLiteral("confirmed")}, trace);
    // The late confirmation says so in the audit.
    const QList<AuditEntry> written = TestAudit::written(*console->auditWriter());
    const auto late = std::find_if(written.cbegin(), written.cend(), [&](const AuditEntry &entry) {
        return entry.flagKey == ref.key && entry.outcome == QLatin1String("confirmed");
    });
    QVERIFY(late != written.cend());
    QVERIFY2(late->comment.contains(QLatin1String("after the 10 s timeout")), qPrintable(late->comment));
}

void tst_UnleashFaults::neverAnswered()
{
    const std::unique_ptr<Case> started = startCase(QStringLiteral("never"), QStringLiteral("fault.route"));
    QVERIFY(started);
    const auto &[settings, console, ref, trace] = *started;

    const auto outcome = killWhileFrozen(*console, ref);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->has_value(), 12000);
    QVERIFY(!(*outcome)->confirmed);
    QVERIFY2((*outcome)->reason.contains(QLatin1String("did not confirm")), qPrintable((*outcome)->reason));
    // Still nothing: the row stays failed, the flag as the server last said.
    QTest::qWait(1500);
    const FlagStore::Entry *row = console->flagStore()->find(ref);
    QCOMPARE(FlagTableModel::stateKind(*row), FlagTableModel::StateKind::Failed);
    QVERIFY(row->flag.enabled);

    // The server never answers: killed, started again, read again.
    m_unleash.killHard();
    QVERIFY(restartedAndReconnected(*console, ref.connectionId));
    checkNothingLost(*console, ref, {QStringLiteral("requested"), QStringLiteral("failed")}, trace);
}

void tst_UnleashFaults::consoleKilledBetweenRequestAndAnswer()
{
    const QString name = QStringLiteral("d");
    const QString cache = m_dir.filePath(name + QStringLiteral(".sqlite"));
    const std::unique_ptr<QSettings> settings = caseSettings(name);
    const FlagRef ref{connectionId(name), Development, QStringLiteral("fault.search")};

    // The first console, in its own process: connected, then killed while its kill is held.
    QProcess first;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FLAGDECK_FAULT_TOKEN"), UnleashUnderTest::adminToken());
    first.setProcessEnvironment(environment);
    first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    first.start(QStringLiteral(FAULT_CONSOLE), {settings->fileName(), cache, m_dir.filePath(QStringLiteral("d-inbox.sqlite")),
                                                QStringLiteral("connection/%1/token").arg(ref.connectionId)});
    QVERIFY(first.waitForStarted(10000));
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += first.readAll()).contains("ready") || first.state() == QProcess::NotRunning, 20000);
    QCOMPARE(first.state(), QProcess::Running);

    m_unleash.pause();
    first.write(QStringLiteral("kill %1 %2 %3\n").arg(ref.connectionId, ref.environment, ref.key).toUtf8());
    // Once its "requested" is on disk, the console dies before any answer.
    AuditLookup lookup;
    QVERIFY(lookup.open(cache));
    QTRY_COMPARE_WITH_TIMEOUT(lookup.unansweredRequests(ref.connectionId).value_or(QList<AuditEntry>()).size(), 1, 10000);
    const AuditEntry requested = lookup.unansweredRequests(ref.connectionId)->first();
    QCOMPARE(requested.action, QStringLiteral("kill"));
    ::kill(pid_t(first.processId()), SIGKILL);
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);

    // The server goes on; whether it carried out the orphaned request is its word to say.
    m_unleash.resume();
    QTest::qWait(1000);
    const std::optional<bool> enabled = serverEnabled(ref.key);
    QVERIFY(enabled.has_value());
    qInfo("after the console died, Unleash says %s is %s", qPrintable(ref.key), *enabled ? "on" : "off");

    // The next start tells the person, once, and audits the reconciliation.
    std::unique_ptr<ConsoleController> console = startConsole(*settings, &m_secrets, QDir(m_dir.path()), name);
    QSignalSpy interrupted(console.get(), &ConsoleController::changeInterrupted);
    QTRY_VERIFY_WITH_TIMEOUT(console->initialLoadDone(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(interrupted.count(), 1, InterruptedChanges::AnswerWindowMs + 5000);
    QCOMPARE(interrupted.at(0).at(0).value<FlagRef>(), ref);
    const QString message = interrupted.at(0).at(1).toString();
    const QString when = QDateTime::fromMSecsSinceEpoch(requested.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QCOMPARE(message, QStringLiteral("A kill of fault.search in default/development requested at %1 was interrupted before the "
                                     "server answered; the server says the flag is now %2.")
                          .arg(when, *enabled ? QStringLiteral("on") : QStringLiteral("off")));
    QCOMPARE(console->flagStore()->find(ref)->flag.enabled, *enabled);
    QVERIFY(FlagTableModel::stateKind(*console->flagStore()->find(ref)) != FlagTableModel::StateKind::Killed);
    QTest::qWait(500);
    QCOMPARE(interrupted.count(), 1);

    const QHash<QString, QStringList> recorded = intents(*console->auditWriter(), ref.key);
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.begin().value(), (QStringList{QStringLiteral("requested"), QStringLiteral("interrupted")}));
    QVERIFY(lookup.unansweredRequests(ref.connectionId)->isEmpty());
    QCOMPARE(timesTurnedOff(ref.key), *enabled ? 0 : 1);
    console.reset();

    // A third start has nothing left to tell.
    const std::unique_ptr<ConsoleController> third = startConsole(*settings, &m_secrets, QDir(m_dir.path()), name);
    QSignalSpy again(third.get(), &ConsoleController::changeInterrupted);
    QTRY_VERIFY_WITH_TIMEOUT(third->initialLoadDone(), 20000);
    QTest::qWait(1000);
    QCOMPARE(again.count(), 0);
    QCOMPARE(intents(*third->auditWriter(), ref.key).begin().value(),
             (QStringList{QStringLiteral("requested"), QStringLiteral("interrupted")}));
}

QTEST_GUILESS_MAIN(tst_UnleashFaults)
#include "tst_unleashfaults.moc"
