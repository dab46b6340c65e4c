#pragma once

#include "secretstore.h"

// Tokens in the OS keychain through QtKeychain (Secret Service or KWallet on Linux, Keychain on
// macOS, Credential Manager on Windows). Never falls back to a plain-text file.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);

    void readSecret(const QString &name, ReadCallback done) override;
    void writeSecret(const QString &name, const QString &secret, WriteCallback done) override;
    void removeSecret(const QString &name, WriteCallback done) override;
    // Looks up an entry that is never written: "not found" means a keychain answered.
    void checkAvailable(CheckCallback done) override;

    // A keychain failure (a QKeychain::Error and the backend's own text) as a person can act on it:
    // what to install, start or unlock, with the raw text after.
    static QString describeError(int error, const QString &raw);
    // The answer to checkAvailable() for a failed lookup: empty when the keychain answered.
    static QString describeAvailability(int error, const QString &raw);
};
