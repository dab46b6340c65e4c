#pragma once

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

// Answers TLS on 127.0.0.1 with a self-signed certificate no system trusts (fixtures/tls), so a
// client that verifies certificates, as FlagDeck's must, refuses it.
class UntrustedTlsServer : public QTcpServer
{
public:
    UntrustedTlsServer() { listen(QHostAddress::LocalHost, 0); }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(handle);
        socket->setLocalCertificate(QSslCertificate(fixture(QStringLiteral("localhost.crt"))));
        socket->setPrivateKey(QSslKey(fixture(QStringLiteral("localhost.key")), QSsl::Rsa));
        socket->startServerEncryption();
    }

private:
    static QByteArray fixture(const QString &name)
    {
        const QString folder = qEnvironmentVariable("FLAGDECK_FIXTURES", QStringLiteral(FLAGDECK_SOURCE_DIR "/tests/unit/fixtures"));
        QFile file(folder + QStringLiteral("/tls/") + name);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", qPrintable(file.fileName()));
        return file.readAll();
    }
};
