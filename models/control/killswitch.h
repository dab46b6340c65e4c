#pragma once

#include "confirmedchanges.h"

#include <QHash>
#include <QObject>

class QTimer;

// Kills and restores flags. A kill is handed to the audit writer before the server is asked; the
// row reads "off" only once the server confirmed it, by its reply or a live change; a failure or a
// server that stays silent past the timeout leaves the row "kill failed" with the reason, and is
// audited too. A confirmed kill can be undone for a while.
class KillSwitch : public QObject
{
    Q_OBJECT

public:
    using ServerLookup = ConfirmedChanges::ServerLookup;
    using Completion = ConfirmedChanges::Completion;

    static constexpr int DefaultTimeoutMs = ConfirmedChanges::DefaultTimeoutMs;
    static constexpr int DefaultUndoWindowMs = 10000;

    KillSwitch(FlagStore *flags, AuditWriter *audit, ServerLookup servers, QObject *parent = nullptr);
    ~KillSwitch() override;

    void setTimeout(int milliseconds) { m_changes.setTimeout(milliseconds); }
    void setUndoWindow(int milliseconds) { m_undoWindowMs = milliseconds; }
    // Who the audit names as the actor of this console's actions.
    void setActor(const QString &actor) { m_changes.setActor(actor); }
    const QString &actor() const { return m_changes.actor(); }

    // All at once, in parallel; flags already in that state, offline, or with a kill or restore
    // under way, are left alone. done, when given, hears once per flag how it ended (a flag left
    // alone ends at once, not confirmed, with the reason).
    void kill(const QList<FlagRef> &flags, const QString &comment = {},
              std::optional<ConfirmedChanges::Actor> actor = std::nullopt, const Completion &done = {});
    void restore(const QList<FlagRef> &flags, const QString &comment = {}, const Completion &done = {});

    bool isPending(const FlagRef &ref) const { return m_changes.isPending(ref); }
    int pendingCount() const { return m_changes.pendingCount(); }

Q_SIGNALS:
    void confirmed(const FlagRef &ref, bool enabled);
    void failed(const FlagRef &ref, bool wantedEnabled, const QString &reason);

private:
    void start(const FlagRef &ref, bool wantEnabled, const QString &comment,
               std::optional<ConfirmedChanges::Actor> actor, const Completion &done);
    void offerUndo(const FlagRef &ref);

    FlagStore *m_flags;
    ConfirmedChanges m_changes;
    int m_undoWindowMs = DefaultUndoWindowMs;
    QHash<FlagRef, QTimer *> m_undoTimers;
    QHash<FlagRef, FlagStore::KillMark> m_killsSent; // who asked, and why, until the server confirms
};
