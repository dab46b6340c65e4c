#pragma once

#include "secretstore.h"

#include <QHash>

// Secrets in memory only, answering on the next event-loop turn like a keychain would.
// For tests and for sessions that must not touch the OS keychain.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    void readSecret(const QString &name, ReadCallback done) override;
    void writeSecret(const QString &name, const QString &secret, WriteCallback done) override;
    void removeSecret(const QString &name, WriteCallback done) override;

private:
    QHash<QString, QString> m_secrets;
};
