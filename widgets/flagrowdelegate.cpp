#include "flagrowdelegate.h"

#include "item/flagtablemodel.h"
#include "rolloutpainter.h"
#include "statecolors.h"

#include <QApplication>
#include <QPainter>

FlagRowDelegate::FlagRowDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

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
        QStyleOptionViewItem colored = option;
        const auto operation = FlagTableModel::Operation(index.data(FlagTableModel::OperationRole).toInt());
        const bool enabled = index.data(FlagTableModel::FlagRole).value<Flag>().enabled;
        const bool stale = index.data(FlagTableModel::StaleSinceRole).toLongLong() > 0;
        colored.palette.setColor(QPalette::Text, StateColors::forState(operation, enabled, stale));
        colored.font.setItalic(stale);
        colored.font.setBold(operation != FlagTableModel::Operation::None);
        QStyledItemDelegate::paint(painter, colored, index);
        return;
    }
    case FlagTableModel::HealthColumn: {
        const int verdict = index.data(FlagTableModel::HealthRole).toInt();
        QStyleOptionViewItem colored = option;
        if (verdict >= 0) {
            colored.palette.setColor(QPalette::Text, StateColors::forVerdict(GuardrailVerdict(verdict)));
            colored.font.setBold(GuardrailVerdict(verdict) == GuardrailVerdict::Regressed);
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
