#pragma once

#include "../../core/auditentry.h"
#include "../../core/flag.h"
#include "../../core/result.h"

#include <QJsonObject>
#include <QList>

#include <optional>

// FeatBit's JSON in FlagDeck's terms: flags (the management API's domain object and the lighter
// objects of the evaluation server's data-sync), data-sync messages and audit-log pages. Every
// reader checks each field it uses and names the first problem by its path.
namespace FeatBitPayloads {

// FeatBit's times carry microseconds (live patches 100 ns), where Qt would round to the nearest
// millisecond. These read the digits and round down, so a high-water mark taken from them never
// lies after something it has not seen. Empty / 0 when the text is not an ISO 8601 time.
std::optional<qint64> microsecondsOf(const QString &isoTime);
qint64 millisecondsOf(const QString &isoTime);

// FeatBit keeps a change's comment in varchar(512) columns (PostgreSQL, which counts Unicode code
// points) and answers 500 after the flag changed when a comment is longer. The comment to send:
// the text itself when it fits, else its start and where the whole text is kept.
constexpr int MaxCommentCharacters = 512;
int characterCount(const QString &text);
QString serverComment(const QString &comment);

// A flag as FeatBit holds it. Its default rule ("fallthrough") becomes the rollout, exactly; the
// revision is empty where FeatBit sends none (data-sync from its store).
Result<Flag> readFlag(const QJsonObject &object, const QString &path);

// The "targeting" body of PUT …/feature-flags/{key}/targeting that serves rollout as the default
// rule, keeping the flag's individual targets, rules, dispatch key and experiment settings.
Result<QJsonObject> targetingWithRollout(const QJsonObject &flag, const Rollout &rollout);

struct DataSync
{
    bool full = false; // false: a patch
    QList<QJsonObject> flags;
};
// {"messageType":"data-sync","data":{"eventType":"full"|"patch","featureFlags":[…],"segments":[…]}}.
// Other message types are not errors: they come back with messageType set and nothing else.
struct StreamMessage
{
    QString messageType;
    DataSync dataSync;
};
Result<StreamMessage> readStreamMessage(const QJsonObject &message);

// One page of GET /api/v1/envs/{envId}/audit-logs: {totalCount, items:[…]} (unwrapped from data).
struct AuditLog
{
    QString id;
    qint64 createdAtMs = 0; // rounded down
    qint64 createdAtUs = 0;
    AuditEntry entry;
};
Result<QList<AuditLog>> readAuditLogPage(const QJsonObject &page, const QString &connectionId, const QString &environment);

// The connection token of the evaluation server's stream: the secret with a timestamp woven in.
// splitAt is where the timestamp goes (at least 2; FeatBit's SDKs pick it at random).
QString connectionToken(const QString &secret, qint64 nowMs, int splitAt);

} // namespace FeatBitPayloads
