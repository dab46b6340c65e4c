#pragma once

#include "../core/connectionconfig.h"
#include "../core/proposal.h"
#include "../store/cachedflag.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <functional>
#include <optional>

class ChangeHistory;
class ProposalInbox;

// The agent interface: an MCP server (JSON-RPC 2.0, one message per line on stdio) whose tools read
// the servers, flags and proposals FlagDeck knows and let an agent propose an action. No tool
// changes a flag, and the server holds no flag-server credentials: what an agent proposes waits in
// the inbox for people. Every message is untrusted; a bad one gets an error, never a crash.
class McpServer
{
public:
    static constexpr qsizetype MaxMessageBytes = 1024 * 1024;
    static constexpr qsizetype MaxEvidenceBytes = 64 * 1024;
    static constexpr int MaxReasonLength = 4000;

    // What the server reads, fresh at every call: the configured connections and the local cache.
    struct Sources
    {
        std::function<QList<ConnectionConfig>()> connections;
        std::function<QList<CachedFlag>()> flags;
        // The audit cache's changes, for list_changes and revert proposals; null: none.
        const ChangeHistory *history = nullptr;
    };
    // list_changes reads at most this far back, and says at most this many changes.
    static constexpr int MaxChangeMinutes = 7 * 24 * 60;
    static constexpr int MaxListedChanges = 500;

    McpServer(Sources sources, ProposalInbox *inbox, QString version);

    // One line in, at most one line out (nothing for a notification).
    std::optional<QByteArray> handleMessage(const QByteArray &line);

    static QStringList supportedProtocolVersions();
    bool isInitialized() const { return m_initialized; }

private:
    QJsonObject initialize(const QJsonObject &params);
    QJsonObject callTool(const QString &name, const QJsonObject &arguments);

    QJsonObject listServers() const;
    QJsonObject listFlags(const QJsonObject &arguments) const;
    QJsonObject listCleanupDue(const QJsonObject &arguments) const;
    // The cached flags the server and environment arguments select, sorted; or what is wrong with them.
    Result<QList<CachedFlag>> filteredFlags(const QJsonObject &arguments) const;
    QJsonObject getFlag(const QJsonObject &arguments) const;
    QJsonObject proposeAction(const QJsonObject &arguments);
    QJsonObject getProposal(const QJsonObject &arguments) const;
    QJsonObject listProposals(const QJsonObject &arguments) const;
    QJsonObject listChanges(const QJsonObject &arguments) const;
    // A revert's target and risk from the changes it names, or why it cannot be proposed.
    Result<Contract::Risk> revertRisk(const CachedFlag &flag, const QJsonObject &parameters) const;

    // The cached flag the arguments name, or a sentence saying which name is wrong.
    Result<CachedFlag> findFlag(const QJsonObject &arguments) const;
    std::optional<ConnectionConfig> findServer(const QString &name) const;
    QJsonObject toolResult(const QJsonObject &structured, const QString &text = {}) const;
    static QJsonObject toolError(const QString &message);

    Sources m_sources;
    ProposalInbox *m_inbox;
    QString m_version;
    QString m_protocolVersion;
    QString m_clientName;
    QString m_clientVersion;
    bool m_initialized = false;
};
