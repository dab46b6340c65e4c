#pragma once

#include "core/connectionconfig.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

// Adds a flag server: its kind, a name, its URL and the token FlagDeck uses for it. Test tries
// the connection before anything is saved and says precisely what went wrong. The token is only
// handed on (to the OS keychain); it is never shown again or written anywhere else. The dialog
// opens no connection itself: it asks for a test and shows the answer it is given.
class AddServerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddServerDialog(QWidget *parent = nullptr);

    // Opens on this kind (the welcome screen's "Add a FeatBit server").
    void setKind(ConnectionConfig::Kind kind);
    // Without an id or a secret reference: the controller gives both.
    ConnectionConfig connection() const;
    QString token() const;
    // The answer to testRequested(): ok, or the first failure, in the server's own words.
    void showTestResult(bool ok, const QString &summary);
    // Whether the token could be kept (the OS keychain is there). Until the answer comes, Add
    // waits; a problem shows above the fields and keeps Add disabled, as the connection could not
    // be saved. Without expectSecretStoreAnswer(), nothing is shown and Add depends on the fields.
    void expectSecretStoreAnswer();
    void showSecretStoreAnswer(const QString &problem);

Q_SIGNALS:
    // Test was clicked with these fields; Test stays disabled until showTestResult().
    void testRequested(const ConnectionConfig &config, const QString &token);

private:
    void updateButtons();
    // The fields and words of the chosen kind.
    void showKind();
    void test();
    // Empty when the fields can be tried.
    QString problem() const;

    QComboBox *m_kind;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_evaluationUrl;
    QFormLayout *m_form;
    QLineEdit *m_token;
    QPushButton *m_test;
    QLabel *m_result;
    QLabel *m_secretStoreNotice;
    QDialogButtonBox *m_buttons;
    bool m_testing = false;
    // The result line shows what is missing in the fields (not a test's answer).
    bool m_showingProblem = false;
    bool m_secretStoreAnswerPending = false;
    bool m_secretStoreUnavailable = false;
};
