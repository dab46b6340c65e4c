#include "flagtimeline.h"

#include "sqlitestatement.h"

#include <QSqlDatabase>

#include <algorithm>
#include <optional>

namespace {

using Entry = FlagTimeline::Entry;

struct StoredRun
{
    qint64 lastMs = 0;
    qint64 lastId = 0;
    qint64 firstMs = 0;
    qint64 size = 0;
    QByteArray ids;
};

QByteArray idsJson(const Entry *begin, const Entry *end)
{
    QByteArray json = "[";
    for (const Entry *entry = begin; entry != end; ++entry) {
        if (entry != begin)
            json += ',';
        json += QByteArray::number(entry->id);
    }
    return json + ']';
}

QList<qint64> idsFromJson(const QByteArray &json)
{
    QList<qint64> ids;
    for (const QByteArray &id : json.mid(1, json.size() - 2).split(','))
        ids.append(id.toLongLong());
    return ids;
}

// Stores one flag's entries, in order, as runs of RunEntries and one run of what is left.
Result<void> insertRuns(SqliteStatement &insert, QByteArrayView key, QByteArrayView server, QByteArrayView environment,
                        const QList<Entry> &entries)
{
    for (qsizetype first = 0; first < entries.size(); first += FlagTimeline::RunEntries) {
        const qsizetype end = std::min(entries.size(), first + FlagTimeline::RunEntries);
        const QByteArray ids = idsJson(entries.constData() + first, entries.constData() + end);
        insert.addUtf8(key);
        insert.addUtf8(server);
        insert.addUtf8(environment);
        insert.add(entries.at(end - 1).timeMs);
        insert.add(entries.at(end - 1).id);
        insert.add(entries.at(first).timeMs);
        insert.add(end - first);
        insert.addUtf8(ids);
        if (const Result<int> inserted = insert.run(); !inserted)
            return Result<void>::failure(inserted.error());
    }
    return {};
}

const char *const InsertRun = "INSERT INTO audit_flag_runs (flag_key, server, environment, last_ms, last_id, first_ms, "
                              "size, ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

} // namespace

Result<void> FlagTimeline::add(QSqlDatabase &db, const QList<FlagEntries> &stored)
{
    if (stored.isEmpty())
        return {};
    // Newest first, from the newest that could hold a new entry's time.
    SqliteStatement readRuns(db, QStringLiteral("SELECT last_ms, last_id, first_ms, size, ids FROM audit_flag_runs "
                                                "WHERE flag_key = ? AND server = ? AND environment = ? AND first_ms <= ? "
                                                "ORDER BY last_ms DESC, last_id DESC"));
    SqliteStatement readTimes(db, QStringLiteral("SELECT time_ms, id FROM audit_events "
                                                 "WHERE id IN (SELECT value FROM json_each(?))"));
    SqliteStatement removeRun(db, QStringLiteral("DELETE FROM audit_flag_runs WHERE flag_key = ? AND server = ? "
                                                 "AND environment = ? AND last_ms = ? AND last_id = ?"));
    SqliteStatement insertRun(db, QString::fromLatin1(InsertRun));
    for (const FlagEntries &flagEntries : stored) {
        QList<Entry> added = flagEntries.entries;
        if (added.isEmpty())
            continue;
        std::sort(added.begin(), added.end());
        const QByteArray &key = flagEntries.key;
        const QByteArray &server = flagEntries.server;
        const QByteArray &environment = flagEntries.environment;

        // The runs that end at or after the first new entry and begin by the last: the new
        // entries fall among theirs. The run before them joins when it has room.
        QList<StoredRun> overlapping;
        std::optional<StoredRun> before;
        readRuns.addUtf8(key);
        readRuns.addUtf8(server);
        readRuns.addUtf8(environment);
        readRuns.add(added.last().timeMs);
        for (;;) {
            const Result<bool> row = readRuns.next();
            if (!row)
                return Result<void>::failure(row.error());
            if (!row.value())
                break;
            StoredRun run{readRuns.integer(0), readRuns.integer(1), readRuns.integer(2), readRuns.integer(3),
                          readRuns.text(4).toByteArray()};
            if (Entry{run.lastMs, run.lastId} >= added.first()) {
                overlapping.append(std::move(run));
                continue;
            }
            if (run.size < RunEntries)
                before = std::move(run);
            readRuns.finish();
            break;
        }

        QList<Entry> merged = added;
        for (const StoredRun &run : std::as_const(overlapping)) {
            readTimes.addUtf8(run.ids);
            for (;;) {
                const Result<bool> row = readTimes.next();
                if (!row)
                    return Result<void>::failure(row.error());
                if (!row.value())
                    break;
                merged.append({readTimes.integer(0), readTimes.integer(1)});
            }
        }
        if (!overlapping.isEmpty())
            std::sort(merged.begin(), merged.end());
        // The run before goes first: its entries are all older. Their own times are not read.
        // The runs written below are cut at multiples of RunEntries, and the run before holds
        // fewer ids with new entries after them, so of its ids only the first can start or end a
        // run, and that one's time is the run's first_ms; the others stand at its last_ms.
        QList<Entry> runsEntries;
        if (before) {
            const QList<qint64> ids = idsFromJson(before->ids);
            for (qsizetype index = 0; index < ids.size(); ++index)
                runsEntries.append({index == 0 ? before->firstMs : before->lastMs, ids.at(index)});
            overlapping.append(*before);
        }
        runsEntries += merged;

        for (const StoredRun &run : std::as_const(overlapping)) {
            removeRun.addUtf8(key);
            removeRun.addUtf8(server);
            removeRun.addUtf8(environment);
            removeRun.add(run.lastMs);
            removeRun.add(run.lastId);
            if (const Result<int> removed = removeRun.run(); !removed)
                return Result<void>::failure(removed.error());
        }
        if (const Result<void> inserted = insertRuns(insertRun, key, server, environment, runsEntries); !inserted)
            return inserted;
    }
    return {};
}

Result<void> FlagTimeline::build(QSqlDatabase &db)
{
    SqliteStatement readEntries(db, QStringLiteral("SELECT flag_key, server, environment, time_ms, id FROM audit_events "
                                                   "ORDER BY flag_key, server, environment, time_ms, id"));
    SqliteStatement insertRun(db, QString::fromLatin1(InsertRun));
    QByteArray key, server, environment;
    QList<Entry> entries;
    for (;;) {
        const Result<bool> row = readEntries.next();
        if (!row)
            return Result<void>::failure(row.error());
        const bool sameFlag = row.value() && readEntries.text(0) == key && readEntries.text(1) == server
            && readEntries.text(2) == environment;
        if (!sameFlag && !entries.isEmpty()) {
            if (const Result<void> inserted = insertRuns(insertRun, key, server, environment, entries); !inserted)
                return inserted;
            entries.clear();
        }
        if (!row.value())
            return {};
        if (!sameFlag) {
            key = readEntries.text(0).toByteArray();
            server = readEntries.text(1).toByteArray();
            environment = readEntries.text(2).toByteArray();
        }
        entries.append({readEntries.integer(3), readEntries.integer(4)});
    }
}

QString FlagTimeline::ofFlagKeyCondition()
{
    return QStringLiteral("id IN (SELECT j.value FROM audit_flag_runs AS r, json_each(r.ids) AS j WHERE r.flag_key = ?)");
}
