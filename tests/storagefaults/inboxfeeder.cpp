// An agent that keeps proposing while the team inbox may go away: COUNT proposals, one every
// INTERVAL_MS, each for one of the sandbox's production flags, each from an agent of its own (so
// none supersedes another) with the reason "feed #k". A proposal that could not be stored is
// tried again on a new connection once the database answers; one whose answer was lost is looked
// up by its reason first, so that it is never stored twice. Prints "stored k ID" per proposal,
// "retry k: why" per failed attempt; exits 0 once all are stored, 1 if the inbox stayed away 40 s.
#include "store/proposalinbox.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QThread>

#include <cstdio>
#include <memory>

namespace {

std::unique_ptr<ProposalInbox> openInbox(const QString &location, QString *error)
{
    auto inbox = std::make_unique<ProposalInbox>();
    if (const Result<void> opened = inbox->open(location); !opened) {
        *error = opened.error();
        return nullptr;
    }
    return inbox;
}

// The proposal stored with this reason before, if an answer was lost.
QString storedBefore(ProposalInbox &inbox, const QString &flagKey, const QString &reason)
{
    const Result<QList<Proposal>> stored = inbox.list(std::nullopt, flagKey);
    if (!stored)
        return {};
    for (const Proposal &proposal : stored.value()) {
        if (proposal.reason == reason)
            return proposal.id;
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5) {
        std::fprintf(stderr, "usage: inboxfeeder LOCATION COUNT INTERVAL_MS FLAG_KEY...\n");
        return 2;
    }
    const QString location = args.at(1);
    const int count = args.at(2).toInt();
    const int intervalMs = args.at(3).toInt();
    const QStringList keys = args.mid(4);
    QString error;
    std::unique_ptr<ProposalInbox> inbox = openInbox(location, &error);
    if (!inbox) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    for (int k = 1; k <= count; ++k) {
        Proposal proposal;
        proposal.proposer = {QStringLiteral("feeder-%1").arg(k), QStringLiteral("inboxfeeder"), QStringLiteral("1"), QString()};
        proposal.target = {QStringLiteral("sandbox"), QStringLiteral("production"), keys.at((k - 1) % keys.size())};
        proposal.action = FlagAction::Kill;
        proposal.flagRevision = QStringLiteral("feed");
        proposal.reason = QStringLiteral("feed #%1").arg(k);
        proposal.risk = Contract::Risk::Low;
        const qint64 giveUpMs = QDateTime::currentMSecsSinceEpoch() + 40000;
        bool failedBefore = false;
        for (;;) {
            if (inbox && failedBefore) {
                if (const QString id = storedBefore(*inbox, proposal.target.key, proposal.reason); !id.isEmpty()) {
                    std::printf("stored %d %s\n", k, qPrintable(id));
                    break;
                }
            }
            const Result<Proposal> stored = inbox ? inbox->propose(proposal) : Result<Proposal>::failure(error);
            if (stored) {
                std::printf("stored %d %s\n", k, qPrintable(stored->id));
                break;
            }
            std::printf("retry %d: %s\n", k, qPrintable(stored.error().simplified()));
            std::fflush(stdout);
            failedBefore = true;
            if (QDateTime::currentMSecsSinceEpoch() > giveUpMs)
                return 1;
            QThread::msleep(250);
            inbox = openInbox(location, &error);
        }
        std::fflush(stdout);
        QThread::msleep(intervalMs);
    }
    return 0;
}
