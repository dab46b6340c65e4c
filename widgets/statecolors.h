#pragma once

#include "apptheme.h"
#include "item/flagtablemodel.h"

#include <QColor>

// The colours that say what a flag is doing, shared by the table and the detail pane.
namespace StateColors {

// The colours below are chosen for light windows; on dark ones they are brightened to stay legible.
inline QColor readable(const QColor &colour)
{
    return AppTheme::isDark() ? colour.lighter(165) : colour;
}

inline QColor danger() { return readable(QColor(0xc6, 0x28, 0x28)); }

// Behind a row that needs a person: the danger colour, faint enough to read text over.
inline QColor attentionTint()
{
    QColor tint = danger();
    tint.setAlpha(AppTheme::isDark() ? 70 : 38);
    return tint;
}

// The state at a glance: a kill (just made, or failed) in the danger colour, a change on its way
// in amber, a state read from the cache grey, since it must not look live.
inline QColor forStateKind(FlagTableModel::StateKind kind)
{
    switch (kind) {
    case FlagTableModel::StateKind::Stale:
        return readable(QColor(0x80, 0x80, 0x80));
    case FlagTableModel::StateKind::Pending:
        return readable(QColor(0xb2, 0x6b, 0x00));
    case FlagTableModel::StateKind::Failed:
    case FlagTableModel::StateKind::Killed:
        return danger();
    case FlagTableModel::StateKind::On:
        return readable(QColor(0x1b, 0x7f, 0x3b));
    case FlagTableModel::StateKind::Off:
        break;
    }
    return readable(QColor(0x5f, 0x63, 0x68));
}

// Behind the offline banner: amber, faint enough to read text over.
inline QColor offlineBannerBackground()
{
    QColor amber = readable(QColor(0xb2, 0x6b, 0x00));
    amber.setAlpha(AppTheme::isDark() ? 90 : 45);
    return amber;
}

// A guardrail verdict: red for a regression, amber for a flag being watched, green when healthy.
inline QColor forVerdict(GuardrailVerdict verdict)
{
    switch (verdict) {
    case GuardrailVerdict::Regressed:
        return danger();
    case GuardrailVerdict::Watching:
        return readable(QColor(0xb2, 0x6b, 0x00));
    case GuardrailVerdict::Healthy:
        return readable(QColor(0x1b, 0x7f, 0x3b));
    case GuardrailVerdict::NotEnoughEvidence:
    case GuardrailVerdict::NotEnoughData:
    case GuardrailVerdict::NoData:
        break;
    }
    return readable(QColor(0x5f, 0x63, 0x68));
}

} // namespace StateColors
