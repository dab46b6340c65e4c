#pragma once

#include "../core/auditfilter.h"
#include "../store/sqlitefile.h"

#include <QObject>
#include <QVector>

#include <atomic>
#include <optional>

// Reads, on its own thread and connection, which audit rows match a filter, newest first, and
// hands them over in chunks: a small first one so the browser shows rows at once, then large
// ones. A newer request makes an older one stop between chunks.
class AuditIdLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int FirstChunk = 512;
    static constexpr int LaterChunk = 65536;
    // A full-text filter first looks for a screen of matches (ScreenRows) among the newest
    // NewestWindow entries, before it sorts every match (see load()).
    static constexpr int NewestWindow = 16384;
    static constexpr int ScreenRows = 64;

    AuditIdLoader();

    // Any thread: marks every load before this generation as abandoned.
    void supersede(quint64 generation) { m_latest.store(generation); }

    // Loader thread.
    Result<void> open(const QString &path);
    void load(quint64 generation, const AuditFilter &filter);

Q_SIGNALS:
    // maxId: the highest row id in the cache when this load read it (later rows are new).
    void chunkLoaded(quint64 generation, const QVector<qint64> &ids, const QVector<qint64> &times, qint64 maxId,
                     bool last);
    void failed(quint64 generation, const QString &error);

private:
    struct Newest
    {
        qint64 oldestTime; // every match newer than this, and none older
        QVector<qint64> ids;
        QVector<qint64> times;
    };
    std::optional<Newest> newestMatches(const AuditFilter &filter, const QString &match);

    // SQLite calls this while a statement runs: non-zero stops a read a newer load superseded.
    static int stopSuperseded(void *loader);

    SqliteFile m_file;
    std::atomic<quint64> m_latest{0};
    std::atomic<quint64> m_running{0}; // the generation being loaded
};
