#include "connectionconfig.h"

#include "enumnames.h"

QString connectionKindName(ConnectionConfig::Kind kind)
{
    switch (kind) {
    case ConnectionConfig::Kind::Sandbox:
        return QStringLiteral("sandbox");
    case ConnectionConfig::Kind::FeatBit:
        return QStringLiteral("featbit");
    case ConnectionConfig::Kind::Unleash:
        return QStringLiteral("unleash");
    }
    Q_UNREACHABLE();
}

std::optional<ConnectionConfig::Kind> connectionKindFromName(const QString &name)
{
    return enumFromName(name, {ConnectionConfig::Kind::Sandbox, ConnectionConfig::Kind::FeatBit, ConnectionConfig::Kind::Unleash},
                        connectionKindName);
}

QString ConnectionConfig::metricsEnvironmentOf(const QString &environment) const
{
    QString value = metricsEnvironmentValue;
    return value.replace(QLatin1String("$environment"), environment)
        .replace(QLatin1String("$name"), environment.section(QLatin1Char('/'), -1));
}
