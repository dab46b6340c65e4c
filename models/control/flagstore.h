#pragma once

#include "../core/auditentry.h"
#include "../core/cleanupcheck.h"
#include "../core/flag.h"
#include "../core/flagref.h"
#include "../metrics/guardrailhealth.h"

#include <QHash>
#include <QObject>

#include <optional>
#include <vector>

class AuditWriter;

// The one truth per flag: what its server last said of it, and what this console knows beside
// that (its own operation on the flag, staleness, stage, readiness, guardrail health). Every word a
// server says about a flag — a snapshot of an environment, a live change, the reply to a change
// this console made — enters through reportEnvironment() or reportFlag(), and only this class
// passes those last-known states on to the audit cache. So the table, `--offline` and what
// `flagdeck mcp` tells an agent read the same state. Entries keep their index until a removal;
// lookups by FlagRef are O(1).
class FlagStore : public QObject
{
    Q_OBJECT

public:
    // What this console is doing to a flag, kept apart from the flag the server reported.
    enum class Operation { None, KillPending, KillFailed, RestorePending, RestoreFailed, ChangePending, ChangeFailed };

    // A kill this console sent and the server confirmed: who, when and why, shown until the flag is
    // on again, so an automatic kill keeps its evidence in view.
    struct KillMark
    {
        QString by;
        ActorKind byKind = ActorKind::Human;
        qint64 atMs = 0;
        QString reason; // the kill's comment; for an auto_kill, the guardrail's evidence
        bool isAutomatic() const { return byKind == ActorKind::System; }
        bool operator==(const KillMark &) const = default;
    };

    struct Entry
    {
        FlagRef ref;
        QString serverName;
        Flag flag;
        Operation operation = Operation::None;
        QString operationError;
        qint64 undoUntilMs = 0; // > 0: a confirmed kill can be undone until then
        std::optional<KillMark> kill; // off because this console's kill was confirmed by the server
        QString killUnavailable;      // why this server and token cannot kill or restore it here
        qint64 staleSinceMs = 0;    // > 0: read from the cache, as the server last showed it then
        QString stage;              // where the flag is on its contract's path, or "unowned control"
        int readinessFailures = -1; // -1: no contract
        std::optional<GuardrailVerdict> health; // absent: no guardrail watched
        QString healthSummary;
        std::optional<CleanupDue> cleanup; // absent: not due for cleanup

        bool isLive() const { return staleSinceMs == 0; }
        // A person should look now: a guardrail regressed, the monitor killed the flag, or a change
        // this console sent failed.
        bool needsAttention() const
        {
            return health == GuardrailVerdict::Regressed || (kill && kill->isAutomatic()) || operation == Operation::KillFailed
                || operation == Operation::RestoreFailed || operation == Operation::ChangeFailed;
        }
        // A change this console sent is waiting for the server (a failed one is not).
        bool hasPendingChange() const
        {
            return operation == Operation::KillPending || operation == Operation::RestorePending
                || operation == Operation::ChangePending;
        }
    };

    // audit: where last-known states go; nullptr keeps them in memory only (tests, offline).
    explicit FlagStore(AuditWriter *audit = nullptr, QObject *parent = nullptr);

    // The name shown for a connection's flags.
    void setServerName(const QString &connectionId, const QString &serverName);
    QString serverName(const QString &connectionId) const { return m_serverNames.value(connectionId); }

    // A server's whole environment: changed flags are updated, new ones added, vanished ones removed.
    void reportEnvironment(const QString &connectionId, const QString &environment, const QList<Flag> &flags);
    // One flag as its server reported it now: a live change or the reply to a change.
    void reportFlag(const FlagRef &ref, const Flag &flag);
    // A flag as the audit cache last held it, seen at seenMs: shown, offered no action, not written back.
    void showCached(const FlagRef &ref, const Flag &flag, qint64 seenMs);
    void removeConnection(const QString &connectionId);

    void setOperation(const FlagRef &ref, Operation operation, const QString &error = {});
    // untilMs 0: no undo offered.
    void setUndoOffered(const FlagRef &ref, qint64 untilMs);
    // nullopt: the flag is no longer off by a kill of this console.
    void setKill(const FlagRef &ref, const std::optional<KillMark> &kill);
    // Why the connection's server and token cannot kill or restore the flag (empty: they can), so
    // the kill switch is disabled with the reason before anyone clicks it.
    void setKillUnavailable(const FlagRef &ref, const QString &reason);
    // What the contract says of the flag: its stage and how many readiness items are missing.
    void setStage(const FlagRef &ref, const QString &stage, int readinessFailures);
    // Why the flag is due to be removed from the code; nullopt when it is not.
    void setCleanup(const FlagRef &ref, const std::optional<CleanupDue> &cleanup);
    // What the guardrail monitor says of the flag; nullopt when none of its guardrails is watched.
    void setHealth(const FlagRef &ref, std::optional<GuardrailVerdict> verdict, const QString &summary);

    int count() const { return int(m_entries.size()); }
    const Entry &at(int index) const { return m_entries[size_t(index)]; }
    const Entry *find(const FlagRef &ref) const;
    int indexOf(const FlagRef &ref) const { return m_indexByRef.value(ref, -1); }
    QList<FlagRef> refs() const;

Q_SIGNALS:
    void entriesAboutToBeInserted(int first, int last);
    void entriesInserted(int first, int last);
    void entriesAboutToBeRemoved(int first, int last);
    void entriesRemoved(int first, int last);
    void entryChanged(int index);
    // A server reported this flag through reportFlag() (whether or not it differs from before):
    // what a pending change waits for.
    void flagReported(const FlagRef &ref, const Flag &flag);
    // A server reported a whole environment.
    void environmentReported(const QString &connectionId, const QString &environment);

private:
    // Returns whether the entry changed.
    bool storeFlag(const FlagRef &ref, const Flag &flag, qint64 staleSinceMs);
    void append(const QList<Entry> &entries);
    void removeIndexes(QList<int> indexes);
    void rebuildIndex();
    template<typename Change>
    void changeEntry(const FlagRef &ref, Change change);

    AuditWriter *m_audit;
    std::vector<Entry> m_entries;
    QHash<FlagRef, int> m_indexByRef;
    QHash<QString, QString> m_serverNames;
};
