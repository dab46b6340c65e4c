#include "auditchain.h"

#include <QCryptographicHash>

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
    QCryptographicHash sha(QCryptographicHash::Sha256);
    const auto addPart = [&sha](const QByteArray &bytes) {
        sha.addData(QByteArray::number(bytes.size()));
        sha.addData(QByteArrayView(":"));
        sha.addData(bytes);
    };
    addPart(QByteArray::number(chainSeq));
    addPart(previousHash);
    for (const QString &text : columnTexts)
        addPart(text.toUtf8());
    return sha.result().toHex();
}

QByteArray genesis()
{
    return QByteArray(64, '0');
}

} // namespace AuditChain
