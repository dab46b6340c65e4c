#pragma once

#include "../core/evalcheck.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;

// The eval reports contracts require, kept current: a file is read when first asked for and again
// when it (or its folder: a new file for a glob, an editor's save by rename) changes; a URL is
// fetched when first asked for, and again every RefetchMs. Never blocks on the network: a URL not
// answered yet is Pending, which keeps the gate closed until it answers.
class EvalWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int ReloadDelayMs = 200;
    static constexpr int RefetchMs = 5 * 60 * 1000;
    static constexpr int FetchTimeoutMs = 20000;

    explicit EvalWatcher(QObject *parent = nullptr);
    ~EvalWatcher() override;

    // The evals the stage requires (entering it), each held against its report as of now.
    QList<EvalCheck> checks(const Contract &contract, int stage) const;
    // Some URL has not answered yet.
    bool fetching() const;

Q_SIGNALS:
    // A report changed, arrived or went away: checks() may answer differently.
    void changed();

private:
    // A report as last read or fetched; checks against it are worked out when asked, as its age moves on.
    struct Loaded
    {
        bool pending = true;
        QString location; // the file found, or the URL
        EvalReportRead read;
        qint64 fileTimeMs = 0; // the file's modification time, or the answer's Last-Modified
        bool missing = false;  // no file matched, or the URL did not answer with a report
        QString why;           // why it is missing
    };

    static EvalCheck checkLoaded(const QString &stage, const ContractEval &eval, const Loaded &loaded);

    EvalCheck fileCheck(const QString &stage, const ContractEval &eval, const QString &contractFile) const;
    EvalCheck urlCheck(const QString &stage, const ContractEval &eval) const;
    void fetch(const QString &url) const;
    void watch(const QString &path) const;

    // A cache, filled when asked: these change under const checks().
    mutable QHash<QString, Loaded> m_files; // by contract file and report as written
    mutable QHash<QString, Loaded> m_urls;
    mutable QFileSystemWatcher m_watcher;
    mutable QNetworkAccessManager *m_network = nullptr;
    QTimer m_reload;
    QTimer m_refetch;
};
