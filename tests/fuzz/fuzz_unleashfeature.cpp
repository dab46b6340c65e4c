// Unleash's feature object, every environment of it, and the rollout written back.
#include "connectors/unleash/unleashmapping.h"
#include "fuzzinput.h"

#include <QJsonArray>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> feature = fuzzedObject(data, size);
    if (!feature)
        return 0;
    for (const QJsonValue &value : feature->value(QStringLiteral("environments")).toArray()) {
        const QJsonObject environment = value.toObject();
        const auto read = UnleashMapping::flagFromEnvironment(*feature, environment);
        if (!read || !read->rolloutProblem.isEmpty())
            continue;
        require(read->flag.checkConsistency().ok());
        // Writing back what was read must be expressible: it came from Unleash's own steps.
        const auto write = UnleashMapping::rolloutWrite(read->flag.key, environment, read->flag, read->flag.rollout);
        require(write.ok() || write.error().contains(QLatin1String("strategies serve everyone")));
    }
    return 0;
}
