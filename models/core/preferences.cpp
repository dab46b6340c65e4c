#include "preferences.h"

QString themeName(Preferences::Theme theme)
{
    switch (theme) {
    case Preferences::Theme::System:
        return QStringLiteral("system");
    case Preferences::Theme::Light:
        return QStringLiteral("light");
    case Preferences::Theme::Dark:
        return QStringLiteral("dark");
    }
    return {};
}

QStringList Preferences::availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString Preferences::nativeLanguageName(const QString &language)
{
    // Each in its own language and never translated: the name a person looks for in the list.
    if (language == QStringLiteral("de"))
        return QStringLiteral("Deutsch");
    if (language == QStringLiteral("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}
