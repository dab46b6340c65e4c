#pragma once

#include "core/flagref.h"

#include <QWidget>

class CleanupTableModel;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

// "Cleanup": the flags due to be removed from the code — review date passed, cleanup condition
// met, or settled without a contract — each with why, since when and its owner, due longest first.
// Exported as CSV for the owners; archiving a flag on its server is asked of the approval queue.
class CleanupView : public QWidget
{
    Q_OBJECT

public:
    explicit CleanupView(CleanupTableModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // Writes the list as CSV to path; false (and says why in the view) when it cannot.
    bool exportCsv(const QString &path);
    // How an archive request ended, or why it could not be made.
    void showOutcome(const QString &text);

Q_SIGNALS:
    // The person asked to archive the flag on its server: a proposal for the approval queue.
    void archiveRequested(const FlagRef &ref);

private:
    void chooseExportFile();
    void updateSummary();
    FlagRef selectedRef() const;

    CleanupTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QLabel *m_summary;
    QTableView *m_table;
    QPushButton *m_export;
    QPushButton *m_archive;
    QLabel *m_outcome;
};
