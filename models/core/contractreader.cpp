#include "contractreader.h"

#include "durationtext.h"
#include "flagaction.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ContractReader)
};

QString fromYaml(const std::string &text)
{
    return QString::fromStdString(text);
}

// Walks the YAML tree, collecting findings with their positions instead of stopping at the first.
class Reader
{
public:
    explicit Reader(QString file) : m_file(std::move(file)) {}

    QList<ContractFinding> findings;
    bool hasErrors() const
    {
        return std::any_of(findings.cbegin(), findings.cend(), [](const ContractFinding &finding) {
            return finding.severity == ContractFinding::Severity::Error;
        });
    }

    void error(const YAML::Node &at, const QString &message) { add(ContractFinding::Severity::Error, at.Mark(), message); }
    void warning(const YAML::Node &at, const QString &message) { add(ContractFinding::Severity::Warning, at.Mark(), message); }
    void add(ContractFinding::Severity severity, const YAML::Mark &mark, const QString &message)
    {
        const bool known = mark.line >= 0;
        findings.append({severity, m_file, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0, message});
    }

    // A text field; absent is fine unless required; anything but a single value is an error.
    QString text(const YAML::Node &map, const char *key, bool required = false)
    {
        const YAML::Node node = map[key];
        if (!node || node.IsNull()) {
            if (required)
                error(map, Text::tr("\"%1\" is missing").arg(QLatin1String(key)));
            return {};
        }
        if (!node.IsScalar()) {
            error(node, Text::tr("\"%1\" must be a single value").arg(QLatin1String(key)));
            return {};
        }
        return fromYaml(node.Scalar()).trimmed();
    }

    QStringList textList(const YAML::Node &map, const char *key)
    {
        const YAML::Node node = map[key];
        if (!node || node.IsNull())
            return {};
        if (!node.IsSequence()) {
            error(node, Text::tr("\"%1\" must be a list").arg(QLatin1String(key)));
            return {};
        }
        QStringList values;
        for (const YAML::Node &item : node) {
            if (item.IsScalar())
                values.append(fromYaml(item.Scalar()).trimmed());
            else
                error(item, Text::tr("each entry of \"%1\" must be a single value").arg(QLatin1String(key)));
        }
        return values;
    }

private:
    QString m_file;
};

const QStringList &knownFields()
{
    static const QStringList fields = {
        QStringLiteral("flag_key"),       QStringLiteral("environments"),    QStringLiteral("behavior_surface"),
        QStringLiteral("owner"),          QStringLiteral("assignment_unit"), QStringLiteral("default"),
        QStringLiteral("candidate"),      QStringLiteral("fallback"),        QStringLiteral("first_audience"),
        QStringLiteral("rollout_path"),   QStringLiteral("stages"),          QStringLiteral("primary_metric"),
        QStringLiteral("guardrails"),     QStringLiteral("rollback_action"), QStringLiteral("cleanup_rule"),
        QStringLiteral("cleanup_condition"), QStringLiteral("review_date"),  QStringLiteral("policy"),
    };
    return fields;
}

void readStages(Reader &reader, const YAML::Node &root, Contract &contract)
{
    const YAML::Node stages = root["stages"];
    if (!stages || stages.IsNull()) {
        reader.error(root, Text::tr("\"stages\" is missing: list the rollout path's stages with their exposure"));
        return;
    }
    if (!stages.IsSequence() || stages.size() == 0) {
        reader.error(stages, Text::tr("\"stages\" must be a list of stages"));
        return;
    }
    QSet<QString> names;
    for (const YAML::Node &node : stages) {
        if (!node.IsMap()) {
            reader.error(node, Text::tr("a stage must have a name, an exposure and a minimum time"));
            continue;
        }
        ContractStage stage;
        stage.name = reader.text(node, "name", true);
        if (!stage.name.isEmpty() && names.contains(stage.name))
            reader.error(node["name"], Text::tr("stage \"%1\" is listed twice").arg(stage.name));
        names.insert(stage.name);
        const YAML::Node exposure = node["exposure"];
        if (!exposure || !exposure.IsMap()) {
            reader.error(exposure ? exposure : node,
                         Text::tr("stage \"%1\" needs an exposure: the share of each variation, e.g. "
                                  "{candidate_v2: 5%}")
                             .arg(stage.name));
        } else {
            int total = 0;
            for (const auto &pair : exposure) {
                const QString variation = fromYaml(pair.first.Scalar());
                if (!pair.second.IsScalar()) {
                    reader.error(pair.second, Text::tr("the share of \"%1\" must be a percentage").arg(variation));
                    continue;
                }
                const Result<int> basisPoints = parsePercent(fromYaml(pair.second.Scalar()));
                if (!basisPoints) {
                    reader.error(pair.second, basisPoints.error());
                    continue;
                }
                total += basisPoints.value();
                stage.exposure.append({variation, basisPoints.value()});
            }
            if (total > Rollout::TotalBasisPoints)
                reader.error(exposure, Text::tr("stage \"%1\" exposes %2 in all; at most 100% is possible")
                                           .arg(stage.name, Rollout::formatPercent(total)));
        }
        if (const QString minimum = reader.text(node, "minimum_time"); !minimum.isEmpty()) {
            const Result<qint64> ms = parseDuration(minimum);
            if (ms)
                stage.minimumMs = ms.value();
            else
                reader.error(node["minimum_time"], ms.error());
        }
        contract.stages.append(stage);
    }

    // rollout_path, the DESIGN form, names the same stages in the same order when given.
    const QStringList path = reader.textList(root, "rollout_path");
    QStringList stageNames;
    for (const ContractStage &stage : std::as_const(contract.stages))
        stageNames.append(stage.name);
    if (!path.isEmpty() && path != stageNames)
        reader.error(root["rollout_path"], Text::tr("\"rollout_path\" (%1) does not name the stages in their order (%2)")
                                              .arg(path.join(QStringLiteral(", ")), stageNames.join(QStringLiteral(", "))));
}

void readGuardrails(Reader &reader, const YAML::Node &root, Contract &contract)
{
    const YAML::Node guardrails = root["guardrails"];
    if (!guardrails || guardrails.IsNull())
        return;
    if (!guardrails.IsSequence()) {
        reader.error(guardrails, Text::tr("\"guardrails\" must be a list"));
        return;
    }
    for (const YAML::Node &node : guardrails) {
        ContractGuardrail guardrail;
        if (node.IsScalar()) {
            // The short form names the metric only; it cannot stop anything yet.
            guardrail.metric = fromYaml(node.Scalar());
            reader.warning(node, Text::tr("guardrail \"%1\" has no threshold or rule, so it cannot stop an expansion")
                                     .arg(guardrail.metric));
            contract.guardrails.append(guardrail);
            continue;
        }
        if (!node.IsMap()) {
            reader.error(node, Text::tr("a guardrail is a metric name or a map with metric, direction and threshold or rule"));
            continue;
        }
        guardrail.metric = reader.text(node, "metric", true);
        const QString direction = reader.text(node, "direction", true);
        if (direction == QLatin1String("higher_is_better"))
            guardrail.direction = ContractGuardrail::Direction::HigherIsBetter;
        else if (!direction.isEmpty() && direction != QLatin1String("lower_is_better"))
            reader.error(node["direction"], Text::tr("direction must be lower_is_better or higher_is_better, not \"%1\"")
                                                .arg(direction));
        if (const QString threshold = reader.text(node, "threshold"); !threshold.isEmpty()) {
            bool ok = false;
            const double value = threshold.toDouble(&ok);
            if (ok)
                guardrail.threshold = value;
            else
                reader.error(node["threshold"], Text::tr("threshold must be a number, not \"%1\"").arg(threshold));
        }
        guardrail.rule = reader.text(node, "rule");
        if (!guardrail.rule.isEmpty() && guardrail.rule != QLatin1String("sequential"))
            reader.error(node["rule"], Text::tr("the only statistical rule is \"sequential\", not \"%1\"").arg(guardrail.rule));
        if (!guardrail.canStopExpansion())
            reader.warning(node, Text::tr("guardrail \"%1\" has no threshold or rule, so it cannot stop an expansion")
                                     .arg(guardrail.metric));
        contract.guardrails.append(guardrail);
    }
}

void readPolicy(Reader &reader, const YAML::Node &root, Contract &contract)
{
    const YAML::Node policy = root["policy"];
    if (!policy || policy.IsNull())
        return;
    if (!policy.IsMap()) {
        reader.error(policy, Text::tr("\"policy\" must be a map with approvals and auto_kill"));
        return;
    }
    if (const QString autoKill = reader.text(policy, "auto_kill"); !autoKill.isEmpty()) {
        if (autoKill != QLatin1String("true") && autoKill != QLatin1String("false"))
            reader.error(policy["auto_kill"], Text::tr("auto_kill must be true or false"));
        contract.autoKill = autoKill == QLatin1String("true");
    }
    const YAML::Node approvals = policy["approvals"];
    if (!approvals || approvals.IsNull())
        return;
    if (!approvals.IsMap()) {
        reader.error(approvals, Text::tr("approvals must map actions to the reviewers each risk needs"));
        return;
    }
    for (const auto &action : approvals) {
        const QString name = fromYaml(action.first.Scalar());
        if (!flagActionFromName(name)) {
            reader.error(action.first, Text::tr("\"%1\" is not an action (kill, restore, set_rollout, advance_stage, "
                                                "rollback_stage, serve_fallback)")
                                           .arg(name));
            continue;
        }
        if (!action.second.IsMap()) {
            reader.error(action.second, Text::tr("approvals for %1 must map risks (low, medium, high, critical) to a number "
                                                 "of reviewers")
                                            .arg(name));
            continue;
        }
        for (const auto &risk : action.second) {
            const std::optional<Contract::Risk> level = riskFromName(fromYaml(risk.first.Scalar()));
            bool ok = false;
            const int reviewers = risk.second.IsScalar() ? fromYaml(risk.second.Scalar()).toInt(&ok) : -1;
            if (!level)
                reader.error(risk.first, Text::tr("\"%1\" is not a risk (low, medium, high, critical)")
                                             .arg(fromYaml(risk.first.Scalar())));
            else if (!ok || reviewers < 0 || reviewers > 10)
                reader.error(risk.second, Text::tr("the number of reviewers must be a whole number from 0 to 10"));
            else
                contract.approvals[name][*level] = reviewers;
        }
    }
}

} // namespace

QString ContractFinding::text() const
{
    const QString where = line > 0 ? QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column) : file;
    return QStringLiteral("%1: %2: %3")
        .arg(where, severity == Severity::Error ? Text::tr("error") : Text::tr("warning"), message);
}

Result<int> parsePercent(const QString &text)
{
    static const QRegularExpression percent(QStringLiteral("^(\\d{1,3})(?:\\.(\\d{1,2}))?\\s*%?$"));
    const QRegularExpressionMatch match = percent.match(text.trimmed());
    if (!match.hasMatch())
        return Result<int>::failure(
            Text::tr("\"%1\" is not a share of traffic: write a percentage such as 5% or 0.25%").arg(text));
    const int whole = match.captured(1).toInt();
    const int hundredths = match.captured(2).leftJustified(2, QLatin1Char('0')).toInt();
    const int basisPoints = whole * 100 + hundredths;
    if (basisPoints > Rollout::TotalBasisPoints)
        return Result<int>::failure(Text::tr("%1 is more than 100%").arg(text));
    return basisPoints;
}

Result<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression duration(QStringLiteral("^(\\d+)\\s*([mhd]?)$"));
    const QRegularExpressionMatch match = duration.match(text.trimmed());
    if (!match.hasMatch() || (match.captured(2).isEmpty() && match.captured(1).toLongLong() != 0))
        return Result<qint64>::failure(
            Text::tr("\"%1\" is not a duration: write minutes, hours or days such as 90m, 24h or 7d").arg(text));
    const qint64 amount = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 unitMs = unit == QLatin1String("m") ? MinuteMs : unit == QLatin1String("h") ? HourMs : DayMs;
    return amount * unitMs;
}

ContractReadResult readContract(const QByteArray &yaml, const QString &fileName)
{
    Reader reader(fileName);
    ContractReadResult result;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &exception) {
        reader.add(ContractFinding::Severity::Error, exception.mark,
                   Text::tr("not valid YAML: %1").arg(fromYaml(exception.msg)));
        result.findings = reader.findings;
        return result;
    }
    if (!root.IsMap()) {
        reader.error(root, Text::tr("a contract is a map of fields such as flag_key, owner and stages"));
        result.findings = reader.findings;
        return result;
    }

    Contract contract;
    contract.sourceFile = fileName;
    try {
        for (const auto &field : root) {
            const QString name = fromYaml(field.first.Scalar());
            if (!knownFields().contains(name))
                reader.warning(field.first, Text::tr("unknown field \"%1\" is ignored (a typo?)").arg(name));
        }
        contract.flagKey = reader.text(root, "flag_key", true);
        contract.environments = reader.textList(root, "environments");
        contract.behaviorSurface = reader.text(root, "behavior_surface");
        contract.owner = reader.text(root, "owner");
        contract.assignmentUnit = reader.text(root, "assignment_unit");
        contract.defaultVariation = reader.text(root, "default", true);
        contract.candidate = reader.text(root, "candidate");
        contract.fallback = reader.text(root, "fallback");
        contract.firstAudience = reader.text(root, "first_audience");
        contract.primaryMetric = reader.text(root, "primary_metric");
        contract.rollbackAction = reader.text(root, "rollback_action");
        contract.cleanupRule = reader.text(root, "cleanup_rule");
        contract.cleanupCondition = reader.text(root, "cleanup_condition");
        if (const QString reviewDate = reader.text(root, "review_date"); !reviewDate.isEmpty()) {
            contract.reviewDate = QDate::fromString(reviewDate, Qt::ISODate);
            if (!contract.reviewDate.isValid())
                reader.error(root["review_date"], Text::tr("review_date must be a date such as 2026-12-31, not \"%1\"")
                                                      .arg(reviewDate));
        }
        readStages(reader, root, contract);
        readGuardrails(reader, root, contract);
        readPolicy(reader, root, contract);
    } catch (const YAML::Exception &exception) {
        // A node of an unexpected kind deep down (a key that is itself a list, say).
        reader.add(ContractFinding::Severity::Error, exception.mark, Text::tr("unexpected structure: %1").arg(fromYaml(exception.msg)));
    }
    result.findings = reader.findings;
    if (!reader.hasErrors())
        result.contract = contract;
    return result;
}
