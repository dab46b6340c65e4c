// FeatBit's flag object: read it, and where it reads, write its default rule back and read again.
#include "connectors/featbit/featbitpayloads.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> object = fuzzedObject(data, size);
    if (!object)
        return 0;
    const Result<Flag> flag = FeatBitPayloads::readFlag(*object, QStringLiteral("flag"));
    if (!flag)
        return 0;
    require(flag->checkConsistency().ok());
    const Result<QJsonObject> targeting = FeatBitPayloads::targetingWithRollout(*object, flag->rollout);
    require(targeting.ok());
    QJsonObject written = *object;
    written.insert(QStringLiteral("fallthrough"), targeting->value(QStringLiteral("fallthrough")));
    const Result<Flag> reread = FeatBitPayloads::readFlag(written, QStringLiteral("flag"));
    require(reread.ok() && reread->rollout.validate().ok());
    return 0;
}
