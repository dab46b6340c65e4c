#pragma once

#include "contract.h"

#include <QMap>
#include <QString>
#include <QStringList>

// Everything a person sets under Edit → Preferences, as one value (PreferenceSettings keeps it in
// the settings).
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

    // The languages FlagDeck has a catalogue for, as locale names ("de", "zh_CN"), English first.
    static QStringList availableLanguages();
    // The language's name in that language, as a person looking for it would recognise it.
    static QString nativeLanguageName(const QString &language);

    bool operator==(const Preferences &other) const = default;
};

QString themeName(Preferences::Theme theme);
