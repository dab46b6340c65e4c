#include "flagserver.h"

FlagServer::FlagServer(ConnectionConfig config, QObject *parent) : QObject(parent), m_config(std::move(config)) {}

void FlagServer::setState(ConnectionState state, const QString &detail)
{
    if (m_state == state && m_stateDetail == detail)
        return;
    m_state = state;
    m_stateDetail = detail;
    Q_EMIT stateChanged(state, detail);
}
