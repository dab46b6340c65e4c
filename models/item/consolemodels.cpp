#include "consolemodels.h"

#include "../control/consolecontroller.h"
#include "../control/flagstore.h"
#include "../control/proposalreview.h"
#include "../store/auditwriter.h"
#include "audittablemodel.h"
#include "connectiontreemodel.h"
#include "flagtablemodel.h"
#include "proposaltablemodel.h"

ConsoleModels::ConsoleModels(ConsoleController *controller, QObject *parent)
    : QObject(parent)
    , m_flags(new FlagTableModel(controller->flagStore(), this))
    , m_connections(new ConnectionTreeModel(this))
    , m_audit(new AuditTableModel(controller->auditWriter()->path(), this))
    , m_proposals(new ProposalTableModel(this))
{
    for (const ConnectionStatus &status : controller->connectionStatuses())
        m_connections->showStatus(status);
    connect(controller, &ConsoleController::connectionStatusChanged, m_connections, &ConnectionTreeModel::showStatus);
    connect(controller, &ConsoleController::connectionRemoved, m_connections, &ConnectionTreeModel::removeConnection);

    connect(controller->auditWriter(), &AuditWriter::committed, m_audit, &AuditTableModel::refreshNewEntries);

    const FlagStore *store = controller->flagStore();
    m_proposals->setServerNames([store](const QString &connectionId) { return store->serverName(connectionId); });
    ProposalReview *review = controller->proposals();
    m_proposals->upsert(review->proposals());
    connect(review, &ProposalReview::proposalsChanged, m_proposals, &ProposalTableModel::upsert);
}
