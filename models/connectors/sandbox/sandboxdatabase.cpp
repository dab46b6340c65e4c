#include "sandboxdatabase.h"

#include "../../core/durationtext.h"
#include "../../core/flagaction.h"
#include "../../core/flagjson.h"
#include "../../core/jsonreader.h"
#include "../../store/sqltext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {

// lupdate reads the context from here; plain functions cannot call Text::tr() on their own.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SandboxDatabase)
};

Result<void> sqlFailure(const QString &what, const QSqlError &error)
{
    return Result<void>::failure(Text::tr("%1: %2").arg(what, error.text()));
}

} // namespace

SandboxDatabase::SandboxDatabase(QString path) : m_path(std::move(path)), m_file(QStringLiteral("sandbox")) {}

SandboxDatabase::~SandboxDatabase() = default;

Result<void> SandboxDatabase::open()
{
    if (const Result<void> opened = m_file.open(m_path); !opened)
        return Result<void>::failure(Text::tr("the sandbox database: %1").arg(opened.error()));
    if (const Result<void> created = createSchema(); !created)
        return created;
    QSqlQuery count(m_file.database());
    if (!count.exec(QStringLiteral("SELECT count(*) FROM flags")) || !count.next())
        return sqlFailure(Text::tr("cannot read the sandbox flags"), count.lastError());
    return count.value(0).toLongLong() == 0 ? seed() : Result<void>();
}

Result<void> SandboxDatabase::createSchema()
{
    QSqlQuery query(m_file.database());
    const QStringList statements = {
        // A sandbox may lose its last change on a power cut; it must never slow a demo down.
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS flags (environment TEXT NOT NULL, key TEXT NOT NULL, "
                       "body TEXT NOT NULL, PRIMARY KEY (environment, key))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS history (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                       "environment TEXT NOT NULL, flag_key TEXT NOT NULL, action TEXT NOT NULL, "
                       "actor TEXT NOT NULL, time_ms INTEGER NOT NULL, before_json TEXT NOT NULL, "
                       "after_json TEXT NOT NULL, comment TEXT NOT NULL)"),
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return sqlFailure(Text::tr("cannot prepare the sandbox database"), query.lastError());
    }
    return {};
}

Result<QMap<QString, QList<Flag>>> SandboxDatabase::readSeed(const QByteArray &json)
{
    using SeedResult = Result<QMap<QString, QList<Flag>>>;
    Result<QJsonDocument> document = parseJsonDocument(json, 4 * 1024 * 1024, Text::tr("the sandbox seed"));
    if (!document)
        return SeedResult::failure(document.error());
    if (!document->isObject())
        return SeedResult::failure(Text::tr("the sandbox seed is not a JSON object"));
    JsonReader reader(document->object(), QString());
    const QJsonObject environments = reader.requiredObject(QStringLiteral("environments"));
    if (!reader.ok())
        return SeedResult::failure(reader.error());
    QMap<QString, QList<Flag>> flagsByEnvironment;
    for (auto it = environments.constBegin(); it != environments.constEnd(); ++it) {
        const QString path = QStringLiteral("environments.%1").arg(it.key());
        if (!it.value().isArray())
            return SeedResult::failure(Text::tr("%1: expected a list of flags").arg(path));
        Result<QList<Flag>> flags = readObjectArray<Flag>(it.value().toArray(), path, flagFromJson);
        if (!flags)
            return SeedResult::failure(flags.error());
        flagsByEnvironment.insert(it.key(), std::move(flags).value());
    }
    return flagsByEnvironment;
}

namespace {

// How a seeded flag got where it is: created serving only its off variation, then widened by
// release managers through the usual exposures (1%, 5%, 20%, 50%) to the seed's rollout, and
// killed by on-call if the seed has it off. Gives the audit history and the stages something real.
QList<std::pair<Flag, AuditEntry>> seededHistory(const Flag &final, qint64 startMs, qint64 endMs)
{
    static const QStringList releaseManagers = {QStringLiteral("maria.lopez"), QStringLiteral("devon.kim"),
                                                QStringLiteral("aiko.sato")};
    const auto rolloutOf = [&](int exposed) {
        // The non-off shares scaled to sum to exposed; the rest stays on the off variation.
        int target = Rollout::TotalBasisPoints - final.rollout.basisPointsOf(final.offVariationId);
        QList<VariationShare> shares;
        int given = 0;
        for (const VariationShare &share : final.rollout.shares()) {
            if (share.variationId == final.offVariationId || share.basisPoints == 0)
                continue;
            const int basisPoints = int(qint64(share.basisPoints) * exposed / target);
            shares.append({share.variationId, basisPoints});
            given += basisPoints;
        }
        if (!shares.isEmpty())
            shares.first().basisPoints += exposed - given;
        shares.prepend({final.offVariationId, Rollout::TotalBasisPoints - exposed});
        return Rollout(shares);
    };
    const int exposedAtEnd = Rollout::TotalBasisPoints - final.rollout.basisPointsOf(final.offVariationId);
    QList<Rollout> rollouts = {rolloutOf(0)};
    for (int exposed : {100, 500, 2000, 5000}) {
        if (exposed < exposedAtEnd)
            rollouts.append(rolloutOf(exposed));
    }
    if (exposedAtEnd > 0)
        rollouts.append(final.rollout);

    QList<std::pair<Flag, AuditEntry>> steps;
    const int changes = int(rollouts.size()) + (final.enabled ? 0 : 1);
    const qint64 spacing = (endMs - startMs) / std::max(1, changes);
    Flag previous;
    for (int i = 0; i < changes; ++i) {
        Flag flag = final;
        flag.enabled = i < rollouts.size() || final.enabled;
        flag.rollout = rollouts.value(i, final.rollout);
        flag.revision = QUuid::createUuid().toString(QUuid::WithoutBraces);
        flag.updatedAtMs = startMs + i * spacing;
        AuditEntry entry;
        entry.timeMs = flag.updatedAtMs;
        if (i == 0) {
            flag.updatedBy = QStringLiteral("sandbox");
            entry.action = QStringLiteral("create");
            entry.comment = Text::tr("seeded by the sandbox");
        } else if (i < rollouts.size()) {
            flag.updatedBy = releaseManagers.at(i % releaseManagers.size());
            entry.action = flagActionName(FlagAction::SetRollout);
            entry.before = flagToJson(previous);
            entry.comment = Text::tr("widened to %1 after a clean guardrail window")
                                .arg(Rollout::formatPercent(Rollout::TotalBasisPoints
                                                            - flag.rollout.basisPointsOf(flag.offVariationId)));
        } else {
            flag.updatedBy = QStringLiteral("oncall-sam");
            entry.action = flagActionName(FlagAction::Kill);
            entry.before = flagToJson(previous);
            entry.comment = Text::tr("paused while the incident is reviewed");
        }
        entry.actor = flag.updatedBy;
        entry.after = flagToJson(flag);
        steps.append({flag, entry});
        previous = flag;
    }
    return steps;
}

} // namespace

Result<void> SandboxDatabase::seed()
{
    QFile file(QStringLiteral(":/sandbox/seed.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Result<void>::failure(Text::tr("the sandbox seed data is missing from this build"));
    Result<QMap<QString, QList<Flag>>> seedFlags = readSeed(file.readAll());
    if (!seedFlags)
        return Result<void>::failure(seedFlags.error());
    constexpr qint64 HistoryDays = 28;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int flagIndex = 0;
    for (auto it = seedFlags->constBegin(); it != seedFlags->constEnd(); ++it) {
        for (const Flag &flag : it.value()) {
            // Each flag's story starts a few hours after the previous one's and ends before today.
            const qint64 startMs = now - HistoryDays * DayMs + ++flagIndex * HourMs;
            for (const auto &[step, history] : seededHistory(flag, startMs, now - HourMs)) {
                if (const Result<void> saved = saveFlag(it.key(), step, history); !saved)
                    return saved;
            }
        }
    }
    return {};
}

QStringList SandboxDatabase::environments() const
{
    QStringList names;
    QSqlQuery query(m_file.database());
    query.setForwardOnly(true);
    if (query.exec(QStringLiteral("SELECT DISTINCT environment FROM flags ORDER BY environment"))) {
        while (query.next())
            names.append(query.value(0).toString());
    }
    return names;
}

QMap<QString, Flag> SandboxDatabase::flags(const QString &environment) const
{
    QMap<QString, Flag> flags;
    QSqlQuery query(m_file.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT body FROM flags WHERE environment = ?"));
    query.addBindValue(sqlText(environment));
    if (!query.exec())
        return flags;
    while (query.next()) {
        // Rows were validated when written; one that no longer reads is skipped, not fatal.
        const QJsonObject body = QJsonDocument::fromJson(query.value(0).toByteArray()).object();
        Result<Flag> flag = flagFromJson(body, environment);
        if (flag)
            flags.insert(flag->key, std::move(flag).value());
        else
            qWarning("sandbox: skipping a stored flag that does not read: %s", qPrintable(flag.error()));
    }
    return flags;
}

Result<void> SandboxDatabase::saveFlag(const QString &environment, const Flag &flag, const AuditEntry &history)
{
    QSqlQuery upsert(m_file.database());
    upsert.prepare(QStringLiteral("INSERT INTO flags (environment, key, body) VALUES (?, ?, ?) "
                                  "ON CONFLICT (environment, key) DO UPDATE SET body = excluded.body"));
    upsert.addBindValue(sqlText(environment));
    upsert.addBindValue(sqlText(flag.key));
    upsert.addBindValue(QJsonDocument(flagToJson(flag)).toJson(QJsonDocument::Compact));
    return writeWithHistory(upsert, environment, flag.key, history, Text::tr("cannot store the sandbox flag"));
}

Result<void> SandboxDatabase::archiveFlag(const QString &environment, const QString &key, const AuditEntry &history)
{
    QSqlQuery remove(m_file.database());
    remove.prepare(QStringLiteral("DELETE FROM flags WHERE environment = ? AND key = ?"));
    remove.addBindValue(sqlText(environment));
    remove.addBindValue(sqlText(key));
    return writeWithHistory(remove, environment, key, history, Text::tr("cannot archive the sandbox flag"));
}

Result<void> SandboxDatabase::writeWithHistory(QSqlQuery &change, const QString &environment, const QString &key,
                                               const AuditEntry &history, const QString &failure)
{
    if (!m_file.database().transaction())
        return sqlFailure(Text::tr("cannot start a sandbox transaction"), m_file.database().lastError());
    QSqlQuery append(m_file.database());
    append.prepare(QStringLiteral("INSERT INTO history (environment, flag_key, action, actor, time_ms, "
                                  "before_json, after_json, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    append.addBindValue(sqlText(environment));
    append.addBindValue(sqlText(key));
    append.addBindValue(sqlText(history.action));
    append.addBindValue(sqlText(history.actor));
    append.addBindValue(history.timeMs);
    append.addBindValue(QJsonDocument(history.before).toJson(QJsonDocument::Compact));
    append.addBindValue(QJsonDocument(history.after).toJson(QJsonDocument::Compact));
    append.addBindValue(sqlText(history.comment));
    if (!change.exec() || !append.exec()) {
        const QSqlError error = change.lastError().isValid() ? change.lastError() : append.lastError();
        m_file.database().rollback();
        return sqlFailure(failure, error);
    }
    if (!m_file.database().commit())
        return sqlFailure(Text::tr("cannot commit the sandbox change"), m_file.database().lastError());
    return {};
}

QList<AuditEntry> SandboxDatabase::historyAfter(qint64 afterId, int limit, qint64 *lastId) const
{
    QList<AuditEntry> entries;
    *lastId = afterId;
    QSqlQuery query(m_file.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, environment, flag_key, action, actor, time_ms, before_json, "
                                 "after_json, comment FROM history WHERE id > ? ORDER BY id LIMIT ?"));
    query.addBindValue(afterId);
    query.addBindValue(limit);
    if (!query.exec())
        return entries;
    while (query.next()) {
        AuditEntry entry;
        *lastId = query.value(0).toLongLong();
        entry.sourceId = QString::number(*lastId);
        entry.environment = query.value(1).toString();
        entry.flagKey = query.value(2).toString();
        entry.action = query.value(3).toString();
        entry.outcome = QStringLiteral("applied");
        entry.actor = query.value(4).toString();
        entry.actorKind = entry.actor == QLatin1String("sandbox") ? ActorKind::System : ActorKind::Human;
        entry.timeMs = query.value(5).toLongLong();
        entry.before = QJsonDocument::fromJson(query.value(6).toByteArray()).object();
        entry.after = QJsonDocument::fromJson(query.value(7).toByteArray()).object();
        entry.comment = query.value(8).toString();
        entries.append(entry);
    }
    return entries;
}
