#pragma once

#include <QJsonObject>
#include <QStringList>

// What an audit entry changed, in words a person reads at a glance: "disabled",
// "rollout of citation_first_v2 5% → 50%", "variation added: strict (strict)". Works on FlagDeck's
// JSON form of a flag and on partial forms (a kill records only "enabled"); fields either side
// lacks are not compared.
QStringList describeAuditChange(const QJsonObject &before, const QJsonObject &after);
