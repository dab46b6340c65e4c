#pragma once

#include "flag.h"
#include "result.h"

#include <QJsonArray>
#include <QJsonObject>

// FlagDeck's own JSON form of a flag (sandbox seed and storage, local cache, agent interface).
// Reading validates every field and the flag's consistency, and names the first problem by path.
Result<Flag> flagFromJson(const QJsonObject &object, const QString &path);
QJsonObject flagToJson(const Flag &flag);

// The "rollout" member of that form: [{variation, basisPoints}, …].
Result<Rollout> rolloutFromJson(const QJsonArray &shares, const QString &path);
QJsonArray rolloutToJson(const Rollout &rollout);
