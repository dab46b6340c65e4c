#include "tokenidentity.h"

#include <QCoreApplication>
#include <QStringList>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TokenIdentity)
};

// "alice@example.com" and "alice" name the same person; so do "Alice" and "alice".
bool sameName(const QString &account, const QString &name)
{
    const QString a = account.trimmed();
    const QString b = name.trimmed();
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (a.compare(b, Qt::CaseInsensitive) == 0)
        return true;
    const QString local = a.section(QLatin1Char('@'), 0, 0);
    return a.contains(QLatin1Char('@')) && local.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

QString TokenIdentity::text() const
{
    const QString serverName = server.isEmpty() ? Text::tr("flag server") : server;
    switch (kind) {
    case Kind::Personal:
        return Text::tr("%1's %2 token").arg(account, serverName);
    case Kind::Service:
        return type.isEmpty() ? Text::tr("the shared %1 token %2").arg(serverName, account)
                              : Text::tr("the shared %1 %2 token %3").arg(serverName, type, account);
    case Kind::Unknown:
        break;
    }
    return Text::tr("a %1 token whose owner the server does not say").arg(serverName);
}

QString TokenIdentity::warning(const QString &reviewer, const QStringList &otherNames) const
{
    switch (kind) {
    case Kind::Service:
        return Text::tr("the token is a shared %1 token (%2): the flag server records the change under %2, "
                        "not under %3")
            .arg(type.isEmpty() ? Text::tr("service") : type, account, reviewer);
    case Kind::Personal: {
        if (sameName(account, reviewer))
            return {};
        for (const QString &name : otherNames) {
            if (sameName(account, name))
                return {};
        }
        return Text::tr("the token belongs to %1, not to %2: the flag server records the change under %1")
            .arg(account, reviewer);
    }
    case Kind::Unknown:
        break;
    }
    return note.isEmpty() ? Text::tr("the flag server does not say whose token this is") : note;
}

QJsonObject TokenIdentity::toJson() const
{
    static const char *const kinds[] = {"unknown", "personal", "service"};
    QJsonObject object{{QStringLiteral("kind"), QLatin1String(kinds[int(kind)])}};
    if (!server.isEmpty())
        object.insert(QStringLiteral("server"), server);
    if (!account.isEmpty())
        object.insert(QStringLiteral("account"), account);
    if (!type.isEmpty())
        object.insert(QStringLiteral("type"), type);
    return object;
}

TokenIdentity unleashTokenIdentity(const QJsonObject &me)
{
    TokenIdentity identity;
    identity.server = QStringLiteral("Unleash");
    const QJsonObject user = me.value(QStringLiteral("user")).toObject();
    if (user.isEmpty()) {
        identity.note = Text::tr("Unleash did not say whose token this is");
        return identity;
    }
    // An API token's user has no id; Unleash names it by the token's name and gives its type.
    const QString type = user.value(QStringLiteral("type")).toString();
    const QString username = user.value(QStringLiteral("username")).toString();
    const bool isPerson = user.value(QStringLiteral("id")).isDouble() && user.value(QStringLiteral("id")).toDouble() > 0;
    if (!isPerson) {
        if (username.isEmpty()) {
            identity.note = Text::tr("Unleash did not say whose token this is");
            return identity;
        }
        identity.kind = TokenIdentity::Kind::Service;
        identity.account = username;
        identity.type = type.isEmpty() ? Text::tr("API") : type;
        identity.note = Text::tr("Unleash: an API token");
        return identity;
    }
    identity.kind = TokenIdentity::Kind::Personal;
    for (const char *field : {"email", "username", "name"}) {
        const QString value = user.value(QLatin1String(field)).toString().trimmed();
        if (!value.isEmpty()) {
            identity.account = value;
            break;
        }
    }
    if (identity.account.isEmpty())
        identity.account = Text::tr("user %1").arg(user.value(QStringLiteral("id")).toInteger());
    identity.type = Text::tr("personal access");
    identity.note = Text::tr("Unleash: a user's personal access token");
    return identity;
}
