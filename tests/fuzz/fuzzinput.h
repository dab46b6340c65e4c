#pragma once

#include "core/jsonreader.h"

#include <QByteArray>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>
#include <optional>

// The fuzzer's bytes as the connectors see an answer: capped, then parsed as one JSON object.
inline std::optional<QJsonObject> fuzzedObject(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    Result<QJsonDocument> document = parseJsonDocument(bytes, 1024 * 1024, QStringLiteral("input"));
    if (!document || !document->isObject())
        return std::nullopt;
    return document->object();
}

// A parser that accepted something must have kept its own promises; if not, that is a finding.
inline void require(bool promise)
{
    if (!promise)
        std::abort();
}
