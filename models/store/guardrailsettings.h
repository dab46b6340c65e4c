#pragma once

#include "../core/contract.h"
#include "../core/flagref.h"

class QSettings;

// Guardrails a person set in the console for a flag that has no contract (or none with
// guardrails), kept in the settings per connection, environment and flag.
class GuardrailSettings
{
public:
    explicit GuardrailSettings(QSettings &settings) : m_settings(settings) {}

    QList<ContractGuardrail> load(const FlagRef &ref) const;
    // An empty list forgets the flag's guardrails.
    void save(const FlagRef &ref, const QList<ContractGuardrail> &guardrails);

private:
    QSettings &m_settings;
};
