#include "addserverdialog.h"
#include "control/consolecontroller.h"
#include "control/killswitch.h"
#include "item/flagtablemodel.h"
#include "item/consolemodels.h"
#include "guardrailcharts.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "shortcutsdialog.h"
#include "store/approvalsettings.h"
#include "store/memorysecretstore.h"
#include "store/preferencesettings.h"
#include "testaudit.h"
#include "welcomepage.h"
#include "apptheme.h"
#include "auditbrowser.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAccessibleInterface>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QLabel>
#include <QTest>
#include <QTranslator>

// A new user's first minutes: the welcome page, the preferences, the keys, the language.
class tst_FirstStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void welcomeOpensTheSandbox();
    void welcomeOffersEachServerKind_data();
    void welcomeOffersEachServerKind();
    void welcomeOpensTheAuditCacheOffline();
    void offlineSaysHowOldTheStatesAre();
    void preferencesAreSavedAndApplied();
    void shortcutsDialogListsEveryMenuKey();
    void everyMenuCommandHasItsOwnMnemonic();
    void everyControlHasAnAccessibleName();
    void theConsoleSpeaksTheChosenLanguage_data();
    void theConsoleSpeaksTheChosenLanguage();

private:
    // Every visible control a person can tab to that a screen reader could not name.
    QStringList unnamedControls(QWidget *root) const;
    void openWindow();
    template<typename Dialog>
    Dialog *waitForDialog() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    MemorySecretStore m_secrets;
    std::unique_ptr<ConsoleController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    int m_run = 0;
};

void tst_FirstStart::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_FirstStart::init()
{
    ++m_run;
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(m_run)), QSettings::IniFormat);
    m_controller = std::make_unique<ConsoleController>(
        *m_settings, TestAudit::openWriter(m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(m_run))), &m_secrets);
    m_controller->setInboxLocation(m_dir.filePath(QStringLiteral("inbox-%1.sqlite").arg(m_run)));
    m_controller->setSandboxAgentEnabled(false);
}

void tst_FirstStart::cleanup()
{
    m_window.reset();
    m_controller.reset();
    m_settings.reset();
    AppTheme::apply(Preferences::Theme::System);
}

void tst_FirstStart::openWindow()
{
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->resize(1500, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

template<typename Dialog>
Dialog *tst_FirstStart::waitForDialog() const
{
    Dialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = m_window->findChild<Dialog *>();
        return dialog && dialog->isVisible();
    });
    return shown ? dialog : nullptr;
}

void tst_FirstStart::welcomeOpensTheSandbox()
{
    QVERIFY(!m_controller->hasConfiguredConnections());
    openWindow();
    m_window->showWelcome();
    QVERIFY(m_window->isShowingWelcome());
    auto *sandbox = m_window->welcomePage()->findChild<QCommandLinkButton *>(QStringLiteral("openSandboxButton"));
    QVERIFY(sandbox);
    // The default choice has the focus: Enter alone opens the sandbox.
    QTRY_VERIFY(sandbox->hasFocus());
    QTest::keyClick(sandbox, Qt::Key_Return);
    QTRY_VERIFY(!m_window->isShowingWelcome());
    QTRY_VERIFY(m_controller->initialLoadDone());
    QVERIFY(m_window->models()->flags()->rowCount() > 0);
    // Remembered: the next start goes straight to the console.
    QVERIFY(m_controller->hasConfiguredConnections());
}

void tst_FirstStart::welcomeOffersEachServerKind_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("kind");
    QTest::newRow("FeatBit") << QStringLiteral("addFeatBitButton") << QStringLiteral("FeatBit");
    QTest::newRow("Unleash") << QStringLiteral("addUnleashButton") << QStringLiteral("Unleash");
}

void tst_FirstStart::welcomeOffersEachServerKind()
{
    QFETCH(QString, button);
    QFETCH(QString, kind);
    openWindow();
    m_window->showWelcome();
    auto *choice = m_window->welcomePage()->findChild<QCommandLinkButton *>(button);
    QVERIFY(choice);
    QTest::mouseClick(choice, Qt::LeftButton);
    auto *dialog = waitForDialog<AddServerDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("serverKind"))->currentText(), kind);
    // Cancelling leaves the person where they were, with nothing configured or started.
    dialog->reject();
    QVERIFY(m_window->isShowingWelcome());
    QVERIFY(!m_controller->isStarted());
    QVERIFY(!m_controller->hasConfiguredConnections());
}

void tst_FirstStart::welcomeOpensTheAuditCacheOffline()
{
    openWindow();
    m_window->showWelcome();
    QTest::mouseClick(m_window->welcomePage()->findChild<QCommandLinkButton *>(QStringLiteral("openOfflineButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!m_window->isShowingWelcome());
    QVERIFY(m_controller->isOffline());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("offline")));
    QCOMPARE(m_window->tabs()->currentWidget(), static_cast<QWidget *>(m_window->auditBrowser()));
    // Nothing was ever cached: the window says so, and how to fill it, instead of "0 flags".
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("connectionStatus"));
    QTRY_VERIFY(status->text().startsWith(QStringLiteral("Offline, and nothing is cached yet")));
}

void tst_FirstStart::offlineSaysHowOldTheStatesAre()
{
    // A run on the sandbox fills the cache; the next start is offline, from it alone.
    openWindow();
    m_controller->start(true);
    QTRY_VERIFY(m_controller->initialLoadDone());
    m_window.reset();
    m_controller.reset();
    m_controller = std::make_unique<ConsoleController>(
        *m_settings, TestAudit::openWriter(m_dir.filePath(QStringLiteral("audit-%1.sqlite").arg(m_run))), &m_secrets);
    m_controller->setInboxLocation(m_dir.filePath(QStringLiteral("inbox-%1.sqlite").arg(m_run)));
    m_controller->startOffline();
    openWindow();
    QTRY_VERIFY(m_controller->initialLoadDone());
    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("offlineBanner"));
    m_window->tabs()->setCurrentIndex(0);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(QStringLiteral("<b>Offline</b>: states as last seen, ")), qPrintable(banner->text()));
    // The charts say why there is nothing to chart, not that the contract names no guardrails.
    QVERIFY(m_window->selectFlag(QStringLiteral("chat-model-route")));
    m_window->guardrailCharts()->redraw();
    const QList<QLabel *> labels = m_window->guardrailCharts()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->isVisible() && label->text().startsWith(QStringLiteral("Offline: guardrail metrics are read live"));
    }));
    // So does the stage gate, instead of "no guardrail data is watched".
    const QString gate = m_window->findChild<QLabel *>(QStringLiteral("stageGate"))->text();
    QVERIFY2(gate.contains(QStringLiteral("not known offline")) && !gate.contains(QStringLiteral("is watched")), qPrintable(gate));
}

void tst_FirstStart::preferencesAreSavedAndApplied()
{
    openWindow();
    m_controller->start(true);
    QTRY_VERIFY(m_controller->initialLoadDone());
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    auto *dialog = waitForDialog<PreferencesDialog>();
    QVERIFY(dialog);
    // The connections page lists what is configured.
    QCOMPARE(dialog->pages()->count(), 5);

    auto *theme = dialog->findChild<QComboBox *>(QStringLiteral("themeChoice"));
    theme->setCurrentIndex(theme->findData(int(Preferences::Theme::Dark)));
    auto *language = dialog->findChild<QComboBox *>(QStringLiteral("languageChoice"));
    language->setCurrentIndex(language->findData(QStringLiteral("de")));
    auto *critical = dialog->findChild<QSpinBox *>(QStringLiteral("approvals_critical"));
    critical->setValue(3);
    auto *contracts = dialog->findChild<QLineEdit *>(QStringLiteral("contractsFolder"));
    contracts->setText(QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts"));
    auto *proposals = dialog->findChild<QCheckBox *>(QStringLiteral("notifyProposals"));
    QTest::mouseClick(proposals, Qt::LeftButton, {}, QPoint(5, proposals->height() / 2));
    QVERIFY(!proposals->isChecked());
    auto *poll = dialog->findChild<QSpinBox *>(QStringLiteral("pollSeconds"));
    poll->setValue(30);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());

    const Preferences saved = PreferenceSettings(*m_settings).load();
    QCOMPARE(saved.theme, Preferences::Theme::Dark);
    QCOMPARE(saved.language, QStringLiteral("de"));
    QCOMPARE(saved.pollSeconds, 30);
    QVERIFY(!saved.notifyProposals);
    QVERIFY(saved.notifyRegressions);
    QCOMPARE(ApprovalSettings(*m_settings).approvalsRequired(Contract::Risk::Critical), 3);
    QCOMPARE(ApprovalSettings(*m_settings).approvalsRequired(Contract::Risk::Low), 1);
    // Applied at once: the theme, and the contracts folder the console holds flags against.
    QVERIFY(AppTheme::isDark());
    QCOMPARE(m_controller->preferences().contractsFolder, QStringLiteral(FLAGDECK_SOURCE_DIR "/resources/contracts"));

    // Opened again, it shows what was saved; Cancel changes nothing.
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY((dialog = waitForDialog<PreferencesDialog>()) != nullptr);
    QCOMPARE(dialog->preferences(), saved);
    dialog->findChild<QSpinBox *>(QStringLiteral("approvals_critical"))->setValue(5);
    dialog->reject();
    QCOMPARE(ApprovalSettings(*m_settings).approvalsRequired(Contract::Risk::Critical), 3);
}

void tst_FirstStart::shortcutsDialogListsEveryMenuKey()
{
    openWindow();
    m_controller->start(true);
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    auto *dialog = waitForDialog<ShortcutsDialog>();
    QVERIFY(dialog);
    QStringList listedKeys;
    for (int row = 0; row < dialog->table()->rowCount(); ++row)
        listedKeys << dialog->table()->item(row, 1)->text();
    int menuKeys = 0;
    for (QAction *menu : m_window->menuBar()->actions()) {
        for (QAction *action : menu->menu()->actions()) {
            if (action->shortcut().isEmpty())
                continue;
            ++menuKeys;
            QVERIFY2(listedKeys.contains(action->shortcut().toString(QKeySequence::NativeText)), qPrintable(action->text()));
        }
    }
    QVERIFY(menuKeys >= 10);
    QVERIFY(listedKeys.contains(QStringLiteral("Enter")));
    QVERIFY(listedKeys.contains(QStringLiteral("Esc")));
}

void tst_FirstStart::everyMenuCommandHasItsOwnMnemonic()
{
    openWindow();
    const auto mnemonic = [](const QString &text) {
        const int at = text.indexOf(QLatin1Char('&'));
        return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
    };
    QSet<QChar> menuLetters;
    for (QAction *menu : m_window->menuBar()->actions()) {
        const QChar letter = mnemonic(menu->text());
        QVERIFY2(!letter.isNull(), qPrintable(menu->text()));
        QVERIFY2(!menuLetters.contains(letter), qPrintable(menu->text()));
        menuLetters.insert(letter);
        QSet<QChar> actionLetters;
        for (QAction *action : menu->menu()->actions()) {
            if (action->isSeparator())
                continue;
            const QChar actionLetter = mnemonic(action->text());
            QVERIFY2(!actionLetter.isNull(), qPrintable(action->text()));
            QVERIFY2(!actionLetters.contains(actionLetter), qPrintable(action->text()));
            actionLetters.insert(actionLetter);
        }
    }
}

QStringList tst_FirstStart::unnamedControls(QWidget *root) const
{
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(root) || !(widget->focusPolicy() & Qt::TabFocus))
            continue;
        // Parts of a control that speak through the control itself.
        QWidget *parent = widget->parentWidget();
        if (qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent))
            continue;
        if (auto *scrollArea = qobject_cast<QAbstractScrollArea *>(parent); scrollArea && scrollArea->viewport() == widget)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        QString name = accessible ? accessible->text(QAccessible::Name) : QString();
        if (auto *tabs = qobject_cast<QTabBar *>(widget); tabs && tabs->count() > 0)
            name = tabs->tabText(0); // a tab bar is named by its tabs
        if (name.trimmed().isEmpty())
            unnamed << QStringLiteral("%1 \"%2\" in %3 \"%4\"")
                           .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
                                widget->parentWidget() ? QString::fromLatin1(widget->parentWidget()->metaObject()->className())
                                                       : QString(),
                                widget->parentWidget() ? widget->parentWidget()->objectName() : QString());
    }
    return unnamed;
}

void tst_FirstStart::everyControlHasAnAccessibleName()
{
    openWindow();
    m_window->showWelcome();
    QStringList unnamed = unnamedControls(m_window.get());
    QTest::mouseClick(m_window->welcomePage()->findChild<QCommandLinkButton *>(QStringLiteral("openSandboxButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(m_controller->initialLoadDone());
    QVERIFY(!m_window->isShowingWelcome());
    m_window->selectFirstFlag();
    for (int tab = 0; tab < m_window->tabs()->count(); ++tab) {
        m_window->tabs()->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        unnamed << unnamedControls(m_window.get());
    }
    m_window->showPreferences();
    auto *preferences = waitForDialog<PreferencesDialog>();
    QVERIFY(preferences);
    for (int page = 0; page < preferences->pages()->count(); ++page) {
        preferences->pages()->setCurrentIndex(page);
        unnamed << unnamedControls(preferences);
    }
    preferences->reject();
    AddServerDialog addServer(m_window.get());
    addServer.show();
    unnamed << unnamedControls(&addServer);
    unnamed.removeDuplicates();
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char('\n'))));
}

void tst_FirstStart::theConsoleSpeaksTheChosenLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("sandboxChoice");
    QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("&Datei") << QStringLiteral("Sandbox &öffnen");
    QTest::newRow("Simplified Chinese") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)")
                                        << QStringLiteral("打开沙盒(&O)");
}

void tst_FirstStart::theConsoleSpeaksTheChosenLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, fileMenu);
    QFETCH(QString, sandboxChoice);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(language), QStringLiteral("flagdeck"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QApplication::installTranslator(&translator);
    openWindow();
    m_window->showWelcome();
    QCOMPARE(m_window->menuBar()->actions().constFirst()->text(), fileMenu);
    QCOMPARE(m_window->welcomePage()->findChild<QCommandLinkButton *>(QStringLiteral("openSandboxButton"))->text(),
             sandboxChoice);
    m_controller->start(true);
    QTRY_VERIFY(m_controller->initialLoadDone());
    // Words that come from the models are translated too.
    const QString header = m_window->models()->flags()->headerData(FlagTableModel::StateColumn, Qt::Horizontal).toString();
    QVERIFY2(header != QStringLiteral("State"), qPrintable(header));
    m_window.reset();
    QApplication::removeTranslator(&translator);
}

QTEST_MAIN(tst_FirstStart)
#include "tst_firststart.moc"
