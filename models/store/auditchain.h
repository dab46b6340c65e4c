#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>
#include <QVarLengthArray>

// The per-server hash chain that makes the audit cache tamper-evident. Each entry's hash covers
// its position in its server's chain, the previous entry's hash and the stored text of every
// column in columns(), so the writer and the verifier hash exactly the same bytes.
namespace AuditChain {

// The columns a hash covers, in the order they are encoded.
const QStringList &columns();

// The previous hash of a chain's first entry.
QByteArray genesis();

// A place in a server's chain: the sequence number and hash of its newest entry.
struct Link
{
    qint64 seq = 0;
    QByteArray hash = genesis();
};

// An entry's chained columns as the hash encodes them: each column's UTF-8 text after its byte
// length and a colon, in columns() order, in one buffer. The cache stores the text columns as
// these very bytes (column()) and the time as the integer its digits spell, so what the verifier
// reads back hashes the same.
class EncodedColumns
{
public:
    EncodedColumns() = default;
    explicit EncodedColumns(const QStringList &columnTexts);

    // Empty, for the next entry.
    void clear();
    void append(QStringView text);
    void appendUtf8(QByteArrayView utf8);
    void append(qint64 number);

    QByteArrayView column(int index) const;
    qsizetype size() const { return m_columns.size(); }
    QByteArrayView encoded() const { return m_encoded; }

private:
    QByteArray m_encoded;
    QVarLengthArray<std::pair<qsizetype, qsizetype>, 12> m_columns; // start and size in m_encoded
};

// Hex SHA-256 of the canonical encoding: every part as "<UTF-8 byte length>:<bytes>", parts in
// the order chain position, previous hash, then columns(). Length prefixes make the encoding
// unambiguous: no two different entries encode to the same bytes.
QByteArray hash(qint64 chainSeq, const QByteArray &previousHash, const EncodedColumns &columns);
QByteArray hash(qint64 chainSeq, const QByteArray &previousHash, const QStringList &columnTexts);

} // namespace AuditChain
