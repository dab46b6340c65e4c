#include "flagdetailpane.h"

#include "rolloutbar.h"
#include "rolloutpainter.h"
#include "statecolors.h"

#include <QDateTime>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

FlagDetailPane::FlagDetailPane(FlagTableModel *flags, QWidget *parent)
    : QWidget(parent)
    , m_flags(flags)
    , m_title(new QLabel(this))
    , m_location(new QLabel(this))
    , m_state(new QLabel(this))
    , m_killEvidence(new QLabel(this))
    , m_description(new QLabel(this))
    , m_rolloutBar(new RolloutBar(this))
    , m_variations(new QLabel(this))
    , m_details(new QLabel(this))
    , m_actionButton(new QPushButton(this))
    , m_noSelectionHint(new QLabel(tr("Select a flag to see its variations, rollout and kill switch."), this))
    , m_content(new QWidget(this))
{
    setObjectName(QStringLiteral("flagDetailPane"));
    setAccessibleName(tr("Flag details"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    m_location->setWordWrap(true);
    m_variations->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("flagState"));
    m_state->setWordWrap(true);
    // Who killed the flag and why, in a box that stays until the flag is on again.
    m_killEvidence->setObjectName(QStringLiteral("killEvidence"));
    m_killEvidence->setWordWrap(true);
    m_killEvidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_killEvidence->setFrameShape(QFrame::StyledPanel);
    m_killEvidence->setMargin(6);
    m_description->setWordWrap(true);
    m_variations->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_actionButton->setObjectName(QStringLiteral("detailActionButton"));
    m_noSelectionHint->setWordWrap(true);
    m_noSelectionHint->setAlignment(Qt::AlignCenter);

    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->addWidget(m_title);
    content->addWidget(m_location);
    content->addWidget(m_state);
    content->addWidget(m_killEvidence);
    content->addSpacing(6);
    content->addWidget(m_description);
    content->addSpacing(6);
    content->addWidget(new QLabel(tr("<b>Exposure</b>"), m_content));
    content->addWidget(m_rolloutBar);
    content->addWidget(m_variations);
    content->addWidget(m_details);
    content->addSpacing(8);
    content->addWidget(m_actionButton);
    content->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_noSelectionHint);
    layout->addWidget(m_content);

    connect(m_actionButton, &QPushButton::clicked, this, [this] {
        if (const FlagTableModel::Row *row = m_flags->row(m_ref))
            Q_EMIT actionRequested(m_ref, FlagTableModel::rowAction(*row));
    });
    connect(m_flags, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        const int row = m_flags->rowOf(m_ref);
        if (row >= topLeft.row() && row <= bottomRight.row())
            refresh();
    });
    connect(m_flags, &QAbstractItemModel::rowsRemoved, this, &FlagDetailPane::refresh);
    connect(m_flags, &QAbstractItemModel::modelReset, this, &FlagDetailPane::refresh);
    refresh();
}

void FlagDetailPane::showFlag(const FlagRef &ref)
{
    m_ref = ref;
    refresh();
}

void FlagDetailPane::refresh()
{
    const FlagTableModel::Row *row = m_flags->row(m_ref);
    m_noSelectionHint->setVisible(!row);
    m_content->setVisible(row);
    if (!row)
        return;
    const Flag &flag = row->flag;
    m_title->setText(flag.name);
    m_location->setText(tr("<code>%1</code> · %2 · %3").arg(flag.key.toHtmlEscaped(), row->serverName.toHtmlEscaped(),
                                                             row->ref.environment.toHtmlEscaped()));
    m_state->setText(FlagTableModel::stateText(*row));
    QPalette statePalette = m_state->palette();
    statePalette.setColor(QPalette::WindowText, StateColors::forStateKind(FlagTableModel::stateKind(*row)));
    m_state->setPalette(statePalette);
    // Who killed it and why; or, for a kill switch this server and token cannot work, why not.
    const QString kill = FlagTableModel::killText(*row);
    const QString framed = !kill.isEmpty() || row->killUnavailable.isEmpty()
        ? kill
        : m_flags->indexOf(m_ref, FlagTableModel::ActionColumn).data(Qt::ToolTipRole).toString();
    m_killEvidence->setVisible(!framed.isEmpty());
    m_killEvidence->setText(framed);
    m_description->setText(flag.description);
    m_rolloutBar->setFlag(flag, flag.servedRollout());
    m_variations->setText(variationsHtml(*row));
    const QString changed = flag.updatedAtMs > 0
        ? QDateTime::fromMSecsSinceEpoch(flag.updatedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        : tr("unknown");
    // The server names the account whose credentials sent a change; a kill this console made
    // names who asked for it first.
    const QString account = flag.updatedBy.isEmpty() ? tr("unknown") : flag.updatedBy;
    const QString by = row->kill && !flag.enabled && row->kill->by != flag.updatedBy
        ? tr("%1 (sent as %2)").arg(row->kill->by, account)
        : account;
    m_details->setText(tr("Last change %1 by %2\nTags: %3\nRevision %4")
                           .arg(changed, by, flag.tags.isEmpty() ? tr("none") : flag.tags.join(QStringLiteral(", ")),
                                flag.revision));

    const FlagTableModel::RowAction action = FlagTableModel::rowAction(*row);
    m_actionButton->setEnabled(action != FlagTableModel::RowAction::None);
    switch (action) {
    case FlagTableModel::RowAction::Kill:
        m_actionButton->setText(tr("Kill switch: turn off… (K)"));
        break;
    case FlagTableModel::RowAction::Restore:
        m_actionButton->setText(tr("Restore: turn on… (R)"));
        break;
    default:
        m_actionButton->setText(FlagTableModel::actionLabel(*row));
        break;
    }
    m_actionButton->setAccessibleName(m_actionButton->text());
}

QString FlagDetailPane::variationsHtml(const FlagTableModel::Row &row) const
{
    const Flag &flag = row.flag;
    const Rollout served = flag.servedRollout();
    QString html = QStringLiteral("<table cellspacing='4'>");
    for (const Variation &variation : flag.variations) {
        const QString swatch = RolloutPainter::variationColor(flag, variation.id).name();
        const QString note = variation.id == flag.offVariationId ? tr(" <i>(off variation)</i>") : QString();
        // Three narrow columns: a rich-text table does not wrap, and the pane is narrow.
        html += QStringLiteral("<tr><td><span style='color:%1'>&#9632;</span></td><td><b>%2</b>%3<br><code>%4</code></td>"
                               "<td align='right'>%5</td></tr>")
                    .arg(swatch, variation.name.toHtmlEscaped(), note, variation.value.toHtmlEscaped().left(80),
                         Rollout::formatPercent(served.basisPointsOf(variation.id)));
    }
    return html + QStringLiteral("</table>");
}
