#pragma once

#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpServer>

// A port on 127.0.0.1 for a server a test starts, free when asked. It is taken below Linux's
// ephemeral range (32768 and up): the kernel gives ports from that range to the client side of
// connections, and with tests running in parallel one of those took a port chosen there between
// the choice and the server's listen (EADDRINUSE).
inline quint16 listenPort()
{
    constexpr quint16 First = 20000;
    constexpr quint16 Last = 32767;
    QTcpServer probe;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const auto port = quint16(QRandomGenerator::global()->bounded(int(First), int(Last) + 1));
        if (probe.listen(QHostAddress::LocalHost, port))
            return port;
    }
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
