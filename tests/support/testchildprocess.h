#pragma once

#include <QProcess>

#include <optional>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

// The one place where a test ties the servers and tools it starts (PostgreSQL, Prometheus, Unleash,
// Node programs, D-Bus, a keyring) to its own life: each child gets SIGKILL from the kernel when the
// test ends, however it ends (an assertion, abort(), SIGKILL, ctest's timeout), through
// PR_SET_PDEATHSIG. What that needs from the caller:
// - the child must stay in the foreground: a program that forks and exits (pg_ctl, a daemon)
//   leaves a grandchild the signal never reaches, so run the server itself (postgres, not pg_ctl);
// - the signal fires when the *thread* that started the child ends, so start children from a
//   thread that lives as long as the test (the main thread, as every test here does);
// - a change of user clears the setting, so a child that must run as another user (postgres as
//   root) changes user here, before the setting is made, instead of through runuser or su.
namespace TestChildProcess {

struct Account
{
    uid_t uid = 0;
    gid_t gid = 0;
};

// The account of this user name, looked up here (getpwnam may not run between fork and exec).
inline std::optional<Account> account(const char *name)
{
    const passwd *entry = ::getpwnam(name);
    if (!entry)
        return std::nullopt;
    return Account{entry->pw_uid, entry->pw_gid};
}

// Runs in the child between fork and exec: only async-signal-safe calls.
inline void tieToParent(pid_t parent, std::optional<Account> as)
{
    const auto fail = [](const char *what) {
        const char prefix[] = "test child set-up failed: ";
        [[maybe_unused]] ssize_t written = ::write(STDERR_FILENO, prefix, sizeof prefix - 1);
        written = ::write(STDERR_FILENO, what, __builtin_strlen(what));
        written = ::write(STDERR_FILENO, "\n", 1);
        ::_exit(127);
    };
    if (as) {
        if (::setgroups(0, nullptr) != 0)
            fail("setgroups");
        if (::setgid(as->gid) != 0)
            fail("setgid");
        if (::setuid(as->uid) != 0)
            fail("setuid");
    }
    if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
        fail("prctl(PR_SET_PDEATHSIG)");
    // The test may have died between fork and prctl: then no signal would ever come.
    if (::getppid() != parent)
        ::_exit(127);
}

// process ends when this test process ends. Call before start().
inline void endWithTest(QProcess &process)
{
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([parent] { tieToParent(parent, std::nullopt); });
}

// The same, run as another account (the test runs as root, the server refuses to).
inline void endWithTestAs(QProcess &process, Account as)
{
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([parent, as] { tieToParent(parent, as); });
}

} // namespace TestChildProcess
