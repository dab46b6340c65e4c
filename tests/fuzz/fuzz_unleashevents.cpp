// A page of Unleash's event search.
#include "connectors/unleash/unleashevents.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> page = fuzzedObject(data, size);
    if (!page)
        return 0;
    const auto events = readUnleashEventPage(*page, QStringLiteral("fuzz"));
    if (!events)
        return 0;
    for (const UnleashEvent &event : events.value())
        require(event.id > 0 && event.entry.sourceId == QStringLiteral("event:%1").arg(event.id));
    return 0;
}
