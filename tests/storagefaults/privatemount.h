#pragma once

#include <QDir>
#include <QFile>
#include <QString>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

// Small file systems a test makes for itself, in a mount namespace of its own: whatever it mounts
// vanishes with the process, even when it crashes, and nobody else sees it. Mounting needs root
// (CI runs as root); anyone else gets a user namespace of their own in which they are root, where
// the kernel allows it (what `unshare -Urm` does).
namespace PrivateMount {

inline bool writeFile(const char *path, const QByteArray &text)
{
    const int fd = ::open(path, O_WRONLY);
    if (fd < 0)
        return false;
    const bool written = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return written;
}

// Call first thing in main(), before Qt starts a thread (unshare refuses a process with threads).
// Returns why mounts cannot be made, empty when they can.
inline QString enter()
{
    if (::geteuid() == 0) {
        if (::unshare(CLONE_NEWNS) != 0)
            return QStringLiteral("running as root, but unshare(CLONE_NEWNS) failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    } else {
        const uid_t uid = ::getuid();
        const gid_t gid = ::getgid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return QStringLiteral("this test mounts a small tmpfs to fill it, which needs root (as in CI) or an unprivileged "
                                  "user namespace (unshare -Urm); not root, and unshare(CLONE_NEWUSER) failed: %1 (see "
                                  "kernel.unprivileged_userns_clone / user.max_user_namespaces)")
                .arg(QString::fromLocal8Bit(std::strerror(errno)));
        if (!writeFile("/proc/self/setgroups", "deny") || !writeFile("/proc/self/uid_map", QByteArray("0 ") + QByteArray::number(uid) + " 1")
            || !writeFile("/proc/self/gid_map", QByteArray("0 ") + QByteArray::number(gid) + " 1"))
            return QStringLiteral("not root, and the user namespace's id maps could not be written: %1")
                .arg(QString::fromLocal8Bit(std::strerror(errno)));
    }
    // Nothing mounted here propagates back to the system's namespace.
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return QStringLiteral("cannot make the mount namespace private: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

// A tmpfs of sizeBytes on folder; returns an error text, empty when mounted.
inline QString mountTmpfs(const QString &folder, qint64 sizeBytes)
{
    const QByteArray options = "size=" + QByteArray::number(sizeBytes) + ",mode=0700";
    if (::mount("flagdeck-test", QFile::encodeName(folder).constData(), "tmpfs", MS_NOSUID | MS_NODEV, options.constData()) != 0)
        return QStringLiteral("cannot mount a tmpfs on %1: %2").arg(folder, QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

} // namespace PrivateMount
