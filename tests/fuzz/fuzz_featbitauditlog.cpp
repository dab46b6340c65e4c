// A page of FeatBit's audit log (the API's envelope, or its data alone).
#include "connectors/featbit/featbitpayloads.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> object = fuzzedObject(data, size);
    if (!object)
        return 0;
    const QJsonObject page = object->value(QStringLiteral("data")).isObject() ? object->value(QStringLiteral("data")).toObject() : *object;
    const auto logs = FeatBitPayloads::readAuditLogPage(page, QStringLiteral("fuzz"), QStringLiteral("p/e"));
    if (!logs)
        return 0;
    for (const FeatBitPayloads::AuditLog &log : logs.value())
        require(!log.id.isEmpty() && log.entry.sourceId.startsWith(QLatin1String("audit-log:")));
    return 0;
}
