#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class AuditCache;

struct AuditChainHead
{
    QString server;
    qint64 chainSeq = 0;
    QByteArray hash;
};

struct AuditVerification
{
    bool intact = false;
    qint64 entriesChecked = 0;
    // The first altered, missing or unchained entry, in words; empty when intact.
    QString problem;
    // Set when the cache could not be read at all (then nothing was proved either way).
    QString readError;
    // Each server's last hash: recorded elsewhere, they also reveal a chain rewritten end to end.
    QList<AuditChainHead> heads;
};

// Walks every server's hash chain in the cache, recomputing each entry's hash from its stored
// text, and stops at the first entry that was altered, removed or added outside the chain.
AuditVerification verifyAuditChains(const AuditCache &cache);
