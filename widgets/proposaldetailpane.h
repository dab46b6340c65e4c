#pragma once

#include "control/proposaldesk.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;

// One proposal as a reviewer decides it: who asked and why, the evidence, the exact diff it would
// apply to the flag as it is now, what changed since it was made, the decisions so far, and
// approve / reject with a comment.
class ProposalDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit ProposalDetailPane(QWidget *parent = nullptr);

    void showSheet(const ProposalReviewSheet &sheet, const QString &serverName);
    void clear();
    QString proposalId() const { return m_proposalId; }
    // Shows why the last decision was refused (empty: clears it).
    void showError(const QString &error);

Q_SIGNALS:
    void approveRequested(const QString &id, const QString &comment, bool reReviewed);
    void rejectRequested(const QString &id, const QString &comment);
    void runRequested(const QString &id);

private:
    void updateButtons();

    QString m_proposalId;
    bool m_blocked = true;
    bool m_canReject = false;
    bool m_stale = false;
    bool m_runnable = false;
    QLabel *m_title;
    QLabel *m_facts;
    QLabel *m_reason;
    QLabel *m_staleWarning;
    QCheckBox *m_reReviewed;
    QTextBrowser *m_diff;
    QTextBrowser *m_evidence;
    QLabel *m_decisions;
    QLabel *m_blocker;
    QLineEdit *m_comment;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_run;
    QLabel *m_error;
};
