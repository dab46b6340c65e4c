#pragma once

#include "../core/preferences.h"

class QSettings;

// Keeps the person's preferences in the settings, in one piece. The keys are the ones the rest of
// the console reads (contracts/folder, approvals/…, connections/pollSeconds), so saving here is
// what changes the console's behaviour.
class PreferenceSettings
{
public:
    explicit PreferenceSettings(QSettings &settings) : m_settings(settings) {}

    Preferences load() const;
    void save(const Preferences &preferences);

private:
    QSettings &m_settings;
};

// The settings key each value is kept under, for the code that reads one directly.
namespace PreferenceKeys {
inline constexpr char Language[] = "ui/language";
inline constexpr char Theme[] = "ui/theme";
inline constexpr char NotifyRegressions[] = "notifications/regressions";
inline constexpr char NotifyProposals[] = "notifications/proposals";
inline constexpr char PollSeconds[] = "connections/pollSeconds";
inline constexpr char ContractsFolder[] = "contracts/folder";
inline constexpr char SandboxAgent[] = "approvals/sandboxAgent";
} // namespace PreferenceKeys
