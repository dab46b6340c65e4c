#include "flagjson.h"

#include "jsonreader.h"

#include <QCoreApplication>

namespace {

constexpr qint64 LatestTimeMs = 253402300799999; // 9999-12-31, a sane upper bound for timestamps

Result<Variation> variationFromJson(const QJsonObject &object, const QString &path)
{
    JsonReader reader(object, path);
    Variation variation;
    variation.id = reader.requiredKey(QStringLiteral("id"));
    variation.name = reader.requiredString(QStringLiteral("name"));
    variation.value = reader.requiredString(QStringLiteral("value"));
    if (!reader.ok())
        return Result<Variation>::failure(reader.error());
    return variation;
}

Result<VariationShare> shareFromJson(const QJsonObject &object, const QString &path)
{
    JsonReader reader(object, path);
    VariationShare share;
    share.variationId = reader.requiredKey(QStringLiteral("variation"));
    share.basisPoints = int(reader.requiredInteger(QStringLiteral("basisPoints"), 0, Rollout::TotalBasisPoints));
    if (!reader.ok())
        return Result<VariationShare>::failure(reader.error());
    return share;
}

} // namespace

Result<Flag> flagFromJson(const QJsonObject &object, const QString &path)
{
    JsonReader reader(object, path);
    Flag flag;
    flag.key = reader.requiredKey(QStringLiteral("key"));
    flag.name = reader.optionalString(QStringLiteral("name"), flag.key);
    flag.description = reader.optionalString(QStringLiteral("description"));
    const QString typeName = reader.requiredString(QStringLiteral("valueType"));
    if (reader.ok()) {
        if (const auto type = flagValueTypeFromName(typeName))
            flag.valueType = *type;
        else
            reader.fail(QStringLiteral("valueType"),
                        QCoreApplication::translate("FlagJson", "\"%1\" is not boolean, string, number or json")
                            .arg(typeName.left(40)));
    }
    const QJsonArray variations = reader.requiredArray(QStringLiteral("variations"));
    flag.offVariationId = reader.requiredKey(QStringLiteral("offVariation"));
    flag.enabled = reader.requiredBool(QStringLiteral("enabled"));
    flag.revision = reader.requiredString(QStringLiteral("revision"));
    const QJsonArray shares = reader.requiredArray(QStringLiteral("rollout"));
    flag.tags = reader.optionalStringList(QStringLiteral("tags"));
    flag.updatedAtMs = reader.optionalInteger(QStringLiteral("updatedAt"), 0, LatestTimeMs, 0);
    flag.updatedBy = reader.optionalString(QStringLiteral("updatedBy"));
    if (!reader.ok())
        return Result<Flag>::failure(reader.error());

    Result<QList<Variation>> readVariations =
        readObjectArray<Variation>(variations, reader.childPath(QStringLiteral("variations")), variationFromJson);
    if (!readVariations)
        return Result<Flag>::failure(readVariations.error());
    flag.variations = std::move(readVariations).value();

    Result<Rollout> rollout = rolloutFromJson(shares, reader.childPath(QStringLiteral("rollout")));
    if (!rollout)
        return Result<Flag>::failure(rollout.error());
    flag.rollout = std::move(rollout).value();

    if (const Result<void> consistent = flag.checkConsistency(); !consistent)
        return Result<Flag>::failure(
            QStringLiteral("%1: %2").arg(path.isEmpty() ? flag.key : path, consistent.error()));
    return flag;
}

Result<Rollout> rolloutFromJson(const QJsonArray &shares, const QString &path)
{
    Result<QList<VariationShare>> read = readObjectArray<VariationShare>(shares, path, shareFromJson);
    if (!read)
        return Result<Rollout>::failure(read.error());
    return Rollout(std::move(read).value());
}

QJsonArray rolloutToJson(const Rollout &rollout)
{
    QJsonArray shares;
    for (const VariationShare &share : rollout.shares()) {
        shares.append(QJsonObject{{QStringLiteral("variation"), share.variationId},
                                  {QStringLiteral("basisPoints"), share.basisPoints}});
    }
    return shares;
}

QJsonObject flagToJson(const Flag &flag)
{
    QJsonArray variations;
    for (const Variation &variation : flag.variations) {
        variations.append(QJsonObject{{QStringLiteral("id"), variation.id},
                                      {QStringLiteral("name"), variation.name},
                                      {QStringLiteral("value"), variation.value}});
    }
    return QJsonObject{{QStringLiteral("key"), flag.key},
                       {QStringLiteral("name"), flag.name},
                       {QStringLiteral("description"), flag.description},
                       {QStringLiteral("valueType"), flagValueTypeName(flag.valueType)},
                       {QStringLiteral("variations"), variations},
                       {QStringLiteral("offVariation"), flag.offVariationId},
                       {QStringLiteral("enabled"), flag.enabled},
                       {QStringLiteral("revision"), flag.revision},
                       {QStringLiteral("rollout"), rolloutToJson(flag.rollout)},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(flag.tags)},
                       {QStringLiteral("updatedAt"), flag.updatedAtMs},
                       {QStringLiteral("updatedBy"), flag.updatedBy}};
}
