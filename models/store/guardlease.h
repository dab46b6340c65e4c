#pragma once

#include "../core/result.h"

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>
#include <QVariant>

// Which of the guards on one team inbox acts. The lead is a PostgreSQL advisory lock held by the
// lease's own database session, so it goes the moment its holder dies or loses the connection;
// the others try for it every tick and one takes over. Each tick also writes the guard's
// heartbeat (guards table), which consoles read to say who is guarding.
class GuardLease : public QObject
{
    Q_OBJECT

public:
    // Any fixed number: advisory lock keys are per database, one team inbox per database.
    static constexpr qint64 LockKey = 4242002;
    static constexpr int DefaultTickMs = 1000;

    // location: the team inbox's postgresql:// URL; its schema must exist (open a ProposalInbox first).
    GuardLease(const QString &location, const QString &guardId, const QString &host, QObject *parent = nullptr);
    ~GuardLease() override;

    void setTickInterval(int milliseconds) { m_tick.setInterval(milliseconds); }
    // Connects and takes the first tick; then ticks until stop(). An error only if the location
    // cannot be a PostgreSQL inbox; a server that is away is retried every tick.
    Result<void> start();
    // Gives up the lead and removes the heartbeat, so consoles see at once that this guard went.
    void stop();

    bool isLeading() const { return m_leading; }
    // Right before acting: asks the database whether this session still holds the lock. A session
    // that was lost, or a query that fails, ends the lead there and then.
    bool confirmLeading();

Q_SIGNALS:
    void leadingChanged(bool leading);
    // The inbox could not be reached or a query failed; the lease keeps trying.
    void problem(const QString &description);
    // The inbox answers again after a problem.
    void recovered();

private:
    void tick();
    // Runs one statement on the lease's session; its first value, if any, or the error.
    Result<QVariant> ask(const QString &statement, const QVariantList &values = {});
    bool ensureOpen();
    void lose(const QString &description);
    void setLeading(bool leading);

    QString m_location;
    QString m_guardId;
    QString m_host;
    QString m_connectionName;
    QSqlDatabase m_database;
    qint64 m_startedMs = 0;
    bool m_leading = false;
    bool m_troubled = false;
    QTimer m_tick;
};
