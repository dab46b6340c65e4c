#include "connectors/featbit/featbitserver.h"
#include "connectors/sandbox/sandboxserver.h"
#include "connectors/unleash/unleashserver.h"
#include "control/killswitch.h"
#include "flagtableview.h"
#include "item/flagfilterproxy.h"
#include "item/flagtablemodel.h"
#include "auditbrowser.h"
#include "item/audittablemodel.h"
#include "store/auditcache.h"
#include "store/sqlitestatement.h"
#include "store/changehistory.h"
#include "control/revertdesk.h"
#include "control/flagstore.h"
#include "store/auditexporter.h"
#include "store/auditverifier.h"
#include "store/auditwriter.h"
#include "store/auditchain.h"
#include "store/sqlitefile.h"
#include "guardrailcharts.h"
#include "guardrailsimulation.h"
#include "metrics/guardrailmonitor.h"
#include "metrics/prometheussource.h"
#include "testflags.h"
#include "control/consolecontroller.h"
#include "control/proposalreview.h"
#include "item/proposaltablemodel.h"
#include "postgresserver.h"
#include "guardprocess.h"
#include "control/guardrailwatcher.h"
#include "metrics/trafficsimulator.h"
#include "store/guardlease.h"
#include "testaudit.h"
#include "store/memorysecretstore.h"
#include "store/proposalinbox.h"
#include "featbitconnection.h"
#include "unleashundertest.h"
#include "benchfigures.h"
#include "peerbench.h"
#include "soakbench.h"
#include "testchildprocess.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QScrollArea>
#include <QTableView>
#include <QTemporaryDir>

#include "approvalrace.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>

namespace {

using Bench::percentile;
using Bench::report;
using Bench::residentMb;

void waitUntil(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

// From the confirmed gesture (the KillSwitch call the confirmation bar makes) to the row showing
// the server-confirmed "off", through the real audit cache; each kill is undone before the next.
std::vector<double> timeKills(FlagServer &server, const QString &environment, const QString &key, int kills)
{
    QTemporaryDir dir;
    AuditWriter audit;
    if (const Result<void> opened = audit.open(dir.filePath(QStringLiteral("audit.sqlite"))); !opened) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(opened.error()));
        return {};
    }
    // The store writes every last-known state to the audit cache, as in the console.
    FlagStore store(&audit);
    FlagTableModel model(&store);
    const QString id = server.connectionId();
    store.setServerName(id, server.displayName());
    KillSwitch killSwitch(&store, &audit, [&server](const QString &) { return &server; });
    QObject::connect(&server, &FlagServer::flagsReplaced, &store, [&](const QString &replaced, const QList<Flag> &flags) {
        store.reportEnvironment(id, replaced, flags);
    });
    QObject::connect(&server, &FlagServer::flagChanged, &store, [&](const QString &changed, const Flag &flag) {
        store.reportFlag({id, changed, flag.key}, flag);
    });
    server.connectToServer();
    const FlagRef flag{id, environment, key};
    waitUntil([&] {
        return (model.row(flag) != nullptr && server.state() == ConnectionState::Connected) || server.state() == ConnectionState::Failed;
    });
    if (!model.row(flag)) {
        std::fprintf(stderr, "bench: %s did not load: %s\n", qPrintable(server.displayName()), qPrintable(server.stateDetail()));
        return {};
    }

    std::vector<double> milliseconds;
    milliseconds.reserve(kills);
    QElapsedTimer timer;
    const auto failed = [&] {
        const FlagTableModel::Operation operation = model.row(flag)->operation;
        return operation == FlagTableModel::Operation::KillFailed || operation == FlagTableModel::Operation::RestoreFailed;
    };
    const auto settled = [&](bool enabled) {
        const FlagTableModel::Row *row = model.row(flag);
        return failed() || (row->flag.enabled == enabled && row->operation == FlagTableModel::Operation::None);
    };
    for (int i = 0; i < kills; ++i) {
        timer.start();
        killSwitch.kill({flag});
        waitUntil([&] { return settled(false); });
        milliseconds.push_back(double(timer.nsecsElapsed()) / 1e6);
        killSwitch.restore({flag});
        waitUntil([&] { return settled(true); });
        if (failed()) {
            std::fprintf(stderr, "bench: a kill or restore on %s failed: %s\n", qPrintable(server.displayName()),
                         qPrintable(model.row(flag)->operationError));
            return {};
        }
    }
    return milliseconds;
}

void killSwitchSandbox()
{
    QTemporaryDir dir;
    ConnectionConfig config;
    config.id = QStringLiteral("bench");
    config.displayName = QStringLiteral("Bench sandbox");
    SandboxServer server(config, dir.filePath(QStringLiteral("sandbox.sqlite")));
    server.setLatency(0, 0);
    const std::vector<double> milliseconds = timeKills(server, QStringLiteral("production"), QStringLiteral("chat-model-route"), 1000);
    if (milliseconds.empty())
        return;
    report("killswitch.sandbox.p50_ms", percentile(milliseconds, 0.50), "ms");
    report("killswitch.sandbox.p99_ms", percentile(milliseconds, 0.99), "ms");
}

// The same kill against a real unleash-server on PostgreSQL: through the console's kill switch,
// and as a person would do it with curl against the admin API (a process per request, as in a
// shell during an incident), so the console's own overhead shows as a ratio. Once per major
// version of the matrix: killswitch.unleash.* is CI's version (8), killswitch.unleash.v5.* … the others.
void killSwitchUnleashOn(int major, const QByteArray &prefix)
{
    // CI's version gets the full count; the others enough for a stable median.
    const int Kills = major == UnleashUnderTest::CiMajor ? 200 : 100;
    UnleashUnderTest unleash(major);
    if (unleash.installedVersion().isEmpty()) {
        std::fprintf(stderr, "bench: %s: Unleash %d is not installed in %s\n", prefix.constData(), major, qPrintable(unleash.folder()));
        return;
    }
    if (const QString error = unleash.start(); !error.isEmpty()) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(error));
        return;
    }
    std::fprintf(stderr, "bench: %s is unleash-server %s\n", prefix.constData(), qPrintable(unleash.installedVersion()));
    QByteArray name;
    const auto figure = [&](const char *what) {
        name = prefix + '.' + what;
        return name.constData();
    };
    const QString key = QStringLiteral("bench.kill");
    const QString base = QStringLiteral("/api/admin/projects/default/features/%1/environments/development").arg(key);
    unleash.post(QStringLiteral("/api/admin/projects/default/features"), QJsonObject{{QStringLiteral("name"), key}});
    unleash.post(base + QStringLiteral("/on"));

    MemorySecretStore secrets;
    ConnectionConfig config;
    config.id = QStringLiteral("bench-unleash");
    config.kind = ConnectionConfig::Kind::Unleash;
    config.displayName = QStringLiteral("Bench Unleash");
    config.url = unleash.url();
    config.secretRef = QStringLiteral("bench/token");
    secrets.writeSecret(config.secretRef, UnleashUnderTest::adminToken(), [](const QString &) {});
    std::vector<double> milliseconds;
    {
        UnleashServer server(config, &secrets);
        milliseconds = timeKills(server, QStringLiteral("default/development"), key, Kills);
    }
    if (milliseconds.empty())
        return;
    report(figure("p50_ms"), percentile(milliseconds, 0.50), "ms");
    report(figure("p99_ms"), percentile(milliseconds, 0.99), "ms");

    std::vector<double> curl;
    std::vector<double> curlRequest; // curl's own time_total: the request alone, without starting curl
    const auto runCurl = [&](const QString &verb) {
        QProcess process;
        process.start(QStringLiteral("curl"), {QStringLiteral("-sf"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                               QStringLiteral("-w"), QStringLiteral("%{time_total}"),
                                               QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-H"),
                                               QStringLiteral("Authorization: ") + UnleashUnderTest::adminToken(),
                                               unleash.url().toString() + base + QLatin1Char('/') + verb});
        const bool ok = process.waitForFinished(10000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        if (ok && verb == QLatin1String("off"))
            curlRequest.push_back(process.readAllStandardOutput().toDouble() * 1000);
        return ok;
    };
    QElapsedTimer timer;
    for (int i = 0; i < Kills; ++i) {
        timer.start();
        if (!runCurl(QStringLiteral("off"))) {
            std::fprintf(stderr, "bench: curl could not kill the flag (is curl installed?)\n");
            return;
        }
        curl.push_back(double(timer.nsecsElapsed()) / 1e6);
        runCurl(QStringLiteral("on"));
    }
    report(figure("curl_p50_ms"), percentile(curl, 0.50), "ms");
    report(figure("curl_request_p50_ms"), percentile(curlRequest, 0.50), "ms");
    report(figure("p50_over_curl_p50"), percentile(milliseconds, 0.50) / percentile(curl, 0.50), "ratio");
}

QStringList g_prefixes; // the figures asked for on the command line; all when empty
QStringList g_skipped;  // --skip=PREFIX: benchmarks left out even when asked for
// Set when a benchmark could not measure what it promised; the bench then exits non-zero.
bool benchFailed = false;

bool wanted(const QString &name)
{
    if (std::any_of(g_skipped.cbegin(), g_skipped.cend(), [&](const QString &skipped) { return name.startsWith(skipped); }))
        return false;
    return g_prefixes.isEmpty() || std::any_of(g_prefixes.cbegin(), g_prefixes.cend(), [&](const QString &prefix) {
               return name.startsWith(prefix) || prefix.startsWith(name);
           });
}

void killSwitchUnleash()
{
    for (const int major : UnleashUnderTest::majors()) {
        const QByteArray prefix = major == UnleashUnderTest::CiMajor ? QByteArray("killswitch.unleash")
                                                                     : "killswitch.unleash.v" + QByteArray::number(major);
        // A prefix such as "killswitch.unleash" runs every version; "killswitch.unleash.v5" only 5, and
        // "killswitch.unleash.p50_ms" only CI's.
        const QString name = QString::fromLatin1(prefix);
        const bool asked = g_prefixes.isEmpty()
            || std::any_of(g_prefixes.cbegin(), g_prefixes.cend(), [&](const QString &each) {
                   if (name.startsWith(each))
                       return true;
                   if (!each.startsWith(name))
                       return false;
                   return major != UnleashUnderTest::CiMajor || !each.mid(name.size()).startsWith(QLatin1String(".v"));
               });
        if (asked)
            killSwitchUnleashOn(major, prefix);
    }
}

// The same gesture against the FeatBit protocol test server over loopback: the toggle endpoint's
// answer confirms each kill. Then FeatBit's own Node SDK watches the flag while the console kills
// and restores it: the time from the kill call until the SDK has the change.
void killSwitchFeatBit()
{
    FeatBitTestServer featbit;
    const QString environment = featbit.addEnvironment(QStringLiteral("ai"), QStringLiteral("prod"));
    const QString key = QStringLiteral("bench-kill");
    featbit.addBooleanFlag(environment, key, true, 10000);
    MemorySecretStore secrets;
    const ConnectionConfig config =
        featBitConnection(featbit, QStringLiteral("bench-featbit"), QStringLiteral("bench/featbit"), QStringLiteral("Bench FeatBit"));
    secrets.writeSecret(config.secretRef, FeatBitTestServer::AccessToken, [](const QString &) {});
    {
        FeatBitServer server(config, &secrets);
        const std::vector<double> milliseconds = timeKills(server, QStringLiteral("ai/prod"), key, 500);
        if (milliseconds.empty())
            return;
        report("killswitch.featbit.p50_ms", percentile(milliseconds, 0.50), "ms");
        report("killswitch.featbit.p99_ms", percentile(milliseconds, 0.99), "ms");
    }

    QProcess sdk;
    QProcessEnvironment sdkEnvironment = QProcessEnvironment::systemEnvironment();
    QUrl streaming = featbit.evaluationUrl();
    streaming.setScheme(QStringLiteral("ws"));
    sdkEnvironment.insert(QStringLiteral("FEATBIT_SECRET"), featbit.serverSecret(environment));
    sdkEnvironment.insert(QStringLiteral("FEATBIT_STREAMING_URI"), streaming.toString());
    sdkEnvironment.insert(QStringLiteral("FEATBIT_EVENTS_URI"), featbit.evaluationUrl().toString());
    sdkEnvironment.insert(QStringLiteral("FEATBIT_FLAGS"), key);
    sdkEnvironment.insert(QStringLiteral("FEATBIT_USERS"), QStringLiteral("1"));
    sdk.setProcessEnvironment(sdkEnvironment);
    sdk.setWorkingDirectory(QStringLiteral(FLAGDECK_SOURCE_DIR "/tests/featbit"));
    TestChildProcess::endWithTest(sdk);
    sdk.start(QStringLiteral("node"), {QStringLiteral("sdkprobe.mjs")});
    const auto nextEvent = [&sdk]() -> QJsonObject {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 10000) {
            while (sdk.canReadLine()) {
                const QJsonObject line = QJsonDocument::fromJson(sdk.readLine()).object();
                if (line.contains(QStringLiteral("event")))
                    return line;
            }
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
        return {};
    };
    if (nextEvent().value(QStringLiteral("event")).toString() != QLatin1String("ready")) {
        std::fprintf(stderr, "bench: FeatBit's Node SDK did not start (npm ci in tests/featbit?)\n");
        return;
    }
    FeatBitServer console(config, &secrets);
    console.connectToServer();
    waitUntil([&] { return console.state() == ConnectionState::Connected || console.state() == ConnectionState::Failed; });
    std::vector<double> propagation;
    for (int i = 0; i < 100; ++i) {
        const bool enable = i % 2 == 1;
        // Epoch time finer than a millisecond, as the SDK reports its own.
        const double start = std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count();
        console.setEnabled(QStringLiteral("ai/prod"), key, enable, {});
        const QJsonObject update = nextEvent();
        if (update.value(QStringLiteral("event")).toString() != QLatin1String("update")) {
            std::fprintf(stderr, "bench: the SDK did not see change %d\n", i);
            return;
        }
        // The SDK's own clock reading when it had the change: the same machine's clock.
        propagation.push_back(update.value(QStringLiteral("at")).toDouble() - start);
    }
    sdk.closeWriteChannel();
    if (!sdk.waitForFinished(5000)) {
        sdk.kill();
        sdk.waitForFinished(2000);
    }
    report("featbit.propagation_ms", percentile(propagation, 0.50), "ms");
    report("featbit.propagation_p99_ms", percentile(propagation, 0.99), "ms");
}

// 10,000 flags into the model and the sorting filter proxy, until the table view has painted.
void flagTableLoad()
{
    constexpr int Runs = 7;
    const QList<Flag> flags = TestFlags::many(10000);
    std::vector<double> milliseconds;
    for (int run = 0; run < Runs; ++run) {
        FlagStore store;
        store.setServerName(QStringLiteral("bench"), QStringLiteral("Bench"));
        FlagTableModel model(&store);
        FlagFilterProxy proxy;
        proxy.setFlagModel(&model);
        FlagTableView view;
        view.setModel(&proxy);
        view.sortByColumn(FlagTableModel::KeyColumn, Qt::AscendingOrder);
        view.resize(1200, 800);
        QElapsedTimer timer;
        timer.start();
        store.reportEnvironment(QStringLiteral("bench"), QStringLiteral("production"), flags);
        view.grab(); // lays out and paints the visible rows, as the first frame would
        milliseconds.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (proxy.rowCount() != flags.size())
            std::fprintf(stderr, "bench: the proxy shows %d rows, not %lld\n", proxy.rowCount(), qlonglong(flags.size()));
    }
    report("flagtable.load_10k_ms", percentile(milliseconds, 0.5), "ms");
}

constexpr int MillionEntries = 1'000'000;
constexpr qint64 MillionEntriesStartMs = 1700000000000; // one entry a second from here
constexpr int MillionEntriesFlags = 500;


// Entry i of the million-entry history: ten servers, two environments, 500 flags, four actors,
// a kill every seventh entry, an incident comment every thousandth.
AuditEntry millionEntry(int i)
{
    static const QStringList actors = {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("release-bot"),
                                       QStringLiteral("triage-agent")};
    AuditEntry entry;
    entry.server = QStringLiteral("server-%1").arg(i % 10);
    entry.environment = i % 3 ? QStringLiteral("production") : QStringLiteral("staging");
    entry.flagKey = QStringLiteral("ai-flag-%1").arg(i % MillionEntriesFlags);
    entry.action = i % 7 ? QStringLiteral("set_rollout") : QStringLiteral("kill");
    entry.outcome = QStringLiteral("applied");
    entry.actor = actors.at(i % actors.size());
    entry.actorKind = i % 4 == 3 ? ActorKind::Agent : ActorKind::Human;
    entry.timeMs = MillionEntriesStartMs + qint64(i) * 1000;
    entry.sourceId = QString::number(i);
    entry.before = QJsonObject{{QStringLiteral("enabled"), true}};
    entry.after = QJsonObject{{QStringLiteral("enabled"), i % 7 != 0}};
    entry.comment = i % 1000 == 0 ? QStringLiteral("incident INC-%1").arg(i) : QString();
    return entry;
}

// SQLite's own pace for the same entries: the same transactions, the same
// journal and synchronous setting as the audit cache, into a table with no index and no chain.
double rawInsertRowsPerSecond()
{
    QTemporaryDir dir;
    double rowsPerSecond = 0;
    {
        SqliteFile file(QStringLiteral("bench-raw"));
        if (const Result<void> opened = file.open(dir.filePath(QStringLiteral("raw.sqlite"))); !opened) {
            std::fprintf(stderr, "bench: %s\n", qPrintable(opened.error()));
            return 0;
        }
        QSqlDatabase &db = file.database();
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA synchronous=%1").arg(QLatin1String(AuditCache::Synchronous)));
        query.exec(QStringLiteral("CREATE TABLE raw (id INTEGER PRIMARY KEY, %1)").arg(AuditCache::entryColumns()));
        // Bound as the audit cache binds: UTF-8, through SQLite's own interface where Qt's driver allows.
        SqliteStatement insert(db, QStringLiteral("INSERT INTO raw (%1) VALUES (%2)")
                                       .arg(AuditCache::entryColumns(),
                                            QStringList(AuditChain::columns().size(), QStringLiteral("?")).join(u',')));
        constexpr int Transaction = AuditWriter::MaxTransactionEntries;
        QElapsedTimer timer;
        timer.start();
        for (int first = 0; first < MillionEntries; first += Transaction) {
            query.exec(QStringLiteral("BEGIN IMMEDIATE"));
            for (int i = first; i < first + Transaction; ++i) {
                const AuditEntry entry = millionEntry(i);
                const QByteArray texts[] = {entry.server.toUtf8(), entry.environment.toUtf8(), entry.flagKey.toUtf8(),
                                            entry.action.toUtf8(), entry.outcome.toUtf8(), entry.actor.toUtf8(),
                                            actorKindName(entry.actorKind).toUtf8()};
                for (const QByteArray &text : texts)
                    insert.addUtf8(text);
                insert.add(entry.timeMs);
                const QByteArray sourceId = entry.sourceId.toUtf8();
                const QByteArray before = QJsonDocument(entry.before).toJson(QJsonDocument::Compact);
                const QByteArray after = QJsonDocument(entry.after).toJson(QJsonDocument::Compact);
                const QByteArray comment = entry.comment.toUtf8();
                for (const QByteArray *text : {&sourceId, &before, &after, &comment})
                    insert.addUtf8(*text);
                if (const Result<int> inserted = insert.run(); !inserted) {
                    std::fprintf(stderr, "bench: %s\n", qPrintable(inserted.error()));
                    return 0;
                }
            }
            query.exec(QStringLiteral("COMMIT"));
        }
        rowsPerSecond = MillionEntries / (double(timer.nsecsElapsed()) / 1e9);
    }
    return rowsPerSecond;
}

// Resident memory of this process, in MB.
// A history of a million entries, as a first sync writes it, written once per run and shared by
// every figure on it. Empty when it could not be written. AuditSync asks for the next page (500
// entries) as soon as one arrives, without waiting for its commit; the writer puts every page
// queued meanwhile into its next transaction, up to AuditWriter::MaxTransactionEntries. Fetching
// outpaces writing, so a first sync commits full transactions of pages, each with its cursor.
QString millionEntryCache(double *ingestRowsPerSecond = nullptr)
{
    static QTemporaryDir dir;
    static QString written;
    static double rowsPerSecond = 0;
    if (written.isEmpty()) {
        constexpr int Entries = MillionEntries;
        constexpr int Page = 500;
        const QString path = dir.filePath(QStringLiteral("audit.sqlite"));
        AuditCache cache;
        if (const Result<void> opened = cache.open(path); !opened) {
            std::fprintf(stderr, "bench: %s\n", qPrintable(opened.error()));
            return {};
        }
        QElapsedTimer timer;
        timer.start();
        constexpr int Transaction = AuditWriter::MaxTransactionEntries;
        static_assert(Transaction % Page == 0);
        for (int first = 0; first < Entries; first += Transaction) {
            AuditBatch batch;
            for (int page = first; page < first + Transaction; page += Page) {
                AuditBatch pageBatch;
                for (int i = page; i < page + Page; ++i)
                    pageBatch.entries.append(millionEntry(i));
                pageBatch.cursors.insert(QStringLiteral("server-0"), QString::number(page + Page));
                batch.append(pageBatch);
            }
            if (const Result<qint64> stored = cache.write(batch); !stored) {
                std::fprintf(stderr, "bench: %s\n", qPrintable(stored.error()));
                return {};
            }
        }
        rowsPerSecond = Entries / (double(timer.nsecsElapsed()) / 1e9);
        written = path;
    }
    if (ingestRowsPerSecond)
        *ingestRowsPerSecond = rowsPerSecond;
    return written;
}

// The resident memory opening the browser on a cache adds, measured in a process of its own:
// in this one, the memory the ingest gave back to the system made the difference negative.
// The baseline is a process with Qt's widgets, style and fonts already in use.
constexpr const char *AuditOpenRssArgument = "--audit-open-rss";

int auditOpenRssChild(const QString &path)
{
    QTemporaryDir dir;
    AuditTableModel empty(dir.filePath(QStringLiteral("empty.sqlite")));
    AuditBrowser warmUp(&empty);
    warmUp.resize(1400, 800);
    warmUp.grab();
    const double before = residentMb();
    AuditTableModel model(path);
    AuditBrowser browser(&model);
    browser.resize(1400, 800);
    waitUntil([&] { return !model.isLoading() && model.rowCount() > 0; });
    browser.grab();
    const double open = residentMb() - before;
    browser.table()->scrollToBottom();
    browser.grab();
    const double end = residentMb() - before;
    std::printf("%f %f\n", open, end);
    return 0;
}

void auditOpenRss(const QString &path)
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(AuditOpenRssArgument), path});
    const QList<QByteArray> figures =
        child.waitForFinished(120000) ? child.readAllStandardOutput().trimmed().split(' ') : QList<QByteArray>();
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0 || figures.size() != 2) {
        std::fprintf(stderr, "bench: the browser's memory could not be measured: %s\n", child.readAllStandardError().constData());
        benchFailed = true;
        return;
    }
    report("audit.open_1m_rss_mb", std::max(figures.at(0).toDouble(), figures.at(1).toDouble()), "MB");
}

// The million-entry history, then the browser and the command line on it.
void auditCache()
{
    constexpr int Entries = MillionEntries;
    QTemporaryDir dir;
    double rowsPerSecond = 0;
    const QString path = millionEntryCache(&rowsPerSecond);
    if (path.isEmpty())
        return;
    report("audit.ingest_rows_per_s", rowsPerSecond, "rows/s");
    const double rawRowsPerSecond = rawInsertRowsPerSecond();
    report("audit.raw_insert_rows_per_s", rawRowsPerSecond, "rows/s");
    if (rawRowsPerSecond > 0)
        report("audit.ingest_share_of_raw_percent", 100.0 * rowsPerSecond / rawRowsPerSecond, "%");

    {
        // Opening the browser: first rows on screen, then every row id in the background.
        QElapsedTimer timer;
        timer.start();
        AuditTableModel model(path);
        AuditBrowser browser(&model);
        browser.resize(1400, 800);
        waitUntil([&] { return model.rowCount() > 0; });
        browser.grab();
        const double openMs = double(timer.nsecsElapsed()) / 1e6;
        report("audit.browser.first_rows_1m_ms", openMs, "ms");
        report("audit.open_1m_ms", openMs, "ms");
        waitUntil([&] { return !model.isLoading(); });
        report("audit.browser.all_rows_1m_ms", double(timer.nsecsElapsed()) / 1e6, "ms");
        auditOpenRss(path);
        if (model.rowCount() != Entries)
            std::fprintf(stderr, "bench: the browser shows %d rows, not %d\n", model.rowCount(), Entries);

        // A jump anywhere: the page under the scroll bar is read on demand.
        std::vector<double> jumps;
        for (int i = 0; i < 200; ++i) {
            const int row = int((qint64(i) * 7919 * AuditTableModel::PageSize) % Entries);
            timer.start();
            browser.table()->scrollTo(model.index(row, 0), QAbstractItemView::PositionAtTop);
            browser.table()->viewport()->grab();
            jumps.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        report("audit.browser.jump_scroll_p50_ms", percentile(jumps, 0.5), "ms");
        report("audit.browser.jump_scroll_p99_ms", percentile(jumps, 0.99), "ms");

        // Until the first screen of results is painted (or the search is known to find nothing);
        // the rest of the matches, and so the count, may still be loading.
        const auto firstScreenMs = [&](const AuditFilter &filter) {
            timer.start();
            model.setFilter(filter);
            waitUntil([&] { return model.rowCount() > 0 || !model.isLoading(); });
            browser.table()->viewport()->grab();
            return double(timer.nsecsElapsed()) / 1e6;
        };
        const auto search = [&](const char *name, const AuditFilter &filter) {
            report(name, firstScreenMs(filter), "ms");
            waitUntil([&] { return !model.isLoading(); });
            report((QByteArray(name).chopped(3) + "_all_ms").constData(), double(timer.nsecsElapsed()) / 1e6, "ms");
        };
        AuditFilter rare;
        rare.text = QStringLiteral("INC-420");
        search("audit.search.fulltext_rare_1m_ms", rare);
        AuditFilter common;
        common.text = QStringLiteral("triage");
        search("audit.search.fulltext_250k_of_1m_ms", common);
        AuditFilter flag;
        flag.flagKey = QStringLiteral("ai-flag-42");
        search("audit.search.flag_1m_ms", flag);
        AuditFilter actor;
        actor.actor = QStringLiteral("bob");
        search("audit.search.actor_250k_of_1m_ms", actor);

        // 100 searches as people type them: rare words, common words, prefixes, two words.
        std::vector<double> searches;
        for (int i = 0; i < 100; ++i) {
            AuditFilter typed;
            switch (i % 5) {
            case 0: // rare: one incident in a thousand entries
                typed.text = QStringLiteral("INC-%1").arg((i * 7919) % 1000 * 1000);
                break;
            case 1: { // common
                static const QStringList words = {QStringLiteral("triage"), QStringLiteral("production"),
                                                  QStringLiteral("kill"), QStringLiteral("staging"),
                                                  QStringLiteral("alice"), QStringLiteral("disabled"),
                                                  QStringLiteral("agent"), QStringLiteral("applied")};
                typed.text = words.at((i / 5) % words.size());
                break;
            }
            case 2: { // the start of a word, still typing
                static const QStringList prefixes = {QStringLiteral("tri"), QStringLiteral("prod"), QStringLiteral("ai-fl"),
                                                     QStringLiteral("INC-4"), QStringLiteral("rel"), QStringLiteral("serv"),
                                                     QStringLiteral("incid"), QStringLiteral("set_r")};
                typed.text = prefixes.at((i / 5) % prefixes.size());
                break;
            }
            case 3: // a flag or a server with a word
                typed.text = (i / 5) % 2 ? QStringLiteral("ai-flag-%1 kill").arg((i * 31) % MillionEntriesFlags)
                                         : QStringLiteral("server-%1 staging").arg(i % 10);
                break;
            default: { // two common words
                static const QStringList pairs = {QStringLiteral("alice staging"), QStringLiteral("triage kill"),
                                                  QStringLiteral("bob disabled"), QStringLiteral("release production")};
                typed.text = pairs.at((i / 5) % pairs.size());
                break;
            }
            }
            searches.push_back(firstScreenMs(typed));
        }
        report("audit.fts_p50_ms", percentile(searches, 0.5), "ms");
        report("audit.fts_p95_ms", percentile(searches, 0.95), "ms");
        model.setFilter({});
        waitUntil([&] { return !model.isLoading(); });
    }

    AuditCache cache;
    cache.open(path);
    QElapsedTimer timer;
    timer.start();
    const AuditVerification verification = verifyAuditChains(cache);
    report("audit.verify_1m_ms", double(timer.nsecsElapsed()) / 1e6, "ms");
    if (!verification.intact)
        std::fprintf(stderr, "bench: verification failed: %s\n", qPrintable(verification.problem));
    QFile out(dir.filePath(QStringLiteral("export.ndjson")));
    out.open(QIODevice::WriteOnly);
    timer.start();
    const Result<qint64> rows = AuditExporter::write(cache, {}, AuditExportFormat::Ndjson, &out);
    if (!rows) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(rows.error()));
        return;
    }
    report("audit.export_ndjson_rows_per_s", rows.value() / (double(timer.nsecsElapsed()) / 1e9), "rows/s");
}

// The change history of the million-entry cache; false (and said why) when it cannot be had.
bool openMillionEntryHistory(ChangeHistory &history)
{
    const QString path = millionEntryCache();
    if (path.isEmpty())
        return false;
    if (const Result<void> opened = history.open(path); !opened) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(opened.error()));
        return false;
    }
    return true;
}

// "What changed, and put it back" on the million-entry history: choosing a change until its revert
// preview is ready (the change read by id, the flag's state worked out against the flag store), for
// one change and for a flag's net change in the hour before it; the changes of the last hour
// grouped by flag; and every flag as it was at a time.
void revertPreview()
{
    const QString path = millionEntryCache();
    if (path.isEmpty())
        return;
    FlagStore flags;
    for (int server = 0; server < 10; ++server) {
        for (const QString &environment : {QStringLiteral("production"), QStringLiteral("staging")})
            flags.reportEnvironment(QStringLiteral("server-%1").arg(server), environment,
                                    TestFlags::many(MillionEntriesFlags, QStringLiteral("ai-flag-")));
    }
    RevertDesk desk(&flags, nullptr, [](const QString &) { return nullptr; });
    if (const Result<void> opened = desk.openHistory(path); !opened) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(opened.error()));
        return;
    }

    std::vector<double> single;
    std::vector<double> net;
    QElapsedTimer timer;
    for (int pick = 0; pick < 100; ++pick) {
        const qint64 id = 1 + (qint64(pick) * 104729) % MillionEntries; // row ids follow the writes
        timer.start();
        const Result<RevertPreview> preview = desk.previewChange(id);
        single.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!preview) {
            std::fprintf(stderr, "bench: %s\n", qPrintable(preview.error()));
            return;
        }
        if (pick % 5 != 0)
            continue;
        const FlagRef ref = preview->ref;
        const qint64 until = MillionEntriesStartMs + (id - 1) * 1000;
        timer.start();
        const Result<RevertPreview> window = desk.previewWindow(ref, until - 3600 * 1000, until);
        net.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!window || window->entryIds.isEmpty()) {
            std::fprintf(stderr, "bench: no net change to preview for %s\n", qPrintable(ref.key));
            return;
        }
    }
    std::vector<double> all = single;
    all.insert(all.end(), net.cbegin(), net.cend());
    report("revert.preview_ms", *std::max_element(all.cbegin(), all.cend()), "ms");
    report("revert.preview_p50_ms", percentile(all, 0.5), "ms");
    report("revert.preview_one_change_max_ms", *std::max_element(single.cbegin(), single.cend()), "ms");
    report("revert.preview_net_hour_max_ms", *std::max_element(net.cbegin(), net.cend()), "ms");
}

void changesWindow()
{
    ChangeHistory history;
    if (!openMillionEntryHistory(history))
        return;
    const qint64 newest = MillionEntriesStartMs + qint64(MillionEntries - 1) * 1000;
    std::vector<double> milliseconds;
    QElapsedTimer timer;
    for (int run = 0; run < 5; ++run) {
        const qint64 until = newest - qint64(run) * 86400 * 1000; // the last hour, and one a day earlier each time
        timer.start();
        const Result<ChangeWindow> window = history.changesIn(until - 3600 * 1000, until);
        milliseconds.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!window || window->changeCount() < 3600) {
            std::fprintf(stderr, "bench: the hour holds %d changes, not 3600\n", window ? window->changeCount() : -1);
            return;
        }
    }
    report("changes.window_ms", *std::max_element(milliseconds.cbegin(), milliseconds.cend()), "ms");
    report("changes.window_p50_ms", percentile(milliseconds, 0.5), "ms");

    timer.start();
    const Result<QList<FlagStateAt>> states = history.stateAt(newest - 86400 * 1000);
    report("changes.state_at_ms", double(timer.nsecsElapsed()) / 1e6, "ms");
    if (!states || states->isEmpty())
        std::fprintf(stderr, "bench: no state at the time: %s\n", states ? "" : qPrintable(states.error()));
}

// A flag with 40 guardrails and three variations (a control, two candidates), an hour of one-second
// intervals each: 200 chart lines (3 variations + 2 differences per guardrail) of 3,600 points.
struct ChartLoad
{
    static constexpr int Guardrails = 40;
    static constexpr int Intervals = 3600;
    static constexpr qint64 Start = 1763700000000;

    ChartLoad()
    {
        flag = TestFlags::make(QStringLiteral("bench-flag"));
        flag.variations.append({QStringLiteral("second"), QStringLiteral("Second"), QStringLiteral("second_profile")});
        flag.rollout = Rollout({{QStringLiteral("baseline"), 8000}, {QStringLiteral("candidate"), 1000},
                                {QStringLiteral("second"), 1000}});
        watch.flag = {QStringLiteral("bench"), QStringLiteral("production"), flag.key};
        watch.controlId = QStringLiteral("baseline");
        watch.expected = flag.rollout;
        for (int g = 0; g < Guardrails; ++g) {
            ContractGuardrail guardrail;
            guardrail.metric = QStringLiteral("metric_%1").arg(g);
            guardrail.threshold = 2000;
            watch.guardrails.append(guardrail);
        }
        monitor.setWatches({watch});
        QList<MetricBatch> batches;
        for (const VariationShare &share : flag.rollout.shares()) {
            batches.append({watch.flag, RequestsMetric, share.variationId, samples(0, Intervals, 100)});
            for (const ContractGuardrail &guardrail : watch.guardrails)
                batches.append({watch.flag, guardrail.metric, share.variationId, samples(0, Intervals, 900)});
        }
        monitor.addSamples(batches);
    }

    QList<MetricSample> samples(int from, int to, double level)
    {
        QList<MetricSample> values;
        std::normal_distribution<double> noise(0, level * 0.05);
        for (int i = from; i < to; ++i)
            values.append({Start + i * 1000, level + noise(random)});
        return values;
    }

    // One more interval for every series.
    void tick(int interval)
    {
        QList<MetricBatch> batches;
        for (const VariationShare &share : flag.rollout.shares()) {
            batches.append({watch.flag, RequestsMetric, share.variationId, samples(interval, interval + 1, 100)});
            for (const ContractGuardrail &guardrail : watch.guardrails)
                batches.append({watch.flag, guardrail.metric, share.variationId, samples(interval, interval + 1, 900)});
        }
        monitor.addSamples(batches);
    }

    std::mt19937_64 random{3};
    Flag flag;
    GuardrailWatch watch;
    GuardrailMonitor monitor;
};

// One redraw of the charts after a tick, offscreen: the series replaced (thinned to the chart's
// width) and the panel painted. Twice: as the console shows it (1060×800, the charts on screen
// drawn, the others when scrolled into view) and with all 40 guardrails on screen at once, so
// that all 200 series are replaced in the tick.
double chartTickMs(ChartLoad &load, int height, int firstInterval)
{
    QScrollArea area;
    auto *charts = new GuardrailCharts(&load.monitor);
    area.setWidget(charts);
    area.setWidgetResizable(true);
    area.resize(1060, height);
    area.show();
    charts->showFlag(load.watch.flag, load.flag);
    QCoreApplication::processEvents();
    if (charts->seriesCount() != 200)
        std::fprintf(stderr, "charts: expected 200 series, got %d\n", charts->seriesCount());
    std::vector<double> ticks;
    for (int i = 0; i < 15; ++i) {
        load.tick(firstInterval + i);
        QElapsedTimer timer;
        timer.start();
        charts->redraw();
        const QPixmap frame = area.grab();
        ticks.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return percentile(ticks, 0.5);
}

void chartsTick()
{
    ChartLoad load;
    report("charts.tick_ms", chartTickMs(load, 800, ChartLoad::Intervals), "ms");
    report("charts.tick_all_series_ms", chartTickMs(load, 40 * 420, ChartLoad::Intervals + 100), "ms");
}

void guardrailStatistics()
{
    ChartLoad load;
    const FlagHealth health = load.monitor.health(load.watch.flag);
    QElapsedTimer timer;
    timer.start();
    constexpr int Rounds = 20;
    for (int i = 0; i < Rounds; ++i)
        GuardrailMonitor::evaluate(load.watch, load.monitor.series(load.watch.flag), load.monitor.options());
    // A series here is one guardrail of one candidate against the control: 3,600 paired intervals.
    const double comparisons = double(health.results.size()) * Rounds;
    report("guardrail.eval_us_per_series", double(timer.nsecsElapsed()) / 1e3 / comparisons, "us");

    GuardrailSimulation::Settings aa;
    aa.profile = GuardrailSimulation::latencyProfile();
    aa.runs = 1000;
    aa.intervals = 600;
    aa.seed = 101;
    const auto aaSummary = GuardrailSimulation::run(aa);
    report("guardrail.aa_false_alarm_rate", aaSummary.worseSideAlarmRate, "runs");
    report("guardrail.aa_interval_excluded_zero_rate", aaSummary.eitherSideAlarmRate, "runs");

    GuardrailSimulation::Settings ab = aa;
    ab.candidateFactor = 1.10;
    ab.seed = 102;
    const auto abSummary = GuardrailSimulation::run(ab);
    report("guardrail.ab_detect_median_samples", abSummary.medianRequestsPerArm, "requests/arm");
    report("guardrail.ab_detect_median_intervals", abSummary.medianIntervals, "intervals");
    report("guardrail.ab_detected_rate", abSummary.worseSideAlarmRate, "runs");

    // The gate's non-inferiority rule: a truly equal candidate should pass within the A/A run's
    // intervals; one worse by exactly the tolerance (the hardest of those worse than it) should
    // pass at any look in at most alpha of the runs.
    GuardrailSimulation::Settings equal = aa;
    equal.judgeTolerance = true;
    equal.seed = 103;
    const auto equalSummary = GuardrailSimulation::run(equal);
    report("guardrail.noninferior_pass_rate", equalSummary.noninferiorPassRate, "runs");
    report("guardrail.noninferior_pass_median_intervals", equalSummary.medianIntervalsToPass, "intervals");
    GuardrailSimulation::Settings worse = equal;
    worse.candidateFactor = 1 + equal.tolerance;
    worse.seed = 104;
    const auto worseSummary = GuardrailSimulation::run(worse);
    report("guardrail.noninferior_false_pass_rate", worseSummary.noninferiorEverPassRate, "runs");
}

// A console on the sandbox (latency 0) with its inbox at location, and a real `flagdeck mcp`
// process on the same inbox and audit cache, initialized, as a coding agent runs it.
struct InboxRig
{
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    MemorySecretStore secrets;
    std::unique_ptr<ConsoleController> console;
    QProcess mcp;
    int nextId = 1;

    QString start(const QString &location)
    {
        // The settings flagdeck mcp reads too: the same organization and application.
        QCoreApplication::setOrganizationName(QStringLiteral("FlagDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("FlagDeck"));
        // Never the person's own settings: a folder of this run's, inherited by flagdeck mcp.
        qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("config/FlagDeck/FlagDeck.conf")),
                                               QSettings::NativeFormat);
        const QString auditPath = dir.filePath(QStringLiteral("audit.sqlite"));
        auto writer = std::make_unique<AuditWriter>();
        if (const Result<void> opened = writer->open(auditPath); !opened)
            return opened.error();
        console = std::make_unique<ConsoleController>(*settings, std::move(writer), &secrets);
        console->setInboxLocation(location);
        console->setSandboxAgentEnabled(false);
        console->start(true);
        if (!waitFor([&] { return console->initialLoadDone(); }, 20000))
            return QStringLiteral("the sandbox did not load");
        settings->sync();
        static_cast<SandboxServer *>(console->server(QStringLiteral("sandbox")))->setLatency(0, 0);
        console->auditWriter()->flush(); // the flags are in the cache flagdeck mcp reads
        const QStringList inbox = ProposalInbox::isPostgresUrl(location) ? QStringList{QStringLiteral("--inbox-url"), location}
                                                                        : QStringList{QStringLiteral("--inbox"), location};
        TestChildProcess::endWithTest(mcp);
        mcp.start(QStringLiteral(FLAGDECK_BINARY), QStringList{QStringLiteral("mcp"), QStringLiteral("--cache"), auditPath} + inbox);
        if (!mcp.waitForStarted())
            return QStringLiteral("flagdeck mcp did not start");
        const QJsonObject init = call({{QStringLiteral("method"), QStringLiteral("initialize")},
                                       {QStringLiteral("params"), QJsonObject{{QStringLiteral("protocolVersion"), QStringLiteral("2025-06-18")},
                                                                             {QStringLiteral("clientInfo"), QJsonObject{{QStringLiteral("name"), QStringLiteral("bench-agent")},
                                                                                                                        {QStringLiteral("version"), QStringLiteral("1")}}}}}});
        return init.contains(QStringLiteral("result")) ? QString() : QStringLiteral("flagdeck mcp did not initialize");
    }

    static bool waitFor(const std::function<bool()> &done, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!done()) {
            if (timer.elapsed() > timeoutMs)
                return false;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        }
        return true;
    }

    QJsonObject call(QJsonObject message)
    {
        message.insert(QStringLiteral("jsonrpc"), QStringLiteral("2.0"));
        message.insert(QStringLiteral("id"), nextId++);
        mcp.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
        while (!mcp.canReadLine() && mcp.waitForReadyRead(10000)) {
        }
        return QJsonDocument::fromJson(mcp.readLine()).object();
    }

    // propose_action through flagdeck mcp; returns the proposal id.
    QString propose(const QString &flag, const QString &action)
    {
        const QJsonObject reply = call(
            {{QStringLiteral("method"), QStringLiteral("tools/call")},
             {QStringLiteral("params"),
              QJsonObject{{QStringLiteral("name"), QStringLiteral("propose_action")},
                          {QStringLiteral("arguments"), QJsonObject{{QStringLiteral("server"), QStringLiteral("Sandbox")},
                                                                    {QStringLiteral("environment"), QStringLiteral("staging")},
                                                                    {QStringLiteral("flag"), flag},
                                                                    {QStringLiteral("action"), action},
                                                                    {QStringLiteral("reason"), QStringLiteral("benchmark")}}}}}});
        const QString id = reply.value(QStringLiteral("result")).toObject().value(QStringLiteral("structuredContent")).toObject()
            .value(QStringLiteral("proposal_id")).toString();
        if (id.isEmpty())
            std::fprintf(stderr, "bench: flagdeck mcp did not take the proposal: %s\n", QJsonDocument(reply).toJson(QJsonDocument::Compact).constData());
        return id;
    }

    ~InboxRig()
    {
        mcp.closeWriteChannel();
        mcp.waitForFinished(5000);
    }
};

// MCP propose_action → the row in the console's queue model, for one inbox engine.
void proposeToVisible(const char *name, const QString &location)
{
    InboxRig rig;
    if (const QString error = rig.start(location); !error.isEmpty()) {
        std::fprintf(stderr, "%s: %s\n", name, qPrintable(error));
        return;
    }
    const QString flag = QStringLiteral("answer-reranker");
    std::vector<double> milliseconds;
    for (int i = 0; i < 30; ++i) {
        QElapsedTimer timer;
        timer.start();
        const QString id = rig.propose(flag, QStringLiteral("kill"));
        if (id.isEmpty() || !InboxRig::waitFor([&] { return rig.console->proposals()->proposal(id) != nullptr; }, 5000)) {
            std::fprintf(stderr, "%s: the proposal did not arrive\n", name);
            return;
        }
        milliseconds.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    report((QByteArray(name) + ".p50").constData(), percentile(milliseconds, 0.5), "ms");
    report(name, percentile(milliseconds, 1.0), "ms");
}

void inboxBenchmarks()
{
    QTemporaryDir dir;
    proposeToVisible("inbox.propose_to_visible_ms.sqlite", dir.filePath(QStringLiteral("inbox.sqlite")));
    PostgresServer postgres;
    if (const QString error = postgres.start(); !error.isEmpty())
        std::fprintf(stderr, "inbox.propose_to_visible_ms.postgres: %s\n", qPrintable(error));
    else
        proposeToVisible("inbox.propose_to_visible_ms.postgres", postgres.createDatabase());

    // Approve → the change confirmed by the sandbox (latency 0): kill, then restore, alternately.
    InboxRig rig;
    if (const QString error = rig.start(dir.filePath(QStringLiteral("approve.sqlite"))); !error.isEmpty()) {
        std::fprintf(stderr, "inbox.approve_to_confirmed_ms: %s\n", qPrintable(error));
        return;
    }
    const FlagRef ref{QStringLiteral("sandbox"), QStringLiteral("staging"), QStringLiteral("answer-reranker")};
    std::vector<double> milliseconds;
    for (int i = 0; i < 40; ++i) {
        const bool enabled = rig.console->flagStore()->find(ref)->flag.enabled;
        // flagdeck mcp reads the flag from the audit cache: let the last change reach it first.
        rig.console->auditWriter()->flush();
        const QString id = rig.propose(ref.key, enabled ? QStringLiteral("kill") : QStringLiteral("restore"));
        ProposalReview *review = rig.console->proposals();
        if (!InboxRig::waitFor([&] { return review->proposal(id) != nullptr; }, 5000)) {
            std::fprintf(stderr, "inbox.approve_to_confirmed_ms: proposal %d did not reach the queue\n", i);
            return;
        }
        QElapsedTimer timer;
        timer.start();
        const Result<Proposal> approved = review->approve(id, QStringLiteral("bench"), false);
        if (!approved
            || !InboxRig::waitFor([&] { return review->proposal(id)->status == ProposalStatus::Executed; }, 5000)) {
            std::fprintf(stderr, "inbox.approve_to_confirmed_ms: %s\n", qPrintable(approved ? QStringLiteral("not confirmed") : approved.error()));
            return;
        }
        milliseconds.push_back(double(timer.nsecsElapsed()) / 1e6);
        rig.console->killSwitch()->setUndoWindow(0);
    }
    report("inbox.approve_to_confirmed_ms.p50", percentile(milliseconds, 0.5), "ms");
    report("inbox.approve_to_confirmed_ms", percentile(milliseconds, 1.0), "ms");
}

// guard.failover_ms: a chain of guard processes on one team inbox; each leader is SIGKILLed and
// the time until the standby's log says it leads is one sample.
void guardFailover(const QString &inboxUrl)
{
    QTemporaryDir folder;
    const QString config = GuardProcess::writeConfig(folder.path(), inboxUrl);
    constexpr int Rounds = 6;
    std::vector<std::unique_ptr<GuardProcess>> guards;
    const auto startGuard = [&](int index) -> GuardProcess * {
        guards.push_back(std::make_unique<GuardProcess>(QStringLiteral(FLAGDECK_BINARY), QStringLiteral("bench-guard-%1").arg(index)));
        guards.back()->start(config, {});
        return guards.back().get();
    };
    GuardProcess *leader = startGuard(0);
    if (leader->waitFor(QStringLiteral("leading")).isEmpty()) {
        std::fprintf(stderr, "guard.failover_ms: the first guard did not lead:\n%s\n", qPrintable(leader->log()));
        return;
    }
    std::vector<double> milliseconds;
    for (int round = 1; round <= Rounds; ++round) {
        GuardProcess *standby = startGuard(round);
        if (standby->waitFor(QStringLiteral("standing_by")).isEmpty()) {
            std::fprintf(stderr, "guard.failover_ms: guard %d did not stand by:\n%s\n", round, qPrintable(standby->log()));
            return;
        }
        QElapsedTimer timer;
        timer.start();
        leader->killHard();
        if (standby->waitFor(QStringLiteral("leading"), {}, 30000).isEmpty()) {
            std::fprintf(stderr, "guard.failover_ms: guard %d did not take over:\n%s\n", round, qPrintable(standby->log()));
            return;
        }
        milliseconds.push_back(double(timer.nsecsElapsed()) / 1e6);
        leader = standby;
    }
    report("guard.failover_ms.p50", percentile(milliseconds, 0.5), "ms");
    report("guard.failover_ms", percentile(milliseconds, 1.0), "ms");
}

// guard.regression_to_confirmed_kill_ms: a guard (the controller as flagdeck guard runs it, its
// lead on PostgreSQL) on the sandbox with its usual 20-80 ms latency; from the monitor's verdict
// (its healthChanged, which comes just before it reports the regression) to the kill the server
// confirmed, for every auto_kill flag made to regress.
void guardRegressionToKill(const QString &inboxUrl)
{
    QTemporaryDir folder;
    // A sandbox of this run's: flags killed here must not stay killed for the next run.
    qputenv("XDG_DATA_HOME", folder.filePath(QStringLiteral("data")).toUtf8());
    QSettings settings(GuardProcess::writeConfig(folder.path(), inboxUrl), QSettings::IniFormat);
    MemorySecretStore secrets;
    ConsoleController guard(settings, TestAudit::openWriter(folder.filePath(QStringLiteral("audit.sqlite"))), &secrets);
    guard.setContractsFolder(folder.filePath(QStringLiteral("contracts")), false);
    for (const char *regression : {"chat-model-route:distilled_small:p95_latency:1.4",
                                   "support-prompt-profile:prompt_v8_concise:p95_latency:1.5",
                                   "answer-reranker:on:p95_latency:1.5"})
        guard.guardrails()->simulator()->addRegression(InjectedRegression::parse(QString::fromLatin1(regression)).value());
    GuardLease lease(inboxUrl, QStringLiteral("bench-guard"), QStringLiteral("bench"));
    guard.runAsGuard([&lease] { return lease.confirmLeading(); },
                     {QStringLiteral("FlagDeck guard bench-guard"), QStringLiteral("flagdeck guard"), QStringLiteral(FLAGDECK_VERSION), {}});

    QElapsedTimer clock;
    clock.start();
    QHash<FlagRef, qint64> verdictNs;
    QHash<FlagRef, qint64> decidedNs;
    std::vector<double> milliseconds;
    QStringList failures;
    QObject::connect(guard.guardrails()->monitor(), &GuardrailMonitor::healthChanged, &guard,
                     [&](const FlagRef &ref) { verdictNs.insert(ref, clock.nsecsElapsed()); });
    QObject::connect(guard.guardrails(), &GuardrailWatcher::regressionDetected, &guard,
                     [&](const FlagRef &ref, const QString &, const QString &, bool killing) {
                         if (killing)
                             decidedNs.insert(ref, verdictNs.value(ref));
                     });
    QObject::connect(guard.guardrails(), &GuardrailWatcher::autoKillFinished, &guard,
                     [&](const FlagRef &ref, bool confirmed, const QString &reason) {
                         if (confirmed)
                             milliseconds.push_back(double(clock.nsecsElapsed() - decidedNs.value(ref)) / 1e6);
                         else
                             failures.append(ref.key + QStringLiteral(": ") + reason);
                     });
    guard.start(false);
    if (const Result<void> started = lease.start(); !started || !InboxRig::waitFor([&] { return lease.isLeading(); }, 5000)) {
        std::fprintf(stderr, "guard.regression_to_confirmed_kill_ms: the guard did not lead\n");
        return;
    }
    // Three flags in production and staging, but answer-reranker serves only its candidate in
    // staging: nothing to compare there.
    constexpr size_t Kills = 5;
    InboxRig::waitFor([&] { return milliseconds.size() + size_t(failures.size()) >= Kills; }, 180000);
    if (!failures.isEmpty() || milliseconds.empty()) {
        std::fprintf(stderr, "guard.regression_to_confirmed_kill_ms: %zu kills confirmed; failed: %s\n", milliseconds.size(),
                     qPrintable(failures.join(QStringLiteral("; "))));
        return;
    }
    report("guard.regression_to_confirmed_kill_ms.p50", percentile(milliseconds, 0.5), "ms");
    report("guard.regression_to_confirmed_kill_ms", percentile(milliseconds, 1.0), "ms");
    report("guard.regression_to_confirmed_kill_ms.kills", double(milliseconds.size()), "kills");
}

void guardBenchmarks()
{
    PostgresServer postgres;
    if (const QString error = postgres.start(); !error.isEmpty()) {
        std::fprintf(stderr, "guard: %s\n", qPrintable(error));
        return;
    }
    guardFailover(postgres.createDatabase());
    guardRegressionToKill(postgres.createDatabase());
}

// The real console from process start until its main window, loaded with the sandbox's flags,
// has been painted and saved by --screenshot (which waits at least 50 ms after loading and
// writes a PNG: both are inside the figure), on a first start in an empty home. The resident
// memory is the process's peak, as /usr/bin/time reports it. Median of five starts.
void startupSandbox()
{
    std::vector<double> milliseconds;
    std::vector<double> megabytes;
    const bool timeTool = QFile::exists(QStringLiteral("/usr/bin/time"));
    for (int run = 0; run < 5; ++run) {
        QTemporaryDir home;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        process.setProcessEnvironment(environment);
        const QStringList arguments = {QStringLiteral("--sandbox"), QStringLiteral("--screenshot"),
                                       home.filePath(QStringLiteral("window.png"))};
        const QString rssFile = home.filePath(QStringLiteral("rss"));
        QElapsedTimer timer;
        timer.start();
        if (timeTool)
            process.start(QStringLiteral("/usr/bin/time"),
                          QStringList{QStringLiteral("-f"), QStringLiteral("%M"), QStringLiteral("-o"), rssFile,
                                      QStringLiteral(FLAGDECK_BINARY)}
                              + arguments);
        else
            process.start(QStringLiteral(FLAGDECK_BINARY), arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            std::fprintf(stderr, "bench: flagdeck --sandbox --screenshot failed: %s\n",
                         process.readAllStandardError().constData());
            return;
        }
        milliseconds.push_back(double(timer.nsecsElapsed()) / 1e6);
        QFile rss(rssFile);
        if (rss.open(QIODevice::ReadOnly))
            megabytes.push_back(rss.readAll().trimmed().split('\n').constLast().toDouble() / 1024.0);
    }
    report("startup.sandbox_ms", percentile(milliseconds, 0.5), "ms");
    if (!megabytes.empty())
        report("startup.rss_mb", percentile(megabytes, 0.5), "MB");
}

// One Prometheus step for 500 watched flags of one environment, each with a latency histogram, an
// error counter and a cost gauge (4 metrics with exposures) and three variations, after an hour of
// 15-second intervals: the queries the step asks, and the time from their answers (JSON as
// Prometheus sends it) to every flag's verdicts.
void guardrailPrometheusStep()
{
    constexpr int Flags = 500;
    constexpr int HistoryIntervals = 240;
    constexpr qint64 StepMs = 15000;
    constexpr qint64 Start = 1763700000000;
    PrometheusSource::Options options;
    options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    options.backfillMs = 0; // the history is given below; nothing is sent
    PrometheusSource source(options);
    GuardrailMonitor monitor;

    ContractGuardrail latency;
    latency.metric = QStringLiteral("p95_latency");
    latency.kind = ContractGuardrail::Kind::Histogram;
    latency.series = ContractGuardrail::DefaultHistogram;
    latency.quantile = 0.95;
    latency.secondsToMilliseconds = true;
    latency.threshold = 2000;
    ContractGuardrail errors;
    errors.metric = QStringLiteral("error_rate");
    errors.kind = ContractGuardrail::Kind::Counter;
    errors.series = QStringLiteral("app.request.errors");
    errors.rule = QStringLiteral("sequential");
    ContractGuardrail cost;
    cost.metric = QStringLiteral("cost_per_request");
    cost.rule = QStringLiteral("sequential");
    const QStringList variants{QStringLiteral("baseline"), QStringLiteral("candidate"), QStringLiteral("second")};
    const QHash<QString, double> levels{{RequestsMetric, 100}, {latency.metric, 900}, {errors.metric, 0.02}, {cost.metric, 0.004}};

    std::mt19937_64 random{5};
    QList<GuardrailWatch> watches;
    QList<MetricBatch> history;
    for (int i = 0; i < Flags; ++i) {
        GuardrailWatch watch;
        watch.flag = {QStringLiteral("bench"), QStringLiteral("production"), QStringLiteral("ai-flag-%1").arg(i)};
        watch.controlId = variants.first();
        watch.expected = Rollout({{variants[0], 8000}, {variants[1], 1000}, {variants[2], 1000}});
        watch.guardrails = {latency, errors, cost};
        for (const QString &variant : variants)
            watch.variantLabels.insert(variant, variant);
        watches.append(watch);
        for (auto level = levels.cbegin(); level != levels.cend(); ++level) {
            for (const QString &variant : variants) {
                std::normal_distribution<double> noise(0, level.value() * 0.05);
                MetricBatch batch{watch.flag, level.key(), variant, {}, false};
                for (int k = 1; k <= HistoryIntervals; ++k)
                    batch.samples.append({Start + k * StepMs, level.value() + noise(random)});
                history.append(batch);
            }
        }
    }
    monitor.setWatches(watches);
    source.setWatches(watches);
    monitor.addSamples(history);

    const QList<PrometheusSource::PreparedQuery> queries = source.stepQueries();
    report("guardrail.prometheus_queries_per_step_500_flags", double(queries.size()), "queries");
    // Each query's answer, as Prometheus words it: one series per flag and variation.
    const qint64 stepEnd = Start + (HistoryIntervals + 1) * StepMs;
    QList<QByteArray> answers;
    for (const PrometheusSource::PreparedQuery &query : queries) {
        const QString metric = query.promql.contains(QLatin1String("histogram_quantile")) ? latency.metric
                               : query.promql.contains(QLatin1String("app_request_errors")) ? errors.metric
                               : query.promql.contains(QLatin1String("avg_over_time"))      ? cost.metric
                                                                                            : RequestsMetric;
        const double level = levels.value(metric);
        std::normal_distribution<double> noise(0, level * 0.05);
        QByteArray body = R"({"status":"success","data":{"resultType":"vector","result":[)";
        bool first = true;
        for (const GuardrailWatch &watch : std::as_const(watches)) {
            for (const QString &variant : variants) {
                body += (first ? "" : ",") + QStringLiteral(R"({"metric":{"feature_flag_key":"%1","feature_flag_result_variant":"%2","feature_flag_set_id":"production"},"value":[%3,"%4"]})")
                                                 .arg(watch.flag.key, variant)
                                                 .arg(stepEnd / 1000.0, 0, 'f', 3)
                                                 .arg(level + noise(random), 0, 'g', 17)
                                                 .toUtf8();
                first = false;
            }
        }
        body += "]}}";
        answers.append(body);
    }
    QElapsedTimer timer;
    timer.start();
    QList<MetricBatch> step;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const auto batches = source.split(queries[i], answers[i]);
        if (!batches) {
            std::fprintf(stderr, "bench: the step's answer was not read: %s\n", qPrintable(batches.error()));
            benchFailed = true;
            return;
        }
        step.append(batches.value());
    }
    monitor.addSamples(step);
    report("guardrail.refresh_500_flags_ms", double(timer.nsecsElapsed()) / 1e6, "ms");
    const FlagHealth health = monitor.health(watches.constLast().flag);
    if (health.results.size() != 6 || health.results.first().difference.samples != HistoryIntervals + 1) {
        std::fprintf(stderr, "bench: the step did not reach the verdicts (%s)\n", qPrintable(health.summary));
        benchFailed = true;
    }
}

// approvals.*: exactly once under crashes. 1,000 proposals, each setting its own flag of a FeatBit
// server (a process of its own) to a share of its own; four consoles approve and run them while a
// killer SIGKILLs them at random moments and they kill themselves right after claims and while
// changes are under way; each dead one starts again (and reconciles), and one last console starts
// after them. The server's own audit log counts how many times each change was applied: none may
// be applied twice, and none may be left unapplied without being reported interrupted.
void approvalsExactlyOnce()
{
    QTemporaryDir dir;
    int duplicates = 0;
    int lost = 0;
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
        const QByteArray prefix = "approvals." + backend.toUtf8() + '.';
        const auto figure = [&](const char *name) { return QByteArray(prefix + name); };
        ApprovalRaceOptions options;
        options.racerBinary = QStringLiteral(APPROVAL_RACER);
        options.serverBinary = QStringLiteral(FEATBIT_PROCESS);
        options.workDir = dir.filePath(backend);
        QDir().mkpath(options.workDir);
        options.proposals = 1000;
        options.racers = 4;
        options.maxKills = 20;
        options.killEveryMinMs = 300;
        options.killEveryMaxMs = 900;
        options.dieClaimed = 0.01;
        options.dieSending = 0.01;
        // About 60 s each on an idle two-core machine; the ceiling leaves room for a loaded one.
        options.budgetMs = 170000;
        options.seed = quint32(QDateTime::currentMSecsSinceEpoch());
        PostgresServer postgres;
        if (backend == QLatin1String("sqlite")) {
            options.racerInbox = options.workDir + QStringLiteral("/inbox.sqlite");
            options.proposerInbox = options.racerInbox;
        } else {
            QString error = postgres.start();
            if (error.isEmpty())
                error = ApprovalRace::preparePostgres(postgres, options);
            if (!error.isEmpty()) {
                std::fprintf(stderr, "bench: %s: %s\n", prefix.constData(), qPrintable(error));
                benchFailed = true;
                continue;
            }
        }
        const ApprovalRaceResult result = ApprovalRace::run(options);
        if (!result.error.isEmpty()) {
            std::fprintf(stderr, "bench: %s (seed %u): %s\n", prefix.constData(), options.seed, qPrintable(result.error));
            benchFailed = true;
            continue;
        }
        report(figure("proposals"), result.proposals, "count");
        report(figure("executed"), result.executed, "count");
        report(figure("failed"), result.failed, "count");
        report(figure("racers_killed"), result.killed, "count");
        report(figure("racers_self_killed"), result.selfKilled, "count");
        report(figure("restarts"), result.restarts, "count");
        report(figure("reconciled_applied"), result.reconciledApplied, "count");
        report(figure("reconciled_interrupted"), result.reconciledInterrupted, "count");
        report(figure("misreported"), result.misreported, "count");
        report(figure("unfinished"), result.unfinished, "count");
        report(figure("duplicate_executions"), result.duplicateExecutions, "count");
        report(figure("lost_executions"), result.lostExecutions, "count");
        report(figure("seconds"), result.seconds, "s");
        duplicates += result.duplicateExecutions;
        lost += result.lostExecutions;
        if (result.duplicateExecutions > 0 || result.lostExecutions > 0 || result.misreported > 0 || result.unfinished > 0) {
            std::fprintf(stderr, "bench: %s (seed %u): %d duplicate, %d lost, %d misreported, %d unfinished executions\n",
                         prefix.constData(), options.seed, result.duplicateExecutions, result.lostExecutions,
                         result.misreported, result.unfinished);
            benchFailed = true;
        }
    }
    report("approvals.duplicate_executions", duplicates, "count");
    report("approvals.lost_executions", lost, "count");
}

struct Benchmark
{
    const char *name; // the prefix every figure it prints starts with
    void (*run)();
};

const Benchmark Benchmarks[] = {
    {"killswitch.sandbox", killSwitchSandbox},
    {"killswitch.unleash", killSwitchUnleash},
    {"killswitch.featbit", killSwitchFeatBit},
    {"flagtable.load_10k", flagTableLoad},
    {"audit", auditCache},
    {"revert", revertPreview},
    {"changes", changesWindow},
    {"charts", chartsTick},
    {"guardrail", guardrailStatistics},
    {"guardrail.prometheus", guardrailPrometheusStep},
    {"inbox", inboxBenchmarks},
    {"approvals", approvalsExactlyOnce},
    {"guard", guardBenchmarks},
    {"peer", [] { benchFailed = !peerUnleashUi() || benchFailed; }},
    {"startup", startupSandbox},
    {"soak", [] { benchFailed = !soakConsole() || benchFailed; }},
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (const QStringList arguments = QApplication::arguments();
        arguments.size() == 3 && arguments.at(1) == QLatin1String(AuditOpenRssArgument))
        return auditOpenRssChild(arguments.at(2));
    const QLatin1String skip("--skip=");
    for (const QString &argument : QApplication::arguments().mid(1)) {
        if (argument.startsWith(skip))
            g_skipped.append(argument.mid(skip.size()));
        else if (!argument.startsWith(QLatin1Char('-')))
            g_prefixes.append(argument);
    }
    for (const Benchmark &benchmark : Benchmarks) {
        if (wanted(QString::fromLatin1(benchmark.name)))
            benchmark.run();
    }
    return benchFailed ? 1 : 0;
}
