#pragma once

#include "../core/flagref.h"

#include <QHash>
#include <QObject>

#include <functional>

class AuditWriter;
struct Flag;
class FlagServer;
class FlagTableModel;
class QTimer;

// Kills and restores flags, and is the only place that decides what the flag table says about
// them. A kill is handed to the audit writer before the server is asked; the row reads "off"
// only once the server confirmed it, by its reply or a live change; a failure or a server that
// stays silent past the timeout leaves the row "kill failed" with the reason, and is audited too.
class KillSwitch : public QObject
{
    Q_OBJECT

public:
    using ServerLookup = std::function<FlagServer *(const QString &connectionId)>;

    static constexpr int DefaultTimeoutMs = 10000;
    static constexpr int DefaultUndoWindowMs = 10000;

    KillSwitch(FlagTableModel *flags, AuditWriter *audit, ServerLookup servers, QObject *parent = nullptr);
    ~KillSwitch() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void setUndoWindow(int milliseconds) { m_undoWindowMs = milliseconds; }
    // Who the audit names as the actor of this console's actions.
    void setActor(const QString &actor) { m_actor = actor; }

    // All at once, in parallel; flags already off, or with an action under way, are left alone.
    void kill(const QList<FlagRef> &flags, const QString &comment = {});
    void restore(const QList<FlagRef> &flags, const QString &comment = {});

    // A live change from a server: it may be the confirmation a pending action waits for.
    void noteServerFlag(const FlagRef &ref, const Flag &flag);

    bool isPending(const FlagRef &ref) const { return m_pending.contains(ref); }
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void confirmed(const FlagRef &ref, bool enabled);
    void failed(const FlagRef &ref, bool wantedEnabled, const QString &reason);

private:
    struct Pending
    {
        bool wantEnabled = false;
        QString intentId;
        QTimer *timeout = nullptr;
    };

    void start(const FlagRef &ref, bool wantEnabled, const QString &comment);
    void succeed(const FlagRef &ref, const Flag &flag);
    void fail(const FlagRef &ref, const QString &reason);
    void audit(const FlagRef &ref, bool wantEnabled, const QString &outcome, const QString &intentId,
               const QString &comment);
    void offerUndo(const FlagRef &ref);

    FlagTableModel *m_flags;
    AuditWriter *m_audit;
    ServerLookup m_servers;
    QString m_actor;
    int m_timeoutMs = DefaultTimeoutMs;
    int m_undoWindowMs = DefaultUndoWindowMs;
    QHash<FlagRef, Pending> m_pending;
    QHash<FlagRef, QTimer *> m_undoTimers;
};
