#include "cleanupcheck.h"

#include "durationtext.h"
#include "stageplan.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CleanupCheck)
};

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// The variation serving at least basisPoints now, among those named (any when empty).
QString servingAtLeast(const Rollout &served, const QString &variationId, int basisPoints)
{
    for (const VariationShare &share : served.shares()) {
        if ((variationId.isEmpty() || share.variationId == variationId) && share.basisPoints >= basisPoints)
            return share.variationId;
    }
    return {};
}

} // namespace

QString CleanupDue::why() const
{
    QStringList texts;
    for (const CleanupReason &reason : reasons)
        texts.append(reason.text);
    return texts.join(QStringLiteral("; "));
}

std::optional<CleanupCondition> parseCleanupCondition(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("(?:([\\w.-]+) at )?(\\d{1,3}(?:\\.\\d{1,2})?)% for (\\d{1,4}) ?(days?|d|hours?|h)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    CleanupCondition condition;
    condition.variation = match.captured(1);
    condition.basisPoints = int(std::lround(match.captured(2).toDouble() * 100));
    const bool days = match.captured(4).startsWith(QLatin1Char('d'), Qt::CaseInsensitive);
    condition.durationMs = match.captured(3).toLongLong() * (days ? DayMs : HourMs);
    if (condition.basisPoints <= 0 || condition.basisPoints > Rollout::TotalBasisPoints)
        return std::nullopt;
    return condition;
}

std::optional<CleanupDue> checkCleanup(const Flag &flag, const Contract *contract, const CleanupFacts &facts)
{
    CleanupDue due;
    due.ownerFromContract = contract && !contract->owner.isEmpty();
    due.owner = due.ownerFromContract ? contract->owner : flag.updatedBy;
    const Rollout served = flag.servedRollout();
    const bool sinceKnown = facts.servedSinceMs > 0;

    if (contract && contract->reviewDate.isValid() && contract->reviewDate < facts.today) {
        due.reasons.append({CleanupReason::Kind::ReviewDatePassed,
                            Text::tr("review was due on %1").arg(contract->reviewDate.toString(Qt::ISODate)),
                            QDateTime(contract->reviewDate, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()});
    }
    if (contract && sinceKnown) {
        if (const std::optional<CleanupCondition> condition = parseCleanupCondition(contract->cleanupCondition)) {
            QString variationId;
            bool known = true;
            if (!condition->variation.isEmpty()) {
                const QString name = condition->variation == QLatin1String("candidate") ? contract->candidate
                                                                                         : condition->variation;
                variationId = StagePlan::resolveVariation(flag, name);
                known = !variationId.isEmpty();
            }
            const QString serving = known ? servingAtLeast(served, variationId, condition->basisPoints) : QString();
            const qint64 dueMs = facts.servedSinceMs + condition->durationMs;
            if (!serving.isEmpty() && dueMs <= facts.nowMs) {
                due.reasons.append({CleanupReason::Kind::ConditionMet,
                                    Text::tr("cleanup condition \"%1\" holds: %2 at %3 since %4")
                                        .arg(contract->cleanupCondition, serving,
                                             Rollout::formatPercent(served.basisPointsOf(serving)),
                                             isoTime(facts.servedSinceMs)),
                                    dueMs});
            }
        }
    }
    if (!contract && sinceKnown) {
        const QString only = servingAtLeast(served, QString(), Rollout::TotalBasisPoints);
        const qint64 dueMs = facts.servedSinceMs + SettledDaysWithoutContract * DayMs;
        if (!only.isEmpty() && dueMs <= facts.nowMs) {
            due.reasons.append({CleanupReason::Kind::SettledWithoutContract,
                                Text::tr("no contract, and %1 has served everyone for %2")
                                    .arg(only, durationText(facts.nowMs - facts.servedSinceMs)),
                                dueMs});
        }
    }
    if (facts.usage && facts.usage->createdMs > 0 && facts.usage->lastSeenMs == 0) {
        const qint64 dueMs = facts.usage->createdMs + SettledDaysWithoutContract * DayMs;
        if (dueMs <= facts.nowMs) {
            due.reasons.append({CleanupReason::Kind::NeverEvaluated,
                                Text::tr("never evaluated since it was created on %1, per the server's metrics")
                                    .arg(QDateTime::fromMSecsSinceEpoch(facts.usage->createdMs, Qt::UTC).date().toString(Qt::ISODate)),
                                dueMs});
        }
    }
    if (due.reasons.isEmpty())
        return std::nullopt;
    std::sort(due.reasons.begin(), due.reasons.end(),
              [](const CleanupReason &a, const CleanupReason &b) { return a.sinceMs < b.sinceMs; });
    return due;
}

QString cleanupKindName(CleanupReason::Kind kind)
{
    switch (kind) {
    case CleanupReason::Kind::ReviewDatePassed:
        return QStringLiteral("review_date_passed");
    case CleanupReason::Kind::ConditionMet:
        return QStringLiteral("cleanup_condition_met");
    case CleanupReason::Kind::SettledWithoutContract:
        return QStringLiteral("settled_without_contract");
    case CleanupReason::Kind::NeverEvaluated:
        return QStringLiteral("never_evaluated");
    }
    Q_UNREACHABLE();
}

QJsonObject cleanupToJson(const CleanupDue &due)
{
    QJsonArray reasons;
    for (const CleanupReason &reason : due.reasons) {
        reasons.append(QJsonObject{{QStringLiteral("kind"), cleanupKindName(reason.kind)},
                                   {QStringLiteral("why"), reason.text},
                                   {QStringLiteral("since"), isoTime(reason.sinceMs)}});
    }
    return {{QStringLiteral("owner"), due.owner},
            {QStringLiteral("owner_from_contract"), due.ownerFromContract},
            {QStringLiteral("since"), isoTime(due.sinceMs())},
            {QStringLiteral("reasons"), reasons}};
}
