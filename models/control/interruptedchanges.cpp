#include "interruptedchanges.h"

#include "../core/flagaction.h"
#include "../store/auditlookup.h"
#include "../store/auditwriter.h"
#include "flagstore.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

InterruptedChanges::InterruptedChanges(FlagStore *flags, AuditWriter *audit, QObject *parent)
    : QObject(parent), m_flags(flags), m_audit(audit)
{
}

QString InterruptedChanges::sentence(const AuditEntry &requested, const Flag *now)
{
    const QString when = QDateTime::fromMSecsSinceEpoch(requested.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const std::optional<FlagAction> action = flagActionFromName(requested.action);
    QString what;
    switch (action.value_or(FlagAction::SetRollout)) {
    case FlagAction::Kill:
        what = tr("A kill of %1 in %2 requested at %3 was interrupted before the server answered");
        break;
    case FlagAction::Restore:
        what = tr("A restore of %1 in %2 requested at %3 was interrupted before the server answered");
        break;
    case FlagAction::Archive:
        what = tr("An archive of %1 in %2 requested at %3 was interrupted before the server answered");
        break;
    default:
        what = tr("A rollout change of %1 in %2 requested at %3 was interrupted before the server answered");
        break;
    }
    what = what.arg(requested.flagKey, requested.environment, when);
    if (!now)
        return tr("%1; the server no longer has the flag.").arg(what);
    return now->enabled ? tr("%1; the server says the flag is now on.").arg(what)
                        : tr("%1; the server says the flag is now off.").arg(what);
}

void InterruptedChanges::check(const QString &connectionId)
{
    if (!m_audit)
        return;
    AuditLookup lookup;
    if (!lookup.open(m_audit->path()))
        return;
    const std::optional<QList<AuditEntry>> unanswered = lookup.unansweredRequests(connectionId);
    if (!unanswered)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 youngest = 0;
    for (const AuditEntry &requested : *unanswered) {
        if (m_told.contains(requested.sourceId))
            continue;
        if (now - requested.timeMs < AnswerWindowMs) {
            youngest = std::max(youngest, requested.timeMs);
            continue;
        }
        const FlagRef ref{requested.server, requested.environment, requested.flagKey};
        const FlagStore::Entry *entry = m_flags->find(ref);
        if (entry && !entry->isLive())
            continue; // what the cache last held is no word of the server's
        m_told.insert(requested.sourceId);
        const QString message = sentence(requested, entry ? &entry->flag : nullptr);
        AuditEntry outcome = requested;
        outcome.outcome = QStringLiteral("interrupted");
        outcome.sourceId = requested.sourceId.chopped(int(qstrlen("requested"))) + QStringLiteral("interrupted");
        outcome.timeMs = now;
        outcome.comment = message;
        m_audit->append(outcome);
        Q_EMIT interrupted(ref, message);
    }
    if (youngest > 0 && !m_recheckSet.value(connectionId)) {
        m_recheckSet.insert(connectionId, true);
        QTimer::singleShot(int(youngest + AnswerWindowMs - now) + 100, this, [this, connectionId] {
            m_recheckSet.remove(connectionId);
            check(connectionId);
        });
    }
}
