#pragma once

#include "../core/contract.h"

#include <QMap>
#include <QString>
#include <QStringList>

class QSettings;

// Everything a person sets under Edit → Preferences, read from and written to the settings in one
// piece. The keys are the ones the rest of the console reads (contracts/folder, approvals/…,
// connections/pollSeconds), so saving here is what changes the console's behaviour.
class Preferences
{
public:
    enum class Theme { System, Light, Dark };

    // Empty follows the system's locale; otherwise one of availableLanguages().
    QString language;
    Theme theme = Theme::System;
    bool notifyRegressions = true;
    bool notifyProposals = true;
    int pollSeconds = DefaultPollSeconds;
    QString contractsFolder;
    // A SQLite file path or a postgresql:// URL (see ApprovalSettings).
    QString inboxLocation;
    bool sandboxAgent = true;
    QMap<Contract::Risk, int> approvalsRequired;

    static constexpr int DefaultPollSeconds = 5;
    static constexpr int MinPollSeconds = 1;
    static constexpr int MaxPollSeconds = 300;
    static constexpr int MaxApprovals = 5;

    static Preferences load(QSettings &settings);
    void save(QSettings &settings) const;

    // The languages FlagDeck has a catalogue for, as locale names ("de", "zh_CN"), English first.
    static QStringList availableLanguages();
    // The language's name in that language, as a person looking for it would recognise it.
    static QString nativeLanguageName(const QString &language);

    bool operator==(const Preferences &other) const = default;
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

QString themeName(Preferences::Theme theme);
