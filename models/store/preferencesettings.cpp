#include "preferencesettings.h"

#include "approvalsettings.h"
#include "../core/enumnames.h"

#include <QSettings>

#include <algorithm>

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

constexpr Contract::Risk AllRisks[] = {Contract::Risk::Low, Contract::Risk::Medium, Contract::Risk::High,
                                       Contract::Risk::Critical};

} // namespace

Preferences PreferenceSettings::load() const
{
    Preferences preferences;
    const QString language = m_settings.value(key(PreferenceKeys::Language)).toString();
    preferences.language = Preferences::availableLanguages().contains(language) ? language : QString();
    using Theme = Preferences::Theme;
    preferences.theme = enumFromName(m_settings.value(key(PreferenceKeys::Theme)).toString(),
                                     {Theme::System, Theme::Light, Theme::Dark}, themeName)
                            .value_or(Theme::System);
    preferences.notifyRegressions = m_settings.value(key(PreferenceKeys::NotifyRegressions), true).toBool();
    preferences.notifyProposals = m_settings.value(key(PreferenceKeys::NotifyProposals), true).toBool();
    const int pollSeconds = m_settings.value(key(PreferenceKeys::PollSeconds), Preferences::DefaultPollSeconds).toInt();
    preferences.pollSeconds = std::clamp(pollSeconds, Preferences::MinPollSeconds, Preferences::MaxPollSeconds);
    preferences.contractsFolder = m_settings.value(key(PreferenceKeys::ContractsFolder)).toString();
    preferences.sandboxAgent = m_settings.value(key(PreferenceKeys::SandboxAgent), true).toBool();
    const ApprovalSettings approvals(m_settings);
    preferences.inboxLocation = approvals.inboxLocation();
    for (const Contract::Risk risk : AllRisks)
        preferences.approvalsRequired.insert(risk, approvals.approvalsRequired(risk));
    return preferences;
}

void PreferenceSettings::save(const Preferences &preferences)
{
    m_settings.setValue(key(PreferenceKeys::Language), preferences.language);
    m_settings.setValue(key(PreferenceKeys::Theme), themeName(preferences.theme));
    m_settings.setValue(key(PreferenceKeys::NotifyRegressions), preferences.notifyRegressions);
    m_settings.setValue(key(PreferenceKeys::NotifyProposals), preferences.notifyProposals);
    m_settings.setValue(key(PreferenceKeys::PollSeconds),
                        std::clamp(preferences.pollSeconds, Preferences::MinPollSeconds, Preferences::MaxPollSeconds));
    m_settings.setValue(key(PreferenceKeys::ContractsFolder), preferences.contractsFolder);
    m_settings.setValue(key(PreferenceKeys::SandboxAgent), preferences.sandboxAgent);
    ApprovalSettings approvals(m_settings);
    if (!preferences.inboxLocation.trimmed().isEmpty())
        approvals.setInboxLocation(preferences.inboxLocation.trimmed());
    for (auto it = preferences.approvalsRequired.constBegin(); it != preferences.approvalsRequired.constEnd(); ++it)
        approvals.setApprovalsRequired(it.key(), std::min(it.value(), Preferences::MaxApprovals));
}
