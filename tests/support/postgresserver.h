#pragma once

#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUuid>

#include <unistd.h>

// A real PostgreSQL (Debian's package) in a temporary folder, listening on 127.0.0.1 only, with
// trust authentication for the local test roles; stopped and deleted when the object goes. As
// root (CI), the server runs as the postgres user, which PostgreSQL insists on.
class PostgresServer
{
public:
    ~PostgresServer()
    {
        if (m_started)
            run(pgBinary(QStringLiteral("pg_ctl")), {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                                                       QStringLiteral("immediate"), QStringLiteral("stop")});
    }

    // Returns an error text, empty when the server is up.
    QString start()
    {
        m_binDir = findBinDir();
        if (m_binDir.isEmpty())
            return QStringLiteral("PostgreSQL is not installed (Debian package postgresql; the test set-up installs it)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        if (::geteuid() == 0) {
            QProcess chown;
            chown.start(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("postgres:postgres"), m_dir.path()});
            if (!chown.waitForFinished(10000) || chown.exitCode() != 0)
                return QStringLiteral("cannot hand the folder to the postgres user");
        }
        QString output;
        if (!run(pgBinary(QStringLiteral("initdb")),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QStringLiteral("flagdeck"),
                  QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-sync")},
                 &output))
            return QStringLiteral("initdb failed: ") + output;
        m_port = freePort();
        if (const QString error = launch(); !error.isEmpty())
            return error;
        m_started = true;
        return {};
    }

    // Stops the server as an administrator's restart does (fast: every session is ended); the
    // data stays. Returns an error text, empty when it stopped.
    QString stop()
    {
        QString output;
        if (!run(pgBinary(QStringLiteral("pg_ctl")), {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                                                      QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")},
                 &output))
            return QStringLiteral("postgres did not stop: ") + output;
        m_started = false;
        return {};
    }

    // Starts a stopped server again, on the same port with the same data.
    QString restart()
    {
        if (const QString error = launch(); !error.isEmpty())
            return error;
        m_started = true;
        return {};
    }

    quint16 port() const { return m_port; }
    bool isRunning() const { return m_started; }

    // A new, empty database; its URL for the given role.
    QString createDatabase(const QString &role = QStringLiteral("flagdeck"))
    {
        const QString name = QStringLiteral("inbox_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        execute(QStringLiteral("postgres"), {QStringLiteral("CREATE DATABASE %1").arg(name)});
        return url(name, role);
    }

    QString url(const QString &database, const QString &role = QStringLiteral("flagdeck")) const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(role).arg(m_port).arg(database);
    }

    // Runs statements as the superuser in a database; returns the first error, empty when all ran.
    QString execute(const QString &database, const QStringList &statements)
    {
        const QString connection = QStringLiteral("admin-") + QUuid::createUuid().toString(QUuid::Id128);
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_port);
            db.setDatabaseName(database);
            db.setUserName(QStringLiteral("flagdeck"));
            if (!db.open()) {
                error = db.lastError().text();
            } else {
                QSqlQuery query(db);
                for (const QString &statement : statements) {
                    if (!query.exec(statement)) {
                        error = statement + QStringLiteral(": ") + query.lastError().text();
                        break;
                    }
                }
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return error;
    }

private:
    QString launch()
    {
        QString output;
        const QString options = QStringLiteral("-h 127.0.0.1 -p %1 -k %2 -F").arg(m_port).arg(m_dir.path());
        if (!run(pgBinary(QStringLiteral("pg_ctl")),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                  QStringLiteral("-o"), options, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                  QStringLiteral("start")},
                 &output))
            return QStringLiteral("postgres did not start: ") + output;
        return {};
    }

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QString pgBinary(const QString &name) const { return m_binDir + QLatin1Char('/') + name; }

    static QString findBinDir()
    {
        QDir versions(QStringLiteral("/usr/lib/postgresql"));
        QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        std::sort(found.begin(), found.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
        for (const QString &version : std::as_const(found)) {
            const QString bin = versions.filePath(version + QStringLiteral("/bin"));
            if (QFile::exists(bin + QStringLiteral("/postgres")))
                return bin;
        }
        return {};
    }

    bool run(const QString &program, const QStringList &arguments, QString *output = nullptr)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        if (::geteuid() == 0)
            process.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                                 QStringLiteral("--"), program} + arguments);
        else
            process.start(program, arguments);
        const bool ok = process.waitForFinished(90000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
        if (output)
            *output = QString::fromUtf8(process.readAll());
        return ok;
    }

    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/flagdeck-pg-XXXXXX")};
    QString m_binDir;
    quint16 m_port = 0;
    bool m_started = false;
};
