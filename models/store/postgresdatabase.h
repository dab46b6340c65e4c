#pragma once

#include "../core/result.h"

#include <QSqlDatabase>
#include <QString>

// Opens a QtSql connection (named connectionName) to a postgresql://user[:password]@host:port/db
// URL. Without a password in the URL, libpq reads PGPASSWORD, PGPASSFILE or ~/.pgpass, so no
// secret needs to be in a settings file. sslmode and sslrootcert are taken from the URL's query.
Result<QSqlDatabase> openPostgres(const QString &url, const QString &connectionName);
