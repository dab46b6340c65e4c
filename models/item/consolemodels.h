#pragma once

#include <QObject>

class AuditTableModel;
class ChangeTableModel;
class CleanupTableModel;
class FlagStateAtModel;
class ConnectionTreeModel;
class ConsoleController;
class FlagTableModel;
class ProposalTableModel;

// The item models a console's views show, each a thin adapter that follows the controller's
// state (the flag store, the connection statuses, the audit cache, the proposals) and holds none
// of its own. Made at any time: each starts from what the controller holds now.
class ConsoleModels : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleModels(ConsoleController *controller, QObject *parent = nullptr);

    FlagTableModel *flags() const { return m_flags; }
    ConnectionTreeModel *connections() const { return m_connections; }
    AuditTableModel *audit() const { return m_audit; }
    ProposalTableModel *proposals() const { return m_proposals; }
    // What changed in the last hour until another window is chosen; new changes join as they arrive.
    ChangeTableModel *changes() const { return m_changes; }
    FlagStateAtModel *flagStates() const { return m_flagStates; }
    // The flags due to be removed from the code.
    CleanupTableModel *cleanup() const { return m_cleanup; }

private:
    FlagTableModel *m_flags;
    ConnectionTreeModel *m_connections;
    AuditTableModel *m_audit;
    ProposalTableModel *m_proposals;
    ChangeTableModel *m_changes;
    FlagStateAtModel *m_flagStates;
    CleanupTableModel *m_cleanup;
};
