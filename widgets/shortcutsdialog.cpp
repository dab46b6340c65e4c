#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

// A menu text without its mnemonic marker or trailing ellipsis, as a list shows it.
QString plainText(QString text)
{
    // "&File", or "文件(&F)" where the letter is added in parentheses.
    text.remove(QRegularExpression(QStringLiteral("\\(&[^)]\\)")));
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text;
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &menuActions, QWidget *parent)
    : QDialog(parent), m_table(new QTableWidget(0, 2, this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    for (QAction *menuAction : menuActions) {
        QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        for (QAction *action : menu->actions()) {
            if (!action->shortcut().isEmpty())
                addRow(tr("%1 → %2").arg(plainText(menuAction->text()), plainText(action->text())),
                       action->shortcut().toString(QKeySequence::NativeText));
        }
    }
    addRow(tr("Confirm the kill or restore the bar above the table asks about"), tr("Enter"));
    addRow(tr("Cancel that kill or restore"), tr("Esc"));
    addRow(tr("Move between the table, the detail pane and the connections"), tr("Tab, Shift+Tab"));
    addRow(tr("Select several flags for one kill"), tr("Shift+Up/Down, Ctrl+Space"));
    addRow(tr("A button or field with an underlined letter"), tr("Alt+the letter"));
    addRow(tr("Open a menu"), tr("Alt+the menu's underlined letter"));

    m_table->scrollToTop();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(620, 520);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ShortcutsDialog::addRow(const QString &what, const QString &keys)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(what));
    m_table->setItem(row, 1, new QTableWidgetItem(keys));
}
