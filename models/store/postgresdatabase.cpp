#include "postgresdatabase.h"

#include "proposalinbox.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProposalInbox)
};

constexpr int ConnectTimeoutSeconds = 5;

} // namespace

Result<QSqlDatabase> openPostgres(const QString &location, const QString &connectionName)
{
    const QUrl url(location);
    if (!ProposalInbox::isPostgresUrl(location) || !url.isValid() || url.host().isEmpty() || url.path().size() < 2)
        return Result<QSqlDatabase>::failure(
            Text::tr("%1 is not a PostgreSQL URL of the form postgresql://user@host:port/database")
                .arg(ProposalInbox::displayLocation(location)));
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    database.setHostName(url.host());
    database.setPort(url.port(5432));
    database.setDatabaseName(url.path().mid(1));
    database.setUserName(url.userName());
    if (!url.password().isEmpty())
        database.setPassword(url.password());
    QStringList options = {QStringLiteral("connect_timeout=%1").arg(ConnectTimeoutSeconds)};
    const QUrlQuery query(url);
    for (const QString &option : {QStringLiteral("sslmode"), QStringLiteral("sslrootcert")}) {
        if (query.hasQueryItem(option))
            options.append(option + QLatin1Char('=') + query.queryItemValue(option));
    }
    database.setConnectOptions(options.join(QLatin1Char(';')));
    if (!database.open()) {
        const QString error = Text::tr("cannot open the inbox %1: %2")
                                  .arg(ProposalInbox::displayLocation(location), database.lastError().text());
        database = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return Result<QSqlDatabase>::failure(error);
    }
    return database;
}
