#pragma once

#include "control/consolecontroller.h"
#include "store/connectionsettings.h"
#include "store/secretstore.h"
#include "testaudit.h"

#include <QDir>
#include <QSettings>
#include <QTest>
#include <QUrl>

#include <memory>

// A console's one connection, saved as the add-server dialog saves it: the token in the secret
// store under the connection's secretRef, the rest in the settings, on disk before a console reads them.
inline void saveConnection(QSettings &settings, SecretStore &secrets, const ConnectionConfig &config, const QString &token)
{
    secrets.writeSecret(config.secretRef, token, [](const QString &) {});
    ConnectionSettings(settings).save({config});
    settings.sync();
}

// A console as flagdeck runs one, without its window, over the connections in settings; its audit
// cache and inbox are <name>.sqlite and <name>-inbox.sqlite in folder, and the sandbox's built-in
// agent is off (it would propose on its own). Started, not yet connected.
inline std::unique_ptr<ConsoleController> startConsole(QSettings &settings, SecretStore *secrets, const QDir &folder,
                                                       const QString &name)
{
    auto console = std::make_unique<ConsoleController>(
        settings, TestAudit::openWriter(folder.filePath(name + QStringLiteral(".sqlite"))), secrets);
    console->setInboxLocation(folder.filePath(name + QStringLiteral("-inbox.sqlite")));
    console->setSandboxAgentEnabled(false);
    console->start(false);
    return console;
}

// The same console once it has loaded and its connection connectionId is connected; null, the
// test failed, when that does not happen in 20 s.
inline std::unique_ptr<ConsoleController> startConnectedConsole(QSettings &settings, SecretStore *secrets, const QDir &folder,
                                                                const QString &name, const QString &connectionId)
{
    std::unique_ptr<ConsoleController> console = startConsole(settings, secrets, folder, name);
    if (!QTest::qWaitFor([&] { return console->initialLoadDone(); }, 20000)
        || console->connectionState(connectionId) != ConnectionState::Connected) {
        QTest::qFail(qPrintable(QStringLiteral("the console did not connect to %1").arg(connectionId)), __FILE__, __LINE__);
        return nullptr;
    }
    return console;
}

// The connection to a test Unleash at url, named after name (unleash-<name>); its token goes
// under connection/<id>/token.
inline ConnectionConfig unleashConnection(const QUrl &url, const QString &name)
{
    ConnectionConfig config;
    config.id = QStringLiteral("unleash-") + name;
    config.kind = ConnectionConfig::Kind::Unleash;
    config.displayName = QStringLiteral("Unleash (%1)").arg(name);
    config.url = url;
    config.secretRef = QStringLiteral("connection/%1/token").arg(config.id);
    return config;
}
