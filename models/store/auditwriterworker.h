#pragma once

#include "auditbatch.h"
#include "auditcache.h"

#include <QMutex>
#include <QObject>

class QTimer;

// AuditWriter's half on the worker thread: owns the connection and drains the queue.
class AuditWriterWorker : public QObject
{
    Q_OBJECT

public:
    AuditWriterWorker();

    // Called from any thread; schedules a drain on the worker thread.
    void enqueue(const AuditBatch &batch);

    // Worker thread only.
    Result<void> open(const QString &path);
    void drain();
    void close();
    AuditCache &cache() { return m_cache; }

Q_SIGNALS:
    void committed(qint64 lastId);
    void problem(const QString &error);

private:
    AuditCache m_cache;
    QMutex m_mutex;
    AuditBatch m_queued; // guarded by m_mutex
    bool m_drainScheduled = false; // guarded by m_mutex
    QTimer *m_retry = nullptr;
};
