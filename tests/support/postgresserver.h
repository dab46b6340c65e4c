#pragma once

#include "listenport.h"
#include "testchildprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <unistd.h>

// A real PostgreSQL (Debian's package) in a temporary folder, listening on 127.0.0.1 only, with
// trust authentication for the local test roles; stopped and deleted when the object goes. As
// root (CI), the server runs as the postgres user, which PostgreSQL insists on. The postmaster
// runs in the foreground as the test's own child (not through pg_ctl, which leaves it behind as
// a daemon), so it ends with the test however the test ends; its backends follow their postmaster.
class PostgresServer
{
public:
    ~PostgresServer()
    {
        if (m_server.state() != QProcess::NotRunning) {
            // As pg_ctl's immediate mode: the data is thrown away anyway.
            ::kill(pid_t(m_server.processId()), SIGQUIT);
            if (!m_server.waitForFinished(10000)) {
                m_server.kill();
                m_server.waitForFinished(5000);
            }
        }
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
        m_port = listenPort();
        return launch();
    }

    // Stops the server as an administrator's restart does (fast: every session is ended); the
    // data stays. Returns an error text, empty when it stopped.
    QString stop()
    {
        ::kill(pid_t(m_server.processId()), SIGINT);
        if (!m_server.waitForFinished(30000))
            return QStringLiteral("postgres did not stop in 30 s");
        return {};
    }

    // Starts a stopped server again, on the same port with the same data.
    QString restart() { return launch(); }

    quint16 port() const { return m_port; }
    bool isRunning() const { return m_server.state() != QProcess::NotRunning; }
    // The postmaster's process id (its backends are its children).
    qint64 processId() const { return m_server.processId(); }

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
    // The postmaster in the foreground; ready when its log says so.
    QString launch()
    {
        // The log in a file: a pipe nobody reads while the test waits would stall the server.
        const QString log = m_dir.filePath(QStringLiteral("server.log"));
        m_server.setStandardOutputFile(log);
        m_server.setStandardErrorFile(log);
        m_server.setWorkingDirectory(m_dir.path());
        tie(m_server);
        m_server.start(pgBinary(QStringLiteral("postgres")),
                       {QStringLiteral("-D"), dataDir(), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                        QString::number(m_port), QStringLiteral("-k"), m_dir.path(), QStringLiteral("-F")});
        if (!m_server.waitForStarted(10000))
            return QStringLiteral("postgres did not start: ") + m_server.errorString();
        const QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            QFile file(log);
            const QByteArray said = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
            if (said.contains("database system is ready to accept connections"))
                return {};
            // Also a pause of 50 ms while it runs.
            if (m_server.waitForFinished(50) || m_server.state() == QProcess::NotRunning)
                return QStringLiteral("postgres stopped: ") + QString::fromUtf8(said);
        }
        return QStringLiteral("postgres did not become ready in 60 s");
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

    // Tied to the test, and run as the postgres user when the test runs as root.
    static void tie(QProcess &process)
    {
        const std::optional<TestChildProcess::Account> postgres = TestChildProcess::account("postgres");
        if (::geteuid() == 0 && postgres)
            TestChildProcess::endWithTestAs(process, *postgres);
        else
            TestChildProcess::endWithTest(process);
    }

    bool run(const QString &program, const QStringList &arguments, QString *output = nullptr)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(m_dir.path());
        tie(process);
        process.start(program, arguments);
        const bool ok = process.waitForFinished(90000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
        if (output)
            *output = QString::fromUtf8(process.readAll());
        return ok;
    }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/flagdeck-pg-XXXXXX")};
    QString m_binDir;
    QProcess m_server;
    quint16 m_port = 0;
};
