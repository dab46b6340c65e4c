#include "auditexporter.h"

#include "auditcache.h"

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

} // namespace

std::optional<AuditExporter::Format> AuditExporter::formatFromName(const QString &name)
{
    if (name == QLatin1String("csv"))
        return Format::Csv;
    if (name == QLatin1String("ndjson"))
        return Format::Ndjson;
    return std::nullopt;
}

QStringList AuditExporter::fieldNames()
{
    return {QStringLiteral("id"),       QStringLiteral("time"),        QStringLiteral("time_ms"),
            QStringLiteral("server"),   QStringLiteral("environment"), QStringLiteral("flag_key"),
            QStringLiteral("action"),   QStringLiteral("outcome"),     QStringLiteral("actor"),
            QStringLiteral("actor_kind"), QStringLiteral("source_id"), QStringLiteral("before"),
            QStringLiteral("after"),    QStringLiteral("comment"),     QStringLiteral("chain_seq"),
            QStringLiteral("hash")};
}

QString AuditExporter::write(const AuditCache &cache, const AuditFilter &filter, Format format, QIODevice *out,
                             qint64 *rowsWritten)
{
    if (rowsWritten)
        *rowsWritten = 0;
    const AuditFilter::Sql sql = filter.toSql();
    QSqlQuery query(cache.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, time_ms, server, environment, flag_key, action, outcome, actor, "
                                 "actor_kind, source_id, before_json, after_json, comment, chain_seq, hash "
                                 "FROM audit_events %1 ORDER BY time_ms, id")
                      .arg(sql.where));
    for (const QVariant &value : sql.values)
        query.addBindValue(value);
    if (!query.exec())
        return Text::tr("cannot read the audit cache: %1").arg(query.lastError().text());

    const QStringList names = fieldNames();
    if (format == Format::Csv && out->write(names.join(u',').toUtf8() + "\r\n") < 0)
        return Text::tr("cannot write the export: %1").arg(out->errorString());
    qint64 rows = 0;
    while (query.next()) {
        const qint64 timeMs = query.value(1).toLongLong();
        const QString time = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs);
        // Values in the order of fieldNames(): id, time, then the query's columns from time_ms on.
        QByteArray line;
        if (format == Format::Csv) {
            QList<QByteArray> cells{QByteArray::number(query.value(0).toLongLong()), time.toUtf8()};
            for (int column = 1; column < 15; ++column) {
                const bool isText = column >= 2 && column <= 12;
                cells.append(csvCell(query.value(column).toString(), isText));
            }
            line = cells.join(',') + "\r\n";
        } else {
            QJsonObject object;
            object.insert(names.at(0), query.value(0).toLongLong());
            object.insert(names.at(1), time);
            object.insert(names.at(2), timeMs);
            for (int column = 2; column < 15; ++column) {
                const QString &name = names.at(column + 1);
                const QVariant value = query.value(column);
                if (column == 10 || column == 11)
                    object.insert(name, jsonOrNull(value.toString()));
                else if (column == 13)
                    object.insert(name, value.toLongLong());
                else
                    object.insert(name, value.toString());
            }
            line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        }
        if (out->write(line) != line.size())
            return Text::tr("cannot write the export: %1").arg(out->errorString());
        ++rows;
        if (rowsWritten)
            *rowsWritten = rows;
    }
    if (query.lastError().isValid())
        return Text::tr("cannot read the audit cache: %1").arg(query.lastError().text());
    return {};
}
