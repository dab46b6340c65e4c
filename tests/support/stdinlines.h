#pragma once

// What the test processes driven by another test share: lines to the test on standard output,
// flushed at once, and commands from it, one per line on standard input. When standard input
// closes (whoever started the process is gone) the process ends.
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QStringList>

#include <cstdio>
#include <functional>
#include <memory>
#include <unistd.h>

namespace StdinLines {

inline void say(const QByteArray &line)
{
    std::fprintf(stdout, "%s\n", line.constData());
    std::fflush(stdout);
}

// Calls command with the words of each line that arrives; lives as long as the returned notifier.
inline std::unique_ptr<QSocketNotifier> listen(std::function<void(const QStringList &words)> command)
{
    auto notifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(notifier.get(), &QSocketNotifier::activated, notifier.get(),
                     [command = std::move(command), input = QByteArray()]() mutable {
                         char buffer[512];
                         const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
                         if (got <= 0) {
                             QCoreApplication::quit();
                             return;
                         }
                         input.append(buffer, got);
                         qsizetype end;
                         while ((end = input.indexOf('\n')) >= 0) {
                             const QStringList words = QString::fromUtf8(input.left(end)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
                             input.remove(0, end + 1);
                             command(words);
                         }
                     });
    return notifier;
}

} // namespace StdinLines
