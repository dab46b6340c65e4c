#include "auditsync.h"

#include "../connectors/flagserver.h"
#include "../store/auditwriter.h"

#include <QDateTime>

AuditSync::AuditSync(FlagServer *server, AuditWriter *writer, QObject *parent)
    : QObject(parent), m_server(server), m_writer(writer)
{
    m_interval.setInterval(DefaultIntervalMs);
    m_soon.setSingleShot(true);
    m_soon.setInterval(ChangeDelayMs);
    connect(&m_interval, &QTimer::timeout, this, &AuditSync::fetchNext);
    connect(&m_soon, &QTimer::timeout, this, &AuditSync::fetchNext);
}

void AuditSync::start()
{
    if (!m_cursorRead) {
        if (m_fetching)
            return;
        m_fetching = true;
        m_writer->readCursor(m_server->connectionId(), this, [this](const QString &cursor) {
            m_cursor = cursor;
            m_cursorRead = true;
            m_fetching = false;
            fetchNext();
        });
        return;
    }
    fetchNext();
}

void AuditSync::syncSoon()
{
    if (m_cursorRead && !m_soon.isActive())
        m_soon.start();
}

void AuditSync::fetchNext()
{
    if (!m_cursorRead)
        return;
    if (m_fetching) {
        m_fetchAgain = true;
        return;
    }
    m_fetching = true;
    m_fetchAgain = false;
    m_interval.stop();
    ServerReply *reply = m_server->fetchAuditSince(m_cursor);
    connect(reply, &ServerReply::finished, this, [this, reply] {
        m_fetching = false;
        if (reply->failed()) {
            ++m_failures;
            // Back off while the server keeps failing, but never stop trying.
            m_interval.start(std::min(MaxRetryDelayMs, 1000 << std::min(m_failures, 6)));
            Q_EMIT failed(reply->error().sentence());
            return;
        }
        QList<AuditEntry> entries = reply->auditEntries();
        const QString server = m_server->connectionId();
        for (AuditEntry &entry : entries) {
            // Without its id an entry cannot be told from others (the cache keeps one per id);
            // rather than lose it, keep the page out and the cursor where it was.
            if (entry.sourceId.isEmpty()) {
                ++m_failures;
                m_interval.start(MaxRetryDelayMs);
                Q_EMIT failed(tr("the server sent a history entry without an id (flag %1 at %2); "
                                 "its history is not synced until it does")
                                  .arg(entry.flagKey)
                                  .arg(QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC).toString(Qt::ISODate)));
                return;
            }
            entry.server = server;
        }
        m_failures = 0;
        if (!entries.isEmpty() || reply->nextCursor() != m_cursor) {
            m_writer->ingest(server, entries, reply->nextCursor());
            m_cursor = reply->nextCursor();
            m_entriesFetched += entries.size();
        }
        // A change announced while this page was on its way may not be in it: ask again now
        // rather than at the next interval.
        if (entries.isEmpty() && !m_fetchAgain) {
            m_interval.start();
            if (!m_caughtUp) {
                m_caughtUp = true;
                Q_EMIT caughtUp();
            }
            return;
        }
        fetchNext();
    });
}
