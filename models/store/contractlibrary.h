#pragma once

#include "../core/contractreader.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

// A contract file that names a flag but has an error: that flag has no contract until it is
// fixed, and nothing else (a built-in contract) stands in for it.
struct UnreadableContract
{
    QString flagKey;
    QStringList environments; // empty: every environment
    ContractFinding error;    // the first error, where it is

    bool appliesTo(const QString &environment) const;
};

// Every contract file of one folder, as read: the good contracts and every finding.
struct ContractSet
{
    QList<Contract> contracts;
    QList<UnreadableContract> unreadable;
    QList<ContractFinding> findings;
    int filesRead = 0;

    bool hasErrors() const;
    int count(ContractFinding::Severity severity) const;
    // The contract of a flag in an environment, or nullptr.
    const Contract *find(const QString &flagKey, const QString &environment) const;
    const UnreadableContract *findUnreadable(const QString &flagKey, const QString &environment) const;
};

// Reads every *.yaml and *.yml file of a folder (also a resource folder), in name order. A bad
// file is reported and skipped; the others load. A second contract for the same flag and
// environment is an error in the later file.
ContractSet loadContractFolder(const QString &folder);
// One contract file, read as each file of a folder is.
ContractSet loadContractFile(const QString &path);

// The contracts the console holds flags against: the team's folder (watched, reloaded when a file
// changes) and the sandbox's own, which apply to sandbox connections for flags the folder does not
// cover. A flag whose team contract is unreadable has none: the sandbox's is not used in its place.
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
    // The team's contract for the flag that could not be read, or nullptr.
    const UnreadableContract *unreadable(const QString &flagKey, const QString &environment) const;

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
