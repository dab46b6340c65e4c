#include "auditverifier.h"

#include "auditcache.h"
#include "auditchain.h"
#include "sqlitestatement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <map>

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

    // In the order the rows are stored: one pass over the table instead of a walk through the
    // chain index that reads every page once per server. A chain's entries were written in its
    // order, so each server's chain is checked in order too; the first problem of each server is
    // kept, and the one reported is the same as a walk server by server would report. The columns
    // are hashed as SQLite holds them, UTF-8, without a round trip through QString.
    QSqlDatabase db = cache.database();
    SqliteStatement rows(db, QStringLiteral("SELECT id, chain_seq, prev_hash, hash, %1 FROM audit_events ORDER BY id")
                                 .arg(AuditCache::entryColumns()));
    const int flagColumn = 4 + int(AuditChain::columns().indexOf(QStringLiteral("flag_key")));
    const int timeColumn = 4 + int(AuditChain::columns().indexOf(QStringLiteral("time_ms")));

    struct Chain
    {
        qint64 expectedSeq = 1;
        QByteArray previousHash = AuditChain::genesis();
        QString unchained; // the first row outside the chain
        QString problem;   // the first break in the chain
    };
    std::map<QString, Chain> chains; // by server, in the order problems are reported
    QByteArray lastServer;
    Chain *chain = nullptr;
    AuditChain::EncodedColumns columns; // one buffer for every row
    const auto text = [&](int column) { return QString::fromUtf8(rows.text(column)); };

    for (;;) {
        const Result<bool> row = rows.next();
        if (!row) {
            result.readError = Text::tr("cannot read the audit entries: %1").arg(row.error());
            return result;
        }
        if (!row.value())
            break;
        if (!chain || rows.text(4) != lastServer) {
            lastServer = rows.text(4).toByteArray();
            chain = &chains[QString::fromUtf8(lastServer)];
        }
        if (rows.isNull(1)) {
            if (chain->unchained.isEmpty()) {
                chain->unchained = Text::tr("row %1 (server \"%2\", flag %3) is outside the hash chain: it was added by hand")
                                       .arg(rows.integer(0))
                                       .arg(text(4), text(flagColumn));
            }
            continue;
        }
        if (!chain->problem.isEmpty())
            continue;
        const qint64 seq = rows.integer(1);
        const auto entry = [&] {
            return describe(StoredEntry{rows.integer(0), seq, text(4), text(flagColumn), rows.integer(timeColumn)});
        };
        if (seq != chain->expectedSeq) {
            chain->problem = Text::tr("server \"%1\" entry #%2 is missing (the chain goes on at %3)")
                                 .arg(text(4))
                                 .arg(chain->expectedSeq)
                                 .arg(entry());
            continue;
        }
        const QByteArrayView storedPrevious = rows.text(2);
        const QByteArrayView storedHash = rows.text(3);
        if (storedPrevious != chain->previousHash) {
            chain->problem = Text::tr("server \"%1\" entry #%2 was altered or replaced (%3 no longer follows it)")
                                 .arg(text(4))
                                 .arg(chain->expectedSeq - 1)
                                 .arg(entry());
            continue;
        }
        columns.clear();
        for (int column = 0; column < AuditChain::columns().size(); ++column)
            columns.appendUtf8(rows.text(4 + column));
        if (AuditChain::hash(seq, chain->previousHash, columns) != storedHash) {
            chain->problem = Text::tr("%1 was altered").arg(entry());
            continue;
        }
        chain->previousHash = storedHash.toByteArray();
        ++chain->expectedSeq;
        ++result.entriesChecked;
    }

    for (const auto &[server, checked] : chains) {
        if (!checked.unchained.isEmpty()) {
            result.problem = checked.unchained;
            return result;
        }
        if (!checked.problem.isEmpty()) {
            result.problem = checked.problem;
            return result;
        }
        const auto head = recordedHeads.constFind(server);
        if (head == recordedHeads.constEnd()) {
            result.problem = Text::tr("server \"%1\" has entries but no recorded chain head: the head table was altered")
                                 .arg(server);
            return result;
        }
        if (head->chainSeq > checked.expectedSeq - 1) {
            result.problem = Text::tr("server \"%1\" entries #%2 to #%3 are missing from the end of the chain")
                                 .arg(server)
                                 .arg(checked.expectedSeq)
                                 .arg(head->chainSeq);
            return result;
        }
        if (head->chainSeq < checked.expectedSeq - 1 || head->hash != checked.previousHash) {
            result.problem = Text::tr("server \"%1\" chain head does not match entry #%2: the chain or its head was altered")
                                 .arg(server)
                                 .arg(checked.expectedSeq - 1);
            return result;
        }
    }
    for (const AuditChainHead &head : std::as_const(result.heads)) {
        if (chains.find(head.server) == chains.end() && head.chainSeq > 0) {
            result.problem = Text::tr("server \"%1\" entries #1 to #%2 are all missing").arg(head.server).arg(head.chainSeq);
            return result;
        }
    }
    result.intact = true;
    return result;
}
