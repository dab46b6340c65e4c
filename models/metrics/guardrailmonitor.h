#pragma once

#include "guardrailhealth.h"
#include "metricsample.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

// Holds every watched flag's series (flag × metric × variation) and judges each candidate against
// the control: a sequential test on paired intervals that stays honest however often it is looked
// at (for every guardrail; healthy only once its worse end is within the guardrail's tolerance, so
// healthy means safe to widen), the contract's threshold where it sets one (breached when the
// candidate's level is beyond it by the same kind of interval, so noise alone does not breach it),
// and a sequential sample-ratio check on exposure counts.
// It only judges; what to do about a regression is the controller's business.
class GuardrailMonitor : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        // False-alarm rate per flag and window: shared among its tests (Bonferroni), so a flag
        // with many guardrails and candidates is not called regressed more often than one with few.
        double alpha = 0.05;
        double tuningSamples = 200;       // intervals at which the interval is tightest
        int minimumSamples = 20;          // paired intervals before any verdict
        int minimumRequestsPerInterval = 10; // an arm with less traffic in an interval says nothing
        qint64 retentionMs = 3600 * 1000; // series kept for the charts
    };

    using Series = QList<MetricSample>;
    // "watching": an interval at this looser level lies on the worse side now.
    static constexpr double WatchingAlpha = 0.2;

    explicit GuardrailMonitor(QObject *parent = nullptr);
    GuardrailMonitor(Options options, QObject *parent = nullptr);

    const Options &options() const { return m_options; }

    // Replaces the watched flags. A flag whose watch changed is judged again from its new window.
    void setWatches(const QList<GuardrailWatch> &watches);
    QList<GuardrailWatch> watches() const;
    void addSamples(const QList<MetricBatch> &batches);

    bool isWatched(const FlagRef &ref) const { return m_flags.contains(ref); }
    const GuardrailWatch *watch(const FlagRef &ref) const;
    FlagHealth health(const FlagRef &ref) const;
    // Metric → variation id → samples, oldest first.
    QHash<QString, QHash<QString, Series>> series(const FlagRef &ref) const;

    // A flag that serves only one variation now (killed, or rolled back to its control) has nothing
    // to compare; what it was judged while it still compared is kept: those verdicts, and when the
    // comparison ended (the last interval in which two of its variations had traffic, or else the
    // flag's change). Empty while the flag compares, and for a flag never seen comparing.
    struct EndedComparison
    {
        FlagHealth health;
        qint64 endedMs = 0;
    };
    std::optional<EndedComparison> endedComparison(const FlagRef &ref) const;

    // Judges the series as they are; a pure function of the watch and the data.
    static FlagHealth evaluate(const GuardrailWatch &watch, const QHash<QString, QHash<QString, Series>> &series,
                               const Options &options);

Q_SIGNALS:
    // New data or a new judgement for the flag (the charts redraw).
    void healthChanged(const FlagRef &ref);
    // A candidate's guardrail turned regressed; told once per guardrail, candidate and window.
    void regressionDetected(const FlagRef &ref, const GuardrailResult &result);

private:
    struct Monitored
    {
        GuardrailWatch watch;
        QHash<QString, QHash<QString, Series>> series;
        FlagHealth health;
        QSet<QString> reported; // metric + candidate already told as regressed in this window
        QSet<QString> mixed; // metrics whose latest data mixes every environment
        std::optional<FlagHealth> ended; // the last judgement with something to compare, once that ended
        qint64 endedChangeMs = 0; // the flag's change that ended it
    };

    void reevaluate(const FlagRef &ref);
    void reevaluate(const QList<FlagRef> &refs);
    // Takes the flag's new judgement and tells what changed.
    void publish(const FlagRef &ref, FlagHealth health);

    Options m_options;
    QHash<FlagRef, Monitored> m_flags;
};
