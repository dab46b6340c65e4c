#pragma once

#include "connectors/flagserver.h"
#include "connectors/serverreply.h"
#include "control/consolecontroller.h"
#include "control/flagstore.h"
#include "control/revertdesk.h"
#include "core/flagjson.h"
#include "core/stageplan.h"
#include "store/auditwriter.h"
#include "testaudit.h"

#include <QDateTime>
#include <QTest>

// "Put it back" against a real server: a rollout change made elsewhere (another connection to the
// same server, as a teammate's script would) arrives in the console and in the server's own history;
// the console puts it back from that history entry: previewed exactly, sent with the preview's
// revision, confirmed by the server, and audited naming the entry it reverts. Shared by the tests
// of each backend.
namespace RevertCheck {

inline void putBackAChangeMadeElsewhere(ConsoleController &console, FlagServer &elsewhere, const FlagRef &ref,
                                        const Rollout &target)
{
    const FlagStore::Entry *entry = console.flagStore()->find(ref);
    QVERIFY(entry);
    const Flag before = entry->flag;
    QVERIFY(!StagePlan::sameShares(before.rollout, target));
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - 60 * 1000;

    bool answered = false;
    ServerReply *reply = elsewhere.setRollout(ref.environment, ref.key, target, before.revision,
                                              QStringLiteral("teammate's change"));
    QObject::connect(reply, &ServerReply::finished, reply, [&answered, reply] {
        QVERIFY2(!reply->failed(), qPrintable(reply->error().sentence()));
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(StagePlan::sameShares(console.flagStore()->find(ref)->flag.rollout, target), 20000);

    // The server's own entry, as the console's audit sync read it.
    std::optional<StoredChange> theirs;
    const auto findTheirs = [&] {
        const Result<QList<StoredChange>> changes =
            console.reverts()->history().changesOf(ref, since, QDateTime::currentMSecsSinceEpoch() + 60 * 1000);
        if (!changes)
            return false;
        for (const StoredChange &change : changes.value()) {
            const Result<Rollout> after =
                rolloutFromJson(change.entry.after.value(QStringLiteral("rollout")).toArray(), QString());
            if (!change.entry.sourceId.startsWith(QLatin1String("console:")) && after
                && StagePlan::sameShares(after.value(), target))
                theirs = change;
        }
        return theirs.has_value();
    };
    QTRY_VERIFY_WITH_TIMEOUT(findTheirs(), 20000);

    const Result<RevertPreview> preview = console.reverts()->previewChange(theirs->id);
    QVERIFY2(preview.ok(), preview.ok() ? "" : qPrintable(preview.error()));
    QVERIFY2(preview->canApply(), qPrintable(preview->problems.join(QStringLiteral("; "))));
    QVERIFY(StagePlan::sameShares(preview->target.rollout, before.rollout));
    QCOMPARE(preview->target.enabled, before.enabled);

    bool done = false;
    bool confirmed = false;
    QString reason;
    const ConsoleController::PersonChange change =
        console.applyRevert(preview.value(), QStringLiteral("put back by the on-call engineer"),
                            [&](bool ok, const QString &why) {
                                done = true;
                                confirmed = ok;
                                reason = why;
                            });
    QVERIFY2(change.sent, qPrintable(change.refusal));
    QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
    QVERIFY2(confirmed, qPrintable(reason));
    QVERIFY(StagePlan::sameShares(console.flagStore()->find(ref)->flag.rollout, before.rollout));

    // Audited as a revert of the server's entry, requested and then confirmed.
    QStringList outcomes;
    for (const AuditEntry &written : TestAudit::written(*console.auditWriter(), 5000)) {
        if (written.action == QLatin1String("revert") && written.flagKey == ref.key) {
            QVERIFY2(written.comment.startsWith(QStringLiteral("reverts ") + theirs->entry.sourceId), qPrintable(written.comment));
            outcomes.append(written.outcome);
        }
    }
    QCOMPARE(outcomes, (QStringList{QStringLiteral("confirmed"), QStringLiteral("requested")}));
}

} // namespace RevertCheck
