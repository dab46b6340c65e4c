#include "evalreport.h"

#include "flagdeckevalreport.h"
#include "junitreport.h"
#include "promptfooreport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EvalReport)
};

} // namespace

QString evalFormatName(EvalReport::Format format)
{
    switch (format) {
    case EvalReport::Format::Promptfoo:
        return QStringLiteral("promptfoo");
    case EvalReport::Format::JUnit:
        return QStringLiteral("JUnit XML");
    case EvalReport::Format::FlagDeck:
        return QStringLiteral("FlagDeck");
    }
    Q_UNREACHABLE();
}

void lineAndColumn(const QByteArray &data, qsizetype offset, int *line, int *column)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    const QByteArray before = data.left(offset);
    *line = int(before.count('\n')) + 1;
    *column = int(offset - (before.lastIndexOf('\n') + 1)) + 1;
}

EvalReportRead readEvalReport(const QByteArray &data)
{
    const QByteArray trimmed = data.trimmed();
    if (trimmed.startsWith('<'))
        return JUnitReport::read(data);
    if (!trimmed.startsWith('{'))
        return EvalReportRead::failure(
            Text::tr("not an eval report: expected promptfoo's JSON output, JUnit XML or FlagDeck's eval JSON"), 1, 1);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        int line = 0;
        int column = 0;
        lineAndColumn(data, parseError.offset, &line, &column);
        return EvalReportRead::failure(Text::tr("not valid JSON: %1").arg(parseError.errorString()), line, column);
    }
    const QJsonObject root = document.object();
    if (root.contains(QLatin1String("flagdeck_eval")))
        return FlagDeckEvalReport::read(data, root);
    if (root.value(QLatin1String("results")).isObject())
        return PromptfooReport::read(root);
    return EvalReportRead::failure(Text::tr("JSON, but neither promptfoo's output (no \"results\" object) nor FlagDeck's "
                                            "eval format (no \"flagdeck_eval\")"),
                                   1, 1);
}
