#pragma once

#include "auditbatch.h"
#include "auditcache.h"

#include <QList>
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
    // One transaction of what is queued (see AuditWriter::MaxTransactionEntries); schedules the rest.
    void drain();
    // Everything queued, in as many transactions as it takes; stops at a failed write.
    void drainAll();
    void close();
    AuditCache &cache() { return m_cache; }
    // Entries handed over and not yet written. Any thread.
    int unwrittenCount();

Q_SIGNALS:
    void committed(qint64 lastId);
    void problem(const QString &error);
    void backlogWritten(int entries);
    void damaged(const QString &detail);

private:
    // The file is damaged: nothing more is written to it; entries wait in memory.
    void markDamaged(const QString &detail);
    // Once the damaged file was moved aside (or replaced), opens what is at the path now; true when
    // it is sound and open.
    bool reopenIfReplaced();
    QString fileSignature() const;

    // Writes the next transaction; false when nothing was queued or the write failed.
    bool writeNext();

    AuditCache m_cache;
    QMutex m_mutex;
    QList<AuditBatch> m_queued; // guarded by m_mutex, in the order they were handed over
    bool m_drainScheduled = false; // guarded by m_mutex
    QTimer *m_retry = nullptr;
    // Worker thread: the write failing since the last commit, and what it held back meanwhile.
    QString m_failure;
    int m_heldBack = 0;
    QString m_path;
    bool m_damaged = false;
    QString m_damagedSignature; // the damaged file as it was found
};
