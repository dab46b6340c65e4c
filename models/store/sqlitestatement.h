#pragma once

#include "../core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

// A statement prepared once and run for many rows, its values added in order. It runs through
// SQLite itself where Qt's driver uses the system SQLite: QSqlQuery builds a placeholder name for
// every positional value it binds, and that naming, with the QVariant round trip, was about a
// tenth of the audit ingest's time. Elsewhere it runs through QSqlQuery.
class SqliteStatement
{
public:
    SqliteStatement(QSqlDatabase &database, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // A null text is stored as '' (text columns are NOT NULL).
    void add(const QString &text);
    // UTF-8 text, bound without a copy: the bytes must stay valid until run().
    void addUtf8(QByteArrayView text);
    void addUtf8(QByteArray &&) = delete; // a temporary would be gone before run()
    void add(qint64 number);
    // Runs with the values added since the last run: the number of rows it changed.
    Result<int> run();
    // For a query: the first call runs it with the values added since the last run, each call
    // moves to the next row; false after the last row, and then the statement takes new values.
    // finish() ends the rows early.
    Result<bool> next();
    bool isNull(int column) const;
    qint64 integer(int column) const;
    // The column's UTF-8 text, valid until the next call of next() or finish().
    QByteArrayView text(int column) const;
    void finish();
    // The rowid of the last row this connection inserted.
    qint64 lastInsertId() const;

private:
    sqlite3 *m_connection = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_added = 0;
    bool m_stepping = false;
    QString m_prepareError;
    QSqlQuery m_query; // where SQLite's own interface is not available
    mutable QHash<int, QByteArray> m_texts; // what text() gave there for the row, by column
};
