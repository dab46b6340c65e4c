#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One line of a line-by-line diff.
struct DiffLine
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;

    friend bool operator==(const DiffLine &, const DiffLine &) = default;
};

// The shortest edit from before to after, line by line (longest common subsequence): what a
// reviewer reads as the exact change. Meant for documents of a few hundred lines.
QList<DiffLine> lineDiff(const QStringList &before, const QStringList &after);
