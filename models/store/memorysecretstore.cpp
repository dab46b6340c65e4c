#include "memorysecretstore.h"

#include <QCoreApplication>
#include <QTimer>

MemorySecretStore::MemorySecretStore(QObject *parent) : SecretStore(parent) {}

void MemorySecretStore::readSecret(const QString &name, ReadCallback done)
{
    QTimer::singleShot(0, this, [this, name, done = std::move(done)] {
        const auto found = m_secrets.constFind(name);
        if (found == m_secrets.constEnd())
            done(Result<QString>::failure(
                QCoreApplication::translate("MemorySecretStore", "no secret named %1 is stored").arg(name)));
        else
            done(*found);
    });
}

void MemorySecretStore::writeSecret(const QString &name, const QString &secret, WriteCallback done)
{
    m_secrets.insert(name, secret);
    QTimer::singleShot(0, this, [done = std::move(done)] { done(QString()); });
}

void MemorySecretStore::removeSecret(const QString &name, WriteCallback done)
{
    m_secrets.remove(name);
    QTimer::singleShot(0, this, [done = std::move(done)] { done(QString()); });
}
