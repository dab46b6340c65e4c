#pragma once

#include "../core/auditentry.h"
#include "../core/flag.h"
#include "../core/flagref.h"

#include <QHash>
#include <QObject>
#include <QSet>

class AuditWriter;
class FlagStore;

// What a console asked of a server and never heard the answer to, because it stopped (was killed,
// crashed, lost power) between asking and hearing: the audit cache holds the change's "requested"
// row and no outcome. Once the server delivered its flags again, each such intent is told to the
// person — what was asked, when, and what the server says of the flag now — and its outcome is
// audited as "interrupted" with the server's word, so it is told once.
class InterruptedChanges : public QObject
{
    Q_OBJECT

public:
    // A request younger than this may still be answered in another console on the same cache
    // (its change's timeout): it is looked at again once it is older.
    static constexpr int AnswerWindowMs = 12000;

    InterruptedChanges(FlagStore *flags, AuditWriter *audit, QObject *parent = nullptr);

    // The connection's flags are what its server says now: reconcile its unanswered requests.
    void check(const QString &connectionId);

    // The sentence the person reads for one interrupted request, given the flag as its server
    // reports it now (nullptr: the server no longer has the flag).
    static QString sentence(const AuditEntry &requested, const Flag *now);

Q_SIGNALS:
    // One interrupted request, reconciled and audited; message is the sentence above.
    void interrupted(const FlagRef &ref, const QString &message);

private:
    FlagStore *m_flags;
    AuditWriter *m_audit;
    QSet<QString> m_told;             // source ids of requests reconciled in this run
    QHash<QString, bool> m_recheckSet; // per connection: a later look is scheduled
};
