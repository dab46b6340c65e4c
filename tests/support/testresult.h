#pragma once

#include <QTest>

// Fails the running test unless the Result succeeded, printing the sentence that says why not:
// QVERIFY alone would only print the expression. A macro because QVERIFY2 returns from the test.
#define VERIFY_OK(expression)                                                                                  \
    do {                                                                                                       \
        const auto &verifiedResult = (expression);                                                             \
        QVERIFY2(verifiedResult.ok(), qPrintable(verifiedResult.error()));                                     \
    } while (false)
