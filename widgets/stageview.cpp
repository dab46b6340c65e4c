#include "stageview.h"

#include "core/durationtext.h"
#include "core/guardheartbeat.h"
#include "stagetrack.h"
#include "statecolors.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QPushButton *actionButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(text);
    return button;
}

} // namespace

StageView::StageView(QWidget *parent)
    : QWidget(parent)
    , m_position(new QLabel(this))
    , m_guarding(new QLabel(this))
    , m_killNote(new QLabel(this))
    , m_track(new StageTrack(this))
    , m_gate(new QLabel(this))
    , m_advance(actionButton(tr("Advance…"), QStringLiteral("stageAdvance"), this))
    , m_rollback(actionButton(tr("Roll back…"), QStringLiteral("stageRollback"), this))
    , m_fallback(actionButton(tr("Serve fallback…"), QStringLiteral("stageFallback"), this))
    , m_pause(actionButton(tr("Pause…"), QStringLiteral("stagePause"), this))
    , m_confirm(new QFrame(this))
    , m_question(new QLabel(m_confirm))
    , m_reason(new QLineEdit(m_confirm))
    , m_send(new QPushButton(m_confirm))
    , m_readiness(new QLabel(this))
    , m_owned(new QWidget(this))
    , m_unowned(new QLabel(this))
{
    setObjectName(QStringLiteral("stageView"));
    setAccessibleName(tr("Rollout stage"));
    m_position->setObjectName(QStringLiteral("stagePosition"));
    m_position->setWordWrap(true);
    m_guarding->setObjectName(QStringLiteral("stageGuarding"));
    m_guarding->setWordWrap(true);
    m_guarding->setText(guardPresenceText({}));
    m_killNote->setObjectName(QStringLiteral("stageKillNote"));
    m_killNote->setWordWrap(true);
    m_killNote->hide();
    m_gate->setObjectName(QStringLiteral("stageGate"));
    m_gate->setWordWrap(true);
    m_gate->setTextFormat(Qt::RichText);
    // The eval reports the gate cites open where they are (a file, or its URL).
    m_gate->setOpenExternalLinks(true);
    m_gate->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_readiness->setObjectName(QStringLiteral("readiness"));
    m_readiness->setWordWrap(true);
    m_readiness->setTextFormat(Qt::RichText);
    m_unowned->setObjectName(QStringLiteral("unownedControl"));
    m_unowned->setWordWrap(true);
    m_unowned->setTextFormat(Qt::RichText);

    m_confirm->setObjectName(QStringLiteral("stageConfirm"));
    m_confirm->setFrameShape(QFrame::StyledPanel);
    m_question->setObjectName(QStringLiteral("stagePreview"));
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::RichText);
    m_reason->setPlaceholderText(tr("Reason (goes to the audit history)"));
    m_reason->setAccessibleName(tr("Reason"));
    m_send->setObjectName(QStringLiteral("stageSend"));
    m_send->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"), m_confirm);
    cancel->setObjectName(QStringLiteral("stageCancel"));
    auto *confirmLayout = new QGridLayout(m_confirm);
    confirmLayout->addWidget(m_question, 0, 0, 1, 2);
    confirmLayout->addWidget(m_reason, 1, 0, 1, 2);
    confirmLayout->addWidget(m_send, 2, 0);
    confirmLayout->addWidget(cancel, 2, 1);
    m_confirm->hide();

    auto *buttons = new QGridLayout;
    buttons->addWidget(m_advance, 0, 0);
    buttons->addWidget(m_rollback, 0, 1);
    buttons->addWidget(m_fallback, 1, 0);
    buttons->addWidget(m_pause, 1, 1);

    auto *owned = new QVBoxLayout(m_owned);
    owned->setContentsMargins(0, 0, 0, 0);
    owned->addWidget(m_position);
    owned->addWidget(m_guarding);
    owned->addWidget(m_killNote);
    owned->addWidget(m_track);
    owned->addWidget(m_gate);
    owned->addLayout(buttons);
    owned->addWidget(m_confirm);
    owned->addWidget(m_readiness);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Stage</b>"), this));
    layout->addWidget(m_owned);
    layout->addWidget(m_unowned);

    const auto request = [this](FlagAction action) {
        closeConfirmation();
        Q_EMIT previewRequested(m_snapshot.ref, action);
    };
    connect(m_advance, &QPushButton::clicked, this, [request] { request(FlagAction::AdvanceStage); });
    connect(m_rollback, &QPushButton::clicked, this, [request] { request(FlagAction::RollbackStage); });
    connect(m_fallback, &QPushButton::clicked, this, [request] { request(FlagAction::ServeFallback); });
    connect(m_pause, &QPushButton::clicked, this, [this] {
        closeConfirmation();
        const bool pause = !m_snapshot.hold.has_value();
        m_holdToSend = pause;
        askToConfirm(pause ? tr("<b>Pause at this stage?</b><br>FlagDeck will refuse to advance it until it is resumed. "
                                "Nothing changes on the server.")
                           : tr("<b>Resume?</b><br>Advancing is allowed again."),
                     pause ? tr("Pause") : tr("Resume"));
    });
    connect(m_send, &QPushButton::clicked, this, [this] {
        const QString reason = m_reason->text().trimmed();
        if (m_preview)
            Q_EMIT applyRequested(*m_preview, reason);
        else if (m_holdToSend)
            Q_EMIT holdRequested(m_snapshot.ref, *m_holdToSend, reason);
        closeConfirmation();
    });
    connect(cancel, &QPushButton::clicked, this, &StageView::closeConfirmation);
    // Outside a dialog a default button does not take Enter by itself: the reason field passes it on.
    connect(m_reason, &QLineEdit::returnPressed, m_send, &QPushButton::click);
}

QString StageView::checklistHtml(const QList<ReadinessItem> &items)
{
    QStringList lines;
    for (const ReadinessItem &item : items) {
        const char *mark = item.status == ReadinessItem::Status::Passed ? "✓"
                         : item.status == ReadinessItem::Status::Failed ? "✗"
                                                                        : "?";
        const QColor color = item.status == ReadinessItem::Status::Passed ? StateColors::forStateKind(FlagTableModel::StateKind::On)
                           : item.status == ReadinessItem::Status::Failed ? StateColors::danger()
                                                                          : QColor(0x80, 0x80, 0x80);
        lines.append(QStringLiteral("<span style=\"color:%1\">%2</span> %3: <i>%4</i>")
                         .arg(color.name(), QString::fromUtf8(mark), item.title.toHtmlEscaped(), item.detail.toHtmlEscaped()));
    }
    return lines.join(QStringLiteral("<br>"));
}

QString StageView::evalLinksHtml(const QList<EvalCheck> &evals)
{
    QStringList lines;
    for (const EvalCheck &check : evals) {
        if (check.location.isEmpty())
            continue;
        // A built-in report of the sandbox lives in the program's resources: nothing could open it.
        const bool resource = check.location.startsWith(QLatin1Char(':'));
        const QUrl url = check.eval.isUrl() ? QUrl(check.location) : QUrl::fromLocalFile(check.location);
        const QString name = check.eval.isUrl() ? check.location : QFileInfo(check.location).fileName();
        QString where = resource ? name.toHtmlEscaped()
                                 : QStringLiteral("<a href=\"%1\">%2</a>")
                                       .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), name.toHtmlEscaped());
        if (check.problemLine > 0)
            where += QStringLiteral(":%1:%2").arg(check.problemLine).arg(check.problemColumn);
        lines.append(tr("Eval report for %1: %2").arg(check.eval.variation.toHtmlEscaped(), where));
    }
    return lines.isEmpty() ? QString() : QStringLiteral("<br>") + lines.join(QStringLiteral("<br>"));
}

void StageView::setKillNote(const QString &text)
{
    m_killNote->setVisible(!text.isEmpty());
    m_killNote->setText(text);
    QPalette palette = m_killNote->palette();
    palette.setColor(QPalette::WindowText, StateColors::danger());
    m_killNote->setPalette(palette);
}

void StageView::setGuardPresence(const QString &text)
{
    m_guarding->setText(text);
}

void StageView::showSnapshot(const StageSnapshot &snapshot)
{
    const bool sameFlag = snapshot.ref == m_snapshot.ref;
    m_snapshot = snapshot;
    if (!sameFlag)
        closeConfirmation();
    const bool owned = snapshot.plan.has_value();
    m_owned->setVisible(owned);
    m_unowned->setVisible(!owned);
    if (!owned) {
        // A broken file is not the same as no contract: say where it is and what it costs.
        m_unowned->setText(snapshot.contractError
                               ? tr("<b><span style=\"color:%1\">Contract unreadable</span></b><br>%2<br>Until the file is "
                                    "fixed this flag has no stages, guardrails or auto_kill.")
                                     .arg(StateColors::danger().name(), snapshot.contractError->text().toHtmlEscaped())
                               : tr("<b>Unowned control</b><br>No contract covers this flag here: it has no stages, owner "
                                    "or guardrails. Add one to the contracts folder (File → Contracts folder…)."));
        return;
    }
    const StagePlan &plan = *snapshot.plan;
    // Offline nothing here acts on a regression: who would is not this view's to say.
    m_guarding->setVisible(plan.contract().autoKill && !snapshot.offline);
    QStringList labels;
    QStringList names;
    for (int stage = 0; stage < plan.stageCount(); ++stage) {
        const Result<Rollout> rollout = plan.rolloutOf(stage);
        const QString defaultId = StagePlan::resolveVariation(snapshot.flag, plan.contract().defaultVariation);
        labels.append(rollout ? Rollout::formatPercent(Rollout::TotalBasisPoints - rollout->basisPointsOf(defaultId))
                              : QStringLiteral("?"));
        names.append(plan.contract().stages.at(stage).name);
    }
    m_track->setStages(labels, names, plan.currentStage());

    QString position = tr("<b>%1</b>").arg(plan.positionText().toHtmlEscaped());
    if (snapshot.inStageSinceMs > 0 && plan.position() == StagePlan::Position::AtStage)
        position += tr(" · for %1").arg(durationText(QDateTime::currentMSecsSinceEpoch() - snapshot.inStageSinceMs));
    if (plan.position() == StagePlan::Position::OffPlan)
        position += tr("<br><span style=\"color:%1\">The live rollout matches no stage of the contract.</span>")
                        .arg(StateColors::danger().name());
    if (snapshot.hold)
        position += tr("<br>Paused by %1 %2: %3")
                        .arg(snapshot.hold->actor.toHtmlEscaped(),
                             QDateTime::fromMSecsSinceEpoch(snapshot.hold->timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                             snapshot.hold->comment.toHtmlEscaped());
    if (snapshot.changePending)
        position += tr("<br><i>A change is waiting for the server…</i>");
    m_position->setText(position);
    m_gate->setText(tr("<b>Gate to the next stage</b><br>%1").arg(checklistHtml(snapshot.gate)) + evalLinksHtml(snapshot.evals));

    const bool idle = !snapshot.changePending && !snapshot.offline;
    m_advance->setEnabled(idle && plan.advanceTarget().ok() && !snapshot.hold);
    m_advance->setToolTip(plan.advanceTarget() ? QString() : plan.advanceTarget().error());
    m_rollback->setEnabled(idle && plan.rollbackTarget().ok());
    m_rollback->setToolTip(plan.rollbackTarget() ? QString() : plan.rollbackTarget().error());
    m_fallback->setEnabled(idle && plan.fallbackTarget().ok());
    m_fallback->setToolTip(plan.fallbackTarget() ? QString() : plan.fallbackTarget().error());
    m_pause->setText(snapshot.hold ? tr("Resume…") : tr("Pause…"));
    m_pause->setEnabled(idle && plan.position() != StagePlan::Position::Off);

    m_readiness->setText(tr("<b>Readiness: %1</b><br>%2")
                             .arg(readinessSummary(snapshot.readiness).toHtmlEscaped(), checklistHtml(snapshot.readiness)));
}

void StageView::showPreview(const StagePreview &preview)
{
    if (preview.ref != m_snapshot.ref)
        return;
    closeConfirmation();
    m_preview = preview;
    QStringList changes;
    for (const QString &change : preview.changes)
        changes.append(QStringLiteral("• %1").arg(change.toHtmlEscaped()));
    const QString verb = preview.action == FlagAction::AdvanceStage  ? tr("Advance to %1?")
                       : preview.action == FlagAction::RollbackStage ? tr("Roll back to %1?")
                                                                     : tr("Serve the fallback (%1)?");
    QString question = QStringLiteral("<b>%1</b><br>%2").arg(verb.arg(preview.targetStage.toHtmlEscaped()),
                                                              changes.join(QStringLiteral("<br>")));
    if (!preview.gateOpen)
        question += tr("<br><span style=\"color:%1\"><b>The gate is not open</b> (see above): send only if you mean "
                       "to override it.</span>")
                        .arg(StateColors::danger().name());
    if (preview.approvalsRequired > 0) {
        question += QStringLiteral("<br>")
            + tr("The contract requires %n approval(s) for this at %1 risk: it goes to the approval queue as your "
                 "proposal and runs once approved.",
                 nullptr, preview.approvalsRequired)
                  .arg(riskDisplayName(preview.risk).toHtmlEscaped());
        askToConfirm(question, tr("Ask for approval"));
        return;
    }
    askToConfirm(question, preview.gateOpen ? tr("Send to server") : tr("Send anyway"));
}

void StageView::showRefusal(const QString &reason)
{
    closeConfirmation();
    m_question->setText(tr("<b>Not possible:</b> %1").arg(reason.toHtmlEscaped()));
    m_reason->hide();
    m_send->hide();
    m_confirm->show();
}

void StageView::showQueued(const QString &text)
{
    closeConfirmation();
    m_question->setText(text.toHtmlEscaped());
    m_reason->hide();
    m_send->hide();
    m_confirm->show();
}

void StageView::askToConfirm(const QString &question, const QString &sendLabel)
{
    m_question->setText(question);
    m_send->setText(sendLabel);
    m_send->setAccessibleName(sendLabel);
    m_reason->clear();
    m_reason->show();
    m_send->show();
    m_confirm->show();
    m_send->setFocus();
}

void StageView::closeConfirmation()
{
    m_preview.reset();
    m_holdToSend.reset();
    m_confirm->hide();
}
