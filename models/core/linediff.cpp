#include "linediff.h"

#include <vector>

QList<DiffLine> lineDiff(const QStringList &before, const QStringList &after)
{
    const qsizetype n = before.size();
    const qsizetype m = after.size();
    // common[i][j]: length of the longest common subsequence of before[i..] and after[j..].
    std::vector<std::vector<int>> common(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            common[i][j] = before.at(i) == after.at(j) ? common[i + 1][j + 1] + 1
                                                       : std::max(common[i + 1][j], common[i][j + 1]);
        }
    }
    QList<DiffLine> lines;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && before.at(i) == after.at(j)) {
            lines.append({DiffLine::Kind::Same, before.at(i)});
            ++i;
            ++j;
        } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
            // Removals before additions, as a reviewer reads a diff.
            lines.append({DiffLine::Kind::Removed, before.at(i)});
            ++i;
        } else {
            lines.append({DiffLine::Kind::Added, after.at(j)});
            ++j;
        }
    }
    return lines;
}
