#include "junitreport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QXmlStreamReader>

#include <cmath>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(JUnitReport)
};

EvalReportRead failureAt(const QXmlStreamReader &xml, const QString &message)
{
    return EvalReportRead::failure(message, int(xml.lineNumber()), int(xml.columnNumber()));
}

} // namespace

EvalReportRead JUnitReport::read(const QByteArray &data)
{
    QXmlStreamReader xml(data);
    EvalReport report;
    report.format = EvalReport::Format::JUnit;
    // The suites being read, innermost last: a test case counts in the suite that holds it.
    QList<int> open;
    bool inCase = false;
    bool caseFailed = false;
    bool sawRoot = false;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = xml.name();
            if (!sawRoot) {
                sawRoot = true;
                if (name != QLatin1String("testsuites") && name != QLatin1String("testsuite"))
                    return failureAt(xml, Text::tr("XML, but not JUnit: the root element is <%1>, not <testsuites> or "
                                                   "<testsuite>")
                                              .arg(name.toString()));
            }
            if (name == QLatin1String("testsuite")) {
                EvalColumn column;
                column.suite = xml.attributes().value(QLatin1String("name")).toString();
                const QString stamp = xml.attributes().value(QLatin1String("timestamp")).toString();
                if (!stamp.isEmpty()) {
                    const QDateTime time = QDateTime::fromString(stamp, Qt::ISODateWithMs);
                    if (!time.isValid())
                        return failureAt(xml, Text::tr("the timestamp \"%1\" is not a date and time").arg(stamp));
                    report.timeMs = std::max(report.timeMs, time.toMSecsSinceEpoch());
                }
                report.columns.append(column);
                open.append(int(report.columns.size()) - 1);
            } else if (name == QLatin1String("testcase")) {
                if (open.isEmpty())
                    return failureAt(xml, Text::tr("a <testcase> outside any <testsuite>"));
                inCase = true;
                caseFailed = false;
            } else if (inCase
                       && (name == QLatin1String("failure") || name == QLatin1String("error")
                           || name == QLatin1String("skipped"))) {
                caseFailed = true;
            } else if (name == QLatin1String("property") && !open.isEmpty() && !inCase) {
                EvalColumn &column = report.columns[open.constLast()];
                const QString property = xml.attributes().value(QLatin1String("name")).toString();
                const QString value = xml.attributes().value(QLatin1String("value")).toString();
                if (property == QLatin1String("variation")) {
                    column.names = {value};
                } else {
                    bool ok = false;
                    const double number = value.toDouble(&ok);
                    if (ok && std::isfinite(number))
                        column.addMetric(property, number);
                }
            }
        } else if (token == QXmlStreamReader::EndElement) {
            const auto name = xml.name();
            if (name == QLatin1String("testcase") && inCase) {
                EvalColumn &column = report.columns[open.constLast()];
                ++column.total;
                if (!caseFailed)
                    ++column.passed;
                inCase = false;
            } else if (name == QLatin1String("testsuite") && !open.isEmpty()) {
                open.removeLast();
            }
        }
    }
    if (xml.hasError())
        return failureAt(xml, Text::tr("not well-formed XML: %1").arg(xml.errorString()));
    if (report.columns.isEmpty())
        return EvalReportRead::failure(Text::tr("JUnit XML without any <testsuite>"), 1, 1);
    return {report, 0, 0, {}};
}
