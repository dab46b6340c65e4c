#pragma once

#include "postgresserver.h"
#include "store/proposalinbox.h"

#include <QUrl>

#include <utility>

// Creates a login role, unless the server (roles belong to the whole server) has one of that name.
inline QString createRoleStatement(const QString &role)
{
    return QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') "
                          "THEN CREATE ROLE %1 LOGIN; END IF; END $$")
        .arg(role);
}

// A new team inbox on a real PostgreSQL, made as a team makes one: its owner's first open creates
// the schema, then each role is created (see createRoleStatement) and given its grants, e.g.
// ProposalInbox::agentRoleStatements. Gives the database's name, for PostgresServer::url.
inline Result<QString> createTeamInbox(PostgresServer &postgres, const QList<std::pair<QString, QStringList>> &roles)
{
    const QString owner = postgres.createDatabase();
    const QString database = QUrl(owner).path().mid(1);
    {
        ProposalInbox inbox;
        if (const Result<void> opened = inbox.open(owner); !opened)
            return Result<QString>::failure(opened.error());
    }
    QStringList setup;
    for (const auto &[role, grants] : roles) {
        setup.append(createRoleStatement(role));
        setup += grants;
    }
    if (const QString error = postgres.execute(database, setup); !error.isEmpty())
        return Result<QString>::failure(error);
    return database;
}
