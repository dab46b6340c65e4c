// FlagDeck beside Unleash's own web console on the same real unleash-server: a project of 1,000
// flags opened and searched in each, and one flag switched off in each. Unleash's console runs in
// Debian's headless chromium, driven by playwright-core (tests/peer/unleashui.mjs, which reads
// every time inside the page); FlagDeck's is the real window offscreen, as the GUI tests open it.
#include "peerbench.h"

#include "benchfigures.h"
#include "consolegui.h"
#include "connectors/flagserver.h"
#include "control/consolecontroller.h"
#include "control/killswitch.h"
#include "flagtableview.h"
#include "item/connectiontreemodel.h"
#include "item/flagfilterproxy.h"
#include "item/flagtablemodel.h"
#include "mainwindow.h"
#include "store/connectionsettings.h"
#include "store/memorysecretstore.h"
#include "testaudit.h"
#include "testchildprocess.h"
#include "unleashundertest.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QSysInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>

namespace {

constexpr int ProjectFlags = 1000;
constexpr int ListRuns = 3;    // each side opens and searches the list this often
constexpr int ToggleRuns = 5;  // clicks on Unleash's switch
constexpr int KillRuns = 9;    // kills in FlagDeck
constexpr int WaitLimitMs = 120000;

const QString Project = QStringLiteral("default");
const QString Environment = QStringLiteral("development");
const QString ToggleKey = QStringLiteral("peer-toggle");
const QString TemplateKey = QStringLiteral("ai-flag-0000");
const QString SearchKey = QStringLiteral("ai-flag-0500");
const QString UnleashUser = QStringLiteral("admin");
const QString UnleashPassword = QStringLiteral("unleash4all"); // the user unleash-server creates on a new database
const QString Chromium = QStringLiteral("/usr/bin/chromium");

using Bench::report;

// Loud on both streams: the bench's log is read by people and by scripts.
bool failed(const QString &why)
{
    std::printf("BENCH-FAILED peer: %s\n", qPrintable(why));
    std::fflush(stdout);
    std::fprintf(stderr, "bench: peer: %s\n", qPrintable(why));
    return false;
}

// Progress on standard error, with the time since the benchmark began.
QElapsedTimer sinceStart;
void progress(const QString &text)
{
    std::fprintf(stderr, "peer %6.1f s: %s\n", double(sinceStart.elapsed()) / 1000, qPrintable(text));
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// This process's processor time (FlagDeck's side: Unleash and chromium run in their own).
double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

bool waitFor(const std::function<bool()> &done, int limitMs = WaitLimitMs)
{
    return Bench::waitFor(done, limitMs);
}

// Notes when a widget is about to paint while shown() holds, so the wait ends with the frame
// that shows it, not with the data alone.
class PaintWatch : public QObject
{
public:
    PaintWatch(QWidget *widget, std::function<bool()> shown)
        : m_shown(std::move(shown))
    {
        widget->installEventFilter(this);
    }

    void rearm(std::function<bool()> shown)
    {
        m_shown = std::move(shown);
        m_painted = false;
    }
    bool painted() const { return m_painted; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted && m_shown())
            m_painted = true;
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool()> m_shown;
    bool m_painted = false;
};

// The flags of the project: one made through the admin API as a template, the others copied from
// its rows in Unleash's own database (through the API a thousand take a minute or more on this
// machine), and the flag both sides switch, made through the API with a strategy and on.
QString prepareUnleash(UnleashUnderTest &unleash)
{
    const QString features = QStringLiteral("/api/admin/projects/%1/features").arg(Project);
    if (const int status = unleash.post(features, QJsonObject{{QStringLiteral("name"), TemplateKey},
                                                              {QStringLiteral("description"), QStringLiteral("A flag of the peer benchmark")}})
                               .status;
        status != 201)
        return QStringLiteral("Unleash did not create %1 (HTTP %2)").arg(TemplateKey).arg(status);
    const int copies = ProjectFlags - 2; // the template and the toggled flag make up the rest
    const QString copyName = QStringLiteral("'ai-flag-' || lpad(n::text, 4, '0')");
    const QString error = unleash.executeSql({
        QStringLiteral("INSERT INTO features (created_at, name, description, variants, type, stale, project, impression_data,"
                       " potentially_stale, created_by_user_id, archived)"
                       " SELECT created_at + n * interval '1 millisecond', %1, description, variants, type, stale, project,"
                       " impression_data, potentially_stale, created_by_user_id, archived"
                       " FROM features, generate_series(1, %2) AS n WHERE name = '%3'")
            .arg(copyName).arg(copies).arg(TemplateKey),
        QStringLiteral("INSERT INTO feature_environments (environment, feature_name, enabled, variants)"
                       " SELECT environment, %1, enabled, variants"
                       " FROM feature_environments, generate_series(1, %2) AS n WHERE feature_name = '%3'")
            .arg(copyName).arg(copies).arg(TemplateKey),
        QStringLiteral("INSERT INTO feature_lifecycles (feature, stage, created_at)"
                       " SELECT name, 'initial', created_at FROM features WHERE name LIKE 'ai-flag-%' ON CONFLICT DO NOTHING"),
    });
    if (!error.isEmpty())
        return QStringLiteral("could not copy the flags in Unleash's database: ") + error;

    if (const QString notMade = unleash.addRolloutFlag(Project, Environment, ToggleKey); !notMade.isEmpty())
        return notMade;

    const UnleashUnderTest::Response search =
        unleash.get(QStringLiteral("/api/admin/search/features?project=IS:%1&limit=1").arg(Project));
    const int total = search.object().value(QStringLiteral("total")).toInt();
    if (total != ProjectFlags)
        return QStringLiteral("Unleash's project holds %1 flags, not %2 (HTTP %3)").arg(total).arg(ProjectFlags).arg(search.status);
    return {};
}

// The whole console on the Unleash connection only, as it starts with a fresh audit cache: the
// real window offscreen, at the desktop size the GUI tests use.
class PeerConsole
{
public:
    explicit PeerConsole(const ConnectionConfig &config)
        : m_settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
    {
        ConnectionSettings(m_settings).save({config});
        m_secrets.writeSecret(config.secretRef, UnleashUnderTest::adminToken(), [](const QString &) {});
        m_controller.emplace(m_settings, TestAudit::openWriter(m_dir.filePath(QStringLiteral("audit.sqlite"))), &m_secrets);
        m_controller->setInboxLocation(m_dir.filePath(QStringLiteral("inbox.sqlite")));
        m_controller->setSandboxAgentEnabled(false);
        m_window.emplace(&*m_controller);
        m_window->resize(1500, 860);
        m_window->show();
    }

    ConsoleController &controller() { return *m_controller; }
    MainWindow &window() { return *m_window; }
    FlagTableView *table() { return m_window->flagTable(); }
    FlagFilterProxy *proxy() { return static_cast<FlagFilterProxy *>(table()->model()); }
    QLineEdit *search() { return m_window->findChild<QLineEdit *>(QStringLiteral("flagSearch")); }
    // Rows of the table that fit its viewport: its first screen.
    int screenRows() { return table()->viewport()->height() / table()->verticalHeader()->defaultSectionSize(); }

private:
    QTemporaryDir m_dir;
    QSettings m_settings;
    MemorySecretStore m_secrets;
    std::optional<ConsoleController> m_controller;
    std::optional<MainWindow> m_window;
};

struct FlagDeckTimes
{
    std::vector<double> openMs;   // start → first screen of rows painted
    std::vector<double> searchMs; // the key in the search field → its row alone painted
    std::vector<double> killMs;   // the kill gesture → the row painted "off", confirmed by Unleash
};

// Clicks the environment in the connections dock, as a person narrows the table to it.
bool chooseEnvironment(MainWindow &window, const QString &environment)
{
    auto *view = window.findChild<QTreeView *>(QStringLiteral("connectionsView"));
    if (!view)
        return false;
    view->expandAll();
    const QModelIndexList found = view->model()->match(view->model()->index(0, 0), ConnectionTreeModel::EnvironmentRole,
                                                       environment, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty())
        return false;
    view->scrollTo(found.first());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(found.first()).center());
    return true;
}

QString timeFlagDeckList(const ConnectionConfig &config, FlagDeckTimes &times)
{
    const QString environment = Project + QLatin1Char('/') + Environment;
    for (int run = 0; run < ListRuns; ++run) {
        PeerConsole console(config);
        if (!QTest::qWaitForWindowExposed(&console.window()))
            return QStringLiteral("FlagDeck's window was not shown offscreen");
        const int wanted = std::min(ProjectFlags, console.screenRows());
        PaintWatch watch(console.table()->viewport(), [&] { return console.proxy()->rowCount() >= wanted; });
        QObject::connect(&console.controller(), &ConsoleController::connectionStatusChanged, [](const ConnectionStatus &status) {
            progress(QStringLiteral("FlagDeck's connection is %1: %2").arg(int(status.state)).arg(status.detail));
        });
        QElapsedTimer timer;
        const double cpuBefore = processCpuMs();
        timer.start();
        console.controller().start(false);
        if (!waitFor([&] { return watch.painted(); }))
            return QStringLiteral("FlagDeck did not show %1 rows of Unleash's flags: %2")
                .arg(wanted)
                .arg(console.controller().server(config.id) ? console.controller().server(config.id)->stateDetail() : QString());
        times.openMs.push_back(milliseconds(timer));
        progress(QStringLiteral("FlagDeck showed the first %1 rows after %2 ms, using %3 ms of processor time")
                     .arg(wanted).arg(times.openMs.back(), 0, 'f', 0).arg(processCpuMs() - cpuBefore, 0, 'f', 0));

        // As a person narrows the table to one environment, whose rows are then Unleash's list of the project.
        if (!waitFor([&] { return console.controller().initialLoadDone(); }))
            return QStringLiteral("FlagDeck did not finish loading Unleash");
        if (!chooseEnvironment(console.window(), environment))
            return QStringLiteral("the connections dock has no environment %1").arg(environment);
        if (!waitFor([&] { return console.proxy()->rowCount() == ProjectFlags; }))
            return QStringLiteral("FlagDeck shows %1 rows in %2, not %3").arg(console.proxy()->rowCount()).arg(environment).arg(ProjectFlags);
        QLineEdit *search = console.search();
        search->setFocus();
        QCoreApplication::processEvents();
        const auto alone = [&] {
            return console.proxy()->rowCount() == 1
                && console.proxy()->index(0, FlagTableModel::KeyColumn).data(FlagTableModel::FlagRefRole).value<FlagRef>().key == SearchKey;
        };
        watch.rearm(alone);
        timer.start();
        search->insert(SearchKey); // in one go, as a paste does (Unleash's field is filled the same way)
        if (!waitFor([&] { return watch.painted(); }))
            return QStringLiteral("FlagDeck's search for %1 did not leave it alone (%2 rows)").arg(SearchKey).arg(console.proxy()->rowCount());
        times.searchMs.push_back(milliseconds(timer));
        progress(QStringLiteral("FlagDeck's search took %1 ms").arg(times.searchMs.back(), 0, 'f', 1));
    }
    return {};
}

QString timeFlagDeckKills(const ConnectionConfig &config, FlagDeckTimes &times)
{
    PeerConsole console(config);
    if (!QTest::qWaitForWindowExposed(&console.window()))
        return QStringLiteral("FlagDeck's window was not shown offscreen");
    console.controller().start(false);
    if (!waitFor([&] { return console.controller().initialLoadDone(); }))
        return QStringLiteral("FlagDeck did not finish loading Unleash");
    const FlagRef flag{config.id, Project + QLatin1Char('/') + Environment, ToggleKey};
    FlagTableModel *model = console.window().models()->flags();
    if (!model->row(flag))
        return QStringLiteral("FlagDeck does not show %1").arg(ToggleKey);
    console.search()->insert(ToggleKey + QLatin1Char(' ') + Environment);
    const auto settled = [&](bool enabled) {
        const FlagTableModel::Row *row = model->row(flag);
        return row->operation == FlagTableModel::Operation::KillFailed || row->operation == FlagTableModel::Operation::RestoreFailed
            || (row->flag.enabled == enabled && row->operation == FlagTableModel::Operation::None);
    };
    PaintWatch watch(console.table()->viewport(), [] { return false; });
    QElapsedTimer timer;
    for (int run = 0; run < KillRuns; ++run) {
        if (!waitFor([&] { return settled(true); }))
            return QStringLiteral("%1 did not come back on in FlagDeck").arg(ToggleKey);
        watch.rearm([&] { return settled(false); });
        timer.start();
        if (!ConsoleGui::killWithGesture(console.window(), flag))
            return QStringLiteral("FlagDeck's window could not take the keyboard for the kill's Enter");
        if (!waitFor([&] { return watch.painted(); }))
            return QStringLiteral("FlagDeck's kill of %1 was not shown").arg(ToggleKey);
        times.killMs.push_back(milliseconds(timer));
        if (model->row(flag)->operation != FlagTableModel::Operation::None)
            return QStringLiteral("FlagDeck's kill of %1 failed: %2").arg(ToggleKey, model->row(flag)->operationError);
        console.controller().killSwitch()->restore({flag});
    }
    if (!waitFor([&] { return settled(true); }) || model->row(flag)->operation != FlagTableModel::Operation::None)
        return QStringLiteral("FlagDeck did not restore %1").arg(ToggleKey);
    return {};
}

// Unleash's console in chromium; its figures by name, one value per repetition.
QString timeUnleashUi(UnleashUnderTest &unleash, std::map<QString, std::vector<double>> &figures)
{
    const QString folder = QStringLiteral(FLAGDECK_SOURCE_DIR "/tests/peer");
    // Playwright runs on the Node that runs this Unleash (Debian's is too old for it).
    const QString node = unleash.nodeBinary();
    if (!QFile::exists(folder + QStringLiteral("/node_modules/playwright-core/package.json")))
        return QStringLiteral("playwright-core is not installed in %1: run `npm ci` there (installer/bootstrap.sh test does)").arg(folder);
    if (!QFile::exists(Chromium))
        return QStringLiteral("%1 is missing: install Debian's chromium package (installer/bootstrap.sh test does)").arg(Chromium);

    QProcess driver;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PEER_UNLEASH_URL"), unleash.url().toString());
    environment.insert(QStringLiteral("PEER_UNLEASH_USER"), UnleashUser);
    environment.insert(QStringLiteral("PEER_UNLEASH_PASSWORD"), UnleashPassword);
    environment.insert(QStringLiteral("PEER_PROJECT"), Project);
    environment.insert(QStringLiteral("PEER_TOGGLE_FLAG"), ToggleKey);
    environment.insert(QStringLiteral("PEER_TOGGLE_ENVIRONMENT"), Environment);
    environment.insert(QStringLiteral("PEER_SEARCH_FLAG"), SearchKey);
    environment.insert(QStringLiteral("PEER_CHROMIUM"), Chromium);
    environment.insert(QStringLiteral("PEER_LIST_RUNS"), QString::number(ListRuns));
    environment.insert(QStringLiteral("PEER_TOGGLE_RUNS"), QString::number(ToggleRuns));
    driver.setProcessEnvironment(environment);
    driver.setWorkingDirectory(folder);
    driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    TestChildProcess::endWithTest(driver);
    driver.start(node, {QStringLiteral("unleashui.mjs")});
    if (!driver.waitForStarted(10000))
        return QStringLiteral("node did not start: ") + driver.errorString();
    QString error;
    bool done = false;
    const auto readLines = [&] {
        while (driver.canReadLine()) {
            const QJsonObject line = QJsonDocument::fromJson(driver.readLine()).object();
            if (line.contains(QStringLiteral("error")))
                error = line.value(QStringLiteral("error")).toString();
            else if (line.contains(QStringLiteral("figure")))
                figures[line.value(QStringLiteral("figure")).toString()].push_back(line.value(QStringLiteral("ms")).toDouble());
            else if (line.value(QStringLiteral("event")).toString() == QLatin1String("done"))
                done = true;
        }
    };
    const bool finished = waitFor([&] {
        readLines();
        return driver.state() == QProcess::NotRunning;
    }, 6 * 60 * 1000);
    if (!finished) {
        driver.kill();
        driver.waitForFinished(5000);
        return QStringLiteral("driving Unleash's console in chromium took more than six minutes");
    }
    readLines();
    if (!error.isEmpty())
        return error;
    if (!done || driver.exitStatus() != QProcess::NormalExit || driver.exitCode() != 0)
        return QStringLiteral("the chromium driver stopped before it was done (exit code %1)").arg(driver.exitCode());
    for (const char *name : {"list_open_ms", "search_ms", "toggle_ms"})
        if (figures[QLatin1String(name)].empty())
            return QStringLiteral("the chromium driver gave no %1").arg(QLatin1String(name));
    return {};
}

} // namespace

bool peerUnleashUi()
{
    sinceStart.start();
    UnleashUnderTest unleash;
    if (const QString error = unleash.start(); !error.isEmpty())
        return failed(error);
    progress(QStringLiteral("unleash-server is up"));
    if (const QString error = prepareUnleash(unleash); !error.isEmpty())
        return failed(error);
    progress(QStringLiteral("%1 flags in Unleash's project %2").arg(ProjectFlags).arg(Project));

    ConnectionConfig config;
    config.id = QStringLiteral("peer-unleash");
    config.kind = ConnectionConfig::Kind::Unleash;
    config.displayName = QStringLiteral("Unleash (peer)");
    config.url = unleash.url();
    config.secretRef = QStringLiteral("peer/unleash");

    // Unleash's console first: its figures stand even when FlagDeck's side cannot be measured.
    std::map<QString, std::vector<double>> unleashUi;
    if (const QString error = timeUnleashUi(unleash, unleashUi); !error.isEmpty())
        return failed(QStringLiteral("Unleash's web console could not be measured: ") + error);
    // The list's time on each side: the median opening plus the median search (an opening or a
    // search of Unleash's list that did not end within the driver's limit is counted apart, not
    // timed; so the ratio can only understate what such stalls cost).
    const double unleashOpen = median(unleashUi[QStringLiteral("list_open_ms")]);
    const double unleashSearch = median(unleashUi[QStringLiteral("search_ms")]);
    const double unleashList = unleashOpen + unleashSearch;
    const double unleashToggle = median(unleashUi[QStringLiteral("toggle_ms")]);
    report(QStringLiteral("peer.unleash_ui.list_1k_ms"), unleashList, "ms");
    report(QStringLiteral("peer.unleash_ui.list_1k.open_ms"), unleashOpen, "ms");
    report(QStringLiteral("peer.unleash_ui.list_1k.search_ms"), unleashSearch, "ms");
    report(QStringLiteral("peer.unleash_ui.list_1k.open_missed"), double(unleashUi[QStringLiteral("open_missed")].size()), "openings");
    report(QStringLiteral("peer.unleash_ui.list_1k.search_missed"), double(unleashUi[QStringLiteral("search_missed")].size()), "searches");
    report(QStringLiteral("peer.unleash_ui.toggle_ms"), unleashToggle, "ms");
    // Only the clicks after which the switch showed the new state within the driver's limit.
    if (!unleashUi[QStringLiteral("toggle_shown_ms")].empty())
        report(QStringLiteral("peer.unleash_ui.toggle_shown_ms"), median(unleashUi[QStringLiteral("toggle_shown_ms")]), "ms");

    FlagDeckTimes flagDeck;
    if (const QString error = timeFlagDeckList(config, flagDeck); !error.isEmpty())
        return failed(QStringLiteral("FlagDeck could not be measured: ") + error);
    const double flagDeckOpen = median(flagDeck.openMs);
    const double flagDeckSearch = median(flagDeck.searchMs);
    const double flagDeckList = flagDeckOpen + flagDeckSearch;
    report(QStringLiteral("flagtable.load_1k_ms"), flagDeckList, "ms");
    report(QStringLiteral("flagtable.load_1k.open_ms"), flagDeckOpen, "ms");
    report(QStringLiteral("flagtable.load_1k.search_ms"), flagDeckSearch, "ms");
    report(QStringLiteral("peer.unleash_ui.list_1k_ratio"), unleashList / flagDeckList, "ratio");
    report(QStringLiteral("peer.unleash_ui.list_1k.open_ratio"), unleashOpen / flagDeckOpen, "ratio");
    report(QStringLiteral("peer.unleash_ui.list_1k.search_ratio"), unleashSearch / flagDeckSearch, "ratio");

    // Unleash's console left the flag as its last click did.
    if (const int status = unleash.post(QStringLiteral("/api/admin/projects/%1/features/%2/environments/%3/on").arg(Project, ToggleKey, Environment)).status;
        status != 200)
        return failed(QStringLiteral("Unleash did not switch %1 back on (HTTP %2)").arg(ToggleKey).arg(status));
    if (const QString error = timeFlagDeckKills(config, flagDeck); !error.isEmpty())
        return failed(QStringLiteral("FlagDeck's kill could not be measured: ") + error);
    const double flagDeckKill = median(flagDeck.killMs);
    report(QStringLiteral("peer.flagdeck.kill_ms"), flagDeckKill, "ms");
    report(QStringLiteral("peer.unleash_ui.toggle_ratio"), unleashToggle / flagDeckKill, "ratio");
    progress(QStringLiteral("done"));
    return true;
}
