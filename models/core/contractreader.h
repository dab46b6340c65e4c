#pragma once

#include "contract.h"

#include <QList>
#include <QString>

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

    // "contracts/route.yaml:12:7: error: …", the form compilers and editors understand.
    QString text() const;
};

struct ContractReadResult
{
    std::optional<Contract> contract; // absent when the file has an error
    QList<ContractFinding> findings;
};

// Reads one contract file (YAML). Every problem found is reported with its line and column; a file
// with any error yields no contract, so a half-understood contract never drives a rollout.
ContractReadResult readContract(const QByteArray &yaml, const QString &fileName);

// "5%", "0.25%", "5" (percent) → basis points; the reason when it is not a share of traffic.
Result<int> parsePercent(const QString &text);
// "90m", "24h", "7d", "0" → milliseconds.
Result<qint64> parseDuration(const QString &text);
