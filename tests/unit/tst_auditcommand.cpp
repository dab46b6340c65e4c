#include "store/auditcache.h"
#include "testresult.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// `flagdeck audit verify` and `flagdeck audit export` as a script or a team's CI calls them:
// their exit codes and output are the contract, in every language the console speaks.
class tst_AuditCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verifyIntactExitsZero();
    void verifyTamperedNamesTheEntryAndExitsOne();
    void verifyMissingFileExitsTwoAndCreatesNothing();
    void exportSelectsAndFormats();
    void exportRefusesBadArguments_data();
    void exportRefusesBadArguments();
    void exportAcceptsEveryStoredAction_data();
    void exportAcceptsEveryStoredAction();
    void usageErrorsExitTwoNeverOne_data();
    void usageErrorsExitTwoNeverOne();
    void helpExitsZero_data();
    void helpExitsZero();
    void machineOutputIsTheSameInGerman_data();
    void machineOutputIsTheSameInGerman();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    // With a home of its own (no preference chosen), so the language is the system's: language.
    Run flagdeck(const QStringList &arguments, const QString &language = QStringLiteral("C.UTF-8")) const;

    QTemporaryDir m_dir;
    QString m_cache;
    QString m_actionsCache;
};

void tst_AuditCommand::initTestCase()
{
    m_cache = m_dir.filePath(QStringLiteral("audit.sqlite"));
    AuditCache cache;
    VERIFY_OK(cache.open(m_cache));
    AuditBatch batch;
    for (int i = 0; i < 6; ++i) {
        AuditEntry entry;
        entry.server = QStringLiteral("sandbox");
        entry.environment = QStringLiteral("production");
        entry.flagKey = i % 2 ? QStringLiteral("chat-model-route") : QStringLiteral("answer-reranker");
        entry.action = QStringLiteral("set_rollout");
        entry.outcome = QStringLiteral("applied");
        entry.actor = QStringLiteral("maria.lopez");
        entry.timeMs = 1763700000000 + i * 86'400'000LL; // one a day from 2025-11-21
        entry.sourceId = QString::number(i);
        batch.entries.append(entry);
    }
    VERIFY_OK(cache.write(batch));

    // Besides those: a server's own word and a proposal's lifecycle, as the cache stores them.
    m_actionsCache = m_dir.filePath(QStringLiteral("actions.sqlite"));
    AuditCache actions;
    VERIFY_OK(actions.open(m_actionsCache));
    AuditEntry created = batch.entries.constFirst();
    created.action = QStringLiteral("feature-created");
    created.sourceId = QStringLiteral("event:1");
    AuditEntry proposed = batch.entries.constLast();
    proposed.action = QStringLiteral("proposal:kill");
    proposed.outcome = QStringLiteral("proposed");
    proposed.actor = QStringLiteral("rollback-bot");
    proposed.actorKind = ActorKind::Agent;
    proposed.sourceId = QStringLiteral("proposal:p1:proposed");
    AuditEntry approved = proposed;
    approved.outcome = QStringLiteral("approved");
    approved.actor = QStringLiteral("maria.lopez");
    approved.actorKind = ActorKind::Human;
    approved.sourceId = QStringLiteral("proposal:p1:approved");
    AuditBatch more;
    more.entries = {created, proposed, approved, batch.entries.at(1)};
    VERIFY_OK(actions.write(more));
}

tst_AuditCommand::Run tst_AuditCommand::flagdeck(const QStringList &arguments, const QString &language) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString home = m_dir.filePath(QStringLiteral("home"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    for (const QString &variable : {QStringLiteral("LC_ALL"), QStringLiteral("LC_MESSAGES"), QStringLiteral("LANG")})
        environment.insert(variable, language);
    environment.remove(QStringLiteral("LANGUAGE"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FLAGDECK_BINARY), QStringList{QStringLiteral("audit")} + arguments);
    Run run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void tst_AuditCommand::verifyIntactExitsZero()
{
    const Run run = flagdeck({QStringLiteral("verify"), QStringLiteral("--db"), m_cache});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith("intact: 6 entries in 1 server chain\n"), run.out.constData());
    QVERIFY(run.out.contains("head sandbox #6 "));
}

void tst_AuditCommand::verifyTamperedNamesTheEntryAndExitsOne()
{
    const QString copy = m_dir.filePath(QStringLiteral("tampered.sqlite"));
    QVERIFY(QFile::copy(m_cache, copy));
    {
        AuditCache cache;
        VERIFY_OK(cache.open(copy));
        QVERIFY(QSqlQuery(cache.database()).exec(QStringLiteral("UPDATE audit_events SET actor = 'eve' WHERE id = 4")));
    }
    const Run run = flagdeck({QStringLiteral("verify"), QStringLiteral("--db"), copy});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("NOT INTACT: server \"sandbox\" entry #4 (row 4, flag chat-model-route"), run.out.constData());
}

void tst_AuditCommand::verifyMissingFileExitsTwoAndCreatesNothing()
{
    const QString missing = m_dir.filePath(QStringLiteral("typo.sqlite"));
    const Run run = flagdeck({QStringLiteral("verify"), QStringLiteral("--db"), missing});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("there is no audit cache at"));
    QVERIFY(!QFile::exists(missing));
}

void tst_AuditCommand::exportSelectsAndFormats()
{
    const Run ndjson = flagdeck({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ndjson"),
                                 QStringLiteral("--flag"), QStringLiteral("chat-model-route"), QStringLiteral("--since"),
                                 QStringLiteral("2025-11-22"), QStringLiteral("--db"), m_cache});
    QCOMPARE(ndjson.exitCode, 0);
    const QList<QByteArray> lines = ndjson.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3); // days 1, 3 and 5
    QVERIFY(lines.first().contains("\"time\":\"2025-11-22T04:40:00.000Z\""));
    QVERIFY(lines.first().contains("\"source_id\":\"1\""));

    const Run csv = flagdeck({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                              QStringLiteral("--until"), QStringLiteral("2025-11-23"), QStringLiteral("--db"), m_cache});
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(csv.out.startsWith("id,time,time_ms,server,"));
    QCOMPARE(csv.out.count("\r\n"), 3); // the header and days 0 and 1
}

void tst_AuditCommand::exportRefusesBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    const auto csv = [](const QStringList &more) {
        return QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv")} + more;
    };
    // Issue 27: without --format the message said "must be csv or ndjson"; it now says it is required.
    QTest::newRow("no format") << QStringList{QStringLiteral("export")} << QByteArray("--format is required: csv or ndjson");
    QTest::newRow("bad format") << QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml")}
                                << QByteArray("--format must be csv or ndjson; got \"xml\"");
    QTest::newRow("bad time") << csv({QStringLiteral("--since"), QStringLiteral("last tuesday")})
                              << QByteArray("\"last tuesday\" is not a time");
    QTest::newRow("bad actor kind") << csv({QStringLiteral("--actor-kind"), QStringLiteral("robot")})
                                    << QByteArray("--actor-kind must be");
    QTest::newRow("since after until") << csv({QStringLiteral("--since"), QStringLiteral("1d"), QStringLiteral("--until"), QStringLiteral("7d")})
                                       << QByteArray("--since 1d is not before --until 7d");
    QTest::newRow("since equal to until")
        << csv({QStringLiteral("--since"), QStringLiteral("2025-11-22"), QStringLiteral("--until"), QStringLiteral("2025-11-22")})
        << QByteArray("is not before --until");
    QTest::newRow("unknown action") << csv({QStringLiteral("--action"), QStringLiteral("nuke")})
                                    << QByteArray("--action nuke is not an action: use kill, restore, set_rollout, "
                                                  "advance_stage, rollback_stage, serve_fallback, pause_stage, resume_stage, "
                                                  "proposal:ACTION");
    QTest::newRow("a proposal of no action") << csv({QStringLiteral("--action"), QStringLiteral("proposal:nuke")})
                                             << QByteArray("--action proposal:nuke is not an action");
}

void tst_AuditCommand::exportRefusesBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Run run = flagdeck(arguments + QStringList{QStringLiteral("--db"), m_cache});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void tst_AuditCommand::exportAcceptsEveryStoredAction_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("entries");
    QTest::newRow("a console action") << QStringLiteral("set_rollout") << 1;
    QTest::newRow("an action none of these entries has") << QStringLiteral("kill") << 0;
    QTest::newRow("a stage hold") << QStringLiteral("pause_stage") << 0;
    QTest::newRow("a proposal's lifecycle") << QStringLiteral("proposal:kill") << 2;
    QTest::newRow("a server's own word, in the cache") << QStringLiteral("feature-created") << 1;
}

void tst_AuditCommand::exportAcceptsEveryStoredAction()
{
    QFETCH(QString, action);
    QFETCH(int, entries);
    const Run run = flagdeck({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ndjson"), QStringLiteral("--action"),
                              action, QStringLiteral("--db"), m_actionsCache});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.isEmpty() ? QList<QByteArray>() : run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), entries);
    for (const QByteArray &line : lines)
        QCOMPARE(QJsonDocument::fromJson(line).object().value(QStringLiteral("action")).toString(), action);
}

void tst_AuditCommand::usageErrorsExitTwoNeverOne_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message"); // in English
    QTest::addColumn<QByteArray>("named");   // in every language
    // Exit 1 of verify means tampering: a typo in a cron job must not read as that.
    QTest::newRow("verify --foo") << QStringList{QStringLiteral("verify"), QStringLiteral("--foo")}
                                  << QByteArray("flagdeck audit verify: unknown option --foo") << QByteArray("--foo");
    QTest::newRow("verify -x") << QStringList{QStringLiteral("verify"), QStringLiteral("-x")} << QByteArray("unknown option -x")
                               << QByteArray("-x");
    QTest::newRow("verify with an argument") << QStringList{QStringLiteral("verify"), QStringLiteral("now")}
                                             << QByteArray("unexpected argument 'now'") << QByteArray("now");
    QTest::newRow("verify --db without a path") << QStringList{QStringLiteral("verify"), QStringLiteral("--db")} << QByteArray("--db")
                                                << QByteArray("--db");
    QTest::newRow("export --foo") << QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--foo")}
                                  << QByteArray("flagdeck audit export: unknown option --foo") << QByteArray("--foo");
    QTest::newRow("sync --foo") << QStringList{QStringLiteral("sync"), QStringLiteral("--foo")}
                                << QByteArray("flagdeck audit sync: unknown option --foo") << QByteArray("--foo");
    QTest::newRow("misspelt verb") << QStringList{QStringLiteral("verfy")}
                                   << QByteArray("unknown command 'verfy' for flagdeck audit: use verify, export or sync")
                                   << QByteArray("verfy");
    QTest::newRow("no verb") << QStringList() << QByteArray("flagdeck audit needs a command: use verify, export or sync")
                             << QByteArray("verify");
    QTest::newRow("an option before the verb") << QStringList{QStringLiteral("--db"), QStringLiteral("x"), QStringLiteral("verify")}
                                               << QByteArray("needs its command before --db") << QByteArray("--db");
}

void tst_AuditCommand::usageErrorsExitTwoNeverOne()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, named);
    const Run run = flagdeck(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty());
    const Run german = flagdeck(arguments, QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(german.exitCode, 2);
    QVERIFY2(german.err.contains(named), german.err.constData());
    QVERIFY(german.out.isEmpty());
}

void tst_AuditCommand::helpExitsZero_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("says");
    QTest::newRow("audit --help") << QStringList{QStringLiteral("--help")} << QByteArray("verify");
    QTest::newRow("verify --help") << QStringList{QStringLiteral("verify"), QStringLiteral("--help")} << QByteArray("--db");
    QTest::newRow("export --help") << QStringList{QStringLiteral("export"), QStringLiteral("--help")} << QByteArray("--since");
    QTest::newRow("sync --help") << QStringList{QStringLiteral("sync"), QStringLiteral("-h")} << QByteArray("--db");
}

void tst_AuditCommand::helpExitsZero()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, says);
    const Run run = flagdeck(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(says), run.out.constData());
}

void tst_AuditCommand::machineOutputIsTheSameInGerman_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("tampered");
    QTest::newRow("verify, intact") << QStringList{QStringLiteral("verify")} << false;
    QTest::newRow("verify, altered") << QStringList{QStringLiteral("verify")} << true;
    QTest::newRow("export csv") << QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv")} << false;
    QTest::newRow("export ndjson") << QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ndjson")} << false;
}

// What scripts read (status words, head lines, field names, exit codes) in German as in English;
// only the sentences for people may change.
void tst_AuditCommand::machineOutputIsTheSameInGerman()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, tampered);
    QString database = m_cache;
    if (tampered) {
        database = m_dir.filePath(QStringLiteral("tampered-comment.sqlite"));
        QFile::remove(database);
        QVERIFY(QFile::copy(m_cache, database));
        AuditCache cache;
        VERIFY_OK(cache.open(database));
        QVERIFY(QSqlQuery(cache.database()).exec(QStringLiteral("UPDATE audit_events SET comment = 'x' WHERE id = 2")));
    }
    const QStringList withDatabase = arguments + QStringList{QStringLiteral("--db"), database};
    const Run english = flagdeck(withDatabase);
    const Run german = flagdeck(withDatabase, QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(german.exitCode, english.exitCode);
    QCOMPARE(english.exitCode, tampered ? 1 : 0);
    if (arguments.constFirst() == QLatin1String("export")) {
        QCOMPARE(german.out, english.out);
        return;
    }
    const QList<QByteArray> lines = german.out.trimmed().split('\n');
    if (tampered) {
        QVERIFY2(lines.constFirst().startsWith("NOT INTACT: "), german.out.constData());
        return;
    }
    QCOMPARE(lines.constFirst(), QByteArray("intact: 6 entries in 1 server chain"));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(1).startsWith("head sandbox #6 "), german.out.constData());
    QCOMPARE(german.out, english.out);
}

QTEST_GUILESS_MAIN(tst_AuditCommand)
#include "tst_auditcommand.moc"
