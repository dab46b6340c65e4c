#include "evalreportfiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EvalReportFiles)
};

QString absolutePath(const ContractEval &eval, const QString &contractFile)
{
    if (QDir::isAbsolutePath(eval.report))
        return QDir::cleanPath(eval.report);
    return QDir::cleanPath(QFileInfo(contractFile).absoluteDir().filePath(eval.report));
}

bool isGlob(const QString &name)
{
    return name.contains(QLatin1Char('*')) || name.contains(QLatin1Char('?')) || name.contains(QLatin1Char('['));
}

} // namespace

QString EvalReportFiles::folderOf(const ContractEval &eval, const QString &contractFile)
{
    return QFileInfo(absolutePath(eval, contractFile)).absolutePath();
}

QString EvalReportFiles::find(const ContractEval &eval, const QString &contractFile, QString *why)
{
    const QFileInfo wanted(absolutePath(eval, contractFile));
    if (isGlob(wanted.absolutePath())) {
        *why = Text::tr("only the file name may be a glob, not its folders: %1").arg(eval.report);
        return {};
    }
    if (!isGlob(wanted.fileName())) {
        if (!wanted.isFile()) {
            *why = Text::tr("there is no report %1").arg(QDir::toNativeSeparators(wanted.filePath()));
            return {};
        }
        return wanted.filePath();
    }
    const QDir folder = wanted.absoluteDir();
    const QFileInfoList matches = folder.entryInfoList({wanted.fileName()}, QDir::Files, QDir::Time);
    if (matches.isEmpty()) {
        *why = Text::tr("no report matches %1").arg(QDir::toNativeSeparators(wanted.filePath()));
        return {};
    }
    return matches.constFirst().filePath();
}

EvalReportRead EvalReportFiles::read(const QString &path, qint64 *fileTimeMs)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return EvalReportRead::failure(Text::tr("cannot read: %1").arg(file.errorString()));
    if (file.size() > MaxReportBytes)
        return EvalReportRead::failure(Text::tr("larger than 64 MiB; not read"));
    const QDateTime modified = QFileInfo(file).lastModified();
    *fileTimeMs = modified.isValid() ? modified.toMSecsSinceEpoch() : 0;
    return readEvalReport(file.readAll());
}

EvalCheck EvalReportFiles::check(const QString &stage, const ContractEval &eval, const QString &contractFile, qint64 nowMs)
{
    QString why;
    const QString path = find(eval, contractFile, &why);
    if (path.isEmpty())
        return evalWithoutReport(stage, eval, EvalCheck::State::Missing, {}, why);
    qint64 fileTimeMs = 0;
    const EvalReportRead read = EvalReportFiles::read(path, &fileTimeMs);
    if (!read.report) {
        EvalCheck check = evalWithoutReport(stage, eval, EvalCheck::State::Unreadable, path,
                                            Text::tr("the report cannot be used: %1").arg(read.error));
        check.problemLine = read.line;
        check.problemColumn = read.column;
        return check;
    }
    EvalCheck check = checkEvalReport(stage, eval, *read.report, fileTimeMs, nowMs);
    check.location = path;
    return check;
}
