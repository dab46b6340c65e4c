#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

// Names one flag across every connection: which server, which environment, which key.
struct FlagRef
{
    QString connectionId;
    QString environment;
    QString key;

    friend bool operator==(const FlagRef &, const FlagRef &) = default;
};

inline size_t qHash(const FlagRef &ref, size_t seed = 0)
{
    return qHashMulti(seed, ref.connectionId, ref.environment, ref.key);
}

Q_DECLARE_METATYPE(FlagRef)
