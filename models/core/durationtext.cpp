#include "durationtext.h"

#include <QCoreApplication>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Duration)
};

} // namespace

QString durationText(qint64 milliseconds)
{
    const qint64 hours = milliseconds / HourMs;
    if (hours >= 48)
        return Text::tr("%n d", nullptr, int(hours / 24));
    if (hours >= 1)
        return Text::tr("%n h", nullptr, int(hours));
    return Text::tr("%n min", nullptr, int(std::max<qint64>(0, milliseconds / MinuteMs)));
}
