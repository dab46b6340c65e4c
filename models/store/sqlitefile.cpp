#include "sqlitefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

SqliteFile::SqliteFile(const QString &owner)
    : m_connectionName(owner + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

SqliteFile::~SqliteFile()
{
    close();
}

void SqliteFile::close()
{
    if (m_database.isValid()) {
        m_database.close();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<void> SqliteFile::open(const QString &path)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("SqliteFile", text); };
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Result<void>::failure(tr("cannot create the folder for %1").arg(path));
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_database.setDatabaseName(path);
    // Several processes share these files (the console, flagdeck mcp, a second console): a writer
    // waits for another's transaction instead of failing at once.
    m_database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!m_database.open())
        return Result<void>::failure(tr("cannot open %1: %2").arg(path, m_database.lastError().text()));
    QSqlQuery pragma(m_database);
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        return Result<void>::failure(tr("cannot use %1: %2").arg(path, pragma.lastError().text()));
    return {};
}
