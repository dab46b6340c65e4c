#include "changehistory.h"

#include "../core/auditchange.h"
#include "../core/flagjson.h"
#include "auditcache.h"
#include "flagtimelinecursor.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ChangeHistory)
};

// Entries that are changes: they happened, and they record a state.
const QString ChangeCondition = QStringLiteral(
    "outcome IN ('applied', 'confirmed') AND (COALESCE(before_json, '') <> '' OR COALESCE(after_json, '') <> '')");

StoredChange changeFromQuery(const QSqlQuery &query)
{
    StoredChange change;
    change.id = query.value(0).toLongLong();
    change.entry = AuditCache::entryFromQuery(query, 1);
    change.words = describeAuditChange(change.entry.before, change.entry.after);
    return change;
}

QString readFailure(const QString &error)
{
    return Text::tr("cannot read the changes from the audit cache: %1").arg(error);
}

QString readFailure(const QSqlQuery &query)
{
    return readFailure(query.lastError().text());
}

} // namespace

ChangeHistory::ChangeHistory() : m_file(QStringLiteral("change-history")) {}

ChangeHistory::~ChangeHistory() = default;

Result<void> ChangeHistory::open(const QString &path)
{
    return m_file.open(path);
}

Result<ChangeWindow> ChangeHistory::changesIn(qint64 fromMs, qint64 untilMs, qint64 afterId) const
{
    QSqlQuery query(m_file.database());
    query.setForwardOnly(true);
    // The time index bounds the read to the window; the limit keeps a busy week from filling memory.
    query.prepare(QStringLiteral("SELECT id, %1 FROM audit_events WHERE time_ms >= ? AND time_ms <= ? AND id > ? AND %2 "
                                 "ORDER BY time_ms DESC, id DESC LIMIT %3")
                      .arg(AuditCache::entryColumns(), ChangeCondition)
                      .arg(MaxWindowChanges + 1));
    query.addBindValue(fromMs);
    query.addBindValue(untilMs);
    query.addBindValue(afterId);
    if (!query.exec())
        return Result<ChangeWindow>::failure(readFailure(query));
    QList<StoredChange> changes;
    bool truncated = false;
    while (query.next()) {
        if (changes.size() == MaxWindowChanges) {
            truncated = true;
            break;
        }
        changes.append(changeFromQuery(query));
    }
    ChangeWindow window = groupChanges(changes);
    window.truncated = truncated;
    return window;
}

Result<StoredChange> ChangeHistory::change(qint64 id) const
{
    QSqlQuery query(m_file.database());
    query.prepare(QStringLiteral("SELECT id, %1 FROM audit_events WHERE id = ? AND %2")
                      .arg(AuditCache::entryColumns(), ChangeCondition));
    query.addBindValue(id);
    if (!query.exec())
        return Result<StoredChange>::failure(readFailure(query));
    if (!query.next())
        return Result<StoredChange>::failure(Text::tr("the audit cache holds no change %1").arg(id));
    return changeFromQuery(query);
}

Result<QList<StoredChange>> ChangeHistory::changesOf(const FlagRef &ref, qint64 fromMs, qint64 untilMs) const
{
    FlagTimelineCursor changes(m_file.database(), QStringLiteral("id, %1").arg(AuditCache::entryColumns()),
                               FlagTimelineCursor::Order::OldestFirst, ChangeCondition);
    if (!changes.exec(ref, fromMs, untilMs))
        return Result<QList<StoredChange>>::failure(readFailure(changes.lastError()));
    QList<StoredChange> list;
    while (list.size() < MaxWindowChanges && changes.next())
        list.append(changeFromQuery(changes.row()));
    if (!changes.lastError().isEmpty())
        return Result<QList<StoredChange>>::failure(readFailure(changes.lastError()));
    return list;
}

Result<QList<FlagStateAt>> ChangeHistory::stateAt(qint64 timeMs) const
{
    // Every flag the history names, from its runs, not from every entry.
    QSqlQuery named(m_file.database());
    named.setForwardOnly(true);
    if (!named.exec(QStringLiteral("SELECT DISTINCT server, environment, flag_key FROM audit_flag_runs "
                                   "ORDER BY flag_key, server, environment")))
        return Result<QList<FlagStateAt>>::failure(readFailure(named));
    QList<FlagRef> refs;
    while (named.next())
        refs.append({named.value(0).toString(), named.value(1).toString(), named.value(2).toString()});
    named.finish();

    FlagTimelineCursor history(m_file.database(),
                               QStringLiteral("before_json, after_json, time_ms, actor, actor_kind"),
                               FlagTimelineCursor::Order::NewestFirst, ChangeCondition);
    // The state before the first change after the time is the state at the time: the most direct
    // record of it, and whole where the changes before the time recorded only a field (a kill).
    FlagTimelineCursor later(m_file.database(), QStringLiteral("before_json"), FlagTimelineCursor::Order::OldestFirst,
                             ChangeCondition);
    constexpr qint64 Latest = std::numeric_limits<qint64>::max();
    QList<FlagStateAt> states;
    for (const FlagRef &ref : std::as_const(refs)) {
        if (timeMs < Latest && !later.exec(ref, timeMs + 1, Latest))
            return Result<QList<FlagStateAt>>::failure(readFailure(later.lastError()));
        QJsonObject laterBefore;
        bool createdLater = false;
        for (int read = 0; read < MaxEntriesPerFlagState && later.next(); ++read) {
            const QJsonObject before = QJsonDocument::fromJson(later.value(0).toString().toUtf8()).object();
            if (before.isEmpty()) {
                createdLater = laterBefore.isEmpty(); // made after the time: it did not exist then
                break;
            }
            for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
                if (!laterBefore.contains(it.key()))
                    laterBefore.insert(it.key(), it.value());
            }
            if (flagFromJson(laterBefore, QString()).ok())
                break;
        }
        later.finish();

        if (!later.lastError().isEmpty())
            return Result<QList<FlagStateAt>>::failure(readFailure(later.lastError()));
        if (!history.exec(ref, std::numeric_limits<qint64>::min(), timeMs))
            return Result<QList<FlagStateAt>>::failure(readFailure(history.lastError()));
        FlagStateAt state;
        state.ref = ref;
        state.state = laterBefore;
        bool found = false;
        // Newest first: a field takes the value of the newest change that records it after.
        for (int read = 0; read < MaxEntriesPerFlagState && history.next(); ++read) {
            const QJsonObject before = QJsonDocument::fromJson(history.value(0).toString().toUtf8()).object();
            const QJsonObject after = QJsonDocument::fromJson(history.value(1).toString().toUtf8()).object();
            if (!found) {
                found = true;
                state.changedAtMs = history.value(2).toLongLong();
                state.changedBy = history.value(3).toString();
                state.changedByKind = actorKindFromName(history.value(4).toString()).value_or(ActorKind::System);
                if (after.isEmpty() && !before.isEmpty()) {
                    state.deleted = true;
                    break;
                }
            }
            if (after.isEmpty() && !before.isEmpty())
                break; // deleted before: nothing older belongs to this flag as it is
            for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
                if (!state.state.contains(it.key()))
                    state.state.insert(it.key(), it.value());
            }
            if (before.isEmpty())
                break; // created here: nothing older
            if (Result<Flag> whole = flagFromJson(state.state, QString()); whole)
                break; // a whole flag: older changes add nothing
        }
        if (!history.lastError().isEmpty())
            return Result<QList<FlagStateAt>>::failure(readFailure(history.lastError()));
        history.finish();
        if (!found && (createdLater || laterBefore.isEmpty()))
            continue;
        if (!state.deleted) {
            if (Result<Flag> whole = flagFromJson(state.state, QString()); whole)
                state.flag = std::move(whole).value();
        }
        states.append(state);
    }
    return states;
}
