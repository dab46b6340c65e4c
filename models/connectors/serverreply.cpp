#include "serverreply.h"

ServerReply::ServerReply(QObject *parent) : QObject(parent) {}

void ServerReply::finishWithFlag(const Flag &flag)
{
    m_flag = flag;
    finish();
}

void ServerReply::finishWithAudit(const QList<AuditEntry> &entries, const QString &nextCursor)
{
    m_auditEntries = entries;
    m_nextCursor = nextCursor;
    finish();
}

void ServerReply::finishWithError(const ServerError &error)
{
    m_error = error;
    finish();
}

void ServerReply::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
    deleteLater();
}
