#pragma once

#include "item/flagtablemodel.h"

#include <QStyledItemDelegate>

// Paints the flag table's special columns: the state in its colour with a sign (dot, ring, stop
// sign, half dot, triangle), exposure as a bar, and the kill-switch column as a button whose
// label follows the row's state.
class FlagRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit FlagRowDelegate(QObject *parent = nullptr);

    static constexpr int StateSignSize = 10;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static bool isDrawnBold(const QModelIndex &index);
    static void paintStateSign(QPainter *painter, const QRect &rect, FlagTableModel::StateKind kind, const QColor &colour);
    // The cell's background and selection, without its text.
    void paintBackground(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};
