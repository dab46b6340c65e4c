#include "proposaldetailpane.h"

#include "core/linediff.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QToolButton>

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

// The guardrail evidence in words (each candidate against the control, relative, with its
// interval), the monitor's summary, links, then whatever else the proposer gave as it came.
QString evidenceHtml(const QJsonObject &evidence, const QStringList &sentences)
{
    QString html;
    if (!sentences.isEmpty())
        html += bulletList(sentences);
    const QJsonObject metrics = evidence.value(QStringLiteral("metrics")).toObject();
    const QJsonArray results = metrics.value(QStringLiteral("results")).toArray();
    if (!metrics.value(QStringLiteral("summary")).toString().isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(metrics.value(QStringLiteral("summary")).toString().toHtmlEscaped());
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
    , m_status(new QLabel(this))
    , m_changeTable(new QTableWidget(this))
    , m_noChange(new QLabel(this))
    , m_showJson(new QToolButton(this))
    , m_diff(new QTextBrowser(this))
    , m_evidence(new QTextBrowser(this))
    , m_decisions(new QLabel(this))
    , m_identity(new QLabel(this))
    , m_blocker(new QLabel(this))
    , m_comment(new QLineEdit(this))
    , m_approve(new QPushButton(tr("&Approve and run"), this))
    , m_reject(new QPushButton(tr("Re&ject"), this))
    , m_run(new QPushButton(tr("&Run now"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("proposalDetailPane"));
    setAccessibleName(tr("Proposal details"));
    for (QLabel *label : {m_title, m_status, m_facts, m_reason, m_staleWarning, m_noChange, m_decisions, m_identity, m_blocker, m_error}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_title->setObjectName(QStringLiteral("proposalTitle"));
    m_status->setObjectName(QStringLiteral("proposalStatus"));
    m_reason->setObjectName(QStringLiteral("proposalReason"));
    // Not more than the width it is given: long keys and sentences wrap instead of widening the pane.
    for (QLabel *label : {m_title, m_status, m_facts, m_reason, m_staleWarning, m_decisions, m_identity, m_blocker})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_changeTable->setObjectName(QStringLiteral("proposalChangeTable"));
    m_changeTable->setAccessibleName(tr("What the action would change: the flag now and after"));
    m_changeTable->setColumnCount(3);
    m_changeTable->setHorizontalHeaderLabels({tr("Setting"), tr("Now"), tr("After")});
    m_changeTable->verticalHeader()->hide();
    m_changeTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changeTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_changeTable->setFocusPolicy(Qt::NoFocus);
    m_changeTable->setShowGrid(false);
    m_changeTable->setWordWrap(false);
    m_changeTable->setTextElideMode(Qt::ElideMiddle);
    m_changeTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_changeTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_changeTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_changeTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_changeTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_changeTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_changeTable->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_noChange->setObjectName(QStringLiteral("proposalNoChange"));
    m_showJson->setObjectName(QStringLiteral("proposalShowJsonDiff"));
    m_showJson->setText(tr("Show JSON diff"));
    m_showJson->setToolTip(tr("The exact change to the flag, as a line diff of its JSON"));
    m_showJson->setCheckable(true);
    m_showJson->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_showJson->setArrowType(Qt::RightArrow);
    m_diff->hide();
    m_staleWarning->setObjectName(QStringLiteral("proposalStaleWarning"));
    m_staleWarning->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3d2e00; border: 1px solid #e0b400; padding: 6px; }"));
    m_reReviewed->setObjectName(QStringLiteral("proposalReReviewed"));
    m_diff->setObjectName(QStringLiteral("proposalDiff"));
    m_diff->setAccessibleName(tr("What the action would change, as a diff of the flag"));
    m_evidence->setObjectName(QStringLiteral("proposalEvidence"));
    m_evidence->setAccessibleName(tr("Evidence"));
    m_evidence->setOpenExternalLinks(true);
    m_identity->setObjectName(QStringLiteral("proposalIdentity"));
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

    auto *changeHeader = new QHBoxLayout;
    changeHeader->addWidget(new QLabel(tr("<b>What it would change</b> (the flag now → after)"), this), 1);
    changeHeader->addWidget(m_showJson);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_facts);
    layout->addWidget(m_reason);
    layout->addWidget(m_staleWarning);
    layout->addWidget(m_reReviewed);
    layout->addLayout(changeHeader);
    layout->addWidget(m_changeTable);
    layout->addWidget(m_noChange);
    layout->addWidget(m_diff, 3);
    layout->addWidget(new QLabel(tr("<b>Evidence</b>"), this));
    layout->addWidget(m_evidence, 2);
    layout->addWidget(m_decisions);
    layout->addWidget(m_identity);
    layout->addWidget(m_blocker);
    layout->addLayout(buttons);
    layout->addWidget(m_error);

    connect(m_showJson, &QToolButton::toggled, this, [this](bool shown) {
        m_diff->setVisible(shown);
        m_showJson->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        m_showJson->setText(shown ? tr("Hide JSON diff") : tr("Show JSON diff"));
    });
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
    m_title->setToolTip(QString());
    for (QLabel *label : {m_status, m_facts, m_reason, m_staleWarning, m_noChange, m_decisions, m_identity, m_blocker, m_error})
        label->clear();
    m_changeTable->setRowCount(0);
    m_changeTable->hide();
    m_noChange->hide();
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
    // First what and where, then how it stands: the two things a reviewer must never misread.
    const QString where = tr("%1@%2").arg(proposal.target.key, proposal.target.environment);
    m_title->setText(QStringLiteral("<span style='font-size:large'><b>%1</b></span>").arg(where.toHtmlEscaped()));
    m_title->setToolTip(tr("%1 on %2").arg(where, serverName));
    const QString status = proposalStatusText(proposal, QDateTime::currentMSecsSinceEpoch());
    m_status->setText(tr("<b>%1</b> · %2 on %3%4")
                          .arg(status.toHtmlEscaped(), flagActionName(proposal.action), serverName.toHtmlEscaped(),
                               isRegressionDriven(proposal) && proposal.status == ProposalStatus::Pending
                                   ? tr(" · <b>a guardrail regressed</b>")
                                   : QString()));
    m_status->setToolTip(status);
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
    QString noChange;
    if (!sheet.flagPresent)
        noChange = tr("<i>The flag is not among those this console shows.</i>");
    else if (sheet.after.isEmpty())
        noChange = tr("<i>Nothing to apply: %1</i>").arg(sheet.blocker.toHtmlEscaped());
    else if (sheet.changeRows.isEmpty())
        noChange = tr("<i>Nothing would change.</i>");
    m_noChange->setText(noChange);
    m_noChange->setVisible(!noChange.isEmpty());
    if (sheet.after.isEmpty())
        m_diff->setHtml(noChange);
    else
        m_diff->setHtml(bulletList(sheet.changes) + diffHtml(sheet.current, sheet.after));
    showChangeRows(sheet.changeRows);
    m_evidence->setHtml(evidenceHtml(proposal.evidence, sheet.evidence));
    QStringList decisions;
    for (const ProposalDecision &decision : proposal.decisions) {
        decisions.append(tr("%1 %2 at %3%4")
                             .arg(decision.reviewer.toHtmlEscaped(),
                                  decision.verdict == ProposalDecision::Verdict::Approve ? tr("approved") : tr("rejected"),
                                  localTime(decision.timeMs),
                                  decision.comment.isEmpty() ? QString() : QStringLiteral(": ") + decision.comment.toHtmlEscaped()));
    }
    m_decisions->setText(decisions.isEmpty() ? QString() : tr("<b>Decisions</b><br>%1").arg(decisions.join(QStringLiteral("<br>"))));
    QString identity = sheet.identityLine.toHtmlEscaped();
    if (!sheet.tokenWarning.isEmpty())
        identity += QStringLiteral("<br><span style=\"color: #8a5a00;\">%1</span>")
                        .arg(tr("<b>Warning:</b> %1").arg(sheet.tokenWarning.toHtmlEscaped()));
    m_identity->setText(identity);
    m_blocked = !sheet.blocker.isEmpty();
    m_canReject = sheet.canReject;
    m_runnable = proposal.status == ProposalStatus::Approved;
    m_blocker->setText(m_blocked && proposal.status == ProposalStatus::Pending ? sheet.blocker : QString());
    if (other)
        m_error->clear();
    updateButtons();
}

void ProposalDetailPane::showChangeRows(const QList<FlagChangeRow> &rows)
{
    m_changeTable->setRowCount(int(rows.size()));
    const QColor unchanged = palette().color(QPalette::Disabled, QPalette::Text);
    for (int row = 0; row < rows.size(); ++row) {
        const FlagChangeRow &change = rows.at(row);
        const QStringList cells{change.what, change.before, change.after};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(tr("%1: %2 → %3").arg(change.what, change.before, change.after));
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            QFont font = item->font();
            font.setBold(change.changed && column == 2);
            item->setFont(font);
            if (!change.changed)
                item->setForeground(unchanged);
            m_changeTable->setItem(row, column, item);
        }
    }
    // As tall as its rows: no scrolling inside a table of a few lines.
    const int height = m_changeTable->horizontalHeader()->sizeHint().height()
        + int(rows.size()) * m_changeTable->verticalHeader()->defaultSectionSize() + 2 * m_changeTable->frameWidth();
    m_changeTable->setFixedHeight(height);
    m_changeTable->setVisible(!rows.isEmpty());
}

void ProposalDetailPane::updateButtons()
{
    m_approve->setEnabled(!m_blocked && (!m_stale || m_reReviewed->isChecked()));
    m_reject->setEnabled(m_canReject);
    m_comment->setEnabled(m_canReject);
    m_run->setVisible(m_runnable);
}
