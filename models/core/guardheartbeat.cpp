#include "guardheartbeat.h"

#include <QCoreApplication>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(GuardHeartbeat)
};

} // namespace

const GuardHeartbeat *leadingGuard(const QList<GuardHeartbeat> &guards)
{
    for (const GuardHeartbeat &guard : guards) {
        if (guard.leading && guard.isAlive())
            return &guard;
    }
    return nullptr;
}

QString guardPresenceText(const QList<GuardHeartbeat> &guards)
{
    if (const GuardHeartbeat *leader = leadingGuard(guards))
        return Text::tr("Guarded by %1, last seen %n s ago", nullptr, int(leader->ageMs / 1000)).arg(leader->guardId);
    return Text::tr("auto_kill runs only while a console is open");
}
