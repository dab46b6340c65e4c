#include "auditwriter.h"

#include "auditwriterworker.h"

#include <QFileInfo>
#include <QDateTime>
#include <QMetaObject>
#include <QThread>
#include <QTimer>

#include <utility>

AuditWriterWorker::AuditWriterWorker() = default;

void AuditWriterWorker::enqueue(const AuditBatch &batch)
{
    QMutexLocker locker(&m_mutex);
    m_queued.append(batch);
    if (m_drainScheduled)
        return;
    m_drainScheduled = true;
    // Everything that arrives before the worker gets to it joins the same transaction.
    QMetaObject::invokeMethod(this, &AuditWriterWorker::drain, Qt::QueuedConnection);
}

Result<void> AuditWriterWorker::open(const QString &path)
{
    m_path = path;
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    m_retry->setInterval(AuditWriter::RetryDelayMs);
    connect(m_retry, &QTimer::timeout, this, &AuditWriterWorker::drain);
    const Result<void> opened = m_cache.open(path);
    if (!opened) {
        if (!AuditCache::meansDamage(opened.error()))
            return opened;
        markDamaged(opened.error());
        return {};
    }
    // The whole file is read once, after the open returned, before anything queued is written.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_cache.isOpen())
                return;
            if (const Result<void> sound = m_cache.checkIntegrity(); !sound)
                markDamaged(sound.error());
        },
        Qt::QueuedConnection);
    return {};
}

QString AuditWriterWorker::fileSignature() const
{
    const QFileInfo file(m_path);
    if (!file.exists())
        return {};
    return QStringLiteral("%1 %2 %3")
        .arg(file.size())
        .arg(file.lastModified().toMSecsSinceEpoch())
        .arg(file.birthTime().isValid() ? file.birthTime().toMSecsSinceEpoch() : 0);
}

void AuditWriterWorker::markDamaged(const QString &detail)
{
    m_cache.close();
    m_damagedSignature = fileSignature();
    const bool first = !m_damaged;
    m_damaged = true;
    m_failure = detail;
    if (first)
        Q_EMIT damaged(detail);
}

bool AuditWriterWorker::reopenIfReplaced()
{
    const QString now = fileSignature();
    if (now == m_damagedSignature && !now.isEmpty())
        return false;
    m_damagedSignature = now;
    if (const Result<void> opened = m_cache.open(m_path); !opened) {
        m_cache.close();
        m_damagedSignature = fileSignature();
        return false;
    }
    if (const Result<void> sound = m_cache.checkIntegrity(); !sound) {
        m_cache.close();
        m_damagedSignature = fileSignature();
        return false;
    }
    m_damaged = false;
    return true;
}

void AuditWriterWorker::drain()
{
    writeNext();
}

bool AuditWriterWorker::writeNext()
{
    if (m_damaged && !reopenIfReplaced()) {
        QMutexLocker locker(&m_mutex);
        m_drainScheduled = false;
        if (m_retry && !m_queued.isEmpty())
            m_retry->start(AuditWriter::DamagedRetryMs);
        return false;
    }
    AuditBatch batch;
    int taken = 0;
    {
        QMutexLocker locker(&m_mutex);
        m_drainScheduled = false;
        // Whole batches in order, up to a transaction's worth of entries.
        while (taken < m_queued.size()
               && (taken == 0
                   || batch.entries.size() + m_queued.at(taken).entries.size() <= AuditWriter::MaxTransactionEntries)) {
            batch.append(m_queued.at(taken));
            ++taken;
        }
    }
    if (taken == 0)
        return false;
    const Result<qint64> written = m_cache.write(batch);
    if (!written && AuditCache::meansDamage(written.error())) {
        markDamaged(written.error());
        if (m_retry)
            m_retry->start(AuditWriter::DamagedRetryMs);
        return false;
    }
    if (!written) {
        // What failed stays queued ahead of anything queued since, so order and cursors stay right.
        // Said once: a disk that stays full is one problem, not one a second.
        if (m_failure.isEmpty())
            Q_EMIT problem(written.error());
        m_failure = written.error();
        if (m_retry)
            m_retry->start(AuditWriter::RetryDelayMs);
        return false;
    }
    int backlog = 0;
    {
        QMutexLocker locker(&m_mutex);
        if (!m_failure.isEmpty()) {
            for (const AuditBatch &queued : std::as_const(m_queued))
                backlog += int(queued.entries.size());
        }
        m_queued.remove(0, taken);
        // The rest in the next transaction, after whatever else waits on this thread.
        if (!m_queued.isEmpty() && !m_drainScheduled) {
            m_drainScheduled = true;
            QMetaObject::invokeMethod(this, &AuditWriterWorker::drain, Qt::QueuedConnection);
        }
    }
    Q_EMIT committed(written.value());
    if (!m_failure.isEmpty() && backlog > 0)
        m_heldBack = std::max(m_heldBack, backlog);
    if (!m_failure.isEmpty()) {
        bool drained = false;
        {
            QMutexLocker locker(&m_mutex);
            drained = m_queued.isEmpty();
        }
        // Everything kept through the failure is in: say so once.
        if (drained) {
            m_failure.clear();
            Q_EMIT backlogWritten(std::exchange(m_heldBack, 0));
        }
    }
    return true;
}

int AuditWriterWorker::unwrittenCount()
{
    QMutexLocker locker(&m_mutex);
    int count = 0;
    for (const AuditBatch &queued : std::as_const(m_queued))
        count += int(queued.entries.size());
    return count;
}

void AuditWriterWorker::drainAll()
{
    // Stops when nothing is left, or at a failed write (the retry timer takes over).
    while (writeNext()) {
    }
}

void AuditWriterWorker::close()
{
    drainAll();
    delete m_retry;
    m_retry = nullptr;
}

AuditWriter::AuditWriter(QObject *parent)
    : QObject(parent), m_thread(new QThread), m_worker(new AuditWriterWorker)
{
    m_thread->setObjectName(QStringLiteral("audit writer"));
    m_worker->moveToThread(m_thread);
    connect(m_worker, &AuditWriterWorker::committed, this, &AuditWriter::committed);
    connect(m_worker, &AuditWriterWorker::problem, this, &AuditWriter::problem);
    connect(m_worker, &AuditWriterWorker::backlogWritten, this, &AuditWriter::backlogWritten);
    connect(m_worker, &AuditWriterWorker::damaged, this, &AuditWriter::damaged);
    // The worker's connection must be closed on its own thread.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

AuditWriter::~AuditWriter()
{
    QMetaObject::invokeMethod(m_worker, &AuditWriterWorker::close, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

Result<void> AuditWriter::open(const QString &path)
{
    m_path = path;
    Result<void> opened;
    QMetaObject::invokeMethod(m_worker, [&] { opened = m_worker->open(path); }, Qt::BlockingQueuedConnection);
    return opened;
}

void AuditWriter::enqueue(const AuditBatch &batch)
{
    m_worker->enqueue(batch);
}

void AuditWriter::append(const AuditEntry &entry)
{
    AuditBatch batch;
    batch.entries.append(entry);
    enqueue(batch);
}

void AuditWriter::ingest(const QString &server, const QList<AuditEntry> &entries, const QString &cursor)
{
    AuditBatch batch;
    batch.entries = entries;
    batch.cursors.insert(server, cursor);
    enqueue(batch);
}

void AuditWriter::saveFlags(const FlagSnapshotUpdate &snapshot)
{
    AuditBatch batch;
    batch.snapshots.append(snapshot);
    enqueue(batch);
}

void AuditWriter::saveStatus(const FlagStatusUpdate &status)
{
    AuditBatch batch;
    batch.statuses.append(status);
    enqueue(batch);
}

void AuditWriter::readCursor(const QString &server, QObject *context, std::function<void(const QString &)> done)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, server, context = QPointer(context), done] {
        // What is still queued may move the cursor; it is written first.
        worker->drainAll();
        const QString cursor = worker->cache().storedCursor(server);
        if (context)
            QMetaObject::invokeMethod(context, [done, cursor] { done(cursor); }, Qt::QueuedConnection);
    });
}

void AuditWriter::readCachedFlags(QObject *context, std::function<void(const QList<CachedFlag> &)> done)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, context = QPointer(context), done] {
        const QList<CachedFlag> flags = worker->cache().cachedFlags();
        if (context)
            QMetaObject::invokeMethod(context, [done, flags] { done(flags); }, Qt::QueuedConnection);
    });
}

int AuditWriter::unwrittenCount() const
{
    return m_worker->unwrittenCount();
}

void AuditWriter::flush()
{
    QMetaObject::invokeMethod(m_worker, &AuditWriterWorker::drainAll, Qt::BlockingQueuedConnection);
}
