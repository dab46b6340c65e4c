#include "servererror.h"

#include <QCoreApplication>

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ServerError)
};

} // namespace

QString ServerError::sentence() const
{
    QString advice;
    switch (kind) {
    case Kind::Unauthorized:
        advice = Text::tr("The server did not accept the credentials: check the token of this connection.");
        break;
    case Kind::Forbidden:
        advice = Text::tr("The token is valid but lacks the permission for this action: ask for a token with write access.");
        break;
    case Kind::NotFound:
        advice = Text::tr("The server does not know this flag or environment: it may have been renamed or deleted.");
        break;
    case Kind::Conflict:
        advice = Text::tr("The flag changed on the server since it was read: review its current state and try again.");
        break;
    case Kind::RateLimited:
        advice = Text::tr("The server is limiting requests: wait a moment and retry.");
        break;
    case Kind::Network:
        advice = Text::tr("The server could not be reached: check the network and the server address.");
        break;
    case Kind::Protocol:
        advice = Text::tr("The server answered with something FlagDeck cannot read: check the server version and URL.");
        break;
    case Kind::ServerFailure:
        advice = Text::tr("The server failed to carry out the request: retry, or check the server's logs.");
        break;
    case Kind::Unsupported:
        // The detail already names the version and what it lacks, which is the whole story.
        if (!detail.isEmpty())
            return detail;
        advice = Text::tr("This version of the server does not offer what this needs: a newer server version is required.");
        break;
    }
    return detail.isEmpty() ? advice : Text::tr("%1 (%2)").arg(advice, detail);
}

ServerError ServerError::fromHttpStatus(int status, const QString &detail)
{
    const QString withStatus = detail.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                                                : QStringLiteral("HTTP %1: %2").arg(status).arg(detail);
    switch (status) {
    case 401:
        return {Kind::Unauthorized, withStatus};
    case 403:
        return {Kind::Forbidden, withStatus};
    case 404:
        return {Kind::NotFound, withStatus};
    case 409:
    case 412:
        return {Kind::Conflict, withStatus};
    case 429:
        return {Kind::RateLimited, withStatus};
    default:
        break;
    }
    if (status >= 500)
        return {Kind::ServerFailure, withStatus};
    return {Kind::Protocol, withStatus};
}

QString ServerError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::NotFound:
        return QStringLiteral("not_found");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::RateLimited:
        return QStringLiteral("rate_limited");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Protocol:
        return QStringLiteral("protocol");
    case Kind::ServerFailure:
        return QStringLiteral("server_error");
    case Kind::Unsupported:
        return QStringLiteral("unsupported");
    }
    Q_UNREACHABLE();
}
