#include "netchange.h"

#include "auditchange.h"

#include <QSet>

NetChange netChangeOf(const QList<AuditEntry> &entries)
{
    NetChange net;
    QSet<QString> seen;
    for (const AuditEntry &entry : entries) {
        QStringList fields = entry.before.keys() + entry.after.keys();
        fields.removeDuplicates();
        for (const QString &field : std::as_const(fields)) {
            if (!seen.contains(field)) {
                seen.insert(field);
                if (entry.before.contains(field))
                    net.before.insert(field, entry.before.value(field));
                else if (!entry.before.isEmpty() || !entry.after.isEmpty())
                    net.unknownBefore.append(field);
            }
            if (entry.after.contains(field))
                net.after.insert(field, entry.after.value(field));
        }
    }
    // Created at the start: there was no flag before, whatever later entries recorded.
    if (!entries.isEmpty() && entries.constFirst().before.isEmpty() && !entries.constFirst().after.isEmpty()) {
        for (auto it = net.before.constBegin(); it != net.before.constEnd(); ++it)
            net.unknownBefore.append(it.key());
        net.before = {};
    }
    // Deleted at the end: nothing after, whatever the earlier entries said.
    if (!entries.isEmpty() && entries.constLast().after.isEmpty() && !entries.constLast().before.isEmpty())
        net.after = {};
    net.unknownBefore.sort();
    net.unknownBefore.removeDuplicates();
    net.words = describeAuditChange(net.before, net.after);
    return net;
}
