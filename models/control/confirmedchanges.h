#pragma once

#include "../core/auditentry.h"
#include "../core/flagaction.h"
#include "../core/flagref.h"
#include "flagstore.h"

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
// by a live change that shows it — or it fails or times out. The flag store holds the change as
// pending until then; the reply enters the store like every other word of the server, and the
// confirmation is read from what the store was told. Every change is handed to the audit cache
// before the server is asked ("requested"), and again with its outcome; the caller learns the
// outcome of its own change through the completion it passed.
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
        FlagStore::Operation pendingOperation = FlagStore::Operation::None;
        FlagStore::Operation failedOperation = FlagStore::Operation::None;
        std::optional<Actor> actor; // absent: this console's person
        // Called once the server confirmed the change, before the row stops showing it pending: what
        // the row shows of a confirmed change beside the server's flag (a kill's who and when) is
        // set in the same step, so the row never passes through a state that is not the truth.
        std::function<void(const Flag &)> beforeSettled;
        // The server's reply alone confirms it, and its flag is not reported to the store: an
        // archive, after which the server no longer holds the flag (its next snapshot drops it).
        bool confirmedByReply = false;
    };

    // How one change ended: confirmed by the server (flag is what it reported), or failed (reason).
    struct Outcome
    {
        FlagRef ref;
        FlagAction action = FlagAction::Kill;
        bool confirmed = false;
        Flag flag;
        QString reason;
    };
    using Completion = std::function<void(const Outcome &)>;

    static constexpr int DefaultTimeoutMs = 10000;
    // How long a change that failed without the server's word waits for it (see awaitsLateAnswer()).
    static constexpr qint64 LateWordMs = 5 * 60 * 1000;

    ConfirmedChanges(FlagStore *flags, AuditWriter *audit, ServerLookup servers, QObject *parent = nullptr);
    ~ConfirmedChanges() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }
    void setActor(const QString &actor) { m_actor = actor; }
    const QString &actor() const { return m_actor; }

    // False (nothing sent, done never called) when a change of this flag is already under way or
    // the store does not know the flag. Otherwise done is called exactly once, with the outcome.
    bool start(const FlagRef &ref, Change change, const QString &comment, Completion done = {});

    bool isPending(const FlagRef &ref) const { return m_pending.contains(ref); }
    // A change that failed without the server's word on it — it stayed silent past the timeout, or
    // the connection broke with the request sent — so it may still be carried out: the server's
    // next word on the flag decides. Showing it done, it turns the row and is audited as
    // confirmed (after the failure); not showing it, once no reply is out, ends the wait.
    bool awaitsLateAnswer(const FlagRef &ref) const { return m_late.contains(ref); }
    // Why this action cannot work on this flag's server (a server too old, a token without the
    // permission), so it is refused before anything is sent; empty when nothing says so.
    QString unavailable(const FlagRef &ref, FlagAction action) const;
    // The flag in every environment an archive of it takes it out of, its own first.
    QList<FlagRef> archiveReach(const FlagRef &ref) const;
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void confirmed(const FlagRef &ref, FlagAction action, const Flag &flag);
    void failed(const FlagRef &ref, FlagAction action, const QString &reason);

private:
    struct Pending
    {
        Change change;
        QString intentId;
        QString comment; // the person's or the proposal's words: the confirmation carries them too
        QTimer *timeout = nullptr;
        Completion done;
        bool timedOut = false; // waiting late: the timeout failed it (else the connection broke)
        bool replyOut = false; // waiting late: its reply may still come
        qint64 lateUntilMs = 0; // waiting late: a word after this is not taken as its answer
    };

    // Whatever a server reported of a flag: the confirmation if it shows a pending change.
    void noteReported(const FlagRef &ref, const Flag &flag);
    // A whole environment reported (a poll's or a reconnection's snapshot): the late ones in it.
    void noteEnvironment(const QString &connectionId, const QString &environment);
    void watchLate(const FlagRef &ref, Pending pending, bool timedOut);
    void noteLate(const FlagRef &ref, const Flag &flag);
    void succeed(const FlagRef &ref, const Flag &flag);
    // The server confirmed a change after the timeout had failed it.
    void succeedLate(const FlagRef &ref, const Flag &flag);
    void fail(const FlagRef &ref, const QString &reason);
    void audit(const FlagRef &ref, const Pending &pending, const QString &outcome, const QString &comment);

    FlagStore *m_flags;
    AuditWriter *m_audit;
    ServerLookup m_servers;
    QString m_actor;
    int m_timeoutMs = DefaultTimeoutMs;
    QHash<FlagRef, Pending> m_pending;
    QHash<FlagRef, Pending> m_late; // failed without the server's word (no timer, done already called)
};
