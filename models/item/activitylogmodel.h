#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

// What the console said lately — kills, server confirmations, failures, guardrail regressions,
// proposals — each with its time and kind, newest first, the last few hundred kept. So a message
// is never lost because another came after it, as it is in a status bar.
class ActivityLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Kind { Kill, Confirmation, Failure, Regression, Proposal, Problem, Info };
    enum Column { TimeColumn, KindColumn, MessageColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // int: Kind
        TimeRole,                    // qint64: ms since the epoch
    };
    static constexpr int DefaultCapacity = 500;

    struct Entry
    {
        qint64 timeMs = 0;
        Kind kind = Kind::Info;
        QString message;
    };

    explicit ActivityLogModel(QObject *parent = nullptr);

    // The kind as a person reads it in the list: "kill", "confirmed", "regression"…
    static QString kindText(Kind kind);

    // Adds a message at the top; the oldest go once there are more than capacity().
    void add(Kind kind, const QString &message, qint64 timeMs = QDateTime::currentMSecsSinceEpoch());
    const Entry &entryAt(int row) const { return m_entries.at(row); }
    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void added(const ActivityLogModel::Entry &entry);

private:
    void trim();

    QList<Entry> m_entries; // newest first
    int m_capacity = DefaultCapacity;
};
