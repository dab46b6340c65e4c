// Faults: files a console opens that it cannot use. An audit cache whose middle was overwritten
// (as a failing disk or a stray write leaves it), and a proposal inbox from a newer FlagDeck. Each
// time the console must say which file and what to do, not crash, and still kill a flag with the
// real gesture; the damaged file is never written on top of, and once it is moved aside what the
// console kept in memory lands in a new cache. The flagdeck executable itself, offscreen, must open
// its window on a cache damaged so badly SQLite sees no database in it, rather than stop.
#include "connectors/sandbox/sandboxserver.h"
#include "consolegui.h"
#include "control/consolecontroller.h"
#include "control/flagstore.h"
#include "control/proposalreview.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "proposalqueueview.h"
#include "store/auditcache.h"
#include "store/auditverifier.h"
#include "store/auditwriter.h"
#include "store/memorysecretstore.h"
#include "store/proposalinbox.h"
#include "testaudit.h"
#include "testresult.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

class tst_DamagedFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void damagedAuditCache();
    void inboxFromANewerFlagDeck();
    void theExecutableOpensOnADamagedCache();

private:
    // An audit cache of some thousand entries at path, overwritten in its middle; gives its bytes.
    QByteArray writeDamagedCache(const QString &path);
    static QStringList activity(const MainWindow &window);
    static QByteArray sha(const QString &path);
    // The console kills a sandbox flag as a person does, and the server confirms it.
    static void killWithTheGesture(ConsoleGui::SandboxConsole &console, const FlagRef &flag);
};

void tst_DamagedFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
}

QByteArray tst_DamagedFiles::writeDamagedCache(const QString &path)
{
    {
        AuditCache cache;
        if (!cache.open(path))
            return {};
        for (int page = 0; page < 20; ++page) {
            AuditBatch batch;
            for (int i = 0; i < 200; ++i) {
                AuditEntry entry;
                entry.server = QStringLiteral("featbit-old");
                entry.environment = QStringLiteral("support-bot/prod");
                entry.flagKey = QStringLiteral("route-%1").arg(i % 40);
                entry.action = QStringLiteral("set_rollout");
                entry.outcome = QStringLiteral("done");
                entry.actor = QStringLiteral("Aiko Sato");
                entry.actorKind = ActorKind::Human;
                entry.timeMs = 1700000000000 + page * 1000 + i;
                entry.sourceId = QStringLiteral("audit-log:%1-%2").arg(page).arg(i);
                entry.comment = QStringLiteral("rollout step %1 of the citation-first prompt, checked by the on-call").arg(i);
                batch.entries.append(entry);
            }
            if (!cache.write(batch))
                return {};
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return {};
    QByteArray garbage(16 * 1024, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 37 + 11) & 0xff);
    file.seek(file.size() / 2);
    file.write(garbage);
    file.close();
    return sha(path);
}

QStringList tst_DamagedFiles::activity(const MainWindow &window)
{
    QStringList messages;
    for (int row = 0; row < window.activityLog()->rowCount(); ++row)
        messages.append(window.activityLog()->entryAt(row).message);
    return messages;
}

QByteArray tst_DamagedFiles::sha(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void tst_DamagedFiles::killWithTheGesture(ConsoleGui::SandboxConsole &console, const FlagRef &flag)
{
    QTRY_VERIFY_WITH_TIMEOUT(console.controller().flagStore()->find(flag), 10000);
    QVERIFY(console.controller().flagStore()->find(flag)->flag.enabled);
    QVERIFY(ConsoleGui::killWithGesture(console.window(), flag));
    QTRY_VERIFY2_WITH_TIMEOUT(ConsoleGui::stateOf(console.window(), flag).startsWith(QStringLiteral("KILLED by ")),
                              qPrintable(ConsoleGui::stateOf(console.window(), flag)), 10000);
    QVERIFY(!console.controller().flagStore()->find(flag)->flag.enabled);
}

void tst_DamagedFiles::damagedAuditCache()
{
    ConsoleGui::FreshConsoleFolder fresh;
    const QString cachePath = fresh.folder.filePath(QStringLiteral("audit.sqlite"));
    const QByteArray damaged = writeDamagedCache(cachePath);
    QVERIFY(!damaged.isEmpty());

    ConsoleGui::SandboxConsole console(fresh.folder.path(), &fresh.secrets);
    QVERIFY(console.start());
    MainWindow &window = console.window();
    // Said once, naming the file and what to do.
    QTRY_VERIFY_WITH_TIMEOUT(!activity(window).filter(QStringLiteral("is damaged")).isEmpty(), 10000);
    const QStringList told = activity(window).filter(QStringLiteral("is damaged"));
    QCOMPARE(told.size(), 1);
    QVERIFY2(told.first().contains(cachePath) && told.first().contains(QStringLiteral("Move the file aside")),
             qPrintable(told.first()));
    // Not misread as a full disk that will pass by itself.
    QVERIFY2(activity(window).filter(QStringLiteral("cannot write")).isEmpty(), qPrintable(activity(window).join(u'\n')));

    // The kill switch works all the same; its audit waits in memory.
    const FlagRef flag{QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("answer-reranker")};
    killWithTheGesture(console, flag);
    AuditWriter *writer = console.controller().auditWriter();
    QTRY_VERIFY(writer->unwrittenCount() >= 2);
    QVERIFY2(activity(window).filter(QStringLiteral("is damaged")).size() == 1, qPrintable(activity(window).join(u'\n')));
    // Browsing the damaged history does not bring the console down either.
    window.showAuditHistory();
    QTest::qWait(300);
    QVERIFY(window.isVisible());
    // Nothing was written on top of the damage.
    QCOMPARE(sha(cachePath), damaged);

    // The person does what the message says; the console writes what it kept into a new cache.
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(cachePath + suffix))
            QVERIFY(QFile::rename(cachePath + suffix, cachePath + QStringLiteral(".damaged") + suffix));
    }
    QTRY_VERIFY_WITH_TIMEOUT(writer->unwrittenCount() == 0, AuditWriter::DamagedRetryMs * 3);
    QTRY_VERIFY_WITH_TIMEOUT(activity(window).filter(QStringLiteral("writes again")).size() == 1, 5000);
    QCOMPARE(sha(cachePath + QStringLiteral(".damaged")), damaged);
    writer->flush();
    AuditCache cache;
    VERIFY_OK(cache.open(cachePath));
    VERIFY_OK(cache.checkIntegrity());
    QCOMPARE(TestAudit::consoleOutcomes(cache, flag, QStringLiteral("kill")),
             (QStringList{QStringLiteral("requested"), QStringLiteral("confirmed")}));
    const AuditVerification verified = verifyAuditChains(cache);
    QVERIFY2(verified.intact, qPrintable(verified.problem + verified.readError));
}

void tst_DamagedFiles::inboxFromANewerFlagDeck()
{
    ConsoleGui::FreshConsoleFolder fresh;
    const QString inboxPath = fresh.folder.filePath(QStringLiteral("inbox.sqlite"));
    {
        ProposalInbox newer;
        VERIFY_OK(newer.open(inboxPath));
    }
    {
        // What a newer FlagDeck leaves: its schema number, in the table and in the file's header.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(inboxPath);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE inbox_schema SET version = %1").arg(ProposalInbox::SchemaVersion + 1)));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(ProposalInbox::SchemaVersion + 1)));
        QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    const QByteArray before = sha(inboxPath);

    ConsoleGui::SandboxConsole console(fresh.folder.path(), &fresh.secrets);
    QVERIFY(console.start());
    MainWindow &window = console.window();
    QLabel *notice = window.proposalQueue()->inboxNotice();
    QTRY_VERIFY(!notice->isHidden());
    const QString said = notice->text();
    QVERIFY2(said.contains(inboxPath) && said.contains(QStringLiteral("newer FlagDeck"))
                 && said.contains(QStringLiteral("schema %1, this one knows %2").arg(ProposalInbox::SchemaVersion + 1).arg(ProposalInbox::SchemaVersion))
                 && said.contains(QStringLiteral("Preferences")),
             qPrintable(said));
    QCOMPARE(activity(window).filter(QStringLiteral("newer FlagDeck")).size(), 1);
    // Refused means closed: nothing this console does goes into it, a person's change that needs
    // approval included.
    QVERIFY(!console.controller().inbox()->isOpen());
    const Result<Proposal> asked = console.controller().proposals()->proposeForPerson(
        {QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("answer-reranker")}, FlagAction::Kill, {},
        Contract::Risk::High, QStringLiteral("needs four eyes"));
    QVERIFY(!asked);
    QVERIFY2(asked.error().contains(QStringLiteral("not open")), qPrintable(asked.error()));

    killWithTheGesture(console, {QStringLiteral("sandbox"), QStringLiteral("production"), QStringLiteral("chat-model-route")});
    // The newer inbox is left as it was.
    QCOMPARE(sha(inboxPath), before);
}

void tst_DamagedFiles::theExecutableOpensOnADamagedCache()
{
    QTemporaryDir home;
    const QString data = home.filePath(QStringLiteral(".local/share/FlagDeck/FlagDeck"));
    QVERIFY(QDir().mkpath(data));
    QVERIFY(QDir().mkpath(home.filePath(QStringLiteral("runtime"))));
    QFile::setPermissions(home.filePath(QStringLiteral("runtime")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    // Damaged at its very start: SQLite no longer sees a database in it at all.
    QVERIFY(!writeDamagedCache(data + QStringLiteral("/audit.sqlite")).isEmpty());
    {
        QFile file(data + QStringLiteral("/audit.sqlite"));
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.write(QByteArray(100, 'x'));
    }
    const QByteArray damaged = sha(data + QStringLiteral("/audit.sqlite"));
    QProcess flagdeck;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("runtime")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    flagdeck.setProcessEnvironment(environment);
    flagdeck.setProcessChannelMode(QProcess::MergedChannels);
    const QString screenshot = home.filePath(QStringLiteral("window.png"));
    flagdeck.start(QStringLiteral(FLAGDECK_BINARY), {QStringLiteral("--sandbox"), QStringLiteral("--screenshot"), screenshot});
    QVERIFY(flagdeck.waitForFinished(40000));
    const QByteArray output = flagdeck.readAll();
    QVERIFY2(flagdeck.exitStatus() == QProcess::NormalExit && flagdeck.exitCode() == 0, output.constData());
    QVERIFY2(QFile::exists(screenshot), output.constData());
    QCOMPARE(sha(data + QStringLiteral("/audit.sqlite")), damaged);
    QVERIFY2(!output.contains("audit cache"), output.constData()); // said in the window, not as a reason to stop
}

QTEST_MAIN(tst_DamagedFiles)
#include "tst_damagedfiles.moc"
