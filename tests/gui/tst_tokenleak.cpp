// A token goes to the OS keychain and nowhere else. The console is driven with a distinctive
// token through what a person does and what goes wrong: the add-server dialog (Test, Add) with
// a real Secret Service (gnome-keyring on a private bus), a kill, a server that answers 401 to
// the same token, and a console process started on those settings that reads the token and is
// then aborted (SIGABRT) with all logging on. Then every byte the test left behind is searched for
// the token, as UTF-8, UTF-16, Base64 and percent-encoded: every file under the test's HOME
// (settings, audit cache and its WAL, the sandbox, the keyring file, the crashed console's
// folders), the crashed console's standard output and error, every message this process logged,
// and every text the windows show (error texts, tooltips, the activity log). Last, every test
// HOME of this build is searched for the tokens the other keychain tests used.
#include "consolegui.h"
#include "fakehttpserver.h"
#include "featbittestserver.h"
#include "keychaintokens.h"
#include "languagesetup.h"
#include "secretservicesession.h"
#include "store/keychainsecretstore.h"
#include "testchildprocess.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLoggingCategory>
#include <QMutex>
#include <QStandardPaths>

#include <csignal>

namespace {

QMutex messagesLock;
QStringList messages;
QtMessageHandler previousHandler = nullptr;

void keepMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The servers FlagDeck talks to run in this process; what QHttpServer logs of the requests it
    // receives (every header, the token among them) is the server's, not the console's.
    if (!QByteArray(context.category).startsWith("qt.httpserver")) {
        QMutexLocker locker(&messagesLock);
        messages.append(message);
    }
    // Kept in full; only what a test run shows anyway goes on to the output.
    if (previousHandler && type != QtDebugMsg)
        previousHandler(type, context, message);
}

// The shapes a token takes when something writes it down.
QList<QByteArray> shapesOf(const QString &token)
{
    QByteArray utf16;
    for (const QChar c : token) {
        utf16.append(char(c.unicode() & 0xff));
        utf16.append(char(c.unicode() >> 8));
    }
    return {token.toUtf8(), utf16, token.toUtf8().toBase64(QByteArray::OmitTrailingEquals),
            QUrl::toPercentEncoding(token, {}, "-"), token.toUtf8().toHex()};
}

bool holds(const QByteArray &bytes, const QString &token)
{
    const QList<QByteArray> shapes = shapesOf(token);
    return std::any_of(shapes.cbegin(), shapes.cend(), [&](const QByteArray &shape) { return bytes.contains(shape); });
}

// Every file under folder that holds one of the tokens; filesRead counts what was searched.
QStringList filesHolding(const QString &folder, const QStringList &tokens, int *filesRead = nullptr)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!it.fileInfo().isFile() || !file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        if (filesRead)
            ++*filesRead;
        for (const QString &token : tokens) {
            if (holds(bytes, token))
                found.append(path);
        }
    }
    return found;
}

// What the windows say: labels, buttons, tooltips, window titles, and every cell of the
// activity log and the connections' details.
QStringList shownTexts(MainWindow &window, const ConsoleController &controller)
{
    QStringList texts;
    const QList<QWidget *> widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        texts.append(widget->toolTip());
        texts.append(widget->windowTitle());
        texts.append(widget->statusTip());
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts.append(label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts.append(button->text());
    }
    const QAbstractItemModel *activity = window.activityLog();
    for (int row = 0; row < activity->rowCount(); ++row) {
        for (int column = 0; column < activity->columnCount(); ++column) {
            for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                texts.append(activity->index(row, column).data(role).toString());
        }
    }
    for (const ConnectionStatus &status : controller.connectionStatuses())
        texts.append(status.detail);
    return texts;
}

} // namespace

class tst_TokenLeak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theSearchFindsATokenInEveryShape();
    void aTokenLeavesNoTrace();
    void noTestHomeHoldsAKeychainTestToken();
    void cleanupTestCase();

private:
    QTemporaryDir m_bus;
    SecretServiceSession m_session;
};

void tst_TokenLeak::initTestCase()
{
    // Everything said, at every level, is searched afterwards.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    previousHandler = qInstallMessageHandler(keepMessage);
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(QStringLiteral("en"));
    const QString error = m_session.startWithNewKeyring(m_bus.path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

// The search itself, on a token put on purpose where it can be found.
void tst_TokenLeak::theSearchFindsATokenInEveryShape()
{
    QTemporaryDir scratch;
    const QList<QByteArray> shapes = shapesOf(KeychainTokens::Leak);
    for (qsizetype i = 0; i < shapes.size(); ++i) {
        QFile file(scratch.filePath(QStringLiteral("sub/%1.bin").arg(i)));
        QDir().mkpath(QFileInfo(file).absolutePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray("\0 before ", 9) + shapes.at(i) + QByteArray(" after \xff")) > 0);
    }
    QFile innocent(scratch.filePath(QStringLiteral("sub/innocent.txt")));
    QVERIFY(innocent.open(QIODevice::WriteOnly));
    innocent.close();
    int read = 0;
    QCOMPARE(filesHolding(scratch.path(), {KeychainTokens::Leak}, &read).size(), shapes.size());
    QCOMPARE(read, int(shapes.size()) + 1);
    QVERIFY(filesHolding(scratch.path(), {KeychainTokens::Store}).isEmpty());
}

void tst_TokenLeak::aTokenLeavesNoTrace()
{
    const QString token = KeychainTokens::Leak;
    FeatBitTestServer featbit;
    const QString environment = featbit.addEnvironment(QStringLiteral("support-bot"), QStringLiteral("prod"));
    featbit.addBooleanFlag(environment, QStringLiteral("agent-tool-tier"), true, 10000);
    featbit.addToken(token, {QStringLiteral("ToggleFlag")});
    FakeHttpServer refusing;
    refusing.answerOthers(401, QByteArrayLiteral("{\"message\":\"You must log in to use Unleash.\"}"));

    const QDir state(QDir::home().filePath(QStringLiteral("console")));
    QDir(state.path()).removeRecursively();
    QVERIFY(QDir().mkpath(state.path()));
    QFile::remove(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox")));
    KeychainSecretStore secrets;
    ConsoleGui::SandboxConsole console(state.path(), &secrets);
    QVERIFY(console.start());
    MainWindow &window = console.window();
    ConsoleController &controller = console.controller();
    QStringList said;

    // Added through the dialog, Test first.
    AddServerDialog *dialog = ConsoleGui::openAddServerDialog(window, QStringLiteral("FeatBit"));
    QVERIFY(dialog);
    ConsoleGui::type(dialog, QStringLiteral("serverName"), QStringLiteral("FeatBit (support)"));
    ConsoleGui::type(dialog, QStringLiteral("serverUrl"), featbit.apiUrl().toString());
    ConsoleGui::type(dialog, QStringLiteral("evaluationUrl"), featbit.evaluationUrl().toString());
    const QString accepted = ConsoleGui::testWith(dialog, token);
    QVERIFY2(accepted.startsWith(QStringLiteral("Connected.")), qPrintable(accepted));
    said += shownTexts(window, controller);
    QPushButton *add = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTRY_VERIFY_WITH_TIMEOUT(add->isEnabled(), 20000);
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(controller.connections().size(), 2, 20000);
    const ConnectionConfig featbitConnection = controller.connections().last();
    QCOMPARE(m_session.items({{QStringLiteral("server"), QStringLiteral("FlagDeck")},
                              {QStringLiteral("user"), featbitConnection.secretRef}})
                 .size(),
             1);

    // A kill, confirmed by the server, which only this token opens.
    const FlagRef flag{featbitConnection.id, QStringLiteral("support-bot/prod"), QStringLiteral("agent-tool-tier")};
    QTRY_VERIFY_WITH_TIMEOUT(controller.flagStore()->find(flag) != nullptr, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.server(featbitConnection.id)->state(), ConnectionState::Connected, 10000);
    QVERIFY(ConsoleGui::killWithGesture(window, flag));
    QTRY_VERIFY2_WITH_TIMEOUT(ConsoleGui::stateOf(window, flag).startsWith(QStringLiteral("KILLED by ")),
                              qPrintable(ConsoleGui::stateOf(window, flag)), 5000);
    QCOMPARE(featbit.timesTurnedOff(environment, flag.key), 1);

    // The same token refused: Test says so, and the connection added anyway fails with 401.
    AddServerDialog *refusedDialog = ConsoleGui::openAddServerDialog(window, QStringLiteral("Unleash"));
    QVERIFY(refusedDialog);
    ConsoleGui::type(refusedDialog, QStringLiteral("serverName"), QStringLiteral("Unleash (refusing)"));
    ConsoleGui::type(refusedDialog, QStringLiteral("serverUrl"), refusing.url().toString());
    const QString refused = ConsoleGui::testWith(refusedDialog, token);
    QVERIFY2(refused.startsWith(QStringLiteral("Failed:")), qPrintable(refused));
    said += shownTexts(window, controller);
    add = refusedDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTRY_VERIFY_WITH_TIMEOUT(add->isEnabled(), 20000);
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(controller.connections().size(), 3, 20000);
    const QString refusingId = controller.connections().last().id;
    QTRY_COMPARE_WITH_TIMEOUT(controller.server(refusingId)->state(), ConnectionState::Failed, 10000);
    QVERIFY(refusing.requests() > 0);
    said += shownTexts(window, controller);
    console.settings().sync();

    // A console started on these settings reads the token from the keyring, connects to both
    // servers, and is aborted, chatty as it can be.
    const QString crashConfig = state.filePath(QStringLiteral("crashed/config/FlagDeck"));
    QVERIFY(QDir().mkpath(crashConfig));
    QVERIFY(QFile::copy(console.settings().fileName(), crashConfig + QStringLiteral("/FlagDeck.conf")));
    const int streamsBefore = featbit.streamsOpened();
    const int refusedBefore = refusing.requests();
    QProcess crashing;
    QProcessEnvironment environmentOfConsole = QProcessEnvironment::systemEnvironment();
    environmentOfConsole.insert(QStringLiteral("XDG_CONFIG_HOME"), state.filePath(QStringLiteral("crashed/config")));
    environmentOfConsole.insert(QStringLiteral("XDG_DATA_HOME"), state.filePath(QStringLiteral("crashed/data")));
    environmentOfConsole.insert(QStringLiteral("XDG_CACHE_HOME"), state.filePath(QStringLiteral("crashed/cache")));
    environmentOfConsole.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environmentOfConsole.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    crashing.setProcessEnvironment(environmentOfConsole);
    TestChildProcess::endWithTest(crashing);
    crashing.start(QStringLiteral(FLAGDECK_BINARY), {});
    QVERIFY(crashing.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(featbit.streamsOpened() > streamsBefore && refusing.requests() > refusedBefore, 20000);
    QCOMPARE(crashing.state(), QProcess::Running);
    ::kill(pid_t(crashing.processId()), SIGABRT);
    QVERIFY(QTest::qWaitFor([&] { return crashing.state() == QProcess::NotRunning; }, 10000));
    QCOMPARE(crashing.exitStatus(), QProcess::CrashExit);
    QCOMPARE(crashing.exitCode(), int(SIGABRT));
    const QByteArray crashOutput = crashing.readAllStandardOutput() + crashing.readAllStandardError();
    QVERIFY2(!crashOutput.isEmpty(), "the console said nothing with all logging on");

    // Then the search. The keyring holds the token (so it was there to be leaked) …
    QCOMPARE(m_session.secret(m_session.items({{QStringLiteral("server"), QStringLiteral("FlagDeck")},
                                                {QStringLiteral("user"), featbitConnection.secretRef}})
                                  .value(0)),
             token.toUtf8());
    // … and nothing else does.
    QVERIFY2(!holds(crashOutput, token), crashOutput.constData());
    {
        QMutexLocker locker(&messagesLock);
        QVERIFY2(!messages.isEmpty(), "nothing was logged with all logging on");
        for (const QString &message : std::as_const(messages))
            QVERIFY2(!holds(message.toUtf8(), token), qPrintable(message));
    }
    for (const QString &text : std::as_const(said))
        QVERIFY2(!holds(text.toUtf8(), token), qPrintable(text));
    int read = 0;
    const QStringList leaks = filesHolding(QDir::homePath(), {token}, &read);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    // The files that were searched include the ones that matter.
    QVERIFY(QFile::exists(console.settings().fileName()));
    QVERIFY(QFile::exists(state.filePath(QStringLiteral("audit.sqlite"))));
    QVERIFY(QFile::exists(QDir::home().filePath(QStringLiteral(".local/share/keyrings/login.keyring"))));
    QVERIFY(read >= 5);
    qInfo("searched %d files, %lld messages, %lld texts and %lld bytes of crash output", read, qint64(messages.size()),
          qint64(said.size()), qint64(crashOutput.size()));
}

void tst_TokenLeak::cleanupTestCase()
{
    QLoggingCategory::setFilterRules({});
    qInstallMessageHandler(previousHandler);
}

// Every test HOME of this build (tests/*/home/*; ctest runs the other keychain tests before this
// one) holds none of the keychain tests' tokens.
void tst_TokenLeak::noTestHomeHoldsAKeychainTestToken()
{
    QDir tests = QDir::home(); // tests/<folder>/home/<test>
    QVERIFY(tests.cdUp() && tests.cdUp() && tests.cdUp());
    int read = 0;
    QStringList leaks;
    QStringList searched;
    for (const QString &folder : tests.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString homes = tests.filePath(folder + QStringLiteral("/home"));
        if (!QFileInfo(homes).isDir())
            continue;
        searched.append(homes);
        leaks += filesHolding(homes, KeychainTokens::all(), &read);
    }
    QVERIFY2(searched.contains(QFileInfo(QDir::homePath()).absolutePath()), qPrintable(searched.join(QLatin1Char(' '))));
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    qInfo("searched %d files under %s", read, qPrintable(searched.join(QStringLiteral(", "))));
}

QTEST_MAIN(tst_TokenLeak)
#include "tst_tokenleak.moc"
