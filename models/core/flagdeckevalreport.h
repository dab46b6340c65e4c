#pragma once

#include "evalreport.h"

#include <QJsonObject>

// FlagDeck's own small eval format, for harnesses that write neither of the others (docs/contracts.md):
//   {"flagdeck_eval": 1, "suite": "support-answers", "time": "2026-11-30T15:02:00Z",
//    "results": {"citation_first_v2": {"passed": 198, "total": 200, "metrics": {"citation_accuracy": 0.97}}}}
// Every field is checked; a mistake is reported at the line that has it.
class FlagDeckEvalReport
{
public:
    static EvalReportRead read(const QByteArray &data, const QJsonObject &root);
};
