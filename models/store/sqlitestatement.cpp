#include "sqlitestatement.h"
#include "sqltext.h"

#include <QSqlDriver>
#include <QSqlError>

#ifdef FLAGDECK_SYSTEM_SQLITE
#include <sqlite3.h>
#endif

SqliteStatement::SqliteStatement(QSqlDatabase &database, const QString &sql) : m_query(database)
{
#ifdef FLAGDECK_SYSTEM_SQLITE
    const QVariant handle = database.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (m_connection) {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v3(m_connection, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                               &m_statement, nullptr)
            != SQLITE_OK)
            m_prepareError = QString::fromUtf8(sqlite3_errmsg(m_connection));
        return;
    }
#endif
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql))
        m_prepareError = m_query.lastError().text();
}

SqliteStatement::~SqliteStatement()
{
#ifdef FLAGDECK_SYSTEM_SQLITE
    sqlite3_finalize(m_statement);
#endif
}

void SqliteStatement::add(const QString &text)
{
#ifdef FLAGDECK_SYSTEM_SQLITE
    if (m_statement) {
        // A null pointer would bind NULL.
        const void *characters = text.isNull() ? static_cast<const void *>(u"") : text.constData();
        sqlite3_bind_text16(m_statement, ++m_added, characters, int(text.size() * sizeof(QChar)), SQLITE_TRANSIENT);
        return;
    }
#endif
    m_query.addBindValue(sqlText(text));
}

void SqliteStatement::addUtf8(QByteArrayView text)
{
#ifdef FLAGDECK_SYSTEM_SQLITE
    if (m_statement) {
        // A null pointer would bind NULL.
        const char *characters = text.isNull() ? "" : text.data();
        sqlite3_bind_text(m_statement, ++m_added, characters, int(text.size()), SQLITE_STATIC);
        return;
    }
#endif
    m_query.addBindValue(sqlText(QString::fromUtf8(text)));
}

void SqliteStatement::add(qint64 number)
{
#ifdef FLAGDECK_SYSTEM_SQLITE
    if (m_statement) {
        sqlite3_bind_int64(m_statement, ++m_added, number);
        return;
    }
#endif
    m_query.addBindValue(number);
}

Result<int> SqliteStatement::run()
{
    if (!m_prepareError.isEmpty())
        return Result<int>::failure(m_prepareError);
#ifdef FLAGDECK_SYSTEM_SQLITE
    if (m_statement) {
        m_added = 0;
        const int stepped = sqlite3_step(m_statement);
        const QString error = stepped == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(m_connection));
        finish();
        if (!error.isEmpty())
            return Result<int>::failure(error);
        return sqlite3_changes(m_connection);
    }
#endif
    if (!m_query.exec())
        return Result<int>::failure(m_query.lastError().text());
    return m_query.numRowsAffected();
}

Result<bool> SqliteStatement::next()
{
    if (!m_prepareError.isEmpty())
        return Result<bool>::failure(m_prepareError);
#ifdef FLAGDECK_SYSTEM_SQLITE
    if (m_statement) {
        m_added = 0;
        const int stepped = sqlite3_step(m_statement);
        if (stepped == SQLITE_ROW)
            return true;
        const QString error = stepped == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(m_connection));
        finish();
        if (!error.isEmpty())
            return Result<bool>::failure(error);
        return false;
    }
#endif
    if (!m_stepping) {
        m_stepping = true;
        if (!m_query.exec()) {
            m_stepping = false;
            return Result<bool>::failure(m_query.lastError().text());
        }
    }
    m_texts.clear();
    if (m_query.next())
        return true;
    const QString error = m_query.lastError().isValid() ? m_query.lastError().text() : QString();
    finish();
    if (!error.isEmpty())
        return Result<bool>::failure(error);
    return false;
}

bool SqliteStatement::isNull(int column) const
{
#ifdef FLAGDECK_SYSTEM_SQLITE
    if (m_statement)
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
#endif
    return m_query.value(column).isNull();
}

qint64 SqliteStatement::integer(int column) const
{
#ifdef FLAGDECK_SYSTEM_SQLITE
    if (m_statement)
        return sqlite3_column_int64(m_statement, column);
#endif
    return m_query.value(column).toLongLong();
}

QByteArrayView SqliteStatement::text(int column) const
{
#ifdef FLAGDECK_SYSTEM_SQLITE
    if (m_statement) {
        const auto *characters = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QByteArrayView(characters, sqlite3_column_bytes(m_statement, column));
    }
#endif
    auto text = m_texts.find(column);
    if (text == m_texts.end())
        text = m_texts.insert(column, m_query.value(column).toString().toUtf8());
    return text.value();
}

void SqliteStatement::finish()
{
    m_stepping = false;
#ifdef FLAGDECK_SYSTEM_SQLITE
    if (m_statement) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        return;
    }
#endif
    m_query.finish();
}

qint64 SqliteStatement::lastInsertId() const
{
#ifdef FLAGDECK_SYSTEM_SQLITE
    if (m_statement)
        return sqlite3_last_insert_rowid(m_connection);
#endif
    return m_query.lastInsertId().toLongLong();
}
