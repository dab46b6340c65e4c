#include "preferences.h"

#include "approvalsettings.h"
#include "../core/enumnames.h"

#include <QSettings>

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

constexpr Contract::Risk AllRisks[] = {Contract::Risk::Low, Contract::Risk::Medium, Contract::Risk::High,
                                       Contract::Risk::Critical};

} // namespace

QString themeName(Preferences::Theme theme)
{
    switch (theme) {
    case Preferences::Theme::System:
        return QStringLiteral("system");
    case Preferences::Theme::Light:
        return QStringLiteral("light");
    case Preferences::Theme::Dark:
        return QStringLiteral("dark");
    }
    return {};
}

Preferences Preferences::load(QSettings &settings)
{
    Preferences preferences;
    const QString language = settings.value(key(PreferenceKeys::Language)).toString();
    preferences.language = availableLanguages().contains(language) ? language : QString();
    preferences.theme = enumFromName(settings.value(key(PreferenceKeys::Theme)).toString(),
                                     {Theme::System, Theme::Light, Theme::Dark}, themeName)
                            .value_or(Theme::System);
    preferences.notifyRegressions = settings.value(key(PreferenceKeys::NotifyRegressions), true).toBool();
    preferences.notifyProposals = settings.value(key(PreferenceKeys::NotifyProposals), true).toBool();
    preferences.pollSeconds = std::clamp(settings.value(key(PreferenceKeys::PollSeconds), DefaultPollSeconds).toInt(),
                                         MinPollSeconds, MaxPollSeconds);
    preferences.contractsFolder = settings.value(key(PreferenceKeys::ContractsFolder)).toString();
    preferences.sandboxAgent = settings.value(key(PreferenceKeys::SandboxAgent), true).toBool();
    const ApprovalSettings approvals(settings);
    preferences.inboxLocation = approvals.inboxLocation();
    for (const Contract::Risk risk : AllRisks)
        preferences.approvalsRequired.insert(risk, approvals.approvalsRequired(risk));
    return preferences;
}

void Preferences::save(QSettings &settings) const
{
    settings.setValue(key(PreferenceKeys::Language), language);
    settings.setValue(key(PreferenceKeys::Theme), themeName(theme));
    settings.setValue(key(PreferenceKeys::NotifyRegressions), notifyRegressions);
    settings.setValue(key(PreferenceKeys::NotifyProposals), notifyProposals);
    settings.setValue(key(PreferenceKeys::PollSeconds), std::clamp(pollSeconds, MinPollSeconds, MaxPollSeconds));
    settings.setValue(key(PreferenceKeys::ContractsFolder), contractsFolder);
    settings.setValue(key(PreferenceKeys::SandboxAgent), sandboxAgent);
    ApprovalSettings approvals(settings);
    if (!inboxLocation.trimmed().isEmpty())
        approvals.setInboxLocation(inboxLocation.trimmed());
    for (auto it = approvalsRequired.constBegin(); it != approvalsRequired.constEnd(); ++it)
        approvals.setApprovalsRequired(it.key(), std::min(it.value(), MaxApprovals));
}

QStringList Preferences::availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString Preferences::nativeLanguageName(const QString &language)
{
    // Each in its own language and never translated: the name a person looks for in the list.
    if (language == QStringLiteral("de"))
        return QStringLiteral("Deutsch");
    if (language == QStringLiteral("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}
