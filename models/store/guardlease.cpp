#include "guardlease.h"

#include "postgresdatabase.h"
#include "proposalinbox.h"
#include "../core/guardheartbeat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(GuardLease)
};

// Heartbeats are timed by the database's clock, so guards on hosts whose clocks differ agree.
const QString DatabaseNowMs = QStringLiteral("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");
constexpr qint64 ForgetAfterMs = 24 * 60 * 60 * 1000;

// A bigint advisory key shows in pg_locks as classid (its high half), objid (its low half), objsubid 1.
quint32 lockClassId()
{
    return quint32(quint64(GuardLease::LockKey) >> 32);
}

quint32 lockObjectId()
{
    return quint32(quint64(GuardLease::LockKey) & 0xffffffffU);
}

} // namespace

GuardLease::GuardLease(const QString &location, const QString &guardId, const QString &host, QObject *parent)
    : QObject(parent)
    , m_location(location)
    , m_guardId(guardId)
    , m_host(host)
    , m_connectionName(QStringLiteral("guard-lease-") + QUuid::createUuid().toString(QUuid::Id128))
{
    m_tick.setInterval(DefaultTickMs);
    connect(&m_tick, &QTimer::timeout, this, &GuardLease::tick);
}

GuardLease::~GuardLease()
{
    stop();
}

Result<void> GuardLease::start()
{
    if (!ProposalInbox::isPostgresUrl(m_location))
        return Result<void>::failure(
            Text::tr("a guard needs the team inbox on PostgreSQL (a postgresql:// URL), not %1").arg(m_location));
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    tick();
    m_tick.start();
    return {};
}

void GuardLease::stop()
{
    m_tick.stop();
    if (m_database.isValid() && m_database.isOpen()) {
        // Closing the session alone would release the lock; the heartbeat must go explicitly.
        [[maybe_unused]] const Result<QVariant> unlocked = ask(QStringLiteral("SELECT pg_advisory_unlock_all()"));
        [[maybe_unused]] const Result<QVariant> removed =
            ask(QStringLiteral("DELETE FROM guards WHERE guard_id = ?"), {m_guardId});
        m_database.close();
    }
    if (m_database.isValid()) {
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    setLeading(false);
}

bool GuardLease::ensureOpen()
{
    if (m_database.isValid() && m_database.isOpen())
        return true;
    if (m_database.isValid()) {
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    Result<QSqlDatabase> opened = openPostgres(m_location, m_connectionName);
    if (!opened) {
        lose(opened.error());
        return false;
    }
    m_database = std::move(opened).value();
    return true;
}

Result<QVariant> GuardLease::ask(const QString &statement, const QVariantList &values)
{
    QSqlQuery query(m_database);
    query.prepare(statement);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Result<QVariant>::failure(query.lastError().text());
    return query.next() ? query.value(0) : QVariant();
}

void GuardLease::tick()
{
    if (!ensureOpen())
        return;
    bool leading = m_leading;
    if (!leading) {
        // A leader that holds the lock but has not beaten for AliveForMs is hung (stopped, or cut
        // off without its socket closing): its session is ended so that one that can act leads.
        const Result<QVariant> ended = ask(
            QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                           "AND classid = %1 AND objid = %2 AND objsubid = 1 AND pid <> pg_backend_pid() "
                           "AND NOT EXISTS (SELECT 1 FROM guards WHERE is_leader = 1 AND seen_ms > %3 - %4)")
                .arg(lockClassId())
                .arg(lockObjectId())
                .arg(DatabaseNowMs)
                .arg(GuardHeartbeat::AliveForMs));
        if (!ended) {
            lose(Text::tr("cannot look at the leader: %1").arg(ended.error()));
            return;
        }
        const Result<QVariant> locked = ask(QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(LockKey));
        if (!locked) {
            lose(Text::tr("cannot ask the inbox for the lead: %1").arg(locked.error()));
            return;
        }
        leading = locked->toBool();
    }
    // The lead counts only once the heartbeat that announces it is written; a failure closes the
    // session, which gives the lock back.
    const Result<QVariant> beat = ask(
        QStringLiteral("INSERT INTO guards (guard_id, host, is_leader, started_ms, seen_ms) VALUES (?, ?, ?, ?, %1) "
                       "ON CONFLICT (guard_id) DO UPDATE SET host = EXCLUDED.host, is_leader = EXCLUDED.is_leader, "
                       "started_ms = EXCLUDED.started_ms, seen_ms = EXCLUDED.seen_ms")
            .arg(DatabaseNowMs),
        {m_guardId, m_host, leading ? 1 : 0, m_startedMs});
    if (!beat) {
        lose(Text::tr("cannot write the heartbeat: %1").arg(beat.error()));
        return;
    }
    // The leader forgets guards long gone (killed without a goodbye), so consoles list the living.
    if (leading) {
        [[maybe_unused]] const Result<QVariant> forgotten =
            ask(QStringLiteral("DELETE FROM guards WHERE seen_ms < %1 - %2").arg(DatabaseNowMs).arg(ForgetAfterMs));
    }
    setLeading(leading);
    if (std::exchange(m_troubled, false))
        Q_EMIT recovered();
}

bool GuardLease::confirmLeading()
{
    if (!m_leading || !m_database.isValid() || !m_database.isOpen())
        return false;
    const Result<QVariant> held = ask(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                                     "AND pid = pg_backend_pid() AND granted AND classid = %1 "
                                                     "AND objid = %2 AND objsubid = 1")
                                          .arg(lockClassId())
                                          .arg(lockObjectId()));
    if (!held) {
        lose(Text::tr("cannot confirm the lead: %1").arg(held.error()));
        return false;
    }
    if (held->toInt() != 1) {
        lose(Text::tr("the lead was lost"));
        return false;
    }
    return true;
}

void GuardLease::lose(const QString &description)
{
    // Whatever went wrong, the session may be gone, and with it the lock: never act on a guess.
    setLeading(false);
    if (m_database.isValid())
        m_database.close();
    // Said once; the ticks go on trying quietly until recovered().
    if (!std::exchange(m_troubled, true))
        Q_EMIT problem(description);
}

void GuardLease::setLeading(bool leading)
{
    if (std::exchange(m_leading, leading) != leading)
        Q_EMIT leadingChanged(leading);
}
