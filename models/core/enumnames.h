#pragma once

#include <QString>

#include <initializer_list>
#include <optional>

// Reads back a name written by nameOf, for enums whose names are part of a file or wire format.
template<typename Enum, typename NameOf>
std::optional<Enum> enumFromName(const QString &name, std::initializer_list<Enum> values, NameOf nameOf)
{
    for (Enum value : values) {
        if (nameOf(value) == name)
            return value;
    }
    return std::nullopt;
}
