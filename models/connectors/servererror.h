#pragma once

#include <QString>

// The one error taxonomy every backend maps its failures to.
struct ServerError
{
    // Unsupported: the server's version does not offer the API a request needs (as opposed to
    // NotFound: the flag or environment the request names is not there).
    enum class Kind { Unauthorized, Forbidden, NotFound, Conflict, RateLimited, Network, Protocol, ServerFailure, Unsupported };

    Kind kind = Kind::ServerFailure;
    QString detail; // what the server or the socket said; never contains a token

    // A sentence a person can act on, e.g. "The server rejected the token: check it in
    // Connections (HTTP 401)."
    QString sentence() const;

    static ServerError fromHttpStatus(int status, const QString &detail);
    static QString kindName(Kind kind);

    friend bool operator==(const ServerError &, const ServerError &) = default;
};
