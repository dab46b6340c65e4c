#include "flagtimelinecursor.h"

#include <QSqlDatabase>
#include <QSqlError>

#include <limits>

namespace {

const QString OfFlag = QStringLiteral("flag_key = ? AND server = ? AND environment = ?");

void bindFlag(QSqlQuery &query, const FlagRef &ref)
{
    query.addBindValue(ref.key);
    query.addBindValue(ref.connectionId);
    query.addBindValue(ref.environment);
}

} // namespace

FlagTimelineCursor::FlagTimelineCursor(const QSqlDatabase &db, const QString &columns, Order order,
                                       const QString &condition, const QVariantList &conditionValues)
    : m_order(order), m_straddling(db), m_runs(db), m_rows(db), m_conditionValues(conditionValues)
{
    for (QSqlQuery *query : {&m_straddling, &m_runs, &m_rows})
        query->setForwardOnly(true);
    // Runs never overlap, so those that end within the range come in order on the key; newest
    // first, one run more can begin by the range's end and end after it. Oldest first, the read
    // stops at the first run that begins after the range (readNextRun).
    const bool prepared = order == Order::NewestFirst
        ? m_straddling.prepare(QStringLiteral("SELECT ids, first_ms FROM audit_flag_runs WHERE %1 AND last_ms > ? "
                                              "ORDER BY last_ms, last_id LIMIT 1")
                                   .arg(OfFlag))
            && m_runs.prepare(QStringLiteral("SELECT ids, first_ms FROM audit_flag_runs WHERE %1 AND last_ms >= ? "
                                             "AND last_ms <= ? ORDER BY last_ms DESC, last_id DESC")
                                  .arg(OfFlag))
        : m_runs.prepare(QStringLiteral("SELECT ids, first_ms FROM audit_flag_runs WHERE %1 AND last_ms >= ? "
                                        "ORDER BY last_ms, last_id")
                             .arg(OfFlag));
    const QLatin1String direction(order == Order::NewestFirst ? "DESC" : "ASC");
    if (!prepared)
        m_prepareError = (m_runs.lastError().isValid() ? m_runs : m_straddling).lastError().text();
    else if (!m_rows.prepare(QStringLiteral("SELECT %1 FROM audit_events WHERE id IN (SELECT value FROM json_each(?)) "
                                            "AND time_ms >= ? AND time_ms <= ? %2 ORDER BY time_ms %3, id %3")
                                 .arg(columns, condition.isEmpty() ? QString() : QStringLiteral("AND (%1)").arg(condition),
                                      direction)))
        m_prepareError = m_rows.lastError().text();
}

bool FlagTimelineCursor::exec(const FlagRef &ref)
{
    return exec(ref, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
}

bool FlagTimelineCursor::exec(const FlagRef &ref, qint64 fromMs, qint64 untilMs)
{
    finish();
    m_error = m_prepareError;
    if (!m_error.isEmpty())
        return false;
    m_fromMs = fromMs;
    m_untilMs = untilMs;
    m_straddlingIds.clear();
    if (m_order == Order::NewestFirst && untilMs < std::numeric_limits<qint64>::max()) {
        bindFlag(m_straddling, ref);
        m_straddling.addBindValue(untilMs);
        if (!execQuery(m_straddling))
            return false;
        if (m_straddling.next() && m_straddling.value(1).toLongLong() <= untilMs)
            m_straddlingIds = m_straddling.value(0).toString();
        if (failed(m_straddling))
            return false;
        m_straddling.finish();
    }
    bindFlag(m_runs, ref);
    m_runs.addBindValue(fromMs);
    if (m_order == Order::NewestFirst)
        m_runs.addBindValue(untilMs);
    return execQuery(m_runs);
}

bool FlagTimelineCursor::next()
{
    for (;;) {
        if (m_rows.isActive()) {
            if (m_rows.next())
                return true;
            if (failed(m_rows))
                return false;
        }
        if (!readNextRun())
            return false;
    }
}

bool FlagTimelineCursor::readNextRun()
{
    QString ids;
    if (!m_straddlingIds.isEmpty()) {
        ids = std::exchange(m_straddlingIds, QString());
    } else {
        if (!m_runs.isActive() || !m_runs.next()) {
            failed(m_runs);
            return false;
        }
        if (m_order == Order::OldestFirst && m_runs.value(1).toLongLong() > m_untilMs) {
            m_runs.finish(); // this run and every later one begin after the range
            return false;
        }
        ids = m_runs.value(0).toString();
    }
    m_rows.addBindValue(ids);
    m_rows.addBindValue(m_fromMs);
    m_rows.addBindValue(m_untilMs);
    for (const QVariant &value : std::as_const(m_conditionValues))
        m_rows.addBindValue(value);
    return execQuery(m_rows);
}

bool FlagTimelineCursor::execQuery(QSqlQuery &query)
{
    if (query.exec())
        return true;
    m_error = query.lastError().text();
    return false;
}

// Keeps the query's error, if it has one.
bool FlagTimelineCursor::failed(const QSqlQuery &query)
{
    if (!query.lastError().isValid())
        return false;
    m_error = query.lastError().text();
    return true;
}

void FlagTimelineCursor::finish()
{
    m_rows.finish();
    m_runs.finish();
    m_straddling.finish();
}
