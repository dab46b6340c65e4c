#pragma once

#include "testchildprocess.h"

#include <QByteArray>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QUuid>

// A desktop's keychain for one test process, on 127.0.0.1's own machine and nowhere else: a private
// D-Bus session bus (dbus-daemon, Debian's dbus-daemon package) that activates nothing by itself,
// and on it, when asked, a real Secret Service (gnome-keyring-daemon, Debian's gnome-keyring),
// its login keyring made and unlocked with a password given on standard input. The test process
// uses the bus from then on (DBUS_SESSION_BUS_ADDRESS), and so does every child it starts.
// Both daemons end with the test, however it ends. Use it before anything in the process has
// touched the session bus: libsecret keeps its first connection for the life of the process.
//
// Also an independent reader of what the Secret Service holds (its own D-Bus calls, not
// QtKeychain's), to tell a real keychain entry from something a store kept in memory.
class SecretServiceSession
{
public:
    static inline const QByteArray KeyringPassword = QByteArrayLiteral("flagdeck-test-keyring-password");
    static inline const QString SecretsService = QStringLiteral("org.freedesktop.secrets");

    SecretServiceSession() { qDBusRegisterMetaType<QMap<QString, QString>>(); }

    ~SecretServiceSession()
    {
        // The keyring first: it leaves the bus it is on.
        for (QProcess *process : {&m_keyring, &m_bus}) {
            if (process->state() != QProcess::NotRunning) {
                process->terminate();
                if (!process->waitForFinished(5000))
                    process->kill();
                process->waitForFinished(2000);
            }
        }
        if (!m_connectionName.isEmpty())
            QDBusConnection::disconnectFromBus(m_connectionName);
    }

    // No session bus at all, as on a server or in a bare container: nothing to ask for secrets.
    // Returns an error text when a bus could still be found: GLib also looks for
    // $XDG_RUNTIME_DIR/bus (the test's own runtime folder has none).
    static QString withoutBus()
    {
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        // Without a display, dbus-launch starts no bus for X11 either.
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        const QString socket = qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/bus");
        return QFile::exists(socket) ? QStringLiteral("%1 is a session bus").arg(socket) : QString();
    }

    // A session bus on which nothing owns or can activate org.freedesktop.secrets. Returns an error
    // text, empty once this process's DBUS_SESSION_BUS_ADDRESS names it.
    QString startBus(const QString &folder)
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            return QStringLiteral("dbus-daemon is not installed (Debian package dbus-daemon; the test set-up installs it)");
        const QString config = QDir(folder).filePath(QStringLiteral("session-bus.conf"));
        QFile file(config);
        // A session bus as Debian's, less its service folders: nothing is started on demand.
        const QByteArray text = "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                                " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                                "<busconfig>\n  <type>session</type>\n  <listen>unix:dir="
                                + folder.toUtf8()
                                + "</listen>\n  <policy context=\"default\">\n    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                                  "    <allow eavesdrop=\"true\"/>\n    <allow own=\"*\"/>\n  </policy>\n</busconfig>\n";
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return QStringLiteral("cannot write %1").arg(config);
        file.close();
        TestChildProcess::endWithTest(m_bus);
        m_bus.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_bus.start(daemon, {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        if (!m_bus.waitForStarted(10000))
            return QStringLiteral("dbus-daemon did not start: ") + m_bus.errorString();
        const QDeadlineTimer deadline(10000);
        while (!m_bus.canReadLine() && !deadline.hasExpired()) {
            if (!m_bus.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
                break;
        }
        m_address = QString::fromUtf8(m_bus.readLine().trimmed());
        if (m_address.isEmpty())
            return QStringLiteral("dbus-daemon gave no address");
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
        m_connectionName = QStringLiteral("secret-service-check-") + QUuid::createUuid().toString(QUuid::Id128);
        if (!bus().isConnected())
            return QStringLiteral("cannot connect to the test's session bus: ") + bus().lastError().message();
        return {};
    }

    // gnome-keyring-daemon's Secret Service on the bus, its keyrings in keyringFolder (made with
    // KeyringPassword the first time, unlocked with it afterwards). Returns an error text, empty
    // once org.freedesktop.secrets answers.
    QString startKeyring(const QString &keyringFolder)
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        if (daemon.isEmpty())
            return QStringLiteral("gnome-keyring-daemon is not installed (Debian package gnome-keyring; the test set-up installs it)");
        if (m_address.isEmpty())
            return QStringLiteral("start the bus first");
        QDir().mkpath(keyringFolder + QStringLiteral("/keyrings"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // gnome-keyring keeps its keyrings in $XDG_DATA_HOME/keyrings.
        environment.insert(QStringLiteral("XDG_DATA_HOME"), keyringFolder);
        m_keyring.setProcessEnvironment(environment);
        m_keyring.setProcessChannelMode(QProcess::ForwardedChannels);
        TestChildProcess::endWithTest(m_keyring);
        // --foreground: no fork, so the daemon stays the test's own child and ends with it.
        m_keyring.start(daemon, {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        if (!m_keyring.waitForStarted(10000))
            return QStringLiteral("gnome-keyring-daemon did not start: ") + m_keyring.errorString();
        m_keyring.write(KeyringPassword);
        m_keyring.closeWriteChannel();
        const QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired()) {
            if (bus().interface()->isServiceRegistered(SecretsService))
                return {};
            if (m_keyring.waitForFinished(50))
                return QStringLiteral("gnome-keyring-daemon stopped (exit code %1)").arg(m_keyring.exitCode());
        }
        return QStringLiteral("gnome-keyring-daemon did not take org.freedesktop.secrets in 15 s");
    }

    // The bus and on it the Secret Service, with a new login keyring each run in the test's HOME
    // (where the leak checks look for tokens). Returns an error text, empty once it answers.
    QString startWithNewKeyring(const QString &busFolder)
    {
        const QString keyrings = QDir::home().filePath(QStringLiteral(".local/share"));
        QDir(keyrings + QStringLiteral("/keyrings")).removeRecursively();
        if (const QString error = startBus(busFolder); !error.isEmpty())
            return error;
        return startKeyring(keyrings);
    }

    QString address() const { return m_address; }
    qint64 keyringProcessId() const { return m_keyring.processId(); }

    // The Secret Service's items with these attributes (QtKeychain's: server = the service name,
    // user = the key), unlocked and locked together.
    QList<QDBusObjectPath> items(const QMap<QString, QString> &attributes) const
    {
        QDBusInterface service(SecretsService, QStringLiteral("/org/freedesktop/secrets"),
                               QStringLiteral("org.freedesktop.Secret.Service"), bus());
        const QDBusMessage reply = service.call(QStringLiteral("SearchItems"), QVariant::fromValue(attributes));
        QList<QDBusObjectPath> found;
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2)
            return found;
        for (const QVariant &list : reply.arguments())
            found += qdbus_cast<QList<QDBusObjectPath>>(list.value<QDBusArgument>());
        return found;
    }

    // The secret of an item, asked of the Secret Service itself over a plain session.
    QByteArray secret(const QDBusObjectPath &item) const
    {
        QDBusInterface service(SecretsService, QStringLiteral("/org/freedesktop/secrets"),
                               QStringLiteral("org.freedesktop.Secret.Service"), bus());
        const QDBusMessage opened = service.call(QStringLiteral("OpenSession"), QStringLiteral("plain"),
                                                 QVariant::fromValue(QDBusVariant(QString())));
        if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() != 2)
            return {};
        const QDBusObjectPath session = opened.arguments().at(1).value<QDBusObjectPath>();
        QDBusInterface entry(SecretsService, item.path(), QStringLiteral("org.freedesktop.Secret.Item"), bus());
        const QDBusMessage reply = entry.call(QStringLiteral("GetSecret"), QVariant::fromValue(session));
        QDBusInterface(SecretsService, session.path(), QStringLiteral("org.freedesktop.Secret.Session"), bus())
            .call(QStringLiteral("Close"));
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
            return {};
        // (o session, ay parameters, ay value, s content type)
        const QDBusArgument structure = reply.arguments().at(0).value<QDBusArgument>();
        QDBusObjectPath from;
        QByteArray parameters;
        QByteArray value;
        QString contentType;
        structure.beginStructure();
        structure >> from >> parameters >> value >> contentType;
        structure.endStructure();
        return value;
    }

private:
    QDBusConnection bus() const { return QDBusConnection::connectToBus(m_address, m_connectionName); }

    QProcess m_bus;
    QProcess m_keyring;
    QString m_address;
    QString m_connectionName;
};
