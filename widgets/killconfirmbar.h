#pragma once

#include "core/flagref.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QShortcut;
class QTimer;

// The second half of the kill gesture. A click or K only arms it; Enter (or its button) confirms,
// Esc or a few idle seconds disarm it. One deliberate key after the click: quick in an incident,
// and a stray click alone changes nothing.
class KillConfirmBar : public QFrame
{
    Q_OBJECT

public:
    static constexpr int ArmedTimeoutMs = 8000;

    explicit KillConfirmBar(QWidget *parent = nullptr);

    // restore: the armed action turns flags on instead of off.
    void arm(const QList<FlagRef> &flags, bool restore, const QString &question);
    void disarm();
    bool isArmed() const { return !m_flags.isEmpty(); }
    const QList<FlagRef> &armedFlags() const { return m_flags; }

Q_SIGNALS:
    void confirmed(const QList<FlagRef> &flags, bool restore);

private:
    void confirm();

    QList<FlagRef> m_flags;
    bool m_restore = false;
    QLabel *m_question;
    QPushButton *m_confirmButton;
    QPushButton *m_cancelButton;
    QShortcut *m_enter;
    QShortcut *m_return;
    QShortcut *m_escape;
    QTimer *m_timeout;
};
