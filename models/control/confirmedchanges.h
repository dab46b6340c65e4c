#pragma once

#include "../core/auditentry.h"
#include "../core/flagaction.h"
#include "../core/flagref.h"
#include "../item/flagtablemodel.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

class AuditWriter;
class FlagServer;
class QTimer;
class ServerReply;

// Sends changes to flag servers and follows each until its server confirms it — by the reply, or
// by a live change that shows it — or it fails or times out. The flag table shows the change as
// pending until then, and only ever shows the flag as the server reports it. Every change is handed
// to the audit cache before the server is asked ("requested"), and again with its outcome.
class ConfirmedChanges : public QObject
{
    Q_OBJECT

public:
    using ServerLookup = std::function<FlagServer *(const QString &connectionId)>;

    // Who a change is made by when it is not the person at this console: the guardrail monitor.
    struct Actor
    {
        QString name;
        ActorKind kind = ActorKind::System;
    };

    struct Change
    {
        FlagAction action = FlagAction::Kill;
        QJsonObject before; // for the audit: what is changed, before and after
        QJsonObject after;
        std::function<ServerReply *(FlagServer *)> send;
        std::function<bool(const Flag &)> reached; // the server's flag shows the change
        QString notReachedReason;                  // when the server answered but did not change
        FlagTableModel::Operation pendingOperation = FlagTableModel::Operation::None;
        FlagTableModel::Operation failedOperation = FlagTableModel::Operation::None;
        std::optional<Actor> actor; // absent: this console's person
    };

    static constexpr int DefaultTimeoutMs = 10000;

    ConfirmedChanges(FlagTableModel *flags, AuditWriter *audit, ServerLookup servers, QObject *parent = nullptr);
    ~ConfirmedChanges() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }
    void setActor(const QString &actor) { m_actor = actor; }
    const QString &actor() const { return m_actor; }

    // False (and nothing sent) when a change of this flag is already under way.
    bool start(const FlagRef &ref, Change change, const QString &comment);
    // A live change from a server: stored, and the confirmation if it shows a pending change.
    void noteServerFlag(const FlagRef &ref, const Flag &flag);

    bool isPending(const FlagRef &ref) const { return m_pending.contains(ref); }
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void confirmed(const FlagRef &ref, FlagAction action, const Flag &flag);
    void failed(const FlagRef &ref, FlagAction action, const QString &reason);

private:
    struct Pending
    {
        Change change;
        QString intentId;
        QTimer *timeout = nullptr;
    };

    void storeServerFlag(const FlagRef &ref, const Flag &flag);
    void succeed(const FlagRef &ref, const Flag &flag);
    void fail(const FlagRef &ref, const QString &reason);
    void audit(const FlagRef &ref, const Pending &pending, const QString &outcome, const QString &comment);

    FlagTableModel *m_flags;
    AuditWriter *m_audit;
    ServerLookup m_servers;
    QString m_actor;
    int m_timeoutMs = DefaultTimeoutMs;
    QHash<FlagRef, Pending> m_pending;
};
