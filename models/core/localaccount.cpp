#include "localaccount.h"

#include <cerrno>
#include <pwd.h>
#include <unistd.h>

#include <vector>

LocalAccount LocalAccount::current()
{
    LocalAccount account;
    const uid_t uid = ::geteuid();
    long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    if (size <= 0)
        size = 16384;
    std::vector<char> buffer(std::size_t(size), '\0');
    passwd entry{};
    passwd *found = nullptr;
    while (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == ERANGE && buffer.size() < (1u << 20))
        buffer.resize(buffer.size() * 2);
    if (!found || !found->pw_name || !*found->pw_name) {
        account.name = QStringLiteral("uid %1").arg(uid);
        return account;
    }
    account.known = true;
    account.name = QString::fromLocal8Bit(found->pw_name);
    if (found->pw_gecos) {
        // GECOS: "Full Name,room,work phone,home phone,other".
        account.displayName = QString::fromLocal8Bit(found->pw_gecos).section(QLatin1Char(','), 0, 0).trimmed();
        if (account.displayName == account.name)
            account.displayName.clear();
    }
    return account;
}

QString LocalAccount::text() const
{
    return displayName.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, displayName);
}
