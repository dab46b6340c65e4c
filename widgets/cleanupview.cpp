#include "cleanupview.h"

#include "item/cleanuptablemodel.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

CleanupView::CleanupView(CleanupTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_sorted(new QSortFilterProxyModel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_export(new QPushButton(tr("&Export CSV…"), this))
    , m_archive(new QPushButton(tr("Propose &archive…"), this))
    , m_outcome(new QLabel(this))
{
    m_summary->setObjectName(QStringLiteral("cleanupSummary"));
    m_table->setObjectName(QStringLiteral("cleanupTable"));
    m_table->setAccessibleName(tr("Flags due for cleanup"));
    m_export->setObjectName(QStringLiteral("cleanupExport"));
    m_archive->setObjectName(QStringLiteral("cleanupArchive"));
    m_archive->setToolTip(tr("Ask the approval queue to archive the selected flag on its server, once its code is gone"));
    m_outcome->setObjectName(QStringLiteral("cleanupOutcome"));
    m_outcome->setWordWrap(true);

    m_sorted->setSourceModel(model);
    m_sorted->setSortRole(CleanupTableModel::SortRole);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CleanupTableModel::SinceColumn, Qt::AscendingOrder); // due longest first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(CleanupTableModel::FlagColumn, 220);
    m_table->setColumnWidth(CleanupTableModel::OwnerColumn, 180);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_archive);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_outcome);

    connect(m_export, &QPushButton::clicked, this, &CleanupView::chooseExportFile);
    connect(m_archive, &QPushButton::clicked, this, [this] {
        if (const FlagRef ref = selectedRef(); !ref.key.isEmpty())
            Q_EMIT archiveRequested(ref);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_archive->setEnabled(!selectedRef().key.isEmpty()); });
    connect(model, &QAbstractItemModel::rowsInserted, this, &CleanupView::updateSummary);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &CleanupView::updateSummary);
    connect(model, &QAbstractItemModel::modelReset, this, &CleanupView::updateSummary);
    m_archive->setEnabled(false);
    updateSummary();
}

FlagRef CleanupView::selectedRef() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? FlagRef() : rows.constFirst().data(CleanupTableModel::FlagRefRole).value<FlagRef>();
}

void CleanupView::updateSummary()
{
    const int due = m_model->rowCount();
    m_summary->setText(due > 0 ? tr("%n flag(s) due for cleanup: remove them from the code, then archive them", nullptr, due)
                               : tr("No flag is due for cleanup"));
    m_export->setEnabled(due > 0);
}

void CleanupView::chooseExportFile()
{
    // Opened, not exec()'d: the view keeps running its models while the person chooses.
    auto *dialog = new QFileDialog(this, tr("Export flags due for cleanup"), QStringLiteral("flagdeck-cleanup.csv"),
                                   tr("CSV (*.csv)"));
    dialog->setObjectName(QStringLiteral("cleanupExportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &CleanupView::exportCsv);
    dialog->open();
}

bool CleanupView::exportCsv(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_model->toCsv()) < 0 || !file.commit()) {
        showOutcome(tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    showOutcome(tr("%n flag(s) written to %1", nullptr, m_model->rowCount()).arg(path));
    return true;
}

void CleanupView::showOutcome(const QString &text)
{
    m_outcome->setText(text);
}
