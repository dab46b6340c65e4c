#include "flagtableview.h"

#include "flagrowdelegate.h"

#include <QHeaderView>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

FlagTableView::FlagTableView(QWidget *parent) : QTableView(parent), m_frozenKeys(new QTableView(this))
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
    setHorizontalScrollMode(ScrollPerPixel);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setDefaultSectionSize(120);

    // The frozen Flag column: drawn like the table, never focused; clicks select through the
    // shared selection, and its header sorts the table.
    m_frozenKeys->setObjectName(QStringLiteral("frozenFlagColumn"));
    m_frozenKeys->setItemDelegate(itemDelegate());
    m_frozenKeys->setFocusPolicy(Qt::NoFocus);
    m_frozenKeys->setSelectionBehavior(SelectRows);
    m_frozenKeys->setSelectionMode(ExtendedSelection);
    m_frozenKeys->setAlternatingRowColors(true);
    m_frozenKeys->setShowGrid(false);
    m_frozenKeys->setWordWrap(false);
    m_frozenKeys->setEditTriggers(NoEditTriggers);
    m_frozenKeys->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozenKeys->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozenKeys->setVerticalScrollMode(verticalScrollMode());
    m_frozenKeys->setFrameShape(QFrame::NoFrame);
    m_frozenKeys->verticalHeader()->hide();
    m_frozenKeys->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozenKeys->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    m_frozenKeys->horizontalHeader()->setHighlightSections(false);
    m_frozenKeys->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozenKeys->horizontalHeader()->setSortIndicatorShown(true);
    m_frozenKeys->horizontalHeader()->setSectionsClickable(true);
    viewport()->stackUnder(m_frozenKeys);

    connect(m_frozenKeys->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(), &QAbstractSlider::setValue);
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozenKeys->verticalScrollBar(), &QAbstractSlider::setValue);
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int section, int, int size) {
        if (section == FlagTableModel::KeyColumn) {
            m_frozenKeys->setColumnWidth(section, size);
            placeFrozenColumn();
        }
    });
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, m_frozenKeys->horizontalHeader(),
            &QHeaderView::setSortIndicator);
    connect(m_frozenKeys->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        const bool ascending = horizontalHeader()->sortIndicatorSection() == section
                               && horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder;
        sortByColumn(section, ascending ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
}

void FlagTableView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    m_frozenKeys->setModel(model);
    m_frozenKeys->setSelectionModel(selectionModel());
    showOnlyKeyColumnFrozen();
    if (model) {
        // Columns the model adds later stay off the frozen view too.
        connect(model, &QAbstractItemModel::modelReset, this, &FlagTableView::showOnlyKeyColumnFrozen);
        connect(model, &QAbstractItemModel::columnsInserted, this, &FlagTableView::showOnlyKeyColumnFrozen);
    }
}

void FlagTableView::showOnlyKeyColumnFrozen()
{
    if (!model())
        return;
    for (int column = 0; column < model()->columnCount(); ++column)
        m_frozenKeys->setColumnHidden(column, column != FlagTableModel::KeyColumn);
    m_frozenKeys->setColumnWidth(FlagTableModel::KeyColumn, columnWidth(FlagTableModel::KeyColumn));
    placeFrozenColumn();
}

void FlagTableView::placeFrozenColumn()
{
    m_frozenKeys->setGeometry(frameWidth(), frameWidth(), columnWidth(FlagTableModel::KeyColumn),
                              viewport()->height() + horizontalHeader()->height());
    m_frozenKeys->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
}

void FlagTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    // Where the keyboard is, seen at a glance: a frame in the selection colour while focused.
    if (hasFocus()) {
        QPainter painter(viewport());
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.drawRect(QRectF(viewport()->rect()).adjusted(1, 1, -1, -1));
    }
}

void FlagTableView::focusInEvent(QFocusEvent *event)
{
    QTableView::focusInEvent(event);
    viewport()->update();
}

void FlagTableView::focusOutEvent(QFocusEvent *event)
{
    QTableView::focusOutEvent(event);
    viewport()->update();
}

void FlagTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    placeFrozenColumn();
}

QModelIndex FlagTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    // Moving left onto a column hidden under the frozen one scrolls it out from there.
    const QModelIndex current = QTableView::moveCursor(cursorAction, modifiers);
    const int frozenWidth = columnWidth(FlagTableModel::KeyColumn);
    if (cursorAction == MoveLeft && current.column() > FlagTableModel::KeyColumn
        && visualRect(current).topLeft().x() < frozenWidth) {
        const int newValue = horizontalScrollBar()->value() + visualRect(current).topLeft().x() - frozenWidth;
        horizontalScrollBar()->setValue(newValue);
    }
    return current;
}

void FlagTableView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    // The Flag column is always in view: going to a row by it scrolls up or down, never sideways.
    const int sideways = horizontalScrollBar()->value();
    QTableView::scrollTo(index, hint);
    if (index.column() == FlagTableModel::KeyColumn)
        horizontalScrollBar()->setValue(sideways);
}

void FlagTableView::sizeColumnsToContent(bool singleConnection, const QString &personName)
{
    setColumnHidden(FlagTableModel::ServerColumn, singleConnection);
    QHeaderView *header = horizontalHeader();
    // What the rows hold now is bounded by atMost; what a column must always have room for is not.
    const auto fit = [this, header](int column, int atLeast, int atMost) {
        const int content = std::max(header->sectionSizeHint(column), sizeHintForColumn(column));
        header->resizeSection(column, std::max(atLeast, std::min(content, atMost)));
    };
    // A verdict is drawn bold when it matters; the column fits every verdict, not only today's.
    QFont bold = font();
    bold.setBold(true);
    int verdictWidth = 0;
    for (const GuardrailVerdict verdict : {GuardrailVerdict::Healthy, GuardrailVerdict::Watching, GuardrailVerdict::Regressed,
                                           GuardrailVerdict::NotEnoughEvidence, GuardrailVerdict::NotEnoughData,
                                           GuardrailVerdict::NoData})
        verdictWidth = std::max(verdictWidth, QFontMetrics(bold).horizontalAdvance(verdictText(verdict)) + 16);
    fit(FlagTableModel::KeyColumn, 150, 260);
    fit(FlagTableModel::ServerColumn, 70, 150);
    fit(FlagTableModel::EnvironmentColumn, 70, 130);
    int killedWidth = 0;
    for (const QString &person : {personName, QString()})
        killedWidth = std::max(killedWidth, QFontMetrics(bold).horizontalAdvance(FlagTableModel::killedText(person, 0)));
    fit(FlagTableModel::StateColumn, killedWidth + FlagRowDelegate::StateSignSize + 20, 240);
    header->resizeSection(FlagTableModel::ActionColumn, actionColumnWidth());
    fit(FlagTableModel::HealthColumn, verdictWidth, 200);
    fit(FlagTableModel::StageColumn, 90, 240);
    fit(FlagTableModel::ExposureColumn, 110, 150);
}

int FlagTableView::actionColumnWidth() const
{
    int actionWidth = 0;
    for (const QString &label : {FlagTableModel::tr("Offline"), FlagTableModel::tr("Not allowed"),
                                 FlagTableModel::tr("Undo (%n s)", nullptr, 10)})
        actionWidth = std::max(actionWidth, fontMetrics().horizontalAdvance(label));
    using RowAction = FlagTableModel::RowAction;
    for (const RowAction action : {RowAction::None, RowAction::Kill, RowAction::RetryKill, RowAction::Undo,
                                   RowAction::Restore, RowAction::RetryRestore})
        actionWidth = std::max(actionWidth, fontMetrics().horizontalAdvance(FlagTableModel::actionText(action)));
    return std::max(100, actionWidth + 32);
}

bool FlagTableView::isColumnFullyVisible(int column) const
{
    if (isColumnHidden(column))
        return false;
    if (column == FlagTableModel::KeyColumn)
        return true;
    const int left = columnViewportPosition(column);
    return left >= columnWidth(FlagTableModel::KeyColumn) && left + columnWidth(column) <= viewport()->width();
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
