#pragma once

#include <QString>

#include <optional>

// One vocabulary for buttons, proposals, the agent interface and the audit history.
// Revert puts a flag back as it was before changes from its history (enabled state, rollout).
enum class FlagAction { Kill, Restore, SetRollout, AdvanceStage, RollbackStage, ServeFallback, Revert };

QString flagActionName(FlagAction action);
std::optional<FlagAction> flagActionFromName(const QString &name);
