#include "auditfilter.h"

#include "durationtext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

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

std::optional<AuditExportFormat> auditExportFormatFromName(const QString &name)
{
    if (name == QLatin1String("csv"))
        return AuditExportFormat::Csv;
    if (name == QLatin1String("ndjson"))
        return AuditExportFormat::Ndjson;
    return std::nullopt;
}
