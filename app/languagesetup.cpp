#include "languagesetup.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

void installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *flagdeck = new QTranslator(QCoreApplication::instance());
    if (flagdeck->load(locale, QStringLiteral("flagdeck"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || flagdeck->load(QStringLiteral("flagdeck_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(flagdeck);
    // Qt's own words (standard buttons, file dialogs, --help) from Debian's qt6-translations-l10n.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}
