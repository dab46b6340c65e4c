#include "proposaldetailpane.h"

#include "core/linediff.h"

#include <QCheckBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

QString localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QStringList jsonLines(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString bulletList(const QStringList &items)
{
    QString html = QStringLiteral("<ul style='margin:0'>");
    for (const QString &item : items)
        html += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

// The unified diff of the flag now and after, coloured as reviewers know it.
QString diffHtml(const QJsonObject &current, const QJsonObject &after)
{
    QString html = QStringLiteral("<pre style='margin:0'>");
    for (const DiffLine &line : lineDiff(jsonLines(current), jsonLines(after))) {
        const QString text = line.text.toHtmlEscaped();
        switch (line.kind) {
        case DiffLine::Kind::Same:
            html += QStringLiteral("  %1\n").arg(text);
            break;
        case DiffLine::Kind::Removed:
            html += QStringLiteral("<span style='background:#fde2e1;color:#8a1c12'>- %1</span>\n").arg(text);
            break;
        case DiffLine::Kind::Added:
            html += QStringLiteral("<span style='background:#dcf5e3;color:#14622e'>+ %1</span>\n").arg(text);
            break;
        }
    }
    return html + QStringLiteral("</pre>");
}

// Guardrail results as the monitor (or an agent following its form) gives them, then the rest.
QString evidenceHtml(const QJsonObject &evidence)
{
    QString html;
    const QJsonObject metrics = evidence.value(QStringLiteral("metrics")).toObject();
    const QJsonArray results = metrics.value(QStringLiteral("results")).toArray();
    if (!metrics.value(QStringLiteral("summary")).toString().isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(metrics.value(QStringLiteral("summary")).toString().toHtmlEscaped());
    if (!results.isEmpty()) {
        html += QStringLiteral("<table cellspacing='0' cellpadding='3' border='0'><tr><th align='left'>%1</th>"
                               "<th align='left'>%2</th><th align='left'>%3</th><th align='right'>%4</th>"
                               "<th align='left'>%5</th></tr>")
                    .arg(ProposalDetailPane::tr("Metric"), ProposalDetailPane::tr("Candidate"),
                         ProposalDetailPane::tr("Verdict"), ProposalDetailPane::tr("Difference"),
                         ProposalDetailPane::tr("Interval"));
        for (const QJsonValue &value : results) {
            const QJsonObject result = value.toObject();
            const QJsonArray interval = result.value(QStringLiteral("interval")).toArray();
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td align='right'>%4</td><td>[%5, %6]</td></tr>")
                        .arg(result.value(QStringLiteral("metric")).toString().toHtmlEscaped(),
                             result.value(QStringLiteral("candidate")).toString().toHtmlEscaped(),
                             result.value(QStringLiteral("verdict")).toString().toHtmlEscaped(),
                             QString::number(result.value(QStringLiteral("difference")).toDouble(), 'g', 4),
                             QString::number(interval.at(0).toDouble(), 'g', 4),
                             QString::number(interval.at(1).toDouble(), 'g', 4));
        }
        html += QStringLiteral("</table>");
    }
    const QJsonArray links = evidence.value(QStringLiteral("links")).toArray();
    for (const QJsonValue &link : links) {
        const QString url = link.toString();
        html += QStringLiteral("<p><a href='%1'>%2</a></p>").arg(url.toHtmlEscaped(), url.toHtmlEscaped());
    }
    QJsonObject rest = evidence;
    if (!results.isEmpty())
        rest.remove(QStringLiteral("metrics"));
    rest.remove(QStringLiteral("links"));
    if (!rest.isEmpty())
        html += QStringLiteral("<pre>%1</pre>").arg(QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Indented)).toHtmlEscaped());
    return html.isEmpty() ? ProposalDetailPane::tr("<i>The proposer gave no evidence.</i>") : html;
}

} // namespace

ProposalDetailPane::ProposalDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_staleWarning(new QLabel(this))
    , m_reReviewed(new QCheckBox(tr("I have reviewed what changed since the proposal was made"), this))
    , m_diff(new QTextBrowser(this))
    , m_evidence(new QTextBrowser(this))
    , m_decisions(new QLabel(this))
    , m_blocker(new QLabel(this))
    , m_comment(new QLineEdit(this))
    , m_approve(new QPushButton(tr("&Approve and run"), this))
    , m_reject(new QPushButton(tr("Re&ject"), this))
    , m_run(new QPushButton(tr("&Run now"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("proposalDetailPane"));
    setAccessibleName(tr("Proposal details"));
    for (QLabel *label : {m_title, m_facts, m_reason, m_staleWarning, m_decisions, m_blocker, m_error}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_reason->setObjectName(QStringLiteral("proposalReason"));
    m_staleWarning->setObjectName(QStringLiteral("proposalStaleWarning"));
    m_staleWarning->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3d2e00; border: 1px solid #e0b400; padding: 6px; }"));
    m_reReviewed->setObjectName(QStringLiteral("proposalReReviewed"));
    m_diff->setObjectName(QStringLiteral("proposalDiff"));
    m_diff->setAccessibleName(tr("What the action would change, as a diff of the flag"));
    m_evidence->setObjectName(QStringLiteral("proposalEvidence"));
    m_evidence->setAccessibleName(tr("Evidence"));
    m_evidence->setOpenExternalLinks(true);
    m_blocker->setObjectName(QStringLiteral("proposalBlocker"));
    m_error->setObjectName(QStringLiteral("proposalError"));
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_comment->setObjectName(QStringLiteral("proposalComment"));
    m_comment->setPlaceholderText(tr("Comment for the audit history (why you approve or reject)"));
    m_comment->setAccessibleName(tr("Review comment"));
    m_approve->setObjectName(QStringLiteral("proposalApprove"));
    m_reject->setObjectName(QStringLiteral("proposalReject"));
    m_run->setObjectName(QStringLiteral("proposalRun"));
    m_run->setToolTip(tr("Approved, but no console has run it yet (its approver's console closed)"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_comment, 1);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    buttons->addWidget(m_run);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_reason);
    layout->addWidget(m_staleWarning);
    layout->addWidget(m_reReviewed);
    layout->addWidget(new QLabel(tr("<b>What it would change</b> (the flag now → after)"), this));
    layout->addWidget(m_diff, 3);
    layout->addWidget(new QLabel(tr("<b>Evidence</b>"), this));
    layout->addWidget(m_evidence, 2);
    layout->addWidget(m_decisions);
    layout->addWidget(m_blocker);
    layout->addLayout(buttons);
    layout->addWidget(m_error);

    connect(m_reReviewed, &QCheckBox::toggled, this, &ProposalDetailPane::updateButtons);
    connect(m_approve, &QPushButton::clicked, this, [this] {
        Q_EMIT approveRequested(m_proposalId, m_comment->text().trimmed(), m_reReviewed->isChecked());
    });
    connect(m_reject, &QPushButton::clicked, this,
            [this] { Q_EMIT rejectRequested(m_proposalId, m_comment->text().trimmed()); });
    connect(m_run, &QPushButton::clicked, this, [this] { Q_EMIT runRequested(m_proposalId); });
    clear();
}

void ProposalDetailPane::clear()
{
    m_proposalId.clear();
    m_title->setText(tr("<i>Select a proposal to review it.</i>"));
    for (QLabel *label : {m_facts, m_reason, m_staleWarning, m_decisions, m_blocker, m_error})
        label->clear();
    m_staleWarning->hide();
    m_reReviewed->hide();
    m_diff->clear();
    m_evidence->clear();
    m_blocked = true;
    m_canReject = false;
    m_runnable = false;
    updateButtons();
}

void ProposalDetailPane::showError(const QString &error)
{
    m_error->setText(error);
}

void ProposalDetailPane::showSheet(const ProposalReviewSheet &sheet, const QString &serverName)
{
    const Proposal &proposal = sheet.proposal;
    const bool other = proposal.id != m_proposalId;
    m_proposalId = proposal.id;
    m_title->setText(tr("<b>%1 %2</b> · %3 / %4 · <b>%5</b>")
                         .arg(flagActionName(proposal.action), proposal.target.key.toHtmlEscaped(),
                              serverName.toHtmlEscaped(), proposal.target.environment.toHtmlEscaped(),
                              proposalStatusName(proposal.status)));
    QString proposer = proposal.proposer.agent.toHtmlEscaped();
    if (!proposal.proposer.clientName.isEmpty())
        proposer += tr(" via %1 %2").arg(proposal.proposer.clientName.toHtmlEscaped(), proposal.proposer.clientVersion.toHtmlEscaped());
    if (!proposal.proposer.model.isEmpty())
        proposer += tr(", model %1").arg(proposal.proposer.model.toHtmlEscaped());
    m_facts->setText(tr("Proposed by %1 at %2 · %3 risk · expires %4 · %5 of %n approval(s) given", nullptr,
                        sheet.approvalsRequired)
                         .arg(proposer, localTime(proposal.createdMs), riskDisplayName(proposal.risk), localTime(proposal.expiresMs))
                         .arg(sheet.approvalsGiven)
                     + (proposal.outcome.isEmpty() ? QString() : QStringLiteral("<br>") + proposal.outcome.toHtmlEscaped()));
    m_reason->setText(tr("<b>Reason:</b> %1").arg(proposal.reason.toHtmlEscaped()));
    m_stale = sheet.stale && proposal.status == ProposalStatus::Pending;
    m_staleWarning->setVisible(m_stale);
    m_reReviewed->setVisible(m_stale);
    if (other)
        m_reReviewed->setChecked(false);
    if (m_stale)
        m_staleWarning->setText(tr("<b>The flag changed since this proposal was made</b> (revision %1, now %2). "
                                   "The diff below is against the flag as it is now.%3")
                                    .arg(proposal.flagRevision.toHtmlEscaped(), sheet.currentRevision.toHtmlEscaped(),
                                         bulletList(sheet.changedSince)));
    if (!sheet.flagPresent)
        m_diff->setHtml(tr("<i>The flag is not among those this console shows.</i>"));
    else if (sheet.after.isEmpty())
        m_diff->setHtml(tr("<i>Nothing to apply: %1</i>").arg(sheet.blocker.toHtmlEscaped()));
    else
        m_diff->setHtml(bulletList(sheet.changes) + diffHtml(sheet.current, sheet.after));
    m_evidence->setHtml(evidenceHtml(proposal.evidence));
    QStringList decisions;
    for (const ProposalDecision &decision : proposal.decisions) {
        decisions.append(tr("%1 %2 at %3%4")
                             .arg(decision.reviewer.toHtmlEscaped(),
                                  decision.verdict == ProposalDecision::Verdict::Approve ? tr("approved") : tr("rejected"),
                                  localTime(decision.timeMs),
                                  decision.comment.isEmpty() ? QString() : QStringLiteral(": ") + decision.comment.toHtmlEscaped()));
    }
    m_decisions->setText(decisions.isEmpty() ? QString() : tr("<b>Decisions</b><br>%1").arg(decisions.join(QStringLiteral("<br>"))));
    m_blocked = !sheet.blocker.isEmpty();
    m_canReject = sheet.canReject;
    m_runnable = proposal.status == ProposalStatus::Approved;
    m_blocker->setText(m_blocked && proposal.status == ProposalStatus::Pending ? sheet.blocker : QString());
    if (other)
        m_error->clear();
    updateButtons();
}

void ProposalDetailPane::updateButtons()
{
    m_approve->setEnabled(!m_blocked && (!m_stale || m_reReviewed->isChecked()));
    m_reject->setEnabled(m_canReject);
    m_comment->setEnabled(m_canReject);
    m_run->setVisible(m_runnable);
}
