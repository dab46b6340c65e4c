#pragma once

#include "contract.h"
#include "evalreport.h"

#include <QJsonObject>
#include <QString>

// What a stage's required eval evidence shows now: the report found for it, held against the
// contract's threshold and maximum age.
struct EvalCheck
{
    enum class State {
        Passed,
        Failed,     // below the threshold, or a required metric out of bounds or missing
        Stale,      // older than the contract's max_age
        Missing,    // no file matches, or the URL answers with an error
        Unreadable, // not a report FlagDeck reads, or not the suite or variation the contract names
        Pending,    // a URL not fetched yet
    };

    QString stage;
    ContractEval eval;
    State state = State::Pending;
    QString location; // the file read or the URL; empty when nothing matched
    int passed = 0;
    int total = 0;
    qint64 reportTimeMs = 0;
    // "citation_first_v2 — 198 of 200 passed (≥ 97% required), report 2 h old (≤ 24 h)", or what is wrong.
    QString summary;
    // A bad report: where in it (1-based; 0 when not known).
    int problemLine = 0;
    int problemColumn = 0;
    // Unreadable because the report is not of the suite, or has no results for the variation, the
    // contract names: the contract's line to look at.
    enum class Mismatch { None, Suite, Variation };
    Mismatch mismatch = Mismatch::None;

    bool passes() const { return state == State::Passed; }
};

QString evalStateName(EvalCheck::State state);

// Holds a report against the eval the contract requires. fileTimeMs stands in for a report that
// does not say when it ran (its file's modification time, or the HTTP Last-Modified).
EvalCheck checkEvalReport(const QString &stage, const ContractEval &eval, const EvalReport &report, qint64 fileTimeMs,
                          qint64 nowMs);
// An eval with no report to hold it against, and why.
EvalCheck evalWithoutReport(const QString &stage, const ContractEval &eval, EvalCheck::State state,
                            const QString &location, const QString &reason);

// For agents (flagdeck mcp) and proposals' evidence: the state, the counts, the ages, the summary.
QJsonObject evalCheckToJson(const EvalCheck &check, qint64 nowMs);
