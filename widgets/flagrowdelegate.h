#pragma once

#include <QStyledItemDelegate>

// Paints the flag table's special columns: the state in its colour, exposure as a bar, and the
// kill-switch column as a button whose label follows the row's state.
class FlagRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit FlagRowDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    // The cell's background and selection, without its text.
    void paintBackground(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};
