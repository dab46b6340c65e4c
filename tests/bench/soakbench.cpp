// Five minutes of the whole console on three servers at once, as an on-call engineer leaves it
// open: the sandbox with its simulated traffic, guardrail monitor and agent; the FeatBit protocol
// test server (on a thread of its own, so its work is not counted as the console's) whose streams
// are closed every 30 s; and a real unleash-server on PostgreSQL, polled. Meanwhile people change
// flags on the servers (each change turns a different flag off, so each one is seen or not), the
// console kills and restores flags on all three, and the window switches views.
//
// soak.lost_events counts what the console did not end up telling the truth about: a change on a
// server never shown, a kill or restore of its own that never ended, a `requested` in the audit
// without its outcome, and any flag whose state in the console differs from the server's at the
// end. soak.ui_stall_*: a 10 ms timer on the UI thread; a stall is how much later than due it fired.
#include "soakbench.h"

#include "benchfigures.h"
#include "connectors/sandbox/sandboxdatabase.h"
#include "connectors/sandbox/sandboxserver.h"
#include "control/consolecontroller.h"
#include "control/flagstore.h"
#include "control/killswitch.h"
#include "featbitconnection.h"
#include "featbittestserver.h"
#include "mainwindow.h"
#include "store/auditwriter.h"
#include "store/connectionsettings.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"
#include "unleashundertest.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace {

constexpr int DefaultSoakSeconds = 300;
constexpr int StreamCloseEveryMs = 30000;
constexpr int FeatBitChangeEveryMs = 2000;
constexpr int UnleashChangeEveryMs = 10000; // Unleash is polled every 5 s
constexpr int ConsoleActionEveryMs = 5000;
constexpr int ViewSwitchEveryMs = 15000;
constexpr int StallTimerMs = 10;
constexpr int SettleMs = 30000; // after the soak: time for the last changes to arrive

const QString UnleashProject = QStringLiteral("default");
const QString UnleashEnvironment = QStringLiteral("development");
const QString FeatBitEnvironment = QStringLiteral("soak/prod");
const QString SandboxEnvironment = QStringLiteral("staging");
const QString ConsoleFlag = QStringLiteral("soak-console"); // the flag the console kills and restores
const QString SandboxConsoleFlag = QStringLiteral("streaming-answers");

bool failed(const QString &why)
{
    std::fprintf(stderr, "bench: soak: %s\n", qPrintable(why));
    return false;
}

using Bench::percentile;
using Bench::report;
using Bench::residentMb;
using Bench::waitFor;

// The FeatBit test server on a thread of its own; every call runs there and is waited for.
class FeatBitOnThread
{
public:
    FeatBitOnThread()
    {
        m_anchor.moveToThread(&m_thread);
        m_thread.start();
        call([this] { m_server = new FeatBitTestServer; });
    }
    ~FeatBitOnThread()
    {
        call([this] { delete m_server; });
        m_thread.quit();
        m_thread.wait();
    }

    template<typename Function>
    void call(Function function)
    {
        QMetaObject::invokeMethod(&m_anchor, std::move(function), Qt::BlockingQueuedConnection);
    }
    FeatBitTestServer &server() { return *m_server; } // only inside call()

private:
    QThread m_thread;
    QObject m_anchor;
    FeatBitTestServer *m_server = nullptr;
};

// The UI thread's punctuality: how late a 10 ms timer fires, each time.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const double sinceMs = double(m_since.nsecsElapsed()) / 1e6;
            m_since.start();
            m_stallsMs.push_back(std::max(0.0, sinceMs - StallTimerMs));
        });
    }
    void start()
    {
        m_stallsMs.clear();
        m_since.start();
        m_timer.start(StallTimerMs);
    }
    void stop() { m_timer.stop(); }
    const std::vector<double> &stallsMs() const { return m_stallsMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    std::vector<double> m_stallsMs;
};

// A flag turned off on its server by a person: when, and when the console showed it.
struct ServerChange
{
    FlagRef ref;
    qint64 madeMs = 0;
    std::optional<qint64> seenAfterMs;
};

QString keyOf(const char *kind, int i)
{
    return QStringLiteral("soak-%1-%2").arg(QLatin1String(kind)).arg(i, 3, 10, QLatin1Char('0'));
}

} // namespace

bool soakConsole()
{
    const int soakMs = qEnvironmentVariableIntValue("FLAGDECK_SOAK_SECONDS") > 0
                           ? qEnvironmentVariableIntValue("FLAGDECK_SOAK_SECONDS") * 1000
                           : DefaultSoakSeconds * 1000;
    const int featBitChanges = soakMs / FeatBitChangeEveryMs;
    const int unleashChanges = soakMs / UnleashChangeEveryMs;

    // The servers and their flags, all on before the console starts.
    UnleashUnderTest unleash;
    if (const QString error = unleash.start(); !error.isEmpty())
        return failed(error);
    for (int i = 0; i < unleashChanges; ++i) {
        if (const QString error = unleash.addRolloutFlag(UnleashProject, UnleashEnvironment, keyOf("unleash", i)); !error.isEmpty())
            return failed(error);
    }
    if (const QString error = unleash.addRolloutFlag(UnleashProject, UnleashEnvironment, ConsoleFlag); !error.isEmpty())
        return failed(error);

    FeatBitOnThread featbit;
    QString featBitEnvironmentId;
    ConnectionConfig featBitConfig;
    featbit.call([&] {
        FeatBitTestServer &server = featbit.server();
        featBitEnvironmentId = server.addEnvironment(QStringLiteral("soak"), QStringLiteral("prod"));
        for (int i = 0; i < featBitChanges; ++i)
            server.addBooleanFlag(featBitEnvironmentId, keyOf("featbit", i), true, 10000);
        server.addBooleanFlag(featBitEnvironmentId, ConsoleFlag, true, 10000);
        featBitConfig = featBitConnection(server, QStringLiteral("soak-featbit"), QStringLiteral("soak/featbit"),
                                          QStringLiteral("Soak FeatBit"));
    });

    ConnectionConfig unleashConfig;
    unleashConfig.id = QStringLiteral("soak-unleash");
    unleashConfig.kind = ConnectionConfig::Kind::Unleash;
    unleashConfig.displayName = QStringLiteral("Soak Unleash");
    unleashConfig.url = unleash.url();
    unleashConfig.secretRef = QStringLiteral("soak/unleash");
    const ConnectionConfig sandboxConfig = ConnectionSettings::defaultSandbox(QStringLiteral("Sandbox"));
    QFile::remove(SandboxServer::defaultDatabasePath(sandboxConfig.id));

    // The console as a person runs it: all three connections, the sandbox's agent on.
    QTemporaryDir folder;
    QSettings settings(folder.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ConnectionSettings(settings).save({sandboxConfig, featBitConfig, unleashConfig});
    MemorySecretStore secrets;
    secrets.writeSecret(featBitConfig.secretRef, FeatBitTestServer::AccessToken, [](const QString &) {});
    secrets.writeSecret(unleashConfig.secretRef, UnleashUnderTest::adminToken(), [](const QString &) {});
    ConsoleController controller(settings, TestAudit::openWriter(folder.filePath(QStringLiteral("audit.sqlite"))), &secrets);
    controller.setInboxLocation(folder.filePath(QStringLiteral("inbox.sqlite")));
    MainWindow window(&controller);
    window.resize(1366, 768);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return failed(QStringLiteral("the window was not shown offscreen"));
    controller.start(false);
    if (!waitFor([&] { return controller.initialLoadDone(); }, 60000))
        return failed(QStringLiteral("the console did not load its three servers"));
    FlagStore &store = *controller.flagStore();
    for (const FlagRef &ref : {FlagRef{sandboxConfig.id, SandboxEnvironment, SandboxConsoleFlag},
                               FlagRef{featBitConfig.id, FeatBitEnvironment, ConsoleFlag},
                               FlagRef{unleashConfig.id, UnleashProject + QLatin1Char('/') + UnleashEnvironment, ConsoleFlag}}) {
        if (!store.find(ref))
            return failed(QStringLiteral("the console does not show %1 of %2").arg(ref.key, ref.connectionId));
    }

    // Changes made on the servers, and when the console shows each.
    std::vector<ServerChange> changes;
    QElapsedTimer clock;
    QObject::connect(&store, &FlagStore::entryChanged, &store, [&](int index) {
        const FlagStore::Entry &entry = store.at(index);
        if (entry.flag.enabled || !entry.isLive())
            return;
        for (ServerChange &change : changes) {
            if (!change.seenAfterMs && change.ref == entry.ref)
                change.seenAfterMs = clock.elapsed() - change.madeMs;
        }
    });
    const auto changeFeatBit = [&](int i) {
        const QString key = keyOf("featbit", i);
        changes.push_back({{featBitConfig.id, FeatBitEnvironment, key}, clock.elapsed(), {}});
        featbit.call([&] {
            featbit.server().changeFlag(featBitEnvironmentId, key, [](QJsonObject &flag) {
                flag.insert(QStringLiteral("isEnabled"), false);
            }, QStringLiteral("TurnFlagOff"), QStringLiteral("soak"));
        });
    };
    int unleashFailures = 0;
    const auto changeUnleash = [&](int i) {
        const QString key = keyOf("unleash", i);
        changes.push_back({{unleashConfig.id, UnleashProject + QLatin1Char('/') + UnleashEnvironment, key}, clock.elapsed(), {}});
        const QString path = QStringLiteral("/api/admin/projects/%1/features/%2/environments/%3/off").arg(UnleashProject, key, UnleashEnvironment);
        if (unleash.post(path).status != 200)
            ++unleashFailures;
    };

    // The console's own kills and restores, each waiting for its end.
    const QList<FlagRef> consoleFlags = {
        {sandboxConfig.id, SandboxEnvironment, SandboxConsoleFlag},
        {featBitConfig.id, FeatBitEnvironment, ConsoleFlag},
        {unleashConfig.id, UnleashProject + QLatin1Char('/') + UnleashEnvironment, ConsoleFlag},
    };
    int actionsSent = 0;
    int actionsEnded = 0;
    int actionsNotConfirmed = 0;
    const auto consoleAction = [&](int i) {
        const FlagRef &ref = consoleFlags.at(i % consoleFlags.size());
        const FlagStore::Entry *entry = store.find(ref);
        if (!entry || controller.killSwitch()->isPending(ref))
            return;
        ++actionsSent;
        const auto done = [&](const ConfirmedChanges::Outcome &outcome) {
            ++actionsEnded;
            if (!outcome.confirmed) {
                ++actionsNotConfirmed;
                std::fprintf(stderr, "bench: soak: %s of %s not confirmed: %s\n", qPrintable(flagActionName(outcome.action)),
                             qPrintable(outcome.ref.key), qPrintable(outcome.reason));
            }
        };
        if (entry->flag.enabled)
            controller.killSwitch()->kill({ref}, QStringLiteral("soak"), std::nullopt, done);
        else
            controller.killSwitch()->restore({ref}, QStringLiteral("soak"), done);
    };

    // Warm-up: one view after another once, then the soak proper.
    const QList<int> viewKeys = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5};
    for (const int key : viewKeys) {
        QTest::keyClick(&window, Qt::Key(key), Qt::ControlModifier);
        QTest::qWait(200);
    }
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QTest::qWait(2000);
    const double rssStartMb = residentMb();
    StallMeter stalls;
    stalls.start();
    clock.start();
    int featBitDone = 0, unleashDone = 0, actionsDone = 0, viewsDone = 0, streamCloses = 0;
    std::optional<double> rssHalfwayMb; // growth that slows in the second half is warming up, not a leak
    while (clock.elapsed() < soakMs) {
        const qint64 now = clock.elapsed();
        if (!rssHalfwayMb && now >= soakMs / 2)
            rssHalfwayMb = residentMb();
        if (now >= qint64(featBitDone + 1) * FeatBitChangeEveryMs && featBitDone < featBitChanges)
            changeFeatBit(featBitDone++);
        if (now >= qint64(unleashDone + 1) * UnleashChangeEveryMs && unleashDone < unleashChanges)
            changeUnleash(unleashDone++);
        if (now >= qint64(actionsDone + 1) * ConsoleActionEveryMs)
            consoleAction(actionsDone++);
        if (now >= qint64(viewsDone + 1) * ViewSwitchEveryMs)
            QTest::keyClick(&window, Qt::Key(viewKeys.at(viewsDone++ % viewKeys.size())), Qt::ControlModifier);
        if (now >= qint64(streamCloses + 1) * StreamCloseEveryMs) {
            const int code = streamCloses++ % 2 == 0 ? 1011 : 1000;
            featbit.call([&] { featbit.server().closeStreams(code); });
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    stalls.stop();
    const double rssEndMb = residentMb();

    // The last changes and actions arrive, then what the console shows is held against the servers.
    waitFor([&] {
        return actionsEnded == actionsSent
            && std::all_of(changes.cbegin(), changes.cend(), [](const ServerChange &change) { return change.seenAfterMs.has_value(); });
    }, SettleMs);
    int lost = 0;
    std::vector<double> seenMs;
    for (const ServerChange &change : changes) {
        if (change.seenAfterMs) {
            seenMs.push_back(double(*change.seenAfterMs));
        } else {
            ++lost;
            std::fprintf(stderr, "bench: soak: the console never showed %s off on %s\n", qPrintable(change.ref.key),
                         qPrintable(change.ref.connectionId));
        }
        const FlagStore::Entry *entry = store.find(change.ref);
        if (!entry || entry->flag.enabled) {
            ++lost;
            std::fprintf(stderr, "bench: soak: the console ends showing %s on, the server has it off\n", qPrintable(change.ref.key));
        }
    }
    lost += actionsSent - actionsEnded;

    // Each change the console asked of these flags (the soak's, or the monitor's): requested, and
    // its outcome, in the audit cache. The servers' own history of them (outcome "applied") is not
    // the console's record.
    std::map<QString, int> openRequests; // action|server|flag → requested minus outcomes
    for (const AuditEntry &entry : TestAudit::written(*controller.auditWriter(), 1000000)) {
        const bool consoleFlag = std::any_of(consoleFlags.cbegin(), consoleFlags.cend(), [&](const FlagRef &ref) {
            return ref.connectionId == entry.server && ref.key == entry.flagKey;
        });
        const bool requested = entry.outcome == QLatin1String("requested");
        if (!consoleFlag || (!requested && entry.outcome != QLatin1String("confirmed") && entry.outcome != QLatin1String("failed")))
            continue;
        openRequests[entry.action + QLatin1Char('|') + entry.server + QLatin1Char('|') + entry.flagKey] += requested ? 1 : -1;
    }
    for (const auto &[what, open] : openRequests) {
        if (open != 0) {
            lost += std::abs(open);
            std::fprintf(stderr, "bench: soak: the audit holds %d requested %s without an outcome\n", open, qPrintable(what));
        }
    }
    // The console's flags as each server has them now, read from the server's own record.
    SandboxDatabase sandboxRecord(SandboxServer::defaultDatabasePath(sandboxConfig.id));
    const bool sandboxRead = bool(sandboxRecord.open());
    const auto serverHasOn = [&](const FlagRef &ref) -> std::optional<bool> {
        if (ref.connectionId == sandboxConfig.id) {
            const QMap<QString, Flag> flags = sandboxRead ? sandboxRecord.flags(ref.environment) : QMap<QString, Flag>{};
            return flags.contains(ref.key) ? std::optional<bool>(flags.value(ref.key).enabled) : std::nullopt;
        }
        if (ref.connectionId == featBitConfig.id) {
            bool enabled = false;
            featbit.call([&] { enabled = featbit.server().flag(featBitEnvironmentId, ref.key).value(QStringLiteral("isEnabled")).toBool(); });
            return enabled;
        }
        const UnleashUnderTest::Response flag = unleash.get(QStringLiteral("/api/admin/projects/%1/features/%2").arg(UnleashProject, ref.key));
        for (const QJsonValue environment : flag.object().value(QStringLiteral("environments")).toArray()) {
            if (environment.toObject().value(QStringLiteral("name")).toString() == UnleashEnvironment)
                return environment.toObject().value(QStringLiteral("enabled")).toBool();
        }
        return std::nullopt;
    };
    for (const FlagRef &ref : consoleFlags) {
        const FlagStore::Entry *entry = store.find(ref);
        const std::optional<bool> serverOn = serverHasOn(ref);
        if (!entry || !serverOn || entry->flag.enabled != *serverOn) {
            ++lost;
            std::fprintf(stderr, "bench: soak: the console shows %s of %s %s, the server %s\n", qPrintable(ref.key),
                         qPrintable(ref.connectionId), entry && entry->flag.enabled ? "on" : "off",
                         !serverOn ? "does not say" : *serverOn ? "has it on" : "has it off");
        }
    }

    report("soak.duration_s", soakMs / 1000.0, "s");
    report("soak.rss_start_mb", rssStartMb, "MB");
    report("soak.rss_end_mb", rssEndMb, "MB");
    report("soak.rss_growth_mb", rssEndMb - rssStartMb, "MB");
    report("soak.rss_growth_second_half_mb", rssEndMb - rssHalfwayMb.value_or(rssStartMb), "MB");
    report("soak.ui_stall_p99_ms", percentile(stalls.stallsMs(), 0.99), "ms");
    report("soak.ui_stall_max_ms", percentile(stalls.stallsMs(), 1.0), "ms");
    report("soak.server_changes", double(changes.size()), "changes");
    report("soak.server_change_seen_p50_ms", percentile(seenMs, 0.5), "ms");
    report("soak.server_change_seen_max_ms", percentile(seenMs, 1.0), "ms");
    report("soak.console_actions", actionsSent, "actions");
    report("soak.console_actions_not_confirmed", actionsNotConfirmed, "actions");
    report("soak.stream_closes", streamCloses, "closes");
    report("soak.lost_events", lost, "events");
    if (unleashFailures > 0)
        return failed(QStringLiteral("Unleash refused %1 of the soak's changes").arg(unleashFailures));
    return lost == 0 || failed(QStringLiteral("%1 events lost").arg(lost));
}
