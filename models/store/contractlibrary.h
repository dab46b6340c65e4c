#pragma once

#include "../core/contractreader.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

// Every contract file of one folder, as read: the good contracts and every finding.
struct ContractSet
{
    QList<Contract> contracts;
    QList<ContractFinding> findings;
    int filesRead = 0;

    bool hasErrors() const;
    // The contract of a flag in an environment, or nullptr.
    const Contract *find(const QString &flagKey, const QString &environment) const;
};

// Reads every *.yaml and *.yml file of a folder (also a resource folder), in name order. A bad
// file is reported and skipped; the others load. A second contract for the same flag and
// environment is an error in the later file.
ContractSet loadContractFolder(const QString &folder);

// The contracts the console holds flags against: the team's folder (watched, reloaded when a file
// changes) and the sandbox's own, which apply to sandbox connections for flags the folder does not
// cover.
class ContractLibrary : public QObject
{
    Q_OBJECT

public:
    static constexpr int ReloadDelayMs = 200;

    explicit ContractLibrary(QObject *parent = nullptr);

    QString folder() const { return m_folder; }
    void setFolder(const QString &folder);
    const ContractSet &teamContracts() const { return m_team; }

    const Contract *find(const QString &flagKey, const QString &environment, bool sandboxConnection) const;

Q_SIGNALS:
    void changed();

private:
    void reload();

    QString m_folder;
    ContractSet m_team;
    ContractSet m_sandbox;
    QFileSystemWatcher m_watcher;
    QTimer m_reload;
};
