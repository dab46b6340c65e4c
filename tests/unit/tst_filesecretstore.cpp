#include "store/filesecretstore.h"
#include "testresult.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// Token files for a guard: only their owner may read them, and what is read is the token.
class tst_FileSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFileOthersMayReadIsRefused_data();
    void aFileOthersMayReadIsRefused();
    void theTokenIsReadAgainEachTime();
    void aMissingOrEmptyFileSaysWhich();
    void nothingIsWritten();

private:
    QString tokenFile(const QString &name, const QByteArray &content, QFile::Permissions permissions);
    QTemporaryDir m_dir;
};

QString tst_FileSecretStore::tokenFile(const QString &name, const QByteArray &content, QFile::Permissions permissions)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    file.close();
    QFile::setPermissions(path, permissions);
    return path;
}

void tst_FileSecretStore::aFileOthersMayReadIsRefused_data()
{
    QTest::addColumn<int>("permissions");
    QTest::addColumn<bool>("accepted");
    const int owner = int(QFile::ReadOwner | QFile::WriteOwner);
    QTest::newRow("0600") << owner << true;
    QTest::newRow("0400 (systemd's credentials)") << int(QFile::ReadOwner) << true;
    QTest::newRow("0640") << int(owner | QFile::ReadGroup) << false;
    QTest::newRow("0604") << int(owner | QFile::ReadOther) << false;
    QTest::newRow("0620") << int(owner | QFile::WriteGroup) << false;
}

void tst_FileSecretStore::aFileOthersMayReadIsRefused()
{
    QFETCH(int, permissions);
    QFETCH(bool, accepted);
    const QString path = tokenFile(QStringLiteral("token-%1").arg(permissions), "*:production.abc123\n",
                                   QFile::Permissions(permissions));
    FileSecretStore store;
    const Result<void> added = store.addFile(QStringLiteral("connection/x/token"), path);
    QCOMPARE(added.ok(), accepted);
    if (!accepted) {
        QVERIFY2(added.error().contains(QStringLiteral("may be read by others")), qPrintable(added.error()));
        // Never the token in a message.
        QVERIFY(!added.error().contains(QStringLiteral("abc123")));
    }
}

void tst_FileSecretStore::theTokenIsReadAgainEachTime()
{
    const QString path = tokenFile(QStringLiteral("rotated"), "first-token\n", QFile::ReadOwner | QFile::WriteOwner);
    FileSecretStore store;
    VERIFY_OK(store.addFile(QStringLiteral("ref"), path));
    const auto read = [&store] {
        std::optional<Result<QString>> answer;
        store.readSecret(QStringLiteral("ref"), [&](Result<QString> secret) { answer.emplace(std::move(secret)); });
        [&] { QTRY_VERIFY(answer.has_value()); }();
        return answer.value_or(Result<QString>::failure(QStringLiteral("no answer")));
    };
    QCOMPARE(read().value(), QStringLiteral("first-token"));
    // A rotated token: the next connection uses it.
    VERIFY_OK(FileSecretStore::writeTokenFile(path, QStringLiteral("second-token")));
    QCOMPARE(read().value(), QStringLiteral("second-token"));
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    std::optional<Result<QString>> unknown;
    store.readSecret(QStringLiteral("other"), [&](Result<QString> secret) { unknown.emplace(std::move(secret)); });
    QTRY_VERIFY(unknown.has_value());
    QVERIFY(!unknown->ok());
}

void tst_FileSecretStore::aMissingOrEmptyFileSaysWhich()
{
    FileSecretStore store;
    const Result<void> missing = store.addFile(QStringLiteral("ref"), m_dir.filePath(QStringLiteral("absent")));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(QStringLiteral("does not exist")), qPrintable(missing.error()));
    const QString empty = tokenFile(QStringLiteral("empty"), " \n", QFile::ReadOwner);
    const Result<void> blank = store.addFile(QStringLiteral("ref"), empty);
    QVERIFY(!blank.ok());
    QVERIFY2(blank.error().contains(QStringLiteral("is empty")), qPrintable(blank.error()));
}

void tst_FileSecretStore::nothingIsWritten()
{
    FileSecretStore store;
    std::optional<QString> error;
    store.writeSecret(QStringLiteral("ref"), QStringLiteral("token"), [&](const QString &e) { error = e; });
    QTRY_VERIFY(error.has_value());
    QVERIFY(!error->isEmpty());
}

QTEST_GUILESS_MAIN(tst_FileSecretStore)
#include "tst_filesecretstore.moc"
