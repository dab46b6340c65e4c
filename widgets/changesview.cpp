#include "changesview.h"

#include "item/changetablemodel.h"
#include "item/flagstateatmodel.h"
#include "statecolors.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

constexpr int SinceChoice = -1;

// Draws the cells a predicate picks in bold: a flag's row among its changes, a state that was not
// as it is now.
class BoldDelegate : public QStyledItemDelegate
{
public:
    BoldDelegate(std::function<bool(const QModelIndex &)> bold, QObject *parent)
        : QStyledItemDelegate(parent), m_bold(std::move(bold))
    {
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (m_bold(index))
            option->font.setBold(true);
    }

private:
    std::function<bool(const QModelIndex &)> m_bold;
};

} // namespace

ChangesView::ChangesView(ChangeTableModel *changes, FlagStateAtModel *states, QWidget *parent)
    : QWidget(parent)
    , m_changes(changes)
    , m_window(new QComboBox(this))
    , m_since(new QDateTimeEdit(this))
    , m_count(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_putBack(new QPushButton(tr("&Put back…"), this))
    , m_previewPane(new QFrame(this))
    , m_previewText(new QLabel(m_previewPane))
    , m_comment(new QLineEdit(m_previewPane))
    , m_confirm(new QPushButton(tr("Put back"), m_previewPane))
    , m_killInstead(new QPushButton(tr("Kill instead"), m_previewPane))
    , m_cancel(new QPushButton(tr("Cancel"), m_previewPane))
    , m_stateTime(new QDateTimeEdit(this))
    , m_stateTitle(new QLabel(this))
    , m_stateTable(new QTableView(this))
    , m_statePane(new QWidget(this))
{
    m_window->setObjectName(QStringLiteral("changesWindow"));
    m_window->setAccessibleName(tr("Changes in the window"));
    m_since->setAccessibleName(tr("Changes since"));
    m_tree->setAccessibleName(tr("Changes by flag"));
    m_comment->setAccessibleName(tr("Why"));
    m_stateTime->setAccessibleName(tr("Time to show every flag at"));
    m_stateTable->setAccessibleName(tr("Every flag at that time, and now"));
    m_window->addItem(tr("in the last 15 minutes"), 15);
    m_window->addItem(tr("in the last hour"), 60);
    m_window->addItem(tr("in the last 6 hours"), 360);
    m_window->addItem(tr("in the last 24 hours"), 1440);
    m_window->addItem(tr("since a time…"), SinceChoice);
    m_window->setCurrentIndex(1);
    m_since->setObjectName(QStringLiteral("changesSince"));
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_since->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    m_since->setVisible(false);
    m_count->setObjectName(QStringLiteral("changesCount"));
    m_putBack->setObjectName(QStringLiteral("putBackButton"));
    m_putBack->setToolTip(tr("Preview putting the selected changes back: a change, a flag's net change, or several"));

    auto *windowRow = new QHBoxLayout;
    windowRow->addWidget(new QLabel(tr("Changes on every server"), this));
    windowRow->addWidget(m_window);
    windowRow->addWidget(m_since);
    windowRow->addSpacing(12);
    windowRow->addWidget(m_count, 1);
    windowRow->addWidget(m_putBack);

    m_tree->setObjectName(QStringLiteral("changesTree"));
    m_tree->setModel(changes);
    m_tree->setItemDelegate(new BoldDelegate(
        [](const QModelIndex &index) { return !index.parent().isValid() && index.column() == ChangeTableModel::FlagColumn; },
        m_tree));
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ChangeTableModel::ChangeColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(ChangeTableModel::WhenColumn, fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00")) + 48);
    m_tree->setColumnWidth(ChangeTableModel::FlagColumn, fontMetrics().averageCharWidth() * 52);
    m_tree->setColumnWidth(ChangeTableModel::WhoColumn, fontMetrics().averageCharWidth() * 40);

    m_previewPane->setObjectName(QStringLiteral("revertPreview"));
    m_previewPane->setFrameShape(QFrame::StyledPanel);
    m_previewText->setObjectName(QStringLiteral("revertPreviewText"));
    m_previewText->setWordWrap(true);
    m_previewText->setTextFormat(Qt::RichText);
    m_previewText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_comment->setPlaceholderText(tr("Why (goes into the audit history)"));
    m_confirm->setObjectName(QStringLiteral("confirmRevertButton"));
    m_killInstead->setObjectName(QStringLiteral("killInsteadButton"));
    auto *previewButtons = new QHBoxLayout;
    previewButtons->addWidget(m_confirm);
    previewButtons->addWidget(m_killInstead);
    previewButtons->addStretch(1);
    previewButtons->addWidget(m_cancel);
    auto *previewLayout = new QVBoxLayout(m_previewPane);
    previewLayout->addWidget(m_previewText, 1);
    previewLayout->addWidget(m_comment);
    previewLayout->addLayout(previewButtons);
    m_previewPane->setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    m_previewPane->hide();

    auto *changesSplit = new QSplitter(Qt::Horizontal, this);
    changesSplit->addWidget(m_tree);
    changesSplit->addWidget(m_previewPane);
    changesSplit->setStretchFactor(0, 3);
    changesSplit->setStretchFactor(1, 2);

    // Every flag as it was at a time: history, set apart from the present.
    m_stateTime->setObjectName(QStringLiteral("stateAtTime"));
    m_stateTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_stateTime->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    auto *showState = new QPushButton(tr("Show every flag at this time"), this);
    showState->setObjectName(QStringLiteral("showStateAtButton"));
    auto *hideState = new QPushButton(tr("Close"), this);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(new QLabel(tr("As it was at"), this));
    stateRow->addWidget(m_stateTime);
    stateRow->addWidget(showState);
    stateRow->addStretch(1);

    m_stateTitle->setObjectName(QStringLiteral("stateAtTitle"));
    m_stateTitle->setWordWrap(true);
    m_stateTitle->setAutoFillBackground(true);
    QPalette history = m_stateTitle->palette();
    history.setColor(QPalette::Window, StateColors::readable(QColor(0xff, 0xf3, 0xc4)));
    history.setColor(QPalette::WindowText, AppTheme::isDark() ? QColor(Qt::black) : history.color(QPalette::WindowText));
    m_stateTitle->setPalette(history);
    m_stateTitle->setMargin(4);
    m_stateTable->setObjectName(QStringLiteral("stateAtTable"));
    m_stateTable->setModel(states);
    m_stateTable->setItemDelegate(new BoldDelegate(
        [](const QModelIndex &index) {
            return index.column() == FlagStateAtModel::ThenColumn && index.data(FlagStateAtModel::DiffersRole).toBool();
        },
        m_stateTable));
    m_stateTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stateTable->verticalHeader()->hide();
    m_stateTable->horizontalHeader()->setStretchLastSection(true);
    m_stateTable->setColumnWidth(FlagStateAtModel::FlagColumn, fontMetrics().averageCharWidth() * 26);
    m_stateTable->setColumnWidth(FlagStateAtModel::ThenColumn, fontMetrics().averageCharWidth() * 40);
    m_stateTable->setColumnWidth(FlagStateAtModel::ChangedByColumn, fontMetrics().averageCharWidth() * 30);
    auto *stateTitleRow = new QHBoxLayout;
    stateTitleRow->addWidget(m_stateTitle, 1);
    stateTitleRow->addWidget(hideState);
    auto *stateLayout = new QVBoxLayout(m_statePane);
    stateLayout->setContentsMargins(0, 0, 0, 0);
    stateLayout->addLayout(stateTitleRow);
    stateLayout->addWidget(m_stateTable);
    m_statePane->hide();

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(changesSplit);
    split->addWidget(m_statePane);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(windowRow);
    layout->addWidget(split, 1);
    layout->addLayout(stateRow);

    connect(m_window, &QComboBox::currentIndexChanged, this, &ChangesView::chooseWindow);
    connect(m_since, &QDateTimeEdit::dateTimeChanged, this, [this] { Q_EMIT windowChosen(windowStartMs()); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ChangesView::updateButtons);
    connect(changes, &QAbstractItemModel::modelAboutToBeReset, this, &ChangesView::rememberSelection);
    connect(changes, &QAbstractItemModel::modelReset, this, &ChangesView::restoreSelection);
    connect(m_putBack, &QPushButton::clicked, this, [this] { Q_EMIT previewRequested(selectedChangeIds()); });
    connect(m_tree, &QTreeView::activated, this, [this] { Q_EMIT previewRequested(selectedChangeIds()); });
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        const QList<RevertPreview> previews = m_previews;
        m_confirm->setEnabled(false);
        for (const RevertPreview &preview : previews)
            Q_EMIT revertConfirmed(preview, m_comment->text().trimmed());
    });
    connect(m_killInstead, &QPushButton::clicked, this, [this] {
        if (m_previews.size() == 1)
            Q_EMIT killInsteadRequested(m_previews.constFirst().ref, m_comment->text().trimmed());
        m_killInstead->setEnabled(false);
    });
    connect(m_cancel, &QPushButton::clicked, this, &ChangesView::closePreview);
    connect(showState, &QPushButton::clicked, this, [this] {
        const QDateTime time = m_stateTime->dateTime();
        m_stateTitle->setText(tr("<b>History:</b> every flag as the audit history says it was at %1, beside how it "
                                 "is now. Rows in bold were not as they are now.")
                                  .arg(time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        m_statePane->show();
        Q_EMIT stateAtRequested(time.toMSecsSinceEpoch());
    });
    connect(hideState, &QPushButton::clicked, m_statePane, &QWidget::hide);
    updateButtons();
}

qint64 ChangesView::windowStartMs() const
{
    const int minutes = m_window->currentData().toInt();
    if (minutes == SinceChoice)
        return m_since->dateTime().toMSecsSinceEpoch();
    return QDateTime::currentMSecsSinceEpoch() - qint64(minutes) * 60 * 1000;
}

void ChangesView::chooseWindow()
{
    m_since->setVisible(m_window->currentData().toInt() == SinceChoice);
    Q_EMIT windowChosen(windowStartMs());
}

QList<qint64> ChangesView::selectedChangeIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_tree->selectionModel()->selectedRows()) {
        if (const ChangeGroup *group = m_changes->group(index)) {
            for (const StoredChange &change : group->changes)
                ids.append(change.id);
        } else if (const StoredChange *change = m_changes->change(index)) {
            ids.append(change->id);
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

void ChangesView::updateButtons()
{
    m_putBack->setEnabled(m_tree->selectionModel()->hasSelection());
    const ChangeWindow &window = m_changes->window();
    QString count = tr("%n change(s)", nullptr, window.changeCount()) + QStringLiteral(" · ")
        + tr("%n flag(s)", nullptr, int(window.groups.size()));
    if (window.truncated)
        count += QStringLiteral(" · ") + tr("only the newest %1 shown; choose a shorter window").arg(window.changeCount());
    m_count->setText(count);
}

void ChangesView::rememberSelection()
{
    m_selectedIds.clear();
    m_selectedFlags.clear();
    for (const QModelIndex &index : m_tree->selectionModel()->selectedRows()) {
        if (const ChangeGroup *group = m_changes->group(index))
            m_selectedFlags.append(group->ref);
        else if (const StoredChange *change = m_changes->change(index))
            m_selectedIds.append(change->id);
    }
}

void ChangesView::restoreSelection()
{
    m_tree->expandAll();
    QItemSelection selection;
    for (const FlagRef &ref : std::as_const(m_selectedFlags)) {
        const QModelIndex index = m_changes->indexOf(ref);
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(ChangeTableModel::ColumnCount - 1));
    }
    for (const qint64 id : std::as_const(m_selectedIds)) {
        for (int row = 0; row < m_changes->rowCount(); ++row) {
            const QModelIndex index = m_changes->indexOf(m_changes->window().groups.at(row).ref, id);
            if (index.isValid()) {
                selection.select(index, index.siblingAtColumn(ChangeTableModel::ColumnCount - 1));
                break;
            }
        }
    }
    m_tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    updateButtons();
}

QString ChangesView::previewHtml(const RevertPreview &preview)
{
    QString html = QStringLiteral("<p><b>%1</b></p>")
                       .arg(tr("Put %1 in %2 back as it was before %n change(s)", nullptr, int(preview.entryIds.size()))
                                .arg(preview.ref.key, preview.ref.environment)
                                .toHtmlEscaped());
    if (!preview.reverted.words.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("They did: %1").arg(preview.reverted.words.join(QStringLiteral(", "))).toHtmlEscaped());
    if (!preview.exact) {
        html += QStringLiteral("<p style=\"color:%1\"><b>%2</b> %3</p>")
                    .arg(StateColors::danger().name(), tr("Cannot be put back exactly:").toHtmlEscaped(),
                         preview.problems.join(QStringLiteral("; ")).toHtmlEscaped());
        if (preview.offerKill)
            html += QStringLiteral("<p>%1</p>").arg(tr("The kill is offered instead: it turns the flag off.").toHtmlEscaped());
        return html;
    }
    if (preview.changesNothing())
        return html + QStringLiteral("<p>%1</p>").arg(tr("It already is as it was: nothing to send.").toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\"><tr><th align=\"left\"></th><th align=\"left\">%1</th>"
                           "<th align=\"left\">%2</th></tr>")
                .arg(tr("Now").toHtmlEscaped(), tr("After putting back").toHtmlEscaped());
    for (const FlagChangeRow &row : preview.rows) {
        const QString cell = row.changed ? QStringLiteral("<b>%1</b>") : QStringLiteral("%1");
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(row.what.toHtmlEscaped(), cell.arg(row.before.toHtmlEscaped()), cell.arg(row.after.toHtmlEscaped()));
    }
    html += QStringLiteral("</table>");
    if (!preview.notPutBack.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Left as they are now: %1").arg(preview.notPutBack.join(QStringLiteral(", "))).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Sent against revision %1: refused if the flag changes before it is sent.")
                         .arg(preview.basedOnRevision)
                         .toHtmlEscaped());
    return html;
}

void ChangesView::showPreviews(const QList<RevertPreview> &previews)
{
    m_previews = previews;
    QStringList parts;
    bool allApply = !previews.isEmpty();
    for (const RevertPreview &preview : previews) {
        parts.append(previewHtml(preview));
        allApply = allApply && preview.canApply();
    }
    m_previewText->setText(parts.join(QStringLiteral("<hr>")));
    m_confirm->setVisible(true);
    m_confirm->setEnabled(allApply);
    m_confirm->setText(previews.size() > 1 ? tr("Put %n flag(s) back", nullptr, int(previews.size())) : tr("Put back"));
    m_killInstead->setVisible(previews.size() == 1 && previews.constFirst().offerKill);
    m_killInstead->setEnabled(true);
    m_comment->clear();
    m_comment->setVisible(allApply || m_killInstead->isVisible());
    m_previewPane->show();
    if (allApply)
        m_confirm->setFocus();
}

void ChangesView::showRefusal(const QString &reason, const QStringList &changedSince)
{
    QString html = QStringLiteral("<p style=\"color:%1\"><b>%2</b> %3</p>")
                       .arg(StateColors::danger().name(), tr("Not put back:").toHtmlEscaped(), reason.toHtmlEscaped());
    if (!changedSince.isEmpty()) {
        html += QStringLiteral("<p>%1</p><ul>").arg(tr("What changed since the preview:").toHtmlEscaped());
        for (const QString &change : changedSince)
            html += QStringLiteral("<li>%1</li>").arg(change.toHtmlEscaped());
        html += QStringLiteral("</ul><p>%1</p>").arg(tr("Look at it again: Put back makes a new preview.").toHtmlEscaped());
    }
    m_previews.clear();
    m_previewText->setText(html);
    m_confirm->hide();
    m_killInstead->hide();
    m_comment->hide();
    m_previewPane->show();
}

void ChangesView::showOutcome(const QString &text)
{
    m_previewText->setText(m_previewText->text() + QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped()));
    m_previewPane->show();
}

void ChangesView::showProblem(const QString &text)
{
    m_count->setText(tr("The change history cannot be read: %1").arg(text));
}

void ChangesView::closePreview()
{
    m_previews.clear();
    m_previewPane->hide();
}
