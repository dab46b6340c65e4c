#pragma once

#include <algorithm>

#include <QHash>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

// A stand-in HTTP server on 127.0.0.1 that answers each path with whatever the test set, however
// wrong: for the failure paths a real server never takes. One request per connection.
class FakeHttpServer : public QObject
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
    };

    FakeHttpServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    // Paths without their query; unknown paths answer 404.
    void answer(const QString &path, int status, const QByteArray &body) { m_answers.insert(path, {status, body}); }
    int requestsFor(const QString &path) const { return m_requests.value(path); }
    // Every path without an answer of its own gets this one instead of 404.
    void answerOthers(int status, const QByteArray &body) { m_otherwise = {status, body}; }
    int requests() const
    {
        int total = 0;
        for (const int count : m_requests)
            total += count;
        return total;
    }
    // Each answer after this long, as a busy server gives it.
    void setAnswerDelay(int milliseconds) { m_delayMs = milliseconds; }
    // The most requests it held unanswered at one time.
    int mostAtOnce() const { return m_mostAtOnce; }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        const QString path = requestLine.size() > 1 ? QUrl(QString::fromLatin1(requestLine.at(1))).path() : QString();
        m_buffers.remove(socket);
        ++m_requests[path];
        const Answer answer = m_answers.value(path, m_otherwise);
        m_mostAtOnce = std::max(m_mostAtOnce, ++m_unanswered);
        QTimer::singleShot(m_delayMs, socket, [this, socket, answer] {
            --m_unanswered;
            socket->write("HTTP/1.1 " + QByteArray::number(answer.status) + " Fake\r\nContent-Type: application/json\r\n"
                          "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n"
                          + answer.body);
            socket->disconnectFromHost();
        });
    }

    QTcpServer m_server;
    QHash<QString, Answer> m_answers;
    Answer m_otherwise{404, QByteArrayLiteral("{\"message\":\"not here\"}")};
    QHash<QString, int> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_delayMs = 0;
    int m_unanswered = 0;
    int m_mostAtOnce = 0;
};
