#include "proposalinbox.h"

#include "../core/localaccount.h"
#include "postgresdatabase.h"
#include "sqlitefile.h"
#include "sqltext.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <unistd.h>
#endif

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProposalInbox)
};

const QString NotifyChannel = QStringLiteral("flagdeck_inbox");

// Read in this order by readProposals().
const QString ProposalColumns = QStringLiteral(
    "id, seq, created_ms, agent, client_name, client_version, model, server, environment, flag_key, action, "
    "parameters, flag_revision, flag_before, reason, evidence, risk, expires_ms, status, outcome, updated_ms, "
    "proposer_role");

// SQLSTATEs the inbox's PostgreSQL triggers raise (class FD: FlagDeck), so that the console can
// say in its own words what the database refused. FDID3 (another name for the proposer, a changed
// decision) is said in the database's words.
const QString NotSignedInAs = QStringLiteral("FDID1");
const QString OwnProposal = QStringLiteral("FDID2");
const QString BadTransition = QStringLiteral("FDST1");

// Triggers of the PostgreSQL inbox (schema 3). The reviewer of a decision and the proposer role of
// a proposal are session_user, the role the database authenticated; SET ROLE does not change it,
// and a client cannot write another name. A decision is never changed afterwards. A proposal's
// status moves only along its life, and to approved only with an approval of a role other than
// the proposer's.
const QString DecisionIdentityFunction = QStringLiteral(R"sql(
CREATE OR REPLACE FUNCTION flagdeck_decision_identity() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    proposer TEXT;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'flagdeck: a decision is never changed' USING ERRCODE = 'FDID3';
    END IF;
    IF NEW.reviewer IS DISTINCT FROM session_user::text THEN
        RAISE EXCEPTION 'flagdeck: % is signed in to the inbox and cannot decide as %', session_user, NEW.reviewer
            USING ERRCODE = 'FDID1';
    END IF;
    SELECT proposer_role INTO proposer FROM proposals WHERE id = NEW.proposal_id;
    IF proposer = session_user::text THEN
        RAISE EXCEPTION 'flagdeck: % made this proposal and cannot decide it', session_user USING ERRCODE = 'FDID2';
    END IF;
    RETURN NEW;
END
$fn$)sql");

const QString ProposalIdentityFunction = QStringLiteral(R"sql(
CREATE OR REPLACE FUNCTION flagdeck_proposal_identity() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.proposer_role IS DISTINCT FROM session_user::text THEN
            RAISE EXCEPTION 'flagdeck: % is signed in to the inbox and cannot propose as %', session_user,
                NEW.proposer_role USING ERRCODE = 'FDID3';
        END IF;
        IF NEW.status <> 'pending' THEN
            RAISE EXCEPTION 'flagdeck: a proposal starts pending' USING ERRCODE = 'FDST1';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.proposer_role IS DISTINCT FROM OLD.proposer_role THEN
        RAISE EXCEPTION 'flagdeck: the proposer of a proposal is never changed' USING ERRCODE = 'FDID3';
    END IF;
    IF NEW.status = OLD.status
        OR (OLD.status = 'pending' AND NEW.status IN ('expired', 'superseded'))
        OR (OLD.status = 'approved' AND NEW.status = 'executing')
        OR (OLD.status = 'executing' AND NEW.status IN ('executed', 'failed')) THEN
        RETURN NEW;
    END IF;
    IF OLD.status = 'pending' AND NEW.status = 'rejected' AND EXISTS (
            SELECT 1 FROM decisions d WHERE d.proposal_id = NEW.id AND d.reviewer <> NEW.proposer_role
            AND d.verdict = 'reject') THEN
        RETURN NEW;
    END IF;
    -- Approved: as many roles as the inbox's own policy asks for the risk (one when it names none)
    -- approved one revision of the flag; each role counts once.
    IF OLD.status = 'pending' AND NEW.status = 'approved' AND (
            SELECT COALESCE(MAX(n), 0) FROM (
                SELECT COUNT(DISTINCT d.reviewer) AS n FROM decisions d
                WHERE d.proposal_id = NEW.id AND d.reviewer <> NEW.proposer_role AND d.verdict = 'approve'
                GROUP BY d.flag_revision) AS per_revision)
            >= GREATEST(1, COALESCE((SELECT approvals FROM approval_policy WHERE risk = NEW.risk), 1)) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'flagdeck: a proposal cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'FDST1';
END
$fn$)sql");

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted.append(QLatin1Char('\'') + name + QLatin1Char('\''));
    return quoted.join(QStringLiteral(", "));
}

QString statusCheck()
{
    QStringList names;
    for (ProposalStatus status : {ProposalStatus::Pending, ProposalStatus::Approved, ProposalStatus::Rejected,
                                  ProposalStatus::Executing, ProposalStatus::Executed, ProposalStatus::Failed,
                                  ProposalStatus::Expired, ProposalStatus::Superseded})
        names.append(proposalStatusName(status));
    return quotedList(names);
}

// The proposals table's columns before schema 3.
const QString SchemaTwoColumns = QStringLiteral(
    "id, seq, created_ms, agent, client_name, client_version, model, server, environment, flag_key, action, "
    "parameters, flag_revision, flag_before, reason, evidence, risk, expires_ms, status, outcome, updated_ms");

QString actionCheck()
{
    QStringList names;
    for (FlagAction action : allFlagActions())
        names.append(flagActionName(action));
    return quotedList(names);
}

QString riskCheck()
{
    QStringList names;
    for (Contract::Risk risk : {Contract::Risk::Low, Contract::Risk::Medium, Contract::Risk::High, Contract::Risk::Critical})
        names.append(riskName(risk));
    return quotedList(names);
}

QString sqlError(const QString &what, const QSqlQuery &query)
{
    return Text::tr("%1: %2").arg(what, query.lastError().text());
}

// What tells a process apart from a later one with the same id: its start time (Linux), or nothing.
QString processStart(qint64 pid)
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses; the fields follow the last ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // state is field 3 of proc(5), starttime field 22.
    return fields.size() > 19 ? QString::fromLatin1(fields.at(0) + ':' + fields.at(19)) : QString();
#else
    Q_UNUSED(pid);
    return {};
#endif
}

// Whether process pid on this computer still runs (and is the one that started at start, where
// known); nullopt where this system cannot say.
std::optional<bool> processAlive(qint64 pid, const QString &start)
{
#ifdef Q_OS_LINUX
    const QString now = processStart(pid);
    if (now.isEmpty())
        return false; // no such process
    // A zombie has ended (its parent has not yet read its status); another start time is another process.
    const QString state = now.section(QLatin1Char(':'), 0, 0);
    if (state == QLatin1String("Z") || state == QLatin1String("X"))
        return false;
    return start.isEmpty() || now.section(QLatin1Char(':'), 1) == start.section(QLatin1Char(':'), 1);
#elif defined(Q_OS_UNIX)
    Q_UNUSED(start);
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    Q_UNUSED(pid);
    Q_UNUSED(start);
    return std::nullopt;
#endif
}

} // namespace

// What the database refused, in words: its identity and life-cycle triggers raise their own
// SQLSTATEs, the rest is said as the driver said it.
QString ProposalInbox::refusal(const QString &what, const QSqlQuery &query, const QString &claimedName) const
{
    const QString code = query.lastError().nativeErrorCode();
    if (code == NotSignedInAs)
        return Text::tr("the inbox refused: this console is signed in to it as %1, and the database writes "
                        "decisions under that name only (not as %2)")
            .arg(m_identity, claimedName.isEmpty() ? Text::tr("anyone else") : claimedName);
    if (code == OwnProposal)
        return Text::tr("the inbox refused: %1 made this proposal and cannot decide it").arg(m_identity);
    if (code == BadTransition)
        return Text::tr("the inbox refused the change: %1").arg(query.lastError().databaseText());
    return sqlError(what, query);
}

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

} // namespace

// One write transaction. SQLite takes its write lock at BEGIN IMMEDIATE, so two writers queue up
// instead of one failing when it upgrades a read lock; PostgreSQL locks the row (FOR UPDATE).
class ProposalInbox::Transaction
{
public:
    explicit Transaction(ProposalInbox &inbox) : m_inbox(inbox)
    {
        QSqlQuery begin(m_inbox.m_database);
        m_open = begin.exec(m_inbox.m_engine == Engine::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                              : QStringLiteral("BEGIN"));
        if (!m_open)
            m_error = sqlError(Text::tr("cannot start a transaction in the inbox"), begin);
    }
    ~Transaction()
    {
        if (m_open)
            QSqlQuery(m_inbox.m_database).exec(QStringLiteral("ROLLBACK"));
    }
    bool isOpen() const { return m_open; }
    const QString &error() const { return m_error; }
    Result<void> commit()
    {
        QSqlQuery commit(m_inbox.m_database);
        const bool ok = commit.exec(QStringLiteral("COMMIT"));
        m_open = false;
        return ok ? Result<void>() : Result<void>::failure(sqlError(Text::tr("cannot commit to the inbox"), commit));
    }

private:
    ProposalInbox &m_inbox;
    bool m_open = false;
    QString m_error;
};

ProposalInbox::ProposalInbox(QObject *parent) : QObject(parent) {}

ProposalInbox::~ProposalInbox()
{
    if (m_database.isValid()) {
        m_database.close();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString ProposalInbox::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/inbox.sqlite");
}

bool ProposalInbox::isPostgresUrl(const QString &location)
{
    return location.startsWith(QStringLiteral("postgresql://")) || location.startsWith(QStringLiteral("postgres://"));
}

QString ProposalInbox::displayLocation(const QString &location)
{
    if (!isPostgresUrl(location))
        return location;
    QUrl url(location);
    url.setPassword({});
    return url.toString();
}

bool ProposalInbox::isOpen() const
{
    return m_database.isValid() && m_database.isOpen();
}

Result<void> ProposalInbox::open(const QString &location)
{
    m_location = location;
    m_connectionName = QStringLiteral("inbox-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (isPostgresUrl(location)) {
        m_engine = Engine::Postgres;
        Result<QSqlDatabase> opened = openPostgres(location, m_connectionName);
        if (!opened)
            return Result<void>::failure(opened.error());
        m_database = std::move(opened).value();
    } else {
        m_engine = Engine::Sqlite;
        if (!QDir().mkpath(QFileInfo(location).absolutePath()))
            return Result<void>::failure(Text::tr("cannot create the folder for %1").arg(location));
        m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        m_database.setDatabaseName(location);
        m_database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!m_database.open())
            return Result<void>::failure(
                Text::tr("cannot open the inbox %1: %2").arg(location, m_database.lastError().text()));
        QSqlQuery pragma(m_database);
        if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !pragma.exec(QStringLiteral("PRAGMA foreign_keys=ON")))
            return Result<void>::failure(sqlError(Text::tr("cannot use the inbox %1").arg(location), pragma));
    }
    // An inbox this build refuses (a newer schema, one it cannot create or read) is closed again:
    // nothing may write to it as if it were open.
    Result<void> ready = createSchema();
    if (ready)
        ready = readSession();
    if (ready)
        ready = readIdentity();
    if (!ready) {
        m_database.close();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    return ready;
}

Result<void> ProposalInbox::readSession()
{
    if (m_engine == Engine::Sqlite) {
        const qint64 pid = QCoreApplication::applicationPid();
        m_session = QStringLiteral("local:%1:%2:%3").arg(QSysInfo::machineHostName()).arg(pid).arg(processStart(pid));
        return {};
    }
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("SELECT pid, backend_start::text FROM pg_stat_activity WHERE pid = pg_backend_pid()"))
        || !query.next())
        return Result<void>::failure(sqlError(Text::tr("cannot ask the inbox for this console's session"), query));
    m_session = QStringLiteral("pg:%1:%2").arg(query.value(0).toLongLong()).arg(query.value(1).toString());
    return {};
}

std::optional<bool> ProposalInbox::sessionAlive(const QString &session) const
{
    if (session.startsWith(QLatin1String("pg:")) && m_engine == Engine::Postgres) {
        // Every role sees every session's pid and start; a backend ends with its client's connection.
        QSqlQuery query(m_database);
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ? AND backend_start::text = ?"));
        query.addBindValue(session.section(QLatin1Char(':'), 1, 1).toLongLong());
        query.addBindValue(session.section(QLatin1Char(':'), 2));
        if (!query.exec() || !query.next())
            return std::nullopt;
        return query.value(0).toLongLong() > 0;
    }
    if (session.startsWith(QLatin1String("local:"))) {
        const QStringList parts = session.split(QLatin1Char(':'));
        if (parts.size() < 3 || parts.at(1) != QSysInfo::machineHostName())
            return std::nullopt;
        return processAlive(parts.at(2).toLongLong(), parts.mid(3).join(QLatin1Char(':')));
    }
    return std::nullopt;
}

Result<QList<ProposalInbox::InterruptedExecution>> ProposalInbox::interruptedExecutions(qint64 nowMs) const
{
    using Found = Result<QList<InterruptedExecution>>;
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, execution, updated_ms FROM proposals WHERE status = 'executing'")))
        return Found::failure(sqlError(Text::tr("cannot read the inbox"), query));
    QList<InterruptedExecution> interrupted;
    QStringList ids;
    while (query.next()) {
        const QJsonObject intent = jsonObject(query.value(1));
        InterruptedExecution execution;
        execution.executor = intent.value(QStringLiteral("executor")).toString();
        execution.session = intent.value(QStringLiteral("session")).toString();
        execution.flagRevision = intent.value(QStringLiteral("flag_revision")).toString();
        execution.claimedMs = intent.contains(QStringLiteral("claimed_ms"))
                                  ? qint64(intent.value(QStringLiteral("claimed_ms")).toDouble())
                                  : query.value(2).toLongLong();
        execution.proposal.id = query.value(0).toString();
        interrupted.append(execution);
    }
    query.finish();
    QList<InterruptedExecution> ended;
    for (InterruptedExecution &execution : interrupted) {
        const std::optional<bool> alive = sessionAlive(execution.session);
        if (alive.value_or(nowMs - execution.claimedMs < ExecutionLeaseMs))
            continue;
        Result<Proposal> proposal = find(execution.proposal.id);
        if (!proposal)
            return Found::failure(proposal.error());
        if (proposal->status != ProposalStatus::Executing)
            continue; // finished meanwhile
        execution.proposal = std::move(proposal).value();
        ended.append(execution);
    }
    return ended;
}

Result<void> ProposalInbox::readIdentity()
{
    if (m_engine == Engine::Sqlite) {
        m_identity = LocalAccount::current().name;
        return {};
    }
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("SELECT session_user")) || !query.next())
        return Result<void>::failure(sqlError(Text::tr("cannot ask the inbox who this console is"), query));
    m_identity = query.value(0).toString();
    return {};
}

int ProposalInbox::inboxApprovals(Contract::Risk risk) const
{
    QSqlQuery query(m_database);
    query.prepare(QStringLiteral("SELECT approvals FROM approval_policy WHERE risk = ?"));
    query.addBindValue(riskName(risk));
    return query.exec() && query.next() ? query.value(0).toInt() : 1;
}

Result<void> ProposalInbox::setInboxApprovals(Contract::Risk risk, int approvals)
{
    QSqlQuery query(m_database);
    query.prepare(QStringLiteral("INSERT INTO approval_policy (risk, approvals) VALUES (?, ?) "
                                 "ON CONFLICT (risk) DO UPDATE SET approvals = excluded.approvals"));
    query.addBindValue(riskName(risk));
    query.addBindValue(std::max(1, approvals));
    if (!query.exec())
        return Result<void>::failure(sqlError(Text::tr("cannot set the inbox's approval policy"), query));
    return {};
}

Result<bool> ProposalInbox::hasColumn(const QString &table, const QString &column) const
{
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        return Result<bool>::failure(sqlError(Text::tr("cannot read the inbox's tables"), query));
    while (query.next()) {
        if (query.value(1).toString() == column)
            return true;
    }
    return false;
}

bool ProposalInbox::proposalsTakeEveryAction() const
{
    QSqlQuery definition(m_database);
    if (m_engine == Engine::Postgres) {
        definition.exec(QStringLiteral("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                                       "WHERE conname = 'proposals_action_check'"));
    } else {
        definition.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'proposals'"));
    }
    if (!definition.next())
        return false;
    const QString check = definition.value(0).toString();
    const QList<FlagAction> actions = allFlagActions();
    return std::all_of(actions.cbegin(), actions.cend(), [&](FlagAction action) {
        return check.contains(QLatin1Char('\'') + flagActionName(action) + QLatin1Char('\''));
    });
}

Result<void> ProposalInbox::createSchema()
{
    // A role that may only insert proposals cannot create anything: an inbox already at this
    // version is used as it is.
    int found = 0;
    {
        QSqlQuery version(m_database);
        if (version.exec(QStringLiteral("SELECT version FROM inbox_schema")) && version.next()) {
            found = version.value(0).toInt();
            if (found > SchemaVersion)
                return Result<void>::failure(
                    Text::tr("the inbox %1 was made by a newer FlagDeck (schema %2, this one knows %3). It is left as "
                             "it is: open it with that FlagDeck or a newer one, or choose another inbox in Edit → "
                             "Preferences → Approvals")
                        .arg(location())
                        .arg(found)
                        .arg(SchemaVersion));
            if (found == SchemaVersion)
                return {};
        }
    }
    // Every statement below is "if not exists": the same list creates a new inbox and upgrades an
    // older one in place, with the steps for what "if not exists" cannot change.
    static_assert(SchemaVersion == 5, "add the steps for the new schema version");
    // 3 took reverts, 4 archives: SQLite rebuilds the proposals table to widen its CHECK (its
    // decisions keep pointing at it); PostgreSQL swaps the constraint.
    const bool widenActions = found > 0 && found < 4 && !proposalsTakeEveryAction();
    const bool rebuildProposals = m_engine == Engine::Sqlite && widenActions;
    // From schema 3 on, the proposer's role is a column the rebuilt table must keep.
    bool hadProposerRole = false;
    if (rebuildProposals) {
        const Result<bool> has = hasColumn(QStringLiteral("proposals"), QStringLiteral("proposer_role"));
        if (!has)
            return Result<void>::failure(has.error());
        hadProposerRole = has.value();
    }
    if (rebuildProposals)
        QSqlQuery(m_database).exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
    const auto foreignKeysBack = qScopeGuard([this, rebuildProposals] {
        if (rebuildProposals)
            QSqlQuery(m_database).exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    });
    Transaction transaction(*this);
    if (!transaction.isOpen())
        return Result<void>::failure(transaction.error());
    QStringList statements;
    if (m_engine == Engine::Postgres) {
        // Two consoles creating a new team inbox at once: one waits for the other.
        statements << QStringLiteral("SELECT pg_advisory_xact_lock(4242001)")
                   << QStringLiteral("CREATE SEQUENCE IF NOT EXISTS proposal_seq");
    }
    // status and outcome have defaults so that an agent's role can be granted INSERT on every
    // other column: whatever it inserts starts pending.
    const QString proposalsTable = QStringLiteral("CREATE TABLE IF NOT EXISTS %1 ("
                          "id TEXT PRIMARY KEY, seq BIGINT NOT NULL, created_ms BIGINT NOT NULL, "
                          "agent TEXT NOT NULL, client_name TEXT NOT NULL, client_version TEXT NOT NULL, "
                          "model TEXT NOT NULL, server TEXT NOT NULL, environment TEXT NOT NULL, "
                          "flag_key TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN (%2)), "
                          "parameters TEXT NOT NULL, flag_revision TEXT NOT NULL, flag_before TEXT NOT NULL, "
                          "reason TEXT NOT NULL, evidence TEXT NOT NULL, risk TEXT NOT NULL CHECK (risk IN (%3)), "
                          "expires_ms BIGINT NOT NULL, "
                          "status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN (%4)), "
                          "outcome TEXT NOT NULL DEFAULT '', updated_ms BIGINT NOT NULL)")
                                       .arg(QStringLiteral("%1"), actionCheck(), riskCheck(), statusCheck());
    if (widenActions && m_engine == Engine::Postgres) {
        statements << QStringLiteral("ALTER TABLE proposals DROP CONSTRAINT IF EXISTS proposals_action_check")
                   << QStringLiteral("ALTER TABLE proposals ADD CONSTRAINT proposals_action_check CHECK (action IN (%1))")
                          .arg(actionCheck());
    } else if (rebuildProposals) {
        const QString columns = hadProposerRole ? SchemaTwoColumns + QStringLiteral(", proposer_role") : SchemaTwoColumns;
        statements << proposalsTable.arg(QStringLiteral("proposals_rebuilt"));
        if (hadProposerRole)
            statements << QStringLiteral("ALTER TABLE proposals_rebuilt ADD COLUMN proposer_role TEXT NOT NULL DEFAULT ''");
        statements << QStringLiteral("INSERT INTO proposals_rebuilt (%1) SELECT %1 FROM proposals").arg(columns)
                   << QStringLiteral("DROP TABLE proposals")
                   << QStringLiteral("ALTER TABLE proposals_rebuilt RENAME TO proposals");
    }
    statements
        << QStringLiteral("CREATE TABLE IF NOT EXISTS inbox_schema (version INTEGER NOT NULL)")
        << proposalsTable.arg(QStringLiteral("proposals"))
        << QStringLiteral("CREATE INDEX IF NOT EXISTS proposals_seq ON proposals (seq)")
        << QStringLiteral("CREATE INDEX IF NOT EXISTS proposals_flag ON proposals (server, environment, flag_key, status)")
        << QStringLiteral("CREATE TABLE IF NOT EXISTS decisions ("
                          "proposal_id TEXT NOT NULL REFERENCES proposals (id), reviewer TEXT NOT NULL, "
                          "time_ms BIGINT NOT NULL, verdict TEXT NOT NULL CHECK (verdict IN ('approve', 'reject')), "
                          "comment TEXT NOT NULL, flag_revision TEXT NOT NULL, "
                          "PRIMARY KEY (proposal_id, reviewer, flag_revision))")
        << QStringLiteral("CREATE TABLE IF NOT EXISTS guard_actions ("
                          "action_key TEXT PRIMARY KEY, actor TEXT NOT NULL, created_ms BIGINT NOT NULL)")
        // 3: approvals the inbox itself asks for per risk, whatever a console's settings say
        // (each console asks for the larger of the two; on PostgreSQL the database checks it).
        << QStringLiteral("CREATE TABLE IF NOT EXISTS approval_policy ("
                          "risk TEXT PRIMARY KEY CHECK (risk IN (%1)), approvals INTEGER NOT NULL CHECK (approvals >= 1))")
               .arg(riskCheck())
        << QStringLiteral("CREATE TABLE IF NOT EXISTS guards ("
                          "guard_id TEXT PRIMARY KEY, host TEXT NOT NULL, is_leader INTEGER NOT NULL, "
                          "started_ms BIGINT NOT NULL, seen_ms BIGINT NOT NULL)");
    // 3: who proposed, as the inbox saw it.
    if (m_engine == Engine::Postgres) {
        statements
            // Rows from before schema 3 were named by their writer; they keep an empty role.
            << QStringLiteral("ALTER TABLE proposals ADD COLUMN IF NOT EXISTS proposer_role TEXT NOT NULL DEFAULT ''")
            << QStringLiteral("ALTER TABLE proposals ALTER COLUMN proposer_role SET DEFAULT session_user")
            // 5: the intent a claim records.
            << QStringLiteral("ALTER TABLE proposals ADD COLUMN IF NOT EXISTS execution TEXT NOT NULL DEFAULT ''")
            << QStringLiteral("ALTER TABLE decisions ALTER COLUMN reviewer SET DEFAULT session_user")
            << DecisionIdentityFunction << ProposalIdentityFunction
            << QStringLiteral("DROP TRIGGER IF EXISTS decisions_identity ON decisions")
            << QStringLiteral("CREATE TRIGGER decisions_identity BEFORE INSERT OR UPDATE ON decisions "
                              "FOR EACH ROW EXECUTE FUNCTION flagdeck_decision_identity()")
            << QStringLiteral("DROP TRIGGER IF EXISTS proposals_identity ON proposals")
            << QStringLiteral("CREATE TRIGGER proposals_identity BEFORE INSERT OR UPDATE ON proposals "
                              "FOR EACH ROW EXECUTE FUNCTION flagdeck_proposal_identity()");
        // 5: the roles that could claim before (UPDATE on status) may record the claim's intent too.
        if (found > 0 && found < 5)
            statements << QStringLiteral(
                "DO $$ DECLARE r record; BEGIN "
                "FOR r IN SELECT DISTINCT grantee FROM information_schema.column_privileges "
                "WHERE table_schema = current_schema() AND table_name = 'proposals' AND column_name = 'status' "
                "AND privilege_type = 'UPDATE' AND grantee <> current_user LOOP "
                "EXECUTE format('GRANT UPDATE (execution) ON proposals TO %I', r.grantee); END LOOP; END $$");
    }
    QSqlQuery query(m_database);
    for (const QString &statement : std::as_const(statements)) {
        if (!query.exec(statement))
            return Result<void>::failure(sqlError(Text::tr("cannot create the inbox %1").arg(location()), query));
    }
    if (rebuildProposals && (!query.exec(QStringLiteral("PRAGMA foreign_key_check")) || query.next()))
        return Result<void>::failure(Text::tr("cannot upgrade the inbox %1: its decisions no longer match its proposals")
                                         .arg(location()));
    if (m_engine == Engine::Sqlite) {
        const Result<bool> has = hasColumn(QStringLiteral("proposals"), QStringLiteral("proposer_role"));
        if (!has)
            return Result<void>::failure(has.error());
        if (!has.value()
            && !query.exec(QStringLiteral("ALTER TABLE proposals ADD COLUMN proposer_role TEXT NOT NULL DEFAULT ''")))
            return Result<void>::failure(sqlError(Text::tr("cannot create the inbox %1").arg(location()), query));
        const Result<bool> hasExecution = hasColumn(QStringLiteral("proposals"), QStringLiteral("execution"));
        if (!hasExecution)
            return Result<void>::failure(hasExecution.error());
        if (!hasExecution.value()
            && !query.exec(QStringLiteral("ALTER TABLE proposals ADD COLUMN execution TEXT NOT NULL DEFAULT ''")))
            return Result<void>::failure(sqlError(Text::tr("cannot create the inbox %1").arg(location()), query));
    }
    for (const QString &statement : {QStringLiteral("DELETE FROM inbox_schema"),
                                     QStringLiteral("INSERT INTO inbox_schema (version) VALUES (%1)").arg(SchemaVersion)}) {
        if (!query.exec(statement))
            return Result<void>::failure(sqlError(Text::tr("cannot create the inbox %1").arg(location()), query));
    }
    return transaction.commit();
}

Result<bool> ProposalInbox::claimAction(const QString &key, const QString &actor, qint64 nowMs, qint64 takeOverAfterMs)
{
    QSqlQuery insert(m_database);
    insert.prepare(QStringLiteral("INSERT INTO guard_actions (action_key, actor, created_ms) VALUES (?, ?, ?) ")
                   + (takeOverAfterMs > 0 ? QStringLiteral("ON CONFLICT (action_key) DO UPDATE SET actor = excluded.actor, "
                                                           "created_ms = excluded.created_ms WHERE guard_actions.created_ms <= ?")
                                          : QStringLiteral("ON CONFLICT (action_key) DO NOTHING")));
    insert.addBindValue(key);
    insert.addBindValue(actor);
    insert.addBindValue(nowMs);
    if (takeOverAfterMs > 0)
        insert.addBindValue(nowMs - takeOverAfterMs);
    if (!insert.exec())
        return Result<bool>::failure(sqlError(Text::tr("cannot record the action in the inbox"), insert));
    return insert.numRowsAffected() == 1;
}

Result<QList<GuardHeartbeat>> ProposalInbox::guards() const
{
    const QString now = m_engine == Engine::Postgres
                            ? QStringLiteral("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)")
                            : QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)");
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("SELECT guard_id, host, is_leader, started_ms, %1 - seen_ms FROM guards "
                                   "ORDER BY is_leader DESC, seen_ms DESC")
                        .arg(now)))
        return Result<QList<GuardHeartbeat>>::failure(sqlError(Text::tr("cannot read the guards"), query));
    QList<GuardHeartbeat> guards;
    while (query.next())
        guards.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toInt() != 0,
                       query.value(3).toLongLong(), std::max<qint64>(0, query.value(4).toLongLong())});
    return guards;
}

QStringList ProposalInbox::agentRoleStatements(const QString &role)
{
    const QString quoted = QLatin1Char('"') + QString(role).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return {
        QStringLiteral("GRANT SELECT ON inbox_schema, proposals, decisions TO %1").arg(quoted),
        QStringLiteral("GRANT INSERT (id, seq, created_ms, agent, client_name, client_version, model, server, "
                       "environment, flag_key, action, parameters, flag_revision, flag_before, reason, evidence, "
                       "risk, expires_ms, updated_ms) ON proposals TO %1")
            .arg(quoted),
        QStringLiteral("GRANT USAGE ON SEQUENCE proposal_seq TO %1").arg(quoted),
    };
}

QStringList ProposalInbox::reviewerRoleStatements(const QString &role)
{
    const QString quoted = QLatin1Char('"') + QString(role).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return {
        QStringLiteral("GRANT SELECT ON inbox_schema, proposals, decisions, guards, approval_policy TO %1").arg(quoted),
        // reviewer may be named, but only as the role itself: the trigger refuses any other name.
        QStringLiteral("GRANT INSERT (proposal_id, reviewer, time_ms, verdict, comment, flag_revision) ON decisions TO %1")
            .arg(quoted),
        // A proposal's life (decided, claimed, ended, expired, superseded); the trigger keeps it in order.
        QStringLiteral("GRANT UPDATE (status, outcome, seq, updated_ms, execution) ON proposals TO %1").arg(quoted),
        QStringLiteral("GRANT USAGE ON SEQUENCE proposal_seq TO %1").arg(quoted),
        // Acting once on a guardrail regression, whichever console or guard sees it first.
        QStringLiteral("GRANT SELECT, INSERT, UPDATE (actor, created_ms) ON guard_actions TO %1").arg(quoted),
    };
}

void ProposalInbox::watch()
{
    if (m_engine == Engine::Postgres) {
        QSqlDriver *driver = m_database.driver();
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                    if (name == NotifyChannel)
                        Q_EMIT changed({payload.toString()});
                });
        driver->subscribeToNotification(NotifyChannel);
        // A dropped connection is opened again; what was missed is read as one change.
        m_poll = new QTimer(this);
        connect(m_poll, &QTimer::timeout, this, &ProposalInbox::checkConnection);
        m_poll->start(ConnectionCheckMs);
        return;
    }
    // SQLite: a commit by another process writes the WAL file. data_version says whether the
    // database changed since this connection last looked; the timer covers a missed file event.
    checkSqliteVersion();
    m_watcher = new QFileSystemWatcher(this);
    const QString wal = m_location + QStringLiteral("-wal");
    m_watcher->addPath(QFileInfo(m_location).absolutePath());
    m_watcher->addPath(m_location);
    if (QFileInfo::exists(wal))
        m_watcher->addPath(wal);
    const auto look = [this, wal] {
        if (QFileInfo::exists(wal) && !m_watcher->files().contains(wal))
            m_watcher->addPath(wal);
        checkSqliteVersion();
    };
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, look);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, look);
    m_poll = new QTimer(this);
    connect(m_poll, &QTimer::timeout, this, look);
    m_poll->start(1000);
}

void ProposalInbox::checkConnection()
{
    QString reason;
    {
        QSqlQuery probe(m_database);
        if (probe.exec(QStringLiteral("SELECT 1")))
            return;
        reason = probe.lastError().text().trimmed();
    }
    if (reason.isEmpty())
        reason = Text::tr("the database does not answer");
    if (m_reachable) {
        m_reachable = false;
        m_unreachableReason = reason;
        m_poll->setInterval(ReconnectMs);
        Q_EMIT reachableChanged(false, reason);
    }
    m_database.close();
    if (!m_database.open()) {
        m_unreachableReason = m_database.lastError().text().trimmed();
        return;
    }
    // Listening first: whatever commits from now on is notified, whatever committed before is read.
    m_database.driver()->subscribeToNotification(NotifyChannel);
    readSession(); // claims from now on are this new session's
    m_reachable = true;
    m_unreachableReason.clear();
    m_poll->setInterval(ConnectionCheckMs);
    Q_EMIT reachableChanged(true, {});
    Q_EMIT changed({});
}

void ProposalInbox::checkSqliteVersion()
{
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return;
    const qint64 version = query.value(0).toLongLong();
    const bool first = m_dataVersion < 0;
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    if (!first)
        Q_EMIT changed({});
}

QString ProposalInbox::nextSeq() const
{
    // SQLite writers are serialized (BEGIN IMMEDIATE), so the next number is always the highest.
    return m_engine == Engine::Postgres ? QStringLiteral("nextval('proposal_seq')")
                                        : QStringLiteral("(SELECT COALESCE(MAX(seq), 0) + 1 FROM proposals)");
}

Result<void> ProposalInbox::notify(const QString &id)
{
    if (m_engine != Engine::Postgres)
        return {};
    QSqlQuery query(m_database);
    query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    query.addBindValue(NotifyChannel);
    query.addBindValue(id);
    if (!query.exec())
        return Result<void>::failure(sqlError(Text::tr("cannot notify the consoles"), query));
    return {};
}

bool ProposalInbox::isProposer(const Proposer &proposer, const QString &reviewer)
{
    const QString name = reviewer.trimmed();
    if (name.isEmpty())
        return true; // nobody in particular can never decide
    return name.compare(proposer.agent.trimmed(), Qt::CaseInsensitive) == 0
        || name.compare(proposer.clientName.trimmed(), Qt::CaseInsensitive) == 0;
}

Result<Proposal> ProposalInbox::propose(Proposal proposal)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    proposal.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (proposal.createdMs == 0)
        proposal.createdMs = now;
    if (proposal.expiresMs == 0)
        proposal.expiresMs = proposal.createdMs + DefaultLifetimeMs;
    proposal.updatedMs = proposal.createdMs;
    proposal.status = ProposalStatus::Pending;
    proposal.outcome.clear();
    proposal.decisions.clear();
    // On PostgreSQL the database writes the proposer role (an agent's role may not even name it).
    const bool namesRole = m_engine == Engine::Sqlite;

    Transaction transaction(*this);
    if (!transaction.isOpen())
        return Result<Proposal>::failure(transaction.error());
    QSqlQuery insert(m_database);
    insert.prepare(QStringLiteral("INSERT INTO proposals (id, seq, created_ms, agent, client_name, client_version, "
                                  "model, server, environment, flag_key, action, parameters, flag_revision, "
                                  "flag_before, reason, evidence, risk, expires_ms, updated_ms%2) "
                                  "VALUES (?, %1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?%3)")
                       .arg(nextSeq(), namesRole ? QStringLiteral(", proposer_role") : QString(),
                            namesRole ? QStringLiteral(", ?") : QString()));
    for (const QVariant &value : {QVariant(proposal.id), QVariant(proposal.createdMs), sqlText(proposal.proposer.agent),
                                  sqlText(proposal.proposer.clientName), sqlText(proposal.proposer.clientVersion),
                                  sqlText(proposal.proposer.model), sqlText(proposal.target.connectionId),
                                  sqlText(proposal.target.environment), sqlText(proposal.target.key),
                                  QVariant(flagActionName(proposal.action)), QVariant(jsonText(proposal.parameters)),
                                  sqlText(proposal.flagRevision), QVariant(jsonText(proposal.flagBefore)),
                                  sqlText(proposal.reason), QVariant(jsonText(proposal.evidence)),
                                  QVariant(riskName(proposal.risk)), QVariant(proposal.expiresMs),
                                  QVariant(proposal.updatedMs)})
        insert.addBindValue(value);
    if (namesRole)
        insert.addBindValue(sqlText(m_identity));
    if (!insert.exec())
        return Result<Proposal>::failure(refusal(Text::tr("cannot store the proposal"), insert));
    if (const Result<void> notified = notify(proposal.id); !notified)
        return Result<Proposal>::failure(notified.error());
    if (const Result<void> committed = transaction.commit(); !committed)
        return Result<Proposal>::failure(committed.error());
    Q_EMIT changed({proposal.id});
    return find(proposal.id);
}

Result<QList<Proposal>> ProposalInbox::readProposals(QSqlQuery &query) const
{
    QList<Proposal> proposals;
    while (query.next()) {
        Proposal proposal;
        proposal.id = query.value(0).toString();
        proposal.seq = query.value(1).toLongLong();
        proposal.createdMs = query.value(2).toLongLong();
        proposal.proposer = {query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                             query.value(6).toString()};
        proposal.target = {query.value(7).toString(), query.value(8).toString(), query.value(9).toString()};
        const auto action = flagActionFromName(query.value(10).toString());
        const auto risk = riskFromName(query.value(16).toString());
        const auto status = proposalStatusFromName(query.value(18).toString());
        // The schema's CHECKs keep these valid; a row edited around them is left out, not guessed at.
        if (!action || !risk || !status)
            continue;
        proposal.action = *action;
        proposal.parameters = jsonObject(query.value(11));
        proposal.flagRevision = query.value(12).toString();
        proposal.flagBefore = jsonObject(query.value(13));
        proposal.reason = query.value(14).toString();
        proposal.evidence = jsonObject(query.value(15));
        proposal.risk = *risk;
        proposal.expiresMs = query.value(17).toLongLong();
        proposal.status = *status;
        proposal.outcome = query.value(19).toString();
        proposal.updatedMs = query.value(20).toLongLong();
        proposal.proposerRole = query.value(21).toString();
        proposals.append(proposal);
    }
    if (query.lastError().isValid())
        return Result<QList<Proposal>>::failure(sqlError(Text::tr("cannot read the inbox"), query));
    if (const Result<void> read = readDecisions(proposals); !read)
        return Result<QList<Proposal>>::failure(read.error());
    return proposals;
}

Result<void> ProposalInbox::readDecisions(QList<Proposal> &proposals) const
{
    QHash<QString, qsizetype> indexById;
    for (qsizetype i = 0; i < proposals.size(); ++i)
        indexById.insert(proposals.at(i).id, i);
    constexpr qsizetype Chunk = 200;
    for (qsizetype start = 0; start < proposals.size(); start += Chunk) {
        const qsizetype count = std::min(Chunk, proposals.size() - start);
        QStringList marks(count, QStringLiteral("?"));
        QSqlQuery query(m_database);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT proposal_id, reviewer, time_ms, verdict, comment, flag_revision "
                                     "FROM decisions WHERE proposal_id IN (%1) ORDER BY time_ms")
                          .arg(marks.join(QStringLiteral(", "))));
        for (qsizetype i = start; i < start + count; ++i)
            query.addBindValue(proposals.at(i).id);
        if (!query.exec())
            return Result<void>::failure(sqlError(Text::tr("cannot read the decisions"), query));
        while (query.next()) {
            ProposalDecision decision;
            decision.reviewer = query.value(1).toString();
            decision.timeMs = query.value(2).toLongLong();
            decision.verdict = query.value(3).toString() == QStringLiteral("reject") ? ProposalDecision::Verdict::Reject
                                                                                     : ProposalDecision::Verdict::Approve;
            decision.comment = query.value(4).toString();
            decision.flagRevision = query.value(5).toString();
            proposals[indexById.value(query.value(0).toString())].decisions.append(decision);
        }
    }
    return {};
}

Result<Proposal> ProposalInbox::find(const QString &id) const
{
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM proposals WHERE id = ?").arg(ProposalColumns));
    query.addBindValue(id);
    if (!query.exec())
        return Result<Proposal>::failure(sqlError(Text::tr("cannot read the inbox"), query));
    Result<QList<Proposal>> found = readProposals(query);
    if (!found)
        return Result<Proposal>::failure(found.error());
    if (found->isEmpty())
        return Result<Proposal>::failure(Text::tr("there is no proposal %1").arg(id));
    return found->first();
}

Result<QList<Proposal>> ProposalInbox::list(std::optional<ProposalStatus> status, const QString &flagKey, int limit) const
{
    QStringList conditions;
    if (status)
        conditions.append(QStringLiteral("status = ?"));
    if (!flagKey.isEmpty())
        conditions.append(QStringLiteral("flag_key = ?"));
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM proposals %2 ORDER BY created_ms DESC, seq DESC LIMIT %3")
                      .arg(ProposalColumns,
                           conditions.isEmpty() ? QString() : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND ")))
                      .arg(std::clamp(limit, 1, 100000)));
    if (status)
        query.addBindValue(proposalStatusName(*status));
    if (!flagKey.isEmpty())
        query.addBindValue(flagKey);
    if (!query.exec())
        return Result<QList<Proposal>>::failure(sqlError(Text::tr("cannot read the inbox"), query));
    return readProposals(query);
}

Result<QList<Proposal>> ProposalInbox::changedSince(qint64 seq, const QStringList &ids) const
{
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    QString named;
    if (!ids.isEmpty())
        named = QStringLiteral(" OR id IN (%1)").arg(QStringList(ids.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
    query.prepare(QStringLiteral("SELECT %1 FROM proposals WHERE seq > ?%2 ORDER BY seq").arg(ProposalColumns, named));
    query.addBindValue(seq);
    for (const QString &id : ids)
        query.addBindValue(id);
    if (!query.exec())
        return Result<QList<Proposal>>::failure(sqlError(Text::tr("cannot read the inbox"), query));
    return readProposals(query);
}

Result<Proposal> ProposalInbox::decide(const DecisionRequest &request)
{
    using Failure = Result<Proposal>;
    Transaction transaction(*this);
    if (!transaction.isOpen())
        return Failure::failure(transaction.error());
    QSqlQuery select(m_database);
    select.setForwardOnly(true);
    select.prepare(QStringLiteral("SELECT %1 FROM proposals WHERE id = ?%2")
                       .arg(ProposalColumns, m_engine == Engine::Postgres ? QStringLiteral(" FOR UPDATE") : QString()));
    select.addBindValue(request.proposalId);
    if (!select.exec())
        return Failure::failure(sqlError(Text::tr("cannot read the inbox"), select));
    Result<QList<Proposal>> rows = readProposals(select);
    if (!rows)
        return Failure::failure(rows.error());
    if (rows->isEmpty())
        return Failure::failure(Text::tr("there is no proposal %1").arg(request.proposalId));
    const Proposal proposal = rows->first();
    const ProposalDecision &decision = request.decision;

    if (proposal.status != ProposalStatus::Pending)
        return Failure::failure(Text::tr("the proposal is already %1").arg(proposalStatusName(proposal.status)));
    if (proposal.isExpired(request.nowMs)) {
        if (setStatus(proposal.id, ProposalStatus::Pending, ProposalStatus::Expired, Text::tr("expired unapproved"),
                      request.nowMs)
                .ok()
            && transaction.commit().ok())
            Q_EMIT changed({proposal.id});
        return Failure::failure(Text::tr("the proposal expired at %1 and can no longer run").arg(isoTime(proposal.expiresMs)));
    }
    if (isProposer(proposal.proposer, decision.reviewer))
        return Failure::failure(Text::tr("%1 made this proposal and cannot decide it").arg(decision.reviewer));
    // On PostgreSQL the database knows who proposed and who decides; so does this check, first.
    if (m_engine == Engine::Postgres && !proposal.proposerRole.isEmpty() && proposal.proposerRole == m_identity)
        return Failure::failure(Text::tr("%1 made this proposal and cannot decide it").arg(m_identity));
    if (decision.flagRevision != request.currentRevision)
        return Failure::failure(Text::tr("the flag changed since it was reviewed (revision %1, now %2): review what "
                                         "changed and decide again")
                                    .arg(decision.flagRevision, request.currentRevision));
    if (proposal.wasDecidedBy(decision.reviewer, request.currentRevision))
        return Failure::failure(Text::tr("%1 already decided this proposal").arg(decision.reviewer));

    QSqlQuery insert(m_database);
    insert.prepare(QStringLiteral("INSERT INTO decisions (proposal_id, reviewer, time_ms, verdict, comment, flag_revision) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(proposal.id);
    insert.addBindValue(decision.reviewer);
    insert.addBindValue(request.nowMs);
    insert.addBindValue(verdictName(decision.verdict));
    insert.addBindValue(sqlText(decision.comment));
    insert.addBindValue(sqlText(decision.flagRevision));
    if (!insert.exec())
        return Failure::failure(refusal(Text::tr("cannot store the decision"), insert, decision.reviewer));

    ProposalStatus next = ProposalStatus::Pending;
    QString outcome;
    if (decision.verdict == ProposalDecision::Verdict::Reject) {
        next = ProposalStatus::Rejected;
        outcome = Text::tr("rejected by %1").arg(decision.reviewer);
    } else if (proposal.approvalsAt(request.currentRevision) + 1
               >= std::max({1, request.approvalsRequired, inboxApprovals(proposal.risk)})) {
        next = ProposalStatus::Approved;
    }
    QSqlQuery update(m_database);
    update.prepare(QStringLiteral("UPDATE proposals SET status = ?, outcome = ?, seq = %1, updated_ms = ? "
                                  "WHERE id = ? AND status = 'pending'")
                       .arg(nextSeq()));
    update.addBindValue(proposalStatusName(next));
    update.addBindValue(sqlText(outcome));
    update.addBindValue(request.nowMs);
    update.addBindValue(proposal.id);
    if (!update.exec() || update.numRowsAffected() != 1)
        return Failure::failure(refusal(Text::tr("cannot record the decision"), update));
    if (const Result<void> notified = notify(proposal.id); !notified)
        return Failure::failure(notified.error());
    if (const Result<void> committed = transaction.commit(); !committed)
        return Failure::failure(committed.error());
    Q_EMIT changed({proposal.id});
    return find(proposal.id);
}

Result<bool> ProposalInbox::setStatus(const QString &id, ProposalStatus from, ProposalStatus to,
                                      const QString &outcome, qint64 nowMs)
{
    QSqlQuery update(m_database);
    update.prepare(QStringLiteral("UPDATE proposals SET status = ?, outcome = ?, seq = %1, updated_ms = ? "
                                  "WHERE id = ? AND status = ?")
                       .arg(nextSeq()));
    update.addBindValue(proposalStatusName(to));
    update.addBindValue(sqlText(outcome));
    update.addBindValue(nowMs);
    update.addBindValue(id);
    update.addBindValue(proposalStatusName(from));
    if (!update.exec())
        return Result<bool>::failure(sqlError(Text::tr("cannot change the proposal"), update));
    if (update.numRowsAffected() != 1)
        return false;
    if (const Result<void> notified = notify(id); !notified)
        return Result<bool>::failure(notified.error());
    return true;
}

Result<bool> ProposalInbox::claim(const QString &id, const QString &executor, qint64 nowMs, const QString &flagRevision)
{
    Transaction transaction(*this);
    if (!transaction.isOpen())
        return Result<bool>::failure(transaction.error());
    const QJsonObject intent{{QStringLiteral("executor"), executor},
                             {QStringLiteral("session"), m_session},
                             {QStringLiteral("flag_revision"), flagRevision},
                             {QStringLiteral("claimed_ms"), double(nowMs)}};
    QSqlQuery update(m_database);
    update.prepare(QStringLiteral("UPDATE proposals SET status = 'executing', outcome = ?, execution = ?, seq = %1, "
                                  "updated_ms = ? WHERE id = ? AND status = 'approved'")
                       .arg(nextSeq()));
    update.addBindValue(Text::tr("run by %1").arg(executor));
    update.addBindValue(jsonText(intent));
    update.addBindValue(nowMs);
    update.addBindValue(id);
    if (!update.exec())
        return Result<bool>::failure(refusal(Text::tr("cannot change the proposal"), update));
    const bool moved = update.numRowsAffected() == 1;
    if (moved) {
        if (const Result<void> notified = notify(id); !notified)
            return Result<bool>::failure(notified.error());
    }
    if (const Result<void> committed = transaction.commit(); !committed)
        return Result<bool>::failure(committed.error());
    if (moved)
        Q_EMIT changed({id});
    return moved;
}

Result<Proposal> ProposalInbox::finish(const QString &id, bool executed, const QString &outcome, qint64 nowMs)
{
    Transaction transaction(*this);
    if (!transaction.isOpen())
        return Result<Proposal>::failure(transaction.error());
    const Result<bool> moved = setStatus(id, ProposalStatus::Executing,
                                         executed ? ProposalStatus::Executed : ProposalStatus::Failed, outcome, nowMs);
    if (!moved.ok())
        return Result<Proposal>::failure(moved.error());
    if (!moved.value())
        return Result<Proposal>::failure(Text::tr("the proposal %1 is not running").arg(id));
    if (const Result<void> committed = transaction.commit(); !committed)
        return Result<Proposal>::failure(committed.error());
    Q_EMIT changed({id});
    return find(id);
}

Result<int> ProposalInbox::expireDue(qint64 nowMs)
{
    Transaction transaction(*this);
    if (!transaction.isOpen())
        return Result<int>::failure(transaction.error());
    QSqlQuery update(m_database);
    update.prepare(QStringLiteral("UPDATE proposals SET status = 'expired', outcome = ?, seq = %1, updated_ms = ? "
                                  "WHERE status = 'pending' AND expires_ms <= ? RETURNING id")
                       .arg(nextSeq()));
    update.addBindValue(Text::tr("expired unapproved"));
    update.addBindValue(nowMs);
    update.addBindValue(nowMs);
    if (!update.exec())
        return Result<int>::failure(sqlError(Text::tr("cannot expire proposals"), update));
    QStringList ids;
    while (update.next())
        ids.append(update.value(0).toString());
    update.finish();
    for (const QString &id : std::as_const(ids)) {
        if (const Result<void> notified = notify(id); !notified)
            return Result<int>::failure(notified.error());
    }
    if (const Result<void> committed = transaction.commit(); !committed)
        return Result<int>::failure(committed.error());
    if (!ids.isEmpty())
        Q_EMIT changed(ids);
    return int(ids.size());
}

Result<bool> ProposalInbox::withdraw(const QString &id, const QString &outcome, qint64 nowMs)
{
    Transaction transaction(*this);
    if (!transaction.isOpen())
        return Result<bool>::failure(transaction.error());
    const Result<bool> changed = setStatus(id, ProposalStatus::Pending, ProposalStatus::Superseded, outcome, nowMs);
    if (!changed || !changed.value())
        return changed;
    if (const Result<void> committed = transaction.commit(); !committed)
        return Result<bool>::failure(committed.error());
    Q_EMIT this->changed({id});
    return true;
}

Result<int> ProposalInbox::supersedeOlder(const Proposal &newer)
{
    Transaction transaction(*this);
    if (!transaction.isOpen())
        return Result<int>::failure(transaction.error());
    QSqlQuery update(m_database);
    update.prepare(QStringLiteral("UPDATE proposals SET status = 'superseded', outcome = ?, seq = %1, updated_ms = ? "
                                  "WHERE status = 'pending' AND server = ? AND environment = ? AND flag_key = ? "
                                  "AND agent = ? AND created_ms <= ? AND id <> ? RETURNING id")
                       .arg(nextSeq()));
    update.addBindValue(Text::tr("superseded by %1").arg(newer.id));
    update.addBindValue(QDateTime::currentMSecsSinceEpoch());
    update.addBindValue(newer.target.connectionId);
    update.addBindValue(newer.target.environment);
    update.addBindValue(newer.target.key);
    update.addBindValue(newer.proposer.agent);
    update.addBindValue(newer.createdMs);
    update.addBindValue(newer.id);
    if (!update.exec())
        return Result<int>::failure(sqlError(Text::tr("cannot supersede proposals"), update));
    QStringList ids;
    while (update.next())
        ids.append(update.value(0).toString());
    update.finish();
    for (const QString &id : std::as_const(ids)) {
        if (const Result<void> notified = notify(id); !notified)
            return Result<int>::failure(notified.error());
    }
    if (const Result<void> committed = transaction.commit(); !committed)
        return Result<int>::failure(committed.error());
    if (!ids.isEmpty())
        Q_EMIT changed(ids);
    return int(ids.size());
}
