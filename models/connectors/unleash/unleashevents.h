#pragma once

#include "../../core/auditentry.h"
#include "../../core/result.h"

#include <QJsonObject>
#include <QList>

// One entry of Unleash's event log (GET /api/admin/search/events), read into an audit entry.
// Kills and restores become the kill and restore actions, a strategy update that moves the
// default rule's exposure becomes set_rollout; every other event keeps Unleash's own type.
struct UnleashEvent
{
    qint64 id = 0;
    QString type;
    QString project;
    QString environment; // Unleash's environment, empty for events outside one
    QString featureName;
    AuditEntry entry;
};

// A page of the event search; events keep the server's order (newest first).
Result<QList<UnleashEvent>> readUnleashEventPage(const QJsonObject &page, const QString &connectionId);
