#include "killswitch.h"

#include "../connectors/flagserver.h"
#include "../core/flagaction.h"
#include "../item/flagtablemodel.h"
#include "../store/auditwriter.h"

#include <QDateTime>
#include <QTimer>
#include <QUuid>

namespace {

QString defaultActor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("operator") : user;
}

} // namespace

KillSwitch::KillSwitch(FlagTableModel *flags, AuditWriter *audit, ServerLookup servers, QObject *parent)
    : QObject(parent), m_flags(flags), m_audit(audit), m_servers(std::move(servers)), m_actor(defaultActor())
{
}

KillSwitch::~KillSwitch() = default;

void KillSwitch::kill(const QList<FlagRef> &flags, const QString &comment)
{
    for (const FlagRef &ref : flags)
        start(ref, false, comment);
}

void KillSwitch::restore(const QList<FlagRef> &flags, const QString &comment)
{
    for (const FlagRef &ref : flags)
        start(ref, true, comment);
}

void KillSwitch::start(const FlagRef &ref, bool wantEnabled, const QString &comment)
{
    const FlagTableModel::Row *row = m_flags->row(ref);
    if (!row || row->staleSinceMs > 0 || m_pending.contains(ref) || row->flag.enabled == wantEnabled)
        return;
    if (QTimer *undo = m_undoTimers.take(ref)) {
        delete undo;
        m_flags->setUndoOffered(ref, false);
    }

    Pending pending;
    pending.wantEnabled = wantEnabled;
    pending.intentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    audit(ref, wantEnabled, QStringLiteral("requested"), pending.intentId, comment);
    m_flags->setOperation(ref, wantEnabled ? FlagTableModel::Operation::RestorePending
                                           : FlagTableModel::Operation::KillPending);

    FlagServer *server = m_servers(ref.connectionId);
    if (!server || server->state() != ConnectionState::Connected) {
        m_pending.insert(ref, pending);
        fail(ref, tr("the server is not connected"));
        return;
    }
    pending.timeout = new QTimer(this);
    pending.timeout->setSingleShot(true);
    connect(pending.timeout, &QTimer::timeout, this, [this, ref] {
        fail(ref, tr("the server did not confirm within %1 s").arg(m_timeoutMs / 1000.0));
    });
    pending.timeout->start(m_timeoutMs);
    m_pending.insert(ref, pending);

    ServerReply *reply = server->setEnabled(ref.environment, ref.key, wantEnabled, comment);
    connect(reply, &ServerReply::finished, this, [this, ref, reply, intentId = pending.intentId] {
        const auto current = m_pending.constFind(ref);
        if (current == m_pending.constEnd() || current->intentId != intentId) {
            // Answered after the timeout gave up on it: the server's word still updates the row.
            if (!reply->failed())
                noteServerFlag(ref, reply->flag());
            return;
        }
        if (reply->failed())
            fail(ref, reply->error().sentence());
        else
            succeed(ref, reply->flag());
    });
}

void KillSwitch::noteServerFlag(const FlagRef &ref, const Flag &flag)
{
    const FlagTableModel::Row *row = m_flags->row(ref);
    if (!row)
        return;
    m_flags->upsertFlag(ref.connectionId, row->serverName, ref.environment, flag);
    const auto pending = m_pending.constFind(ref);
    if (pending != m_pending.constEnd() && pending->wantEnabled == flag.enabled)
        succeed(ref, flag);
}

void KillSwitch::succeed(const FlagRef &ref, const Flag &flag)
{
    Pending pending = m_pending.take(ref);
    delete pending.timeout;
    const FlagTableModel::Row *row = m_flags->row(ref);
    if (!row)
        return;
    m_flags->upsertFlag(ref.connectionId, row->serverName, ref.environment, flag);
    if (flag.enabled != pending.wantEnabled) {
        m_pending.insert(ref, pending);
        fail(ref, pending.wantEnabled ? tr("the server answered but still reports the flag off")
                                      : tr("the server answered but still reports the flag on"));
        return;
    }
    m_flags->setOperation(ref, FlagTableModel::Operation::None);
    m_flags->setKillConfirmed(ref, !flag.enabled);
    audit(ref, pending.wantEnabled, QStringLiteral("confirmed"), pending.intentId, QString());
    if (!flag.enabled)
        offerUndo(ref);
    Q_EMIT confirmed(ref, flag.enabled);
}

void KillSwitch::fail(const FlagRef &ref, const QString &reason)
{
    Pending pending = m_pending.take(ref);
    delete pending.timeout;
    m_flags->setOperation(ref,
                          pending.wantEnabled ? FlagTableModel::Operation::RestoreFailed
                                              : FlagTableModel::Operation::KillFailed,
                          reason);
    audit(ref, pending.wantEnabled, QStringLiteral("failed"), pending.intentId, reason);
    Q_EMIT failed(ref, pending.wantEnabled, reason);
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

void KillSwitch::audit(const FlagRef &ref, bool wantEnabled, const QString &outcome, const QString &intentId,
                       const QString &comment)
{
    if (!m_audit)
        return;
    AuditEntry entry;
    entry.server = ref.connectionId;
    entry.environment = ref.environment;
    entry.flagKey = ref.key;
    entry.action = flagActionName(wantEnabled ? FlagAction::Restore : FlagAction::Kill);
    entry.outcome = outcome;
    entry.actor = m_actor;
    entry.actorKind = ActorKind::Human;
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    // One intent, several rows (requested, then confirmed or failed): the source id keeps them apart.
    entry.sourceId = QStringLiteral("console:%1:%2").arg(intentId, outcome);
    entry.before = QJsonObject{{QStringLiteral("enabled"), !wantEnabled}};
    entry.after = QJsonObject{{QStringLiteral("enabled"), wantEnabled}};
    entry.comment = comment;
    m_audit->append(entry);
}
