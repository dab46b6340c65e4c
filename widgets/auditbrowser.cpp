#include "auditbrowser.h"

#include "auditdetailpane.h"
#include "core/durationtext.h"
#include "core/flagaction.h"
#include "item/audittablemodel.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr int TypingDelayMs = 250;

enum TimeRange { AnyTime, LastHour, LastDay, LastWeek, LastMonth, CustomRange };

qint64 rangeMs(int range)
{
    switch (range) {
    case LastHour:
        return HourMs;
    case LastDay:
        return DayMs;
    case LastWeek:
        return 7 * DayMs;
    case LastMonth:
        return 30 * DayMs;
    default:
        return 0;
    }
}

QLineEdit *filterField(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setObjectName(objectName);
    field->setPlaceholderText(placeholder);
    field->setAccessibleName(placeholder);
    field->setClearButtonEnabled(true);
    return field;
}

} // namespace

AuditBrowser::AuditBrowser(AuditTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_search(filterField(QStringLiteral("auditSearch"), tr("Search all history (words in flags, actors, comments and changes)"), this))
    , m_server(new QComboBox(this))
    , m_environment(filterField(QStringLiteral("auditEnvironment"), tr("Environment"), this))
    , m_flag(filterField(QStringLiteral("auditFlag"), tr("Flag key"), this))
    , m_actor(filterField(QStringLiteral("auditActor"), tr("Actor"), this))
    , m_actorKind(new QComboBox(this))
    , m_action(new QComboBox(this))
    , m_timeRange(new QComboBox(this))
    , m_since(new QDateTimeEdit(this))
    , m_until(new QDateTimeEdit(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_detail(new AuditDetailPane(this))
    , m_typingDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("auditBrowser"));
    m_server->setObjectName(QStringLiteral("auditServer"));
    m_server->setAccessibleName(tr("Server"));
    m_actorKind->setObjectName(QStringLiteral("auditActorKind"));
    m_actorKind->setAccessibleName(tr("Actor kind"));
    m_actorKind->addItem(tr("Any actor kind"));
    for (ActorKind kind : {ActorKind::Human, ActorKind::Agent, ActorKind::System, ActorKind::Token})
        m_actorKind->addItem(actorKindName(kind), int(kind));
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setAccessibleName(tr("Action"));
    m_action->setEditable(true);
    m_action->addItem(QString());
    m_action->lineEdit()->setPlaceholderText(tr("Any action"));
    for (FlagAction action : {FlagAction::Kill, FlagAction::Restore, FlagAction::SetRollout, FlagAction::AdvanceStage,
                              FlagAction::RollbackStage, FlagAction::ServeFallback})
        m_action->addItem(flagActionName(action));
    m_action->addItem(QStringLiteral("create"));
    m_timeRange->setObjectName(QStringLiteral("auditTimeRange"));
    m_timeRange->setAccessibleName(tr("Time range"));
    m_timeRange->addItems({tr("Any time"), tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"), tr("Last 30 days"),
                           tr("Between…")});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (QDateTimeEdit *edit : {m_since, m_until}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        edit->setCalendarPopup(true);
    }
    m_since->setAccessibleName(tr("From"));
    m_until->setAccessibleName(tr("Until"));
    m_since->setDateTime(now.addDays(-1));
    m_until->setDateTime(now.addSecs(3600));
    m_count->setObjectName(QStringLiteral("auditCount"));

    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("auditExport"));
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Export the entries this filter shows"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("As CSV…"), this, [this] { chooseExportFile(AuditExportFormat::Csv); });
    exportMenu->addAction(tr("As NDJSON (for a SIEM)…"), this, [this] { chooseExportFile(AuditExportFormat::Ndjson); });
    exportButton->setMenu(exportMenu);

    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit history"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setCornerButtonEnabled(false);
    // A million rows: fixed heights, no sizing to contents.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    const QList<std::pair<int, int>> widths = {
        {AuditTableModel::TimeColumn, 140},  {AuditTableModel::ServerColumn, 80},  {AuditTableModel::EnvironmentColumn, 85},
        {AuditTableModel::FlagColumn, 190},  {AuditTableModel::ActionColumn, 80},  {AuditTableModel::OutcomeColumn, 80},
        {AuditTableModel::ActorColumn, 90},  {AuditTableModel::ActorKindColumn, 70}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_server);
    filters->addWidget(m_environment);
    filters->addWidget(m_flag);
    filters->addWidget(m_actor);
    filters->addWidget(m_actorKind);
    filters->addWidget(m_action);
    filters->addWidget(m_timeRange);
    filters->addWidget(m_since);
    filters->addWidget(m_until);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_count);
    searchRow->addWidget(exportButton);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(searchRow);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    m_typingDelay->setSingleShot(true);
    m_typingDelay->setInterval(TypingDelayMs);
    connect(m_typingDelay, &QTimer::timeout, this, &AuditBrowser::applyFilter);
    for (QLineEdit *field : {m_search, m_environment, m_flag, m_actor})
        connect(field, &QLineEdit::textChanged, m_typingDelay, qOverload<>(&QTimer::start));
    connect(m_action, &QComboBox::currentTextChanged, m_typingDelay, qOverload<>(&QTimer::start));
    for (QComboBox *combo : {m_server, m_actorKind})
        connect(combo, &QComboBox::activated, this, &AuditBrowser::applyFilter);
    connect(m_timeRange, &QComboBox::currentIndexChanged, this, [this] {
        updateTimeRange();
        applyFilter();
    });
    for (QDateTimeEdit *edit : {m_since, m_until})
        connect(edit, &QDateTimeEdit::dateTimeChanged, m_typingDelay, qOverload<>(&QTimer::start));

    connect(m_model, &AuditTableModel::loadingChanged, this, &AuditBrowser::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditBrowser::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditBrowser::updateCount);
    connect(m_model, &AuditTableModel::loadingChanged, this, [this](bool loading) {
        if (!loading)
            refreshServers();
    });
    connect(m_model, &AuditTableModel::problem, m_count, &QLabel::setText);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const AuditEntry *entry = current.isValid() ? m_model->entryAt(current.row()) : nullptr;
        if (entry)
            m_detail->showEntry(*entry, current.siblingAtColumn(0).data(AuditTableModel::ChangesRole).toStringList());
        else
            m_detail->clear();
    });

    updateTimeRange();
    refreshServers();
    updateCount();
}

void AuditBrowser::refreshServers()
{
    const QString current = m_server->currentData().toString();
    const QStringList servers = m_model->knownServers();
    m_server->clear();
    m_server->addItem(tr("All servers"));
    for (const QString &server : servers)
        m_server->addItem(server, server);
    m_server->setCurrentIndex(std::max(0, m_server->findData(current)));
}

void AuditBrowser::updateTimeRange()
{
    const bool custom = m_timeRange->currentIndex() == CustomRange;
    m_since->setVisible(custom);
    m_until->setVisible(custom);
}

AuditFilter AuditBrowser::currentFilter() const
{
    AuditFilter filter;
    filter.text = m_search->text();
    filter.server = m_server->currentData().toString();
    filter.environment = m_environment->text().trimmed();
    filter.flagKey = m_flag->text().trimmed();
    filter.actor = m_actor->text().trimmed();
    filter.action = m_action->currentText().trimmed();
    if (m_actorKind->currentIndex() > 0)
        filter.actorKind = ActorKind(m_actorKind->currentData().toInt());
    const int range = m_timeRange->currentIndex();
    if (range == CustomRange) {
        filter.sinceMs = m_since->dateTime().toMSecsSinceEpoch();
        filter.untilMs = m_until->dateTime().toMSecsSinceEpoch();
    } else if (range != AnyTime) {
        filter.sinceMs = QDateTime::currentMSecsSinceEpoch() - rangeMs(range);
    }
    return filter;
}

void AuditBrowser::applyFilter()
{
    m_typingDelay->stop();
    const AuditFilter filter = currentFilter();
    // A relative range moves with the clock: reapplying it is how a person refreshes it.
    if (filter == m_model->filter() && !filter.sinceMs)
        return;
    m_detail->clear();
    m_model->setFilter(filter);
}

void AuditBrowser::updateCount()
{
    const int rows = m_model->rowCount();
    m_count->setText(m_model->isLoading() ? tr("%n entries so far…", nullptr, rows) : tr("%n entries", nullptr, rows));
}

void AuditBrowser::showFlagHistory(const QString &server, const QString &environment, const QString &flagKey)
{
    for (QLineEdit *field : {m_search, m_actor})
        field->clear();
    refreshServers();
    m_server->setCurrentIndex(std::max(0, m_server->findData(server)));
    m_environment->setText(environment);
    m_flag->setText(flagKey);
    m_actorKind->setCurrentIndex(0);
    m_action->setCurrentText(QString());
    m_timeRange->setCurrentIndex(AnyTime);
    applyFilter();
}

void AuditBrowser::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void AuditBrowser::chooseExportFile(AuditExportFormat format)
{
    const bool csv = format == AuditExportFormat::Csv;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export audit history"), csv ? QStringLiteral("flagdeck-audit.csv") : QStringLiteral("flagdeck-audit.ndjson"),
        csv ? tr("CSV (*.csv)") : tr("NDJSON (*.ndjson *.jsonl)"));
    if (!path.isEmpty())
        Q_EMIT exportRequested(currentFilter(), format, path);
}
