#include "approvalsettings.h"

#include "proposalinbox.h"

#include <QSettings>

namespace {

QString approvalsKey(Contract::Risk risk)
{
    return QStringLiteral("approvals/required/") + riskName(risk);
}

} // namespace

ApprovalSettings::ApprovalSettings(QSettings &settings) : m_settings(settings) {}

QString ApprovalSettings::inboxLocation() const
{
    const QString location = m_settings.value(QStringLiteral("approvals/inbox")).toString();
    return location.isEmpty() ? ProposalInbox::defaultPath() : location;
}

void ApprovalSettings::setInboxLocation(const QString &location)
{
    m_settings.setValue(QStringLiteral("approvals/inbox"), ProposalInbox::displayLocation(location));
}

int ApprovalSettings::defaultApprovals(Contract::Risk risk)
{
    return risk == Contract::Risk::Critical ? 2 : 1;
}

int ApprovalSettings::approvalsRequired(Contract::Risk risk) const
{
    return std::max(1, m_settings.value(approvalsKey(risk), defaultApprovals(risk)).toInt());
}

void ApprovalSettings::setApprovalsRequired(Contract::Risk risk, int reviewers)
{
    m_settings.setValue(approvalsKey(risk), std::max(1, reviewers));
}
