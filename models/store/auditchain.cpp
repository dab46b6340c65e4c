#include "auditchain.h"

// SHA256_Init/Update/Final: OpenSSL 3 deprecates them for its EVP interface, but EVP keeps
// per-thread state that a process ending with the audit writer's thread still running leaves
// behind (the leak checker reports it); these work on the caller's context alone.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

namespace AuditChain {

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

QByteArray hash(qint64 chainSeq, const QByteArray &previousHash, const QStringList &columnTexts)
{
    // One buffer, hashed at once: three hash updates per column were a measurable share of ingest.
    QByteArray message;
    message.reserve(512);
    const auto addPart = [&message](QByteArrayView bytes) {
        message.append(QByteArray::number(bytes.size()));
        message.append(':');
        message.append(bytes);
    };
    addPart(QByteArray::number(chainSeq));
    addPart(previousHash);
    for (const QString &text : columnTexts)
        addPart(text.toUtf8());
    // OpenSSL's SHA-256 uses the processor's SHA instructions where it has them; Qt's has none,
    // and was a tenth of the ingest's time and most of a verification's.
    SHA256_CTX context;
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256_Init(&context);
    SHA256_Update(&context, message.constData(), size_t(message.size()));
    SHA256_Final(digest, &context);
    return QByteArray(reinterpret_cast<const char *>(digest), SHA256_DIGEST_LENGTH).toHex();
}

QByteArray genesis()
{
    return QByteArray(64, '0');
}

} // namespace AuditChain
