#pragma once

#include "core/auditfilter.h"

#include <QWidget>

class AuditDetailPane;
class AuditTableModel;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

// The audit history tab: every cached change of every server, filtered and searched, newest
// first, with what the selected entry changed in words beside its raw JSON.
class AuditBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit AuditBrowser(AuditTableModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }
    // Shows one flag's history (from the flag table).
    void showFlagHistory(const QString &server, const QString &environment, const QString &flagKey);
    void focusSearch();
    AuditFilter currentFilter() const;

Q_SIGNALS:
    // The person chose a file; the application writes it.
    void exportRequested(const AuditFilter &filter, AuditExportFormat format, const QString &filePath);

private:
    void applyFilter();
    void updateCount();
    void updateTimeRange();
    void refreshServers();
    void chooseExportFile(AuditExportFormat format);

    AuditTableModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_server;
    QLineEdit *m_environment;
    QLineEdit *m_flag;
    QLineEdit *m_actor;
    QComboBox *m_actorKind;
    QComboBox *m_action;
    QComboBox *m_timeRange;
    QDateTimeEdit *m_since;
    QDateTimeEdit *m_until;
    QLabel *m_count;
    QTableView *m_table;
    AuditDetailPane *m_detail;
    QTimer *m_typingDelay;
};
