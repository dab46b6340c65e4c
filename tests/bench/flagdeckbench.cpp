#include "connectors/sandbox/sandboxserver.h"
#include "control/killswitch.h"
#include "flagtableview.h"
#include "item/flagfilterproxy.h"
#include "item/flagtablemodel.h"
#include "store/auditwriter.h"
#include "testflags.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

void report(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(fraction * double(values.size())));
    return values[at];
}

void waitUntil(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

// From the confirmed gesture (the KillSwitch call the confirmation bar makes) to the row showing
// the server-confirmed "off", through the real audit cache and a sandbox answering at once.
void killSwitchSandbox()
{
    constexpr int Kills = 1000;
    QTemporaryDir dir;
    FlagTableModel model;
    AuditWriter audit;
    if (const QString error = audit.open(dir.filePath(QStringLiteral("audit.sqlite"))); !error.isEmpty()) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(error));
        return;
    }
    ConnectionConfig config;
    config.id = QStringLiteral("bench");
    config.displayName = QStringLiteral("Bench sandbox");
    SandboxServer server(config, dir.filePath(QStringLiteral("sandbox.sqlite")));
    server.setLatency(0, 0);
    KillSwitch killSwitch(&model, &audit, [&server](const QString &) { return &server; });
    QObject::connect(&server, &FlagServer::flagsReplaced, &model, [&](const QString &environment, const QList<Flag> &flags) {
        model.replaceFlags(config.id, config.displayName, environment, flags);
    });
    QObject::connect(&server, &FlagServer::flagChanged, &killSwitch, [&](const QString &environment, const Flag &flag) {
        killSwitch.noteServerFlag({config.id, environment, flag.key}, flag);
    });
    server.connectToServer();
    const FlagRef flag{config.id, QStringLiteral("production"), QStringLiteral("chat-model-route")};
    waitUntil([&] { return model.row(flag) != nullptr; });

    std::vector<double> milliseconds;
    milliseconds.reserve(Kills);
    QElapsedTimer timer;
    for (int i = 0; i < Kills; ++i) {
        timer.start();
        killSwitch.kill({flag});
        waitUntil([&] {
            const FlagTableModel::Row *row = model.row(flag);
            return !row->flag.enabled && row->operation == FlagTableModel::Operation::None;
        });
        milliseconds.push_back(double(timer.nsecsElapsed()) / 1e6);
        killSwitch.restore({flag});
        waitUntil([&] {
            const FlagTableModel::Row *row = model.row(flag);
            return row->flag.enabled && row->operation == FlagTableModel::Operation::None;
        });
    }
    report("killswitch.sandbox.p50_ms", percentile(milliseconds, 0.50), "ms");
    report("killswitch.sandbox.p99_ms", percentile(milliseconds, 0.99), "ms");
}

// 10,000 flags into the model and the sorting filter proxy, until the table view has painted.
void flagTableLoad()
{
    constexpr int Runs = 7;
    const QList<Flag> flags = TestFlags::many(10000);
    std::vector<double> milliseconds;
    for (int run = 0; run < Runs; ++run) {
        FlagTableModel model;
        FlagFilterProxy proxy;
        proxy.setFlagModel(&model);
        FlagTableView view;
        view.setModel(&proxy);
        view.sortByColumn(FlagTableModel::KeyColumn, Qt::AscendingOrder);
        view.resize(1200, 800);
        QElapsedTimer timer;
        timer.start();
        model.replaceFlags(QStringLiteral("bench"), QStringLiteral("Bench"), QStringLiteral("production"), flags);
        view.grab(); // lays out and paints the visible rows, as the first frame would
        milliseconds.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (proxy.rowCount() != flags.size())
            std::fprintf(stderr, "bench: the proxy shows %d rows, not %lld\n", proxy.rowCount(), qlonglong(flags.size()));
    }
    report("flagtable.load_10k_ms", percentile(milliseconds, 0.5), "ms");
}

struct Benchmark
{
    const char *name; // the prefix every figure it prints starts with
    void (*run)();
};

const Benchmark Benchmarks[] = {
    {"killswitch.sandbox", killSwitchSandbox},
    {"flagtable.load_10k", flagTableLoad},
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStringList prefixes = QApplication::arguments().mid(1);
    prefixes.removeIf([](const QString &argument) { return argument.startsWith(QLatin1Char('-')); });
    for (const Benchmark &benchmark : Benchmarks) {
        const QString name = QString::fromLatin1(benchmark.name);
        const bool wanted = prefixes.isEmpty()
            || std::any_of(prefixes.cbegin(), prefixes.cend(), [&](const QString &prefix) {
                   return name.startsWith(prefix) || prefix.startsWith(name);
               });
        if (wanted)
            benchmark.run();
    }
    return 0;
}
