#pragma once

#include <QList>
#include <QString>

#include <optional>

// One vocabulary for buttons, proposals, the agent interface and the audit history.
// Revert puts a flag back as it was before changes from its history (enabled state, rollout).
// Archive retires a flag on its server once its code is gone (always through the approval queue).
enum class FlagAction { Kill, Restore, SetRollout, AdvanceStage, RollbackStage, ServeFallback, Revert, Archive };

// Every action, in the order above: for CHECK constraints and the agent interface's list.
QList<FlagAction> allFlagActions();

QString flagActionName(FlagAction action);
std::optional<FlagAction> flagActionFromName(const QString &name);
