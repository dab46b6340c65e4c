#include "welcomepage.h"

#include <QCommandLinkButton>
#include <QLabel>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent), m_sandbox(new QCommandLinkButton(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *title = new QLabel(tr("Welcome to FlagDeck"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Govern the feature flags behind your AI features: rollout stages, guardrails, the kill "
                                "switch, agent proposals and the audit history. Where do you want to start?"),
                             this);
    intro->setWordWrap(true);

    const auto choice = [](QCommandLinkButton *button, const QString &objectName, const QString &text,
                               const QString &description) {
        button->setObjectName(objectName);
        button->setText(text);
        button->setDescription(description);
        button->setAccessibleDescription(description);
        return button;
    };
    choice(m_sandbox, QStringLiteral("openSandboxButton"), tr("&Open the sandbox"),
           tr("A built-in flag server with AI flags, live traffic and an agent that proposes changes. Nothing you do "
              "there reaches production."));
    m_sandbox->setDefault(true);
    QCommandLinkButton *featBit = choice(new QCommandLinkButton(this), QStringLiteral("addFeatBitButton"),
                                         tr("Add a &FeatBit server"),
                                         tr("Its API URL, its evaluation server and an access token with write access."));
    QCommandLinkButton *unleash = choice(new QCommandLinkButton(this), QStringLiteral("addUnleashButton"),
                                         tr("Add an &Unleash server"), tr("Its URL and an admin token."));
    QCommandLinkButton *offline = choice(new QCommandLinkButton(this), QStringLiteral("openOfflineButton"),
                                         tr("Open the audit &cache offline"),
                                         tr("Browse, search, verify and export the history cached on this computer, "
                                            "without connecting to anything."));

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(12);
    for (QCommandLinkButton *button : {m_sandbox, featBit, unleash, offline})
        column->addWidget(button);
    column->addSpacing(12);
    auto *hint = new QLabel(tr("Servers and sandboxes can be added later from the File menu. Edit → Preferences sets "
                               "the language, the theme, the contracts folder and the approval policy; Help → Keyboard "
                               "shortcuts lists the keys."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(hint);

    // A readable column in the middle of a wide window.
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addLayout(column, 3);
    centred->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(centred);
    layout->addStretch(2);

    connect(m_sandbox, &QCommandLinkButton::clicked, this, &WelcomePage::openSandboxRequested);
    connect(featBit, &QCommandLinkButton::clicked, this, &WelcomePage::addFeatBitRequested);
    connect(unleash, &QCommandLinkButton::clicked, this, &WelcomePage::addUnleashRequested);
    connect(offline, &QCommandLinkButton::clicked, this, &WelcomePage::openOfflineRequested);
}

void WelcomePage::focusDefaultChoice()
{
    m_sandbox->setFocus();
}
