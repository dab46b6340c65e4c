#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

// Whose credentials a flag server sees when this console acts: the account the reviewer's token
// belongs to, as far as the server says it. A change approved by one person and sent with a
// colleague's token, or with a token a whole team shares, is recorded by the server under that
// other name; the review sheet and the audit entry say so.
struct TokenIdentity
{
    enum class Kind {
        Unknown,  // the server does not say (FeatBit's Open API), or has not said yet
        Personal, // a person's own token: account is that person
        Service,  // a token of its own (a service or shared token): account is the token's name
    };

    Kind kind = Kind::Unknown;
    QString server;  // the server's product: "FeatBit", "Unleash", "sandbox"
    QString account; // the person (name or e-mail), or the token's name
    QString type;    // the server's own word for the token: "admin", "backend", "personal access token", …
    QString note;    // when Unknown: why; otherwise how the server told it

    bool isTold() const { return kind != Kind::Unknown; }

    // "alice@example.com's personal access token", "the admin token it-admin", "a token FeatBit does
    // not name": for "sent with …".
    QString text() const;
    // Why this token does not show the reviewer as the one who acted; empty when it does. reviewer
    // is the decision's name (inbox role or account), otherNames what else the person is called
    // (a display name).
    QString warning(const QString &reviewer, const QStringList &otherNames = {}) const;

    // For the audit entry: {"kind", "account", "type"}.
    QJsonObject toJson() const;

    friend bool operator==(const TokenIdentity &, const TokenIdentity &) = default;
};

Q_DECLARE_METATYPE(TokenIdentity)

// What Unleash's GET /api/admin/user answers about the token it was asked with: for an API token
// (admin, client, frontend) the token's name and type; for a personal access token the user.
TokenIdentity unleashTokenIdentity(const QJsonObject &me);
