// Every string the code shows must have a finished translation in every catalogue. The catalogues
// are brought up to date from the code first (lupdate into a copy), so a string added to the code
// and never translated fails here even before anyone refreshes the committed .ts files.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct CatalogueMessage
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList translations; // one per plural form for numerus messages
};

QList<CatalogueMessage> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<CatalogueMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    CatalogueMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = CatalogueMessage{context, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                                       false, {}};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            current.unfinished = type == QLatin1String("unfinished");
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) {
                xml.skipCurrentElement();
                continue;
            }
            if (!current.numerus)
                current.translations.append(xml.readElementText());
            else {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        current.translations.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            }
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return messages;
}

// The %1 … %9 and %n markers: a translation must keep every one of them, and add none.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%(?:[1-9]|n|L[1-9])"));
    QSet<QString> found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStringIsTranslated_data();
    void everyStringIsTranslated();
};

void TestTranslations::everyStringIsTranslated_data()
{
    QTest::addColumn<QString>("catalogue");
    QTest::addColumn<bool>("pluralOnly");
    QTest::newRow("German") << QStringLiteral("flagdeck_de.ts") << false;
    QTest::newRow("Simplified Chinese") << QStringLiteral("flagdeck_zh_CN.ts") << false;
    QTest::newRow("English plurals") << QStringLiteral("flagdeck_en.ts") << true;
}

void TestTranslations::everyStringIsTranslated()
{
    QFETCH(QString, catalogue);
    QFETCH(bool, pluralOnly);
    const QDir source(QStringLiteral(FLAGDECK_SOURCE_DIR));
    QTemporaryDir work;
    QVERIFY(work.isValid());
    // lupdate resolves relative locations against the catalogue, so the copy sits where the original does.
    QDir(work.path()).mkpath(QStringLiteral("translations"));
    const QString updated = work.filePath(QStringLiteral("translations/") + catalogue);
    QVERIFY(QFile::copy(source.filePath(QStringLiteral("translations/") + catalogue), updated));
    QFile::setPermissions(updated, QFile::ReadOwner | QFile::WriteOwner);

    QStringList arguments{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                          QStringLiteral("-extensions"), QStringLiteral("cpp")};
    if (pluralOnly)
        arguments << QStringLiteral("-pluralonly");
    for (const char *folder : {"app", "widgets", "models"})
        arguments << source.filePath(QString::fromLatin1(folder));
    arguments << QStringLiteral("-ts") << updated;
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(LUPDATE_BINARY), arguments);
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QString error;
    const QList<CatalogueMessage> messages = readCatalogue(updated, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    QStringList problems;
    for (const CatalogueMessage &message : messages) {
        const QString where = QStringLiteral("%1: \"%2\"").arg(message.context, message.source);
        const bool empty = message.translations.isEmpty()
            || std::any_of(message.translations.cbegin(), message.translations.cend(),
                           [](const QString &text) { return text.trimmed().isEmpty(); });
        if (message.unfinished || empty) {
            problems << QStringLiteral("no finished translation for ") + where;
            continue;
        }
        QSet<QString> expected = placeholders(message.source);
        for (const QString &translation : message.translations) {
            QSet<QString> got = placeholders(translation);
            // A plural form may spell the count out ("one flag") instead of %n.
            if (message.numerus) {
                expected.remove(QStringLiteral("%n"));
                got.remove(QStringLiteral("%n"));
            }
            if (got != expected)
                problems << QStringLiteral("placeholders differ in %1: \"%2\"").arg(where, translation);
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 problem(s) in %2 (translate them, e.g. in Qt Linguist, after "
                                       "cmake --build build/default --target update_translations):\n")
                            .arg(problems.size())
                            .arg(catalogue)
                        + problems.mid(0, 40).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
