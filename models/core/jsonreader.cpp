#include "jsonreader.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(JsonReader)
};

bool isKey(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,200}$"));
    return pattern.match(text).hasMatch();
}

} // namespace

JsonReader::JsonReader(const QJsonObject &object, QString path) : m_object(object), m_path(std::move(path)) {}

QString JsonReader::childPath(const QString &key, qsizetype index) const
{
    QString path = m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    if (index >= 0)
        path += QStringLiteral("[%1]").arg(index);
    return path;
}

void JsonReader::fail(const QString &key, const QString &problem)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1: %2").arg(childPath(key), problem);
}

QJsonValue JsonReader::field(const QString &key, bool required)
{
    if (!ok())
        return {};
    const auto found = m_object.constFind(key);
    if (found == m_object.constEnd() || found->isNull()) {
        if (required)
            fail(key, Text::tr("is missing"));
        return QJsonValue(QJsonValue::Undefined);
    }
    return *found;
}

std::optional<QJsonValue> JsonReader::typedField(const QString &key, bool required,
                                                 bool (QJsonValue::*isType)() const, const QString &expected)
{
    const QJsonValue value = field(key, required);
    if (value.isUndefined())
        return std::nullopt;
    if (!(value.*isType)()) {
        fail(key, expected);
        return std::nullopt;
    }
    return value;
}

QString JsonReader::requiredString(const QString &key)
{
    const auto value = typedField(key, true, &QJsonValue::isString, Text::tr("expected text"));
    return value ? value->toString() : QString();
}

QString JsonReader::optionalString(const QString &key, const QString &fallback)
{
    const auto value = typedField(key, false, &QJsonValue::isString, Text::tr("expected text"));
    return value ? value->toString() : fallback;
}

QString JsonReader::requiredKey(const QString &key)
{
    const QString text = requiredString(key);
    if (ok() && !isKey(text)) {
        fail(key, Text::tr("\"%1\" is not a valid key (1 to 200 of A-Z a-z 0-9 . _ -)").arg(text.left(60)));
        return {};
    }
    return text;
}

bool JsonReader::requiredBool(const QString &key)
{
    const auto value = typedField(key, true, &QJsonValue::isBool, Text::tr("expected true or false"));
    return value && value->toBool();
}

qint64 JsonReader::requiredInteger(const QString &key, qint64 minimum, qint64 maximum)
{
    const QJsonValue value = field(key, true);
    if (value.isUndefined())
        return minimum;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(number) || number != std::trunc(number)) {
        fail(key, Text::tr("expected a whole number"));
        return minimum;
    }
    if (number < double(minimum) || number > double(maximum)) {
        fail(key, Text::tr("%1 is outside %2..%3").arg(number, 0, 'f', 0).arg(minimum).arg(maximum));
        return minimum;
    }
    return static_cast<qint64>(number);
}

qint64 JsonReader::optionalInteger(const QString &key, qint64 minimum, qint64 maximum, qint64 fallback)
{
    if (!ok())
        return fallback;
    if (!m_object.contains(key) || m_object.value(key).isNull())
        return fallback;
    return requiredInteger(key, minimum, maximum);
}

QJsonArray JsonReader::requiredArray(const QString &key)
{
    const auto value = typedField(key, true, &QJsonValue::isArray, Text::tr("expected a list"));
    return value ? value->toArray() : QJsonArray();
}

QJsonArray JsonReader::optionalArray(const QString &key)
{
    const auto value = typedField(key, false, &QJsonValue::isArray, Text::tr("expected a list"));
    return value ? value->toArray() : QJsonArray();
}

QJsonObject JsonReader::requiredObject(const QString &key)
{
    const auto value = typedField(key, true, &QJsonValue::isObject, Text::tr("expected an object"));
    return value ? value->toObject() : QJsonObject();
}

QStringList JsonReader::optionalStringList(const QString &key)
{
    const QJsonArray array = optionalArray(key);
    QStringList strings;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            fail(key, Text::tr("item %1 is not text").arg(i));
            return {};
        }
        strings.append(array.at(i).toString());
    }
    return strings;
}

Result<QJsonDocument> parseJsonDocument(const QByteArray &bytes, qsizetype maxBytes, const QString &what)
{
    if (bytes.size() > maxBytes)
        return Result<QJsonDocument>::failure(
            Text::tr("%1 is %2 bytes, more than the %3 bytes accepted").arg(what).arg(bytes.size()).arg(maxBytes));
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Result<QJsonDocument>::failure(
            Text::tr("%1 is not valid JSON: %2 at byte %3").arg(what, parseError.errorString()).arg(parseError.offset));
    return document;
}
