#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class AuditWriter;
class FlagServer;

// Keeps one server's history in the audit cache: from the cursor stored with the last committed
// page, it pages until caught up, then again on an interval and soon after a live change. Pages
// go to the writer together with their cursor, so a process killed at any moment resumes from
// exactly what was committed: nothing lost, nothing twice.
class AuditSync : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 30000;
    static constexpr int ChangeDelayMs = 500;
    static constexpr int MaxRetryDelayMs = 60000;

    AuditSync(FlagServer *server, AuditWriter *writer, QObject *parent = nullptr);

    void setInterval(int milliseconds) { m_interval.setInterval(milliseconds); }
    // Begins from the stored cursor; later calls sync now.
    void start();
    // Something changed on the server: fetch its history shortly (changes in a burst share one fetch).
    void syncSoon();

    bool isCaughtUp() const { return m_caughtUp; }
    qint64 entriesFetched() const { return m_entriesFetched; }

Q_SIGNALS:
    void caughtUp();
    void failed(const QString &reason);

private:
    void fetchNext();

    FlagServer *m_server;
    AuditWriter *m_writer;
    QString m_cursor;
    bool m_cursorRead = false;
    bool m_fetching = false;
    // Asked to fetch while a fetch was out: it may have been answered before the change.
    bool m_fetchAgain = false;
    bool m_caughtUp = false;
    int m_failures = 0;
    qint64 m_entriesFetched = 0;
    QTimer m_interval;
    QTimer m_soon;
};
