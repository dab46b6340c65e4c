#pragma once

#include "core/stagesnapshot.h"

#include <QWidget>

#include <optional>

class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class StageTrack;

// The selected flag on its contract's rollout path: the stages as a track, where the flag is (from
// its live rollout) and for how long, the gate to the next stage, the stage actions — each shown as
// the exact change before it is sent — and the readiness checklist.
class StageView : public QWidget
{
    Q_OBJECT

public:
    explicit StageView(QWidget *parent = nullptr);

    void showSnapshot(const StageSnapshot &snapshot);
    // The exact change an action would make, for the person to send or cancel.
    void showPreview(const StagePreview &preview);
    void showRefusal(const QString &reason);
    // The action went to the approval queue instead of the server: says which proposal.
    void showQueued(const QString &text);
    const FlagRef &shownFlag() const { return m_snapshot.ref; }
    // Who carries out auto_kill (a guard, or only an open console); shown for flags whose contract sets it.
    void setGuardPresence(const QString &text);
    // Who killed the flag, when and why; empty hides it. The stage stays where it was: a kill
    // does not move the flag along its path.
    void setKillNote(const QString &text);

Q_SIGNALS:
    void previewRequested(const FlagRef &ref, FlagAction action);
    void applyRequested(const StagePreview &preview, const QString &comment);
    void holdRequested(const FlagRef &ref, bool pause, const QString &comment);

private:
    void askToConfirm(const QString &question, const QString &sendLabel);
    void closeConfirmation();
    static QString checklistHtml(const QList<ReadinessItem> &items);
    // A link to each eval report the gate reads, to open it where it is.
    static QString evalLinksHtml(const QList<EvalCheck> &evals);

    StageSnapshot m_snapshot;
    std::optional<StagePreview> m_preview;
    std::optional<bool> m_holdToSend; // true: pause, false: resume
    QLabel *m_position;
    QLabel *m_guarding;
    QLabel *m_killNote;
    StageTrack *m_track;
    QLabel *m_gate;
    QPushButton *m_advance;
    QPushButton *m_rollback;
    QPushButton *m_fallback;
    QPushButton *m_pause;
    QFrame *m_confirm;
    QLabel *m_question;
    QLineEdit *m_reason;
    QPushButton *m_send;
    QLabel *m_readiness;
    QWidget *m_owned;
    QLabel *m_unowned;
};
