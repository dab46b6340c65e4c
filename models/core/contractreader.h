#pragma once

#include "contract.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One thing a contract file gets wrong (or risks getting wrong), where it is.
struct ContractFinding
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString file;
    int line = 0;   // 1-based; 0 when the finding is about the whole file
    int column = 0; // 1-based
    QString message;

    // "contracts/route.yaml:12:7: error: …", the form compilers and editors understand. The
    // severity word is English in every language: CI scripts and editors match it.
    QString text() const;
};

struct ContractReadResult
{
    std::optional<Contract> contract; // absent when the file has an error
    QList<ContractFinding> findings;
    // What the file is about, read even when it has errors (empty when the YAML is too broken to
    // tell), so the flag can be shown as having an unreadable contract rather than none.
    QString flagKey;
    QStringList environments;
};

// Reads one contract file (YAML). Every problem found is reported with its line and column; a file
// with any error yields no contract, so a half-understood contract never drives a rollout.
ContractReadResult readContract(const QByteArray &yaml, const QString &fileName);

// "5%", "0.25%" → basis points. Strict: the % sign is required and written right after the number
// ("5" and "5 %" are refused), at most two decimals; the reason when it is not a share of traffic.
Result<int> parsePercent(const QString &text);
// "90m", "24h", "7d", "0" → milliseconds. Strict: a whole number and its unit letter with no space
// between ("24 h", "1 day" and a bare "12" are refused), or 0.
Result<qint64> parseDuration(const QString &text);
