#include "activitydock.h"

#include "item/activitylogmodel.h"
#include "statecolors.h"

#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QTableView>

namespace {

// What went wrong or needs a person stands out in the danger colour.
class ActivityColours : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole && index.column() == ActivityLogModel::KindColumn) {
            const auto kind = ActivityLogModel::Kind(index.data(ActivityLogModel::KindRole).toInt());
            if (kind == ActivityLogModel::Kind::Kill || kind == ActivityLogModel::Kind::Failure
                || kind == ActivityLogModel::Kind::Regression || kind == ActivityLogModel::Kind::Problem)
                return StateColors::danger();
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

ActivityDock::ActivityDock(ActivityLogModel *log, QWidget *parent)
    : QDockWidget(tr("Activity"), parent)
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("activityDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    auto *colours = new ActivityColours(this);
    colours->setSourceModel(log);
    m_view->setObjectName(QStringLiteral("activityList"));
    m_view->setAccessibleName(tr("Recent activity, newest first"));
    m_view->setModel(colours);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->resizeSection(ActivityLogModel::TimeColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00")) + 16);
    // Room for the longest kind in the language shown.
    int kindWidth = m_view->fontMetrics().horizontalAdvance(log->headerData(ActivityLogModel::KindColumn, Qt::Horizontal).toString());
    for (int kind = 0; kind <= int(ActivityLogModel::Kind::Info); ++kind)
        kindWidth = std::max(kindWidth, m_view->fontMetrics().horizontalAdvance(ActivityLogModel::kindText(ActivityLogModel::Kind(kind))));
    header->resizeSection(ActivityLogModel::KindColumn, kindWidth + 16);
    header->setStretchLastSection(true);
    setWidget(m_view);
}
