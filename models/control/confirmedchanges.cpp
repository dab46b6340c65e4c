#include "confirmedchanges.h"

#include "../connectors/flagserver.h"
#include "../core/localaccount.h"
#include "../store/auditwriter.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QTimer>
#include <QUuid>

ConfirmedChanges::ConfirmedChanges(FlagStore *flags, AuditWriter *audit, ServerLookup servers, QObject *parent)
    : QObject(parent), m_flags(flags), m_audit(audit), m_servers(std::move(servers)), m_actor(LocalAccount::current().name)
{
    connect(m_flags, &FlagStore::flagReported, this, &ConfirmedChanges::noteReported);
    connect(m_flags, &FlagStore::environmentReported, this, &ConfirmedChanges::noteEnvironment);
}

ConfirmedChanges::~ConfirmedChanges() = default;

bool ConfirmedChanges::start(const FlagRef &ref, Change change, const QString &comment, Completion done)
{
    if (m_pending.contains(ref) || !m_flags->find(ref))
        return false;
    m_late.remove(ref); // a new intent: what the server says now answers it, not the old one
    Pending pending;
    pending.change = std::move(change);
    pending.intentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    pending.comment = comment;
    pending.done = std::move(done);
    audit(ref, pending, QStringLiteral("requested"), comment);
    m_flags->setOperation(ref, pending.change.pendingOperation);

    FlagServer *server = m_servers(ref.connectionId);
    if (!server || server->state() != ConnectionState::Connected) {
        m_pending.insert(ref, pending);
        fail(ref, tr("the server is not connected"));
        return true;
    }
    pending.timeout = new QTimer(this);
    pending.timeout->setSingleShot(true);
    // Precise: a coarse timer may give up 5 % early (9.5 s of the 10 s the person is told).
    pending.timeout->setTimerType(Qt::PreciseTimer);
    connect(pending.timeout, &QTimer::timeout, this, [this, ref] {
        watchLate(ref, m_pending.value(ref), true);
        fail(ref, tr("the server did not confirm within %1 s").arg(m_timeoutMs / 1000.0));
    });
    pending.timeout->start(m_timeoutMs);
    m_pending.insert(ref, pending);

    ServerReply *reply = pending.change.send(server);
    connect(reply, &ServerReply::finished, this, [this, ref, reply, intentId = pending.intentId,
                                                  byReply = pending.change.confirmedByReply] {
        const auto isCurrent = [&] {
            const auto current = m_pending.constFind(ref);
            return current != m_pending.constEnd() && current->intentId == intentId;
        };
        const auto isLate = [&] {
            const auto late = m_late.constFind(ref);
            return late != m_late.constEnd() && late->intentId == intentId;
        };
        // The connection broke with the request sent: the server may have carried it out or not,
        // so its next word on the flag decides. Any other answer is the server's word itself.
        const bool uncertain = reply->failed() && reply->error().kind == ServerError::Kind::Network;
        const auto finished = qScopeGuard([&] {
            if (!isLate())
                return;
            if (uncertain)
                m_late[ref].replyOut = false;
            else
                m_late.remove(ref);
        });
        if (reply->failed()) {
            if (isCurrent()) {
                if (uncertain)
                    watchLate(ref, m_pending.value(ref), false);
                fail(ref, reply->error().sentence());
            }
            return;
        }
        if (byReply) {
            if (isCurrent())
                succeed(ref, reply->flag());
            else if (isLate())
                succeedLate(ref, reply->flag());
            return;
        }
        // The server's word enters the store like any other (also after a timeout gave up on it);
        // the store's report confirms the change when it shows it.
        if (m_flags->find(ref))
            m_flags->reportFlag(ref, reply->flag());
        if (isCurrent())
            fail(ref, m_pending.value(ref).change.notReachedReason);
    });
    return true;
}

QString ConfirmedChanges::unavailable(const FlagRef &ref, FlagAction action) const
{
    const FlagServer *server = m_servers(ref.connectionId);
    // Only the server can say which environments an archive reaches (archiveReach).
    if (!server)
        return action == FlagAction::Archive ? tr("the server is not connected") : QString();
    const FlagServer::Capability needed = action == FlagAction::Kill ? FlagServer::Capability::Kill
        : action == FlagAction::Restore                          ? FlagServer::Capability::Restore
        : action == FlagAction::Archive                          ? FlagServer::Capability::Archive
                                                                 : FlagServer::Capability::SetRollout;
    if (!server->capabilities().testFlag(needed) && needed == FlagServer::Capability::Archive)
        return tr("%1 cannot archive flags from FlagDeck").arg(server->displayName());
    return server->capabilityProblem(needed, ref.environment);
}

QList<FlagRef> ConfirmedChanges::archiveReach(const FlagRef &ref) const
{
    QList<FlagRef> reach = {ref};
    if (const FlagServer *server = m_servers(ref.connectionId)) {
        for (const QString &environment : server->archiveReach(ref.environment, ref.key)) {
            if (environment != ref.environment)
                reach.append({ref.connectionId, environment, ref.key});
        }
    }
    return reach;
}

void ConfirmedChanges::noteReported(const FlagRef &ref, const Flag &flag)
{
    const auto pending = m_pending.constFind(ref);
    if (pending != m_pending.constEnd() && !pending->change.confirmedByReply && pending->change.reached(flag))
        succeed(ref, flag);
    noteLate(ref, flag);
}

void ConfirmedChanges::watchLate(const FlagRef &ref, Pending pending, bool timedOut)
{
    pending.timeout = nullptr;
    pending.done = {};
    pending.timedOut = timedOut;
    pending.replyOut = timedOut;
    pending.lateUntilMs = QDateTime::currentMSecsSinceEpoch() + LateWordMs;
    m_late.insert(ref, pending);
}

void ConfirmedChanges::noteLate(const FlagRef &ref, const Flag &flag)
{
    const auto late = m_late.constFind(ref);
    if (late == m_late.constEnd() || late->change.confirmedByReply)
        return;
    if (QDateTime::currentMSecsSinceEpoch() > late->lateUntilMs) {
        m_late.remove(ref); // so long after, a change is someone else's, not this request's
        return;
    }
    if (late->change.reached(flag))
        succeedLate(ref, flag);
    else if (!late->replyOut)
        m_late.remove(ref); // the server's word after the broken connection: it was not done
}

void ConfirmedChanges::noteEnvironment(const QString &connectionId, const QString &environment)
{
    const QList<FlagRef> watched = m_late.keys();
    for (const FlagRef &ref : watched) {
        if (ref.connectionId != connectionId || ref.environment != environment)
            continue;
        if (const FlagStore::Entry *entry = m_flags->find(ref))
            noteLate(ref, entry->flag);
        else
            m_late.remove(ref); // the server no longer has the flag
    }
}

void ConfirmedChanges::succeedLate(const FlagRef &ref, const Flag &flag)
{
    const Pending late = m_late.take(ref);
    if (late.change.beforeSettled)
        late.change.beforeSettled(flag);
    const FlagStore::Entry *entry = m_flags->find(ref);
    if (entry && entry->operation == late.change.failedOperation)
        m_flags->setOperation(ref, FlagStore::Operation::None);
    const QString note = late.timedOut ? tr("the server confirmed it after the %1 s timeout").arg(m_timeoutMs / 1000.0)
                                       : tr("the server showed it done after the connection broke");
    audit(ref, late, QStringLiteral("confirmed"), late.comment.isEmpty() ? note : QStringLiteral("%1 (%2)").arg(late.comment, note));
    Q_EMIT confirmed(ref, late.change.action, flag);
}

void ConfirmedChanges::succeed(const FlagRef &ref, const Flag &flag)
{
    Pending pending = m_pending.take(ref);
    delete pending.timeout;
    if (pending.change.beforeSettled)
        pending.change.beforeSettled(flag);
    m_flags->setOperation(ref, FlagStore::Operation::None);
    audit(ref, pending, QStringLiteral("confirmed"), pending.comment);
    Q_EMIT confirmed(ref, pending.change.action, flag);
    if (pending.done)
        pending.done({ref, pending.change.action, true, flag, {}});
}

void ConfirmedChanges::fail(const FlagRef &ref, const QString &reason)
{
    Pending pending = m_pending.take(ref);
    delete pending.timeout;
    m_flags->setOperation(ref, pending.change.failedOperation, reason);
    audit(ref, pending, QStringLiteral("failed"), reason);
    Q_EMIT failed(ref, pending.change.action, reason);
    if (pending.done) {
        Flag current;
        if (const FlagStore::Entry *entry = m_flags->find(ref))
            current = entry->flag;
        pending.done({ref, pending.change.action, false, current, reason});
    }
}

void ConfirmedChanges::audit(const FlagRef &ref, const Pending &pending, const QString &outcome, const QString &comment)
{
    if (!m_audit)
        return;
    AuditEntry entry;
    entry.server = ref.connectionId;
    entry.environment = ref.environment;
    entry.flagKey = ref.key;
    entry.action = flagActionName(pending.change.action);
    entry.outcome = outcome;
    entry.actor = pending.change.actor ? pending.change.actor->name : m_actor;
    entry.actorKind = pending.change.actor ? pending.change.actor->kind : ActorKind::Human;
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    // One intent, several rows (requested, then confirmed or failed): the source id keeps them apart.
    entry.sourceId = QStringLiteral("console:%1:%2").arg(pending.intentId, outcome);
    entry.before = pending.change.before;
    entry.after = pending.change.after;
    entry.comment = comment;
    m_audit->append(entry);
}
