#pragma once

#include <QWidget>

class QCommandLinkButton;

// What a first start shows instead of an empty console: the four ways in, each one click or one
// key away. The sandbox is the default button, so Enter opens it.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Gives the default choice the keyboard focus.
    void focusDefaultChoice();

Q_SIGNALS:
    void openSandboxRequested();
    void addFeatBitRequested();
    void addUnleashRequested();
    void openOfflineRequested();

private:
    QCommandLinkButton *m_sandbox;
};
