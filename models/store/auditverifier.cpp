#include "auditverifier.h"

#include "auditcache.h"
#include "auditchain.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AuditVerifier)
};

struct StoredEntry
{
    qint64 id = 0;
    qint64 seq = 0;
    QString server;
    QString flagKey;
    qint64 timeMs = 0;
};

QString describe(const StoredEntry &entry)
{
    return Text::tr("server \"%1\" entry #%2 (row %3, flag %4, %5)")
        .arg(entry.server)
        .arg(entry.seq)
        .arg(entry.id)
        .arg(entry.flagKey, QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC).toString(Qt::ISODateWithMs));
}

} // namespace

AuditVerification verifyAuditChains(const AuditCache &cache)
{
    AuditVerification result;
    QHash<QString, AuditChainHead> recordedHeads;
    QSqlQuery heads(cache.database());
    heads.setForwardOnly(true);
    if (!heads.exec(QStringLiteral("SELECT server, chain_seq, hash FROM audit_chain_heads ORDER BY server"))) {
        result.readError = Text::tr("cannot read the chain heads: %1").arg(heads.lastError().text());
        return result;
    }
    while (heads.next()) {
        const AuditChainHead head{heads.value(0).toString(), heads.value(1).toLongLong(), heads.value(2).toByteArray()};
        recordedHeads.insert(head.server, head);
        result.heads.append(head);
    }

    QSqlQuery rows(cache.database());
    rows.setForwardOnly(true);
    // Unchained rows (chain_seq NULL) sort first and are reported before anything else.
    if (!rows.exec(QStringLiteral("SELECT id, chain_seq, prev_hash, hash, %1 FROM audit_events "
                                  "ORDER BY server, chain_seq")
                       .arg(AuditCache::entryColumns()))) {
        result.readError = Text::tr("cannot read the audit entries: %1").arg(rows.lastError().text());
        return result;
    }
    const int flagColumn = 4 + int(AuditChain::columns().indexOf(QStringLiteral("flag_key")));
    const int timeColumn = 4 + int(AuditChain::columns().indexOf(QStringLiteral("time_ms")));

    QString server;
    bool started = false;
    qint64 expectedSeq = 1;
    QByteArray previousHash;
    QSet<QString> seenServers;
    const auto endOfChain = [&]() -> QString {
        if (!started)
            return {};
        const auto head = recordedHeads.constFind(server);
        if (head == recordedHeads.constEnd())
            return Text::tr("server \"%1\" has entries but no recorded chain head: the head table was altered").arg(server);
        if (head->chainSeq > expectedSeq - 1)
            return Text::tr("server \"%1\" entries #%2 to #%3 are missing from the end of the chain")
                .arg(server)
                .arg(expectedSeq)
                .arg(head->chainSeq);
        if (head->chainSeq < expectedSeq - 1 || head->hash != previousHash)
            return Text::tr("server \"%1\" chain head does not match entry #%2: the chain or its head was altered")
                .arg(server)
                .arg(expectedSeq - 1);
        return {};
    };

    while (rows.next()) {
        StoredEntry entry{rows.value(0).toLongLong(), rows.value(1).toLongLong(), rows.value(4).toString(),
                          rows.value(flagColumn).toString(), rows.value(timeColumn).toLongLong()};
        if (rows.value(1).isNull()) {
            result.problem = Text::tr("row %1 (server \"%2\", flag %3) is outside the hash chain: it was added by hand")
                                 .arg(entry.id)
                                 .arg(entry.server, entry.flagKey);
            return result;
        }
        if (!started || entry.server != server) {
            if (const QString problem = endOfChain(); !problem.isEmpty()) {
                result.problem = problem;
                return result;
            }
            server = entry.server;
            seenServers.insert(server);
            started = true;
            expectedSeq = 1;
            previousHash = AuditChain::genesis();
        }
        if (entry.seq != expectedSeq) {
            result.problem = Text::tr("server \"%1\" entry #%2 is missing (the chain goes on at %3)")
                                 .arg(server)
                                 .arg(expectedSeq)
                                 .arg(describe(entry));
            return result;
        }
        const QByteArray storedPrevious = rows.value(2).toByteArray();
        const QByteArray storedHash = rows.value(3).toByteArray();
        if (storedPrevious != previousHash) {
            result.problem = Text::tr("server \"%1\" entry #%2 was altered or replaced (%3 no longer follows it)")
                                 .arg(server)
                                 .arg(expectedSeq - 1)
                                 .arg(describe(entry));
            return result;
        }
        if (AuditChain::hash(entry.seq, storedPrevious, AuditCache::storedChainTexts(rows, 4)) != storedHash) {
            result.problem = Text::tr("%1 was altered").arg(describe(entry));
            return result;
        }
        previousHash = storedHash;
        ++expectedSeq;
        ++result.entriesChecked;
    }
    if (const QString problem = endOfChain(); !problem.isEmpty()) {
        result.problem = problem;
        return result;
    }
    for (const AuditChainHead &head : std::as_const(result.heads)) {
        if (!seenServers.contains(head.server) && head.chainSeq > 0) {
            result.problem = Text::tr("server \"%1\" entries #1 to #%2 are all missing").arg(head.server).arg(head.chainSeq);
            return result;
        }
    }
    result.intact = true;
    return result;
}
