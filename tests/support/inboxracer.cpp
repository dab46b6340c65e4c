// A second (third, …) console for the exactly-once tests: opens the inbox, waits for a common
// moment, then approves (and, when that made it approved, claims) or only claims a proposal, or
// claims an action as a guard does (ID is then the action's key).
// REVIEWER "-" is whoever the inbox knows this process as (its identity(): the signed-in role on
// PostgreSQL, the process's account on SQLite), as a console decides.
// Prints "claimed", "not claimed" or "refused: why".
#include "store/proposalinbox.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QThread>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 7) {
        std::fprintf(stderr, "usage: inboxracer LOCATION ID approve|claim|claim-action REVIEWER|- REVISION START_MS\n");
        return 2;
    }
    ProposalInbox inbox;
    if (const Result<void> opened = inbox.open(args.at(1)); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 2;
    }
    const qint64 startMs = args.at(6).toLongLong();
    while (QDateTime::currentMSecsSinceEpoch() < startMs)
        QThread::usleep(200);
    const QString &id = args.at(2);
    const QString reviewer = args.at(4) == QStringLiteral("-") ? inbox.identity() : args.at(4);
    if (args.at(3) == QStringLiteral("approve")) {
        ProposalInbox::DecisionRequest request;
        request.proposalId = id;
        request.decision.reviewer = reviewer;
        request.decision.flagRevision = args.at(5);
        request.currentRevision = args.at(5);
        request.approvalsRequired = 1;
        request.nowMs = QDateTime::currentMSecsSinceEpoch();
        const Result<Proposal> decided = inbox.decide(request);
        if (!decided) {
            std::printf("refused: %s\n", qPrintable(decided.error()));
            return 0;
        }
    }
    const Result<bool> claimed = args.at(3) == QStringLiteral("claim-action")
                                     ? inbox.claimAction(id, reviewer, QDateTime::currentMSecsSinceEpoch())
                                     : inbox.claim(id, reviewer, QDateTime::currentMSecsSinceEpoch());
    if (!claimed)
        std::printf("refused: %s\n", qPrintable(claimed.error()));
    else
        std::printf(claimed.value() ? "claimed\n" : "not claimed\n");
    return 0;
}
