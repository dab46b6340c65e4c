#pragma once

#include "testchildprocess.h"
#include "store/connectionsettings.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// A `flagdeck guard` child process on the sandbox, with a state folder of its own, whose log
// lines (logfmt on stderr) the test waits on. Killed when the object goes.
class GuardProcess
{
public:
    // Writes a guard settings file into folder: the connections (the sandbox when none are given)
    // and the team inbox; contracts/ beside it is the contracts folder, tokens/ the credentials.
    static QString writeConfig(const QString &folder, const QString &inboxUrl, QList<ConnectionConfig> connections = {})
    {
        if (connections.isEmpty())
            connections.append(ConnectionSettings::defaultSandbox(QStringLiteral("Sandbox")));
        const QString path = QDir(folder).filePath(QStringLiteral("guard.conf"));
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(QStringLiteral("approvals/inbox"), inboxUrl);
        ConnectionSettings(settings).save(connections);
        QDir(folder).mkpath(QStringLiteral("contracts"));
        QDir(folder).mkpath(QStringLiteral("tokens"));
        return path;
    }

    GuardProcess(const QString &binary, const QString &name) : m_binary(binary), m_name(name)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        TestChildProcess::endWithTest(m_process);
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process, [this] {
            m_buffer += m_process.readAllStandardError();
            qsizetype end;
            while ((end = m_buffer.indexOf('\n')) >= 0) {
                m_lines.append(QString::fromUtf8(m_buffer.left(end)));
                m_buffer.remove(0, end + 1);
            }
        });
    }

    ~GuardProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Starts from this sandbox database (a copy), so that several guards see one server's flags
    // at the same revisions, as guards on a shared server do.
    bool useSandbox(const QString &databaseFile)
    {
        const QString path = m_state.filePath(QStringLiteral("data/FlagDeck/FlagDeck/sandbox/sandbox.sqlite"));
        return QDir().mkpath(QFileInfo(path).absolutePath()) && QFile::copy(databaseFile, path);
    }

    void start(const QString &config, const QStringList &regressions, const QStringList &options = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("JOURNAL_STREAM"));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_state.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_state.filePath(QStringLiteral("config")));
        m_process.setProcessEnvironment(environment);
        const QDir folder = QFileInfo(config).dir();
        QStringList arguments{QStringLiteral("guard"), QStringLiteral("--config"), config, QStringLiteral("--name"), m_name,
                              QStringLiteral("--contracts"), folder.filePath(QStringLiteral("contracts")),
                              QStringLiteral("--credentials"), folder.filePath(QStringLiteral("tokens"))};
        arguments += options;
        for (const QString &regression : regressions)
            arguments << QStringLiteral("--sandbox-regression") << regression;
        m_started.start();
        m_process.start(m_binary, arguments);
        m_process.waitForStarted(10000);
    }

    // Waits for the first line of this event (about this flag@environment, when given) from index
    // 0 on; returns it, or an empty string after timeoutMs.
    QString waitFor(const QString &event, const QString &flag = {}, int timeoutMs = 30000) const
    {
        QString found;
        [[maybe_unused]] const bool ended = QTest::qWaitFor([&] {
            found = firstLine(event, flag);
            return !found.isEmpty() || m_process.state() == QProcess::NotRunning;
        }, timeoutMs);
        return found;
    }

    // The first line that holds text, once it comes, or an empty string after timeoutMs.
    QString waitForText(const QString &text, int timeoutMs = 30000) const
    {
        const auto found = [&] {
            const auto line = std::find_if(m_lines.cbegin(), m_lines.cend(), [&](const QString &each) { return each.contains(text); });
            return line == m_lines.cend() ? QString() : *line;
        };
        [[maybe_unused]] const bool ended = QTest::qWaitFor([&] {
            return !found().isEmpty() || m_process.state() == QProcess::NotRunning;
        }, timeoutMs);
        return found();
    }

    QString firstLine(const QString &event, const QString &flag = {}) const
    {
        const QList<QString> matching = lines(event, flag);
        return matching.isEmpty() ? QString() : matching.constFirst();
    }

    QList<QString> lines(const QString &event, const QString &flag = {}) const
    {
        QList<QString> matching;
        const QString eventField = QStringLiteral(" event=") + event + QLatin1Char(' ');
        const QString flagField = QStringLiteral(" flag=") + flag + QLatin1Char(' ');
        for (const QString &line : m_lines) {
            if (line.contains(eventField) && (flag.isEmpty() || line.contains(flagField)))
                matching.append(line);
        }
        return matching;
    }

    QString log() const { return m_lines.join(QLatin1Char('\n')); }
    qint64 msSinceStart() const { return m_started.elapsed(); }
    QString auditPath() const { return m_state.filePath(QStringLiteral("data/FlagDeck/FlagDeck/audit.sqlite")); }
    QProcess &process() { return m_process; }

    // SIGKILL: no goodbye, as when a machine dies.
    void killHard()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

private:
    QString m_binary;
    QString m_name;
    QTemporaryDir m_state;
    QProcess m_process;
    QByteArray m_buffer;
    QList<QString> m_lines;
    QElapsedTimer m_started;
};
