#pragma once

#include "../core/contract.h"

#include <QString>

class QSettings;

// Where the proposal inbox is and how many reviewers a proposal needs at each risk, in the
// settings (group "approvals"). A contract's own approvals for a flag come on top of these.
class ApprovalSettings
{
public:
    explicit ApprovalSettings(QSettings &settings);

    // A SQLite file path or a postgresql:// URL without a password (libpq reads ~/.pgpass).
    QString inboxLocation() const;
    void setInboxLocation(const QString &location);

    // At least 1: an agent's proposal never runs without a person.
    int approvalsRequired(Contract::Risk risk) const;
    void setApprovalsRequired(Contract::Risk risk, int reviewers);
    static int defaultApprovals(Contract::Risk risk);

private:
    QSettings &m_settings;
};
