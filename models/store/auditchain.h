#pragma once

#include <QByteArray>
#include <QStringList>

// The per-server hash chain that makes the audit cache tamper-evident. Each entry's hash covers
// its position in its server's chain, the previous entry's hash and the stored text of every
// column in auditChainColumns(), so the writer and the verifier hash exactly the same bytes.
namespace AuditChain {

// The columns a hash covers, in the order they are encoded.
const QStringList &columns();

// Hex SHA-256 of the canonical encoding: every part as "<UTF-8 byte length>:<bytes>", parts in
// the order chain position, previous hash, then columns(). Length prefixes make the encoding
// unambiguous: no two different entries encode to the same bytes.
QByteArray hash(qint64 chainSeq, const QByteArray &previousHash, const QStringList &columnTexts);

// The previous hash of a chain's first entry.
QByteArray genesis();

} // namespace AuditChain
