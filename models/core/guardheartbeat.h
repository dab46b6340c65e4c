#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// What a running `flagdeck guard` says about itself in the team inbox, every second or so.
struct GuardHeartbeat
{
    // A guard not heard of for this long is taken for gone (it beats every second).
    static constexpr qint64 AliveForMs = 10000;

    QString guardId; // e.g. guard@host
    QString host;
    bool leading = false;
    qint64 startedMs = 0;
    qint64 ageMs = 0; // since it was last heard of, by the database's clock

    bool isAlive() const { return ageMs < AliveForMs; }

    friend bool operator==(const GuardHeartbeat &, const GuardHeartbeat &) = default;
};

Q_DECLARE_METATYPE(GuardHeartbeat)

// The guard that acts now, if one is alive and leading.
const GuardHeartbeat *leadingGuard(const QList<GuardHeartbeat> &guards);
// For the status bar and each flag whose contract sets auto_kill: "Guarded by guard@host, last
// seen 4 s ago", or that auto_kill runs only while a console is open.
QString guardPresenceText(const QList<GuardHeartbeat> &guards);
