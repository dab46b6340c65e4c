#pragma once

#include "listenport.h"
#include "testchildprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSysInfo>
#include <QTest>

// The instrumented Node service of tests/otelservice (OpenFeature with OpenTelemetry's MetricsHook
// and Prometheus exporter) on 127.0.0.1, on the Node npm installed beside it, stopped when the
// object goes.
class InstrumentedService
{
public:
    ~InstrumentedService()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.closeWriteChannel();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    static QString folder() { return QStringLiteral(FLAGDECK_SOURCE_DIR "/tests/otelservice"); }

    // plan: as service.mjs reads it. Returns an error text, empty when it serves its metrics.
    QString start(const QJsonObject &plan)
    {
        const QString arch = QSysInfo::currentCpuArchitecture() == QLatin1String("arm64") ? QStringLiteral("arm64")
                                                                                          : QStringLiteral("x64");
        const QString node = folder() + QStringLiteral("/node_modules/node-linux-%1/bin/node").arg(arch);
        if (!QFile::exists(node) || !QFile::exists(folder() + QStringLiteral("/node_modules/@openfeature/open-telemetry-hooks/package.json")))
            return QStringLiteral("the instrumented service is not installed in tests/otelservice: run `npm ci` there "
                                  "(installer/bootstrap.sh test does)");
        m_port = listenPort();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("OTEL_SERVICE_PORT"), QString::number(m_port));
        environment.insert(QStringLiteral("OTEL_SERVICE_PLAN"), QString::fromUtf8(QJsonDocument(plan).toJson(QJsonDocument::Compact)));
        m_process.setProcessEnvironment(environment);
        m_process.setWorkingDirectory(folder());
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        TestChildProcess::endWithTest(m_process);
        m_process.start(node, {QStringLiteral("service.mjs")});
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("node did not start: ") + m_process.errorString();
        if (!QTest::qWaitFor([this] { return m_process.canReadLine() || m_process.state() == QProcess::NotRunning; }, 30000))
            return QStringLiteral("the service said nothing in 30 s");
        const QJsonObject line = QJsonDocument::fromJson(m_process.readLine()).object();
        if (line.value(QStringLiteral("event")).toString() != QLatin1String("ready"))
            return QStringLiteral("the service did not start: ") + QString::fromUtf8(QJsonDocument(line).toJson());
        return {};
    }

    QString target() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

    // What the exporter serves now, as Prometheus scrapes it.
    QByteArray scrape() const
    {
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(QUrl(QStringLiteral("http://%1/metrics").arg(target()))));
        const QByteArray text = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000) ? reply->readAll() : QByteArray();
        delete reply;
        return text;
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
};
