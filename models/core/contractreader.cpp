#include "contractreader.h"

#include "durationtext.h"
#include "flagaction.h"
#include "metricunit.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ContractReader)
};

QString fromYaml(const std::string &text)
{
    return QString::fromStdString(text);
}

ContractPosition positionOf(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    return mark.line >= 0 ? ContractPosition{mark.line + 1, mark.column + 1} : ContractPosition{};
}

// Levenshtein distance, ignoring case; field names are short, so two rows of the table will do.
int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), 0);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// The known name a mistyped one most likely meant: near enough to be a slip of the keys (one edit
// in a short name, up to three in a long one), or none.
QString closest(const QString &name, const QStringList &known)
{
    const int allowed = name.size() <= 4 ? 1 : name.size() <= 8 ? 2 : 3;
    QString best;
    int bestDistance = allowed + 1;
    for (const QString &candidate : known) {
        if (const int distance = editDistance(name, candidate); distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

QString withGuess(const QString &message, const QString &guess)
{
    return guess.isEmpty() ? message : Text::tr("%1: did you mean `%2`?").arg(message, guess);
}

// The names of the format; not user text.
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

// The top-level fields that decide what FlagDeck does with the flag — where the contract applies,
// what is served, the stages and their gates, the guardrails, the policy — as opposed to those that
// describe it (owner, surface, cleanup), which the readiness checklist shows as missing anyway.
const QStringList &ruleFields()
{
    static const QStringList fields = {
        QStringLiteral("environments"), QStringLiteral("default"),    QStringLiteral("fallback"), QStringLiteral("stages"),
        QStringLiteral("rollout_path"), QStringLiteral("guardrails"), QStringLiteral("policy"),
    };
    return fields;
}

const QStringList &stageFields()
{
    static const QStringList fields = {QStringLiteral("name"), QStringLiteral("exposure"), QStringLiteral("minimum_time"),
                                       QStringLiteral("evals")};
    return fields;
}

const QStringList &evalFields()
{
    static const QStringList fields = {QStringLiteral("report"),    QStringLiteral("suite"),   QStringLiteral("variation"),
                                       QStringLiteral("pass_rate"), QStringLiteral("metrics"), QStringLiteral("max_age")};
    return fields;
}

const QStringList &boundFields()
{
    static const QStringList fields = {QStringLiteral("min"), QStringLiteral("max")};
    return fields;
}

const QStringList &guardrailFields()
{
    static const QStringList fields = {QStringLiteral("metric"), QStringLiteral("direction"), QStringLiteral("threshold"),
                                       QStringLiteral("rule"),   QStringLiteral("tolerance"), QStringLiteral("kind"),
                                       QStringLiteral("series"), QStringLiteral("quantile")};
    return fields;
}

const QStringList &policyFields()
{
    static const QStringList fields = {QStringLiteral("approvals"), QStringLiteral("auto_kill")};
    return fields;
}

const QStringList &actionNames()
{
    static const QStringList names = [] {
        QStringList all;
        for (const FlagAction action : {FlagAction::Kill, FlagAction::Restore, FlagAction::SetRollout,
                                        FlagAction::AdvanceStage, FlagAction::RollbackStage, FlagAction::ServeFallback})
            all.append(flagActionName(action));
        return all;
    }();
    return names;
}

const QStringList &riskNames()
{
    static const QStringList names = [] {
        QStringList all;
        for (const Contract::Risk risk :
             {Contract::Risk::Low, Contract::Risk::Medium, Contract::Risk::High, Contract::Risk::Critical})
            all.append(riskName(risk));
        return all;
    }();
    return names;
}

// Where a field of a nested map belongs when it is written at the top level by mistake, where it
// would set nothing; empty when it belongs nowhere else.
QString misplacedHome(const QString &name)
{
    if (policyFields().contains(name))
        return Text::tr("under policy");
    if (name == QLatin1String("exposure") || name == QLatin1String("minimum_time") || name == QLatin1String("evals"))
        return Text::tr("in a stage, under stages");
    if (name == QLatin1String("direction") || name == QLatin1String("threshold") || name == QLatin1String("tolerance"))
        return Text::tr("in a guardrail, under guardrails");
    return {};
}

// Walks the YAML tree, collecting findings with their positions instead of stopping at the first.
class Reader
{
public:
    explicit Reader(QString file) : m_file(std::move(file)) {}

    struct Field
    {
        QString name;
        YAML::Node key;
        YAML::Node value;
    };

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

    // A map's fields in file order. A key that is not a plain name, or one given twice, is an
    // error: YAML readers keep the first of two equal keys, so the second — often the edit that
    // was meant — would be dropped without a word.
    QList<Field> fields(const YAML::Node &map)
    {
        QList<Field> all;
        QHash<QString, int> lines;
        for (const auto &pair : map) {
            if (!pair.first.IsScalar()) {
                error(pair.first, Text::tr("a field name must be a single word"));
                continue;
            }
            const QString name = fromYaml(pair.first.Scalar());
            if (const auto first = lines.constFind(name); first != lines.cend()) {
                error(pair.first, Text::tr("`%1` is given twice (first on line %2)").arg(name).arg(first.value()));
                continue;
            }
            lines.insert(name, pair.first.Mark().line + 1);
            all.append({name, pair.first, pair.second});
        }
        return all;
    }

    // Inside a stage, a guardrail or the policy every field sets a rule, so an unknown name is most
    // likely a typo of a rule that would then be missing — a stage's minimum time, a guardrail's
    // threshold, auto_kill, an approval. That is an error: the contract is not used half-understood.
    void unknownFields(const QList<Field> &fields, const QStringList &known, const QString &where,
                       const std::function<QString(const QString &)> &homeOf = {})
    {
        for (const Field &field : fields) {
            if (known.contains(field.name))
                continue;
            if (const QString home = homeOf ? homeOf(field.name) : QString(); !home.isEmpty()) {
                error(field.key, Text::tr("`%1` belongs %2; %3 it would set nothing").arg(field.name, home, where));
                continue;
            }
            const QString guess = closest(field.name, known);
            error(field.key, guess.isEmpty() ? Text::tr("unknown field `%1` %2 (the fields here are %3)")
                                                   .arg(field.name, where, known.join(QStringLiteral(", ")))
                                             : withGuess(Text::tr("unknown field `%1` %2").arg(field.name, where), guess));
        }
    }

    // At the top level most fields describe the flag, and a team may keep notes of its own there,
    // so an unknown name is a warning — unless it is near a field that sets a rule (policy,
    // guardrails, environments, …) or belongs inside one (auto_kill): then that rule would be
    // missing, and that is an error.
    void topLevelFields(const QList<Field> &fields)
    {
        for (const Field &field : fields) {
            if (knownFields().contains(field.name))
                continue;
            if (const QString home = misplacedHome(field.name); !home.isEmpty()) {
                error(field.key, Text::tr("`%1` belongs %2; at the top level it would set nothing").arg(field.name, home));
                continue;
            }
            const QString guess = closest(field.name, knownFields());
            if (guess.isEmpty())
                warning(field.key, Text::tr("unknown field `%1` is ignored (a typo?)").arg(field.name));
            else if (ruleFields().contains(guess))
                error(field.key, withGuess(Text::tr("unknown field `%1`").arg(field.name), guess));
            else
                warning(field.key, withGuess(Text::tr("unknown field `%1` is ignored").arg(field.name), guess));
        }
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

// Remembers where a variation is first named, for findings against a server's flags.
void noteVariation(Contract &contract, const QString &variation, const YAML::Node &at)
{
    if (!variation.isEmpty() && !contract.variationPositions.contains(variation))
        contract.variationPositions.insert(variation, positionOf(at));
}

std::optional<double> readBound(Reader &reader, const YAML::Node &map, const char *key, const QString &metric)
{
    const QString text = reader.text(map, key);
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (ok && std::isfinite(value))
        return value;
    reader.error(map[key], Text::tr("the %1 of metric \"%2\" must be a number, not \"%3\"")
                               .arg(QLatin1String(key), metric, text));
    return std::nullopt;
}

// A stage's eval evidence: each entry names a report, the variation it covers, what it must show and
// how old it may be. Every field sets a rule, so an unknown one is an error, as in a stage.
void readEvals(Reader &reader, const YAML::Node &node, Contract &contract, ContractStage &stage)
{
    const YAML::Node evals = node["evals"];
    if (!evals || evals.IsNull())
        return;
    if (!evals.IsSequence()) {
        reader.error(evals, Text::tr("\"evals\" of stage \"%1\" must be a list of reports").arg(stage.name));
        return;
    }
    for (const YAML::Node &item : evals) {
        if (!item.IsMap()) {
            reader.error(item, Text::tr("an eval is a map with report, variation, pass_rate or metrics, and max_age"));
            continue;
        }
        const QString where = Text::tr("in an eval of stage \"%1\"").arg(stage.name);
        reader.unknownFields(reader.fields(item), evalFields(), where);
        ContractEval eval;
        eval.report = reader.text(item, "report", true);
        eval.reportPosition = positionOf(item["report"] ? item["report"] : item);
        if (eval.report.contains(QLatin1String("://")) && !eval.isUrl())
            reader.error(item["report"], Text::tr("a report is a file or glob in the contracts folder, or an http:// or "
                                                  "https:// URL, not \"%1\"")
                                             .arg(eval.report));
        eval.suite = reader.text(item, "suite");
        eval.suitePosition = positionOf(item["suite"] ? item["suite"] : item);
        eval.variation = reader.text(item, "variation", true);
        eval.variationPosition = positionOf(item["variation"] ? item["variation"] : item);
        noteVariation(contract, eval.variation, item["variation"] ? item["variation"] : item);
        if (const QString rate = reader.text(item, "pass_rate"); !rate.isEmpty()) {
            const Result<int> basisPoints = parsePercent(rate);
            if (basisPoints)
                eval.passBasisPoints = basisPoints.value();
            else
                reader.error(item["pass_rate"], basisPoints.error());
        }
        const YAML::Node metrics = item["metrics"];
        if (metrics && !metrics.IsNull() && !metrics.IsMap()) {
            reader.error(metrics, Text::tr("\"metrics\" must map metric names to bounds, e.g. {citation_accuracy: {min: 0.95}}"));
        } else if (metrics && metrics.IsMap()) {
            // The keys are the report's metric names, not fields: any name may stand here.
            for (const Reader::Field &metric : reader.fields(metrics)) {
                if (!metric.value.IsMap()) {
                    reader.error(metric.value, Text::tr("metric \"%1\" needs bounds: {min: …}, {max: …} or both").arg(metric.name));
                    continue;
                }
                reader.unknownFields(reader.fields(metric.value), boundFields(), Text::tr("in metric \"%1\"").arg(metric.name));
                EvalMetricBound bound{metric.name, readBound(reader, metric.value, "min", metric.name),
                                      readBound(reader, metric.value, "max", metric.name), positionOf(metric.key)};
                if (!bound.min && !bound.max)
                    reader.error(metric.value, Text::tr("metric \"%1\" needs a min, a max or both").arg(metric.name));
                else if (bound.min && bound.max && *bound.min > *bound.max)
                    reader.error(metric.value, Text::tr("metric \"%1\" has a min above its max").arg(metric.name));
                eval.metrics.append(bound);
            }
        }
        if (!item["pass_rate"] && !item["metrics"])
            reader.error(item, Text::tr("the eval of \"%1\" sets neither pass_rate nor metrics, so no report could fail it")
                                   .arg(eval.variation));
        if (const QString age = reader.text(item, "max_age"); !age.isEmpty()) {
            const Result<qint64> ms = parseDuration(age);
            if (!ms)
                reader.error(item["max_age"], ms.error());
            else if (ms.value() == 0)
                reader.error(item["max_age"], Text::tr("max_age 0 would refuse every report: omit it to accept any age"));
            else
                eval.maxAgeMs = ms.value();
        } else {
            reader.warning(item, Text::tr("the eval of \"%1\" has no max_age, so a report of any age counts")
                                     .arg(eval.variation));
        }
        stage.evals.append(eval);
    }
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
        const QList<Reader::Field> fields = reader.fields(node);
        stage.name = reader.text(node, "name", true);
        reader.unknownFields(fields, stageFields(),
                             stage.name.isEmpty() ? Text::tr("in a stage") : Text::tr("in stage \"%1\"").arg(stage.name));
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
            // The keys are variations, not fields: any name may stand here.
            int total = 0;
            for (const Reader::Field &share : reader.fields(exposure)) {
                if (!share.value.IsScalar()) {
                    reader.error(share.value, Text::tr("the share of \"%1\" must be a percentage").arg(share.name));
                    continue;
                }
                const Result<int> basisPoints = parsePercent(fromYaml(share.value.Scalar()));
                if (!basisPoints) {
                    reader.error(share.value, basisPoints.error());
                    continue;
                }
                total += basisPoints.value();
                stage.exposure.append({share.name, basisPoints.value()});
                noteVariation(contract, share.name, share.key);
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
        readEvals(reader, node, contract, stage);
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

// What the telemetry records for the guardrail: its kind, the instrument, a histogram's quantile.
void readGuardrailKind(Reader &reader, const YAML::Node &node, ContractGuardrail &guardrail)
{
    if (const QString kind = reader.text(node, "kind"); !kind.isEmpty()) {
        if (const auto known = guardrailKindFromName(kind))
            guardrail.kind = *known;
        else
            reader.error(node["kind"], Text::tr("kind must be gauge, counter or histogram, not \"%1\"").arg(kind));
    }
    guardrail.series = reader.text(node, "series");
    const QString quantile = reader.text(node, "quantile");
    if (guardrail.kind != ContractGuardrail::Kind::Histogram) {
        if (!quantile.isEmpty())
            reader.error(node["quantile"], Text::tr("quantile is for a guardrail of kind histogram"));
        return;
    }
    if (guardrail.series.isEmpty())
        guardrail.series = ContractGuardrail::DefaultHistogram;
    if (!quantile.isEmpty()) {
        bool ok = false;
        guardrail.quantile = quantile.toDouble(&ok);
        if (!ok || !(guardrail.quantile > 0 && guardrail.quantile < 1))
            reader.error(node["quantile"], Text::tr("quantile must be a number between 0 and 1, such as 0.95, not \"%1\"")
                                               .arg(quantile));
    } else {
        guardrail.quantile = ContractGuardrail::quantileInName(guardrail.metric);
        if (guardrail.quantile == 0)
            reader.error(node, Text::tr("guardrail \"%1\" reads a histogram: give it a quantile (0.95), or name it "
                                        "for one (p95_latency)").arg(guardrail.metric));
    }
    // OpenTelemetry records durations in seconds; a metric read in milliseconds gets them in ms.
    guardrail.secondsToMilliseconds =
        MetricUnit::forMetric(guardrail.metric).symbol == MetricUnit::forMetric(QStringLiteral("latency")).symbol;
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
        const QList<Reader::Field> fields = reader.fields(node);
        guardrail.metric = reader.text(node, "metric", true);
        reader.unknownFields(fields, guardrailFields(),
                             guardrail.metric.isEmpty() ? Text::tr("in a guardrail")
                                                        : Text::tr("in guardrail \"%1\"").arg(guardrail.metric));
        const QString direction = reader.text(node, "direction", true);
        if (direction == QLatin1String("higher_is_better"))
            guardrail.direction = ContractGuardrail::Direction::HigherIsBetter;
        else if (!direction.isEmpty() && direction != QLatin1String("lower_is_better"))
            reader.error(node["direction"], Text::tr("direction must be lower_is_better or higher_is_better, not \"%1\"")
                                                .arg(direction));
        if (const QString threshold = reader.text(node, "threshold"); !threshold.isEmpty()) {
            bool ok = false;
            const double value = threshold.toDouble(&ok);
            // "nan" and "inf" read as numbers, but no measurement ever crosses them.
            if (ok && std::isfinite(value))
                guardrail.threshold = value;
            else
                reader.error(node["threshold"], Text::tr("threshold must be a number, not \"%1\"").arg(threshold));
        }
        if (const QString tolerance = reader.text(node, "tolerance"); !tolerance.isEmpty()) {
            if (const Result<int> basisPoints = parsePercent(tolerance))
                guardrail.tolerance = double(basisPoints.value()) / Rollout::TotalBasisPoints;
            else
                reader.error(node["tolerance"],
                             Text::tr("tolerance is a percentage of the default's level, such as 5%: %1")
                                 .arg(basisPoints.error()));
        }
        guardrail.rule = reader.text(node, "rule");
        if (!guardrail.rule.isEmpty() && guardrail.rule != QLatin1String("sequential"))
            reader.error(node["rule"], Text::tr("the only statistical rule is \"sequential\", not \"%1\"").arg(guardrail.rule));
        readGuardrailKind(reader, node, guardrail);
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
    reader.unknownFields(reader.fields(policy), policyFields(), Text::tr("under policy"), [](const QString &name) {
        return flagActionFromName(name) ? Text::tr("under policy's approvals") : QString();
    });
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
    for (const Reader::Field &action : reader.fields(approvals)) {
        if (!flagActionFromName(action.name)) {
            reader.error(action.key, withGuess(Text::tr("\"%1\" is not an action (kill, restore, set_rollout, advance_stage, "
                                                        "rollback_stage, serve_fallback)")
                                                   .arg(action.name),
                                               closest(action.name, actionNames())));
            continue;
        }
        if (!action.value.IsMap()) {
            reader.error(action.value, Text::tr("approvals for %1 must map risks (low, medium, high, critical) to a number "
                                                "of reviewers")
                                           .arg(action.name));
            continue;
        }
        for (const Reader::Field &risk : reader.fields(action.value)) {
            const std::optional<Contract::Risk> level = riskFromName(risk.name);
            bool ok = false;
            const int reviewers = risk.value.IsScalar() ? fromYaml(risk.value.Scalar()).toInt(&ok) : -1;
            if (!level)
                reader.error(risk.key, withGuess(Text::tr("\"%1\" is not a risk (low, medium, high, critical)").arg(risk.name),
                                                 closest(risk.name, riskNames())));
            else if (!ok || reviewers < 0 || reviewers > 10)
                reader.error(risk.value, Text::tr("the number of reviewers must be a whole number from 0 to 10"));
            else
                contract.approvals[action.name][*level] = reviewers;
        }
    }
}

} // namespace

QString ContractFinding::text() const
{
    const QString where = line > 0 ? QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column) : file;
    // The severity word is not translated: CI scripts and editors match it.
    return QStringLiteral("%1: %2: %3")
        .arg(where, severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning"), message);
}

Result<int> parsePercent(const QString &text)
{
    const QString trimmed = text.trimmed();
    static const QRegularExpression percent(QStringLiteral("^(\\d{1,3})(?:\\.(\\d+))?%$"));
    static const QRegularExpression spaced(QStringLiteral("^(\\d{1,3}(?:\\.\\d+)?)\\s+%$"));
    static const QRegularExpression number(QStringLiteral("^\\d{1,3}(?:\\.\\d+)?$"));
    // A bare number was once read as a percentage; a share of traffic is now always written with
    // its unit, so "5" cannot be misread as 5 basis points, 0.05 or 5%.
    if (number.match(trimmed).hasMatch())
        return Result<int>::failure(
            Text::tr("\"%1\" has no unit: write the share of traffic as a percentage, such as %2%").arg(text, trimmed));
    if (const QRegularExpressionMatch match = spaced.match(trimmed); match.hasMatch())
        return Result<int>::failure(
            Text::tr("\"%1\" has a space before %: write %2%").arg(text, match.captured(1)));
    const QRegularExpressionMatch match = percent.match(trimmed);
    if (!match.hasMatch())
        return Result<int>::failure(
            Text::tr("\"%1\" is not a share of traffic: write a percentage such as 5% or 0.25%").arg(text));
    const QString decimals = match.captured(2);
    // Shares are kept in basis points; a finer share would be rounded without a word.
    if (std::any_of(decimals.cbegin() + std::min<qsizetype>(2, decimals.size()), decimals.cend(),
                    [](QChar digit) { return digit != QLatin1Char('0'); }))
        return Result<int>::failure(
            Text::tr("\"%1\" is finer than a hundredth of a percent: write at most two decimals, such as 0.25%").arg(text));
    const int whole = match.captured(1).toInt();
    const int hundredths = decimals.left(2).leftJustified(2, QLatin1Char('0')).toInt();
    const int basisPoints = whole * 100 + hundredths;
    if (basisPoints > Rollout::TotalBasisPoints)
        return Result<int>::failure(Text::tr("%1 is more than 100%").arg(text));
    return basisPoints;
}

Result<qint64> parseDuration(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == QLatin1String("0"))
        return qint64(0);
    // At most nine digits: even 999999999d fits in milliseconds.
    static const QRegularExpression duration(QStringLiteral("^(\\d{1,9})([mhd])$"));
    static const QRegularExpression number(QStringLiteral("^\\d+$"));
    const QRegularExpressionMatch match = duration.match(trimmed);
    if (!match.hasMatch()) {
        if (number.match(trimmed).hasMatch())
            return Result<qint64>::failure(
                Text::tr("\"%1\" has no unit: write minutes, hours or days such as 90m, 24h or 7d, or 0").arg(text));
        return Result<qint64>::failure(Text::tr("\"%1\" is not a duration: write a whole number and its unit with no "
                                                "space, such as 90m, 24h or 7d (m, h, d), or 0")
                                           .arg(text));
    }
    const qint64 amount = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 unitMs = unit == QLatin1String("m") ? MinuteMs : unit == QLatin1String("h") ? HourMs : DayMs;
    return amount * unitMs;
}

ContractReadResult readContract(const QByteArray &yaml, const QString &fileName)
{
    Reader reader(fileName);
    ContractReadResult result;
    YAML::Node loaded;
    try {
        loaded = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &exception) {
        reader.add(ContractFinding::Severity::Error, exception.mark,
                   Text::tr("not valid YAML: %1").arg(fromYaml(exception.msg)));
        result.findings = reader.findings;
        return result;
    }
    // Read through a const node: yaml-cpp's non-const operator[] adds the keys it is asked for.
    const YAML::Node root = loaded;
    if (!root.IsMap()) {
        reader.error(root, Text::tr("a contract is a map of fields such as flag_key, owner and stages"));
        result.findings = reader.findings;
        return result;
    }

    Contract contract;
    contract.sourceFile = fileName;
    try {
        reader.topLevelFields(reader.fields(root));
        contract.flagKey = reader.text(root, "flag_key", true);
        contract.flagKeyPosition = positionOf(root["flag_key"] ? root["flag_key"] : root);
        contract.environments = reader.textList(root, "environments");
        // Whatever else is wrong, the console can now say which flag's contract is unreadable.
        result.flagKey = contract.flagKey;
        result.environments = contract.environments;
        contract.behaviorSurface = reader.text(root, "behavior_surface");
        contract.owner = reader.text(root, "owner");
        contract.assignmentUnit = reader.text(root, "assignment_unit");
        contract.defaultVariation = reader.text(root, "default", true);
        contract.candidate = reader.text(root, "candidate");
        contract.fallback = reader.text(root, "fallback");
        noteVariation(contract, contract.defaultVariation, root["default"]);
        noteVariation(contract, contract.candidate, root["candidate"]);
        noteVariation(contract, contract.fallback, root["fallback"]);
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
