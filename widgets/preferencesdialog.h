#pragma once

#include "core/preferences.h"

#include <QDialog>
#include <QMap>

class ConnectionTreeModel;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QTreeView;

// Edit → Preferences: connections, contracts folder, approval inbox and policy, notifications,
// language and theme. It edits a copy; nothing changes until OK. Connections are the exception:
// adding and removing one is its own confirmed step, asked of the main window.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(const Preferences &preferences, ConnectionTreeModel *connections, QWidget *parent = nullptr);

    Preferences preferences() const;
    QTabWidget *pages() const { return m_pages; }

Q_SIGNALS:
    void addServerRequested();
    void addSandboxRequested();
    void removeConnectionRequested(const QString &connectionId);

private:
    QWidget *createGeneralPage();
    QWidget *createConnectionsPage(ConnectionTreeModel *connections);
    QWidget *createContractsPage();
    QWidget *createApprovalsPage();
    QWidget *createNotificationsPage();

    Preferences m_initial;
    QTabWidget *m_pages;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QTreeView *m_connections = nullptr;
    QSpinBox *m_pollSeconds = nullptr;
    QLineEdit *m_contractsFolder = nullptr;
    QLineEdit *m_inbox = nullptr;
    QCheckBox *m_sandboxAgent = nullptr;
    QMap<Contract::Risk, QSpinBox *> m_approvals;
    QCheckBox *m_notifyRegressions = nullptr;
    QCheckBox *m_notifyProposals = nullptr;
};
