#include "keychainsecretstore.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

namespace {

const QString ServiceName = QStringLiteral("FlagDeck");

template<typename Job>
Job *prepare(const QString &name, QObject *parent)
{
    auto *job = new Job(ServiceName, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    return job;
}

QString keychainError(const QKeychain::Job *job)
{
    // errorString() names the backend's problem; it never contains the secret.
    return QCoreApplication::translate("KeychainSecretStore", "the OS keychain failed: %1").arg(job->errorString());
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent) : SecretStore(parent) {}

void KeychainSecretStore::readSecret(const QString &name, ReadCallback done)
{
    auto *job = prepare<QKeychain::ReadPasswordJob>(name, this);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError)
            done(Result<QString>::failure(keychainError(job)));
        else
            done(job->textData());
    });
    job->start();
}

void KeychainSecretStore::writeSecret(const QString &name, const QString &secret, WriteCallback done)
{
    auto *job = prepare<QKeychain::WritePasswordJob>(name, this);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        done(job->error() == QKeychain::NoError ? QString() : keychainError(job));
    });
    job->start();
}

void KeychainSecretStore::removeSecret(const QString &name, WriteCallback done)
{
    auto *job = prepare<QKeychain::DeletePasswordJob>(name, this);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        done(job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound ? QString()
                                                                                           : keychainError(job));
    });
    job->start();
}
