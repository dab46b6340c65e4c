#pragma once

#include <QString>
#include <QVariant>

// Qt binds a null QString as SQL NULL; text columns are NOT NULL, so an absent comment is ''.
inline QVariant sqlText(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}
