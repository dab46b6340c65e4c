#include "unleashmapping.h"

#include "../../core/flagjson.h"
#include "../../core/jsonreader.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QMap>

namespace UnleashMapping {

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(UnleashMapping)
};

constexpr int PercentBasisPoints = Rollout::TotalBasisPoints / 100;

struct Variant
{
    QString name;
    int weight = 0;
    QJsonObject json;
};

struct Strategy
{
    QString id;
    QString name;
    bool untargeted = false;
    std::optional<int> percent; // set for the strategy types that roll out a percentage
    QList<Variant> variants;
    QJsonObject json;
};

// "40" and 40 both occur; anything but a whole percentage is not a rollout FlagDeck can express.
std::optional<int> wholePercent(const QJsonValue &value)
{
    double number = -1;
    if (value.isDouble())
        number = value.toDouble();
    else if (value.isString()) {
        bool ok = false;
        number = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    if (number < 0 || number > 100 || number != std::floor(number))
        return std::nullopt;
    return int(number);
}

std::optional<int> percentOf(const QString &name, const QJsonObject &parameters)
{
    if (name == QLatin1String("default"))
        return 100;
    if (name == QLatin1String("flexibleRollout"))
        return wholePercent(parameters.value(QStringLiteral("rollout")));
    if (name.startsWith(QLatin1String("gradualRollout")))
        return wholePercent(parameters.value(QStringLiteral("percentage")));
    return std::nullopt;
}

Result<Strategy> readStrategy(const QJsonObject &object, const QString &path)
{
    JsonReader reader(object, path);
    Strategy strategy;
    strategy.json = object;
    strategy.id = reader.optionalString(QStringLiteral("id"));
    strategy.name = reader.requiredString(QStringLiteral("name"));
    const bool disabled = object.value(QStringLiteral("disabled")).toBool(false);
    const bool constrained = !reader.optionalArray(QStringLiteral("constraints")).isEmpty()
        || !reader.optionalArray(QStringLiteral("segments")).isEmpty();
    const QJsonArray variants = reader.optionalArray(QStringLiteral("variants"));
    if (!reader.ok())
        return Result<Strategy>::failure(reader.error());
    const QJsonObject parameters = object.value(QStringLiteral("parameters")).toObject();
    strategy.percent = percentOf(strategy.name, parameters);
    const bool rollsOutPercentage = strategy.name == QLatin1String("default") || strategy.name == QLatin1String("flexibleRollout")
        || strategy.name.startsWith(QLatin1String("gradualRollout"));
    strategy.untargeted = !disabled && !constrained && rollsOutPercentage;
    Result<QList<Variant>> read = readObjectArray<Variant>(
        variants, path + QStringLiteral(".variants"), [](const QJsonObject &variant, const QString &variantPath) {
            JsonReader variantReader(variant, variantPath);
            Variant result{variantReader.requiredString(QStringLiteral("name")),
                           int(variantReader.requiredInteger(QStringLiteral("weight"), 0, Rollout::UnleashWeightTotal)),
                           variant};
            if (!variantReader.ok())
                return Result<Variant>::failure(variantReader.error());
            return Result<Variant>(result);
        });
    if (!read)
        return Result<Strategy>::failure(read.error());
    strategy.variants = std::move(read).value();
    return strategy;
}

Result<QList<Strategy>> readStrategies(const QJsonObject &environment, const QString &path)
{
    if (!environment.value(QStringLiteral("strategies")).isArray() && environment.contains(QStringLiteral("strategies")))
        return Result<QList<Strategy>>::failure(path + QStringLiteral(".strategies: expected an array"));
    return readObjectArray<Strategy>(environment.value(QStringLiteral("strategies")).toArray(),
                                     path + QStringLiteral(".strategies"), readStrategy);
}

// The default rule's shares, or why it has none FlagDeck can express.
Result<Rollout> exposureOf(const Strategy &strategy, bool flagHasVariants)
{
    if (!strategy.percent)
        return Result<Rollout>::failure(
            Text::tr("its %1 strategy's rollout is not a whole percentage").arg(strategy.name));
    const int percent = *strategy.percent;
    QList<VariationShare> shares;
    if (!flagHasVariants) {
        shares = {{OnVariation, percent * PercentBasisPoints}, {OffVariation, (100 - percent) * PercentBasisPoints}};
    } else {
        int weights = 0;
        for (const Variant &variant : strategy.variants) {
            weights += variant.weight;
            // percent × weight/1000 of 10000 basis points: exact only in steps of 10.
            if (percent * variant.weight % 10 != 0)
                return Result<Rollout>::failure(
                    Text::tr("%1% of a %2‰ variant share falls between basis points").arg(percent).arg(variant.weight));
            shares.append({variant.name, percent * variant.weight / 10});
        }
        if (!strategy.variants.isEmpty() && weights != Rollout::UnleashWeightTotal)
            return Result<Rollout>::failure(Text::tr("its variant weights sum to %1, not 1000").arg(weights));
        if (strategy.variants.isEmpty())
            return Result<Rollout>::failure(Text::tr("its untargeted strategy has no variants while others do"));
        shares.append({DisabledVariant, (100 - percent) * PercentBasisPoints});
    }
    shares.removeIf([](const VariationShare &share) { return share.basisPoints == 0; });
    Rollout rollout(shares);
    if (const Result<void> valid = rollout.validate(); !valid)
        return Result<Rollout>::failure(valid.error());
    return rollout;
}

FlagValueType valueTypeOfPayload(const QString &type)
{
    if (type == QLatin1String("json"))
        return FlagValueType::Json;
    if (type == QLatin1String("number"))
        return FlagValueType::Number;
    return FlagValueType::String;
}

// Every variant any strategy names, first occurrence first: the flag's variations stay the same
// whichever strategy is the default rule.
QList<Variant> allVariants(const QList<Strategy> &strategies)
{
    QList<Variant> variants;
    for (const Strategy &strategy : strategies) {
        for (const Variant &variant : strategy.variants) {
            if (std::none_of(variants.cbegin(), variants.cend(), [&](const Variant &v) { return v.name == variant.name; }))
                variants.append(variant);
        }
    }
    return variants;
}

QList<const Strategy *> untargetedStrategies(const QList<Strategy> &strategies)
{
    QList<const Strategy *> found;
    for (const Strategy &strategy : strategies) {
        if (strategy.untargeted)
            found.append(&strategy);
    }
    return found;
}

} // namespace

QString environmentName(const QString &project, const QString &environment)
{
    return project + QLatin1Char('/') + environment;
}

std::optional<ProjectEnvironment> splitEnvironment(const QString &name)
{
    const qsizetype slash = name.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == name.size() - 1)
        return std::nullopt;
    return ProjectEnvironment{name.left(slash), name.mid(slash + 1)};
}

QString revisionOf(const QJsonObject &environment)
{
    const QJsonObject relevant{{QStringLiteral("enabled"), environment.value(QStringLiteral("enabled"))},
                               {QStringLiteral("strategies"), environment.value(QStringLiteral("strategies"))}};
    const QByteArray digest = QCryptographicHash::hash(QJsonDocument(relevant).toJson(QJsonDocument::Compact),
                                                       QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(16));
}

Result<EnvironmentFlag> flagFromEnvironment(const QJsonObject &feature, const QJsonObject &environment)
{
    JsonReader featureReader(feature, QStringLiteral("feature"));
    EnvironmentFlag result;
    Flag &flag = result.flag;
    flag.key = featureReader.requiredKey(QStringLiteral("name"));
    flag.name = flag.key;
    const QString path = featureReader.childPath(QStringLiteral("environments"));
    JsonReader environmentReader(environment, path);
    flag.enabled = environmentReader.requiredBool(QStringLiteral("enabled"));
    if (!featureReader.ok() || !environmentReader.ok())
        return Result<EnvironmentFlag>::failure(featureReader.ok() ? environmentReader.error() : featureReader.error());
    flag.description = feature.value(QStringLiteral("description")).toString();
    if (const QString type = feature.value(QStringLiteral("type")).toString(); !type.isEmpty())
        flag.tags = {type};
    Result<QList<Strategy>> strategies = readStrategies(environment, path);
    if (!strategies)
        return Result<EnvironmentFlag>::failure(strategies.error());
    const QList<Variant> variants = allVariants(strategies.value());
    const bool hasVariants = !variants.isEmpty();
    if (!hasVariants) {
        flag.valueType = FlagValueType::Boolean;
        flag.variations = {{OnVariation, Text::tr("On"), QStringLiteral("true")},
                           {OffVariation, Text::tr("Off"), QStringLiteral("false")}};
        flag.offVariationId = OffVariation;
    } else {
        const QJsonObject firstPayload = variants.first().json.value(QStringLiteral("payload")).toObject();
        flag.valueType = valueTypeOfPayload(firstPayload.value(QStringLiteral("type")).toString());
        for (const Variant &variant : variants) {
            if (variant.name == DisabledVariant)
                return Result<EnvironmentFlag>::failure(
                    Text::tr("%1: a variant is named \"disabled\", the name Unleash's SDKs give to no variant").arg(path));
            flag.variations.append({variant.name, variant.name,
                                    variant.json.value(QStringLiteral("payload")).toObject().value(QStringLiteral("value")).toString()});
        }
        flag.variations.append({DisabledVariant, Text::tr("disabled"), QString()});
        flag.offVariationId = DisabledVariant;
    }
    flag.revision = revisionOf(environment);

    const QList<const Strategy *> untargeted = untargetedStrategies(strategies.value());
    if (strategies->isEmpty()) {
        // Unleash's SDKs serve an enabled flag without strategies to everyone.
        flag.rollout = Rollout::everyoneGets(hasVariants ? variants.first().name : OnVariation);
    } else if (untargeted.isEmpty()) {
        flag.rollout = Rollout::everyoneGets(flag.offVariationId);
    } else if (untargeted.size() > 1) {
        result.rolloutProblem = Text::tr("%1 strategies serve everyone; FlagDeck shows one default rule").arg(untargeted.size());
    } else if (Result<Rollout> exposure = exposureOf(*untargeted.first(), hasVariants); !exposure) {
        result.rolloutProblem = exposure.error();
    } else {
        flag.rollout = std::move(exposure).value();
    }
    return result;
}

QJsonObject rolloutSummary(const QJsonObject &strategy)
{
    Result<Strategy> read = readStrategy(strategy, QStringLiteral("strategy"));
    if (!read || !read->untargeted)
        return {};
    Result<Rollout> exposure = exposureOf(read.value(), !read->variants.isEmpty());
    if (!exposure)
        return {};
    return {{QStringLiteral("rollout"), rolloutToJson(exposure.value())}};
}

Result<RolloutWrite> rolloutWrite(const QString &flagKey, const QJsonObject &environment, const Flag &flag,
                                  const Rollout &target)
{
    if (const Result<void> valid = target.validate(); !valid)
        return Result<RolloutWrite>::failure(valid.error());
    for (const VariationShare &share : target.shares()) {
        if (!flag.variation(share.variationId))
            return Result<RolloutWrite>::failure(Text::tr("the flag has no variation \"%1\"").arg(share.variationId));
    }
    Result<QList<Strategy>> strategies = readStrategies(environment, QStringLiteral("environment"));
    if (!strategies)
        return Result<RolloutWrite>::failure(strategies.error());
    const QList<const Strategy *> untargeted = untargetedStrategies(strategies.value());
    if (untargeted.size() > 1)
        return Result<RolloutWrite>::failure(
            Text::tr("%1 strategies serve everyone in this environment; change them in Unleash itself").arg(untargeted.size()));

    const bool hasVariants = flag.offVariationId == DisabledVariant;
    const int exposed = Rollout::TotalBasisPoints - target.basisPointsOf(flag.offVariationId);
    if (exposed % PercentBasisPoints != 0)
        return Result<RolloutWrite>::failure(
            Text::tr("Unleash rolls out in whole percents; %1 is not one").arg(Rollout::formatPercent(exposed)));
    const int percent = exposed / PercentBasisPoints;

    QJsonArray variantsJson;
    if (hasVariants) {
        const QList<Variant> known = allVariants(strategies.value());
        const QList<Variant> current = untargeted.isEmpty() ? known : untargeted.first()->variants;
        QList<Variant> wanted;
        for (const Variant &variant : current.isEmpty() ? known : current) {
            Variant next = variant;
            if (exposed > 0) {
                const int basisPoints = target.basisPointsOf(variant.name);
                if (basisPoints * Rollout::UnleashWeightTotal % exposed != 0)
                    return Result<RolloutWrite>::failure(
                        Text::tr("variant \"%1\" would get %2 of %3 exposed, which weights out of 1000 cannot express")
                            .arg(variant.name, Rollout::formatPercent(basisPoints), Rollout::formatPercent(exposed)));
                next.weight = basisPoints * Rollout::UnleashWeightTotal / exposed;
            }
            wanted.append(next);
        }
        for (const VariationShare &share : target.shares()) {
            const bool listed = std::any_of(wanted.cbegin(), wanted.cend(), [&](const Variant &v) { return v.name == share.variationId; });
            if (share.basisPoints > 0 && share.variationId != DisabledVariant && !listed)
                return Result<RolloutWrite>::failure(
                    Text::tr("variant \"%1\" is not part of the default rule's strategy").arg(share.variationId));
        }
        // Unleash spreads "variable" weights evenly over what the "fix" ones leave, and needs one
        // variable variant: the largest takes exactly the remainder, every other weight is fixed.
        const auto largest = std::max_element(wanted.cbegin(), wanted.cend(),
                                              [](const Variant &a, const Variant &b) { return a.weight < b.weight; });
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
            QJsonObject json = it->json;
            json.insert(QStringLiteral("weight"), it->weight);
            json.insert(QStringLiteral("weightType"), it == largest ? QStringLiteral("variable") : QStringLiteral("fix"));
            if (!json.contains(QStringLiteral("stickiness")))
                json.insert(QStringLiteral("stickiness"), QStringLiteral("default"));
            variantsJson.append(json);
        }
    }

    RolloutWrite write;
    const QString percentText = QString::number(percent);
    if (untargeted.isEmpty()) {
        write.newStrategy = {
            {QStringLiteral("name"), QStringLiteral("flexibleRollout")},
            {QStringLiteral("constraints"), QJsonArray()},
            {QStringLiteral("parameters"),
             QJsonObject{{QStringLiteral("rollout"), percentText},
                         {QStringLiteral("stickiness"), QStringLiteral("default")},
                         {QStringLiteral("groupId"), flagKey}}},
            {QStringLiteral("variants"), variantsJson},
        };
        return write;
    }
    const Strategy &strategy = *untargeted.first();
    write.strategyId = strategy.id;
    const auto add = [&](const QString &path, const QJsonValue &value) {
        // "add" replaces a member that exists and creates one that does not.
        write.patch.append(QJsonObject{{QStringLiteral("op"), QStringLiteral("add")},
                                       {QStringLiteral("path"), path},
                                       {QStringLiteral("value"), value}});
    };
    if (strategy.name == QLatin1String("flexibleRollout")) {
        add(QStringLiteral("/parameters/rollout"), percentText);
    } else {
        add(QStringLiteral("/name"), QStringLiteral("flexibleRollout"));
        add(QStringLiteral("/parameters"), QJsonObject{{QStringLiteral("rollout"), percentText},
                                                       {QStringLiteral("stickiness"), QStringLiteral("default")},
                                                       {QStringLiteral("groupId"), flagKey}});
    }
    if (hasVariants)
        add(QStringLiteral("/variants"), variantsJson);
    return write;
}


Result<QList<ExposureHour>> exposureHours(const QJsonObject &raw, const QString &environment, bool withoutVariants,
                                          qint64 nowMs)
{
    constexpr qint64 HourMs = 3600 * 1000;
    if (!raw.value(QStringLiteral("data")).isArray())
        return Result<QList<ExposureHour>>::failure(Text::tr("data: expected a list"));
    QMap<qint64, ExposureHour> hours; // by the hour's end
    const QJsonArray data = raw.value(QStringLiteral("data")).toArray();
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonObject bucket = data.at(i).toObject();
        JsonReader reader(bucket, QStringLiteral("data[%1]").arg(i));
        const QString reported = reader.requiredString(QStringLiteral("environment"));
        const QDateTime start = QDateTime::fromString(reader.requiredString(QStringLiteral("timestamp")), Qt::ISODateWithMs);
        const qint64 yes = reader.optionalInteger(QStringLiteral("yes"), 0, std::numeric_limits<qint64>::max(), 0);
        const qint64 no = reader.optionalInteger(QStringLiteral("no"), 0, std::numeric_limits<qint64>::max(), 0);
        if (!reader.ok())
            return Result<QList<ExposureHour>>::failure(reader.error());
        if (!start.isValid())
            return Result<QList<ExposureHour>>::failure(Text::tr("data[%1].timestamp: not an ISO 8601 time").arg(i));
        const qint64 end = start.toMSecsSinceEpoch() + HourMs;
        // Unleash fills hours nobody reported with zeros: no data, not a measured zero.
        if (reported != environment || end > nowMs || yes + no == 0)
            continue;
        ExposureHour &hour = hours[end];
        hour.endMs = end;
        if (withoutVariants) {
            hour.byVariation[OnVariation] += double(yes);
            hour.byVariation[OffVariation] += double(no);
            continue;
        }
        const QJsonObject variants = bucket.value(QStringLiteral("variants")).toObject();
        for (auto it = variants.constBegin(); it != variants.constEnd(); ++it) {
            if (!it.value().isDouble() || it.value().toDouble() < 0)
                return Result<QList<ExposureHour>>::failure(
                    Text::tr("data[%1].variants.%2: expected a count").arg(i).arg(it.key()));
            hour.byVariation[it.key()] += it.value().toDouble();
        }
    }
    return hours.values();
}

} // namespace UnleashMapping
