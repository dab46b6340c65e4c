#pragma once

#include "core/proposal.h"
#include "store/proposalinbox.h"
#include "teaminbox.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <csignal>
#include <functional>
#include <memory>
#include <vector>

// Exactly once under crashes: a FeatBit server in a process of its own holds one flag per
// proposal; every proposal sets its flag's rollout to a share no other proposal asks for. Racing
// consoles (approvalracer, each a whole ConsoleController) approve and run them; a killer SIGKILLs
// racers at random moments and the racers kill themselves at labelled points of claim and
// execution; each dead one is replaced by its next start, which reconciles what it left. Then one
// more console starts (the "next start"), and the server's own audit log, read through its API,
// says how many times each proposal's change was applied.
struct ApprovalRaceOptions
{
    QString racerBinary;
    QString serverBinary;
    QString workDir;
    QString racerInbox;    // where the racers open the inbox (a reviewer's role on PostgreSQL)
    QString proposerInbox; // where the proposals are made (an agent's role on PostgreSQL)
    int proposals = 100;
    int racers = 4;
    int maxKills = 8;         // by the killer, at random moments of a racer that has loaded
    int killEveryMinMs = 150; // the killer's pause between two kills
    int killEveryMaxMs = 600;
    double dieClaimed = 0.0; // each racer's chance to SIGKILL itself right after a claim
    double dieSending = 0.0; // … 0–8 ms after its change started
    int budgetMs = 120000;
    quint32 seed = 1;
};

struct ApprovalRaceResult
{
    QString error; // empty when the race ran to its end and was counted
    int proposals = 0;
    int executed = 0;              // applied exactly once by the server, and recorded executed
    int duplicateExecutions = 0;   // applied more than once
    int lostExecutions = 0;        // applied never, and not reported failed or interrupted
    int misreported = 0;           // applied once, but the inbox says it failed
    int unfinished = 0;            // still pending, approved or executing at the end
    int failed = 0;                // not applied, reported failed (not by an interruption)
    int reconciledApplied = 0;     // interrupted, then found applied on the server
    int reconciledInterrupted = 0; // interrupted, reported so (not applied, or cannot tell)
    int killed = 0;
    int selfKilled = 0;
    int restarts = 0;
    double seconds = 0;
};

namespace ApprovalRace {

// The server's audit log through its own API: how many default-rule changes each flag id had.
inline QString countServerWrites(const QJsonObject &server, QHash<QString, int> &writes)
{
    QNetworkAccessManager network;
    const QString base = server.value(QStringLiteral("api")).toString();
    const QString environment = server.value(QStringLiteral("environment")).toString();
    constexpr int PageSize = 500;
    for (int page = 0;; ++page) {
        QUrl url(QStringLiteral("%1/api/v1/envs/%2/audit-logs").arg(base, environment));
        url.setQuery(QUrlQuery{{QStringLiteral("pageIndex"), QString::number(page)},
                               {QStringLiteral("pageSize"), QString::number(PageSize)}});
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", server.value(QStringLiteral("token")).toString().toUtf8());
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        if (!reply->isFinished() || reply->error() != QNetworkReply::NoError)
            return QStringLiteral("the server's audit log did not answer: %1").arg(reply->errorString());
        const QJsonObject data = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("data")).toObject();
        const QJsonArray items = data.value(QStringLiteral("items")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject entry = item.toObject();
            const QJsonArray instructions = entry.value(QStringLiteral("instructions")).toArray();
            if (!instructions.isEmpty()
                && instructions.first().toObject().value(QStringLiteral("kind")).toString()
                       == QLatin1String("UpdateDefaultRuleVariationOrRollouts"))
                ++writes[entry.value(QStringLiteral("refId")).toString()];
        }
        if (items.size() < PageSize)
            return {};
    }
}

// A team inbox on a real PostgreSQL: created by its owner, proposals made by an agent's role that may
// only insert them, decided and run by a reviewer's role. Gives an error, empty when set up.
inline QString preparePostgres(PostgresServer &postgres, ApprovalRaceOptions &options)
{
    const Result<QString> database = createTeamInbox(
        postgres, {{QStringLiteral("once_agent"), ProposalInbox::agentRoleStatements(QStringLiteral("once_agent"))},
                   {QStringLiteral("once_reviewer"), ProposalInbox::reviewerRoleStatements(QStringLiteral("once_reviewer"))}});
    if (!database)
        return database.error();
    options.proposerInbox = postgres.url(database.value(), QStringLiteral("once_agent"));
    options.racerInbox = postgres.url(database.value(), QStringLiteral("once_reviewer"));
    return {};
}

inline void pump(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(500);
    }
}

inline ApprovalRaceResult run(const ApprovalRaceOptions &options)
{
    ApprovalRaceResult result;
    result.proposals = options.proposals;
    QElapsedTimer clock;
    clock.start();
    const auto fail = [&](const QString &error) {
        result.error = error;
        result.seconds = double(clock.elapsed()) / 1000.0;
        return result;
    };

    // The server, in a process of its own.
    const QString serverFile = options.workDir + QStringLiteral("/server.json");
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(options.serverBinary, {QStringLiteral("--project"), QStringLiteral("once"), QStringLiteral("--flags"),
                                        QString::number(options.proposals), QStringLiteral("once"),
                                        QStringLiteral("--describe"), serverFile});
    if (!server.waitForStarted(10000))
        return fail(QStringLiteral("the FeatBit server did not start: %1").arg(server.errorString()));
    const auto stopServer = qScopeGuard([&] {
        server.closeWriteChannel();
        if (!server.waitForFinished(5000)) {
            server.kill();
            server.waitForFinished(5000);
        }
    });
    QDeadlineTimer ready(30000);
    while (!server.readAllStandardOutput().contains("ready")) {
        if (ready.hasExpired() || server.state() != QProcess::Running)
            return fail(QStringLiteral("the FeatBit server did not get ready"));
        server.waitForReadyRead(100);
    }
    QFile file(serverFile);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("the FeatBit server wrote nothing"));
    const QJsonObject serverJson = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray flags = serverJson.value(QStringLiteral("flags")).toArray();

    // The proposals, as an agent makes them: each sets its own flag to a share of its own.
    QHash<QString, QString> flagIdByKey;
    {
        ProposalInbox agent;
        if (const Result<void> opened = agent.open(options.proposerInbox); !opened)
            return fail(opened.error());
        for (int i = 0; i < flags.size(); ++i) {
            const QJsonObject flag = flags.at(i).toObject();
            flagIdByKey.insert(flag.value(QStringLiteral("key")).toString(), flag.value(QStringLiteral("id")).toString());
            const int share = 100 + (i * 9) % 4800; // never the 5000 the flag starts with
            Proposal proposal;
            proposal.proposer = {QStringLiteral("once-agent"), QStringLiteral("exactly-once test"), QStringLiteral("1"),
                                 QStringLiteral("none")};
            proposal.target = {QStringLiteral("featbit"), QStringLiteral("once/production"),
                               flag.value(QStringLiteral("key")).toString()};
            proposal.action = FlagAction::SetRollout;
            proposal.parameters = QJsonObject{
                {QStringLiteral("rollout"),
                 QJsonArray{QJsonObject{{QStringLiteral("variation"), flag.value(QStringLiteral("on"))},
                                        {QStringLiteral("basisPoints"), share}},
                            QJsonObject{{QStringLiteral("variation"), flag.value(QStringLiteral("off"))},
                                        {QStringLiteral("basisPoints"), 10000 - share}}}}};
            proposal.flagRevision = flag.value(QStringLiteral("revision")).toString();
            proposal.reason = QStringLiteral("exactly once, %1").arg(i);
            proposal.risk = Contract::Risk::Low;
            if (const Result<Proposal> made = agent.propose(proposal); !made)
                return fail(made.error());
        }
    }

    // The racers, the killer, the replacements.
    QRandomGenerator random(options.seed);
    struct Slot
    {
        std::unique_ptr<QProcess> process;
        QByteArray output;
        bool loaded = false;
        bool killedByUs = false;
        bool done = false;
    };
    std::vector<Slot> slots(size_t(options.racers));
    QString racerError;
    quint32 starts = 0;
    const auto startRacer = [&](size_t index, bool mayDie) {
        Slot &slot = slots[index];
        slot.process = std::make_unique<QProcess>();
        slot.output.clear();
        slot.loaded = false;
        slot.killedByUs = false;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (mayDie)
            environment.insert(QStringLiteral("FLAGDECK_RACER_DIE"),
                               QStringLiteral("claimed=%1,sending=%2").arg(options.dieClaimed).arg(options.dieSending));
        else
            environment.remove(QStringLiteral("FLAGDECK_RACER_DIE"));
        slot.process->setProcessEnvironment(environment);
        slot.process->setProcessChannelMode(QProcess::SeparateChannels);
        slot.process->start(options.racerBinary, {options.racerInbox, serverFile, options.workDir,
                                                  QStringLiteral("slot%1").arg(index),
                                                  QString::number(options.seed * 1000 + ++starts)});
    };
    for (size_t i = 0; i < slots.size(); ++i)
        startRacer(i, true);

    QDeadlineTimer budget(options.budgetMs);
    qint64 nextKillMs = clock.elapsed() + random.bounded(options.killEveryMinMs, options.killEveryMaxMs + 1);
    for (;;) {
        bool allDone = true;
        for (size_t i = 0; i < slots.size(); ++i) {
            Slot &slot = slots[i];
            if (slot.done)
                continue;
            allDone = false;
            slot.output += slot.process->readAllStandardOutput();
            slot.loaded = slot.loaded || slot.output.contains("loaded");
            if (slot.process->state() != QProcess::NotRunning)
                continue;
            slot.output += slot.process->readAllStandardOutput();
            if (slot.process->exitStatus() == QProcess::CrashExit) {
                if (slot.killedByUs)
                    ++result.killed;
                else if (slot.output.contains("dying"))
                    ++result.selfKilled;
                else
                    racerError = QStringLiteral("a racer crashed: %1").arg(QString::fromUtf8(slot.process->readAllStandardError()));
                ++result.restarts;
                startRacer(i, true);
            } else if (slot.process->exitCode() != 0) {
                racerError = QStringLiteral("a racer failed (%1): %2")
                                 .arg(slot.process->exitCode())
                                 .arg(QString::fromUtf8(slot.process->readAllStandardError()).trimmed());
            } else {
                slot.done = true;
            }
        }
        if (!racerError.isEmpty())
            break;
        if (allDone)
            break;
        if (budget.hasExpired()) {
            racerError = QStringLiteral("the racers did not finish within %1 s").arg(options.budgetMs / 1000);
            break;
        }
        if (clock.elapsed() >= nextKillMs && result.killed < options.maxKills) {
            std::vector<size_t> candidates;
            for (size_t i = 0; i < slots.size(); ++i) {
                if (!slots[i].done && slots[i].loaded && slots[i].process->state() == QProcess::Running)
                    candidates.push_back(i);
            }
            if (!candidates.empty()) {
                Slot &victim = slots[candidates[random.bounded(quint32(candidates.size()))]];
                victim.killedByUs = true;
                ::kill(pid_t(victim.process->processId()), SIGKILL);
            }
            nextKillMs = clock.elapsed() + random.bounded(options.killEveryMinMs, options.killEveryMaxMs + 1);
        }
        pump(5);
    }
    for (Slot &slot : slots) {
        if (slot.process && slot.process->state() != QProcess::NotRunning) {
            slot.process->kill();
            slot.process->waitForFinished(5000);
        }
    }
    if (!racerError.isEmpty())
        return fail(racerError);

    // The next start: a console that nobody kills, which reconciles whatever is left.
    startRacer(0, false);
    QProcess &last = *slots[0].process;
    if (!last.waitForFinished(60000) || last.exitStatus() != QProcess::NormalExit || last.exitCode() != 0)
        return fail(QStringLiteral("the last console's start failed: %1").arg(QString::fromUtf8(last.readAllStandardError()).trimmed()));

    // Counted from the server's own audit log.
    QHash<QString, int> writes;
    if (const QString error = countServerWrites(serverJson, writes); !error.isEmpty())
        return fail(error);
    ProposalInbox reader;
    if (const Result<void> opened = reader.open(options.proposerInbox); !opened)
        return fail(opened.error());
    const Result<QList<Proposal>> all = reader.list(std::nullopt, {}, 100000);
    if (!all)
        return fail(all.error());
    if (all->size() != options.proposals)
        return fail(QStringLiteral("the inbox holds %1 proposals, not %2").arg(all->size()).arg(options.proposals));
    for (const Proposal &proposal : all.value()) {
        const int applied = writes.value(flagIdByKey.value(proposal.target.key));
        const bool interrupted = proposal.outcome.contains(QLatin1String("interrupted"));
        if (interrupted)
            ++(proposal.status == ProposalStatus::Executed ? result.reconciledApplied : result.reconciledInterrupted);
        if (!isFinalStatus(proposal.status))
            ++result.unfinished;
        if (applied > 1)
            ++result.duplicateExecutions;
        else if (applied == 0 && proposal.status != ProposalStatus::Failed)
            ++result.lostExecutions;
        else if (applied == 0 && !interrupted)
            ++result.failed;
        else if (applied == 1 && proposal.status == ProposalStatus::Executed)
            ++result.executed;
        else if (applied == 1 && proposal.status == ProposalStatus::Failed)
            ++result.misreported;
    }
    result.seconds = double(clock.elapsed()) / 1000.0;
    return result;
}

} // namespace ApprovalRace
