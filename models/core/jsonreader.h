#pragma once

#include "result.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// Reads one JSON object field by field and remembers the first thing that is wrong, with the
// path to it ("flags[3].variations[0].id: expected text"). After the first error every read
// returns an empty value, so callers read everything and check ok() once.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString path);

    QString requiredString(const QString &key);
    QString optionalString(const QString &key, const QString &fallback = {});
    QString requiredKey(const QString &key); // a flag or variation key: [A-Za-z0-9._-], 1..200 chars
    bool requiredBool(const QString &key);
    qint64 requiredInteger(const QString &key, qint64 minimum, qint64 maximum);
    qint64 optionalInteger(const QString &key, qint64 minimum, qint64 maximum, qint64 fallback);
    QJsonArray requiredArray(const QString &key);
    QJsonArray optionalArray(const QString &key);
    QJsonObject requiredObject(const QString &key);
    QStringList optionalStringList(const QString &key);

    // For an element of an array read from this object: "path.key[index]".
    QString childPath(const QString &key, qsizetype index = -1) const;
    void fail(const QString &key, const QString &problem);

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

private:
    QJsonValue field(const QString &key, bool required);
    // The field when present and of the wanted type; otherwise records what is wrong.
    std::optional<QJsonValue> typedField(const QString &key, bool required, bool (QJsonValue::*isType)() const,
                                         const QString &expected);

    QJsonObject m_object;
    QString m_path;
    QString m_error;
};

// Parses untrusted bytes: refuses documents over maxBytes before parsing, and anything that is
// not a single JSON object or array.
Result<QJsonDocument> parseJsonDocument(const QByteArray &bytes, qsizetype maxBytes, const QString &what);

// Reads a JSON array of objects, handing each element's reader to readOne; stops at the first error.
template<typename T, typename ReadOne>
Result<QList<T>> readObjectArray(const QJsonArray &array, const QString &path, ReadOne readOne)
{
    QList<T> items;
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (!array.at(i).isObject())
            return Result<QList<T>>::failure(QStringLiteral("%1: expected an object").arg(itemPath));
        Result<T> item = readOne(array.at(i).toObject(), itemPath);
        if (!item)
            return Result<QList<T>>::failure(item.error());
        items.append(std::move(item).value());
    }
    return items;
}
