#include "auditdetailpane.h"

#include <QDateTime>
#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>

namespace {

QString indentedJson(const QJsonObject &object)
{
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace

AuditDetailPane::AuditDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_changes(new QLabel(this))
    , m_details(new QLabel(this))
    , m_before(new QPlainTextEdit(this))
    , m_after(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("auditDetailPane"));
    setAccessibleName(tr("Audit entry details"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_changes->setObjectName(QStringLiteral("auditChanges"));
    m_changes->setWordWrap(true);
    m_changes->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QPlainTextEdit *json : {m_before, m_after}) {
        json->setReadOnly(true);
        json->setLineWrapMode(QPlainTextEdit::NoWrap);
        json->setFont(QFont(QStringLiteral("monospace")));
    }
    m_before->setAccessibleName(tr("Before, as JSON"));
    m_after->setAccessibleName(tr("After, as JSON"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_summary, 0, 0, 1, 2);
    layout->addWidget(m_changes, 1, 0, 1, 2);
    layout->addWidget(m_details, 2, 0, 1, 2);
    layout->addWidget(new QLabel(tr("<b>Before</b>"), this), 3, 0);
    layout->addWidget(new QLabel(tr("<b>After</b>"), this), 3, 1);
    layout->addWidget(m_before, 4, 0);
    layout->addWidget(m_after, 4, 1);
    layout->setRowStretch(4, 1);
    clear();
}

void AuditDetailPane::showEntry(const AuditEntry &entry, const QStringList &changes)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    m_summary->setText(tr("<b>%1</b> · %2 · %3<br>%4 UTC by %5 (%6)")
                           .arg(entry.flagKey.toHtmlEscaped(), entry.environment.toHtmlEscaped(),
                                entry.server.toHtmlEscaped(), time, entry.actor.toHtmlEscaped(),
                                actorKindName(entry.actorKind)));
    QStringList items;
    for (const QString &change : changes)
        items.append(QStringLiteral("<li>%1</li>").arg(change.toHtmlEscaped()));
    m_changes->setText(tr("<b>%1</b> (%2)<ul style=\"margin-left: 12px; -qt-list-indent: 0\">%3</ul>")
                           .arg(entry.action.toHtmlEscaped(), entry.outcome.toHtmlEscaped(), items.join(QString())));
    QStringList details;
    if (!entry.comment.isEmpty())
        details.append(tr("Comment: %1").arg(entry.comment));
    details.append(tr("Source id: %1").arg(entry.sourceId));
    m_details->setText(details.join(QLatin1Char('\n')));
    m_before->setPlainText(indentedJson(entry.before));
    m_after->setPlainText(indentedJson(entry.after));
}

void AuditDetailPane::clear()
{
    m_summary->setText(tr("Select an entry to see what it changed."));
    m_changes->clear();
    m_details->clear();
    m_before->clear();
    m_after->clear();
}
