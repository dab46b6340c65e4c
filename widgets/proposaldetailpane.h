#pragma once

#include "control/proposaldesk.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class QToolButton;

// One proposal as a reviewer decides it: flag@environment and its status first, who asked and
// why, what it would change as a before → after table in percent (the exact JSON diff one click
// away), the evidence in words, what changed since it was made, the decisions so far, and
// approve / reject with a comment. Everything wraps to the width it is given.
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
    void showChangeRows(const QList<FlagChangeRow> &rows);

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
    QLabel *m_status;
    QTableWidget *m_changeTable;
    QLabel *m_noChange;
    QToolButton *m_showJson;
    QTextBrowser *m_diff;
    QTextBrowser *m_evidence;
    QLabel *m_decisions;
    QLabel *m_identity; // who decides here, and whose token the server will see
    QLabel *m_blocker;
    QLineEdit *m_comment;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_run;
    QLabel *m_error;
};
