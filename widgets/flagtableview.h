#pragma once

#include "core/flagref.h"
#include "item/flagtablemodel.h"

#include <QTableView>

// The flag table: fixed row heights (cheap at any size), the row delegate, and the kill-switch
// column, whose click asks for the row's action; the window decides what that takes.
class FlagTableView : public QTableView
{
    Q_OBJECT

public:
    explicit FlagTableView(QWidget *parent = nullptr);

    QList<FlagRef> selectedFlags() const;
    FlagRef currentFlag() const;

Q_SIGNALS:
    void actionRequested(const FlagRef &ref, FlagTableModel::RowAction action);
    void currentFlagChanged(const FlagRef &ref);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
};
