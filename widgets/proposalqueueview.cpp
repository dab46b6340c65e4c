#include "proposalqueueview.h"

#include "control/proposaldesk.h"
#include "item/proposaltablemodel.h"
#include "proposaldetailpane.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

ProposalQueueView::ProposalQueueView(ProposalDesk *desk, ProposalTableModel *model, ServerName serverName,
                                     QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_model(model)
    , m_serverName(std::move(serverName))
    , m_statusFilter(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_detail(new ProposalDetailPane(this))
{
    setObjectName(QStringLiteral("proposalQueue"));
    m_statusFilter->setObjectName(QStringLiteral("proposalStatusFilter"));
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
    m_proxy->setFilterRole(ProposalTableModel::StatusNameRole);
    m_proxy->setFilterKeyColumn(ProposalTableModel::StatusColumn);
    m_table->setObjectName(QStringLiteral("proposalTable"));
    m_table->setAccessibleName(tr("Proposals"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(ProposalTableModel::ReceivedColumn, 140);
    m_table->horizontalHeader()->resizeSection(ProposalTableModel::StatusColumn, 130);
    m_table->horizontalHeader()->resizeSection(ProposalTableModel::RiskColumn, 60);
    m_table->horizontalHeader()->resizeSection(ProposalTableModel::ActionColumn, 110);
    m_table->horizontalHeader()->resizeSection(ProposalTableModel::FlagColumn, 190);
    m_table->horizontalHeader()->resizeSection(ProposalTableModel::WhereColumn, 150);
    m_table->horizontalHeader()->resizeSection(ProposalTableModel::ProposerColumn, 200);

    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_statusFilter);
    top->addStretch(1);
    top->addWidget(m_count);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    leftLayout->addLayout(top);
    leftLayout->addWidget(m_table);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    const auto countPending = [this](int pending) { m_count->setText(tr("%n waiting for review", nullptr, pending)); };
    countPending(m_model->pendingCount());
    connect(m_model, &ProposalTableModel::pendingCountChanged, this, countPending);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setFilterFixedString(m_statusFilter->currentData().toString()); });
    m_proxy->setFilterFixedString(m_statusFilter->currentData().toString());
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ProposalQueueView::showCurrent);
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

void ProposalQueueView::setStatusFilter(const QString &statusName)
{
    m_statusFilter->setCurrentIndex(std::max(0, m_statusFilter->findData(statusName)));
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
