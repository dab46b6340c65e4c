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
    // Where the telemetry of this server's applications names a flag's environment, for guardrail
    // queries: a Prometheus label (empty: it names none, so the values mix every environment) and
    // its value, in which $environment is the environment as FlagDeck writes it and $name its part
    // after the last '/' (a FeatBit or Unleash environment's own key).
    QString metricsEnvironmentLabel = QStringLiteral("feature_flag_set_id");
    QString metricsEnvironmentValue = QStringLiteral("$environment");

    // The value the telemetry gives this environment.
    QString metricsEnvironmentOf(const QString &environment) const;

    friend bool operator==(const ConnectionConfig &, const ConnectionConfig &) = default;
};

QString connectionKindName(ConnectionConfig::Kind kind);
std::optional<ConnectionConfig::Kind> connectionKindFromName(const QString &name);
