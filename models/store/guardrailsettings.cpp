#include "guardrailsettings.h"

#include <QSettings>
#include <QUrl>

namespace {

// Flag keys and connection ids may hold characters QSettings reads as structure ('/', '\').
QString keyOf(const FlagRef &ref)
{
    const auto part = [](const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); };
    return QStringLiteral("guardrails/%1/%2/%3").arg(part(ref.connectionId), part(ref.environment), part(ref.key));
}

const QString LowerIsBetter = QStringLiteral("lower_is_better");
const QString HigherIsBetter = QStringLiteral("higher_is_better");

} // namespace

QList<ContractGuardrail> GuardrailSettings::load(const FlagRef &ref) const
{
    QList<ContractGuardrail> guardrails;
    // One entry per guardrail: "metric;direction;threshold" (threshold may be empty).
    for (const QString &entry : m_settings.value(keyOf(ref)).toStringList()) {
        const QStringList parts = entry.split(QLatin1Char(';'));
        if (parts.size() != 3 || parts[0].isEmpty() || (parts[1] != LowerIsBetter && parts[1] != HigherIsBetter))
            continue; // edited by hand into something else: not a guardrail
        ContractGuardrail guardrail;
        guardrail.metric = parts[0];
        guardrail.direction = parts[1] == LowerIsBetter ? ContractGuardrail::Direction::LowerIsBetter
                                                        : ContractGuardrail::Direction::HigherIsBetter;
        bool ok = false;
        const double threshold = parts[2].toDouble(&ok);
        if (ok)
            guardrail.threshold = threshold;
        guardrail.rule = QStringLiteral("sequential");
        guardrails.append(guardrail);
    }
    return guardrails;
}

void GuardrailSettings::save(const FlagRef &ref, const QList<ContractGuardrail> &guardrails)
{
    if (guardrails.isEmpty()) {
        m_settings.remove(keyOf(ref));
        return;
    }
    QStringList entries;
    for (const ContractGuardrail &guardrail : guardrails) {
        const QString direction =
            guardrail.direction == ContractGuardrail::Direction::LowerIsBetter ? LowerIsBetter : HigherIsBetter;
        const QString threshold = guardrail.threshold ? QString::number(*guardrail.threshold, 'g', 17) : QString();
        entries.append(QStringList{guardrail.metric, direction, threshold}.join(QLatin1Char(';')));
    }
    m_settings.setValue(keyOf(ref), entries);
}
