#pragma once

#include <QDialog>

class QAction;
class QTableWidget;

// Help → Keyboard shortcuts: every menu command that has a key, read from the menus themselves so
// the list cannot drift from what the keys do, followed by the keys that work in one place only.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QList<QAction *> &menuActions, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    void addRow(const QString &what, const QString &keys);

    QTableWidget *m_table;
};
