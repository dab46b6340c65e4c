#include "proposalqueueview.h"

#include "control/proposaldesk.h"
#include "core/contract.h"
#include "core/flagaction.h"
#include "item/proposalqueueproxy.h"
#include "item/proposaltablemodel.h"
#include "proposaldetailpane.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include "statecolors.h"

#include <QEvent>
#include <QStyledItemDelegate>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// What a guardrail regression asked for stands out: bold, in the danger colour.
class UrgentRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!index.data(ProposalTableModel::UrgentRole).toBool())
            return;
        option->font.setBold(true);
        option->palette.setColor(QPalette::Text, StateColors::danger());
    }
};

} // namespace

ProposalQueueView::ProposalQueueView(ProposalDesk *desk, ProposalTableModel *model, ServerName serverName,
                                     QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_model(model)
    , m_serverName(std::move(serverName))
    , m_statusFilter(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_inboxNotice(new QLabel(this))
    , m_proxy(new ProposalQueueProxy(this))
    , m_table(new QTableView(this))
    , m_detail(new ProposalDetailPane(this))
{
    setObjectName(QStringLiteral("proposalQueue"));
    m_statusFilter->setObjectName(QStringLiteral("proposalStatusFilter"));
    m_count->setObjectName(QStringLiteral("proposalCount"));
    m_statusFilter->setAccessibleName(tr("Show proposals with this status"));
    m_statusFilter->addItem(tr("Pending"), proposalStatusName(ProposalStatus::Pending));
    m_statusFilter->addItem(tr("All"), QString());
    for (ProposalStatus status : {ProposalStatus::Approved, ProposalStatus::Executing, ProposalStatus::Executed,
                                  ProposalStatus::Failed, ProposalStatus::Rejected, ProposalStatus::Expired,
                                  ProposalStatus::Superseded})
        m_statusFilter->addItem(proposalStatusName(status), proposalStatusName(status));
    auto *filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_statusFilter);

    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("proposalTable"));
    m_table->setAccessibleName(tr("Proposals"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new UrgentRowDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle); // a long key keeps its @environment in sight
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Sized for the bold of an urgent row, so what matters most is never the part that is cut.
    QFont bold = m_table->font();
    bold.setBold(true);
    const QFontMetrics urgent(bold);
    int riskWidth = urgent.horizontalAdvance(m_model->headerData(ProposalTableModel::RiskColumn, Qt::Horizontal).toString());
    for (const Contract::Risk risk : {Contract::Risk::Low, Contract::Risk::Medium, Contract::Risk::High, Contract::Risk::Critical})
        riskWidth = std::max(riskWidth, urgent.horizontalAdvance(riskDisplayName(risk)));
    int actionWidth = 0;
    for (const FlagAction action : {FlagAction::Kill, FlagAction::Restore, FlagAction::SetRollout, FlagAction::AdvanceStage,
                                    FlagAction::RollbackStage, FlagAction::ServeFallback})
        actionWidth = std::max(actionWidth, urgent.horizontalAdvance(flagActionName(action)));
    QHeaderView *header = m_table->horizontalHeader();
    header->resizeSection(ProposalTableModel::ReceivedColumn, 140);
    // "pending · 59 min left" in full.
    header->resizeSection(ProposalTableModel::StatusColumn, urgent.horizontalAdvance(tr("pending · %1 left").arg(tr("59 min"))) + 24);
    header->resizeSection(ProposalTableModel::RiskColumn, riskWidth + 20);
    header->resizeSection(ProposalTableModel::ActionColumn, actionWidth + 20);
    header->resizeSection(ProposalTableModel::FlagColumn, 250);
    header->resizeSection(ProposalTableModel::WhereColumn, urgent.horizontalAdvance(QStringLiteral("Sandbox / production")) + 20);
    header->resizeSection(ProposalTableModel::ProposerColumn, 200);
    // What and to which flag first, then how it stands: what a reviewer scans for at a glance,
    // in sight on a laptop's screen without scrolling sideways.
    int visual = 0;
    for (const int column : {ProposalTableModel::FlagColumn, ProposalTableModel::ActionColumn,
                             ProposalTableModel::StatusColumn, ProposalTableModel::RiskColumn,
                             ProposalTableModel::WhereColumn})
        m_table->horizontalHeader()->moveSection(m_table->horizontalHeader()->visualIndex(column), visual++);

    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_statusFilter);
    top->addStretch(1);
    top->addWidget(m_count);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    leftLayout->addLayout(top);
    m_inboxNotice->setObjectName(QStringLiteral("inboxAway"));
    m_inboxNotice->setWordWrap(true);
    m_inboxNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette warning = m_inboxNotice->palette();
    warning.setColor(QPalette::WindowText, StateColors::danger());
    m_inboxNotice->setPalette(warning);
    m_inboxNotice->hide();
    leftLayout->addWidget(m_inboxNotice);
    leftLayout->addWidget(m_table);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    // The sheet is where the decision is made: it gets the room to show it unwrapped.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({540, 460});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    updateCount();
    connect(m_model, &ProposalTableModel::pendingCountChanged, this, &ProposalQueueView::updateCount);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatusFilter(m_statusFilter->currentData().toString());
        keepSelection();
    });
    m_proxy->setStatusFilter(m_statusFilter->currentData().toString());
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            m_selectedId = current.data(ProposalTableModel::ProposalIdRole).toString();
        showCurrent();
    });
    // The proposal chosen stays chosen, by its id, however rows arrive, leave or re-sort; and
    // while the pointer is over the list, the list holds still (the proxy holds arrivals back,
    // but an urgent one) so that a click lands on the row aimed at.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ProposalQueueView::keepSelection);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ProposalQueueView::keepSelection);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ProposalQueueView::keepSelection);
    m_table->viewport()->installEventFilter(this);
    m_table->viewport()->setMouseTracking(true);
    m_aiming.setSingleShot(true);
    m_aiming.setInterval(AimingMs);
    connect(&m_aiming, &QTimer::timeout, this, [this] {
        m_proxy->setHolding(false);
        updateCount();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &ProposalQueueView::updateCount);
    // The sheet follows the inbox: a decision elsewhere, or the flag changing, shows at once. The
    // slots take the id by value: a decision changes the model, which may hide the row it came from.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ProposalQueueView::showCurrent);

    connect(m_detail, &ProposalDetailPane::approveRequested, this, [this](QString id, const QString &comment, bool reReviewed) {
        const Result<Proposal> result = m_desk->approve(id, comment, reReviewed);
        showCurrent();
        m_detail->showError(result ? QString() : result.error());
    });
    connect(m_detail, &ProposalDetailPane::rejectRequested, this, [this](QString id, const QString &comment) {
        const Result<Proposal> result = m_desk->reject(id, comment);
        showCurrent();
        m_detail->showError(result ? QString() : result.error());
    });
    connect(m_detail, &ProposalDetailPane::runRequested, this, [this](QString id) {
        const Result<bool> result = m_desk->run(id);
        showCurrent();
        m_detail->showError(!result ? result.error() : result.value() ? QString() : tr("another console is running it"));
    });
}

void ProposalQueueView::setInboxNotice(const QString &text)
{
    m_inboxNotice->setText(text);
    m_inboxNotice->setVisible(!text.isEmpty());
}

void ProposalQueueView::setStatusFilter(const QString &statusName)
{
    m_statusFilter->setCurrentIndex(std::max(0, m_statusFilter->findData(statusName)));
}

QString ProposalQueueView::idAt(int proxyRow) const
{
    return m_proxy->index(proxyRow, 0).data(ProposalTableModel::ProposalIdRole).toString();
}

int ProposalQueueView::proxyRowOf(const QString &id) const
{
    const int row = m_model->rowOf(id);
    return row < 0 ? -1 : m_proxy->mapFromSource(m_model->index(row, 0)).row();
}

void ProposalQueueView::updateCount()
{
    const int held = m_proxy->heldCount();
    m_count->setText(held > 0 ? tr("%n waiting for review", nullptr, m_model->pendingCount()) + QStringLiteral(" · ")
                                    + tr("%n new, shown when the pointer leaves the list or rests", nullptr, held)
                              : tr("%n waiting for review", nullptr, m_model->pendingCount()));
}

void ProposalQueueView::keepSelection()
{
    if (m_selectedId.isEmpty())
        return;
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && idAt(current.row()) == m_selectedId)
        return;
    const int row = proxyRowOf(m_selectedId);
    if (row < 0)
        return; // filtered out for now: chosen again once it shows
    const QModelIndex index = m_proxy->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

bool ProposalQueueView::eventFilter(QObject *watched, QEvent *event)
{
    // Held still while the pointer moves over the list (a person aiming at a row); what arrived
    // meanwhile shows once it leaves or rests.
    if (watched == m_table->viewport()) {
        switch (event->type()) {
        case QEvent::Enter:
        case QEvent::MouseMove:
            m_aiming.start();
            if (!m_proxy->isHolding()) {
                m_proxy->setHolding(true);
                updateCount();
            }
            break;
        case QEvent::Leave:
            m_aiming.stop();
            m_proxy->setHolding(false);
            updateCount();
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool ProposalQueueView::selectProposal(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        setStatusFilter(QString());
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    showCurrent();
    return true;
}

void ProposalQueueView::showCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    // A proposal just decided leaves the Pending filter; its outcome stays in view.
    const QString id = current.isValid() ? current.data(ProposalTableModel::ProposalIdRole).toString() : m_detail->proposalId();
    if (id.isEmpty() || !m_model->proposal(id)) {
        m_detail->clear();
        return;
    }
    const ProposalReviewSheet sheet = m_desk->sheet(id);
    m_detail->showSheet(sheet, m_serverName(sheet.proposal.target.connectionId));
}
