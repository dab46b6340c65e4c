#include "flagrowdelegate.h"

#include "item/flagtablemodel.h"
#include "rolloutpainter.h"
#include "statecolors.h"

#include <QApplication>
#include <QPainter>

FlagRowDelegate::FlagRowDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

bool FlagRowDelegate::isDrawnBold(const QModelIndex &index)
{
    switch (index.column()) {
    case FlagTableModel::StateColumn: {
        const auto kind = FlagTableModel::StateKind(index.data(FlagTableModel::StateKindRole).toInt());
        return kind == FlagTableModel::StateKind::Killed || kind == FlagTableModel::StateKind::Pending
            || kind == FlagTableModel::StateKind::Failed;
    }
    case FlagTableModel::HealthColumn:
        return index.data(FlagTableModel::HealthRole).toInt() == int(GuardrailVerdict::Regressed);
    default:
        return false;
    }
}

QSize FlagRowDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // What the cell needs as it is drawn: bold words, the state's sign, the attention sign.
    QStyleOptionViewItem measured = option;
    measured.font.setBold(isDrawnBold(index));
    measured.fontMetrics = QFontMetrics(measured.font);
    QSize size = QStyledItemDelegate::sizeHint(measured, index);
    if (index.column() == FlagTableModel::StateColumn)
        size.rwidth() += StateSignSize + 8;
    if (index.column() == FlagTableModel::KeyColumn && index.data(FlagTableModel::NeedsAttentionRole).toBool())
        size.rwidth() += 20;
    return size;
}

void FlagRowDelegate::paintStateSign(QPainter *painter, const QRect &rect, FlagTableModel::StateKind kind,
                                     const QColor &colour)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colour, 1.5));
    const QRectF box = QRectF(rect).adjusted(1, 1, -1, -1);
    switch (kind) {
    case FlagTableModel::StateKind::On: // a filled dot: serving
        painter->setBrush(colour);
        painter->drawEllipse(box);
        break;
    case FlagTableModel::StateKind::Off:
    case FlagTableModel::StateKind::Stale: // a ring: not serving, or not known now
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(box);
        break;
    case FlagTableModel::StateKind::Killed: { // a stop sign
        const qreal cut = box.width() * 0.3;
        const QPolygonF octagon({{box.left() + cut, box.top()}, {box.right() - cut, box.top()},
                                 {box.right(), box.top() + cut}, {box.right(), box.bottom() - cut},
                                 {box.right() - cut, box.bottom()}, {box.left() + cut, box.bottom()},
                                 {box.left(), box.bottom() - cut}, {box.left(), box.top() + cut}});
        painter->setBrush(colour);
        painter->drawPolygon(octagon);
        break;
    }
    case FlagTableModel::StateKind::Pending: // half a dot: on its way
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(box);
        painter->setBrush(colour);
        painter->drawPie(box, 90 * 16, 180 * 16);
        break;
    case FlagTableModel::StateKind::Failed: { // a warning triangle
        const QPolygonF triangle({{box.center().x(), box.top()}, box.bottomRight(), box.bottomLeft()});
        painter->setBrush(colour);
        painter->drawPolygon(triangle);
        break;
    }
    }
    painter->restore();
}

void FlagRowDelegate::paintBackground(QPainter *painter, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.features &= ~QStyleOptionViewItem::HasDisplay;
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
}

void FlagRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // A row that needs a person stands out across the whole table, and its key carries a sign.
    const bool attention = index.data(FlagTableModel::NeedsAttentionRole).toBool();
    if (attention && !(option.state & QStyle::State_Selected))
        painter->fillRect(option.rect, StateColors::attentionTint());
    if (attention && index.column() == FlagTableModel::KeyColumn) {
        QStyleOptionViewItem marked = option;
        initStyleOption(&marked, index);
        QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        marked.features |= QStyleOptionViewItem::HasDecoration;
        marked.icon = style->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, option.widget);
        marked.decorationSize = QSize(16, 16);
        style->drawControl(QStyle::CE_ItemViewItem, &marked, painter, option.widget);
        return;
    }
    switch (index.column()) {
    case FlagTableModel::StateColumn: {
        // A sign before the words, so the state reads without its colour too.
        QStyleOptionViewItem colored = option;
        const auto kind = FlagTableModel::StateKind(index.data(FlagTableModel::StateKindRole).toInt());
        const QColor colour = StateColors::forStateKind(kind);
        colored.palette.setColor(QPalette::Text, colour);
        colored.font.setItalic(kind == FlagTableModel::StateKind::Stale);
        colored.font.setBold(isDrawnBold(index));
        paintBackground(painter, colored, index);
        const QRect signRect(option.rect.left() + 6, option.rect.center().y() - StateSignSize / 2, StateSignSize,
                             StateSignSize);
        paintStateSign(painter, signRect, kind, (option.state & QStyle::State_Selected)
                                                    ? option.palette.color(QPalette::HighlightedText) : colour);
        colored.rect.setLeft(signRect.right() + 2);
        QStyledItemDelegate::paint(painter, colored, index);
        return;
    }
    case FlagTableModel::HealthColumn: {
        const int verdict = index.data(FlagTableModel::HealthRole).toInt();
        QStyleOptionViewItem colored = option;
        if (verdict >= 0) {
            colored.palette.setColor(QPalette::Text, StateColors::forVerdict(GuardrailVerdict(verdict)));
            colored.font.setBold(isDrawnBold(index));
        }
        QStyledItemDelegate::paint(painter, colored, index);
        return;
    }
    case FlagTableModel::ExposureColumn: {
        paintBackground(painter, option, index);
        const QRectF bar = QRectF(option.rect).adjusted(6, option.rect.height() * 0.3, -6, -option.rect.height() * 0.3);
        RolloutPainter::paintBar(*painter, bar, index.data(FlagTableModel::FlagRole).value<Flag>(),
                                 index.data(FlagTableModel::EffectiveRolloutRole).value<Rollout>());
        return;
    }
    case FlagTableModel::ActionColumn: {
        paintBackground(painter, option, index);
        const auto action = FlagTableModel::RowAction(index.data(FlagTableModel::RowActionRole).toInt());
        QStyleOptionButton button;
        button.rect = option.rect.adjusted(4, 3, -4, -3);
        button.text = index.data(Qt::DisplayRole).toString();
        button.state = QStyle::State_Raised;
        button.palette = option.palette;
        if (action != FlagTableModel::RowAction::None)
            button.state |= QStyle::State_Enabled;
        else
            button.palette.setCurrentColorGroup(QPalette::Disabled);
        if (action == FlagTableModel::RowAction::Kill || action == FlagTableModel::RowAction::RetryKill)
            button.palette.setColor(QPalette::ButtonText, StateColors::danger());
        QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_PushButton, &button, painter, option.widget);
        return;
    }
    default:
        QStyledItemDelegate::paint(painter, option, index);
    }
}
