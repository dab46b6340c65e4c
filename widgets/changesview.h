#pragma once

#include "core/flagref.h"
#include "core/revertpreview.h"

#include <QWidget>

class ChangeTableModel;
class FlagStateAtModel;
class QComboBox;
class QDateTimeEdit;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTreeView;

// "What changed": every change on every server in a chosen window (last 15 min, hour, 6 hours, or
// since a time), grouped by flag with the net change, changes by agents and by the guardrail
// monitor marked; "Put back" on a change, a flag's net change, or a selection, previewed exactly
// before anything is sent; and every flag as it was at a chosen time, beside how it is now.
class ChangesView : public QWidget
{
    Q_OBJECT

public:
    ChangesView(ChangeTableModel *changes, FlagStateAtModel *states, QWidget *parent = nullptr);

    QTreeView *tree() const { return m_tree; }
    // The start of the chosen window.
    qint64 windowStartMs() const;
    // The change ids selected: a flag's row stands for all its changes in the window.
    QList<qint64> selectedChangeIds() const;

    // What putting the selection back would change, one preview per flag, for the person to confirm.
    void showPreviews(const QList<RevertPreview> &previews);
    // The preview could not be made, or a revert was refused (changedSince: what moved meanwhile).
    void showRefusal(const QString &reason, const QStringList &changedSince = {});
    // How a revert ended, or that it went to the approval queue.
    void showOutcome(const QString &text);
    void showProblem(const QString &text);

Q_SIGNALS:
    // The window changed, or the person asked to read it again.
    void windowChosen(qint64 fromMs);
    void previewRequested(const QList<qint64> &changeIds);
    void revertConfirmed(const RevertPreview &preview, const QString &comment);
    // The state before cannot be put back exactly: the person chose the kill instead.
    void killInsteadRequested(const FlagRef &ref, const QString &comment);
    void stateAtRequested(qint64 timeMs);

private:
    void chooseWindow();
    void updateButtons();
    void rememberSelection();
    void restoreSelection();
    void closePreview();
    static QString previewHtml(const RevertPreview &preview);

    ChangeTableModel *m_changes;
    QComboBox *m_window;
    QDateTimeEdit *m_since;
    QLabel *m_count;
    QTreeView *m_tree;
    QPushButton *m_putBack;
    QFrame *m_previewPane;
    QLabel *m_previewText;
    QLineEdit *m_comment;
    QPushButton *m_confirm;
    QPushButton *m_killInstead;
    QPushButton *m_cancel;
    QList<RevertPreview> m_previews;
    QList<qint64> m_selectedIds;
    QList<FlagRef> m_selectedFlags;
    QDateTimeEdit *m_stateTime;
    QLabel *m_stateTitle;
    QTableView *m_stateTable;
    QWidget *m_statePane;
};
