#pragma once

#include "../core/guardheartbeat.h"
#include "../core/proposal.h"
#include "../core/result.h"

#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>
#include <optional>

class QFileSystemWatcher;
class QSqlQuery;
class QTimer;

// The queue of proposals that agents make and people decide, in SQL through QtSql. One schema on
// two engines: a SQLite file that `flagdeck mcp` and the console share (the default), or a
// PostgreSQL database for a team, where consoles hear of changes through LISTEN/NOTIFY and an
// agent may be given a role that can only insert proposals.
//
// Every status change is one conditional UPDATE inside a transaction, so when several consoles (or
// several reviewers) act at the same moment exactly one of them moves a proposal on.
class ProposalInbox : public QObject
{
    Q_OBJECT

public:
    enum class Engine { Sqlite, Postgres };
    // 2: guard_actions and guards, for `flagdeck guard`.
    // 3: proposals.proposer_role; on PostgreSQL the reviewer and the proposer role are the
    //    database's session_user (defaults and triggers that refuse any other name), and status
    //    changes follow the proposal's life only; proposals may be a revert.
    // 4: proposals may be an archive.
    // 5: proposals.execution, the intent a claim records (who runs it, in which session, from which
    //    revision of the flag), so that an execution its console did not live to finish is found
    //    and reconciled against the server instead of staying "executing" for ever.
    static constexpr int SchemaVersion = 5;
    // An execution claimed this long ago by a session this inbox cannot see (another computer on a
    // shared SQLite file, or a claim from before schema 5) is taken as interrupted: every change
    // ends (confirmed, failed or timed out) long before.
    static constexpr qint64 ExecutionLeaseMs = 10 * 60 * 1000;
    static constexpr qint64 DefaultLifetimeMs = 60 * 60 * 1000;
    // A watched PostgreSQL inbox checks its connection this often, and while the database is away
    // tries to connect again at the shorter interval.
    static constexpr int ConnectionCheckMs = 5000;
    static constexpr int ReconnectMs = 2000;

    explicit ProposalInbox(QObject *parent = nullptr);
    ~ProposalInbox() override;

    static QString defaultPath();
    // Where a location points: a postgresql:// URL, or else a SQLite file path.
    static bool isPostgresUrl(const QString &location);
    // The location without a password, for messages and settings.
    static QString displayLocation(const QString &location);

    // Opens (and creates, where the role may) the inbox.
    Result<void> open(const QString &location);
    bool isOpen() const;
    Engine engine() const { return m_engine; }
    QString location() const { return displayLocation(m_location); }
    // Who this inbox knows the caller as: on PostgreSQL the role the database authenticated
    // (session_user), which it writes as the reviewer of every decision and the proposer role of
    // every proposal, whatever the caller says; on SQLite the operating system's account of this
    // process, which the file cannot check.
    QString identity() const { return m_identity; }
    // True when the database itself sets and checks the identity (PostgreSQL).
    bool identityIsVouched() const { return m_engine == Engine::Postgres; }

    // From now on, changed() tells of changes made by others (and by this inbox). On PostgreSQL a
    // lost connection is noticed (reachableChanged(false)) and opened again, LISTEN included; then
    // reachableChanged(true), and changed() with no ids: read everything since.
    void watch();
    // False while a watched PostgreSQL inbox is away; SQLite files are always reachable.
    bool isReachable() const { return m_reachable; }
    // Why it is away, as the database driver said it.
    QString unreachableReason() const { return m_unreachableReason; }

    // Stores a new pending proposal; fills in its id, seq, times and status.
    Result<Proposal> propose(Proposal proposal);
    Result<Proposal> find(const QString &id) const;
    // Newest first; status and flag key narrow it when given.
    Result<QList<Proposal>> list(std::optional<ProposalStatus> status = std::nullopt, const QString &flagKey = {},
                                 int limit = 500) const;
    // Rows that changed after seq, and the rows named (those a notification named).
    Result<QList<Proposal>> changedSince(qint64 seq, const QStringList &ids = {}) const;

    struct DecisionRequest
    {
        QString proposalId;
        ProposalDecision decision;  // decision.flagRevision: the revision the reviewer reviewed
        QString currentRevision;    // the flag's revision now
        int approvalsRequired = 1;
        qint64 nowMs = 0;
    };
    // The policy, checked with the row locked: still pending, not expired (it is marked expired),
    // not the proposer, reviewed against the flag's current revision, one decision per reviewer and
    // revision. A rejection ends it; enough approvals at the current revision make it approved.
    Result<Proposal> decide(const DecisionRequest &request);
    // The approvals the inbox itself asks for at a risk (1 unless its owner set more): a console asks
    // for the larger of this and its own policy, and on PostgreSQL the database refuses to mark a
    // proposal approved with fewer roles.
    int inboxApprovals(Contract::Risk risk) const;
    // Run by the inbox's owner (a reviewer's role may not).
    Result<void> setInboxApprovals(Contract::Risk risk, int approvals);
    // approved → executing. True for exactly one caller, however many try at once. The claim records
    // the intent: the executor, this inbox's session (executorSession()) and the flag's revision
    // the change is sent from, which is what an interrupted execution is reconciled against.
    Result<bool> claim(const QString &id, const QString &executor, qint64 nowMs, const QString &flagRevision = {});
    // Who would reconcile an execution asks whether the session that claimed it still runs: on
    // PostgreSQL the claimant's database session (its backend, which ends with its process or
    // connection), on SQLite the claimant's process on this computer.
    QString executorSession() const { return m_session; }
    struct InterruptedExecution
    {
        Proposal proposal;
        QString executor;
        QString session;
        QString flagRevision; // the flag's revision when it was claimed (empty: unknown)
        qint64 claimedMs = 0;
    };
    // Proposals still executing whose claimant's session has ended (or, where the inbox cannot tell,
    // that were claimed more than ExecutionLeaseMs before nowMs): their consoles stopped between the
    // claim and recording how the change ended. Nobody may run them again blindly; each is to be
    // read against the server's state and finished as executed or failed.
    Result<QList<InterruptedExecution>> interruptedExecutions(qint64 nowMs) const;
    // executing → executed or failed, with what happened.
    Result<Proposal> finish(const QString &id, bool executed, const QString &outcome, qint64 nowMs);
    // Pending proposals past their expiry become expired; returns how many.
    Result<int> expireDue(qint64 nowMs);
    // Older pending proposals of the same proposer for the same flag become superseded by this one.
    Result<int> supersedeOlder(const Proposal &newer);
    // A pending proposal its proposer takes back (the flag moved where the question no longer
    // stands) becomes superseded, saying why; false when it was no longer pending.
    Result<bool> withdraw(const QString &id, const QString &outcome, qint64 nowMs);

    // Records that actor acts on what key names (a flag at a revision, and what is done to it).
    // True for exactly one caller per key, however many consoles and guards try: so a regression
    // is acted on once, whoever notices it. With takeOverAfterMs, a claim that old may be claimed
    // again (whoever claimed it died or failed before the flag changed); 0: never.
    Result<bool> claimAction(const QString &key, const QString &actor, qint64 nowMs, qint64 takeOverAfterMs = 0);
    // The guards that beat in this inbox, the leader first; each one's age by the database's clock.
    Result<QList<GuardHeartbeat>> guards() const;

    // What to run (as the inbox's owner) so that an agent's PostgreSQL role may read the inbox and
    // insert proposals, and nothing else: not the status, not a decision, not an update.
    static QStringList agentRoleStatements(const QString &role);
    // What to run (as the inbox's owner) so that a reviewer's PostgreSQL role may read the inbox,
    // insert decisions (which the database writes under that role's name only) and move proposals
    // along their life (claim an approved one, record how it ended, expire, supersede), and record
    // that it acts on a guardrail regression; nothing else: no proposal, no other column.
    static QStringList reviewerRoleStatements(const QString &role);

    // The proposer's names, compared with a reviewer's: an agent never decides its own proposal.
    static bool isProposer(const Proposer &proposer, const QString &reviewer);

Q_SIGNALS:
    // ids: the proposals a notification named (PostgreSQL); empty when unknown (SQLite).
    void changed(const QStringList &ids);
    // A watched PostgreSQL inbox went away (reason) or is back.
    void reachableChanged(bool reachable, const QString &reason);

private:
    class Transaction;

    Result<void> createSchema();
    // Whether the proposals table's CHECK names every action this FlagDeck knows.
    bool proposalsTakeEveryAction() const;
    QString nextSeq() const;
    Result<QList<Proposal>> readProposals(QSqlQuery &query) const;
    Result<void> readDecisions(QList<Proposal> &proposals) const;
    Result<void> notify(const QString &id);
    // A conditional status change inside the caller's transaction; gives whether the row was at from, and moved.
    Result<bool> setStatus(const QString &id, ProposalStatus from, ProposalStatus to, const QString &outcome,
                           qint64 nowMs);
    void checkSqliteVersion();
    // PostgreSQL: whether the connection still answers; if not, opens it again and listens again.
    void checkConnection();
    Result<void> readIdentity();
    Result<void> readSession();
    // Whether the session that claimed an execution still runs; nullopt when this inbox cannot tell.
    std::optional<bool> sessionAlive(const QString &session) const;
    Result<bool> hasColumn(const QString &table, const QString &column) const;
    QString refusal(const QString &what, const QSqlQuery &query, const QString &claimedName = {}) const;

    QString m_location;
    QString m_connectionName;
    QString m_identity;
    QString m_session;
    QSqlDatabase m_database;
    Engine m_engine = Engine::Sqlite;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_poll = nullptr;
    qint64 m_dataVersion = -1;
    bool m_reachable = true;
    QString m_unreachableReason;
};
