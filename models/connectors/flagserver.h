#pragma once

#include "../core/connectionconfig.h"
#include "../core/connectionstate.h"
#include "../core/exposurehour.h"
#include "../core/flag.h"
#include "../core/flagusage.h"
#include "../core/result.h"
#include "../core/rollout.h"
#include "../core/tokenidentity.h"
#include "serverreply.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>

// One flag server, asynchronous. Backends emit flag snapshots and live changes; mutations return
// a ServerReply whose flag() is the server's confirmation. Backends never write to FlagDeck's
// stores: the controller moves data between connectors, stores and models.
class FlagServer : public QObject
{
    Q_OBJECT

public:
    enum class Capability {
        Environments = 0x01,
        LiveUpdates = 0x02,
        Kill = 0x04,
        Restore = 0x08,
        SetRollout = 0x10,
        AuditHistory = 0x20,
        ExposureCounts = 0x40, // fetchExposures: what applications reported they served
        Archive = 0x80,        // archiveFlag
    };
    Q_DECLARE_FLAGS(Capabilities, Capability)

    explicit FlagServer(ConnectionConfig config, QObject *parent = nullptr);

    const ConnectionConfig &config() const { return m_config; }
    QString connectionId() const { return m_config.id; }
    QString displayName() const { return m_config.displayName; }

    virtual Capabilities capabilities() const = 0;
    // Why an action cannot work with this server and its credentials in an environment (any
    // environment when empty): a server too old, a token without the permission. Empty when it
    // can, or when nothing says it cannot.
    virtual QString capabilityProblem(Capability capability, const QString &environment = {}) const;

    ConnectionState state() const { return m_state; }
    QString stateDetail() const { return m_stateDetail; }
    // Once every environment's flags arrived after connectToServer(), or the connection failed first.
    bool isLoaded() const { return m_loaded; }
    virtual void connectToServer() = 0;
    virtual void disconnectFromServer() = 0;

    // Known once connected.
    virtual QStringList environments() const = 0;
    // Why live changes are not arriving although the server answers (empty while they are):
    // kills and changes still work then, but what is shown may be out of date.
    virtual QString liveUpdatesProblem() const { return {}; }

    virtual ServerReply *setEnabled(const QString &environment, const QString &flagKey, bool enabled,
                                    const QString &comment) = 0;
    // Refused with a Conflict when the flag's revision is no longer expectedRevision.
    virtual ServerReply *setRollout(const QString &environment, const QString &flagKey, const Rollout &rollout,
                                    const QString &expectedRevision, const QString &comment) = 0;
    // What the server's metrics say of the flag's use by applications; absent when it reports none.
    virtual std::optional<FlagUsage> usage(const QString &environment, const QString &flagKey) const;
    // Retires the flag on the server (its code is gone): applications stop getting it, and it
    // leaves the environment's flags. The reply carries the flag as it was. Only with Capability::Archive.
    virtual ServerReply *archiveFlag(const QString &environment, const QString &flagKey, const QString &comment);
    // The environments an archive of the flag in environment takes it out of: that one alone, or
    // more where the server archives a flag as a whole.
    virtual QStringList archiveReach(const QString &environment, const QString &flagKey) const;
    // History after the cursor (empty: from the start), oldest first.
    virtual ServerReply *fetchAuditSince(const QString &cursor) = 0;
    // The hours of one flag's exposure counts that the server holds and that have ended, oldest
    // first; done is called once. Only with Capability::ExposureCounts.
    virtual void fetchExposures(const QString &environment, const QString &flagKey,
                                std::function<void(Result<QList<ExposureHour>>)> done);
    // Whose token this connection acts with, as far as the server says it (known once connected).
    virtual TokenIdentity tokenIdentity() const;

    // How often a backend that polls for changes asks; the others have nothing to set.
    virtual void setPollInterval(int milliseconds);

Q_SIGNALS:
    void stateChanged(ConnectionState state, const QString &detail);
    void environmentsChanged(const QStringList &environments);
    // The whole set of flags of one environment, replacing what was known.
    void flagsReplaced(const QString &environment, const QList<Flag> &flags);
    // One flag changed on the server (by anyone).
    void flagChanged(const QString &environment, const Flag &flag);
    // Said once: every environment's flags arrived, or the connection failed before that (state()
    // and stateDetail() tell which). What everyone who connects a server and waits listens to.
    void loaded();

protected:
    void setState(ConnectionState state, const QString &detail = {});

private:
    void checkLoaded();

    ConnectionConfig m_config;
    QSet<QString> m_loadedEnvironments;
    bool m_loaded = false;
    ConnectionState m_state = ConnectionState::Disconnected;
    QString m_stateDetail;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(FlagServer::Capabilities)
