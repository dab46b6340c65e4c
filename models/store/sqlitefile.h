#pragma once

#include "../core/result.h"

#include <QSqlDatabase>
#include <QString>

// One SQLite file opened under its own connection name, so each owner (and thread) has its own
// connection. Closing removes the connection from Qt's registry.
class SqliteFile
{
public:
    explicit SqliteFile(const QString &owner);
    ~SqliteFile();
    SqliteFile(const SqliteFile &) = delete;
    SqliteFile &operator=(const SqliteFile &) = delete;

    // Creates the folder if needed, opens the file in WAL mode.
    Result<void> open(const QString &path);
    void close();
    bool isOpen() const { return m_database.isValid() && m_database.isOpen(); }
    QSqlDatabase &database() { return m_database; }
    const QSqlDatabase &database() const { return m_database; }

private:
    QString m_connectionName;
    QSqlDatabase m_database;
};
