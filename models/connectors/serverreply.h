#pragma once

#include "../core/auditentry.h"
#include "../core/flag.h"
#include "servererror.h"

#include <QObject>

#include <optional>

// The answer to one asynchronous request to a flag server. It finishes exactly once, then
// deletes itself; connect to finished() right after the call that returned it.
class ServerReply : public QObject
{
    Q_OBJECT

public:
    explicit ServerReply(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    bool failed() const { return m_error.has_value(); }
    // Meaningful only when failed(); otherwise an empty ServerError.
    ServerError error() const { return m_error.value_or(ServerError{}); }

    // The flag as the server holds it after a mutation: the server's confirmation.
    const Flag &flag() const { return m_flag; }

    const QList<AuditEntry> &auditEntries() const { return m_auditEntries; }
    const QString &nextCursor() const { return m_nextCursor; }

    // For backends.
    void finishWithFlag(const Flag &flag);
    void finishWithAudit(const QList<AuditEntry> &entries, const QString &nextCursor);
    void finishWithError(const ServerError &error);

Q_SIGNALS:
    void finished();

private:
    void finish();

    bool m_finished = false;
    std::optional<ServerError> m_error;
    Flag m_flag;
    QList<AuditEntry> m_auditEntries;
    QString m_nextCursor;
};
