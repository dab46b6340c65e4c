#pragma once

#include "secretstore.h"

#include <QHash>

// Tokens read from files, for a service that has no keychain session (`flagdeck guard` under
// systemd's LoadCredential=, or any file a team provisions). Read-only: a guard never stores a
// token. A file that its group or others may read is refused, and no token is ever put in a message.
class FileSecretStore : public SecretStore
{
    Q_OBJECT

public:
    static constexpr qint64 MaxTokenBytes = 64 * 1024;

    explicit FileSecretStore(QObject *parent = nullptr);

    // The secret called name (a connection's secretRef) is read from path. Checks the file now, so
    // a bad one stops a guard at its start rather than at its first request.
    Result<void> addFile(const QString &name, const QString &path);

    void readSecret(const QString &name, ReadCallback done) override;
    void writeSecret(const QString &name, const QString &secret, WriteCallback done) override;
    void removeSecret(const QString &name, WriteCallback done) override;

    // The token in path, checked: a regular file, readable by its owner only, not empty.
    static Result<QString> readTokenFile(const QString &path);
    // Writes a token file that only its owner may read (created so, not narrowed afterwards).
    static Result<void> writeTokenFile(const QString &path, const QString &token);

private:
    QHash<QString, QString> m_paths;
};
