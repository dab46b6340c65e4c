#pragma once

#include "featbitpayloads.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>

class RestClient;

// One environment's live changes from FeatBit's evaluation server: the WebSocket stream
// (type=server, a fresh connection token each time), data-sync with the newest timestamp held,
// a ping every 15 s, reconnection with growing, jittered delays after any close but 4003 — which
// means a wrong secret or a clock more than 30 s off, and stops. While the stream cannot be
// opened (a proxy that drops WebSockets), it polls the server's latest-all endpoint instead.
class FeatBitStream : public QObject
{
    Q_OBJECT

public:
    static constexpr int PingIntervalMs = 15000;
    static constexpr int FirstRetryMs = 1000;
    static constexpr int MaxRetryMs = 60000;
    static constexpr int PollIntervalMs = 5000;
    static constexpr int FailuresBeforePolling = 2;
    static constexpr qint64 MaxMessageBytes = 64LL * 1024 * 1024;

    // syncTimestamp: the newest updatedAt (ms) held for the environment, 0 for none.
    FeatBitStream(const QUrl &evaluationUrl, const QString &secret, std::function<qint64()> syncTimestamp,
                  QObject *parent = nullptr);
    ~FeatBitStream() override;

    void start();
    void stop();
    bool isOpen() const { return m_open; }
    bool isPolling() const { return m_poll.isActive(); }
    void setPollInterval(int milliseconds) { m_poll.setInterval(milliseconds > 0 ? milliseconds : PollIntervalMs); }
    int pollInterval() const { return m_poll.interval(); }

Q_SIGNALS:
    void received(const FeatBitPayloads::DataSync &sync);
    // Changes arrive again (the stream opened, or polling answered).
    void live();
    // Not arriving for now; it keeps trying.
    void interrupted(const QString &reason);
    // Refused for good (4003, or the secret rejected by polling); nothing more is tried.
    void refused(const QString &reason);

private:
    void open();
    void onMessage(const QString &message);
    void onClosed();
    void retryLater(const QString &reason);
    void poll();

    QUrl m_streamUrl;
    RestClient *m_rest;
    QString m_secret;
    std::function<qint64()> m_syncTimestamp;
    QWebSocket m_socket;
    QTimer m_ping;
    QTimer m_retry;
    QTimer m_poll;
    int m_failures = 0;
    bool m_open = false;
    bool m_synced = false; // a data-sync arrived on the open connection
    bool m_stopped = true;
};
