#pragma once

#include <QString>

// The operating system's account this process runs as: who acts, on one machine, in the audit
// cache and in a SQLite inbox. Read from the password database for the effective user id, never
// from an environment variable (USER, LOGNAME and USERNAME are whatever the caller set).
struct LocalAccount
{
    QString name;        // the login name, e.g. "alice"; the actor
    QString displayName; // the account's full name (the GECOS field's first part); may be empty
    bool known = false;  // false: the uid has no entry; name is then "uid <n>"

    static LocalAccount current();

    // "alice (Alice Liddell)", or "alice" when there is no other name: the name a person knows
    // beside the account's name, never instead of it.
    QString text() const;
};
