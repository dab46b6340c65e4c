#include "store/preferencesettings.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// The real executable picks its language as a person would meet it: the one chosen in the
// preferences, else the system's, else English. --help needs no display and is translated.
class tst_LanguageChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsThePreferenceThenTheSystem_data();
    void followsThePreferenceThenTheSystem();
};

void tst_LanguageChoice::followsThePreferenceThenTheSystem_data()
{
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");
    const QString english = QStringLiteral("Start on the sandbox, even when servers are configured.");
    const QString german = QStringLiteral("Mit der Sandbox starten, auch wenn Server eingerichtet sind.");
    const QString chinese = QStringLiteral("以沙盒启动，即使已配置服务器。");
    QTest::newRow("nothing chosen, C locale") << QString() << QStringLiteral("C") << english;
    QTest::newRow("nothing chosen, German system") << QString() << QStringLiteral("de_DE.UTF-8") << german;
    QTest::newRow("nothing chosen, Chinese system") << QString() << QStringLiteral("zh_CN.UTF-8") << chinese;
    QTest::newRow("nothing chosen, French system") << QString() << QStringLiteral("fr_FR.UTF-8") << english;
    QTest::newRow("German chosen, English system") << QStringLiteral("de") << QStringLiteral("en_US.UTF-8") << german;
    QTest::newRow("Chinese chosen, German system") << QStringLiteral("zh_CN") << QStringLiteral("de_DE.UTF-8") << chinese;
    QTest::newRow("English chosen, German system") << QStringLiteral("en") << QStringLiteral("de_DE.UTF-8") << english;
}

void tst_LanguageChoice::followsThePreferenceThenTheSystem()
{
    QFETCH(QString, chosen);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    QTemporaryDir home;
    QVERIFY(home.isValid());
    {
        // Where the executable reads its settings on Linux, written as the Preferences dialog does.
        QSettings settings(home.filePath(QStringLiteral(".config/FlagDeck/FlagDeck.conf")), QSettings::NativeFormat);
        Preferences preferences;
        preferences.language = chosen;
        PreferenceSettings(settings).save(preferences);
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    for (const QString &variable : {QStringLiteral("LC_ALL"), QStringLiteral("LC_MESSAGES"), QStringLiteral("LANG")})
        environment.insert(variable, system);
    environment.remove(QStringLiteral("LANGUAGE"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FLAGDECK_BINARY), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    // --help wraps its lines; compare the words, not the layout.
    const auto withoutSpace = [](QString text) { return text.remove(QRegularExpression(QStringLiteral("\\s+"))); };
    QVERIFY2(withoutSpace(help).contains(withoutSpace(expected)), qPrintable(help));
}

QTEST_GUILESS_MAIN(tst_LanguageChoice)
#include "tst_languagechoice.moc"
