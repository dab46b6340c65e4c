#pragma once

#include "../core/connectionconfig.h"

#include <QList>

class QSettings;

// Configured connections in QSettings. Only what is safe to keep in a plain file is written:
// secrets stay in the SecretStore, referenced by name.
class ConnectionSettings
{
public:
    explicit ConnectionSettings(QSettings &settings);

    QList<ConnectionConfig> load() const;
    void save(const QList<ConnectionConfig> &connections);

    static ConnectionConfig newSandbox(const QString &displayName);
    // The sandbox a first start opens; its fixed id keeps its data across restarts.
    static ConnectionConfig defaultSandbox(const QString &displayName);

private:
    QSettings &m_settings;
};
