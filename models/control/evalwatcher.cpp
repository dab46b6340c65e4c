#include "evalwatcher.h"

#include "../store/evalreportfiles.h"

#include <QDateTime>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>

EvalWatcher::EvalWatcher(QObject *parent) : QObject(parent)
{
    m_reload.setSingleShot(true);
    m_reload.setInterval(ReloadDelayMs);
    connect(&m_reload, &QTimer::timeout, this, [this] {
        m_files.clear();
        Q_EMIT changed();
    });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_reload, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_reload, qOverload<>(&QTimer::start));
    m_refetch.setInterval(RefetchMs);
    connect(&m_refetch, &QTimer::timeout, this, [this] {
        // What was fetched stays shown until the new answer replaces it.
        for (auto it = m_urls.cbegin(); it != m_urls.cend(); ++it) {
            if (!it.value().pending)
                fetch(it.key());
        }
    });
}

EvalWatcher::~EvalWatcher() = default;

bool EvalWatcher::fetching() const
{
    return std::any_of(m_urls.cbegin(), m_urls.cend(), [](const Loaded &loaded) { return loaded.pending; });
}

QList<EvalCheck> EvalWatcher::checks(const Contract &contract, int stage) const
{
    QList<EvalCheck> all;
    if (stage < 0 || stage >= contract.stages.size())
        return all;
    const ContractStage &entered = contract.stages.at(stage);
    for (const ContractEval &eval : entered.evals)
        all.append(eval.isUrl() ? urlCheck(entered.name, eval) : fileCheck(entered.name, eval, contract.sourceFile));
    return all;
}

EvalCheck EvalWatcher::checkLoaded(const QString &stage, const ContractEval &eval, const Loaded &loaded)
{
    if (loaded.pending)
        return evalWithoutReport(stage, eval, EvalCheck::State::Pending, loaded.location, tr("the report is being fetched"));
    if (loaded.missing)
        return evalWithoutReport(stage, eval, EvalCheck::State::Missing, loaded.location, loaded.why);
    if (!loaded.read.report) {
        EvalCheck check = evalWithoutReport(stage, eval, EvalCheck::State::Unreadable, loaded.location,
                                            tr("the report cannot be used: %1").arg(loaded.read.error));
        check.problemLine = loaded.read.line;
        check.problemColumn = loaded.read.column;
        return check;
    }
    EvalCheck check = checkEvalReport(stage, eval, *loaded.read.report, loaded.fileTimeMs, QDateTime::currentMSecsSinceEpoch());
    check.location = loaded.location;
    return check;
}

void EvalWatcher::watch(const QString &wanted) const
{
    // Resources never change, and QFileSystemWatcher cannot watch them.
    if (wanted.startsWith(QLatin1Char(':')))
        return;
    // A folder that does not exist yet: its nearest parent that does tells when it comes.
    QString path = wanted;
    while (!QFileInfo::exists(path)) {
        const QString parent = QFileInfo(path).absolutePath();
        if (parent == path)
            return;
        path = parent;
    }
    if (!m_watcher.files().contains(path) && !m_watcher.directories().contains(path))
        m_watcher.addPath(path);
}

EvalCheck EvalWatcher::fileCheck(const QString &stage, const ContractEval &eval, const QString &contractFile) const
{
    const QString key = contractFile + QLatin1Char('\n') + eval.report;
    auto found = m_files.constFind(key);
    if (found == m_files.cend()) {
        watch(EvalReportFiles::folderOf(eval, contractFile));
        Loaded loaded;
        loaded.pending = false;
        loaded.location = EvalReportFiles::find(eval, contractFile, &loaded.why);
        loaded.missing = loaded.location.isEmpty();
        if (!loaded.missing) {
            watch(loaded.location);
            loaded.read = EvalReportFiles::read(loaded.location, &loaded.fileTimeMs);
        }
        found = m_files.insert(key, loaded);
    }
    return checkLoaded(stage, eval, found.value());
}

EvalCheck EvalWatcher::urlCheck(const QString &stage, const ContractEval &eval) const
{
    if (!m_urls.contains(eval.report))
        fetch(eval.report);
    return checkLoaded(stage, eval, m_urls.value(eval.report));
}

void EvalWatcher::fetch(const QString &url) const
{
    if (!m_network)
        m_network = new QNetworkAccessManager(const_cast<EvalWatcher *>(this));
    Loaded &entry = m_urls[url];
    entry.location = url;
    if (!entry.read.report && !entry.missing)
        entry.pending = true;
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(FetchTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    // A report is a file of test results; a far larger answer is not one.
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > EvalReportFiles::MaxReportBytes) {
            reply->setProperty("tooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        Loaded loaded;
        loaded.pending = false;
        loaded.location = url;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->property("tooLarge").toBool()) {
            loaded.missing = true;
            loaded.why = tr("the answer is larger than 64 MiB; not read");
        } else if (reply->error() != QNetworkReply::NoError) {
            loaded.missing = true;
            loaded.why = status > 0 ? tr("the server answered %1 %2")
                                          .arg(status)
                                          .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
                                    : tr("cannot fetch it: %1").arg(reply->errorString());
        } else {
            loaded.read = readEvalReport(reply->readAll());
            const QDateTime modified = reply->header(QNetworkRequest::LastModifiedHeader).toDateTime();
            loaded.fileTimeMs = modified.isValid() ? modified.toMSecsSinceEpoch() : 0;
        }
        m_urls.insert(url, loaded);
        if (!m_refetch.isActive())
            const_cast<QTimer &>(m_refetch).start();
        Q_EMIT const_cast<EvalWatcher *>(this)->changed();
    });
}
