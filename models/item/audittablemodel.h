#pragma once

#include "../core/auditentry.h"
#include "../core/auditfilter.h"
#include "../core/result.h"
#include "../store/sqlitefile.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QStringList>

#include <vector>

class AuditIdLoader;
class QThread;

// Every cached audit entry that matches the filter, newest first, for a table of any size: the
// row order is a vector of row ids (loaded on a worker thread, shown as it arrives), and the
// entries themselves are read a page at a time for the rows on screen, so data() never runs SQL
// for a row whose page is loaded and the memory use does not grow with the history.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, ServerColumn, EnvironmentColumn, FlagColumn, ActionColumn, OutcomeColumn,
                  ActorColumn, ActorKindColumn, ChangeColumn, ColumnCount };
    enum Role {
        EntryRole = Qt::UserRole + 1, // AuditEntry
        ChangesRole,                  // QStringList: what changed, in words
    };
    static constexpr int PageSize = 256;
    static constexpr int CachedPages = 32;
    // More new rows than this at once (a first sync of a long history) reload instead of merging.
    static constexpr int MaxMergedRows = 5000;

    explicit AuditTableModel(const QString &path, QObject *parent = nullptr);
    ~AuditTableModel() override;

    // Whether the cache could be opened, and if not why: the model then stays empty.
    const Result<void> &opened() const { return m_opened; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const AuditFilter &filter() const { return m_filter; }
    // Reloads the rows in the background; rows appear as they are read.
    void setFilter(const AuditFilter &filter);
    bool isLoading() const { return m_loading; }

    // The entry on a row (its page is read if needed); nullptr outside the rows.
    const AuditEntry *entryAt(int row) const;

    // Every server with entries in the cache, for the server filter.
    QStringList knownServers() const;

    // Rows up to lastId were written: the ones that match the filter join at their place in time.
    void refreshNewEntries(qint64 lastId);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void problem(const QString &error);

private:
    struct CachedRow
    {
        AuditEntry entry;
        QString time;
        QString changes;
        QStringList changeList;
    };
    using Page = std::vector<CachedRow>;

    void reload() { setFilter(m_filter); }
    const CachedRow *cachedRow(int row) const;
    Page *loadPage(int page) const;
    void takeChunk(quint64 generation, const QVector<qint64> &ids, const QVector<qint64> &times, qint64 maxId,
                   bool last);
    void mergeNewRows(std::vector<std::pair<qint64, qint64>> timeAndIds);
    void setLoading(bool loading);

    Result<void> m_opened;
    SqliteFile m_file;
    QThread *m_loaderThread;
    AuditIdLoader *m_loader;
    AuditFilter m_filter;
    quint64 m_generation = 0;
    bool m_loading = false;
    // The newest row the writer committed while a load ran (0: none), to look for once it ends.
    qint64 m_committedWhileLoading = 0;
    qint64 m_maxSeenId = 0;
    // Row order: time descending, then id descending. Parallel vectors, 16 bytes a row.
    std::vector<qint64> m_ids;
    std::vector<qint64> m_times;
    mutable QCache<int, Page> m_pages;
};
