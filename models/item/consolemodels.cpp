#include "consolemodels.h"

#include "../control/consolecontroller.h"
#include "../control/flagstore.h"
#include "../control/proposalreview.h"
#include "../store/auditwriter.h"
#include "../control/revertdesk.h"
#include "audittablemodel.h"
#include "changetablemodel.h"
#include "cleanuptablemodel.h"
#include "flagstateatmodel.h"
#include "connectiontreemodel.h"
#include "flagtablemodel.h"
#include "proposaltablemodel.h"


namespace {

ChangeTableModel::ServerName serverNames(const FlagStore *store)
{
    return [store](const QString &connectionId) {
        const QString name = store->serverName(connectionId);
        return name.isEmpty() ? connectionId : name;
    };
}

} // namespace

ConsoleModels::ConsoleModels(ConsoleController *controller, QObject *parent)
    : QObject(parent)
    , m_flags(new FlagTableModel(controller->flagStore(), this))
    , m_connections(new ConnectionTreeModel(this))
    , m_audit(new AuditTableModel(controller->auditWriter()->path(), this))
    , m_proposals(new ProposalTableModel(this))
    , m_changes(new ChangeTableModel(&controller->reverts()->history(), serverNames(controller->flagStore()), this))
    , m_flagStates(new FlagStateAtModel(&controller->reverts()->history(), controller->flagStore(),
                                        serverNames(controller->flagStore()), this))
    , m_cleanup(new CleanupTableModel(controller->flagStore(), this))
{
    for (const ConnectionStatus &status : controller->connectionStatuses())
        m_connections->showStatus(status);
    connect(controller, &ConsoleController::connectionStatusChanged, m_connections, &ConnectionTreeModel::showStatus);
    connect(controller, &ConsoleController::connectionRemoved, m_connections, &ConnectionTreeModel::removeConnection);

    connect(controller->auditWriter(), &AuditWriter::committed, m_audit, &AuditTableModel::refreshNewEntries);
    if (controller->reverts()->isHistoryOpen())
        connect(controller->auditWriter(), &AuditWriter::committed, m_changes, [this] { m_changes->readNewer(); });

    const FlagStore *store = controller->flagStore();
    m_proposals->setServerNames([store](const QString &connectionId) { return store->serverName(connectionId); });
    ProposalReview *review = controller->proposals();
    m_proposals->upsert(review->proposals());
    connect(review, &ProposalReview::proposalsChanged, m_proposals, &ProposalTableModel::upsert);
}
