#include "filesecretstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FileSecretStore)
};

} // namespace

FileSecretStore::FileSecretStore(QObject *parent) : SecretStore(parent) {}

Result<QString> FileSecretStore::readTokenFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Result<QString>::failure(Text::tr("the token file %1 does not exist").arg(path));
    if (!info.isFile())
        return Result<QString>::failure(Text::tr("the token file %1 is not a regular file").arg(path));
    if (info.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther))
        return Result<QString>::failure(
            Text::tr("the token file %1 may be read by others: allow its owner only (chmod 600 or 400)").arg(path));
    if (info.size() > MaxTokenBytes)
        return Result<QString>::failure(Text::tr("the token file %1 is too large to hold a token").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QString>::failure(Text::tr("cannot read the token file %1: %2").arg(path, file.errorString()));
    const QString token = QString::fromUtf8(file.read(MaxTokenBytes)).trimmed();
    if (token.isEmpty())
        return Result<QString>::failure(Text::tr("the token file %1 is empty").arg(path));
    return token;
}

Result<void> FileSecretStore::writeTokenFile(const QString &path, const QString &token)
{
    QFile file(path);
    // Empty while its permissions are narrowed: the token is written only once only its owner may read.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Result<void>::failure(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    if (!file.resize(0) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
        return Result<void>::failure(Text::tr("cannot make %1 readable by its owner only").arg(path));
    const QByteArray bytes = token.toUtf8() + '\n';
    if (file.write(bytes) != bytes.size() || !file.flush())
        return Result<void>::failure(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Result<void> FileSecretStore::addFile(const QString &name, const QString &path)
{
    const Result<QString> token = readTokenFile(path);
    if (!token)
        return Result<void>::failure(token.error());
    m_paths.insert(name, path);
    return {};
}

void FileSecretStore::readSecret(const QString &name, ReadCallback done)
{
    // Read again each time: a rotated token file is picked up on the next connection.
    const QString path = m_paths.value(name);
    Result<QString> token = path.isEmpty()
                                ? Result<QString>::failure(Text::tr("no token file is given for %1").arg(name))
                                : readTokenFile(path);
    QTimer::singleShot(0, this, [done = std::move(done), token = std::move(token)]() mutable { done(std::move(token)); });
}

void FileSecretStore::writeSecret(const QString &name, const QString &, WriteCallback done)
{
    const QString error = Text::tr("tokens for %1 are read from a file here; change the file instead").arg(name);
    QTimer::singleShot(0, this, [done = std::move(done), error] { done(error); });
}

void FileSecretStore::removeSecret(const QString &name, WriteCallback done)
{
    writeSecret(name, {}, std::move(done));
}
