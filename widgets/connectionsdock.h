#pragma once

#include <QDockWidget>

class ConnectionTreeModel;
class QTreeView;

// The configured connections with their state, and their environments; choosing one narrows the
// flag table to it.
class ConnectionsDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit ConnectionsDock(ConnectionTreeModel *connections, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    // Both empty: every connection.
    void scopeChanged(const QString &connectionId, const QString &environment);
    void addServerRequested();
    void addSandboxRequested();
    void removeRequested(const QString &connectionId);
    void writeTokenFileRequested(const QString &connectionId);

private:
    QTreeView *m_view;
};
