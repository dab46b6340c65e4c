#pragma once

#include "evalreport.h"

// JUnit XML, as most eval harnesses and CI runs write it (pytest, ctest --output-junit, Jest's
// reporter…): one column per <testsuite>, counting its <testcase>s; one with <failure>, <error> or
// <skipped> has not passed. A suite's <property name="variation"> says which variation it covers;
// its other properties with a number for a value are metrics. The time is the latest suite's
// timestamp (local time when it names no zone, as Ant's format has it).
class JUnitReport
{
public:
    static EvalReportRead read(const QByteArray &xml);
};
