#pragma once

#include "core/flagref.h"
#include "item/flagtablemodel.h"

#include <QWidget>

class QLabel;
class QPushButton;
class RolloutBar;

// What one flag is: its state, description, variations and rollout, and its kill switch.
// It follows the model, so a confirmation from the server shows here as soon as it arrives.
class FlagDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit FlagDetailPane(FlagTableModel *flags, QWidget *parent = nullptr);

    void showFlag(const FlagRef &ref);
    FlagRef shownFlag() const { return m_ref; }

Q_SIGNALS:
    void actionRequested(const FlagRef &ref, FlagTableModel::RowAction action);

private:
    void refresh();
    QString variationsHtml(const FlagTableModel::Row &row) const;

    FlagTableModel *m_flags;
    FlagRef m_ref;
    QLabel *m_title;
    QLabel *m_location;
    QLabel *m_state;
    QLabel *m_killEvidence;
    QLabel *m_description;
    RolloutBar *m_rolloutBar;
    QLabel *m_variations;
    QLabel *m_details;
    QPushButton *m_actionButton;
    QLabel *m_noSelectionHint;
    QWidget *m_content;
};
