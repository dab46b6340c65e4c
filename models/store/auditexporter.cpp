#include "auditexporter.h"

#include "auditcache.h"
#include "auditfiltersql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AuditExporter)
};

// RFC 4180 quoting. A text cell that a spreadsheet would run as a formula (=, +, -, @ first) gets
// a leading apostrophe: actors, comments and flag keys come from servers and agents.
QByteArray csvCell(const QString &text, bool isText)
{
    QString cell = text;
    if (isText && !cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front()))
        cell.prepend(QLatin1Char('\''));
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n'))
        || cell.contains(QLatin1Char('\r'))) {
        cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell.toUtf8();
}

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

QByteArray ndjsonLine(const QSqlQuery &query)
{
    QJsonObject object;
    for (int i = 0; i < int(std::size(Fields)); ++i) {
        const QString name = QLatin1String(Fields[i].name);
        const QVariant value = query.value(i);
        switch (Fields[i].kind) {
        case FieldKind::Integer:
            object.insert(name, value.toLongLong());
            break;
        case FieldKind::Time:
            object.insert(name, timeText(value));
            break;
        case FieldKind::Text:
            object.insert(name, value.toString());
            break;
        case FieldKind::Json:
            object.insert(name, jsonOrNull(value.toString()));
            break;
        }
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
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
