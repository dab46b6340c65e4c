#include "contractlibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

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

constexpr qint64 MaxContractBytes = 1024 * 1024;

// The flag a file is about when the YAML is too broken to read it: its flag_key line, if any.
QString flagKeyLine(const QByteArray &yaml)
{
    static const QRegularExpression line(QStringLiteral("^flag_key:\\s*[\"']?([A-Za-z0-9_.:-]+)"),
                                         QRegularExpression::MultilineOption);
    return line.match(QString::fromUtf8(yaml)).captured(1);
}

} // namespace

bool UnreadableContract::appliesTo(const QString &environment) const
{
    return environments.isEmpty() || environments.contains(environment);
}

bool ContractSet::hasErrors() const
{
    return count(ContractFinding::Severity::Error) > 0;
}

int ContractSet::count(ContractFinding::Severity severity) const
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [severity](const ContractFinding &finding) { return finding.severity == severity; }));
}

const UnreadableContract *ContractSet::findUnreadable(const QString &flagKey, const QString &environment) const
{
    for (const UnreadableContract &contract : unreadable) {
        if (contract.flagKey == flagKey && contract.appliesTo(environment))
            return &contract;
    }
    return nullptr;
}

const Contract *ContractSet::find(const QString &flagKey, const QString &environment) const
{
    for (const Contract &contract : contracts) {
        if (contract.flagKey == flagKey && contract.appliesTo(environment))
            return &contract;
    }
    return nullptr;
}

void addContractFile(ContractSet &set, const QString &path)
{
    QFile file(path);
    ++set.filesRead;
    if (!file.open(QIODevice::ReadOnly)) {
        set.findings.append({ContractFinding::Severity::Error, path, 0, 0, Text::tr("cannot read: %1").arg(file.errorString())});
        return;
    }
    // A contract is a page of YAML; anything far larger is not one.
    if (file.size() > MaxContractBytes) {
        set.findings.append({ContractFinding::Severity::Error, path, 0, 0, Text::tr("larger than 1 MiB; not a contract")});
        return;
    }
    const QByteArray yaml = file.readAll();
    ContractReadResult result = readContract(yaml, path);
    set.findings.append(result.findings);
    if (!result.contract) {
        const QString flagKey = result.flagKey.isEmpty() ? flagKeyLine(yaml) : result.flagKey;
        const auto error = std::find_if(result.findings.cbegin(), result.findings.cend(), [](const ContractFinding &finding) {
            return finding.severity == ContractFinding::Severity::Error;
        });
        if (!flagKey.isEmpty() && error != result.findings.cend())
            set.unreadable.append({flagKey, result.environments, *error});
        return;
    }
    const auto earlier = std::find_if(set.contracts.cbegin(), set.contracts.cend(), [&](const Contract &contract) {
        return contract.flagKey == result.contract->flagKey && overlap(contract, *result.contract);
    });
    if (earlier != set.contracts.cend()) {
        set.findings.append({ContractFinding::Severity::Error, path, 1, 1,
                             Text::tr("flag \"%1\" already has a contract for these environments in %2")
                                 .arg(result.contract->flagKey, earlier->sourceFile)});
        return;
    }
    set.contracts.append(*result.contract);
}

ContractSet loadContractFolder(const QString &folder)
{
    ContractSet set;
    const QDir dir(folder);
    if (!dir.exists()) {
        set.findings.append({ContractFinding::Severity::Error, folder, 0, 0, Text::tr("no such folder")});
        return set;
    }
    for (const QString &name : dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name))
        addContractFile(set, dir.filePath(name));
    return set;
}

ContractSet loadContractFile(const QString &path)
{
    ContractSet set;
    addContractFile(set, path);
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
    if (m_team.findUnreadable(flagKey, environment))
        return nullptr;
    return sandboxConnection ? m_sandbox.find(flagKey, environment) : nullptr;
}

const UnreadableContract *ContractLibrary::unreadable(const QString &flagKey, const QString &environment) const
{
    return m_team.findUnreadable(flagKey, environment);
}
