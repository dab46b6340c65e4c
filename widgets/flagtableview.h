#pragma once

#include "core/flagref.h"
#include "item/flagtablemodel.h"

#include <QTableView>

// The flag table: fixed row heights (cheap at any size), the row delegate, and the kill-switch
// column, whose click asks for the row's action; the window decides what that takes. The Flag
// column stays in place when the table scrolls sideways (a second view over the first shows it,
// sharing the model and the selection), so a row never loses its name on a narrow screen.
class FlagTableView : public QTableView
{
    Q_OBJECT

public:
    explicit FlagTableView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    QList<FlagRef> selectedFlags() const;
    FlagRef currentFlag() const;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    // Each column as wide as its words in the language shown, within bounds, so the columns a
    // person acts on fit a laptop's screen; one connection needs no Server column. The State
    // column has room for a kill by personName or the monitor before there is one, so the kill
    // switches never move in an incident.
    void sizeColumnsToContent(bool singleConnection, const QString &personName);
    // Whether column is wholly inside the visible part of the table, beside the frozen Flag column.
    bool isColumnFullyVisible(int column) const;

Q_SIGNALS:
    void actionRequested(const FlagRef &ref, FlagTableModel::RowAction action);
    void currentFlagChanged(const FlagRef &ref);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;

private:
    void placeFrozenColumn();
    void showOnlyKeyColumnFrozen();
    // Wide enough for the longest button label in the language shown.
    int actionColumnWidth() const;

    QTableView *m_frozenKeys;
};
