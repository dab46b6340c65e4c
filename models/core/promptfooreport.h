#pragma once

#include "evalreport.h"

#include <QJsonObject>

// promptfoo's JSON output (`promptfoo eval -o results.json`, results version 3 and later): one
// column per prompt × provider, answering to the prompt's label and the provider's label and id.
// The suite is the config's description; the time, when the evaluation was created.
class PromptfooReport
{
public:
    static EvalReportRead read(const QJsonObject &root);
};
