#include "keychainsecretstore.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

namespace {

const QString ServiceName = QStringLiteral("FlagDeck");
// Never written: looking it up asks the keychain a question it can only answer by being there.
const QString AvailabilityProbe = QStringLiteral("availability-check");

// A job has no parent: it outlives the store that started it. Deleted with its store, a job that
// had not run yet never ran (a removed connection's token stayed in the keyring), and one whose
// question was out crashed the process when the answer came: QtKeychain's Secret Service backend
// calls back into the job whatever happened to it meanwhile. Once the store is gone, its
// connection to the job is gone too, so nothing is told the answer; the job deletes itself.
template<typename Job>
Job *prepare(const QString &name)
{
    auto *job = new Job(ServiceName);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    return job;
}

QString keychainError(const QKeychain::Job *job)
{
    return KeychainSecretStore::describeError(job->error(), job->errorString());
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent) : SecretStore(parent) {}

QString KeychainSecretStore::describeError(int error, const QString &raw)
{
    QString sentence;
    switch (error) {
    case QKeychain::EntryNotFound:
        sentence = tr("no token is stored in the OS keychain for this connection: enter it again in the "
                      "connection's settings");
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        sentence = tr("the OS keychain refused access: unlock it (or allow FlagDeck in it) and try again");
        break;
    case QKeychain::CouldNotDeleteEntry:
        sentence = tr("the OS keychain could not delete the token: remove the FlagDeck entry in the keychain's own "
                      "program");
        break;
    default:
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
        // On Linux nearly every other failure is the same: no Secret Service on the session bus.
        sentence = tr("the OS keychain cannot be reached: FlagDeck keeps tokens in a Secret Service such as GNOME "
                      "Keyring or KWallet, over a D-Bus session. Install and start one (e.g. the gnome-keyring "
                      "package) and run FlagDeck in a desktop session, or, without a desktop, inside "
                      "dbus-run-session with an unlocked keyring; a server runs flagdeck guard with token files instead");
#else
        sentence = tr("the OS keychain failed: check that it is unlocked and that FlagDeck may use it");
#endif
        break;
    }
    // The backend's own words last, for whoever debugs it; they name the problem, never the secret.
    return raw.isEmpty() ? sentence : tr("%1 (the keychain said: %2)").arg(sentence, raw);
}

QString KeychainSecretStore::describeAvailability(int error, const QString &raw)
{
    QString sentence;
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        sentence = tr("The OS keychain is locked or refused access, so tokens cannot be stored. Unlock it (or allow "
                      "FlagDeck in it) and open this dialog again.");
        break;
    default:
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
        sentence = tr("No secret service is running, so tokens cannot be stored. Install gnome-keyring (or KeePassXC "
                      "with its Secret Service integration, or KWallet) and sign in again.");
#else
        sentence = tr("The OS keychain cannot be reached, so tokens cannot be stored. Check that it is unlocked and "
                      "that FlagDeck may use it.");
#endif
        break;
    }
    return raw.isEmpty() ? sentence : tr("%1 (the keychain said: %2)").arg(sentence, raw);
}

void KeychainSecretStore::checkAvailable(CheckCallback done)
{
    auto *job = prepare<QKeychain::ReadPasswordJob>(AvailabilityProbe);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        done(describeAvailability(job->error(), job->errorString()));
    });
    job->start();
}

void KeychainSecretStore::readSecret(const QString &name, ReadCallback done)
{
    auto *job = prepare<QKeychain::ReadPasswordJob>(name);
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
    auto *job = prepare<QKeychain::WritePasswordJob>(name);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        done(job->error() == QKeychain::NoError ? QString() : keychainError(job));
    });
    job->start();
}

void KeychainSecretStore::removeSecret(const QString &name, WriteCallback done)
{
    auto *job = prepare<QKeychain::DeletePasswordJob>(name);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        done(job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound ? QString()
                                                                                           : keychainError(job));
    });
    job->start();
}
