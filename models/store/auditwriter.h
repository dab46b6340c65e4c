#pragma once

#include "../core/result.h"
#include "auditbatch.h"
#include "cachedflag.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class AuditWriterWorker;
class QThread;

// The audit cache's only writer in this process: a worker thread with its own connection, so
// the UI thread never waits on SQLite. Everything handed over is queued and written in as few
// transactions as the pace allows; a write that fails is kept and retried, never dropped.
// Thread-safe: call from any thread.
class AuditWriter : public QObject
{
    Q_OBJECT

public:
    static constexpr int RetryDelayMs = 1000;
    // While the cache file is damaged: how often to look whether it was moved aside.
    static constexpr int DamagedRetryMs = 2000;
    // A transaction takes the pages queued since the last commit up to about this many entries
    // (whole pages, never split from their cursor). A first sync queues pages faster than they
    // are written; large transactions touch each index page once for many entries, and one
    // sync covers them all, while a commit still comes every second or two with progress.
    static constexpr int MaxTransactionEntries = 20000;

    explicit AuditWriter(QObject *parent = nullptr);
    // Writes what is still queued, then stops the thread.
    ~AuditWriter() override;

    // Opens (and migrates) the cache on the worker thread, then checks the whole file in the
    // background. A damaged file (SQLite says malformed, or not a database) is no failure here: the
    // console goes on without writing to it, keeps every entry in memory, and says damaged(); once
    // the file is moved aside a new cache is made at the path and what was kept is written to it.
    // A file from a newer FlagDeck, or one that cannot be opened at all, fails.
    Result<void> open(const QString &path);
    QString path() const { return m_path; }

    // This console's own action: written at once.
    void append(const AuditEntry &entry);
    // One page of a server's history and the cursor after it, written together.
    void ingest(const QString &server, const QList<AuditEntry> &entries, const QString &cursor);
    void saveFlags(const FlagSnapshotUpdate &snapshot);
    void saveStatus(const FlagStatusUpdate &status);

    // Reads on the worker thread, then calls done on context's thread.
    void readCursor(const QString &server, QObject *context, std::function<void(const QString &)> done);
    void readCachedFlags(QObject *context, std::function<void(const QList<CachedFlag> &)> done);

    // Blocks until everything queued so far is written (or failed). For shutdown and tests.
    void flush();
    // Entries handed over and not yet in the cache: queued, or kept after a write failed.
    int unwrittenCount() const;

Q_SIGNALS:
    // Rows up to lastId are in the cache (lastId 0: nothing new, e.g. only duplicates).
    void committed(qint64 lastId);
    // A write failed (said once per failure, not at every retry); what was handed over stays
    // queued in memory and is retried.
    void problem(const QString &error);
    // The cache took writes again after a failure: entries is how many had been kept meanwhile.
    void backlogWritten(int entries);
    // The cache file is damaged (SQLite's words): nothing is written to it any more.
    void damaged(const QString &detail);

private:
    void enqueue(const AuditBatch &batch);

    QString m_path;
    QThread *m_thread;
    AuditWriterWorker *m_worker;
};
