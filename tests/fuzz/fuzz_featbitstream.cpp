// A message of FeatBit's evaluation-server stream, and every flag a data-sync carries.
#include "connectors/featbit/featbitpayloads.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> object = fuzzedObject(data, size);
    if (!object)
        return 0;
    const Result<FeatBitPayloads::StreamMessage> message = FeatBitPayloads::readStreamMessage(*object);
    if (!message)
        return 0;
    for (const QJsonObject &flag : message->dataSync.flags) {
        const Result<Flag> read = FeatBitPayloads::readFlag(flag, QStringLiteral("flag"));
        require(!read || read->checkConsistency().ok());
    }
    return 0;
}
