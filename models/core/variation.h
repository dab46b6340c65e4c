#pragma once

#include <QString>

struct Variation
{
    QString id;
    QString name;
    QString value; // as the server holds it: always text, typed by the flag's value type

    friend bool operator==(const Variation &, const Variation &) = default;
};
