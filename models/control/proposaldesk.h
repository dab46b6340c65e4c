#pragma once

#include "../core/flagchange.h"
#include "../core/proposal.h"
#include "../core/tokenidentity.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Everything a reviewer needs to decide one proposal, worked out against the flag as it is now.
struct ProposalReviewSheet
{
    Proposal proposal;
    bool flagPresent = false;
    QJsonObject current; // the flag now (FlagDeck's JSON form)
    QJsonObject after;   // the flag once the action ran
    QStringList changes; // current → after, in words
    QList<FlagChangeRow> changeRows; // current → after, as a table in percent
    QStringList evidence; // the guardrail evidence in words, relative to the control
    bool stale = false;  // the flag's revision moved since the proposal was made
    QStringList changedSince; // what moved, in words
    QString currentRevision;
    int approvalsRequired = 1;
    int approvalsGiven = 0; // at the current revision
    QString blocker; // why it cannot be approved now; empty when it can
    bool canReject = false; // saying no needs no diff: pending, unexpired, and not the proposer

    // Who decides at this console, and whose token the flag server will see.
    QString reviewer;            // the name the inbox records (PostgreSQL: the signed-in role)
    bool reviewerVouched = false; // the inbox's database set that name, not this console
    QString reviewerAccount;     // this computer's account and the person's name, e.g. "alice (Alice Liddell)"
    TokenIdentity token;         // the account the server connection's token belongs to
    // "you decide as alice (inbox role), sent with alice's FeatBit token"
    QString identityLine;
    QString tokenWarning; // why the server will not record this reviewer as the one who acted
};

// What the approval queue may ask of the controller, and nothing more: the views decide nothing
// themselves and never see the inbox, the flag store or the kill switch behind these calls.
class ProposalDesk
{
public:
    virtual ~ProposalDesk() = default;

    virtual ProposalReviewSheet sheet(const QString &id) const = 0;
    // reReviewed: the reviewer has seen what changed since the proposal was made.
    virtual Result<Proposal> approve(const QString &id, const QString &comment, bool reReviewed) = 0;
    virtual Result<Proposal> reject(const QString &id, const QString &comment) = 0;
    // Runs an approved proposal that no console has run yet; false: another console claimed it,
    // or it is not approved.
    virtual Result<bool> run(const QString &id) = 0;
};
