// One console of the exactly-once-under-crashes test: a whole ConsoleController (flag store,
// confirmed changes, proposal review) connected to a FeatBit server and an approval inbox, as the
// application starts one. On start it reconciles what dead consoles left executing (as every
// console does), then approves and runs, in its own random order, every proposal still open,
// until all of them are finished; then it prints what it did and exits 0.
//
//   approvalracer INBOX SERVER_JSON STATE_DIR SLOT SEED
//
// SERVER_JSON is what featbitprocess wrote (--describe). STATE_DIR/SLOT-* are this console's
// settings and audit cache: a replacement in the same slot is the same console's next start.
// FLAGDECK_RACER_DIE="claimed=P,sending=P" makes it SIGKILL itself with probability P at a point:
//   claimed  - the inbox has it executing for this console, nothing sent yet;
//   sending  - the change is under way: 0–8 ms later (request out, answer in, outcome recorded or not).
// Prints "executed N", "reconciled APPLIED INTERRUPTED", "done".
#include "control/consolecontroller.h"
#include "control/flagstore.h"
#include "control/proposalreview.h"
#include "core/connectionconfig.h"
#include "store/approvalsettings.h"
#include "store/auditwriter.h"
#include "store/connectionsettings.h"
#include "store/memorysecretstore.h"
#include "store/proposalinbox.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>

namespace {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(300);
    }
    return true;
}

[[noreturn]] void die(const char *point)
{
    std::printf("dying %s\n", point);
    std::fflush(stdout);
    ::raise(SIGKILL);
    std::abort();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.size() != 6) {
        std::fprintf(stderr, "usage: approvalracer INBOX SERVER_JSON STATE_DIR SLOT SEED\n");
        return 2;
    }
    QFile serverFile(args.at(2));
    if (!serverFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(args.at(2)));
        return 2;
    }
    const QJsonObject server = QJsonDocument::fromJson(serverFile.readAll()).object();
    const QString state = args.at(3) + QLatin1Char('/') + args.at(4);
    QRandomGenerator random(args.at(5).toUInt());

    double dieClaimed = 0;
    double dieSending = 0;
    for (const QString &part : qEnvironmentVariable("FLAGDECK_RACER_DIE").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.section(QLatin1Char('='), 0, 0);
        const double p = part.section(QLatin1Char('='), 1).toDouble();
        (name == QLatin1String("claimed") ? dieClaimed : dieSending) = p;
    }

    QSettings settings(state + QStringLiteral(".ini"), QSettings::IniFormat);
    MemorySecretStore secrets;
    secrets.writeSecret(QStringLiteral("featbit-token"), server.value(QStringLiteral("token")).toString(), [](const QString &) {});
    ConnectionConfig featbit;
    featbit.id = QStringLiteral("featbit");
    featbit.kind = ConnectionConfig::Kind::FeatBit;
    featbit.displayName = QStringLiteral("FeatBit");
    featbit.url = QUrl(server.value(QStringLiteral("api")).toString());
    featbit.evaluationUrl = QUrl(server.value(QStringLiteral("evaluation")).toString());
    featbit.secretRef = QStringLiteral("featbit-token");
    ConnectionSettings(settings).save({featbit});
    ApprovalSettings(settings).setApprovalsRequired(Contract::Risk::Low, 1);

    auto audit = std::make_unique<AuditWriter>();
    if (const Result<void> opened = audit->open(state + QStringLiteral("-audit.sqlite")); !opened) {
        std::fprintf(stderr, "cannot open the audit cache: %s\n", qPrintable(opened.error()));
        return 2;
    }
    ConsoleController console(settings, std::move(audit), &secrets);
    console.setInboxLocation(args.at(1));
    ProposalReview *review = console.proposals();
    FlagStore *flags = console.flagStore();

    int reconciledApplied = 0;
    int reconciledInterrupted = 0;
    QObject::connect(review, &ProposalReview::executionReconciled, [&](const Proposal &, bool applied) {
        ++(applied ? reconciledApplied : reconciledInterrupted);
    });
    QString running; // the proposal this console is approving or running now
    // Each point draws once per proposal (the signals below come more than once for one change).
    bool claimedDrawn = false;
    bool sendingDrawn = false;
    QObject::connect(review, &ProposalReview::proposalsChanged, [&](const QList<Proposal> &changed) {
        for (const Proposal &proposal : changed) {
            // run() stores the proposal it claimed before it sends anything.
            if (proposal.id == running && proposal.status == ProposalStatus::Executing && !claimedDrawn) {
                claimedDrawn = true;
                if (random.generateDouble() < dieClaimed)
                    die("claimed");
            }
        }
    });
    QObject::connect(flags, &FlagStore::entryChanged, [&](int index) {
        const FlagStore::Entry &row = flags->at(index);
        const Proposal *current = running.isEmpty() ? nullptr : review->proposal(running);
        if (current && row.ref == current->target && row.hasPendingChange() && !sendingDrawn) {
            sendingDrawn = true;
            if (random.generateDouble() < dieSending) {
                const int delayMs = random.bounded(9);
                QTimer::singleShot(delayMs, [] { die("sending"); });
            }
        }
    });

    console.start(false);
    if (!waitUntil([&] { return console.initialLoadDone() && console.inbox()->isOpen(); }, 30000)) {
        std::fprintf(stderr, "the console did not load\n");
        return 3;
    }
    const int expected = server.value(QStringLiteral("flags")).toArray().size();
    if (!waitUntil([&] { return flags->count() >= expected; }, 30000)) {
        std::fprintf(stderr, "the console shows %d of %d flags\n", flags->count(), expected);
        return 3;
    }
    std::printf("loaded\n");
    std::fflush(stdout);
    review->reconcileInterrupted();

    int executed = 0;
    QElapsedTimer idle;
    idle.start();
    for (;;) {
        review->refresh();
        QList<Proposal> open;
        bool executing = false;
        for (const Proposal &proposal : review->proposals()) {
            if (proposal.status == ProposalStatus::Pending || proposal.status == ProposalStatus::Approved)
                open.append(proposal);
            executing = executing || proposal.status == ProposalStatus::Executing;
        }
        if (open.isEmpty()) {
            if (!executing)
                break;
            // Others run these, or they died doing it: their sessions end, and this console reconciles.
            review->reconcileInterrupted();
            if (idle.elapsed() > 60000) {
                std::fprintf(stderr, "proposals stayed executing for a minute\n");
                return 4;
            }
            waitUntil([] { return false; }, 50);
            continue;
        }
        idle.restart();
        std::shuffle(open.begin(), open.end(), random);
        for (const Proposal &proposal : std::as_const(open)) {
            const Proposal *now = review->proposal(proposal.id);
            if (!now || (now->status != ProposalStatus::Pending && now->status != ProposalStatus::Approved))
                continue;
            running = proposal.id;
            claimedDrawn = false;
            sendingDrawn = false;
            bool ran = false;
            if (now->status == ProposalStatus::Pending) {
                const Result<Proposal> approved = review->approve(proposal.id, QStringLiteral("exactly once"), true);
                ran = approved && approved->status != ProposalStatus::Approved;
                if (!approved)
                    review->run(proposal.id); // approved by another console just now: whoever claims it runs it
            } else {
                const Result<bool> claimed = review->run(proposal.id);
                ran = claimed && claimed.value();
            }
            // Its change under way on this console: wait for the server's answer and the outcome.
            if (!waitUntil(
                    [&] {
                        const FlagStore::Entry *row = flags->find(proposal.target);
                        return !row || !row->hasPendingChange();
                    },
                    20000)) {
                std::fprintf(stderr, "the change of %s did not end\n", qPrintable(proposal.target.key));
                return 4;
            }
            const Proposal *after = review->proposal(proposal.id);
            if (ran && after && after->status == ProposalStatus::Executed)
                ++executed;
            running.clear();
            QCoreApplication::processEvents();
        }
    }
    std::printf("executed %d\nreconciled %d %d\ndone\n", executed, reconciledApplied, reconciledInterrupted);
    return 0;
}
