#include "contractlibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ContractLibrary)
};

bool overlap(const Contract &a, const Contract &b)
{
    if (a.environments.isEmpty() || b.environments.isEmpty())
        return true;
    return std::any_of(a.environments.cbegin(), a.environments.cend(),
                       [&](const QString &environment) { return b.environments.contains(environment); });
}

} // namespace

bool ContractSet::hasErrors() const
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const ContractFinding &finding) { return finding.severity == ContractFinding::Severity::Error; });
}

const Contract *ContractSet::find(const QString &flagKey, const QString &environment) const
{
    for (const Contract &contract : contracts) {
        if (contract.flagKey == flagKey && contract.appliesTo(environment))
            return &contract;
    }
    return nullptr;
}

ContractSet loadContractFolder(const QString &folder)
{
    ContractSet set;
    const QDir dir(folder);
    if (!dir.exists()) {
        set.findings.append({ContractFinding::Severity::Error, folder, 0, 0, Text::tr("no such folder")});
        return set;
    }
    const QStringList names = dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        QFile file(path);
        ++set.filesRead;
        if (!file.open(QIODevice::ReadOnly)) {
            set.findings.append({ContractFinding::Severity::Error, path, 0, 0, Text::tr("cannot read: %1").arg(file.errorString())});
            continue;
        }
        // A contract is a page of YAML; anything far larger is not one.
        if (file.size() > 1024 * 1024) {
            set.findings.append({ContractFinding::Severity::Error, path, 0, 0, Text::tr("larger than 1 MiB; not a contract")});
            continue;
        }
        ContractReadResult result = readContract(file.readAll(), path);
        set.findings.append(result.findings);
        if (!result.contract)
            continue;
        const auto earlier = std::find_if(set.contracts.cbegin(), set.contracts.cend(), [&](const Contract &contract) {
            return contract.flagKey == result.contract->flagKey && overlap(contract, *result.contract);
        });
        if (earlier != set.contracts.cend()) {
            set.findings.append({ContractFinding::Severity::Error, path, 1, 1,
                                 Text::tr("flag \"%1\" already has a contract for these environments in %2")
                                     .arg(result.contract->flagKey, earlier->sourceFile)});
            continue;
        }
        set.contracts.append(*result.contract);
    }
    return set;
}

ContractLibrary::ContractLibrary(QObject *parent)
    : QObject(parent), m_sandbox(loadContractFolder(QStringLiteral(":/contracts")))
{
    m_reload.setSingleShot(true);
    m_reload.setInterval(ReloadDelayMs);
    connect(&m_reload, &QTimer::timeout, this, &ContractLibrary::reload);
    // Editors save by writing a new file and renaming it over the old one: watch the folder too.
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_reload, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_reload, qOverload<>(&QTimer::start));
}

void ContractLibrary::setFolder(const QString &folder)
{
    m_folder = folder;
    reload();
}

void ContractLibrary::reload()
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_team = m_folder.isEmpty() ? ContractSet() : loadContractFolder(m_folder);
    if (!m_folder.isEmpty() && QDir(m_folder).exists()) {
        m_watcher.addPath(m_folder);
        const QDir dir(m_folder);
        for (const QString &name : dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files))
            m_watcher.addPath(dir.filePath(name));
    }
    Q_EMIT changed();
}

const Contract *ContractLibrary::find(const QString &flagKey, const QString &environment, bool sandboxConnection) const
{
    if (const Contract *contract = m_team.find(flagKey, environment))
        return contract;
    return sandboxConnection ? m_sandbox.find(flagKey, environment) : nullptr;
}
