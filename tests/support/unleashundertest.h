#pragma once

#include "listenport.h"
#include "postgresserver.h"
#include "testchildprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QSysInfo>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <sys/types.h>

// A real Unleash (npm unleash-server, installed in tests/unleash/v5 … v8 by the test set-up, each
// on the Node that npm installed beside it) with its own PostgreSQL, both on 127.0.0.1; admin,
// backend and frontend tokens are created at start, telemetry and the version check are off.
// Stopped when the object goes, and both end with the test however it ends. Also a small synchronous admin client for preparing flags in tests.
//
// Which major version: the constructor's argument, else FLAGDECK_UNLEASH (e.g. "v5", set by the
// version matrix's ctest entries), else CiMajor, the one every other test and benchmark uses.
class UnleashUnderTest
{
public:
    static constexpr int StartTimeoutMs = 90000;
    static constexpr int CiMajor = 8;
    static QList<int> majors() { return {5, 6, 7, 8}; }

    explicit UnleashUnderTest(int major = 0)
        : m_major(major)
    {
        if (m_major == 0) {
            const QString chosen = qEnvironmentVariable("FLAGDECK_UNLEASH");
            m_major = chosen.startsWith(QLatin1Char('v')) ? chosen.mid(1).toInt() : CiMajor;
        }
    }

    int major() const { return m_major; }
    QString folder() const
    {
        return QStringLiteral(FLAGDECK_SOURCE_DIR) + QStringLiteral("/tests/unleash/v%1").arg(m_major);
    }
    // The Node this version runs on, as npm installed it beside unleash-server.
    QString nodeBinary() const
    {
        const QString arch = QSysInfo::currentCpuArchitecture() == QLatin1String("arm64") ? QStringLiteral("arm64")
                                                                                          : QStringLiteral("x64");
        return folder() + QStringLiteral("/node_modules/node-linux-%1/bin/node").arg(arch);
    }
    // The exact version npm installed from the folder's lockfile, e.g. "5.12.8"; empty if none.
    QString installedVersion() const
    {
        QFile file(folder() + QStringLiteral("/node_modules/unleash-server/package.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("version")).toString();
    }

    ~UnleashUnderTest()
    {
        if (m_process.state() != QProcess::NotRunning) {
            if (m_paused)
                resume();
            m_process.terminate();
            if (!m_process.waitForFinished(15000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Returns an error text, empty once the server answers /health.
    QString start()
    {
        const QString folder = this->folder();
        const QString node = nodeBinary();
        if (!QFile::exists(node) || !QFile::exists(folder + QStringLiteral("/node_modules/unleash-server/package.json")))
            return QStringLiteral("unleash-server and its Node are not installed in %1: run `npm ci --ignore-scripts` "
                                  "there (installer/bootstrap.sh test does)")
                .arg(folder);
        if (const QString error = m_postgres.start(); !error.isEmpty())
            return error;
        const QString database = m_postgres.createDatabase();
        m_databaseUrl = database;
        m_databaseName = QUrl(database).path().mid(1);
        // Another test's server may take the port between its choice and the listen: choose again.
        for (int attempt = 1;; ++attempt) {
            m_port = listenPort();
            const QString error = launch();
            if (attempt == 3 || !error.contains(QLatin1String("EADDRINUSE")))
                return error;
        }
    }

    // For the fault tests: the server's process, frozen (SIGSTOP: it reads and answers nothing,
    // its sockets stay open) and thawed, killed without a word (SIGKILL: whatever it held in
    // flight is lost), and started again on the same database and port.
    qint64 processId() const { return m_process.processId(); }
    void pause()
    {
        ::kill(pid_t(m_process.processId()), SIGSTOP);
        m_paused = true;
    }
    void resume()
    {
        ::kill(pid_t(m_process.processId()), SIGCONT);
        m_paused = false;
    }
    void killHard()
    {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(10000);
        m_paused = false;
    }
    // Returns an error text, empty once the server answers /health again.
    QString restart()
    {
        if (m_process.state() != QProcess::NotRunning)
            killHard();
        return launch();
    }

    QString launch()
    {
        const QString folder = this->folder();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("FLAGDECK_UNLEASH_DATABASE_URL"), m_databaseUrl);
        environment.insert(QStringLiteral("FLAGDECK_UNLEASH_PORT"), QString::number(m_port));
        environment.insert(QStringLiteral("FLAGDECK_UNLEASH_ADMIN_TOKEN"), adminToken());
        environment.insert(QStringLiteral("FLAGDECK_UNLEASH_BACKEND_TOKEN"), backendToken());
        environment.insert(QStringLiteral("FLAGDECK_UNLEASH_FRONTEND_TOKEN"), frontendToken());
        environment.insert(QStringLiteral("SEND_TELEMETRY"), QStringLiteral("false"));
        environment.insert(QStringLiteral("CHECK_VERSION"), QStringLiteral("false"));
        environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        m_process.setProcessEnvironment(environment);
        m_process.setWorkingDirectory(folder);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        TestChildProcess::endWithTest(m_process);
        m_process.start(nodeBinary(), {QStringLiteral("../launch.mjs")});
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("node did not start: ") + m_process.errorString();
        const QDeadlineTimer deadline(StartTimeoutMs);
        while (!deadline.hasExpired()) {
            if (m_process.state() == QProcess::NotRunning)
                return QStringLiteral("unleash-server exited: ") + QString::fromUtf8(m_process.readAll());
            if (get(QStringLiteral("/health"), {}).status == 200)
                return {};
            m_process.waitForReadyRead(200);
        }
        return QStringLiteral("unleash-server did not become healthy: ") + QString::fromUtf8(m_process.readAll());
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    // Runs statements in Unleash's own database, for data the admin API makes too slowly for a
    // benchmark (a thousand flags); returns the first error, empty when all ran.
    // A flag in project/environment, rolled out to everyone (flexibleRollout at 100%) and on there;
    // empty, or why Unleash did not make it.
    QString addRolloutFlag(const QString &project, const QString &environment, const QString &key)
    {
        const QString features = QStringLiteral("/api/admin/projects/%1/features").arg(project);
        if (const int status = post(features, QJsonObject{{QStringLiteral("name"), key}}).status; status != 201)
            return QStringLiteral("Unleash did not create %1 (HTTP %2)").arg(key).arg(status);
        const QString path = QStringLiteral("%1/%2/environments/%3").arg(features, key, environment);
        const QJsonObject strategy{
            {QStringLiteral("name"), QStringLiteral("flexibleRollout")},
            {QStringLiteral("constraints"), QJsonArray{}},
            {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("rollout"), QStringLiteral("100")},
                                                       {QStringLiteral("stickiness"), QStringLiteral("default")},
                                                       {QStringLiteral("groupId"), key}}},
        };
        if (const int status = post(path + QStringLiteral("/strategies"), strategy).status; status != 200)
            return QStringLiteral("Unleash did not add a strategy to %1 (HTTP %2)").arg(key).arg(status);
        if (const int status = post(path + QStringLiteral("/on")).status; status != 200)
            return QStringLiteral("Unleash did not switch %1 on (HTTP %2)").arg(key).arg(status);
        return {};
    }

    QString executeSql(const QStringList &statements) { return m_postgres.execute(m_databaseName, statements); }
    static QString adminToken() { return QStringLiteral("*:*.flagdeck-it-admin-secret"); }
    static QString backendToken() { return QStringLiteral("*:development.flagdeck-it-backend-secret"); }
    static QString frontendToken() { return QStringLiteral("*:development.flagdeck-it-frontend-secret"); }

    struct Response
    {
        int status = 0;
        QByteArray body;
        QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    };

    Response get(const QString &path, const QString &token = adminToken()) { return send("GET", path, {}, token); }
    Response post(const QString &path, const QJsonValue &body = {}) { return send("POST", path, body, adminToken()); }
    Response put(const QString &path, const QJsonValue &body) { return send("PUT", path, body, adminToken()); }
    Response patch(const QString &path, const QJsonValue &body) { return send("PATCH", path, body, adminToken()); }

    // What an application with the backend token sees of a flag in development.
    QJsonObject clientFeature(const QString &key)
    {
        return get(QStringLiteral("/api/client/features/%1").arg(key), backendToken()).object();
    }

    // Forgets the session a sign-in (/auth/simple/login) left: later requests speak with their token
    // alone (Unleash 5 lets a session cookie win over a token).
    void signOut() { m_network.setCookieJar(new QNetworkCookieJar(&m_network)); }

    Response send(const QByteArray &verb, const QString &path, const QJsonValue &body, const QString &token)
    {
        QNetworkRequest request(QUrl(url().toString() + path));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", token.toUtf8());
        QByteArray payload;
        if (!body.isUndefined() && !body.isNull()) {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            payload = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        }
        request.setTransferTimeout(10000);
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb, payload);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Response response{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
        reply->deleteLater();
        return response;
    }

private:
    int m_major = CiMajor;
    PostgresServer m_postgres;
    QString m_databaseName;
    QString m_databaseUrl;
    bool m_paused = false;
    QProcess m_process;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
};
