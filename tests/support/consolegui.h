#pragma once

#include "addserverdialog.h"
#include "control/consolecontroller.h"
#include "flagtableview.h"
#include "item/flagfilterproxy.h"
#include "item/flagtablemodel.h"
#include "killconfirmbar.h"
#include "item/consolemodels.h"
#include "mainwindow.h"
#include "connectors/sandbox/sandboxserver.h"
#include "store/memorysecretstore.h"
#include "store/secretstore.h"
#include "testaudit.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// Steps the GUI tests of server connections share: the add-server dialog, and the kill gesture.
namespace ConsoleGui {

// A console on the sandbox as a person starts one, with its settings, audit cache and inbox in
// folder (or the inbox at inboxLocation, a postgresql:// URL); the sandbox's agent stays quiet.
class SandboxConsole
{
public:
    SandboxConsole(const QString &folder, SecretStore *secrets, const QString &inboxLocation = {})
        : m_settings(QDir(folder).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        , m_controller(m_settings, TestAudit::openWriter(QDir(folder).filePath(QStringLiteral("audit.sqlite"))), secrets)
    {
        m_controller.setInboxLocation(inboxLocation.isEmpty() ? QDir(folder).filePath(QStringLiteral("inbox.sqlite"))
                                                              : inboxLocation);
        m_controller.setSandboxAgentEnabled(false);
    }

    QSettings &settings() { return m_settings; }
    ConsoleController &controller() { return m_controller; }
    MainWindow &window() { return *m_window; }

    // Desktop: 1500×860 whatever the screen; FitScreen: as FlagDeck opens on the screen it has.
    enum class Size { Desktop, FitScreen };

    // Opens the window and starts on the sandbox; false if it did not load.
    [[nodiscard]] bool start(Size size = Size::Desktop)
    {
        m_window = std::make_unique<MainWindow>(&m_controller);
        if (size == Size::FitScreen)
            m_window->fitToScreen();
        else
            m_window->resize(1500, 860);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return false;
        m_controller.start(true);
        return QTest::qWaitFor([this] { return m_controller.initialLoadDone(); }, 5000);
    }

private:
    QSettings m_settings;
    ConsoleController m_controller;
    std::unique_ptr<MainWindow> m_window;
};

// What a console of its own needs, made before it: a new folder (settings, audit cache, inbox),
// new secrets, and the sandbox back at its seed.
struct FreshConsoleFolder
{
    FreshConsoleFolder() { QFile::remove(SandboxServer::defaultDatabasePath(QStringLiteral("sandbox"))); }
    QTemporaryDir folder;
    MemorySecretStore secrets;
};

// A sandbox console for one test: everything new, the sandbox answering quickly.
class FreshSandboxConsole : private FreshConsoleFolder, public SandboxConsole
{
public:
    FreshSandboxConsole() : SandboxConsole(folder.path(), &secrets) {}

    QString filePath(const QString &name) const { return folder.filePath(name); }
    [[nodiscard]] bool start()
    {
        if (!SandboxConsole::start())
            return false;
        static_cast<SandboxServer *>(controller().server(QStringLiteral("sandbox")))->setLatency(20, 20);
        return true;
    }
};

// Opens File → Add server connection… and picks the kind; nullptr if it did not open.
inline AddServerDialog *openAddServerDialog(MainWindow &window, const QString &kind)
{
    window.findChild<QAction *>(QStringLiteral("addServerAction"))->trigger();
    AddServerDialog *dialog = window.findChild<AddServerDialog *>();
    if (!dialog || !dialog->isVisible())
        return nullptr;
    auto *kinds = dialog->findChild<QComboBox *>(QStringLiteral("serverKind"));
    kinds->setCurrentIndex(kinds->findText(kind));
    return dialog;
}

inline void type(AddServerDialog *dialog, const QString &field, const QString &text)
{
    auto *edit = dialog->findChild<QLineEdit *>(field);
    edit->clear();
    QTest::keyClicks(edit, text);
}

// Types the token, clicks Test, and returns what the dialog says once the test is over.
inline QString testWith(AddServerDialog *dialog, const QString &token)
{
    type(dialog, QStringLiteral("serverToken"), token);
    auto *test = dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
    QTest::mouseClick(test, Qt::LeftButton);
    QDeadlineTimer deadline(20000);
    while (!test->isEnabled() && !deadline.hasExpired())
        QTest::qWait(10);
    return dialog->findChild<QLabel *>(QStringLiteral("testResult"))->text();
}

// Clicks the flag's kill cell and confirms with Enter, as a person does; false if the window
// could not take the keyboard (the confirmation's Enter goes to the active window).
[[nodiscard]] inline bool killWithGesture(MainWindow &window, const FlagRef &flag)
{
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return false;
    FlagTableView *table = window.flagTable();
    auto *proxy = static_cast<FlagFilterProxy *>(table->model());
    const QModelIndex cell = proxy->mapFromSource(window.models()->flags()->indexOf(flag, FlagTableModel::ActionColumn));
    table->scrollTo(cell);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    QTest::keyClick(table, Qt::Key_Return);
    return true;
}

inline QString stateOf(MainWindow &window, const FlagRef &flag)
{
    return window.models()->flags()->indexOf(flag, FlagTableModel::StateColumn).data().toString();
}

} // namespace ConsoleGui
