#include "auditchain.h"

// SHA256_Init/Update/Final: OpenSSL 3 deprecates them for its EVP interface, but EVP keeps
// per-thread state that a process ending with the audit writer's thread still running leaves
// behind (the leak checker reports it); these work on the caller's context alone.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <QStringEncoder>

#include <array>
#include <charconv>

namespace AuditChain {

namespace {

// Integers are encoded as their decimal text, as a text column holding them would store them.
constexpr int MaxDecimalDigits = 20;

std::pair<std::array<char, MaxDecimalDigits>, int> decimal(qint64 number)
{
    std::array<char, MaxDecimalDigits> digits;
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), number).ptr;
    return {digits, int(end - digits.data())};
}

} // namespace

const QStringList &columns()
{
    static const QStringList names = {
        QStringLiteral("server"),     QStringLiteral("environment"), QStringLiteral("flag_key"),
        QStringLiteral("action"),     QStringLiteral("outcome"),     QStringLiteral("actor"),
        QStringLiteral("actor_kind"), QStringLiteral("time_ms"),     QStringLiteral("source_id"),
        QStringLiteral("before_json"), QStringLiteral("after_json"), QStringLiteral("comment"),
    };
    return names;
}

EncodedColumns::EncodedColumns(const QStringList &columnTexts)
{
    for (const QString &text : columnTexts)
        append(text);
}

void EncodedColumns::clear()
{
    // Sizes to zero keep the buffers' capacity for the next entry.
    m_encoded.resize(0);
    m_columns.resize(0);
}

void EncodedColumns::append(QStringView text)
{
    // Converted into a buffer each thread keeps: a QByteArray per column was a measurable share
    // of the ingest. Stateless: each column on its own, so a lone surrogate at the end of one
    // becomes U+FFFD instead of waiting for the next column's text.
    thread_local QStringEncoder toUtf8(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    thread_local QByteArray utf8;
    utf8.resize(toUtf8.requiredSpace(text.size()));
    const char *end = toUtf8.appendToBuffer(utf8.data(), text);
    appendUtf8(QByteArrayView(utf8.constData(), end - utf8.constData()));
}

void EncodedColumns::appendUtf8(QByteArrayView utf8)
{
    if (m_encoded.capacity() == 0)
        m_encoded.reserve(512); // most entries fit
    const auto [length, lengthSize] = decimal(utf8.size());
    m_encoded.append(length.data(), lengthSize);
    m_encoded.append(':');
    m_columns.append({m_encoded.size(), utf8.size()});
    m_encoded.append(utf8);
}

void EncodedColumns::append(qint64 number)
{
    const auto [digits, size] = decimal(number);
    appendUtf8(QByteArrayView(digits.data(), size));
}

QByteArrayView EncodedColumns::column(int index) const
{
    const auto [start, size] = m_columns.at(index);
    return QByteArrayView(m_encoded.constData() + start, size);
}

QByteArray hash(qint64 chainSeq, const QByteArray &previousHash, const EncodedColumns &columns)
{
    // OpenSSL's SHA-256 uses the processor's SHA instructions where it has them; Qt's has none,
    // and was a tenth of the ingest's time and most of a verification's.
    SHA256_CTX context;
    SHA256_Init(&context);
    const auto add = [&context](QByteArrayView bytes) { SHA256_Update(&context, bytes.data(), size_t(bytes.size())); };
    const auto addPart = [&add](QByteArrayView bytes) {
        const auto [length, lengthSize] = decimal(bytes.size());
        add(QByteArrayView(length.data(), lengthSize));
        add(":");
        add(bytes);
    };
    const auto [seq, seqSize] = decimal(chainSeq);
    addPart(QByteArrayView(seq.data(), seqSize));
    addPart(previousHash);
    add(columns.encoded());
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256_Final(digest, &context);
    return QByteArray(reinterpret_cast<const char *>(digest), SHA256_DIGEST_LENGTH).toHex();
}

QByteArray hash(qint64 chainSeq, const QByteArray &previousHash, const QStringList &columnTexts)
{
    return hash(chainSeq, previousHash, EncodedColumns(columnTexts));
}

QByteArray genesis()
{
    return QByteArray(64, '0');
}

} // namespace AuditChain
