#include "killswitch.h"

#include "../connectors/flagserver.h"

#include <QDateTime>
#include <QTimer>

KillSwitch::KillSwitch(FlagStore *flags, AuditWriter *audit, ServerLookup servers, QObject *parent)
    : QObject(parent), m_flags(flags), m_changes(flags, audit, std::move(servers))
{
    connect(&m_changes, &ConfirmedChanges::confirmed, this, [this](const FlagRef &ref, FlagAction, const Flag &flag) {
        const FlagStore::Entry *row = m_flags->find(ref);
        // Undo is for a person's own kill; what the monitor killed comes back by a deliberate Restore.
        if (!flag.enabled && !(row && row->kill && row->kill->isAutomatic()))
            offerUndo(ref);
        Q_EMIT confirmed(ref, flag.enabled);
    });
    connect(&m_changes, &ConfirmedChanges::failed, this, [this](const FlagRef &ref, FlagAction action, const QString &reason) {
        if (!m_changes.awaitsLateAnswer(ref)) // a late confirmation still names who asked
            m_killsSent.remove(ref);
        Q_EMIT failed(ref, action == FlagAction::Restore, reason);
    });
}

KillSwitch::~KillSwitch() = default;

void KillSwitch::kill(const QList<FlagRef> &flags, const QString &comment, std::optional<ConfirmedChanges::Actor> actor,
                      const Completion &done)
{
    for (const FlagRef &ref : flags)
        start(ref, false, comment, actor, done);
}

void KillSwitch::restore(const QList<FlagRef> &flags, const QString &comment, const Completion &done)
{
    for (const FlagRef &ref : flags)
        start(ref, true, comment, std::nullopt, done);
}

void KillSwitch::start(const FlagRef &ref, bool wantEnabled, const QString &comment,
                       std::optional<ConfirmedChanges::Actor> actor, const Completion &done)
{
    const FlagAction action = wantEnabled ? FlagAction::Restore : FlagAction::Kill;
    const FlagStore::Entry *row = m_flags->find(ref);
    const auto leaveAlone = [&](const QString &reason) {
        if (done)
            done({ref, action, false, row ? row->flag : Flag(), reason});
    };
    if (!row)
        return leaveAlone(tr("%1 is not among the flags this console shows").arg(ref.key));
    if (!row->isLive())
        return leaveAlone(tr("offline: nothing can be sent to the server"));
    if (m_changes.isPending(ref))
        return leaveAlone(tr("another change of %1 was under way").arg(ref.key));
    if (row->flag.enabled == wantEnabled)
        return leaveAlone(tr("nothing sent: %1 is already %2").arg(ref.key, wantEnabled ? tr("on") : tr("off")));
    if (const QString why = m_changes.unavailable(ref, action); !why.isEmpty())
        return leaveAlone(tr("nothing sent: %1").arg(why));
    if (QTimer *undo = m_undoTimers.take(ref)) {
        delete undo;
        m_flags->setUndoOffered(ref, 0);
    }
    m_killsSent.remove(ref); // an earlier kill's mark, kept for a late answer, is superseded
    if (!wantEnabled)
        m_killsSent.insert(ref, {actor ? actor->name : m_changes.actor(), actor ? actor->kind : ActorKind::Human, 0, comment});
    ConfirmedChanges::Change change;
    change.action = action;
    change.before = QJsonObject{{QStringLiteral("enabled"), !wantEnabled}};
    change.after = QJsonObject{{QStringLiteral("enabled"), wantEnabled}};
    change.send = [ref, wantEnabled, comment](FlagServer *server) {
        return server->setEnabled(ref.environment, ref.key, wantEnabled, comment);
    };
    change.reached = [wantEnabled](const Flag &flag) { return flag.enabled == wantEnabled; };
    change.notReachedReason = wantEnabled ? tr("the server answered but still reports the flag off")
                                          : tr("the server answered but still reports the flag on");
    change.pendingOperation = wantEnabled ? FlagStore::Operation::RestorePending : FlagStore::Operation::KillPending;
    change.failedOperation = wantEnabled ? FlagStore::Operation::RestoreFailed : FlagStore::Operation::KillFailed;
    change.actor = std::move(actor);
    // Who killed it, marked while the row still shows the kill pending: it turns from "Kill
    // pending" to "KILLED by" in one step, never through a plain "Off".
    change.beforeSettled = [this, ref](const Flag &flag) {
        std::optional<FlagStore::KillMark> kill = m_killsSent.take(ref);
        if (kill)
            kill->atMs = QDateTime::currentMSecsSinceEpoch();
        m_flags->setKill(ref, flag.enabled ? std::nullopt : kill);
    };
    m_changes.start(ref, change, comment, done);
}

void KillSwitch::offerUndo(const FlagRef &ref)
{
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, ref] {
        if (QTimer *expired = m_undoTimers.take(ref)) {
            expired->deleteLater();
            m_flags->setUndoOffered(ref, 0);
        }
    });
    delete m_undoTimers.take(ref);
    m_undoTimers.insert(ref, timer);
    m_flags->setUndoOffered(ref, QDateTime::currentMSecsSinceEpoch() + m_undoWindowMs);
    timer->start(m_undoWindowMs);
}
