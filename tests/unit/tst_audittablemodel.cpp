#include "item/audittablemodel.h"
#include "store/auditcache.h"
#include "testresult.h"

#include "item/auditidloader.h"
#include "store/auditfiltersql.h"

#include <QAbstractItemModelTester>
#include <QSqlQuery>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_AuditTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsEverythingNewestFirst();
    void readsPagesOnlyForRowsAsked();
    void filtersByFieldsAndText_data();
    void filtersByFieldsAndText();
    void commonWordInALongHistoryKeepsItsOrder();
    void newEntriesJoinAtTheirPlaceInTime();
    void newEntriesOutsideTheFilterStayOut();
    void aRowCommittedJustAfterALoadIsShown();
    void missingFileIsAnError();

private:
    void write(const QList<AuditEntry> &entries);
    std::unique_ptr<AuditTableModel> openModel();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditCache> m_cache;
};

namespace {

constexpr int Entries = 1000; // four pages
constexpr qint64 Start = 1763700000000;

AuditEntry entryAt(int i)
{
    AuditEntry entry;
    entry.server = i % 2 ? QStringLiteral("featbit") : QStringLiteral("sandbox");
    entry.environment = i % 3 ? QStringLiteral("production") : QStringLiteral("staging");
    entry.flagKey = QStringLiteral("flag-%1").arg(i % 10);
    entry.action = i % 4 ? QStringLiteral("set_rollout") : QStringLiteral("kill");
    entry.outcome = QStringLiteral("applied");
    entry.actor = i % 5 ? QStringLiteral("alice") : QStringLiteral("triage-bot");
    entry.actorKind = i % 5 ? ActorKind::Human : ActorKind::Agent;
    entry.timeMs = Start + qint64(i) * 60'000;
    entry.sourceId = QString::number(i);
    entry.before = QJsonObject{{QStringLiteral("enabled"), true}};
    entry.after = QJsonObject{{QStringLiteral("enabled"), false}};
    entry.comment = i == 500 ? QStringLiteral("latency incident INC-4711") : QString();
    return entry;
}

} // namespace

void tst_AuditTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_cache = std::make_unique<AuditCache>();
    VERIFY_OK(m_cache->open(m_dir->filePath(QStringLiteral("audit.sqlite"))));
    QList<AuditEntry> entries;
    for (int i = 0; i < Entries; ++i)
        entries.append(entryAt(i));
    write(entries);
}

void tst_AuditTableModel::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

void tst_AuditTableModel::write(const QList<AuditEntry> &entries)
{
    AuditBatch batch;
    batch.entries = entries;
    VERIFY_OK(m_cache->write(batch));
}

std::unique_ptr<AuditTableModel> tst_AuditTableModel::openModel()
{
    auto model = std::make_unique<AuditTableModel>(m_dir->filePath(QStringLiteral("audit.sqlite")));
    new QAbstractItemModelTester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal, model.get());
    return model;
}

void tst_AuditTableModel::showsEverythingNewestFirst()
{
    auto model = openModel();
    VERIFY_OK(model->opened());
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), Entries);
    QCOMPARE(model->index(0, AuditTableModel::FlagColumn).data().toString(), QStringLiteral("flag-9"));
    QCOMPARE(model->entryAt(0)->sourceId, QStringLiteral("999"));
    QCOMPARE(model->entryAt(Entries - 1)->sourceId, QStringLiteral("0"));
    QCOMPARE(model->index(0, AuditTableModel::TimeColumn).data().toString(), QStringLiteral("2025-11-21 21:19:00"));
    QCOMPARE(model->index(0, AuditTableModel::ChangeColumn).data().toString(), QStringLiteral("disabled"));
    QCOMPARE(model->index(0, AuditTableModel::ActorKindColumn).data().toString(), QStringLiteral("human"));
    QCOMPARE(model->entryAt(Entries), nullptr);
}

void tst_AuditTableModel::readsPagesOnlyForRowsAsked()
{
    auto model = openModel();
    QTRY_VERIFY(!model->isLoading());
    // Row 700 is on the third page; its entry is the 300th oldest.
    QCOMPARE(model->entryAt(700)->sourceId, QStringLiteral("299"));
    QCOMPARE(model->index(700, AuditTableModel::EnvironmentColumn).data().toString(), entryAt(299).environment);
}

void tst_AuditTableModel::filtersByFieldsAndText_data()
{
    QTest::addColumn<AuditFilter>("filter");
    QTest::addColumn<int>("rows");
    AuditFilter server;
    server.server = QStringLiteral("featbit");
    QTest::newRow("server") << server << Entries / 2;
    AuditFilter flagAndEnvironment;
    flagAndEnvironment.flagKey = QStringLiteral("flag-3");
    flagAndEnvironment.environment = QStringLiteral("staging");
    QTest::newRow("flag and environment") << flagAndEnvironment << 34; // i % 10 == 3 and i % 3 == 0
    AuditFilter agents;
    agents.actorKind = ActorKind::Agent;
    QTest::newRow("agents") << agents << Entries / 5;
    AuditFilter kills;
    kills.action = QStringLiteral("kill");
    kills.actor = QStringLiteral("triage-bot");
    QTest::newRow("kills by the bot") << kills << 50; // i % 20 == 0
    AuditFilter hour;
    hour.sinceMs = Start + 60 * 60'000;
    hour.untilMs = Start + 120 * 60'000;
    QTest::newRow("one hour") << hour << 60;
    AuditFilter text;
    text.text = QStringLiteral("INC-47");
    QTest::newRow("full text, prefix") << text << 1;
    AuditFilter textAndField;
    textAndField.text = QStringLiteral("triage");
    textAndField.server = QStringLiteral("sandbox");
    QTest::newRow("full text and field") << textAndField << 100;
    AuditFilter prefix; // read as the whole terms it starts
    prefix.text = QStringLiteral("incid");
    QTest::newRow("full text, a word begun") << prefix << 1;
    AuditFilter prefixAndField;
    prefixAndField.text = QStringLiteral("triag");
    prefixAndField.server = QStringLiteral("sandbox");
    QTest::newRow("prefix and field") << prefixAndField << 100;
    AuditFilter prefixAfterWords;
    prefixAfterWords.text = QStringLiteral("kill rollo");
    QTest::newRow("two words and a prefix") << prefixAfterWords << 0;
    AuditFilter prefixOfNothing;
    prefixOfNothing.text = QStringLiteral("zzzzzz");
    QTest::newRow("prefix of nothing") << prefixOfNothing << 0;
    AuditFilter nothing;
    nothing.text = QStringLiteral("nonexistent");
    QTest::newRow("no match") << nothing << 0;
}

void tst_AuditTableModel::filtersByFieldsAndText()
{
    QFETCH(AuditFilter, filter);
    QFETCH(int, rows);
    auto model = openModel();
    QTRY_VERIFY(!model->isLoading());
    model->setFilter(filter);
    QVERIFY(model->isLoading());
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), rows);
    for (int row = 1; row < rows; ++row)
        QVERIFY(model->entryAt(row - 1)->timeMs >= model->entryAt(row)->timeMs);
}

// More entries than the loader's window of newest ones, written out of time order and with equal
// times: a common word's newest matches come first, and with the rest they are every match,
// newest first, each once.
void tst_AuditTableModel::commonWordInALongHistoryKeepsItsOrder()
{
    constexpr int More = AuditIdLoader::NewestWindow + 3000;
    QList<AuditEntry> entries;
    for (int k = 0; k < More; ++k) {
        AuditEntry entry = entryAt(Entries + k);
        entry.timeMs = Start + qint64((k * 7919) % More) * 1000; // some equal to the first entries' times
        entry.actor = k % 3 ? QStringLiteral("alice") : QStringLiteral("bob");
        entries.append(entry);
        if (entries.size() == 1000) {
            write(entries);
            entries.clear();
        }
    }
    write(entries);

    AuditFilter filter;
    filter.text = QStringLiteral("alice");
    const AuditFilterSql sql = AuditFilterSql::of(filter);
    QSqlQuery expected(m_cache->database());
    expected.prepare(QStringLiteral("SELECT id FROM audit_events %1 ORDER BY time_ms DESC, id DESC").arg(sql.where));
    for (const QVariant &value : sql.values)
        expected.addBindValue(value);
    QVERIFY(expected.exec());
    QList<qint64> ids;
    while (expected.next())
        ids.append(expected.value(0).toLongLong());
    QVERIFY(ids.size() > AuditIdLoader::NewestWindow / 2);

    auto model = openModel();
    QTRY_VERIFY(!model->isLoading());
    model->setFilter(filter);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
    QCOMPARE(model->rowCount(), int(ids.size()));
    QSqlQuery idOf(m_cache->database());
    idOf.prepare(QStringLiteral("SELECT id FROM audit_events WHERE server = ? AND source_id = ?"));
    for (int row : {0, 1, 63, 64, 65, 1000, int(ids.size()) / 2, int(ids.size()) - 1}) {
        const AuditEntry *entry = model->entryAt(row);
        QVERIFY(entry);
        idOf.addBindValue(entry->server);
        idOf.addBindValue(entry->sourceId);
        QVERIFY(idOf.exec() && idOf.next());
        QCOMPARE(idOf.value(0).toLongLong(), ids.at(row));
    }
}

void tst_AuditTableModel::newEntriesJoinAtTheirPlaceInTime()
{
    auto model = openModel();
    QTRY_VERIFY(!model->isLoading());
    QVERIFY(model->entryAt(500)); // a page is cached and must not go stale
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
    AuditEntry newest = entryAt(5000);
    AuditEntry old = entryAt(2); // a server's history arriving late: between entries 1 and 2
    old.sourceId = QStringLiteral("late");
    old.timeMs = Start + 90'000;
    write({newest, old});
    model->refreshNewEntries(Entries + 2);
    QCOMPARE(model->rowCount(), Entries + 2);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model->entryAt(0)->sourceId, QStringLiteral("5000"));
    QCOMPARE(model->entryAt(Entries - 1)->sourceId, QStringLiteral("late"));
    QCOMPARE(model->entryAt(Entries - 2)->sourceId, QStringLiteral("2"));
    QCOMPARE(model->entryAt(500)->sourceId, QStringLiteral("500")); // shifted by one row
}

void tst_AuditTableModel::newEntriesOutsideTheFilterStayOut()
{
    auto model = openModel();
    AuditFilter filter;
    filter.flagKey = QStringLiteral("flag-1");
    model->setFilter(filter);
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 100);
    write({entryAt(5001), entryAt(5002)}); // flag-1 and flag-2
    model->refreshNewEntries(Entries + 2);
    QCOMPARE(model->rowCount(), 101);
    QCOMPARE(model->entryAt(0)->sourceId, QStringLiteral("5001"));

    AuditFilter text;
    text.text = QStringLiteral("INC-47");
    model->setFilter(text);
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 1);
    AuditEntry followUp = entryAt(5003);
    followUp.comment = QStringLiteral("follow-up to INC-4711");
    write({followUp, entryAt(5004)});
    model->refreshNewEntries(Entries + 4);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->entryAt(0)->sourceId, QStringLiteral("5003"));

    // A word being typed: new rows are matched by the terms it starts as the index has them
    // now, a term that came with the new rows ("latent") among them.
    AuditFilter prefix;
    prefix.text = QStringLiteral("laten");
    model->setFilter(prefix);
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 1); // "latency"
    AuditEntry latent = entryAt(5005);
    latent.comment = QStringLiteral("latent fault");
    write({latent, entryAt(5006)});
    model->refreshNewEntries(Entries + 6);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->entryAt(0)->sourceId, QStringLiteral("5005"));
}

// The writer says it committed while the browser loads; once loaded, the browser looks for rows
// up to what was committed and no further, so the next row written is still found when it comes.
void tst_AuditTableModel::aRowCommittedJustAfterALoadIsShown()
{
    auto model = openModel();
    QTRY_VERIFY(!model->isLoading());
    write({entryAt(5001)}); // flag-1
    AuditFilter filter;
    filter.flagKey = QStringLiteral("flag-1");
    model->setFilter(filter);
    QVERIFY(model->isLoading());
    model->refreshNewEntries(Entries + 1); // its commit, told while the load runs
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 101);
    write({entryAt(5011)}); // flag-1 again, the next row id
    model->refreshNewEntries(Entries + 2);
    QCOMPARE(model->rowCount(), 102);
    QCOMPARE(model->entryAt(0)->sourceId, QStringLiteral("5011"));
}

void tst_AuditTableModel::missingFileIsAnError()
{
    QFile blocker(m_dir->filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    AuditTableModel blocked(m_dir->filePath(QStringLiteral("blocker/audit.sqlite")));
    QVERIFY(!blocked.opened());
    QCOMPARE(blocked.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_AuditTableModel)
#include "tst_audittablemodel.moc"
