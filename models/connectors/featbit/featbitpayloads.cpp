#include "featbitpayloads.h"

#include "../../core/flagaction.h"
#include "../../core/flagjson.h"
#include "../../core/jsonreader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace FeatBitPayloads {

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FeatBitPayloads)
};

std::optional<FlagValueType> valueTypeOf(const QString &variationType)
{
    if (variationType == QLatin1String("boolean"))
        return FlagValueType::Boolean;
    if (variationType == QLatin1String("string"))
        return FlagValueType::String;
    if (variationType == QLatin1String("number"))
        return FlagValueType::Number;
    if (variationType == QLatin1String("json"))
        return FlagValueType::Json;
    return std::nullopt;
}

qint64 timeOf(JsonReader &reader, const QString &key, qint64 *microseconds = nullptr)
{
    const QString text = reader.optionalString(key);
    if (text.isEmpty())
        return 0;
    const std::optional<qint64> time = microsecondsOf(text);
    if (!time) {
        reader.fail(key, Text::tr("not an ISO 8601 time"));
        return 0;
    }
    if (microseconds)
        *microseconds = *time;
    return qint64(std::floor(double(*time) / 1000.0));
}

Result<QList<FeatBitRolloutRange>> rangesOf(const QJsonObject &fallthrough, const QString &path)
{
    JsonReader reader(fallthrough, path);
    const QJsonArray variations = reader.requiredArray(QStringLiteral("variations"));
    if (!reader.ok())
        return Result<QList<FeatBitRolloutRange>>::failure(reader.error());
    return readObjectArray<FeatBitRolloutRange>(
        variations, path + QStringLiteral(".variations"), [](const QJsonObject &object, const QString &itemPath) {
            JsonReader item(object, itemPath);
            FeatBitRolloutRange range;
            range.variationId = item.requiredString(QStringLiteral("id"));
            const QJsonArray bounds = item.requiredArray(QStringLiteral("rollout"));
            if (item.ok() && (bounds.size() != 2 || !bounds.at(0).isDouble() || !bounds.at(1).isDouble()))
                item.fail(QStringLiteral("rollout"), Text::tr("expected two numbers"));
            if (!item.ok())
                return Result<FeatBitRolloutRange>::failure(item.error());
            range.start = bounds.at(0).toDouble();
            range.end = bounds.at(1).toDouble();
            return Result<FeatBitRolloutRange>(range);
        });
}

int digitCount(qint64 number)
{
    return int(QString::number(number).size());
}

// Decimal digits mapped through FeatBit's alphabet, left-padded with zeros, the last width kept.
QString encodeNumber(qint64 number, int width)
{
    static const char Alphabet[] = "QBWSPHDXZU";
    QString digits = QString::number(number).rightJustified(width, QLatin1Char('0'));
    digits = digits.right(width);
    QString encoded;
    for (const QChar digit : std::as_const(digits))
        encoded.append(QLatin1Char(Alphabet[digit.digitValue()]));
    return encoded;
}

QString instructionText(const QString &kind)
{
    static const QHash<QString, const char *> Texts = {
        {QStringLiteral("TurnFlagOn"), QT_TRANSLATE_NOOP("FeatBitPayloads", "turned on")},
        {QStringLiteral("TurnFlagOff"), QT_TRANSLATE_NOOP("FeatBitPayloads", "turned off")},
        {QStringLiteral("UpdateName"), QT_TRANSLATE_NOOP("FeatBitPayloads", "renamed")},
        {QStringLiteral("UpdateDescription"), QT_TRANSLATE_NOOP("FeatBitPayloads", "description changed")},
        {QStringLiteral("AddTags"), QT_TRANSLATE_NOOP("FeatBitPayloads", "tags added")},
        {QStringLiteral("RemoveTags"), QT_TRANSLATE_NOOP("FeatBitPayloads", "tags removed")},
        {QStringLiteral("ArchiveFlag"), QT_TRANSLATE_NOOP("FeatBitPayloads", "archived")},
        {QStringLiteral("RestoreFlag"), QT_TRANSLATE_NOOP("FeatBitPayloads", "restored from the archive")},
        {QStringLiteral("AddVariation"), QT_TRANSLATE_NOOP("FeatBitPayloads", "variation added")},
        {QStringLiteral("RemoveVariation"), QT_TRANSLATE_NOOP("FeatBitPayloads", "variation removed")},
        {QStringLiteral("UpdateVariation"), QT_TRANSLATE_NOOP("FeatBitPayloads", "variation changed")},
        {QStringLiteral("UpdateVariationType"), QT_TRANSLATE_NOOP("FeatBitPayloads", "variation type changed")},
        {QStringLiteral("UpdateDisabledVariation"), QT_TRANSLATE_NOOP("FeatBitPayloads", "off variation changed")},
        {QStringLiteral("UpdateDefaultRuleVariationOrRollouts"), QT_TRANSLATE_NOOP("FeatBitPayloads", "default rule changed")},
        {QStringLiteral("UpdateDefaultRuleDispatchKey"), QT_TRANSLATE_NOOP("FeatBitPayloads", "default rule's dispatch key changed")},
        {QStringLiteral("AddTargetUsers"), QT_TRANSLATE_NOOP("FeatBitPayloads", "individual targets added")},
        {QStringLiteral("RemoveTargetUsers"), QT_TRANSLATE_NOOP("FeatBitPayloads", "individual targets removed")},
        {QStringLiteral("SetTargetUsers"), QT_TRANSLATE_NOOP("FeatBitPayloads", "individual targets replaced")},
        {QStringLiteral("AddRule"), QT_TRANSLATE_NOOP("FeatBitPayloads", "rule added")},
        {QStringLiteral("RemoveRule"), QT_TRANSLATE_NOOP("FeatBitPayloads", "rule removed")},
        {QStringLiteral("SetRules"), QT_TRANSLATE_NOOP("FeatBitPayloads", "rules replaced")},
        {QStringLiteral("UpdateRuleName"), QT_TRANSLATE_NOOP("FeatBitPayloads", "rule renamed")},
        {QStringLiteral("UpdateRuleDispatchKey"), QT_TRANSLATE_NOOP("FeatBitPayloads", "rule's dispatch key changed")},
        {QStringLiteral("AddRuleConditions"), QT_TRANSLATE_NOOP("FeatBitPayloads", "rule conditions added")},
        {QStringLiteral("RemoveRuleConditions"), QT_TRANSLATE_NOOP("FeatBitPayloads", "rule conditions removed")},
        {QStringLiteral("UpdateRuleCondition"), QT_TRANSLATE_NOOP("FeatBitPayloads", "rule condition changed")},
        {QStringLiteral("AddValuesToRuleCondition"), QT_TRANSLATE_NOOP("FeatBitPayloads", "values added to a rule condition")},
        {QStringLiteral("RemoveValuesFromRuleCondition"), QT_TRANSLATE_NOOP("FeatBitPayloads", "values removed from a rule condition")},
        {QStringLiteral("UpdateRuleVariationOrRollouts"), QT_TRANSLATE_NOOP("FeatBitPayloads", "rule's rollout changed")},
        {QStringLiteral("Noop"), QT_TRANSLATE_NOOP("FeatBitPayloads", "no change")},
    };
    const auto text = Texts.constFind(kind);
    return text == Texts.constEnd() ? kind : QCoreApplication::translate("FeatBitPayloads", *text);
}

// A flag snapshot of dataChange (a JSON string): FlagDeck's form where it reads, so the audit
// says the change in words; otherwise empty.
QJsonObject snapshotOf(const QString &json, QString *key)
{
    if (json.isEmpty())
        return {};
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    if (key && key->isEmpty())
        *key = object.value(QStringLiteral("key")).toString();
    Result<Flag> flag = readFlag(object, QStringLiteral("dataChange"));
    return flag ? ::flagToJson(flag.value()) : QJsonObject();
}

} // namespace

std::optional<qint64> microsecondsOf(const QString &isoTime)
{
    // The fraction read by hand (all its digits, cut after the sixth), the rest by Qt.
    QString text = isoTime.trimmed();
    qint64 fraction = 0;
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < text.size() && text.at(end).isDigit())
            ++end;
        if (end == dot + 1)
            return std::nullopt;
        const QString digits = text.mid(dot + 1, end - dot - 1).left(6).leftJustified(6, QLatin1Char('0'));
        fraction = digits.toLongLong();
        text.remove(dot, end - dot);
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    return time.toSecsSinceEpoch() * 1000000 + fraction;
}

qint64 millisecondsOf(const QString &isoTime)
{
    const std::optional<qint64> microseconds = microsecondsOf(isoTime);
    return microseconds ? qint64(std::floor(double(*microseconds) / 1000.0)) : 0;
}

int characterCount(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QString serverComment(const QString &comment)
{
    if (characterCount(comment) <= MaxCommentCharacters)
        return comment;
    const QString note = Text::tr(" […] (cut to FeatBit's %1 characters; the whole text is in FlagDeck's audit log)")
                             .arg(MaxCommentCharacters);
    const int room = std::max(0, MaxCommentCharacters - characterCount(note));
    // The first `room` characters, never half of a surrogate pair.
    qsizetype end = 0;
    for (int taken = 0; taken < room && end < comment.size(); ++taken) {
        if (comment.at(end).isHighSurrogate() && end + 1 < comment.size() && comment.at(end + 1).isLowSurrogate())
            ++end;
        ++end;
    }
    QString cut = comment.left(end) + note;
    while (characterCount(cut) > MaxCommentCharacters) // a translation longer than the room
        cut.chop(cut.size() >= 2 && cut.at(cut.size() - 1).isLowSurrogate() ? 2 : 1);
    return cut;
}

Result<Flag> readFlag(const QJsonObject &object, const QString &path)
{
    JsonReader reader(object, path);
    Flag flag;
    flag.key = reader.requiredKey(QStringLiteral("key"));
    flag.name = reader.optionalString(QStringLiteral("name"), flag.key);
    flag.description = reader.optionalString(QStringLiteral("description"));
    const QString variationType = reader.requiredString(QStringLiteral("variationType"));
    flag.enabled = reader.requiredBool(QStringLiteral("isEnabled"));
    flag.offVariationId = reader.requiredString(QStringLiteral("disabledVariationId"));
    flag.revision = reader.optionalString(QStringLiteral("revision"));
    flag.tags = reader.optionalStringList(QStringLiteral("tags"));
    flag.updatedAtMs = timeOf(reader, QStringLiteral("updatedAt"));
    const QJsonArray variations = reader.requiredArray(QStringLiteral("variations"));
    const QJsonObject fallthrough = reader.requiredObject(QStringLiteral("fallthrough"));
    if (!reader.ok())
        return Result<Flag>::failure(reader.error());
    if (const auto type = valueTypeOf(variationType))
        flag.valueType = *type;
    else
        return Result<Flag>::failure(Text::tr("%1.variationType: \"%2\" is not boolean, string, number or json").arg(path, variationType));

    Result<QList<Variation>> read = readObjectArray<Variation>(
        variations, path + QStringLiteral(".variations"), [](const QJsonObject &item, const QString &itemPath) {
            JsonReader variation(item, itemPath);
            Variation result;
            result.id = variation.requiredString(QStringLiteral("id"));
            result.value = variation.requiredString(QStringLiteral("value"));
            // The evaluation server's store sends no names.
            result.name = variation.optionalString(QStringLiteral("name"), result.value);
            if (!variation.ok())
                return Result<Variation>::failure(variation.error());
            return Result<Variation>(result);
        });
    if (!read)
        return Result<Flag>::failure(read.error());
    flag.variations = std::move(read).value();

    Result<QList<FeatBitRolloutRange>> ranges = rangesOf(fallthrough, path + QStringLiteral(".fallthrough"));
    if (!ranges)
        return Result<Flag>::failure(ranges.error());
    Result<Rollout> rollout = Rollout::fromFeatBitRanges(ranges.value());
    if (!rollout)
        return Result<Flag>::failure(QStringLiteral("%1.fallthrough: %2").arg(path, rollout.error()));
    flag.rollout = std::move(rollout).value();
    if (const Result<void> consistent = flag.checkConsistency(); !consistent)
        return Result<Flag>::failure(QStringLiteral("%1: %2").arg(path, consistent.error()));
    return flag;
}

Result<QJsonObject> targetingWithRollout(const QJsonObject &flagJson, const Rollout &rollout)
{
    Result<Flag> flag = readFlag(flagJson, QStringLiteral("flag"));
    if (!flag)
        return Result<QJsonObject>::failure(flag.error());
    if (const Result<void> valid = rollout.validate(); !valid)
        return Result<QJsonObject>::failure(valid.error());
    for (const VariationShare &share : rollout.shares()) {
        if (!flag->variation(share.variationId))
            return Result<QJsonObject>::failure(Text::tr("the flag has no variation \"%1\"").arg(share.variationId));
    }
    QJsonObject fallthrough = flagJson.value(QStringLiteral("fallthrough")).toObject();
    QHash<QString, QJsonValue> exptRollouts;
    for (const QJsonValue &value : fallthrough.value(QStringLiteral("variations")).toArray())
        exptRollouts.insert(value.toObject().value(QStringLiteral("id")).toString(), value.toObject().value(QStringLiteral("exptRollout")));
    QJsonArray served;
    for (const FeatBitRolloutRange &range : rollout.toFeatBitRanges()) {
        served.append(QJsonObject{{QStringLiteral("id"), range.variationId},
                                  {QStringLiteral("rollout"), QJsonArray{range.start, range.end}},
                                  {QStringLiteral("exptRollout"), exptRollouts.value(range.variationId, 1.0)}});
    }
    fallthrough.insert(QStringLiteral("variations"), served);
    if (!fallthrough.contains(QStringLiteral("includedInExpt")))
        fallthrough.insert(QStringLiteral("includedInExpt"), true);
    return QJsonObject{
        {QStringLiteral("targetUsers"), flagJson.value(QStringLiteral("targetUsers")).toArray()},
        {QStringLiteral("rules"), flagJson.value(QStringLiteral("rules")).toArray()},
        {QStringLiteral("fallthrough"), fallthrough},
        {QStringLiteral("exptIncludeAllTargets"), flagJson.value(QStringLiteral("exptIncludeAllTargets")).toBool(true)},
    };
}

Result<StreamMessage> readStreamMessage(const QJsonObject &message)
{
    JsonReader reader(message, QStringLiteral("message"));
    StreamMessage result;
    result.messageType = reader.requiredString(QStringLiteral("messageType"));
    if (!reader.ok())
        return Result<StreamMessage>::failure(reader.error());
    if (result.messageType != QLatin1String("data-sync"))
        return result;
    const QJsonObject data = reader.requiredObject(QStringLiteral("data"));
    if (!reader.ok())
        return Result<StreamMessage>::failure(reader.error());
    JsonReader dataReader(data, QStringLiteral("message.data"));
    const QString eventType = dataReader.requiredString(QStringLiteral("eventType"));
    const QJsonArray flags = dataReader.optionalArray(QStringLiteral("featureFlags"));
    if (!dataReader.ok())
        return Result<StreamMessage>::failure(dataReader.error());
    if (eventType != QLatin1String("full") && eventType != QLatin1String("patch"))
        return Result<StreamMessage>::failure(Text::tr("message.data.eventType: \"%1\" is neither full nor patch").arg(eventType));
    result.dataSync.full = eventType == QLatin1String("full");
    for (qsizetype i = 0; i < flags.size(); ++i) {
        if (!flags.at(i).isObject())
            return Result<StreamMessage>::failure(QStringLiteral("message.data.featureFlags[%1]: expected an object").arg(i));
        result.dataSync.flags.append(flags.at(i).toObject());
    }
    return result;
}

Result<QList<AuditLog>> readAuditLogPage(const QJsonObject &page, const QString &connectionId, const QString &environment)
{
    JsonReader reader(page, QStringLiteral("auditLogs"));
    const QJsonArray items = reader.requiredArray(QStringLiteral("items"));
    if (!reader.ok())
        return Result<QList<AuditLog>>::failure(reader.error());
    return readObjectArray<AuditLog>(items, QStringLiteral("auditLogs.items"), [&](const QJsonObject &object, const QString &path) {
        JsonReader item(object, path);
        AuditLog log;
        log.id = item.requiredString(QStringLiteral("id"));
        const QString refType = item.optionalString(QStringLiteral("refType"));
        const QString operation = item.requiredString(QStringLiteral("operation"));
        log.createdAtMs = timeOf(item, QStringLiteral("createdAt"), &log.createdAtUs);
        const QString creatorName = item.optionalString(QStringLiteral("creatorName"));
        const QString creatorEmail = item.optionalString(QStringLiteral("creatorEmail"));
        const QString comment = item.optionalString(QStringLiteral("comment"));
        const QJsonObject dataChange = object.value(QStringLiteral("dataChange")).toObject();
        const QJsonArray instructions = item.optionalArray(QStringLiteral("instructions"));
        if (item.ok() && log.createdAtMs == 0)
            item.fail(QStringLiteral("createdAt"), Text::tr("is missing"));
        if (!item.ok())
            return Result<AuditLog>::failure(item.error());

        AuditEntry &entry = log.entry;
        entry.server = connectionId;
        entry.environment = environment;
        entry.outcome = QStringLiteral("applied");
        entry.timeMs = log.createdAtMs;
        entry.sourceId = QStringLiteral("audit-log:") + log.id;
        entry.actor = creatorName.isEmpty() ? creatorEmail : creatorName;
        entry.actorKind = creatorEmail == QLatin1String("Access token") ? ActorKind::Token
            : creatorEmail == QLatin1String("System")                   ? ActorKind::System
                                                                        : ActorKind::Human;
        QStringList said;
        QStringList kinds;
        for (const QJsonValue &instruction : instructions) {
            const QString kind = instruction.toObject().value(QStringLiteral("kind")).toString();
            kinds.append(kind);
            said.append(instructionText(kind));
        }
        if (kinds.contains(QStringLiteral("TurnFlagOff")))
            entry.action = flagActionName(FlagAction::Kill);
        else if (kinds.contains(QStringLiteral("TurnFlagOn")))
            entry.action = flagActionName(FlagAction::Restore);
        else if (kinds.contains(QStringLiteral("UpdateDefaultRuleVariationOrRollouts")))
            entry.action = flagActionName(FlagAction::SetRollout);
        else
            entry.action = (refType == QLatin1String("Segment") ? QStringLiteral("segment-") : QString()) + operation.toLower();
        QString key;
        entry.before = snapshotOf(dataChange.value(QStringLiteral("previous")).toString(), &key);
        entry.after = snapshotOf(dataChange.value(QStringLiteral("current")).toString(), &key);
        if (refType != QLatin1String("Segment"))
            entry.flagKey = key;
        if (!instructions.isEmpty())
            entry.after.insert(QStringLiteral("instructions"), instructions);
        said.removeAll(QString());
        entry.comment = said.join(QStringLiteral("; "));
        if (!comment.isEmpty())
            entry.comment = entry.comment.isEmpty() ? comment : QStringLiteral("%1 — %2").arg(entry.comment, comment);
        return Result<AuditLog>(log);
    });
}

QString connectionToken(const QString &secret, qint64 nowMs, int splitAt)
{
    QString trimmed = secret;
    while (trimmed.endsWith(QLatin1Char('=')))
        trimmed.chop(1);
    const int start = std::clamp(splitAt, 2, int(trimmed.size()));
    const int width = digitCount(nowMs);
    return encodeNumber(start, 3) + encodeNumber(width, 2) + trimmed.left(start) + encodeNumber(nowMs, width)
        + trimmed.mid(start);
}

} // namespace FeatBitPayloads
