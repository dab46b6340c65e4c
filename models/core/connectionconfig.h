#pragma once

#include <QString>
#include <QUrl>

// One configured flag server. Holds only a reference to its secret (a keychain entry name),
// never the secret itself, so it can live in QSettings.
struct ConnectionConfig
{
    enum class Kind { Sandbox, FeatBit, Unleash };

    QString id; // stable, generated once
    Kind kind = Kind::Sandbox;
    QString displayName;
    QUrl url;           // the server's API
    QUrl evaluationUrl; // FeatBit's evaluation server, which streams changes; empty for others
    QString secretRef;

    friend bool operator==(const ConnectionConfig &, const ConnectionConfig &) = default;
};

QString connectionKindName(ConnectionConfig::Kind kind);
std::optional<ConnectionConfig::Kind> connectionKindFromName(const QString &name);
