#include "control/flagstore.h"
#include "control/interruptedchanges.h"
#include "store/auditlookup.h"
#include "testaudit.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// A change an earlier run asked and never heard back on: found in the audit cache, told to the
// person once with what the server says now, and audited as interrupted.
class tst_InterruptedChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void anUnansweredRequestIsToldOnceWithTheServersWord_data();
    void anUnansweredRequestIsToldOnceWithTheServersWord();
    void answeredRequestsAreNotInterrupted();
    void aYoungRequestIsLookedAtOnceItsAnswerWindowPassed();
    void aFlagTheServerNoLongerHasIsSaidSo();

private:
    AuditEntry requested(const QString &intent, const QString &key, const QString &action, qint64 timeMs);
    void write(const AuditEntry &entry);
    QStringList outcomesOf(const QString &intent);

    QTemporaryDir m_dir;
    std::unique_ptr<AuditWriter> m_audit;
    std::unique_ptr<FlagStore> m_flags;
};

namespace {
const QString Server = QStringLiteral("unleash-prod");
const QString Environment = QStringLiteral("default/production");

Flag flag(const QString &key, bool enabled)
{
    Flag flag;
    flag.key = key;
    flag.enabled = enabled;
    flag.revision = QStringLiteral("r1");
    return flag;
}
} // namespace

void tst_InterruptedChanges::init()
{
    static int run = 0;
    m_audit = TestAudit::openWriter(m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(++run)));
    m_flags = std::make_unique<FlagStore>(m_audit.get());
    m_flags->reportEnvironment(Server, Environment, {flag(QStringLiteral("chat.route"), false), flag(QStringLiteral("search.rerank"), true)});
}

void tst_InterruptedChanges::cleanup()
{
    m_flags.reset();
    m_audit.reset();
}

AuditEntry tst_InterruptedChanges::requested(const QString &intent, const QString &key, const QString &action, qint64 timeMs)
{
    AuditEntry entry;
    entry.server = Server;
    entry.environment = Environment;
    entry.flagKey = key;
    entry.action = action;
    entry.outcome = QStringLiteral("requested");
    entry.actor = QStringLiteral("oncall-alice");
    entry.timeMs = timeMs;
    entry.sourceId = QStringLiteral("console:%1:requested").arg(intent);
    entry.before = QJsonObject{{QStringLiteral("enabled"), action != QLatin1String("kill")}};
    entry.after = QJsonObject{{QStringLiteral("enabled"), action == QLatin1String("kill")}};
    return entry;
}

void tst_InterruptedChanges::write(const AuditEntry &entry)
{
    m_audit->append(entry);
    m_audit->flush();
}

QStringList tst_InterruptedChanges::outcomesOf(const QString &intent)
{
    QStringList outcomes;
    const QList<AuditEntry> entries = TestAudit::written(*m_audit);
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        if (it->sourceId.startsWith(QStringLiteral("console:%1:").arg(intent)))
            outcomes.append(it->outcome);
    }
    return outcomes;
}

void tst_InterruptedChanges::anUnansweredRequestIsToldOnceWithTheServersWord_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("a kill the server carried out")
        << QStringLiteral("chat.route") << QStringLiteral("kill")
        << QStringLiteral("A kill of chat.route in default/production requested at %1 was interrupted before the server "
                          "answered; the server says the flag is now off.");
    QTest::newRow("a kill the server never heard")
        << QStringLiteral("search.rerank") << QStringLiteral("kill")
        << QStringLiteral("A kill of search.rerank in default/production requested at %1 was interrupted before the server "
                          "answered; the server says the flag is now on.");
    QTest::newRow("a restore")
        << QStringLiteral("chat.route") << QStringLiteral("restore")
        << QStringLiteral("A restore of chat.route in default/production requested at %1 was interrupted before the server "
                          "answered; the server says the flag is now off.");
}

void tst_InterruptedChanges::anUnansweredRequestIsToldOnceWithTheServersWord()
{
    QFETCH(QString, key);
    QFETCH(QString, action);
    QFETCH(QString, sentence);
    const qint64 at = QDateTime::currentMSecsSinceEpoch() - 60000;
    write(requested(QStringLiteral("i1"), key, action, at));

    InterruptedChanges interrupted(m_flags.get(), m_audit.get());
    QSignalSpy told(&interrupted, &InterruptedChanges::interrupted);
    interrupted.check(Server);
    QCOMPARE(told.count(), 1);
    QCOMPARE(told.at(0).at(0).value<FlagRef>(), (FlagRef{Server, Environment, key}));
    QCOMPARE(told.at(0).at(1).toString(),
             sentence.arg(QDateTime::fromMSecsSinceEpoch(at).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    QCOMPARE(outcomesOf(QStringLiteral("i1")), (QStringList{QStringLiteral("requested"), QStringLiteral("interrupted")}));
    const AuditEntry outcome = TestAudit::written(*m_audit, 1).first();
    QCOMPARE(outcome.comment, told.at(0).at(1).toString());
    QCOMPARE(outcome.action, action);
    QCOMPARE(outcome.actor, QStringLiteral("oncall-alice"));

    // Told once: neither this run nor the next tells it again.
    interrupted.check(Server);
    InterruptedChanges nextRun(m_flags.get(), m_audit.get());
    QSignalSpy toldAgain(&nextRun, &InterruptedChanges::interrupted);
    nextRun.check(Server);
    QCOMPARE(told.count(), 1);
    QCOMPARE(toldAgain.count(), 0);
    QCOMPARE(outcomesOf(QStringLiteral("i1")).size(), 2);
}

void tst_InterruptedChanges::answeredRequestsAreNotInterrupted()
{
    const qint64 at = QDateTime::currentMSecsSinceEpoch() - 60000;
    for (const QString &outcome : {QStringLiteral("confirmed"), QStringLiteral("failed")}) {
        const QString intent = QStringLiteral("answered-") + outcome;
        write(requested(intent, QStringLiteral("chat.route"), QStringLiteral("kill"), at));
        AuditEntry answer = requested(intent, QStringLiteral("chat.route"), QStringLiteral("kill"), at + 200);
        answer.outcome = outcome;
        answer.sourceId = QStringLiteral("console:%1:%2").arg(intent, outcome);
        write(answer);
    }
    // Another server's unanswered request is that server's to reconcile.
    AuditEntry elsewhere = requested(QStringLiteral("other"), QStringLiteral("chat.route"), QStringLiteral("kill"), at);
    elsewhere.server = QStringLiteral("featbit-prod");
    write(elsewhere);

    AuditLookup lookup;
    QVERIFY(lookup.open(m_audit->path()));
    QCOMPARE(lookup.unansweredRequests(Server).value().size(), 0);
    QCOMPARE(lookup.unansweredRequests(QStringLiteral("featbit-prod")).value().size(), 1);
    InterruptedChanges interrupted(m_flags.get(), m_audit.get());
    QSignalSpy told(&interrupted, &InterruptedChanges::interrupted);
    interrupted.check(Server);
    QCOMPARE(told.count(), 0);
}

void tst_InterruptedChanges::aYoungRequestIsLookedAtOnceItsAnswerWindowPassed()
{
    // Another console on this cache may still hear the answer: nothing is said before the window.
    const qint64 at = QDateTime::currentMSecsSinceEpoch() - InterruptedChanges::AnswerWindowMs + 1500;
    write(requested(QStringLiteral("young"), QStringLiteral("search.rerank"), QStringLiteral("kill"), at));
    InterruptedChanges interrupted(m_flags.get(), m_audit.get());
    QSignalSpy told(&interrupted, &InterruptedChanges::interrupted);
    interrupted.check(Server);
    QCOMPARE(told.count(), 0);
    QCOMPARE(outcomesOf(QStringLiteral("young")), QStringList{QStringLiteral("requested")});
    QTRY_COMPARE_WITH_TIMEOUT(told.count(), 1, 4000);
    QVERIFY(QDateTime::currentMSecsSinceEpoch() - at >= InterruptedChanges::AnswerWindowMs);
    QCOMPARE(outcomesOf(QStringLiteral("young")), (QStringList{QStringLiteral("requested"), QStringLiteral("interrupted")}));
}

void tst_InterruptedChanges::aFlagTheServerNoLongerHasIsSaidSo()
{
    const qint64 at = QDateTime::currentMSecsSinceEpoch() - 60000;
    write(requested(QStringLiteral("gone"), QStringLiteral("retired.flag"), QStringLiteral("kill"), at));
    InterruptedChanges interrupted(m_flags.get(), m_audit.get());
    QSignalSpy told(&interrupted, &InterruptedChanges::interrupted);
    interrupted.check(Server);
    QCOMPARE(told.count(), 1);
    QVERIFY2(told.at(0).at(1).toString().endsWith(QStringLiteral("; the server no longer has the flag.")),
             qPrintable(told.at(0).at(1).toString()));
}

QTEST_GUILESS_MAIN(tst_InterruptedChanges)
#include "tst_interruptedchanges.moc"
