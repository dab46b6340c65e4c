#include "connectionsettings.h"

#include <QSettings>
#include <QUuid>

namespace {

const QString GroupKey = QStringLiteral("connections");

} // namespace

ConnectionSettings::ConnectionSettings(QSettings &settings) : m_settings(settings) {}

QList<ConnectionConfig> ConnectionSettings::load() const
{
    QList<ConnectionConfig> connections;
    const int count = m_settings.beginReadArray(GroupKey);
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        const auto kind = connectionKindFromName(m_settings.value(QStringLiteral("kind")).toString());
        const QString id = m_settings.value(QStringLiteral("id")).toString();
        if (!kind || id.isEmpty()) {
            qWarning("settings: skipping connection %d, which has no valid kind or id", i);
            continue;
        }
        ConnectionConfig config;
        config.id = id;
        config.kind = *kind;
        config.displayName = m_settings.value(QStringLiteral("displayName"), id).toString();
        config.url = m_settings.value(QStringLiteral("url")).toUrl();
        config.evaluationUrl = m_settings.value(QStringLiteral("evaluationUrl")).toUrl();
        config.secretRef = m_settings.value(QStringLiteral("secretRef")).toString();
        config.metricsEnvironmentLabel =
            m_settings.value(QStringLiteral("metricsEnvironmentLabel"), config.metricsEnvironmentLabel).toString();
        config.metricsEnvironmentValue =
            m_settings.value(QStringLiteral("metricsEnvironmentValue"), config.metricsEnvironmentValue).toString();
        connections.append(config);
    }
    m_settings.endArray();
    return connections;
}

void ConnectionSettings::save(const QList<ConnectionConfig> &connections)
{
    m_settings.remove(GroupKey);
    m_settings.beginWriteArray(GroupKey, int(connections.size()));
    for (int i = 0; i < connections.size(); ++i) {
        const ConnectionConfig &config = connections.at(i);
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("id"), config.id);
        m_settings.setValue(QStringLiteral("kind"), connectionKindName(config.kind));
        m_settings.setValue(QStringLiteral("displayName"), config.displayName);
        m_settings.setValue(QStringLiteral("url"), config.url);
        if (!config.evaluationUrl.isEmpty())
            m_settings.setValue(QStringLiteral("evaluationUrl"), config.evaluationUrl);
        m_settings.setValue(QStringLiteral("secretRef"), config.secretRef);
        // Only a preference that differs from the default is written, so a later default applies.
        if (config.metricsEnvironmentLabel != ConnectionConfig().metricsEnvironmentLabel)
            m_settings.setValue(QStringLiteral("metricsEnvironmentLabel"), config.metricsEnvironmentLabel);
        if (config.metricsEnvironmentValue != ConnectionConfig().metricsEnvironmentValue)
            m_settings.setValue(QStringLiteral("metricsEnvironmentValue"), config.metricsEnvironmentValue);
    }
    m_settings.endArray();
    m_settings.sync();
}

ConnectionConfig ConnectionSettings::newSandbox(const QString &displayName)
{
    ConnectionConfig config;
    config.id = QStringLiteral("sandbox-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    config.kind = ConnectionConfig::Kind::Sandbox;
    config.displayName = displayName;
    return config;
}

ConnectionConfig ConnectionSettings::defaultSandbox(const QString &displayName)
{
    ConnectionConfig config = newSandbox(displayName);
    config.id = QStringLiteral("sandbox");
    return config;
}
