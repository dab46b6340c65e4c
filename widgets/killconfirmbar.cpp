#include "killconfirmbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>

KillConfirmBar::KillConfirmBar(QWidget *parent)
    : QFrame(parent)
    , m_question(new QLabel(this))
    , m_confirmButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(tr("Cancel (Esc)"), this))
    , m_enter(new QShortcut(QKeySequence(Qt::Key_Enter), parent ? parent->window() : this))
    , m_return(new QShortcut(QKeySequence(Qt::Key_Return), parent ? parent->window() : this))
    , m_escape(new QShortcut(QKeySequence(Qt::Key_Escape), parent ? parent->window() : this))
    , m_timeout(new QTimer(this))
{
    setObjectName(QStringLiteral("killConfirmBar"));
    setAccessibleName(tr("Kill switch confirmation"));
    setFrameShape(StyledPanel);
    setAutoFillBackground(true);
    QPalette warning = palette();
    warning.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xea));
    warning.setColor(QPalette::WindowText, QColor(0x7a, 0x12, 0x12));
    setPalette(warning);
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);
    m_question->setWordWrap(true);
    m_confirmButton->setObjectName(QStringLiteral("confirmKillButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelKillButton"));

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_question, 1);
    layout->addWidget(m_confirmButton);
    layout->addWidget(m_cancelButton);

    for (QShortcut *shortcut : {m_enter, m_return, m_escape}) {
        shortcut->setContext(Qt::WindowShortcut);
        shortcut->setEnabled(false);
    }
    m_timeout->setSingleShot(true);
    connect(m_enter, &QShortcut::activated, this, &KillConfirmBar::confirm);
    connect(m_return, &QShortcut::activated, this, &KillConfirmBar::confirm);
    connect(m_confirmButton, &QPushButton::clicked, this, &KillConfirmBar::confirm);
    connect(m_escape, &QShortcut::activated, this, &KillConfirmBar::disarm);
    connect(m_cancelButton, &QPushButton::clicked, this, &KillConfirmBar::disarm);
    connect(m_timeout, &QTimer::timeout, this, &KillConfirmBar::disarm);
    hide();
}

void KillConfirmBar::arm(const QList<FlagRef> &flags, bool restore, const QString &question)
{
    if (flags.isEmpty())
        return;
    m_flags = flags;
    m_restore = restore;
    m_question->setText(question);
    m_confirmButton->setText(restore ? tr("Restore (Enter)") : tr("Kill (Enter)"));
    m_confirmButton->setAccessibleName(m_confirmButton->text());
    for (QShortcut *shortcut : {m_enter, m_return, m_escape})
        shortcut->setEnabled(true);
    m_timeout->start(ArmedTimeoutMs);
    show();
}

void KillConfirmBar::disarm()
{
    m_flags.clear();
    m_timeout->stop();
    for (QShortcut *shortcut : {m_enter, m_return, m_escape})
        shortcut->setEnabled(false);
    hide();
}

void KillConfirmBar::confirm()
{
    if (!isArmed())
        return;
    const QList<FlagRef> flags = m_flags;
    const bool restore = m_restore;
    disarm();
    Q_EMIT confirmed(flags, restore);
}
