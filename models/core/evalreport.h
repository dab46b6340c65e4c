#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// One column of an eval report: a suite run against one variation — a prompt × provider of
// promptfoo, a test suite of JUnit XML, a variation of FlagDeck's own format.
struct EvalColumn
{
    QString suite;
    QStringList names; // the variation names this column answers to; empty: the report does not say
    int passed = 0;
    int total = 0; // every case: passed, failed, errored and skipped
    QMap<QString, double> metricSums;
    QMap<QString, int> metricCounts;

    void addMetric(const QString &name, double value)
    {
        metricSums[name] += value;
        metricCounts[name] += 1;
    }
};

// An eval report as read, whatever format it came in.
struct EvalReport
{
    enum class Format { Promptfoo, JUnit, FlagDeck };

    Format format = Format::Promptfoo;
    qint64 timeMs = 0; // when the eval ran, as the report says; 0: it does not say
    QList<EvalColumn> columns;
};

QString evalFormatName(EvalReport::Format format);

// A report, or what is wrong with it and where (1-based; 0 when not known).
struct EvalReportRead
{
    std::optional<EvalReport> report;
    int line = 0;
    int column = 0;
    QString error;

    static EvalReportRead failure(const QString &error, int line = 0, int column = 0)
    {
        return {std::nullopt, line, column, error};
    }
};

// Reads a report in any of the formats FlagDeck knows, telling them apart by their content.
EvalReportRead readEvalReport(const QByteArray &data);

// Where a byte offset of a text is (1-based line and column).
void lineAndColumn(const QByteArray &data, qsizetype offset, int *line, int *column);
