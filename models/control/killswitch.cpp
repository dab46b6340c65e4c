#include "killswitch.h"

#include "../connectors/flagserver.h"

#include <QTimer>

KillSwitch::KillSwitch(FlagTableModel *flags, AuditWriter *audit, ServerLookup servers, QObject *parent)
    : QObject(parent), m_flags(flags), m_changes(flags, audit, std::move(servers))
{
    connect(&m_changes, &ConfirmedChanges::confirmed, this, [this](const FlagRef &ref, FlagAction, const Flag &flag) {
        m_flags->setKillConfirmed(ref, !flag.enabled);
        if (!flag.enabled)
            offerUndo(ref);
        Q_EMIT confirmed(ref, flag.enabled);
    });
    connect(&m_changes, &ConfirmedChanges::failed, this, [this](const FlagRef &ref, FlagAction action, const QString &reason) {
        Q_EMIT failed(ref, action == FlagAction::Restore, reason);
    });
}

KillSwitch::~KillSwitch() = default;

void KillSwitch::kill(const QList<FlagRef> &flags, const QString &comment, std::optional<ConfirmedChanges::Actor> actor)
{
    for (const FlagRef &ref : flags)
        start(ref, false, comment, actor);
}

void KillSwitch::restore(const QList<FlagRef> &flags, const QString &comment)
{
    for (const FlagRef &ref : flags)
        start(ref, true, comment);
}

void KillSwitch::start(const FlagRef &ref, bool wantEnabled, const QString &comment,
                       std::optional<ConfirmedChanges::Actor> actor)
{
    const FlagTableModel::Row *row = m_flags->row(ref);
    if (!row || row->staleSinceMs > 0 || m_changes.isPending(ref) || row->flag.enabled == wantEnabled)
        return;
    if (QTimer *undo = m_undoTimers.take(ref)) {
        delete undo;
        m_flags->setUndoOffered(ref, false);
    }
    ConfirmedChanges::Change change;
    change.action = wantEnabled ? FlagAction::Restore : FlagAction::Kill;
    change.before = QJsonObject{{QStringLiteral("enabled"), !wantEnabled}};
    change.after = QJsonObject{{QStringLiteral("enabled"), wantEnabled}};
    change.send = [ref, wantEnabled, comment](FlagServer *server) {
        return server->setEnabled(ref.environment, ref.key, wantEnabled, comment);
    };
    change.reached = [wantEnabled](const Flag &flag) { return flag.enabled == wantEnabled; };
    change.notReachedReason = wantEnabled ? tr("the server answered but still reports the flag off")
                                          : tr("the server answered but still reports the flag on");
    change.pendingOperation = wantEnabled ? FlagTableModel::Operation::RestorePending
                                          : FlagTableModel::Operation::KillPending;
    change.failedOperation = wantEnabled ? FlagTableModel::Operation::RestoreFailed : FlagTableModel::Operation::KillFailed;
    change.actor = std::move(actor);
    m_changes.start(ref, change, comment);
}

void KillSwitch::offerUndo(const FlagRef &ref)
{
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, ref] {
        if (QTimer *expired = m_undoTimers.take(ref)) {
            expired->deleteLater();
            m_flags->setUndoOffered(ref, false);
        }
    });
    delete m_undoTimers.take(ref);
    m_undoTimers.insert(ref, timer);
    m_flags->setUndoOffered(ref, true);
    timer->start(m_undoWindowMs);
}
