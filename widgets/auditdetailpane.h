#pragma once

#include "core/auditentry.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

// One audit entry: what changed in words, who and when, and the raw before and after JSON.
class AuditDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit AuditDetailPane(QWidget *parent = nullptr);

    void showEntry(const AuditEntry &entry, const QStringList &changes);
    void clear();

private:
    QLabel *m_summary;
    QLabel *m_changes;
    QLabel *m_details;
    QPlainTextEdit *m_before;
    QPlainTextEdit *m_after;
};
