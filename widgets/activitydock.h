#pragma once

#include <QDockWidget>

class ActivityLogModel;
class QTableView;

// The console's recent messages — kills, confirmations, failures, regressions, proposals — newest
// first with their time and kind, so the one that mattered is still there after the next arrives.
class ActivityDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit ActivityDock(ActivityLogModel *log, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }

private:
    QTableView *m_view;
};
