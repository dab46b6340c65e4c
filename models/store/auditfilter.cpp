#include "auditfilter.h"

#include "../core/durationtext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

AuditFilter::Sql AuditFilter::toSql(qint64 afterId) const
{
    QStringList conditions;
    QVariantList values;
    const auto equals = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        conditions.append(QStringLiteral("%1 = ?").arg(QLatin1String(column)));
        values.append(value);
    };
    equals("server", server);
    equals("environment", environment);
    equals("flag_key", flagKey);
    equals("actor", actor);
    equals("action", action);
    if (actorKind)
        equals("actor_kind", actorKindName(*actorKind));
    if (sinceMs) {
        conditions.append(QStringLiteral("time_ms >= ?"));
        values.append(*sinceMs);
    }
    if (untilMs) {
        conditions.append(QStringLiteral("time_ms < ?"));
        values.append(*untilMs);
    }
    if (afterId > 0) {
        conditions.append(QStringLiteral("id > ?"));
        values.append(afterId);
    }
    if (const QString query = ftsQuery(text); !query.isEmpty()) {
        if (afterId > 0) {
            conditions.append(QStringLiteral("id IN (SELECT rowid FROM audit_fts WHERE audit_fts MATCH ? AND rowid > ?)"));
            values << query << afterId;
        } else {
            conditions.append(QStringLiteral("id IN (SELECT rowid FROM audit_fts WHERE audit_fts MATCH ?)"));
            values.append(query);
        }
    }
    if (conditions.isEmpty())
        return {};
    return {QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND ")), values};
}

QString AuditFilter::ftsQuery(const QString &text)
{
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    QStringList terms;
    for (const QString &word : words) {
        QString quoted = word;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        // A word of only punctuation has no tokens; FTS5 rejects an empty phrase.
        if (!word.contains(QRegularExpression(QStringLiteral("[\\w]"))))
            continue;
        terms.append(QLatin1Char('"') + quoted + QLatin1Char('"'));
    }
    if (!terms.isEmpty() && !text.back().isSpace())
        terms.last().append(QLatin1Char('*'));
    return terms.join(QLatin1Char(' '));
}

Result<qint64> AuditFilter::parseTime(const QString &text, qint64 nowMs)
{
    static const QRegularExpression age(QStringLiteral("^(\\d+)([mhd])$"));
    if (const QRegularExpressionMatch match = age.match(text.trimmed()); match.hasMatch()) {
        const qint64 amount = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).front();
        const qint64 unitMs = unit == QLatin1Char('m') ? MinuteMs : unit == QLatin1Char('h') ? HourMs : DayMs;
        return nowMs - amount * unitMs;
    }
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        return Result<qint64>::failure(
            QCoreApplication::translate("AuditFilter",
                                        "\"%1\" is not a time: give a date (2026-11-21), a date and time "
                                        "(2026-11-21T09:30, UTC unless a zone is given) or an age (90m, 24h, 7d)")
                .arg(text));
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toMSecsSinceEpoch();
}
