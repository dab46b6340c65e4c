#include "flagtableview.h"

#include "flagrowdelegate.h"

#include <QHeaderView>
#include <QMouseEvent>

FlagTableView::FlagTableView(QWidget *parent) : QTableView(parent)
{
    setObjectName(QStringLiteral("flagTable"));
    setAccessibleName(tr("Flags"));
    setItemDelegate(new FlagRowDelegate(this));
    setSelectionBehavior(SelectRows);
    setSelectionMode(ExtendedSelection);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setEditTriggers(NoEditTriggers);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setDefaultSectionSize(120);
}

QList<FlagRef> FlagTableView::selectedFlags() const
{
    QList<FlagRef> refs;
    if (!selectionModel())
        return refs;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        refs.append(index.data(FlagTableModel::FlagRefRole).value<FlagRef>());
    return refs;
}

FlagRef FlagTableView::currentFlag() const
{
    return currentIndex().data(FlagTableModel::FlagRefRole).value<FlagRef>();
}

void FlagTableView::mouseReleaseEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    QTableView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || index.column() != FlagTableModel::ActionColumn)
        return;
    const auto action = FlagTableModel::RowAction(index.data(FlagTableModel::RowActionRole).toInt());
    if (action != FlagTableModel::RowAction::None)
        Q_EMIT actionRequested(index.data(FlagTableModel::FlagRefRole).value<FlagRef>(), action);
}

void FlagTableView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTableView::currentChanged(current, previous);
    Q_EMIT currentFlagChanged(current.data(FlagTableModel::FlagRefRole).value<FlagRef>());
}
