#pragma once

#include "listenport.h"
#include "testchildprocess.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// A real Prometheus (Debian's package) on 127.0.0.1, loaded with known data through promtool's
// OpenMetrics backfill before it starts, and stopped when the object goes (or the test ends).
class PrometheusServer
{
public:
    ~PrometheusServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000))
                m_process.kill();
        }
    }

    // openMetrics: the exposition text, ending with "# EOF". Returns an error text, empty when up.
    QString start(const QByteArray &openMetrics)
    {
        const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (prometheus.isEmpty() || promtool.isEmpty())
            return QStringLiteral("prometheus and promtool are not installed (Debian package prometheus; the test "
                                  "set-up installs it)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        const QString input = m_dir.filePath(QStringLiteral("data.om"));
        const QString data = m_dir.filePath(QStringLiteral("tsdb"));
        const QString config = m_dir.filePath(QStringLiteral("prometheus.yml"));
        if (!write(input, openMetrics) || !write(config, "global:\n  scrape_interval: 15s\n"))
            return QStringLiteral("cannot write the test data");

        QProcess backfill;
        backfill.setProcessChannelMode(QProcess::MergedChannels);
        TestChildProcess::endWithTest(backfill);
        backfill.start(promtool, {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                                  QStringLiteral("openmetrics"), input, data});
        if (!backfill.waitForFinished(60000) || backfill.exitCode() != 0)
            return QStringLiteral("promtool failed: ") + QString::fromUtf8(backfill.readAll());

        return launch(prometheus, config, data);
    }

private:
    QString launch(const QString &prometheus, const QString &config, const QString &data)
    {
        m_port = listenPort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        TestChildProcess::endWithTest(m_process);
        m_process.start(prometheus, {QStringLiteral("--config.file=") + config,
                                     QStringLiteral("--storage.tsdb.path=") + data,
                                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
                                     QStringLiteral("--storage.tsdb.retention.time=3650d")});
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("prometheus did not start: ") + m_process.errorString();
        QNetworkAccessManager network;
        for (int attempt = 0; attempt < 150; ++attempt) {
            QNetworkReply *reply = network.get(QNetworkRequest(url().resolved(QUrl(QStringLiteral("/-/ready")))));
            if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
                return QStringLiteral("prometheus did not answer /-/ready");
            const bool ready = reply->error() == QNetworkReply::NoError;
            reply->deleteLater();
            if (ready)
                return {};
            if (m_process.state() == QProcess::NotRunning)
                return QStringLiteral("prometheus stopped: ") + QString::fromUtf8(m_process.readAll());
            QTest::qWait(100);
        }
        return QStringLiteral("prometheus did not become ready: ") + QString::fromUtf8(m_process.readAll());
    }

public:

    // No history: scrapes the targets (host:port on 127.0.0.1) every scrapeInterval ("500ms").
    QString startScraping(const QStringList &targets, const QString &scrapeInterval)
    {
        const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        if (prometheus.isEmpty())
            return QStringLiteral("prometheus is not installed (Debian package prometheus; the test set-up installs it)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        const QString config = m_dir.filePath(QStringLiteral("prometheus.yml"));
        QByteArray yaml = "global:\n  scrape_interval: " + scrapeInterval.toUtf8() + "\n  scrape_timeout: "
                          + scrapeInterval.toUtf8() + "\nscrape_configs:\n  - job_name: service\n    static_configs:\n"
                          + "      - targets: [" + targets.join(QLatin1Char(',')).toUtf8() + "]\n";
        if (!write(config, yaml))
            return QStringLiteral("cannot write the configuration");
        return launch(prometheus, config, m_dir.filePath(QStringLiteral("tsdb")));
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port)); }

private:
    static bool write(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};
