#pragma once

#include <QString>
#include <QStringList>

// The tokens the keychain tests hand to FlagDeck: values no program writes by chance, so that
// finding one anywhere a test wrote (settings, logs, caches, error texts, crash output) is a leak.
namespace KeychainTokens {

inline const QString Store = QStringLiteral("fdtok-store-Zq7Wm2Kx9Lp4Vb8N");
inline const QString Console = QStringLiteral("fdtok-console-Hr5Tj3Yc6Qw1Ds0E");
inline const QString Dialog = QStringLiteral("fdtok-dialog-Ug4Nk8Pz2Xe7Ma5R");
inline const QString Leak = QStringLiteral("fdtok-leak-Bv9Cs6Ly3Fo1Wi8J");

inline QStringList all()
{
    return {Store, Console, Dialog, Leak};
}

} // namespace KeychainTokens
