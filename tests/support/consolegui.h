#pragma once

#include "addserverdialog.h"
#include "control/consolecontroller.h"
#include "flagtableview.h"
#include "item/flagfilterproxy.h"
#include "item/flagtablemodel.h"
#include "killconfirmbar.h"
#include "item/consolemodels.h"
#include "mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

// Steps the GUI tests of server connections share: the add-server dialog, and the kill gesture.
namespace ConsoleGui {

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
