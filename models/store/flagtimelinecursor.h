#pragma once

#include "../core/flagref.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

class QSqlDatabase;

// One flag's entries in a time range, newest or oldest first, read from its FlagTimeline runs one
// run at a time: a reader that stops early reads only the runs it needed, and the runs read are
// sought by time, not scanned. Each row holds the columns asked for, from audit_events.
class FlagTimelineCursor
{
public:
    enum class Order { NewestFirst, OldestFirst };

    // condition: a further SQL condition on the entry, with its values in order.
    FlagTimelineCursor(const QSqlDatabase &db, const QString &columns, Order order, const QString &condition = {},
                       const QVariantList &conditionValues = {});

    // The entries of ref with fromMs <= time <= untilMs; without a range, all of them.
    bool exec(const FlagRef &ref, qint64 fromMs, qint64 untilMs);
    bool exec(const FlagRef &ref);
    bool next();
    // The current row, as a query that read it.
    const QSqlQuery &row() const { return m_rows; }
    QVariant value(int column) const { return m_rows.value(column); }
    // Empty unless preparing, seeking or reading failed.
    QString lastError() const { return m_error; }
    void finish();

private:
    bool readNextRun();
    bool execQuery(QSqlQuery &query);
    bool failed(const QSqlQuery &query);

    Order m_order;
    // Newest first: the one run that begins by the range's end and ends after it, read first.
    QSqlQuery m_straddling;
    QSqlQuery m_runs;
    QSqlQuery m_rows;
    QVariantList m_conditionValues;
    QString m_straddlingIds;
    qint64 m_fromMs = 0;
    qint64 m_untilMs = 0;
    QString m_prepareError;
    QString m_error;
};
