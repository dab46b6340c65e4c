#pragma once

#include "rollout.h"
#include "variation.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

enum class FlagValueType { Boolean, String, Number, Json };

QString flagValueTypeName(FlagValueType type);
std::optional<FlagValueType> flagValueTypeFromName(const QString &name);

struct Flag
{
    QString key;
    QString name;
    QString description;
    FlagValueType valueType = FlagValueType::String;
    QList<Variation> variations;
    QString offVariationId; // what everyone gets while the flag is off
    bool enabled = false;
    QString revision; // opaque; changes on every mutation (optimistic concurrency)
    Rollout rollout;  // the default rule: who gets what while the flag is on
    QStringList tags;
    qint64 updatedAtMs = 0;
    QString updatedBy;

    const Variation *variation(const QString &id) const;
    // What is actually served: the rollout while on, the off variation to everyone while off.
    Rollout servedRollout() const;

    // Checks what the types alone cannot: the rollout and the off variation name real variations.
    Result<void> checkConsistency() const;

    friend bool operator==(const Flag &, const Flag &) = default;
};

Q_DECLARE_METATYPE(Flag)
