#pragma once

#include "../core/evalcheck.h"

#include <QString>
#include <QStringList>

// Eval reports on disk, as a contract names them: a file, or a glob in the last part of its path
// ("evals/support-*.json": the most recently modified file that matches), relative to the folder of
// the contract file (also a resource folder, for the sandbox's built-in contracts).
class EvalReportFiles
{
public:
    // A report is a file of test results; anything far larger is not one.
    static constexpr qint64 MaxReportBytes = 64 * 1024 * 1024;

    // The file the eval names now, or empty with the reason.
    static QString find(const ContractEval &eval, const QString &contractFile, QString *why);
    // The folder whose changes can change what find() answers.
    static QString folderOf(const ContractEval &eval, const QString &contractFile);
    // The report of one file, read and held against the eval.
    static EvalCheck check(const QString &stage, const ContractEval &eval, const QString &contractFile, qint64 nowMs);
    // Reads one report file; its modification time in fileTimeMs.
    static EvalReportRead read(const QString &path, qint64 *fileTimeMs);
};
