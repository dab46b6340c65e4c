#pragma once

#include "../core/connectionconfig.h"

#include <QObject>
#include <QTimer>

#include <memory>

class FlagServer;
class MemorySecretStore;

// Tries a connection that is not saved yet, with a token that is not stored yet: connects a
// throwaway backend and reports what it found, or the first failure in the backend's own words.
class ConnectionProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr int TimeoutMs = 20000;

    explicit ConnectionProbe(QObject *parent = nullptr);
    ~ConnectionProbe() override;

    // Stops an earlier probe; finished() comes exactly once per start.
    void start(const ConnectionConfig &config, const QString &token);
    bool isRunning() const { return m_server != nullptr; }

Q_SIGNALS:
    void finished(bool ok, const QString &summary);

private:
    void finish(bool ok, const QString &summary);

    std::unique_ptr<MemorySecretStore> m_secrets;
    FlagServer *m_server = nullptr;
    QTimer m_timeout;
    int m_flags = 0;
};
