#include "changefixtures.h"
#include "control/flagstore.h"
#include "control/revertdesk.h"
#include "core/revertpreview.h"
#include "store/auditcache.h"
#include "store/changehistory.h"
#include "testresult.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ChangeFixtures;

class tst_RevertPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exactRevertOfARolloutChange();
    void revertOfAKillTouchesOnlyTheState();
    void refusedWhenTheFlagChangedSinceThePreview();
    void unknownStrategyBeforeOffersTheKill();
    void createdFlagHasNoStateBefore();
    void variationGoneSinceIsNotExact();
    void otherFieldsAreSaidButNotPutBack();
    void alreadyAsItWasChangesNothing();
    void deskPreviewsOneChangeAndANetChange();
    void deskRefusesStaleAndMovedFlags();
};

namespace {

const FlagRef RouteRef{QStringLiteral("featbit-prod"), QStringLiteral("production"), QStringLiteral("support-assistant-route")};

AuditEntry agentRollout(int fromBasisPoints, int toBasisPoints)
{
    return change(QStringLiteral("fd-agent-7"), Now - 30 * Minute, QStringLiteral("rollout-agent"), ActorKind::Agent,
                  QStringLiteral("set_rollout"), rolloutOnly(fromBasisPoints), rolloutOnly(toBasisPoints),
                  QStringLiteral("confirmed"));
}

FlagChangeRow row(FlagChangeRow::Kind kind, const QString &what, const QString &before, const QString &after, bool changed)
{
    return {kind, what, before, after, changed};
}

} // namespace

void tst_RevertPreview::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_RevertPreview::exactRevertOfARolloutChange()
{
    const Flag now = routeFlag(5000, true, QStringLiteral("r7"));
    const RevertPreview preview = previewRevert(RouteRef, {agentRollout(2000, 5000)}, {42}, now);
    QVERIFY(preview.exact);
    QVERIFY(preview.problems.isEmpty());
    QVERIFY(!preview.offerKill);
    QVERIFY(preview.canApply());
    QCOMPARE(preview.basedOnRevision, QStringLiteral("r7"));
    QCOMPARE(preview.entryIds, QList<qint64>{42});
    QCOMPARE(preview.target.rollout, routeFlag(2000).rollout);
    QCOMPARE(preview.target.enabled, true);
    QCOMPARE(preview.target.offVariationId, QStringLiteral("baseline"));
    // Four rows: small enough that the unchanged ones stay as context.
    const QList<FlagChangeRow> expected = {
        row(FlagChangeRow::Kind::State, QStringLiteral("State"), QStringLiteral("on"), QStringLiteral("on"), false),
        row(FlagChangeRow::Kind::OffVariation, QStringLiteral("Off variation"), QStringLiteral("baseline_profile"),
            QStringLiteral("baseline_profile"), false),
        row(FlagChangeRow::Kind::Share, QStringLiteral("Rollout: baseline_profile"), QStringLiteral("50%"),
            QStringLiteral("80%"), true),
        row(FlagChangeRow::Kind::Share, QStringLiteral("Rollout: citation_first_v2"), QStringLiteral("50%"),
            QStringLiteral("20%"), true),
    };
    QCOMPARE(preview.rows, expected);
    QCOMPARE(preview.reverted.words,
             (QStringList{QStringLiteral("rollout of baseline 80% → 50%"), QStringLiteral("rollout of citation 20% → 50%")}));
    QVERIFY(preview.notPutBack.isEmpty()); // the stage only names the rollout
    QCOMPARE(revertComment(preview), QStringLiteral("reverts fd-agent-7"));
    QVERIFY(!checkRevert(preview, now));
}

void tst_RevertPreview::revertOfAKillTouchesOnlyTheState()
{
    // Killed while at 50%; since then someone moved the rollout to 30%: putting the kill back turns
    // the flag on and leaves the rollout alone.
    const QList<AuditEntry> night = nightOfChanges();
    const Flag now = routeFlag(3000, false, QStringLiteral("r9"));
    const RevertPreview preview = previewRevert(RouteRef, {night.last()}, {5}, now);
    QVERIFY(preview.canApply());
    QCOMPARE(preview.target, [&] {
        Flag on = now;
        on.enabled = true;
        return on;
    }());
    QCOMPARE(preview.rows.first(),
             row(FlagChangeRow::Kind::State, QStringLiteral("State"), QStringLiteral("off"), QStringLiteral("on"), true));
}

void tst_RevertPreview::refusedWhenTheFlagChangedSinceThePreview()
{
    const Flag then = routeFlag(5000, true, QStringLiteral("r7"));
    const RevertPreview preview = previewRevert(RouteRef, {agentRollout(2000, 5000)}, {42}, then);
    Flag now = then;
    now.enabled = false;
    now.revision = QStringLiteral("r8");
    const std::optional<RevertRefusal> refusal = checkRevert(preview, now);
    QVERIFY(refusal);
    QVERIFY2(refusal->reason.contains(QLatin1String("r7")) && refusal->reason.contains(QLatin1String("r8")),
             qPrintable(refusal->reason));
    QCOMPARE(refusal->changedSince, QStringList{QStringLiteral("disabled")});
    QVERIFY(refusal->rows.contains(
        row(FlagChangeRow::Kind::State, QStringLiteral("State"), QStringLiteral("on"), QStringLiteral("off"), true)));

    // A new revision with nothing a person would see: still refused, and said so.
    Flag touched = then;
    touched.revision = QStringLiteral("r8");
    const std::optional<RevertRefusal> bookkeeping = checkRevert(preview, touched);
    QVERIFY(bookkeeping);
    QCOMPARE(bookkeeping->changedSince, QStringList{QStringLiteral("no change to the flag")});
    QVERIFY(bookkeeping->rows.isEmpty());
}

void tst_RevertPreview::unknownStrategyBeforeOffersTheKill()
{
    // Unleash: the strategy before was targeted (a constraint on tenant), which FlagDeck's rollout
    // cannot express; only Unleash's own record of it is kept.
    const QJsonObject targeted{{QStringLiteral("name"), QStringLiteral("flexibleRollout")},
                               {QStringLiteral("constraints"),
                                QJsonArray{QJsonObject{{QStringLiteral("contextName"), QStringLiteral("tenant")},
                                                       {QStringLiteral("operator"), QStringLiteral("IN")},
                                                       {QStringLiteral("values"), QJsonArray{QStringLiteral("acme")}}}}}};
    const QJsonObject everyone{{QStringLiteral("name"), QStringLiteral("flexibleRollout")},
                               {QStringLiteral("constraints"), QJsonArray{}}};
    AuditEntry entry = change(QStringLiteral("event:4711"), Now - 15 * Minute, QStringLiteral("dana"), ActorKind::Human,
                              QStringLiteral("set_rollout"), {{QStringLiteral("unleash"), targeted}},
                              {{QStringLiteral("rollout"), rolloutToJson(routeFlag(5000).rollout)},
                               {QStringLiteral("unleash"), everyone}});
    entry.server = QStringLiteral("unleash-eu");
    entry.environment = QStringLiteral("support:production");
    const Flag now = routeFlag(5000, true, QStringLiteral("7"));
    const RevertPreview preview =
        previewRevert({entry.server, entry.environment, entry.flagKey}, {entry}, {3}, now);
    QVERIFY(!preview.exact);
    QVERIFY(!preview.canApply());
    QCOMPARE(preview.problems,
             QStringList{QStringLiteral("the Unleash strategy before the change is not one FlagDeck can express")});
    QVERIFY(preview.offerKill);
    QCOMPARE(preview.target.rollout, now.rollout); // nothing guessed

    // Already off: no kill to offer.
    const RevertPreview off = previewRevert({entry.server, entry.environment, entry.flagKey}, {entry}, {3},
                                            routeFlag(5000, false, QStringLiteral("8")));
    QVERIFY(!off.exact);
    QVERIFY(!off.offerKill);
}

void tst_RevertPreview::createdFlagHasNoStateBefore()
{
    const QList<AuditEntry> night = nightOfChanges();
    const RevertPreview preview = previewRevert(RouteRef, {night.first()}, {1}, routeFlag(500));
    QVERIFY(!preview.exact);
    QCOMPARE(preview.problems,
             QStringList{QStringLiteral("the flag was created by this change; there is no state before it")});
    QVERIFY(preview.offerKill);

    // A record of the rollout after without the one before.
    AuditEntry partial = agentRollout(2000, 5000);
    partial.before = {{QStringLiteral("enabled"), true}};
    const RevertPreview unknown = previewRevert(RouteRef, {partial}, {2}, routeFlag(5000));
    QCOMPARE(unknown.problems, QStringList{QStringLiteral("the rollout before the change is not recorded")});
    QVERIFY(unknown.offerKill);
}

void tst_RevertPreview::variationGoneSinceIsNotExact()
{
    Flag now = routeFlag(0, true, QStringLiteral("r12"));
    now.variations.removeLast(); // citation_first_v2 was cleaned up since
    now.rollout = Rollout::everyoneGets(QStringLiteral("baseline"));
    const RevertPreview preview = previewRevert(RouteRef, {agentRollout(2000, 0)}, {8}, now);
    QVERIFY(!preview.exact);
    QCOMPARE(preview.problems, QStringList{QStringLiteral(
                                   "the rollout before the change serves citation, which the flag no longer has")});
    QCOMPARE(preview.target.rollout, now.rollout);
}

void tst_RevertPreview::otherFieldsAreSaidButNotPutBack()
{
    Flag before = routeFlag(500, true, QStringLiteral("r3"));
    Flag after = routeFlag(2000, true, QStringLiteral("r4"));
    after.tags.append(QStringLiteral("incident-7"));
    after.description = QStringLiteral("Routes support questions");
    const AuditEntry entry = change(QStringLiteral("fb-1010"), Now - 9 * Minute, QStringLiteral("alice@example.com"),
                                    ActorKind::Human, QStringLiteral("updated"), flagToJson(before), flagToJson(after));
    const RevertPreview preview = previewRevert(RouteRef, {entry}, {9}, after);
    QVERIFY(preview.exact);
    QCOMPARE(preview.target.rollout, before.rollout);
    QCOMPARE(preview.target.tags, after.tags);
    QCOMPARE(preview.notPutBack, (QStringList{QStringLiteral("the description"), QStringLiteral("the tags")}));
}

void tst_RevertPreview::alreadyAsItWasChangesNothing()
{
    const RevertPreview preview =
        previewRevert(RouteRef, {agentRollout(2000, 5000)}, {42}, routeFlag(2000, true, QStringLiteral("r11")));
    QVERIFY(preview.exact);
    QVERIFY(preview.changesNothing());
    QVERIFY(!preview.canApply());
}

void tst_RevertPreview::deskPreviewsOneChangeAndANetChange()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.sqlite"));
    AuditCache cache;
    VERIFY_OK(cache.open(path));
    AuditBatch batch;
    batch.entries = nightOfChanges();
    VERIFY_OK(cache.write(batch));
    FlagStore flags;
    flags.reportEnvironment(RouteRef.connectionId, RouteRef.environment, {routeFlag(5000, false, QStringLiteral("r5"))});
    RevertDesk desk(&flags, nullptr, [](const QString &) { return nullptr; });
    VERIFY_OK(desk.openHistory(path));
    const ChangeHistory &history = desk.history();

    // The hour's net change: back to on at 5%.
    const Result<RevertPreview> net = desk.previewWindow(RouteRef, Now - 60 * Minute, Now);
    VERIFY_OK(net);
    QCOMPARE(net->entryIds.size(), 3);
    QVERIFY(net->canApply());
    QCOMPARE(net->target.enabled, true);
    QCOMPARE(net->target.rollout, routeFlag(500).rollout);
    QCOMPARE(net->basedOnRevision, QStringLiteral("r5"));
    QCOMPARE(net->rows.size(), 4); // state, the off variation (unchanged, as context) and the two shares
    QCOMPARE(net->rows.at(0), row(FlagChangeRow::Kind::State, QStringLiteral("State"), QStringLiteral("off"),
                                  QStringLiteral("on"), true));
    QCOMPARE(net->rows.at(3), row(FlagChangeRow::Kind::Share, QStringLiteral("Rollout: citation_first_v2"),
                                  QStringLiteral("50%"), QStringLiteral("5%"), true));
    QCOMPARE(revertComment(net.value()), QStringLiteral("reverts fb-1002, fd-agent-1, fd-kill-2"));

    // The same from a window already read.
    const Result<ChangeWindow> window = history.changesIn(Now - 60 * Minute, Now);
    VERIFY_OK(window);
    const Result<RevertPreview> group = desk.previewGroup(window->groups.first());
    VERIFY_OK(group);
    QCOMPARE(group->target, net->target);
    QCOMPARE(group->entryIds, net->entryIds);

    // Only the agent's change.
    const Result<RevertPreview> one = desk.previewChange(window->groups.first().changes.at(1).id);
    VERIFY_OK(one);
    QCOMPARE(one->target.enabled, false);
    QCOMPARE(one->target.rollout, routeFlag(2000).rollout);
    QVERIFY(!desk.check(one.value()));

    QVERIFY(!desk.previewChange(999999).ok());
    QVERIFY(!desk.previewWindow({RouteRef.connectionId, RouteRef.environment, QStringLiteral("no-such-flag")},
                                Now - 60 * Minute, Now)
                 .ok());
}

void tst_RevertPreview::deskRefusesStaleAndMovedFlags()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.sqlite"));
    AuditCache cache;
    VERIFY_OK(cache.open(path));
    FlagStore flags;
    flags.reportEnvironment(RouteRef.connectionId, RouteRef.environment, {routeFlag(5000, true, QStringLiteral("r7"))});
    RevertDesk desk(&flags, nullptr, [](const QString &) { return nullptr; });
    VERIFY_OK(desk.openHistory(path));
    const Result<RevertPreview> preview = desk.previewGroup(ChangeGroup{RouteRef, {StoredChange{11, agentRollout(2000, 5000), {}}}, {}});
    VERIFY_OK(preview);
    QVERIFY(!desk.check(preview.value()));

    flags.reportFlag(RouteRef, routeFlag(6000, true, QStringLiteral("r8")));
    std::optional<RevertRefusal> moved = desk.check(preview.value());
    QVERIFY(moved);
    QCOMPARE(moved->changedSince, (QStringList{QStringLiteral("rollout of baseline_profile 50% → 40%"),
                                               QStringLiteral("rollout of citation_first_v2 50% → 60%")}));

    flags.showCached(RouteRef, routeFlag(5000, true, QStringLiteral("r7")), Now);
    const std::optional<RevertRefusal> stale = desk.check(preview.value());
    QVERIFY(stale);
    QVERIFY2(stale->reason.contains(QLatin1String("connect")), qPrintable(stale->reason));

    flags.removeConnection(RouteRef.connectionId);
    QVERIFY(desk.check(preview.value()));
}

QTEST_GUILESS_MAIN(tst_RevertPreview)
#include "tst_revertpreview.moc"
