#include "flagaction.h"

QString flagActionName(FlagAction action)
{
    switch (action) {
    case FlagAction::Kill:
        return QStringLiteral("kill");
    case FlagAction::Restore:
        return QStringLiteral("restore");
    case FlagAction::SetRollout:
        return QStringLiteral("set_rollout");
    case FlagAction::AdvanceStage:
        return QStringLiteral("advance_stage");
    case FlagAction::RollbackStage:
        return QStringLiteral("rollback_stage");
    case FlagAction::ServeFallback:
        return QStringLiteral("serve_fallback");
    case FlagAction::Revert:
        return QStringLiteral("revert");
    case FlagAction::Archive:
        return QStringLiteral("archive");
    }
    Q_UNREACHABLE();
}

std::optional<FlagAction> flagActionFromName(const QString &name)
{
    for (FlagAction action : allFlagActions()) {
        if (flagActionName(action) == name)
            return action;
    }
    return std::nullopt;
}

QList<FlagAction> allFlagActions()
{
    return {FlagAction::Kill,          FlagAction::Restore,       FlagAction::SetRollout, FlagAction::AdvanceStage,
            FlagAction::RollbackStage, FlagAction::ServeFallback, FlagAction::Revert,     FlagAction::Archive};
}
