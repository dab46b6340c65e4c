#pragma once

#include "contract.h"
#include "flag.h"
#include "result.h"
#include "flagaction.h"
#include "flagref.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// Where a proposal is in its life. Pending waits for decisions; approved has enough of them and
// waits to be claimed by one console; executing was claimed and sent; the rest are final.
enum class ProposalStatus { Pending, Approved, Rejected, Executing, Executed, Failed, Expired, Superseded };

QString proposalStatusName(ProposalStatus status);
std::optional<ProposalStatus> proposalStatusFromName(const QString &name);
bool isFinalStatus(ProposalStatus status);

// Who asked: the agent, the MCP client it ran in, and the model when it said, all as the agent says
// (Proposal::proposerRole is who the inbox saw insert it).
struct Proposer
{
    QString agent;
    QString clientName;
    QString clientVersion;
    QString model;

    friend bool operator==(const Proposer &, const Proposer &) = default;
};

// One reviewer's verdict, made against one revision of the flag.
struct ProposalDecision
{
    enum class Verdict { Approve, Reject };

    QString reviewer; // on PostgreSQL the signed-in role (the database refuses any other name)
    qint64 timeMs = 0;
    Verdict verdict = Verdict::Approve;
    QString comment;
    QString flagRevision;

    friend bool operator==(const ProposalDecision &, const ProposalDecision &) = default;
};

QString verdictName(ProposalDecision::Verdict verdict);

// An action an agent (or the guardrail monitor) asks to take on one flag, waiting for people.
struct Proposal
{
    QString id;
    qint64 seq = 0; // the inbox's change counter when this row last changed
    qint64 createdMs = 0;
    Proposer proposer;
    // The account the inbox saw insert the proposal: on PostgreSQL the database's signed-in role,
    // set by the database; on SQLite the operating system's account of the proposing process.
    // Empty for proposals stored before the inbox knew it (schema 2).
    QString proposerRole;
    FlagRef target;
    FlagAction action = FlagAction::Kill;
    QJsonObject parameters; // set_rollout: {"rollout": [{variation, basisPoints}, …]}
    QString flagRevision;   // the revision the proposer saw
    QJsonObject flagBefore; // the flag as the proposer saw it (FlagDeck's JSON form)
    QString reason;
    QJsonObject evidence; // {"metrics": {...}, "links": [...]} as the proposer gave it
    Contract::Risk risk = Contract::Risk::Medium;
    qint64 expiresMs = 0;
    ProposalStatus status = ProposalStatus::Pending;
    QString outcome; // what happened when it ran, or why it stopped
    qint64 updatedMs = 0;
    QList<ProposalDecision> decisions;

    bool isExpired(qint64 nowMs) const { return expiresMs > 0 && nowMs >= expiresMs; }
    // Approvals that count: given against this revision of the flag.
    int approvalsAt(const QString &revision) const;
    bool wasDecidedBy(const QString &reviewer, const QString &revision) const;

    friend bool operator==(const Proposal &, const Proposal &) = default;
};

Q_DECLARE_METATYPE(Proposal)

// A person's own change that their flag's contract puts under review goes to the queue as a
// proposal by that person, made in this client.
QString personProposalClient();
bool isPersonProposal(const Proposal &proposal);

// What the approval queue's Status column says: "pending · 59 min left", "pending · expired",
// or the final word.
QString proposalStatusText(const Proposal &proposal, qint64 nowMs);
// A rollback, fallback or kill asked for because a guardrail regressed (the evidence's verdict
// says so): the queue puts these first, as they are the ones that cannot wait.
bool isRegressionDriven(const Proposal &proposal);

// The flag after a kill, a restore or a set_rollout with these parameters, or why it cannot be.
// Stage actions depend on the flag's contract and are worked out by StageActions.
Result<Flag> flagAfterAction(const Flag &current, FlagAction action, const QJsonObject &parameters);
// A revert's parameters: the audit cache's row ids of the changes it puts back, {"changes": [ids]}.
QJsonObject revertParameters(const QList<qint64> &changeIds);
Result<QList<qint64>> revertedChangeIds(const QJsonObject &parameters);
// The share of traffic that a rollout change moves to another variation.
int movedBasisPoints(const Rollout &before, const Rollout &after);

// The form agents read (get_proposal, list_proposals).
QJsonObject proposalToJson(const Proposal &proposal);
