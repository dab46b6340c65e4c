#pragma once

#include <QString>

#include <optional>

// One vocabulary for buttons, proposals, the agent interface and the audit history.
enum class FlagAction { Kill, Restore, SetRollout, AdvanceStage, RollbackStage, ServeFallback };

QString flagActionName(FlagAction action);
std::optional<FlagAction> flagActionFromName(const QString &name);
