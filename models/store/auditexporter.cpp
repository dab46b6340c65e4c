#include "auditexporter.h"

#include "../core/csvcell.h"

#include "auditcache.h"
#include "auditfiltersql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AuditExporter)
};

QJsonValue jsonOrNull(const QString &text)
{
    if (text.isEmpty())
        return QJsonValue::Null;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(text);
}

enum class FieldKind { Integer, Time, Text, Json };

struct Field
{
    const char *name;   // in the export
    const char *column; // in audit_events
    FieldKind kind;
};

// The export's fields, in order. Their names are a published interface: add, never rename.
const Field Fields[] = {
    {"id", "id", FieldKind::Integer},
    {"time", "time_ms", FieldKind::Time},
    {"time_ms", "time_ms", FieldKind::Integer},
    {"server", "server", FieldKind::Text},
    {"environment", "environment", FieldKind::Text},
    {"flag_key", "flag_key", FieldKind::Text},
    {"action", "action", FieldKind::Text},
    {"outcome", "outcome", FieldKind::Text},
    {"actor", "actor", FieldKind::Text},
    {"actor_kind", "actor_kind", FieldKind::Text},
    {"source_id", "source_id", FieldKind::Text},
    {"before", "before_json", FieldKind::Json},
    {"after", "after_json", FieldKind::Json},
    {"comment", "comment", FieldKind::Text},
    {"chain_seq", "chain_seq", FieldKind::Integer},
    {"hash", "hash", FieldKind::Text},
};

QString timeText(const QVariant &timeMs)
{
    return QDateTime::fromMSecsSinceEpoch(timeMs.toLongLong(), Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray csvLine(const QSqlQuery &query)
{
    QList<QByteArray> cells;
    for (int i = 0; i < int(std::size(Fields)); ++i) {
        const QVariant value = query.value(i);
        switch (Fields[i].kind) {
        case FieldKind::Integer:
            cells.append(QByteArray::number(value.toLongLong()));
            break;
        case FieldKind::Time:
            cells.append(timeText(value).toUtf8());
            break;
        case FieldKind::Text:
            cells.append(csvCell(value.toString(), true));
            break;
        case FieldKind::Json:
            cells.append(csvCell(value.toString(), false));
            break;
        }
    }
    return cells.join(',') + "\r\n";
}

// A JSON string as QJsonDocument writes it in compact form: quote, backslash and control
// characters escaped, everything else as UTF-8.
void appendJsonString(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[7];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
                out.append(escaped);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

// ISO 8601 in UTC with milliseconds, as QDateTime writes Qt::ISODateWithMs, without building a
// QDateTime for every row.
QByteArray isoTime(qint64 timeMs)
{
    constexpr qint64 DayMs = 86400000;
    qint64 days = timeMs / DayMs;
    qint64 inDay = timeMs % DayMs;
    if (inDay < 0) {
        inDay += DayMs;
        --days;
    }
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999)
        return timeText(timeMs).toUtf8();
    char text[128];
    std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ", static_cast<long long>(year),
                  static_cast<long long>(month), static_cast<long long>(day), static_cast<long long>(inDay / 3600000),
                  static_cast<long long>(inDay / 60000 % 60), static_cast<long long>(inDay / 1000 % 60),
                  static_cast<long long>(inDay % 1000));
    return QByteArray(text);
}

// One entry as a line of compact JSON: the fields in the order QJsonObject keeps them (sorted by
// name), so a line reads exactly as a QJsonDocument of the same object would.
QByteArray ndjsonLine(const QSqlQuery &query)
{
    static const std::vector<int> byName = [] {
        std::vector<int> order(std::size(Fields));
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = int(i);
        std::sort(order.begin(), order.end(), [](int a, int b) {
            return QLatin1String(Fields[a].name) < QLatin1String(Fields[b].name);
        });
        return order;
    }();
    QByteArray line;
    line.reserve(512);
    line.append('{');
    bool first = true;
    for (const int i : byName) {
        if (!std::exchange(first, false))
            line.append(',');
        line.append('"').append(Fields[i].name).append("\":");
        const QVariant value = query.value(i);
        switch (Fields[i].kind) {
        case FieldKind::Integer:
            line.append(QByteArray::number(value.toLongLong()));
            break;
        case FieldKind::Time:
            line.append('"').append(isoTime(value.toLongLong())).append('"');
            break;
        case FieldKind::Text:
            appendJsonString(line, value.toString());
            break;
        case FieldKind::Json: {
            const QJsonValue json = jsonOrNull(value.toString());
            if (json.isObject())
                line.append(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
            else if (json.isString())
                appendJsonString(line, json.toString());
            else
                line.append("null");
            break;
        }
        }
    }
    line.append("}\n");
    return line;
}

} // namespace

QStringList AuditExporter::fieldNames()
{
    QStringList names;
    for (const Field &field : Fields)
        names.append(QLatin1String(field.name));
    return names;
}

Result<qint64> AuditExporter::write(const AuditCache &cache, const AuditFilter &filter, AuditExportFormat format,
                                    QIODevice *out)
{
    QStringList columns;
    for (const Field &field : Fields)
        columns.append(QLatin1String(field.column));
    const AuditFilterSql sql = AuditFilterSql::of(filter);
    QSqlQuery query(cache.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM audit_events %2 ORDER BY time_ms, id")
                      .arg(columns.join(QStringLiteral(", ")), sql.where));
    for (const QVariant &value : sql.values)
        query.addBindValue(value);
    if (!query.exec())
        return Result<qint64>::failure(Text::tr("cannot read the audit cache: %1").arg(query.lastError().text()));

    if (format == AuditExportFormat::Csv && out->write(fieldNames().join(u',').toUtf8() + "\r\n") < 0)
        return Result<qint64>::failure(Text::tr("cannot write the export: %1").arg(out->errorString()));
    qint64 rows = 0;
    while (query.next()) {
        const QByteArray line = format == AuditExportFormat::Csv ? csvLine(query) : ndjsonLine(query);
        if (out->write(line) != line.size())
            return Result<qint64>::failure(Text::tr("cannot write the export: %1").arg(out->errorString()));
        ++rows;
    }
    if (query.lastError().isValid())
        return Result<qint64>::failure(Text::tr("cannot read the audit cache: %1").arg(query.lastError().text()));
    return rows;
}
