#pragma once

#include "../core/connectionconfig.h"
#include "../core/connectionstate.h"
#include "../core/flagref.h"
#include "../core/auditfilter.h"
#include "../core/guardheartbeat.h"
#include "../core/proposal.h"
#include "../core/stagesnapshot.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class AuditSync;
class AuditWriter;
class ContractLibrary;
class EvalWatcher;
class FlagServer;
class FlagStore;
class GuardrailWatcher;
class InterruptedChanges;
class KillSwitch;
class ProposalInbox;
class ProposalReview;
class RevertDesk;
struct RevertPreview;
class SandboxAgent;
class SecretStore;
class StageActions;
class Preferences;
class QSettings;

// Moves data between the flag servers and the stores, so that neither needs to know the other:
// what a server says about a flag goes into the flag store, what it says about itself into the
// connection statuses. Item models adapt those for the views, which ask this controller to act.
class ConsoleController : public QObject
{
    Q_OBJECT

public:
    static constexpr int StageRefreshDelayMs = 300;
    static constexpr int StatusWriteDelayMs = 1000;
    static constexpr int SandboxAgentFirstLookMs = 4000;
    static constexpr int GuardPollMs = 2000;
    // A guard looks again at flags that are still regressed this often (a kill that failed, a
    // regression seen while it stood by).
    static constexpr int GuardReconsiderMs = 15000;
    // A kill claimed this long ago whose flag is still on at the same revision was never carried
    // out (its guard died, or the kill failed and timed out): another may claim it.
    static constexpr qint64 KillClaimTakeOverMs = 30000;
    // A guard has nobody to reconnect a server that failed: it tries again after this long,
    // doubling up to GuardRetryMaxMs.
    static constexpr int GuardRetryFirstMs = 5000;
    static constexpr int GuardRetryMaxMs = 60000;

    // The writer must be open; the audit browser's model reads the same file. Tokens are read from
    // and written to secrets, which must outlive the controller.
    ConsoleController(QSettings &settings, std::unique_ptr<AuditWriter> audit, SecretStore *secrets,
                      QObject *parent = nullptr);
    ~ConsoleController() override;

    // Connects every configured server. On a first start (nothing configured), or when
    // sandboxOnly is set, the sandbox is used; a sandbox connection is created if there is none.
    void start(bool sandboxOnly);
    // Connects nothing: every configured connection shows as offline, its flags as last cached.
    void startOffline();
    bool isOffline() const { return m_offline; }
    // Once start() or startOffline() ran.
    bool isStarted() const { return m_started; }

    FlagStore *flagStore() const { return m_flags; }
    // Every connection this console shows, in the order they were added.
    QList<ConnectionStatus> connectionStatuses() const { return m_statuses; }
    ConnectionState connectionState(const QString &connectionId) const;
    KillSwitch *killSwitch() const { return m_killSwitch; }
    StageActions *stageActions() const { return m_stages; }
    // Puts flags back as they were; reads the changes from the audit cache.
    RevertDesk *reverts() const { return m_reverts; }
    ContractLibrary *contracts() const { return m_contracts; }
    // The eval reports the contracts require, re-read when they change.
    EvalWatcher *evals() const { return m_evals; }
    GuardrailWatcher *guardrails() const { return m_guardrails; }
    // The approval queue. Its inbox is opened by start() or startOffline().
    ProposalReview *proposals() const { return m_proposals; }
    ProposalInbox *inbox() const { return m_inbox; }
    SandboxAgent *sandboxAgent() const { return m_sandboxAgent; }
    // For this run, instead of the inbox in the settings (a file path or a postgresql:// URL).
    void setInboxLocation(const QString &location) { m_inboxLocation = location; }
    // Whether the sandbox's simulated agent proposes by itself (settings approvals/sandboxAgent).
    void setSandboxAgentEnabled(bool enabled);
    // What Edit → Preferences shows and saves. The contracts folder and the poll interval apply at
    // once; the inbox, the language and the sandbox agent on the next start.
    Preferences preferences() const;
    void setPreferences(const Preferences &preferences);
    // False on a first start: nothing was ever configured (the welcome screen offers the choices).
    bool hasConfiguredConnections() const;
    // The team's contracts folder: remembered in the settings, or for this run only (--contracts).
    void setContractsFolder(const QString &folder, bool remember);
    AuditWriter *auditWriter() const { return m_audit.get(); }
    AuditSync *auditSync(const QString &connectionId) const { return m_syncs.value(connectionId); }

    QList<ConnectionConfig> connections() const { return m_configs; }
    FlagServer *server(const QString &connectionId) const { return m_servers.value(connectionId); }
    // True once every started connection delivered its flags and its history, or failed.
    bool initialLoadDone() const { return m_started && !m_readingCache && m_awaitingFirstLoad.isEmpty(); }

    // For `flagdeck guard`, before start(): acts on a regression only while mayAct() (the guard
    // confirmed its lead) and the team inbox recorded its claim; a regression whose contract does
    // not set auto_kill becomes a rollback proposal by proposer. Regressed flags are looked at again
    // every GuardReconsiderMs (and when the guard calls GuardrailWatcher::reconsider()); a server
    // that failed is connected again (GuardRetryFirstMs). The sandbox agent never runs.
    // A console acts on a regression that no guard or other console claimed first.
    void runAsGuard(std::function<bool()> mayAct, const Proposer &proposer);
    // The guards that beat in the team inbox, as last read (every GuardPollMs).
    QList<GuardHeartbeat> guards() const { return m_guards; }

    // What became of a person's change: sent to the server (its outcome follows through the stage
    // actions' or the reverts' signals and done), queued as their proposal because the flag's
    // contract requires approvals for it, or refused with the reason.
    struct PersonChange
    {
        bool sent = false;
        std::optional<Proposal> queued;
        QString refusal;
        QStringList changedSince; // a revert refused because the flag moved: what moved
    };
    using PersonChangeDone = std::function<void(bool confirmed, const QString &reason)>;
    // Advance, roll back or serve fallback as this console's person asks.
    PersonChange applyStage(const StagePreview &preview, const QString &comment);
    // Puts a flag back as this console's person asks (the revert's policy is the contract's
    // approvals for "revert" at its risk: the whole traffic when the enabled state changes).
    PersonChange applyRevert(const RevertPreview &preview, const QString &comment, PersonChangeDone done = {});
    static Contract::Risk revertRisk(const RevertPreview &preview);
    // Asks the approval queue to archive a flag due for cleanup: an archive runs only once another
    // person approved it, with the reviewer's credentials. The proposal, or why it cannot be asked.
    Result<Proposal> proposeArchive(const FlagRef &ref, const QString &reason);

    // Writes the entries the filter selects to filePath on a worker thread; auditExportFinished tells.
    void exportAudit(const AuditFilter &filter, AuditExportFormat format, const QString &filePath);

    // Guardrail data from this Prometheus server for every connection (templates and step from
    // the settings group metrics/prometheus).
    void usePrometheus(const QUrl &url);

    // Both keep the new connection in the settings, and connect it when the console is started
    // and not offline (otherwise start() connects it).
    QString addSandboxConnection(const QString &displayName);
    // Whether a token could be stored now (a keychain is running and open): done gets an empty
    // problem, or what to install or unlock. Asked before a person types a token in.
    void checkSecretStore(std::function<void(const QString &problem)> done);
    // Stores the token in the secret store first; the connection is kept and started only once it
    // is there. done gets the new connection's id, or an error and an empty id.
    void addServerConnection(ConnectionConfig config, const QString &token,
                             std::function<void(const QString &id, const QString &error)> done);
    void removeConnection(const QString &connectionId);
    // Copies the connection's token from the keychain into a file only its owner may read, for a
    // guard's service. done gets an empty error when written. The token never leaves this class.
    void writeTokenFile(const QString &connectionId, const QString &path, std::function<void(const QString &error)> done);

Q_SIGNALS:
    void initialLoadFinished();
    // A connection was added or its state, detail or environments moved.
    void connectionStatusChanged(const ConnectionStatus &status);
    void connectionRemoved(const QString &connectionId);
    void connectionProblem(const QString &displayName, const QString &detail);
    // A guardrail regressed; killing: the monitor is killing the flag as its contract says.
    void guardrailRegression(const QString &title, const QString &message, bool killing);
    // The audit cache could not write; what was handed to it is kept and retried.
    void auditProblem(const QString &error);
    // The audit cache writes again: the entries kept in memory meanwhile are in it.
    void auditBacklogWritten(int entries);
    // The audit cache file is damaged: nothing is written to it until it is moved aside.
    void auditDamaged(const QString &detail);
    // The approval queue's inbox could not be opened (why, in words that name it).
    void inboxProblem(const QString &error);
    void auditExportFinished(const QString &filePath, qint64 rows, const QString &error);
    // guards() was read again.
    void guardsChanged();
    // A guard asked people to roll back a regressed flag.
    void rollbackProposed(const Proposal &proposal);
    // A change an earlier run asked of a server and never heard back on (the console stopped in
    // between), reconciled with what the server says now and audited as "interrupted".
    void changeInterrupted(const FlagRef &ref, const QString &message);

private:
    void startConnection(const ConnectionConfig &config);
    bool isSandbox(const QString &connectionId) const;
    void persist();
    void markLoaded(const QString &connectionId);
    template<typename Change>
    void changeStatus(const QString &connectionId, Change change);
    // A server reported these flags (none: an environment that is now empty): what depends on
    // them looks again.
    void flagsReported(const QList<FlagRef> &refs);
    // What the server and its token allow, on each of its flags: a kill switch that cannot work
    // is disabled with the reason.
    void showKillAvailability(const FlagServer *server);
    void openInbox();
    void readGuards();
    bool claimRegression(const FlagRef &ref, const Flag &flag, FlagAction action);
    void proposeRollback(const FlagRef &ref);
    // Names the same server for every console and guard that shares a team inbox.
    QString serverIdentity(const QString &connectionId) const;
    // What agents read through flagdeck mcp: each changed flag's stage and guardrail verdicts.
    void saveFlagStatuses();

    QSettings &m_settings;
    std::unique_ptr<AuditWriter> m_audit;
    SecretStore *m_secrets;
    FlagStore *m_flags;
    QList<ConnectionStatus> m_statuses;
    KillSwitch *m_killSwitch;
    ContractLibrary *m_contracts;
    EvalWatcher *m_evals;
    StageActions *m_stages;
    RevertDesk *m_reverts;
    GuardrailWatcher *m_guardrails;
    ProposalInbox *m_inbox;
    ProposalReview *m_proposals;
    SandboxAgent *m_sandboxAgent;
    QString m_inboxLocation;
    std::function<bool()> m_guardMayAct; // set: this is a guard
    Proposer m_guardProposer;
    QList<GuardHeartbeat> m_guards;
    QTimer m_guardPoll;
    QTimer m_guardReconsider;
    QHash<QString, int> m_guardRetryMs; // per connection: the wait before its next attempt
    QSet<FlagRef> m_statusChanged;
    QTimer m_statusWrite;
    QList<ConnectionConfig> m_configs;
    QHash<QString, FlagServer *> m_servers;
    QHash<QString, AuditSync *> m_syncs;
    QSet<QString> m_awaitingFirstLoad;
    bool m_started = false;
    bool m_offline = false;
    bool m_readingCache = false;
    QTimer m_stageRefresh;
    InterruptedChanges *m_interrupted = nullptr;
};
